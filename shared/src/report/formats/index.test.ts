// The format registry: conventions (every format registered once, id = file name, a test beside it) and
// the order its header comment promises: structural report parts before prose, a vendor's challenge
// before rfc3464 (Boxbe sends its challenge as a delivery-status report), auto-replies last.
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FORMATS } from './index';

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter(f => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'types.ts')
  .map(f => f.slice(0, -3))
  .sort();
const ids = FORMATS.map(f => f.id);
const position = (id: string) => ids.indexOf(id);

describe('registry', () => {
  test('every format file is registered, once', () => {
    expect([...ids].sort()).toEqual(files);
  });

  test.each(files)('%s has a test file beside it', id => {
    expect(readdirSync(dir)).toContain(`${id}.test.ts`);
  });

  test.each([
    { before: 'arf', after: 'rfc3464' },
    { before: 'mdn', after: 'rfc3464' },
    { before: 'challenge', after: 'rfc3464' },
    { before: 'rfc3464', after: 'prose' },
    { before: 'virus-notice', after: 'prose' },
    { before: 'prose', after: 'rfc3834' },
  ])('$before comes before $after', ({ before, after }) => {
    expect(position(before)).toBeGreaterThanOrEqual(0);
    expect(position(before)).toBeLessThan(position(after));
  });

  test('auto-replies are tried last (MTAs mark their bounces Auto-Submitted too)', () => {
    expect(ids.at(-1)).toBe('rfc3834');
  });
});
