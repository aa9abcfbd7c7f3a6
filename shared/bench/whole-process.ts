// The whole-process figure (issue 10 §4): what a user runs, `backscatter-guard scan --json` over one
// mbox of the Sisimai bsd corpus five times (~3,145 messages), built here from test/corpus, timed from
// spawn to exit with the output written to /dev/null. With BENCH_PIN=1 the CLI runs under
// `taskset -c 0` (one core for the process, V8's helper threads included). Sisimai's figure is measured
// when Debian's `libsisimai-perl` (Sisimai 4.25) is installed (`Sisimai->dump` over the same mbox), and
// the bench says so when it is not. The CPU time of the process (user + system, all its threads, read at
// exit by a preloaded hook) is printed too: on a machine others are using, wall time mostly measures them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, now } from './measure';
import { SISIMAI_INSTALL, sisimaiVersion } from './sisimai';

/** The bsd corpus this many times over in the mbox: the first pass meets every format cold. */
export const REPEATS = 5;

export interface WholeProcess {
  messages: number;
  mboxMB: number;
  runs: number;
  medianMs: number;
  msgPerSec: number;
  /** Median CPU time of the process (user + system, all threads). */
  cpuMs: number;
  pinned: boolean;
  sisimai: string;
  /**
   * Node's own start and exit (`node -e 0`), median; with `extraCaMs`, the same without
   * NODE_EXTRA_CA_CERTS when the environment sets it (Node 20 parses that certificate file and its own
   * root certificates at every start, before any script runs; the CLI opens no TLS connection).
   */
  nodeStart: { ms: number; withoutExtraCaMs: number | undefined };
  /** The same CLI runs without NODE_EXTRA_CA_CERTS, when the environment sets it (context, not the target). */
  withoutExtraCa: { medianMs: number; msgPerSec: number } | undefined;
  /** The same engine in a fresh process without the CLI (cold-process.ts), medians over the runs. */
  bare: { totalMs: number; firstPassMs: number; laterPassMs: number; msgPerSec: number };
}

/** The bsd corpus `times` times as one mboxo file (LF; "From " body lines quoted). */
export function corpusMbox(bsdDir: string, times: number): { text: string; messages: number } {
  const files = readdirSync(bsdDir).sort();
  const parts: string[] = [];
  for (let r = 0; r < times; r++) {
    for (const f of files) {
      const text = readFileSync(path.join(bsdDir, f), 'latin1').replace(/^From /gm, '>From ');
      parts.push(`From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n${text}${text.endsWith('\n') ? '' : '\n'}\n`);
    }
  }
  return { text: parts.join(''), messages: parts.length };
}

/** Bundles cold-process.ts the way the CLI is bundled (one CommonJS file, postal-mime inside). */
async function buildBare(repoRoot: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = path.join(repoRoot, 'dist/bench-cold');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      ssr: path.join(repoRoot, 'shared/bench/cold-process.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'cold-process.cjs' } },
    },
    ssr: { noExternal: true },
  });
  return path.join(outDir, 'cold-process.cjs');
}

export async function wholeProcess(repoRoot: string, runs: number): Promise<WholeProcess> {
  const bareScript = await buildBare(repoRoot);
  const cli = path.join(repoRoot, 'dist/cli/backscatter-guard.cjs');
  const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(cli)) {
    throw new Error('npm run build:cli failed');
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bsg-bench-mbox-'));
  try {
    const box = corpusMbox(path.join(repoRoot, 'test/corpus/sisimai/maildir/bsd'), REPEATS);
    const file = path.join(dir, 'bsd-x5.mbox');
    writeFileSync(file, box.text, 'latin1');
    const pin =
      process.env['BENCH_PIN'] === '1' &&
      process.platform === 'linux' &&
      spawnSync('taskset', ['-c', '0', 'true']).status === 0;
    const command = pin ? 'taskset' : process.execPath;
    // Reports the process's CPU time on stderr as it exits (worker threads included: cpuUsage is per
    // process). CommonJS through --require, written with fs.writeSync: an --import hook started Node's ESM
    // loader and process.stderr's pipe stream in every measured run (~0.08 G instructions of ~5.5 G)
    // that the CLI itself does not need.
    const hook = path.join(dir, 'cpu-hook.cjs');
    writeFileSync(
      hook,
      'process.on("exit",()=>{const u=process.cpuUsage();require("node:fs").writeSync(2,"\\nbench-cpu-us "+(u.user+u.system)+"\\n")});\n',
    );
    const args = [
      ...(pin ? ['-c', '0', process.execPath] : []),
      '--require',
      hook,
      cli,
      'scan',
      '--json',
      file,
    ];
    const times: number[] = [];
    const timesWithoutExtraCa: number[] = [];
    const { NODE_EXTRA_CA_CERTS: extraCa, ...withoutExtraCa } = process.env;
    const cpu: number[] = [];
    const bare: { totalMs: number; firstPassMs: number; laterPassMs: number }[] = [];
    const perPass = box.messages / REPEATS;
    for (let r = 0; r <= runs; r++) {
      // Alternating with the CLI runs, so both meet the same machine. Timed from spawn to exit, as the CLI
      // is: its own clock starts after Node's per-process start (this environment's CA certificates).
      const tb = now();
      const b = spawnSync(
        pin ? 'taskset' : process.execPath,
        [...(pin ? ['-c', '0', process.execPath] : []), bareScript, file, String(perPass)],
        { encoding: 'utf8' },
      );
      if (b.status !== 0) {
        throw new Error(`cold-process exited ${b.status}: ${b.stderr}`);
      }
      const bareMs = now() - tb;
      const out = JSON.parse(b.stdout) as { passesMs: number[]; totalMs: number };
      if (r > 0) {
        bare.push({
          totalMs: bareMs,
          firstPassMs: out.passesMs[0] ?? 0,
          laterPassMs: median(out.passesMs.slice(1)),
        });
      }
      const t = now();
      const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (run.status !== 0) {
        throw new Error(`backscatter-guard scan exited ${run.status}: ${run.stderr}`);
      }
      if (r > 0) {
        times.push(now() - t); // the first run warms the file cache
        const us = /bench-cpu-us (\d+)/.exec(run.stderr)?.[1];
        if (us !== undefined) {
          cpu.push(Number(us) / 1000);
        }
      }
      if (extraCa !== undefined) {
        const t2 = now();
        const again = spawnSync(command, args, {
          stdio: ['ignore', 'ignore', 'ignore'],
          env: withoutExtraCa,
        });
        if (r > 0 && again.status === 0) {
          timesWithoutExtraCa.push(now() - t2);
        }
      }
    }
    const ms = median(times);
    const startTimes: number[] = [];
    const bareStartTimes: number[] = [];
    for (let r = 0; r < 7; r++) {
      let t = now();
      spawnSync(process.execPath, ['-e', '0']);
      startTimes.push(now() - t);
      if (extraCa !== undefined) {
        t = now();
        spawnSync(process.execPath, ['-e', '0'], { env: withoutExtraCa });
        bareStartTimes.push(now() - t);
      }
    }
    const sisimai = sisimaiFigure(file, box.messages, pin);
    return {
      messages: box.messages,
      mboxMB: Math.round((box.text.length / 1024 / 1024) * 10) / 10,
      runs,
      medianMs: Math.round(ms),
      msgPerSec: Math.round((box.messages / ms) * 1000),
      cpuMs: Math.round(median(cpu)),
      withoutExtraCa:
        timesWithoutExtraCa.length === 0
          ? undefined
          : {
              medianMs: Math.round(median(timesWithoutExtraCa)),
              msgPerSec: Math.round((box.messages / median(timesWithoutExtraCa)) * 1000),
            },
      nodeStart: {
        ms: Math.round(median(startTimes)),
        withoutExtraCaMs: extraCa === undefined ? undefined : Math.round(median(bareStartTimes)),
      },
      pinned: pin,
      bare: {
        totalMs: Math.round(median(bare.map(b => b.totalMs))),
        firstPassMs: Math.round(median(bare.map(b => b.firstPassMs))),
        laterPassMs: Math.round(median(bare.map(b => b.laterPassMs))),
        msgPerSec: Math.round((box.messages / median(bare.map(b => b.totalMs))) * 1000),
      },
      sisimai,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Sisimai over the same mbox, when Debian's `libsisimai-perl` (Sisimai 4.25) is installed: `Sisimai->dump`
 * (its JSON of every bounce, like `scan --json`), timed from spawn to exit, median of three runs. Sisimai
 * reads only bounces; every message of this mbox is one.
 */
function sisimaiFigure(file: string, messages: number, pin: boolean): string {
  const version = sisimaiVersion();
  if (version === undefined) {
    return `not installed here (${SISIMAI_INSTALL}): no Sisimai figure`;
  }
  const script = ['-MSisimai', '-e', 'print Sisimai->dump(shift)', file];
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = now();
    const run = pin
      ? spawnSync('taskset', ['-c', '0', 'perl', ...script], { stdio: 'ignore' })
      : spawnSync('perl', script, { stdio: 'ignore' });
    if (run.status !== 0) {
      return `${version} failed on the mbox (exit ${run.status})`;
    }
    times.push(now() - t);
  }
  const ms = median(times);
  return `${version} (libsisimai-perl), Sisimai->dump over the same mbox: median ${Math.round(ms)} ms = ${Math.round((messages / ms) * 1000).toLocaleString('en')} msg/s`;
}
