// The costly mistake on real mail: every bounce in test/corpus is a real bounce of mail its
// recipient's side really sent (test mail of the Sisimai and bounce-parser authors, anonymised). Taken
// as the user's own bounces with no Sent folder to search, almost none may be called backscatter. The
// corpus is beside the repository, not in it: the test skips when it is absent.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../analyze';
import type { Analysis } from '../types';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { evidenceKey } from '../../i18n/index';
import { decide } from './decide';
import { emptyProfile } from './profile';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const corpus = path.resolve(repoRoot, 'test/corpus');
const dirs = ['sisimai/maildir/bsd', 'bounceparser'].map(d => path.join(corpus, d));

async function load(): Promise<{ file: string; analysis: Analysis }[]> {
  const out = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter(f => f !== 'LICENSE')) {
      out.push({ file: f, analysis: await analyze(new Uint8Array(readFileSync(path.join(dir, f)))) });
    }
  }
  return out;
}

describe('real bounces, no Sent folder', () => {
  test('with the bounce’s addressee as the only identity, at most 0.5% are called backscatter', async () => {
    const all = await load();
    const called = all.filter(
      ({ analysis }) =>
        decide(analysis, emptyProfile(analysis.to.map(m => m.address)), {}).verdict === 'backscatter',
    );
    expect(all.length).toBeGreaterThan(700);
    expect(called.length / all.length, called.map(c => c.file).join(', ')).toBeLessThanOrEqual(0.005);
  });

  test('with no identity at all, none is called backscatter', async () => {
    const all = await load();
    expect(
      all
        .filter(({ analysis }) => decide(analysis, emptyProfile([]), {}).verdict === 'backscatter')
        .map(c => c.file),
    ).toEqual([]);
  });

  test('every evidence and explanation key decide() emits on real mail has English and German text', async () => {
    const all = await load();
    const missing = new Set<string>();
    for (const { analysis } of all) {
      const d = decide(analysis, emptyProfile(analysis.to.map(m => m.address)), {});
      for (const key of [
        ...d.evidence.map(evidenceKey),
        ...d.explanation.flatMap(e => [e.key, `${e.key}.action`]),
      ]) {
        if (en[key] === undefined || de[key] === undefined) {
          missing.add(key);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });
});
