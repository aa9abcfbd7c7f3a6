// The held-out tables stay well-formed: run.ts reads them against mail kept outside the repository, so a
// typo in a kind or a doubled row would only show as a wrong figure. The mail itself is not needed here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { AUTOMATED_KINDS } from '../../src/index';

const rows = (file: string): string[][] =>
  readFileSync(path.join(import.meta.dirname, file), 'utf8')
    .split('\n')
    .filter(l => l !== '' && !l.startsWith('#'))
    .map(l => l.split('\t'));

test.each([
  ['expected.tsv', 900],
  ['expected2.tsv', 600],
  ['expected3.tsv', 700],
])('%s: one row per message, a known kind, where the expectation comes from', (file, least) => {
  const table = rows(file);
  expect(table.length).toBeGreaterThan(least);
  const ids = table.map(r => r[0]);
  expect(new Set(ids).size).toBe(ids.length);
  for (const [id, kind, source, ...rest] of table) {
    expect(id).toMatch(/^[^/\s]+\/[^/\s]+$/);
    expect([...AUTOMATED_KINDS, 'other']).toContain(kind);
    expect(['project', 'read']).toContain(source);
    expect(rest).toEqual([]);
  }
});

test('expected-recipients.tsv: messages the kind table calls automated, addresses only', () => {
  const kinds = new Map(rows('expected.tsv').map(([id, kind]) => [id, kind]));
  for (const [id, list, source] of rows('expected-recipients.tsv')) {
    expect(kinds.get(id!)).toBeDefined();
    expect(kinds.get(id!)).not.toBe('other');
    for (const address of list!.split(',')) {
      expect(address).toMatch(/^[^@\s,]+@[^@\s,]+$/);
    }
    expect(source).toBe('project');
  }
});
