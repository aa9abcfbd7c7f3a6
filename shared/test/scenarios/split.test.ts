// The frozen split must not move: every name recorded in split.tsv keeps the side it had when the split
// was frozen, and both sides hold backscatter and legitimate mail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readLabels, scenarioDir } from './evaluate';
import { heldOutPersona, heldOutShell, sideOf } from './split';

const recorded = readFileSync(path.join(scenarioDir, 'split.tsv'), 'utf8')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map(line => line.split('\t') as [string, string, string]);

describe('frozen evaluation split', () => {
  test.each(recorded)('%s %s stays %s', (kind, name, side) => {
    const frozen = kind === 'persona' ? heldOutPersona(name) : heldOutShell(name);
    expect(frozen ? 'frozen' : 'tuning').toBe(side);
  });

  test('both sides hold backscatter and legitimate mail', () => {
    const rows = readLabels();
    for (const side of ['frozen', 'tuning'] as const) {
      const truths = new Set(rows.filter(r => sideOf(r) === side).map(r => r.truth));
      expect([...truths].sort(), side).toEqual(expect.arrayContaining(['backscatter', 'legitimate']));
    }
  });
});
