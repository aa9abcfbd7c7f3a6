export const DEV_ORIGIN: string;
export function normalizeBaseUrl(value: string): string;
export function manifestFor(xml: string, baseUrl: string): string;
