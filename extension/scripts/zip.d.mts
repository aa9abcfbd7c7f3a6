/** Deterministic ZIP (see zip.mjs): sorted entries, fixed 1980-01-01 timestamps, deflate level 9. */
export function zip(files: readonly { path: string; data: Uint8Array }[]): Uint8Array;
