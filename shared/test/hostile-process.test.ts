// Issue 8 §1: each regex-bomb class at 250–500 KB, through the whole process a user runs: the built CLI,
// `backscatter-guard scan --json FILE`, timed from spawn to exit. The bound is generous (5 s) so a busy
// shared machine does not make it flaky; the cases took from 17 s to minutes before the fixes, and take
// well under a second now (medians are printed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOSTILE_CASES, REGEX_BOMB_CASES } from './hostile/cases';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/backscatter-guard.cjs');
let dir = '';

beforeAll(() => {
  // The test runs the CLI built from this tree, not a stale one.
  const build = spawnSync('npx', ['vite', 'build', '-c', 'cli/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  dir = mkdtempSync(path.join(tmpdir(), 'bsg-hostile-'));
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('whole process, each regex-bomb class', () => {
  test.each(REGEX_BOMB_CASES)('%s', name => {
    const c = HOSTILE_CASES.find(h => h.id === name)!;
    const bytes = c.build(c.n);
    const file = path.join(dir, `${name}.eml`);
    writeFileSync(file, bytes);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [cli, 'scan', '--json', file], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      times.push(performance.now() - start);
      expect(result.status, result.stderr).toBe(0);
      const record = JSON.parse(result.stdout.trim().split('\n')[0]!) as { kind: string };
      expect(typeof record.kind).toBe('string');
    }
    const median = times.sort((a, b) => a - b)[1]!;
    console.log(
      `${name} (${Math.round(bytes.length / 1024)} KB): median ${Math.round(median)} ms whole process`,
    );
    expect(median).toBeLessThan(5000);
  });
});
