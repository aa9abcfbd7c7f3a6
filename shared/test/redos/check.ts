// Runs the recheck ReDoS checker (https://makenowjust-labs.github.io/recheck/) over regular expressions,
// two at a time (this machine has two cores), with a fixed random seed so the fuzzing checker gives the
// same answer every run. A regex found safe is remembered in node_modules/.cache, keyed by the checker's
// version, the parameters and the pattern, so only new or changed patterns cost time on a second run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { check, type Diagnostics } from 'recheck';

export interface Finding {
  where: string[];
  source: string;
  flags: string;
  status: 'vulnerable' | 'unknown';
  detail: string;
  /** The checker's attack, when vulnerable: prefix + pump repeated, for each pump, then suffix. */
  pumps?: { prefix: string; pump: string }[];
  suffix?: string;
}

type Verdict = Pick<Finding, 'status' | 'detail' | 'pumps' | 'suffix'> | { status: 'safe' };

// Generous per-pattern time: "unknown" fails the test, so a busy machine must not make it give up.
export const PARAMS = { randomSeed: 20_260_101, timeout: 60_000 } as const;

const version = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('recheck/package.json'), 'utf8')) as {
    version: string;
  }
).version;

function cachePath(root: string): string {
  return path.join(root, 'node_modules/.cache/backscatter-guard/redos.json');
}

// The checker's answers for the patterns in the repository, committed: a full check of ~300 patterns
// takes 2–4 minutes on this 2-core machine (the fuzzing checker spends seconds on each pattern it calls
// vulnerable), so a run checks only patterns that are new or edited. `REDOS_WRITE_VERDICTS=1 npx vitest
// run shared/test/redos.test.ts` rewrites it with the answers for today's patterns.
const VERDICTS = path.join(import.meta.dirname, 'verdicts.json');

function readVerdicts(file: string): [string, Verdict][] {
  try {
    return Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Verdict>);
  } catch {
    return [];
  }
}

// A fixed seed makes the answer repeatable on an idle machine, so every answer (not only "safe") is
// remembered; on a busy one the fuzzing phase can end early and answer differently, which is why the
// answers are kept rather than recomputed.
function loadCache(root: string): Map<string, Verdict> {
  return new Map([...readVerdicts(VERDICTS), ...readVerdicts(cachePath(root))]);
}

/** The (source, flags) keys of the committed verdicts, as `key` writes them. */
export function committedKeys(): Set<string> {
  return new Set(readVerdicts(VERDICTS).map(([k]) => k));
}

export function key(source: string, flags: string): string {
  return JSON.stringify([version, PARAMS, flags, source]);
}

function describe(d: Diagnostics): string {
  if (d.status === 'vulnerable') {
    return `${d.complexity.summary}; attack ${JSON.stringify(d.attack.pattern ?? d.attack.string.slice(0, 60))}`;
  }
  return d.status === 'unknown' ? String(d.error.kind) : 'safe';
}

/** The checker's attack string grown to about `chars` characters. */
export function attackString(f: Finding, chars: number): string {
  const pumps = f.pumps ?? [];
  const unit = pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const times = Math.max(1, Math.floor(chars / unit));
  return pumps.map(p => p.prefix + p.pump.repeat(times)).join('') + (f.suffix ?? '');
}

export interface Result {
  findings: Finding[];
  checked: number;
  fromCache: number;
}

/** Checks every distinct (source, flags); `where` lists the places each one occurs. */
export async function checkAll(
  regexes: readonly { where: string; source: string; flags: string }[],
  options: { root: string; concurrency?: number; useCache?: boolean; writeVerdicts?: boolean },
): Promise<Result> {
  const distinct = new Map<string, { source: string; flags: string; where: string[] }>();
  for (const r of regexes) {
    const k = key(r.source, r.flags);
    const entry = distinct.get(k) ?? { source: r.source, flags: r.flags, where: [] };
    entry.where.push(r.where);
    distinct.set(k, entry);
  }
  const cache = options.useCache === false ? new Map<string, Verdict>() : loadCache(options.root);
  const todo = [...distinct].filter(([k]) => !cache.has(k));
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const [k, r] = todo[next++]!;
      const d = await check(r.source, r.flags, PARAMS);
      cache.set(
        k,
        d.status === 'vulnerable'
          ? { status: 'vulnerable', detail: describe(d), pumps: d.attack.pumps, suffix: d.attack.suffix }
          : d.status === 'unknown'
            ? { status: 'unknown', detail: describe(d) }
            : { status: 'safe' },
      );
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  if (options.useCache !== false) {
    mkdirSync(path.dirname(cachePath(options.root)), { recursive: true });
    writeFileSync(cachePath(options.root), JSON.stringify(Object.fromEntries(cache)));
    if (options.writeVerdicts === true && process.env['REDOS_WRITE_VERDICTS'] === '1') {
      const current = [...distinct.keys()].sort().map(k => [k, cache.get(k)]);
      writeFileSync(
        VERDICTS,
        JSON.stringify(Object.fromEntries(current), null, 0).replaceAll('},"', '},\n"') + '\n',
      );
    }
  }
  const findings: Finding[] = [];
  for (const [k, r] of distinct) {
    const v = cache.get(k);
    if (v && v.status !== 'safe') {
      findings.push({ ...r, ...v });
    }
  }
  findings.sort((a, b) => a.where[0]!.localeCompare(b.where[0]!));
  return { findings, checked: distinct.size, fromCache: distinct.size - todo.length };
}
