// Issue 8 §1: every regular expression in the engine is checked for super-linear backtracking (ReDoS)
// with recheck, so a new one cannot slip in. Patterns come from the source (collect.ts) and from
// providers.json, which providers.ts compiles at load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { attackString, checkAll, committedKeys, key, type Finding } from './redos/check';
import { collect, type FoundRegex } from './redos/collect';
import { REVIEWED } from './redos/reviewed';
import { LOWER_PHRASES } from '../src/report/reason';

const root = path.resolve(import.meta.dirname, '../..');

/** Where the patterns of a constructor call that the source cannot show come from. */
const RESOLVERS: Record<string, () => FoundRegex[]> = {
  'shared/src/verdict/providers.ts': () => {
    const data = JSON.parse(readFileSync(path.join(root, 'shared/src/verdict/providers.json'), 'utf8')) as {
      providers: { id: string; messageIdPatterns: string[]; outboundHostPatterns: string[] }[];
    };
    return data.providers.flatMap(p =>
      [...p.messageIdPatterns, ...p.outboundHostPatterns].map(source => ({
        where: `shared/src/verdict/providers.json (${p.id})`,
        source,
        flags: 'i',
      })),
    );
  },
  // The phrase table's lower-cased twins (its own patterns with their letters lower-cased).
  'shared/src/report/reason.ts': () =>
    LOWER_PHRASES.map(re => ({
      where: 'shared/src/report/reason.ts (LOWER_PHRASES)',
      source: re.source,
      flags: re.flags,
    })),
};

/** V8's time on the checker's attack string grown to 256 KB, in ms. */
function v8Time(f: Finding): number {
  const re = new RegExp(f.source, f.flags.replace(/[gy]/g, ''));
  const input = attackString(f, 256 * 1024);
  const start = performance.now();
  re.exec(input);
  return performance.now() - start;
}

function problems(findings: readonly Finding[]): string[] {
  return findings.flatMap(f => {
    const reviewed = REVIEWED.find(r => r.source === f.source && f.where.some(w => w.startsWith(r.file)));
    if (reviewed && f.status === 'vulnerable') {
      const ms = v8Time(f);
      if (ms < 1000) {
        return [];
      }
      return [
        `${f.where.join(', ')}: reviewed, but V8 took ${Math.round(ms)} ms on the attack: /${f.source}/`,
      ];
    }
    return [`${f.where.join(', ')}: ${f.status} (${f.detail}): /${f.source}/${f.flags}`];
  });
}

describe('ReDoS check', () => {
  const found = collect(root, 'shared/src');

  test('every RegExp built at run time has a known source of patterns', () => {
    const unexplained = found.unresolved.filter(u => !RESOLVERS[u.where.split(':')[0]!]);
    expect(unexplained).toEqual([]);
  });

  const files = new Set(found.unresolved.map(u => u.where.split(':')[0]!));
  const regexes = [...found.regexes, ...[...files].flatMap(f => RESOLVERS[f]?.() ?? [])];

  // The fuzzing checker can answer differently on a busy machine (a CI run once called the lower-cased
  // twin of a reason phrase "2nd degree polynomial" that an idle run calls safe, and V8 runs linearly:
  // 4.5 ms on 790 KB of its attack). So every answer is committed, and CI reads it rather than
  // recomputing: a new or changed pattern fails here until its verdict is recorded.
  test('every pattern has a committed verdict (REDOS_WRITE_VERDICTS=1 npx vitest run shared/test/redos.test.ts)', () => {
    const committed = committedKeys();
    const missing = [...new Set(regexes.map(r => key(r.source, r.flags)))].filter(k => !committed.has(k));
    expect(missing).toEqual([]);
  });

  test('no regular expression in shared/src backtracks super-linearly', { timeout: 600_000 }, async () => {
    const start = performance.now();
    const result = await checkAll(regexes, { root, writeVerdicts: true });
    console.log(
      `ReDoS check: ${regexes.length} regexes (${result.checked} distinct, ${result.fromCache} from cache) in ${Math.round(performance.now() - start)} ms`,
    );
    expect(problems(result.findings)).toEqual([]);
  });

  test('the check rejects a vulnerable pattern (fixture)', { timeout: 300_000 }, async () => {
    const fixture = collect(root, 'shared/test/redos/fixture');
    const result = await checkAll(fixture.regexes, { root });
    expect(result.checked).toBe(4);
    expect(problems(result.findings).map(p => p.split(':')[0]! + ':' + p.split(':')[1]!)).toEqual([
      'shared/test/redos/fixture/vulnerable.ts:3',
      'shared/test/redos/fixture/vulnerable.ts:4',
      'shared/test/redos/fixture/vulnerable.ts:5',
    ]);
  });
});
