// The sweep page in a real Thunderbird window (Xvfb, not headless), English and German: a folder of
// 2,000 messages of which 400 are bounces and auto-replies, swept as a user does it. Checks what a
// user would notice — the action bar stays in view below 400 rows, nothing overflows sideways at
// a 1000 px window, every row is one line — and takes screenshots. Then moves three backscatter
// rows to Junk and undoes it, over IMAP and in Local Folders: the three come back to the list
// once each, under ids that read the message, and nothing is left in Junk.
//
//   npm run shots:sweep                       English and German, screenshots in a temp dir
//   node extension/test/e2e/sweep-window.mjs --lang=de --out=docs/screenshots
//   node extension/test/e2e/sweep-window.mjs --lang=en --count=200 --no-shots   the short run (npm test)
// German needs Thunderbird's language pack (Debian: thunderbird-l10n-de).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { messageFor, planFolder, subscribeMailbox, writeBenchFolder } from './bench-folder.mjs';
import { Dovecot } from './dovecot.mjs';
import { createProfile } from './profile.mjs';
import { check, freePort, results, until } from './tap.mjs';
import { Thunderbird } from './thunderbird.mjs';
import { Xvfb } from './xvfb.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'extension/manifest.json'), 'utf8'));
const EXTENSION_ID = manifest.browser_specific_settings.gecko.id;
const XPI = path.join(repoRoot, 'dist/backscatter-guard.xpi');
const FOLDER = 'Bounces';
const option = (name, fallback) =>
  process.argv.find(arg => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const langs = option('lang', 'en,de').split(',');
/** Messages in the swept IMAP folder; a fifth of them are automated (bench-folder.mjs). */
const COUNT = Number(option('count', '2000'));
const AUTOMATED = COUNT / 5;
/** Messages in the Local Folders folder for the move and Undo there. */
const LOCAL_COUNT = 40;
const shots = !process.argv.includes('--no-shots');
const outDir = shots ? path.resolve(option('out', mkdtempSync(path.join(os.tmpdir(), 'bsg-shots-')))) : '';
const GERMAN_PACK = '/usr/lib/thunderbird/extensions/langpack-de@thunderbird.mozilla.org.xpi';

if (!Xvfb.available() || !Dovecot.available() || spawnSync('thunderbird', ['--version']).status !== 0) {
  console.error('needs Debian packages thunderbird, dovecot-imapd and xvfb');
  process.exit(1);
}
if (shots) {
  mkdirSync(outDir, { recursive: true });
}

// Chrome code (win.__bsgShot.doc is a finished sweep page): moves three backscatter rows to Junk,
// clicks Undo, and reports what the page shows afterwards. Each restored row must name the real
// copy: an IMAP placeholder reads as nothing.
const MOVE_AND_UNDO = `
  const doc = win.__bsgShot.doc;
  const before = doc.querySelectorAll('tr[data-verdict]').length;
  const all = doc.querySelector('[data-action="select-all"]');
  all.click();
  if (all.checked) { all.click(); }
  // Backscatter first (what a user moves); a small folder may have fewer than three.
  const picked = [
    ...doc.querySelectorAll('tr[data-verdict="backscatter"]'),
    ...doc.querySelectorAll('tr[data-verdict]:not([data-verdict="backscatter"])'),
  ].slice(0, 3);
  const had = picked.map(r => r.dataset.messageId + ' ' + r.dataset.verdict).sort();
  for (const row of picked) { row.querySelector('input').click(); }
  await sleep(50);
  doc.querySelector('[data-action="move-selected"]').click();
  const moved = await until('moved', () => doc.querySelector('[data-notice="moved"]'), 60000);
  const afterMove = doc.querySelectorAll('tr[data-verdict]').length;
  const started = Date.now();
  doc.querySelector('[data-action="undo"]').click();
  const sawProgress = await until('undo progress', () => doc.querySelector('[data-busy]'), 5000, 5).then(() => true, () => false);
  const notice = await until('restored', () => doc.querySelector('[data-notice="restored"]'), 90000);
  const undoMs = Date.now() - started;
  const page = doc.defaultView.wrappedJSObject;
  const back = [...doc.querySelectorAll('tr[data-restored="yes"]')];
  const readable = [];
  for (const row of back) {
    try {
      const text = await (await page.browser.messages.getRaw(Number(row.dataset.id))).text();
      readable.push(text.includes(row.dataset.messageId ?? '') && text.length > 200);
    } catch (error) { readable.push(false); }
  }
  const rows = [...doc.querySelectorAll('tr[data-verdict]')];
  return { before, moved: Number(moved.dataset.moved), afterMove, sawProgress, undoMs, readable,
    restored: back.length, rows: rows.length, uniqueIds: new Set(rows.map(r => r.dataset.id)).size,
    notice: notice.textContent, missing: Number(notice.dataset.missing ?? 0),
    ids: picked.map(r => r.dataset.messageId),
    sameVerdicts: had.join() === back.map(r => r.dataset.messageId + ' ' + r.dataset.verdict).sort().join(),
    back: back.map(r => r.dataset.messageId + '#' + r.dataset.id) };
`;

/** Three moved, three listed again once each, readable, with the verdicts they had. */
const undoDone = (undo, rows) =>
  undo.before === rows &&
  undo.moved === 3 &&
  undo.afterMove === rows - 3 &&
  undo.sawProgress &&
  undo.restored === 3 &&
  undo.missing === 0 &&
  undo.readable.length === 3 &&
  undo.readable.every(Boolean) &&
  undo.sameVerdicts &&
  [...undo.ids].sort().join() ===
    undo.back
      .map(entry => entry.split('#')[0])
      .sort()
      .join() &&
  undo.rows === rows &&
  undo.uniqueIds === rows;

async function run(lang, display) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsg-window-'));
  chmodSync(tmp, 0o755);
  const dovecot = new Dovecot(path.join(tmp, 'imap'));
  let thunderbird;
  try {
    subscribeMailbox(dovecot.config, FOLDER);
    const { sentCount } = writeBenchFolder({
      maildir: path.join(tmp, 'imap', 'Maildir'),
      name: FOLDER,
      count: COUNT,
      automatedShare: 0.2,
    });
    const marionettePort = await freePort();
    const profileDir = path.join(tmp, 'profile');
    createProfile({
      dir: profileDir,
      xpi: XPI,
      extensionId: EXTENSION_ID,
      imapPort: await dovecot.listen(),
      marionettePort,
      // A Local Folders folder of the same kind, for the move and Undo without a server.
      localFolders: {
        Inbox: [],
        Junk: [],
        Trash: [],
        [FOLDER]: planFolder(LOCAL_COUNT, 0.2).map((kind, index) => messageFor(kind, index).text),
      },
    });
    appendFileSync(
      path.join(profileDir, 'user.js'),
      `user_pref("intl.locale.requested", ${JSON.stringify(lang === 'de' ? 'de' : 'en-US')});\n`,
    );
    thunderbird = new Thunderbird({ profileDir, marionettePort, logFile: path.join(tmp, 'tb.log'), display });
    await thunderbird.start();
    const chrome = (body, args, timeoutMs) => thunderbird.chrome(body, args, timeoutMs);
    await chrome(
      `await until('3-pane window', () => about3() && typeof about3().displayFolder === 'function');
       await until('extension', () => WebExtensionPolicy.getByID(arguments[0]));
       win.moveTo(0, 0);
       win.resizeTo(1000, 760);
       for (const [uri, n] of arguments[1]) { const f = await showFolder(uri); await until(uri + ' synced', () => f.getTotalMessages(false) >= n, 120000); }`,
      [
        EXTENSION_ID,
        [
          ['imap://me@127.0.0.1/Sent', sentCount],
          [`imap://me@127.0.0.1/${FOLDER}`, COUNT],
          [`mailbox://nobody@Local%20Folders/${FOLDER}`, LOCAL_COUNT],
        ],
      ],
      180_000,
    );
    const facts = await chrome(
      `const { tab, doc } = await openExtensionPage(arguments[0], 'sweep.html?folder=' + encodeURIComponent(arguments[1]));
       await until('sweep finished', () => doc.querySelector('main[data-finished="yes"]'), 120000);
       await sleep(300);
       const view = doc.defaultView;
       const rows = [...doc.querySelectorAll('tr[data-verdict]')];
       const heights = rows.map(r => r.getBoundingClientRect().height);
       const root = doc.documentElement;
       // Scroll to the last row: the action bar must still be on screen.
       rows[rows.length - 1].scrollIntoView();
       await sleep(200);
       const bar = doc.querySelector('[data-sticky="action-bar"]').getBoundingClientRect();
       const button = doc.querySelector('[data-action="move-selected"]').getBoundingClientRect();
       const scrolled = root.scrollTop;
       win.__bsgShot = { tab, doc };
       return {
         rows: rows.length,
         width: view.innerWidth,
         overflowX: root.scrollWidth - root.clientWidth,
         rowHeight: [Math.min(...heights), Math.max(...heights)],
         barTop: bar.top, buttonBottom: button.bottom, innerHeight: view.innerHeight, scrolled,
         title: doc.querySelector('h1').textContent,
         progress: doc.querySelector('[data-progress]').textContent,
       };`,
      [EXTENSION_ID, `account1://${FOLDER}`],
      180_000,
    );
    const shot = name => {
      const file = path.join(outDir, name);
      execFileSync('import', ['-display', display, '-window', 'root', '-crop', '1000x760+0+0', file]);
      execFileSync('convert', [
        file,
        '-strip',
        '+dither',
        '-colors',
        '128',
        '-define',
        'png:compression-level=9',
        file,
      ]);
      return file;
    };
    const scrolledShot = shots ? shot(`sweep-${lang}-scrolled.png`) : '';
    await chrome(`win.__bsgShot.doc.documentElement.scrollTop = 0; await sleep(200);`);
    const topShot = shots ? shot(`sweep-${lang}.png`) : '';
    // Move three backscatter rows to Junk over IMAP, then Undo: progress while it runs, and the three
    // listed again under their new ids.
    const undo = await chrome(MOVE_AND_UNDO, [], 180_000);
    const junkLeft = await until('the server’s Junk empty again', async () => {
      const junk = await dovecot.list('Junk');
      return junk.length === 0 ? junk : null;
    }).catch(async () => dovecot.list('Junk'));
    console.log(`# ${lang}: move and Undo over IMAP ${JSON.stringify(undo)}`);
    if (undo.restored !== 3) {
      // What Thunderbird's database holds for the moved messages (an IMAP placeholder has a fake UID
      // near 2^32), in the swept folder and in Junk.
      console.log(
        `# database: ${JSON.stringify(
          await chrome(
            `const out = {};
             for (const name of [arguments[1], 'Junk']) {
               out[name] = [...folder('imap://me@127.0.0.1/' + name).messages]
                 .filter(h => arguments[0].includes(h.messageId))
                 .map(h => [h.messageId, h.messageKey, '0x' + h.flags.toString(16), h.messageSize]);
             }
             return out;`,
            [undo.ids, FOLDER],
          ),
        )}`,
      );
      console.log(
        `# extension console: ${(await chrome('return extensionConsole();')).slice(-8).join(' | ')}`,
      );
    }
    check(
      `${lang}: Undo of a sweep move over IMAP shows progress, lists the 3 messages again once each under ids that read (not IMAP placeholders), and Junk on the server is empty`,
      undoDone(undo, AUTOMATED) && junkLeft.length === 0,
      JSON.stringify({ undo, junkLeft }),
    );
    await chrome(`tabmail.closeTab(win.__bsgShot.tab); delete win.__bsgShot;`);
    // The same in Local Folders: no server, the copies are in the database at once.
    const local = await chrome(
      `const { tab, doc } = await openExtensionPage(arguments[0], 'sweep.html?folder=' + encodeURIComponent(arguments[1]));
       await until('local sweep finished', () => doc.querySelector('main[data-finished="yes"]'), 60000);
       win.__bsgShot = { tab, doc };
       const undo = await (async () => { ${MOVE_AND_UNDO} })();
       const junk = [...folder('mailbox://nobody@Local%20Folders/Junk').messages].filter(h => undo.ids.includes(h.messageId)).length;
       tabmail.closeTab(tab);
       delete win.__bsgShot;
       return { ...undo, junk };`,
      [
        EXTENSION_ID,
        await chrome(
          `const local = MailServices.accounts.findAccountForServer(MailServices.accounts.localFoldersServer);
         return local.key + '://' + arguments[0];`,
          [FOLDER],
        ),
      ],
      180_000,
    );
    console.log(`# ${lang}: move and Undo in Local Folders ${JSON.stringify(local)}`);
    check(
      `${lang}: Undo of a sweep move in Local Folders lists the 3 messages again once each under ids that read, and Junk keeps none of them`,
      undoDone(local, LOCAL_COUNT / 5) && local.junk === 0,
      JSON.stringify(local),
    );
    console.log(
      `# ${lang}: ${JSON.stringify(facts)}${shots ? `\n# screenshots ${topShot} ${scrolledShot}` : ''}`,
    );
    check(
      `${lang}: the sweep lists the ${AUTOMATED} bounces and auto-replies`,
      facts.rows === AUTOMATED,
      JSON.stringify(facts),
    );
    check(
      `${lang}: scrolled to the ${AUTOMATED}th row, the action bar and its Move button are on screen`,
      facts.scrolled > AUTOMATED * 2.5 && facts.barTop >= 0 && facts.buttonBottom <= facts.innerHeight,
      JSON.stringify(facts),
    );
    check(
      `${lang}: no sideways scrolling in a ${facts.width} px wide tab`,
      facts.overflowX <= 0,
      JSON.stringify(facts),
    );
    check(
      `${lang}: every row is one line (no column wraps)`,
      facts.rowHeight[1] - facts.rowHeight[0] < 2 && facts.rowHeight[1] < 32,
      JSON.stringify(facts),
    );
    if (lang === 'de') {
      check('de: the page is in German', facts.title === 'Ordner nach Backscatter durchsuchen', facts.title);
    }
    await thunderbird.quit();
  } finally {
    await thunderbird?.kill();
    await dovecot.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const xvfb = new Xvfb();
try {
  const display = await xvfb.start('1000x760x24');
  for (const lang of langs) {
    if (lang === 'de' && !existsSync(GERMAN_PACK)) {
      console.log(
        '# skipped German: Thunderbird’s German language pack is not installed (thunderbird-l10n-de)',
      );
      continue;
    }
    await run(lang, display);
  }
} finally {
  xvfb.stop();
}
const failed = results.filter(result => !result.ok).length;
console.log(
  `# ${results.length - failed} passed, ${failed} failed${shots ? `; screenshots in ${outDir}` : ''}`,
);
process.exit(failed === 0 ? 0 : 1);
