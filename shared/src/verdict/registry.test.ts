// Conventions as tests: every signal file is registered once, its id is its file name, it has a test
// beside it, and every evidence key it can emit has English text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { en } from '../../i18n/en';
import { SIGNALS } from './registry';

const dir = path.join(import.meta.dirname, 'signals');
const files = readdirSync(dir)
  .filter(f => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map(f => f.slice(0, -3))
  .sort();

describe('signal registry', () => {
  test('every signal file is registered, once', () => {
    expect(SIGNALS.map(s => s.id).sort()).toEqual(files);
  });

  test.each(files)('%s is described in the README heuristics table', id => {
    const readme = readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`^\\| ${id} +\\|`, 'm'));
  });

  test.each(files)('%s has a test file beside it', id => {
    expect(readdirSync(dir)).toContain(`${id}.test.ts`);
  });

  test.each(files)('%s: every evidence key it emits has English text', id => {
    const source = readFileSync(path.join(dir, `${id}.ts`), 'utf8');
    const variants = [...source.matchAll(/variant: '([a-z-]+)'/g)].map(m => m[1]!);
    const directions = [...source.matchAll(/evidence\(id, '([a-z]+)'/g)].map(m => m[1]!);
    // A signal that never names a variant is keyed by its direction.
    const keys =
      variants.length > 0
        ? variants.map(v => `evidence.${id}.${v}`)
        : directions.map(d => `evidence.${id}.${d}`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter(key => en[key] === undefined)).toEqual([]);
  });
});
