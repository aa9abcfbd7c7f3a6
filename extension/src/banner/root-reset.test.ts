import { describe, expect, test } from 'vitest';
import { resetRootEffects, ROOT_RESET } from './root-reset';

describe("the root's painting effects, reset for the banner", () => {
  test("every effect is reset !important, the message's other inline style is kept, in one write", async () => {
    const root = document.createElement('html');
    root.setAttribute('style', 'color: rgb(1, 2, 3); filter: blur(4px) !important; opacity: 0');
    const writes: MutationRecord[] = [];
    const observer = new MutationObserver(records => writes.push(...records));
    observer.observe(root, { attributes: true, attributeFilter: ['style'] });
    resetRootEffects(root);
    await Promise.resolve();
    observer.disconnect();
    for (const [property, value] of ROOT_RESET) {
      expect([
        property,
        root.style.getPropertyValue(property),
        root.style.getPropertyPriority(property),
      ]).toEqual([property, value, 'important']);
    }
    expect(root.style.getPropertyValue('color')).toBe('rgb(1, 2, 3)');
    // One rewrite of the block (it was fifteen, one per property).
    expect(writes).toHaveLength(1);
  });
});
