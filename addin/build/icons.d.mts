export function encodePng(
  size: number,
  pixel: (x: number, y: number, size: number) => [number, number, number, number],
): Uint8Array;
export function renderIcons(): Map<string, Uint8Array>;
