// The root element's painting effects, reset for the banner (banner.tsx says why: a blur on <html>
// reached the top layer in Gecko). Inline !important beats every stylesheet rule of the message,
// and a message cannot run script to put them back.

export const ROOT_RESET: readonly [string, string][] = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['filter', 'none'],
  ['backdrop-filter', 'none'],
  ['transform', 'none'],
  ['translate', 'none'],
  ['rotate', 'none'],
  ['scale', 'none'],
  ['perspective', 'none'],
  ['clip-path', 'none'],
  ['mask', 'none'],
  ['mix-blend-mode', 'normal'],
  ['zoom', '1'],
  ['content-visibility', 'visible'],
];

/**
 * One write of the root's declaration block rather than one per property: every write parses and
 * rewrites the whole block (fifteen setProperty calls took about 1 ms a banner in a Gecko profile,
 * on the thread that draws the message). Appended, so the message's own inline style on <html>
 * keeps every other property.
 */
export function resetRootEffects(root: HTMLElement = document.documentElement): void {
  const style = root.style;
  style.cssText += ROOT_RESET.map(([property, value]) => `;${property}:${value} !important`).join('');
}
