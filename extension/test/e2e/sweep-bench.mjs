// The folder-sweep benchmark in real Thunderbird (`npm run bench:sweep`): a generated IMAP folder
// of 5,000 and 20,000 messages (3% automated) on a local dovecot, bodies not downloaded for offline
// use, the sweep page opened as a user opens it, timed until it says it is finished; then
// Thunderbird's own "Run Junk Mail Controls" on the same folder, timed the same way. Prints msg/s,
// the 20k/5k time ratio and the peak resident memory of all Thunderbird processes.
//
//   npm run bench:sweep                                     builds the XPI, runs 5k and 20k
//   node extension/test/e2e/sweep-bench.mjs --sizes=5000 --xvfb --no-junk
//   node extension/test/e2e/sweep-bench.mjs --xpi=/tmp/old/backscatter-guard.xpi --rows=old.json
//   --cpu-profile: samples the parent process (extension pages run there) and prints the functions
//   with the most own time in the first and the last third of the sweep: what grows.
//   --compare: sweeps the folder a second time reading every message (`sweep.html?reach=every`)
//   and says which of those rows the screened sweep missed (the folder holds auto-replies marked
//   only by Auto-Submitted, bench-folder.mjs). --reach=every: the timed sweep reads every message.
//   --probe-reads: getRaw throughput of ordinary messages with 1 to 12 reads in flight, first.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { subscribeMailbox, writeBenchFolder } from './bench-folder.mjs';
import { Dovecot } from './dovecot.mjs';
import { createProfile } from './profile.mjs';
import { freePort, sleep } from './tap.mjs';
import { Thunderbird } from './thunderbird.mjs';
import { Xvfb } from './xvfb.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'extension/manifest.json'), 'utf8'));
const EXTENSION_ID = manifest.browser_specific_settings.gecko.id;
const IMAP = 'imap://me@127.0.0.1';
const FOLDER = 'Bench';

const option = (name, fallback) =>
  process.argv.find(arg => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const flag = name => process.argv.includes(`--${name}`);
const sizes = option('sizes', '5000,20000').split(',').map(Number);
const xpi = path.resolve(option('xpi', path.join(repoRoot, 'dist/backscatter-guard.xpi')));
const rowsOut = option('rows', '');
const share = Number(option('share', '0.03'));

/** Peak resident memory (KiB) of a process group, sampled every 500 ms while `work` runs. */
async function peakRss(pgid, work) {
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      try {
        const out = execFileSync('ps', ['-o', 'rss=', '-g', String(pgid)]).toString();
        peak = Math.max(
          peak,
          out
            .split('\n')
            .map(Number)
            .filter(Number.isFinite)
            .reduce((a, b) => a + b, 0),
        );
      } catch {
        // the group is gone
      }
      await sleep(500);
    }
  })();
  try {
    return { result: await work(), peakMiB: Math.round(peak / 1024) };
  } finally {
    running = false;
    await sampler;
  }
}

// Where the parent's main thread spent its time in one third of the sweep (Gecko profile format):
// the share of samples under each of the extension's JavaScript functions.
const PROFILE_SUMMARY = String.raw`
function summarize(profile, third) {
  const thread = profile.threads.find(t => t.name === 'GeckoMain');
  const s = thread.samples.schema, st = thread.stackTable.schema, ft = thread.frameTable.schema;
  const times = thread.samples.data.map(row => row[s.time]);
  const t0 = Math.min(...times), span = Math.max(...times) - t0;
  const from = t0 + (third * span) / 3, to = t0 + ((third + 1) * span) / 3;
  const inclusive = new Map();
  const self = new Map();
  let total = 0;
  for (const row of thread.samples.data) {
    const time = row[s.time];
    if (time < from || time > to || row[s.stack] === null) { continue; }
    total += 1;
    let stack = row[s.stack];
    const leaf = thread.stringTable[thread.frameTable.data[thread.stackTable.data[stack][st.frame]][ft.location]] || '?';
    self.set(leaf, (self.get(leaf) || 0) + 1);
    const seen = new Set();
    while (stack !== null && stack !== undefined) {
      const [prefix, frame] = [thread.stackTable.data[stack][st.prefix], thread.stackTable.data[stack][st.frame]];
      const f = thread.frameTable.data[frame];
      const name = thread.stringTable[f[ft.location]] || '?';
      if (name.includes('moz-extension') && !seen.has(name)) { seen.add(name); inclusive.set(name, (inclusive.get(name) || 0) + 1); }
      stack = prefix;
    }
  }
  const top = (map, k) => [...map].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, c]) => (100 * c / total).toFixed(1) + '% ' + n.replace(/moz-extension:\/\/[^/]+\//, '').slice(0, 120));
  return { total, top: top(inclusive, 14), self: top(self, 12) };
}`;

/** Polls a chrome-context condition from here (each script stays far below Marionette's limit). */
async function untilChrome(chrome, body, args, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (!(await chrome(body, args))) {
    if (Date.now() > end) {
      throw new Error(`timed out: ${body}`);
    }
    await sleep(500);
  }
}

/**
 * `--probe-reads`: how fast Thunderbird serves getRaw of ordinary messages (not read before) from the
 * bench folder with 1 to 12 reads in flight, asked from an extension page before the sweep.
 */
async function probeReads(chrome) {
  await chrome(
    `const { tab, doc } = await openExtensionPage(arguments[0], 'sweep.html?folder=none');
     win.__bsgProbe = { tab, doc };`,
    [EXTENSION_ID],
  );
  let at = 0;
  for (const [n, inFlight] of [
    [80, 1],
    [80, 2],
    [80, 3],
    [80, 6],
    [80, 12],
    [80, 1],
  ]) {
    const line = await chrome(
      `const [n, inFlight, at, folderName] = arguments;
       const w = win.__bsgProbe.doc.defaultView.wrappedJSObject;
       const c = o => Cu.cloneInto(o, w);
       const b = w.browser;
       const f = (await b.folders.query(c({ name: folderName })))[0];
       const page = await b.messages.query(c({ folderId: f.id, messagesPerPage: 100000, autoPaginationTimeout: 0 }));
       const mine = [...page.messages].filter(m => m.headerMessageId.startsWith('ordinary-')).map(m => m.id).slice(at, at + n);
       const t0 = Date.now(); let next = 0; const latency = []; let errors = 0;
       await Promise.all(Array.from({ length: inFlight }, async () => {
         while (next < mine.length) {
           const id = mine[next++]; const started = Date.now();
           try { await (await b.messages.getRaw(id)).arrayBuffer(); } catch { errors += 1; }
           latency.push(Date.now() - started);
         }
       }));
       latency.sort((x, y) => x - y);
       const ms = Date.now() - t0;
       return inFlight + ' in flight: ' + n + ' reads in ' + ms + ' ms = ' + Math.round(n * 1000 / ms) + '/s, median ' + latency[latency.length >> 1] + ' ms, ' + errors + ' errors';`,
      [n, inFlight, at, FOLDER],
      170_000,
    );
    at += n;
    console.log(`# getRaw probe: ${line}`);
  }
  await chrome(`tabmail.closeTab(win.__bsgProbe.tab);`);
}

async function runSize(count, display) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsg-bench-'));
  chmodSync(tmp, 0o755);
  const dovecot = new Dovecot(path.join(tmp, 'imap'));
  let thunderbird;
  try {
    subscribeMailbox(dovecot.config, FOLDER);
    const { automated, sentCount } = writeBenchFolder({
      maildir: path.join(tmp, 'imap', 'Maildir'),
      name: FOLDER,
      count,
      automatedShare: share,
      quietAutoReplies: true,
    });
    const imapPort = await dovecot.listen();
    const marionettePort = await freePort();
    createProfile({
      dir: path.join(tmp, 'profile'),
      xpi,
      extensionId: EXTENSION_ID,
      imapPort,
      marionettePort,
      localFolders: { Inbox: [], Junk: [], Trash: [] },
    });
    // Thunderbird's global search indexer (gloda) works through every new header for minutes after
    // a 20,000-message sync; it would run under both the sweep and the junk filter, differently
    // each time. Off, as on a profile whose folder was indexed long ago.
    appendFileSync(
      path.join(tmp, 'profile', 'user.js'),
      'user_pref("mailnews.database.global.indexer.enabled", false);\n',
    );
    thunderbird = new Thunderbird({
      profileDir: path.join(tmp, 'profile'),
      marionettePort,
      logFile: path.join(tmp, 'thunderbird.log'),
      display,
    });
    await thunderbird.start();
    const chrome = (body, args, timeoutMs) => thunderbird.chrome(body, args, timeoutMs);
    await chrome(
      `await until('3-pane window', () => about3() && typeof about3().displayFolder === 'function');
       await until('extension', () => WebExtensionPolicy.getByID(arguments[0]));`,
      [EXTENSION_ID],
    );
    // Sync Sent and the folder's headers (what Thunderbird does when a user opens them). Polled
    // from here: one Marionette script may run 180 s at most, and 20,000 headers can take longer.
    const syncStarted = Date.now();
    for (const [uri, n] of [
      [`${IMAP}/Sent`, sentCount],
      [`${IMAP}/${FOLDER}`, count],
    ]) {
      await chrome(`await showFolder(arguments[0]);`, [uri]);
      await untilChrome(
        chrome,
        `return folder(arguments[0]).getTotalMessages(false) >= arguments[1];`,
        [uri, n],
        900_000,
      );
    }
    const syncSeconds = (Date.now() - syncStarted) / 1000;
    // Thunderbird keeps working on a freshly synced folder for a while (its database, the thread
    // view); the sweep and the junk filter start after it has settled, as they would for a user.
    await sleep(Number(option('settle', '10')) * 1000);

    if (flag('probe-reads')) {
      await probeReads(chrome);
    }
    if (flag('cpu-profile')) {
      await chrome(`Services.profiler.StartProfiler(8000000, 4, ['js'], ['GeckoMain']);`);
    }
    // The sweep page, as the toolbar button opens it; timed until it says it is finished.
    const sweepOnce = reach =>
      peakRss(thunderbird.process.pid, async () => {
        const startedAt = Date.now();
        await chrome(
          `const { tab, doc } = await openExtensionPage(arguments[0], 'sweep.html?folder=' + encodeURIComponent(arguments[1]) + arguments[2]);
           win.__bsgSweep = { tab, doc };`,
          [EXTENSION_ID, `account1://${FOLDER}`, reach === 'every' ? '&reach=every' : ''],
        );
        const trace = [];
        for (;;) {
          const state = await chrome(
            `const doc = win.__bsgSweep.doc;
             return { finished: !!doc.querySelector('main[data-finished="yes"]'), progress: doc.querySelector('[data-progress]')?.dataset.progress ?? '', rows: doc.querySelectorAll('tr[data-verdict]').length };`,
          );
          trace.push({ at: (Date.now() - startedAt) / 1000, ...state });
          if (state.finished) {
            break;
          }
          if (Date.now() - startedAt > 1_800_000) {
            throw new Error('sweep did not finish in 30 minutes');
          }
          await sleep(1000);
        }
        const seconds = (Date.now() - startedAt) / 1000;
        const { rows, listingMs, candidates, unreadable, console } = await chrome(
          `const doc = win.__bsgSweep.doc;
           const main = doc.querySelector('main');
           const rows = [...doc.querySelectorAll('tr[data-verdict]')].map(r => [r.dataset.messageId, r.dataset.verdict]);
           tabmail.closeTab(win.__bsgSweep.tab);
           delete win.__bsgSweep;
           return { rows, listingMs: main.dataset.listingMs, candidates: main.dataset.candidates, unreadable: main.dataset.unreadable, console: extensionConsole().slice(-5) };`,
        );
        return { seconds, rows, trace, listingMs, candidates, unreadable, console };
      });
    const sweep = await sweepOnce(option('reach', 'candidates'));
    let profile;
    if (flag('cpu-profile')) {
      profile = await chrome(
        `${PROFILE_SUMMARY}
         const data = await Services.profiler.getProfileDataAsync();
         Services.profiler.StopProfiler();
         return { first: summarize(data, 0), last: summarize(data, 2) };`,
        [],
        300_000,
      );
    }

    // The same folder swept again reading every message (what a sweep without the screen finds):
    // the rows must be the same. Candidates read by the first sweep may come from Thunderbird's
    // cache, ordinary mail (97%) does not.
    const every = flag('compare') ? await sweepOnce('every') : undefined;

    // Thunderbird's own junk filter on the same folder: Tools → Run Junk Mail Controls on Folder.
    // It reads every message's body: over IMAP without offline copies each one the sweep did not
    // read is fetched from the server (with --compare the second sweep has read them all).
    let junk;
    if (!flag('no-junk')) {
      junk = await peakRss(thunderbird.process.pid, async () => {
        const startedAt = Date.now();
        await chrome(
          `await showFolder(arguments[0]);
           win.__bsgJunkDone = false;
           const observer = { observe() { Services.obs.removeObserver(observer, 'message-classification-complete'); win.__bsgJunkDone = true; } };
           Services.obs.addObserver(observer, 'message-classification-complete');
           about3().commandController.doCommand('cmd_runJunkControls');`,
          [`${IMAP}/${FOLDER}`],
        );
        await untilChrome(chrome, `return win.__bsgJunkDone;`, [], 1_800_000);
        return { seconds: (Date.now() - startedAt) / 1000 };
      });
    }
    await thunderbird.quit();
    return { count, syncSeconds, sweep, every, junk, profile, automated };
  } finally {
    await thunderbird?.kill();
    await dovecot.stop();
    if (!process.env.KEEP) {
      rmSync(tmp, { recursive: true, force: true });
    } else {
      console.log(`# kept ${tmp}`);
    }
  }
}

let xvfb;
const results = [];
try {
  let display;
  if (flag('xvfb')) {
    xvfb = new Xvfb();
    display = await xvfb.start();
  }
  console.log(
    `# sweep benchmark: ${path.relative(repoRoot, xpi)}, ${display ? `window on Xvfb ${display}` : 'headless'}`,
  );
  for (const count of sizes) {
    const run = await runSize(count, display);
    results.push(run);
    const verdicts = {};
    for (const [, verdict] of run.sweep.result.rows) {
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
    }
    const rate = seconds => Math.round(count / seconds);
    console.log(
      `${count} messages (${Object.keys(run.automated).length} automated; header sync ${run.syncSeconds.toFixed(1)} s): ` +
        `sweep ${run.sweep.result.seconds.toFixed(1)} s = ${rate(run.sweep.result.seconds)} msg/s` +
        (run.sweep.result.listingMs
          ? ` (listed and screened in ${(run.sweep.result.listingMs / 1000).toFixed(1)} s, ${run.sweep.result.candidates} candidates read, ${run.sweep.result.unreadable} unreadable)`
          : '') +
        ', ' +
        `${run.sweep.result.rows.length} rows ${JSON.stringify(verdicts)}, peak RSS ${run.sweep.peakMiB} MiB` +
        (run.junk
          ? `; Run Junk Mail Controls ${run.junk.result.seconds.toFixed(1)} s = ${rate(run.junk.result.seconds)} msg/s, peak RSS ${run.junk.peakMiB} MiB`
          : ''),
    );
    const trace = run.sweep.result.trace;
    console.log(
      `#   progress: ${trace
        .filter((_, index) => index % Math.max(1, Math.floor(trace.length / 12)) === 0)
        .map(point => `${point.at.toFixed(0)}s ${point.progress} (${point.rows} rows)`)
        .join(' · ')}`,
    );
    if (run.profile) {
      for (const [name, third] of [
        ['first', run.profile.first],
        ['last', run.profile.last],
      ]) {
        console.log(
          `#   profile, ${name} third of the sweep (${third.total} samples of the main thread)\n` +
            `#     ${third.top.join('\n#     ')}\n#   own time (leaf frames):\n#     ${third.self.join('\n#     ')}`,
        );
      }
    }
    if (Number(run.sweep.result.unreadable) > 0) {
      console.log(`#   extension console: ${run.sweep.result.console.join(' | ')}`);
    }
    if (run.every) {
      const screened = new Map(run.sweep.result.rows);
      const full = new Map(run.every.result.rows);
      const missed = [...full].filter(([id, verdict]) => screened.get(id) !== verdict);
      const extra = [...screened].filter(([id]) => !full.has(id));
      console.log(
        `#   reading every message: ${run.every.result.seconds.toFixed(1)} s = ${rate(run.every.result.seconds)} msg/s, ` +
          `${full.size} rows; the screened sweep has ${full.size - missed.length} of them with the same verdict` +
          (missed.length ? ` (missed ${missed.length}: ${JSON.stringify(missed.slice(0, 6))})` : '') +
          (extra.length ? `, and ${extra.length} rows the full read does not have` : ''),
      );
    }
    if (rowsOut) {
      writeFileSync(
        rowsOut.replace(/(\.json)?$/, `-${count}.json`),
        JSON.stringify({ rows: run.sweep.result.rows, expected: run.automated }, null, 1),
      );
    }
  }
  if (results.length === 2) {
    const [small, big] = results;
    console.log(
      `# time ratio ${big.count}/${small.count}: ${(big.sweep.result.seconds / small.sweep.result.seconds).toFixed(2)} ` +
        `(messages ×${big.count / small.count})`,
    );
  }
} finally {
  xvfb?.stop();
}
