// End-to-end test of the built XPI in real Thunderbird (Debian's 153 ESR), headless, with a fresh
// profile, a Local Folders account and an IMAP account on a local dovecot, all started and stopped
// here. Thunderbird is driven through Marionette like a user would drive it; what the extension did
// is checked from outside: the banner text in the message pane, the IMAP server's mailboxes and the
// Local Folders mbox files.
//
//   npm run test:e2e:thunderbird          (builds the XPI first)
//   KEEP=1 npm run test:e2e:thunderbird   keeps the temp dir (profile, logs) for a look afterwards
//   node extension/test/e2e/run.mjs [--idle-ms=1000]   runs against the XPI already in dist/
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dovecot } from './dovecot.mjs';
import { hostileMessages } from './hostile.mjs';
import { createProfile, readMbox } from './profile.mjs';
import { check, freePort, median, results, sleep, until } from './tap.mjs';
import { Thunderbird } from './thunderbird.mjs';
import { Xvfb } from './xvfb.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const fixture = name => readFileSync(path.join(here, 'fixtures', name), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'extension/manifest.json'), 'utf8'));
const EXTENSION_ID = manifest.browser_specific_settings.gecko.id;
const XPI = path.join(repoRoot, 'dist/backscatter-guard.xpi');
const IMAP = 'imap://me@127.0.0.1';
const LOCAL = 'mailbox://nobody@Local%20Folders';
const started = Date.now();
// --idle-ms=N: Thunderbird suspends the MV3 event page after N ms without events (default 30 s),
// so the same scenario runs across background restarts.
const idleTimeoutMs = Number(process.argv.find(arg => arg.startsWith('--idle-ms='))?.split('=')[1] ?? 0);
// --window: the same scenario in a real window under Xvfb (xvfb-run -a) at 1000 px wide, with
// screenshots (docs/screenshots/) and layout checks a user would notice; then once more in German.
const windowMode = process.argv.includes('--window');
const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');
// Issue 11 item 8: what the text of a bounce may move when its banner arrives, after its first
// paint: in all (how far the reader loses the line: one line of card), and per painted frame (a
// jump the eye sees). The old banner moved it 73–101 px in one frame. The slide spreads the move
// over ~200 ms of frames; a machine so loaded that it paints nothing for 200 ms still shows it in
// one frame, so the largest step is bounded by the one line and the median by the slide.
const MAX_TOTAL_PX = 40;
const MAX_STEP_PX = 40;
const MAX_MEDIAN_STEP_PX = 16;
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

// Twelve more bounces for the timing round and the folder sweep: half backscatter, half about
// mail that is in the Local Folders Sent folder.
const timingMessages = Array.from({ length: 12 }, (_, index) => {
  const backscatter = index % 2 === 0;
  const text = fixture(backscatter ? 'local-inbox-2-backscatter.eml' : 'local-inbox-3-legit.eml');
  return {
    messageId: `timing-${index}@mx.example`,
    backscatter,
    text: text.replace(/^Message-ID: <[^>]+>/m, `Message-ID: <timing-${index}@mx.example>`),
  };
});

// TIMING_EXTRA=N: N more bounces (folder TimingMore) displayed after the timing round, reported on a
// line of their own: more samples for comparing builds on a loaded machine.
const extraTiming = Array.from({ length: Number(process.env.TIMING_EXTRA ?? 0) }, (_, index) => ({
  messageId: `more-${index}@mx.example`,
  text: timingMessages[index % timingMessages.length].text.replace(
    /^Message-ID: <[^>]+>/m,
    `Message-ID: <more-${index}@mx.example>`,
  ),
}));

// TIMING_IDLE_GAP_MS=N: a pause of N ms before each of those displays (with --idle-ms below N, each one
// wakes a suspended event page, as a user's display does after Thunderbird's default 30 s idle).
const idleGapMs = Number(process.env.TIMING_IDLE_GAP_MS ?? 0);

// Backscatter whose HTML tries to hide, fake, cover or steal the clicks of the banner.
const hostile = hostileMessages(fixture('local-inbox-2-backscatter.eml'));

if (
  !Dovecot.available() ||
  spawnSync(process.env.THUNDERBIRD_BIN || 'thunderbird', ['--version']).status !== 0
) {
  console.error(
    'test:e2e:thunderbird needs Debian packages `thunderbird` and `dovecot-imapd` (listed in .ci/apt-packages).',
  );
  process.exit(1);
}

// The real window runs on an X server of its own, so that xdotool can click the header button like a
// user: Thunderbird opens the popup only for a click in a focused window.
if (windowMode && (!Xvfb.available() || spawnSync('xdotool', ['--version']).status !== 0)) {
  console.error(
    'test:e2e:thunderbird --window needs Debian packages `xvfb` and `xdotool` (listed in .ci/apt-packages).',
  );
  process.exit(1);
}
const xvfb = windowMode ? new Xvfb() : undefined;
const display = await xvfb?.start('1280x1024x24');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsg-e2e-'));
// dovecot drops to `nobody` when run as root: it must be able to walk into the temp dir.
chmodSync(tmp, 0o755);
const profileDir = path.join(tmp, 'profile');
const dovecot = new Dovecot(path.join(tmp, 'imap'));
let thunderbird;
let exitCode = 1;
try {
  // --- IMAP server: Sent holds the one message the legitimate bounce and the auto-reply are about.
  await dovecot.append('Sent', fixture('imap-sent-1.eml'), ['\\Seen']);
  for (const name of [
    'imap-inbox-1-ordinary.eml',
    'imap-inbox-2-backscatter.eml',
    'imap-inbox-3-legit.eml',
    'imap-inbox-4-autoreply.eml',
  ]) {
    await dovecot.append('INBOX', fixture(name));
  }
  if (idleTimeoutMs) {
    console.log(`# the background event page is suspended after ${idleTimeoutMs} ms idle`);
  }
  // The build is byte-reproducible: a second build from the same tree gives the same XPI.
  // Checked once: the --idle-ms pass runs the same XPI.
  if (!idleTimeoutMs) {
    const rebuilt = path.join(tmp, 'rebuild');
    execFileSync('node', [path.join(repoRoot, 'extension/scripts/build.mjs'), '--out', rebuilt], {
      stdio: 'ignore',
    });
    const sha256 = file => createHash('sha256').update(readFileSync(file)).digest('hex');
    check(
      'a second build gives a byte-identical XPI',
      sha256(XPI) === sha256(path.join(rebuilt, 'backscatter-guard.xpi')),
      `${sha256(XPI)} differs from a rebuild (after editing the source, run npm run build:extension first, or use npm run test:e2e:thunderbird)`,
    );
  }

  const imapPort = await dovecot.listen();
  const marionettePort = await freePort();
  createProfile({
    dir: profileDir,
    xpi: XPI,
    extensionId: EXTENSION_ID,
    imapPort,
    marionettePort,
    idleTimeoutMs,
    localFolders: {
      Inbox: [
        ...['local-inbox-1-ordinary.eml', 'local-inbox-2-backscatter.eml', 'local-inbox-3-legit.eml'].map(
          fixture,
        ),
        // A second backscatter, for "Not backscatter".
        fixture('local-inbox-2-backscatter.eml').replace(
          'Message-ID: <bounce-7@mx.victim.example>',
          'Message-ID: <bounce-11@mx.victim.example>',
        ),
      ],
      Sent: [fixture('local-sent-1.eml')],
      Junk: [],
      Trash: [],
      Timing: timingMessages.map(message => message.text),
      ...(extraTiming.length > 0 ? { TimingMore: extraTiming.map(message => message.text) } : {}),
      Hostile: hostile.map(message => message.text),
    },
  });
  console.log(`# XPI ${statSync(XPI).size} bytes; IMAP on 127.0.0.1:${imapPort}; profile in ${profileDir}`);

  thunderbird = new Thunderbird({
    profileDir,
    marionettePort,
    logFile: path.join(tmp, 'thunderbird.log'),
    display,
  });
  const version = await thunderbird.start();
  const chrome = (body, args, timeoutMs) => thunderbird.chrome(body, args, timeoutMs);
  console.log(`# ${elapsed()} Thunderbird ${version} is up${windowMode ? ' in a window under Xvfb' : ''}`);
  // The message pane's place in the window, for cropping screenshots to what the banner is about.
  const shot = async (name, region = 'message') => {
    if (!windowMode) {
      return;
    }
    await sleep(300);
    const rect = await chrome(
      `const scale = win.devicePixelRatio;
       if (arguments[0] === 'window') { return [0, 0, win.innerWidth * scale, win.innerHeight * scale]; }
       const outer = tabmail.currentTabInfo.chromeBrowser ?? tabmail.tabInfo[0].chromeBrowser;
       const o = outer.getBoundingClientRect();
       if (arguments[0] === 'page') { const b = tabmail.currentTabInfo.browser.getBoundingClientRect(); return [b.left, b.top, b.width, Math.min(b.height, 620)].map(v => Math.round(v * scale)); }
       const inner = arguments[0] === 'message' ? about3().messageBrowser.getBoundingClientRect() : { left: 0, top: 0, width: o.width, height: o.height };
       return [o.left + inner.left, o.top + inner.top, inner.width, Math.min(inner.height, 520)].map(v => Math.round(v * scale));`,
      [region],
    );
    const png = await thunderbird.screenshot();
    mkdirSync(screenshotDir, { recursive: true });
    const raw = path.join(tmp, `${name}.png`);
    writeFileSync(raw, png);
    const [x, y, w, h] = rect;
    // Cropped and reduced to 64 colours: the set in the README stays a few hundred KB.
    execFileSync('convert', [
      raw,
      '-crop',
      `${w}x${h}+${x}+${y}`,
      '+repage',
      '-strip',
      // Without dithering: flat colours stay flat (a dithered tint speckles).
      '+dither',
      '-colors',
      '64',
      path.join(screenshotDir, `${name}.png`),
    ]);
    console.log(`# screenshot docs/screenshots/${name}.png (${w}×${h})`);
  };
  if (windowMode) {
    await chrome(
      `win.resizeTo(1000, 760); await until('window 1000 px wide', () => Math.abs(win.outerWidth - 1000) < 2, 10000);`,
    );
  }

  await chrome(
    `await until('3-pane window', () => about3() && about3().gDBView !== undefined && typeof about3().displayFolder === 'function');
     await until('extension ${EXTENSION_ID}', () => WebExtensionPolicy.getByID(arguments[0]));`,
    [EXTENSION_ID],
  );
  if (process.env.BSG_BANNER_TIMING) {
    // The measuring build's banner timestamps (scripts/banner-timing.mjs), at full timer precision,
    // collected as they are logged (the console forgets a document's messages when it closes).
    await chrome(
      `Services.prefs.setBoolPref('privacy.reduceTimerPrecision', false);
       win.bsgBannerCost = [];
       Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).addLogEventListener(event => {
         const text = String((event.wrappedJSObject ?? event).arguments?.[0] ?? '');
         if (text.startsWith('bsg-banner-timing ')) { win.bsgBannerCost.push(JSON.parse(text.slice(18))); }
       }, Services.scriptSecurityManager.getSystemPrincipal());`,
    );
  }
  if (process.env.NO_PAINT_SAMPLER) {
    // Timing runs only: without the paint sampler (it reads the layout at every paint).
    await chrome(`win.bsgNoPaintSampler = true;`);
  }
  const inboxCount = await chrome(
    `const f = await showFolder(arguments[0] + '/INBOX');
     await until('IMAP INBOX synced', () => f.getTotalMessages(false) >= 4);
     return f.getTotalMessages(false);`,
    [IMAP],
  );
  console.log(`# ${elapsed()} IMAP INBOX synced (${inboxCount} messages)`);

  // Layout facts a user would notice, in the real window: the banner sits above the message text,
  // and nothing is wider than the 1000 px window.
  const layoutChecks = async id => {
    const layout = await chrome(
      `const doc = paneDocument();
       const host = bannerHost(doc);
       const layer = bannerRoot(host).querySelector('.bsg-layer').getBoundingClientRect();
       const body = doc.body.getBoundingClientRect();
       const three = about3().document.documentElement;
       return {
         bannerBottom: Math.round(layer.bottom), bodyTop: Math.round(body.top),
         paneOverflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
         layerWidth: Math.round(layer.width), paneWidth: doc.documentElement.clientWidth,
         windowOverflow: three.scrollWidth - three.clientWidth, windowWidth: win.outerWidth,
       };`,
    );
    check(
      `layout (${id}): banner above the message text, no horizontal overflow at a 1000 px window`,
      layout.bannerBottom <= layout.bodyTop + 1 &&
        layout.paneOverflow <= 0 &&
        layout.windowOverflow <= 0 &&
        layout.layerWidth <= layout.paneWidth &&
        layout.windowWidth <= 1001,
      JSON.stringify(layout),
    );
  };

  // The header-button popup, opened the way a user opens it: a real X click (xdotool) on the
  // button in the focused window. Then layout facts a user would notice, and a screenshot of the
  // popup beside the message (it is a window of its own, so it is taken from the X screen).
  const xdotool = (...args) =>
    execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: display } })
      .toString()
      .trim();
  const popupCheck = async (name, expectedTitle) => {
    const at = await chrome(
      `const widget = arguments[0].toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-messageDisplayAction-toolbarbutton';
       const button = about3().messageBrowser.contentDocument.getElementById(widget);
       const r = button.getBoundingClientRect();
       return [Math.round(button.screenX + r.width / 2), Math.round(button.screenY + r.height / 2)];`,
      [EXTENSION_ID],
    );
    const windows = xdotool('search', '--onlyvisible', '--name', 'Thunderbird').split('\n');
    xdotool('windowfocus', '--sync', windows[windows.length - 1]);
    xdotool('mousemove', String(at[0]), String(at[1]), 'click', '1');
    const popup = await chrome(
      `const panel = await until('popup panel open', () => [...win.document.querySelectorAll('panel.webextension-popup-panel')].find(p => p.state === 'open'), 10000);
       const browser = await until('popup browser', () => panel.querySelector('browser'));
       // The suite runs extensions in the parent process (extensions.webextensions.remote=false, so
       // chrome code can read their pages); in that mode ExtensionPopups waits for a "load" event of
       // the popup's initial about:blank that current Gecko no longer fires, and the popup stays
       // blank. Users run remote extensions, where it loads. Only that missing event is supplied.
       await sleep(500);
       if (!String(browser.currentURI?.spec).startsWith('moz-extension:')) { browser.dispatchEvent(new win.Event('load')); }
       const doc = await until('popup page rendered', () => { const d = browser.contentDocument; return d && String(d.documentURI).includes('popup.html') && d.querySelector('.bsg-popup .bg-verdict__title') ? d : null; }, 15000);
       await until('popup sized', () => browser.getBoundingClientRect().width > 100, 5000);
       await sleep(400);
       const title = doc.querySelector('.bg-verdict__title');
       const tr = title.getBoundingClientRect();
       const root = doc.documentElement;
       const pr = panel.getBoundingClientRect();
       const result = {
         title: title.textContent,
         titleSize: parseFloat(doc.defaultView.getComputedStyle(title).fontSize),
         titleOnScreen: tr.width > 0 && tr.left >= 0 && tr.right <= root.clientWidth + 1 && tr.top >= 0 && tr.bottom <= root.clientHeight,
         overflowX: root.scrollWidth - root.clientWidth,
         wideElements: [...doc.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > root.clientWidth + 1).map(e => e.localName + '.' + e.className).slice(0, 5),
         reasons: doc.querySelectorAll('.bg-verdict__reasons li').length,
         actions: [...doc.querySelectorAll('[data-action]')].map(b => b.dataset.action),
         size: [Math.round(pr.width), Math.round(pr.height)],
         screen: [Math.round(win.mozInnerScreenX + pr.left), Math.round(win.mozInnerScreenY + pr.top), Math.round(pr.width), Math.round(pr.height)],
       };
       return result;`,
      [],
    );
    check(
      `popup (${name}): opened by a click on the header button; verdict readable, reasons listed, nothing wider than the popup`,
      popup.title === expectedTitle &&
        popup.titleSize >= 12 &&
        popup.titleOnScreen &&
        popup.overflowX <= 0 &&
        popup.wideElements.length === 0 &&
        popup.reasons >= 1 &&
        popup.actions.includes('junk') &&
        popup.actions.includes('sweep'),
      JSON.stringify(popup),
    );
    // The popup with the part of the window it opened from: the header button and the banner.
    const [px, py, pw, ph] = popup.screen;
    const x = Math.max(0, px - 420);
    const y = Math.max(0, py - 70);
    const raw = path.join(tmp, `${name}.png`);
    execFileSync('import', [
      '-display',
      display,
      '-window',
      'root',
      '-crop',
      `${px + pw + 8 - x}x${py + ph + 8 - y}+${x}+${y}`,
      '+repage',
      raw,
    ]);
    mkdirSync(screenshotDir, { recursive: true });
    execFileSync('convert', [
      raw,
      '-strip',
      '+dither',
      '-colors',
      '64',
      path.join(screenshotDir, `${name}.png`),
    ]);
    console.log(`# screenshot docs/screenshots/${name}.png (popup ${pw}×${ph})`);
    await chrome(`for (const p of win.document.querySelectorAll('panel.webextension-popup-panel')) { if (p.state === 'open') { p.hidePopup(); } }
      await until('popup closed', () => ![...win.document.querySelectorAll('panel.webextension-popup-panel')].some(p => p.state === 'open'), 5000);`);
  };

  // --- 1. Sent never synced: nothing can be confirmed as backscatter, the banner says why.
  const sentBefore = await chrome(`return folder(arguments[0] + '/Sent')?.getTotalMessages(false) ?? -1;`, [
    IMAP,
  ]);
  check(
    'precondition: the IMAP Sent folder is not synced yet',
    sentBefore === 0,
    `Sent has ${sentBefore} messages in Thunderbird`,
  );
  const coldTimes = [];
  for (const id of ['bounce-1@mx.victim.example', 'ooo-1@partner.example']) {
    const unsynced = await chrome(`return display(arguments[0] + '/INBOX', arguments[1], true);`, [IMAP, id]);
    coldTimes.push(unsynced);
    if (id === 'bounce-1@mx.victim.example') {
      await shot('banner-unsure-en');
    }
    // The hint is in the card's folded part: opened to read it (after the screenshot of the line).
    const unsyncedOpened = await chrome(`return openedInfo(bannerHost());`);
    check(
      `unsynced Sent: ${id} is "unsure" (not backscatter) and the banner says Sent could not be searched`,
      unsynced.banner.verdict === 'unsure' && unsyncedOpened.hints.includes('sent-unavailable'),
      JSON.stringify(unsyncedOpened),
    );
  }
  const unsyncedServer = await dovecot.list('INBOX');
  check(
    'unsynced Sent: the automatic scan of the first sync moved nothing',
    unsyncedServer.length === 4 && (await dovecot.list('Junk')).length === 0,
    JSON.stringify(unsyncedServer),
  );

  // --- Sync the Sent folders (a user opens them once), and let Local Folders parse its mbox files.
  await chrome(
    `for (const [uri, n] of arguments[0]) { const f = await showFolder(uri); await until(uri + ' synced', () => f.getTotalMessages(false) >= n); }`,
    [
      [
        [`${IMAP}/Sent`, 1],
        [`${LOCAL}/Sent`, 1],
        [`${LOCAL}/Inbox`, 4],
        [`${LOCAL}/Timing`, 12],
        ...(extraTiming.length > 0 ? [[`${LOCAL}/TimingMore`, extraTiming.length]] : []),
        [`${LOCAL}/Hostile`, hostile.length],
        [`${IMAP}/INBOX`, 4],
      ],
    ],
  );
  console.log(`# ${elapsed()} Sent folders synced`);

  // --- 2. The banner for each kind of message (IMAP account).
  const expectations = [
    { id: 'normal-1@example.org', banner: false },
    {
      id: 'bounce-1@mx.victim.example',
      verdict: 'backscatter',
      badge: '✗',
      title: 'Backscatter: you did not send this',
      actions: ['junk', 'not-backscatter'],
      shot: 'banner-backscatter-en',
    },
    {
      id: 'bounce-2@mx.partner.example',
      verdict: 'legitimate',
      badge: '!',
      title: 'A real delivery failure about your message',
      actions: [],
      shot: 'banner-real-bounce-en',
    },
    {
      id: 'ooo-1@partner.example',
      verdict: 'legitimate',
      badge: 'i',
      title: 'A real automatic reply about your message',
      actions: [],
      shot: 'banner-auto-reply-en',
    },
  ];
  // Display → banner with the engine warm: every message below is displayed for the first time.
  const timings = [];
  const selectTimings = [];
  // Message document loaded → the first frame painted with the banner in it (MozAfterPaint), when
  // the paint sampler runs: what the user sees, after the banner's own layout and paint.
  const paintTimings = [];
  const recordTiming = shown => {
    timings.push(shown.loadToBannerMs);
    selectTimings.push(shown.selectToBannerMs);
    if (typeof shown.loadToPaintMs === 'number') {
      paintTimings.push(shown.loadToPaintMs);
    }
  };
  // How far the message text moves after it was first painted (MozAfterPaint, chrome.mjs).
  const jumps = [];
  const textMove = (id, shown) => ({
    id,
    totalPx: shown.jumpPx === null ? null : Math.abs(shown.jumpPx),
    maxStepPx: shown.maxStepPx,
    movingFrames: shown.movingFrames,
    moveMs: shown.moveMs,
    slideFrames: shown.slide?.frames,
    coveredFrames: shown.slide?.covered,
  });
  for (const expected of expectations) {
    const shown = await chrome(`return display(arguments[0] + '/INBOX', arguments[1], arguments[2]);`, [
      IMAP,
      expected.id,
      expected.banner !== false,
    ]);
    if (expected.banner === false) {
      check(
        `ordinary mail (${expected.id}) gets no banner, and its text does not move (${shown.jumpPx} px over ${shown.paints} paints)`,
        shown.banner === null && shown.jumpPx === 0,
        JSON.stringify(shown),
      );
      if (windowMode) {
        // The header button has no label on ordinary mail, so it adds nothing to the header: the
        // header is as tall with the button as without it (the star stays on the first row).
        const header = await chrome(
          `const doc = about3().messageBrowser.contentDocument;
           const widget = arguments[0].toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-messageDisplayAction-toolbarbutton';
           const button = doc.getElementById(widget);
           const head = doc.getElementById('messageHeader');
           const withButton = head.getBoundingClientRect().height;
           button.hidden = true;
           await sleep(100);
           const without = head.getBoundingClientRect().height;
           button.hidden = false;
           // Thunderbird keeps the title in the label attribute and hides it with this one (ExtensionToolbarButtons.sys.mjs).
           return { withButton, without, labelHidden: button.getAttribute('hideWebExtensionLabel') };`,
          [EXTENSION_ID],
        );
        check(
          'ordinary mail: the header button has no label and the header row keeps its height',
          header.labelHidden === 'true' && Math.abs(header.withButton - header.without) < 1,
          JSON.stringify(header),
        );
      }
      continue;
    }
    recordTiming(shown);
    jumps.push(textMove(expected.id, shown));
    const button = await chrome(
      `return until('header button badge', () => { const b = headerButton(arguments[0]); return b && b.badge === arguments[1] ? b : null; }, 5000).catch(() => headerButton(arguments[0]));`,
      [EXTENSION_ID, expected.badge],
    );
    check(
      `header button for ${expected.id}: badge "${expected.badge}"`,
      button?.badge === expected.badge,
      JSON.stringify(button),
    );
    if (expected.shot) {
      await shot(expected.shot);
    }
    // The actions in the card's folded part ("Not backscatter") are read with the card opened
    // (it is only drawn then), after the screenshot of the one-line card, and closed again.
    const opened = await chrome(`return openedInfo(bannerHost());`);
    const actionsOk =
      expected.actions.every(action => opened.actions.includes(action)) &&
      (expected.actions.length > 0 || !opened.actions.includes('junk'));
    check(
      `banner for ${expected.id}: ${expected.verdict}, "${expected.title}"`,
      shown.banner.verdict === expected.verdict && shown.banner.title === expected.title && actionsOk,
      JSON.stringify({ ...shown.banner, opened: opened.actions }),
    );
    if (windowMode && expected.verdict === 'backscatter') {
      await popupCheck('popup-backscatter-en', expected.title);
    }
    if (windowMode) {
      await layoutChecks(expected.id);
    }
    if (windowMode && expected.verdict === 'backscatter') {
      // The one-line card opened by a click on its title: the rest of the card is there, above the
      // text, which slid down for it (on request only).
      const opened = await chrome(
        `const host = bannerHost();
         const root = bannerRoot(host);
         const title = root.querySelector('.bg-verdict__toggle');
         const r = title.getBoundingClientRect();
         clickAt(paneDocument().defaultView, r.left + 20, r.top + r.height / 2);
         await until('card opened', () => title.getAttribute('aria-expanded') === 'true', 2000);
         const layer = root.querySelector('.bsg-layer');
         await until('space for the opened card', () => Math.abs(host.getBoundingClientRect().height - Math.ceil(layer.getBoundingClientRect().height)) < 1, 3000);
         return { height: Math.round(layer.getBoundingClientRect().height), text: root.querySelector('.bg-verdict__more').textContent };`,
      );
      check(
        'the one-line card opens on a click on its title: summary, confidence, reasons and "Not backscatter" below it',
        opened.height > shown.banner.height &&
          /someone else sent in your name/.test(opened.text) &&
          /Confidence: \d+%/.test(opened.text) &&
          /Not backscatter/.test(opened.text),
        JSON.stringify(opened),
      );
      await shot('banner-backscatter-opened-en');
      await layoutChecks(`${expected.id}, opened`);
      await chrome(`bannerRoot(bannerHost()).querySelector('.bg-verdict__toggle').click();`);
    }
  }

  // --- 3. Move to Junk from the banner moves exactly the backscatter, on the server.
  await chrome(
    `await display(arguments[0] + '/INBOX', 'bounce-1@mx.victim.example', true); await click('junk');`,
    [IMAP],
  );
  const afterMove = await until('bounce-1 in the server’s Junk', async () => {
    const junk = await dovecot.list('Junk');
    return junk.some(message => message.messageId === 'bounce-1@mx.victim.example')
      ? { junk, inbox: await dovecot.list('INBOX') }
      : null;
  });
  check(
    'Move to Junk: the IMAP server’s Junk holds exactly the backscatter, flagged Junk',
    afterMove.junk.length === 1 &&
      afterMove.junk[0].flags.includes('Junk') &&
      !afterMove.inbox.some(message => message.messageId === 'bounce-1@mx.victim.example'),
    JSON.stringify(afterMove),
  );

  // --- 4. Undo brings it back: Thunderbird shows the next message, whose banner offers it.
  const undoCard = await chrome(
    `const next = await display(arguments[0] + '/INBOX', 'bounce-2@mx.partner.example', true);
     if (!next.banner.notices.includes('earlier-move')) { throw new Error('no Undo offered: ' + JSON.stringify(next.banner)); }
     const before = cardBoxes();
     await click('undo');
     await until('Undo answered', () => bannerRoot(bannerHost()).querySelector('[data-notice="restored"], [data-notice="failed"]'), 30000);
     await sleep(200);
     return { before, after: cardBoxes(), notices: bannerInfo(bannerHost()).notices };`,
    [IMAP],
  );
  check(
    'Undo: its notice replaces the offer in place; the card and its buttons do not move',
    undoCard.before.length > 0 && JSON.stringify(undoCard.before) === JSON.stringify(undoCard.after),
    JSON.stringify(undoCard),
  );
  const afterUndo = await until('bounce-1 back in the server’s INBOX', async () => {
    const inbox = await dovecot.list('INBOX');
    const junk = await dovecot.list('Junk');
    return inbox.some(message => message.messageId === 'bounce-1@mx.victim.example') && junk.length === 0
      ? { inbox, junk }
      : null;
  }).catch(error => ({ error: String(error) }));
  check(
    'Undo: the backscatter is back in the IMAP INBOX and Junk is empty',
    !afterUndo.error,
    JSON.stringify(afterUndo),
  );
  const restored = afterUndo.inbox?.find(message => message.messageId === 'bounce-1@mx.victim.example');
  check(
    'Undo: the restored message is no longer flagged Junk',
    restored !== undefined && !restored.flags.includes('Junk'),
    JSON.stringify(restored),
  );

  // --- 5. Local Folders: Move to Junk from the banner.
  const localShown = await chrome(
    `return display(arguments[0] + '/Inbox', 'bounce-7@mx.victim.example', true);`,
    [LOCAL],
  );
  check(
    'Local Folders: banner for the backscatter says backscatter',
    localShown.banner.verdict === 'backscatter',
    JSON.stringify(localShown.banner),
  );
  recordTiming(localShown);
  const moveCard = await chrome(
    `const before = cardBoxes();
     const host = bannerHost();
     await click('junk');
     // The notice appears on this banner before Thunderbird shows the next message in its place.
     const notice = await until('moved notice', () => bannerRoot(host).querySelector('[data-notice="moved"]'), 10000, 2).catch(() => null);
     const after = notice && host.isConnected ? cardBoxes() : null;
     // The notice is painted where it hangs (hit-testing honours clips): nothing cuts it off.
     const r = notice && host.isConnected ? notice.getBoundingClientRect() : null;
     const hit = r ? bannerRoot(host).elementFromPoint(r.left + 4, r.top + r.height / 2) : null;
     const noticeShown = r ? Boolean(hit && notice.contains(hit)) : null;
     // A timeout here says what the banner and the folders showed (it happened once, at load 4-5).
     await until('local Junk', () => dbMessageIds(arguments[0] + '/Junk').includes('bounce-7@mx.victim.example'))
       .catch(error => { throw new Error(error.message + ': ' + JSON.stringify({ notice: notice?.dataset.notice ?? null, banner: host.isConnected ? bannerInfo(host) : 'gone', junk: dbMessageIds(arguments[0] + '/Junk'), inbox: dbMessageIds(arguments[0] + '/Inbox') })); });
     return { before, after, slot: notice?.dataset.slot ?? null, noticeShown };`,
    [LOCAL],
  );
  if (process.env.JUMP_DEBUG) {
    console.log(`# move notice: ${JSON.stringify(moveCard)}`);
  }
  check(
    'Move to Junk: the notice does not push the card down (its buttons keep their place, Undo where Move was)',
    moveCard.after === null ||
      (moveCard.slot === 'overlay' &&
        moveCard.noticeShown === true &&
        moveCard.before[0] === moveCard.after[0] &&
        moveCard.after[1]?.startsWith('undo ') &&
        moveCard.after[1].split(' ').slice(1, 3).join() === moveCard.before[1].split(' ').slice(1, 3).join()),
    JSON.stringify(moveCard),
  );
  const localLegit = await chrome(
    `return display(arguments[0] + '/Inbox', 'bounce-8@mx.partner.example', true);`,
    [LOCAL],
  );
  check(
    'Local Folders: banner for the legitimate bounce says legitimate',
    localLegit.banner.verdict === 'legitimate',
    JSON.stringify(localLegit.banner),
  );
  recordTiming(localLegit);

  // --- "Not backscatter": the user overrides the verdict; it sticks, and nothing is moved.
  const overridden = await chrome(
    `const first = await display(arguments[0] + '/Inbox', 'bounce-11@mx.victim.example', true);
     await click('not-backscatter');
     const notice = await until('override shown', () => bannerRoot(bannerHost()).querySelector('[data-notice="overridden"]'));
     // The notice hangs below the card; it is painted there (hit-testing honours clips).
     await sleep(300);
     const r = notice.getBoundingClientRect();
     const hit = bannerRoot(bannerHost()).elementFromPoint(r.left + 4, r.top + r.height / 2);
     const after = { ...bannerInfo(bannerHost()), noticeShown: Boolean(hit && notice.contains(hit)) };
     const again = await display(arguments[0] + '/Inbox', 'bounce-11@mx.victim.example', true);
     return { first: first.banner.verdict, after, again: again.banner, inInbox: dbMessageIds(arguments[0] + '/Inbox').includes('bounce-11@mx.victim.example') };`,
    [LOCAL],
  );
  check(
    '"Not backscatter": the banner says it is the user’s choice (its notice shown below the card), without Move to Junk, stays so when shown again, nothing moved',
    overridden.first === 'backscatter' &&
      overridden.after.noticeShown &&
      overridden.after.title === 'You marked this as not backscatter' &&
      overridden.after.tone === 'user' &&
      !overridden.after.actions.includes('junk') &&
      overridden.again.verdict === 'legitimate' &&
      overridden.inInbox,
    JSON.stringify(overridden),
  );

  // --- Hostile messages: the message's HTML and CSS can neither hide, restyle, cover nor take the
  // clicks of the banner (banner.tsx says how). Checked from outside: the card is open in the top
  // layer, painted in its own colour at its own place, hit-testing at its Move to Junk button finds
  // it, a click on it reaches it, and a click on the message opens nothing above it.
  for (const message of hostile) {
    const { shown, probe } = await chrome(
      `const shown = await display(arguments[0] + '/Hostile', arguments[1], true);
       return { shown, probe: await hostileProbe(paneDocument()) };`,
      [LOCAL, message.messageId],
    );
    check(
      `hostile message (${message.name}): the real banner is shown, on top, in its own colours, and takes its clicks`,
      shown.banner.verdict === 'backscatter' &&
        probe.open &&
        probe.stillOpen &&
        probe.display === 'block' &&
        probe.visibility === 'visible' &&
        probe.opacity === '1' &&
        probe.rect[1] === 0 &&
        probe.rect[2] >= probe.windowWidth - 1 &&
        probe.rect[3] >= 24 &&
        probe.titleColor === 'rgb(67, 20, 7)' &&
        probe.accentPixel === 'rgb(180,83,9)' &&
        probe.topAtJunk &&
        probe.innerAtJunk &&
        probe.clickReached &&
        probe.foreignOpen === 0 &&
        probe.topAfter,
      JSON.stringify(probe),
    );
  }

  // --- 6. Display → banner time, engine warm: twelve bounces never displayed before.
  for (const message of timingMessages) {
    const shown = await chrome(`return display(arguments[0] + '/Timing', arguments[1], true);`, [
      LOCAL,
      message.messageId,
    ]);
    recordTiming(shown);
    jumps.push(textMove(message.messageId, shown));
    if (process.env.JUMP_DEBUG) {
      console.log(
        `# ${message.messageId}: ${JSON.stringify({ ...jumps.at(-1), firstPaint: shown.firstPaint, hostAt: shown.hostAt, bannerMs: shown.selectToBannerMs })}`,
      );
    }
    if (shown.banner.verdict !== (message.backscatter ? 'backscatter' : 'legitimate')) {
      check(`timing message ${message.messageId} verdict`, false, JSON.stringify(shown.banner));
    }
  }

  if (extraTiming.length > 0) {
    // CPU time of Thunderbird's main thread (which runs the extension, the message pane and the
    // banner) and of the whole process, per display: unlike the latency, hardly changed by the load.
    const pid = await chrome(`return Services.appinfo.processID;`);
    const ticks = file => {
      const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    const cpu = () => [ticks(`/proc/${pid}/task/${pid}/stat`), ticks(`/proc/${pid}/stat`)];
    const cpuBefore = cpu();
    const more = { load: [], select: [] };
    for (const message of extraTiming) {
      if (idleGapMs > 0) {
        await new Promise(resolve => setTimeout(resolve, idleGapMs));
      }
      const shown = await chrome(`return display(arguments[0] + '/TimingMore', arguments[1], true);`, [
        LOCAL,
        message.messageId,
      ]);
      more.load.push(shown.loadToBannerMs);
      more.select.push(shown.selectToBannerMs);
    }
    const perDisplay = cpu().map((after, index) =>
      (((after - cpuBefore[index]) * 10) / extraTiming.length).toFixed(1),
    );
    console.log(
      `# TIMING_EXTRA: display → banner median ${median(more.load)} ms, click → banner median ${median(more.select)} ms over ${extraTiming.length}; ` +
        `CPU per display ${perDisplay[0]} ms main thread, ${perDisplay[1]} ms process`,
    );
  }

  // Reduced motion (the user's system setting): the space opens at once, the text moves in one
  // frame by the one line, with no slide; otherwise the host has the 200 ms slide.
  const motion = await chrome(
    `const slide = win.getComputedStyle(bannerHost(paneDocument())).transitionDuration;
     Services.prefs.setIntPref('ui.prefersReducedMotion', 1);
     try {
       const shown = await display(arguments[0] + '/Timing', arguments[1], true);
       return { slide, reduced: win.getComputedStyle(bannerHost(paneDocument())).transitionDuration, shown };
     } finally {
       Services.prefs.clearUserPref('ui.prefersReducedMotion');
     }`,
    [LOCAL, timingMessages[1].messageId],
  );
  check(
    `reduced motion: no slide (${motion.reduced}; ${motion.slide} otherwise), the text moved in at most one frame`,
    motion.slide === '0.2s' && motion.reduced === '0s' && motion.shown.movingFrames <= 1,
    JSON.stringify({ ...motion, shown: textMove('reduced motion', motion.shown) }),
  );

  // --- 7. Folder sweep of the Timing folder: the backscatter preselected, moved in one action.
  const sweep = await chrome(
    `const { tab, doc } = await openExtensionPage(arguments[0], 'sweep.html?folder=' + encodeURIComponent('account2://Timing'));
     await until('sweep finished', () => doc.querySelector('main[data-finished="yes"]'), 60000);
     const rows = [...doc.querySelectorAll('tr[data-verdict]')].map(r => ({ id: r.dataset.messageId, verdict: r.dataset.verdict, selected: r.querySelector('input').checked }));
     const progress = doc.querySelector('[data-progress]').dataset.progress;
     doc.querySelector('[data-action="move-selected"]').click();
     const moved = await until('sweep moved', () => doc.querySelector('[data-notice="moved"]'));
     const result = { rows, progress, moved: Number(moved.dataset.moved) };
     tabmail.closeTab(tab);
     return result;`,
    [EXTENSION_ID],
  );
  const expectedSelected = timingMessages
    .filter(message => message.backscatter)
    .map(message => message.messageId);
  check(
    'sweep: all 12 checked, backscatter preselected and only it, 6 moved',
    sweep.progress === '12/12' &&
      sweep.rows.length === 12 &&
      JSON.stringify(sweep.rows.filter(row => row.selected).map(row => row.id)) ===
        JSON.stringify(expectedSelected) &&
      sweep.moved === 6,
    JSON.stringify(sweep),
  );

  // --- 8. Automatic scan, "tag and move", on mail arriving over IMAP.
  const profileAfterSave = await chrome(
    `const { tab, doc } = await openExtensionPage(arguments[0], 'options.html');
     (await until('options form', () => doc.querySelector('input[value="tag-and-move"]'))).click();
     // Let Preact re-render with the new choice before Save reads it.
     await until('choice rendered', () => doc.querySelector('input[value="tag-and-move"]').checked);
     await sleep(100);
     doc.querySelector('[data-action="save"]').click();
     await until('saved', () => doc.querySelector('[data-notice="saved"]') && doc.querySelector('input[value="tag-and-move"]').checked);
     await until('history', () => doc.querySelector('[data-history]:not([data-history="loading"])'));
     const profile = doc.querySelector('[data-profile]')?.dataset.profile;
     if (!arguments[2]) { tabmail.closeTab(tab); }
     await showFolder(arguments[1] + '/INBOX');
     return profile;`,
    [EXTENSION_ID, IMAP, windowMode],
  );
  // The bounces above taught the profile (Sent holds the originals); a new mode of the automatic scan
  // must not throw it away (it did: "Nothing learned yet" right after Save).
  check(
    'options: after saving the mode, the profile learned from Sent is still shown',
    profileAfterSave === 'learned',
    String(profileAfterSave),
  );
  if (windowMode) {
    await chrome(`tabmail.switchToTab(tabmail.tabInfo[tabmail.tabInfo.length - 1]);`);
    await shot('options-en', 'page');
    await chrome(`tabmail.closeTab(tabmail.currentTabInfo); await showFolder(arguments[0] + '/INBOX');`, [
      IMAP,
    ]);
  }
  await dovecot.append('INBOX', fixture('imap-new-backscatter.eml'));
  await dovecot.append('INBOX', fixture('imap-new-legit.eml'));
  const arrivedAt = Date.now();
  const autoMoved = await until(
    'the new backscatter in the server’s Junk',
    async () =>
      (await dovecot.list('Junk')).some(message => message.messageId === 'bounce-9@mx.other.example')
        ? Date.now() - arrivedAt
        : null,
    90_000,
  ).catch(error => ({ error: String(error) }));
  check(
    'auto-scan "tag and move": new backscatter over IMAP lands in the server’s Junk',
    typeof autoMoved === 'number',
    JSON.stringify(autoMoved),
  );
  // The legitimate bounce that arrived with it must stay: wait until Thunderbird has it, then a little.
  await chrome(
    `await until('bounce-10 synced', () => dbMessageIds(arguments[0] + '/INBOX').includes('bounce-10@mx.partner.example'), 60000);`,
    [IMAP],
  );
  await sleep(3000);
  const finalInbox = await dovecot.list('INBOX');
  const finalJunk = await dovecot.list('Junk');
  check(
    'legitimate bounces are never moved: both stay in the IMAP INBOX; Junk holds only the new backscatter',
    ['bounce-2@mx.partner.example', 'bounce-10@mx.partner.example', 'ooo-1@partner.example'].every(id =>
      finalInbox.some(message => message.messageId === id),
    ) && finalJunk.map(message => message.messageId).join() === 'bounce-9@mx.other.example',
    JSON.stringify({ finalInbox, finalJunk }),
  );
  check(
    'auto-scan tagged the moved message',
    finalJunk[0]?.flags.includes('backscatter-guard') === true,
    JSON.stringify(finalJunk),
  );

  // --- Measurements: memory held by the extension's realms (explicit/ reports under its URL).
  const memory = await chrome(
    `const host = WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname;
     const manager = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
     let bytes = 0;
     const parts = {};
     await new Promise(done => manager.getReports((process, path, kind, units, amount) => {
       if (units === Ci.nsIMemoryReporter.UNITS_BYTES && path.startsWith('explicit/') && path.includes(host)) {
         bytes += amount;
         const key = path.split('/').slice(0, 3).join('/');
         parts[key] = (parts[key] || 0) + amount;
       }
     }, null, done, null, false));
     return { bytes, parts, resident: manager.resident };`,
    [EXTENSION_ID],
  );
  console.log(
    `# display → banner, message document loaded → banner in it: first of the session ${coldTimes[0]?.loadToBannerMs} ms; ` +
      `warm median ${median(timings)} ms, worst ${Math.max(...timings)} ms over ${timings.length} first displays`,
  );
  if (paintTimings.length > 0) {
    console.log(
      `# display → banner painted (message document loaded → first frame with the banner): warm median ${median(paintTimings)} ms, ` +
        `worst ${Math.max(...paintTimings)} ms over ${paintTimings.length}`,
    );
  }
  // BSG_BANNER_TIMING=1 with a measuring build (scripts/banner-timing.mjs): what each banner cost on
  // the main thread, its evaluation and answer → card drawn, inserted and shown.
  const bannerCost = await chrome(`return win.bsgBannerCost ?? [];`);
  // BANNER_EVAL=a.js,b.js: what evaluating each banner script costs in a message document (compiled
  // and run up to its question, which fails there: no messenger), in turns, 30 rounds, in this one
  // process; so builds compare at the same load.
  const evalFiles = (process.env.BANNER_EVAL ?? '').split(',').filter(Boolean);
  if (evalFiles.length > 0) {
    const evalMs = await chrome(
      `const doc = paneDocument();
       const times = arguments[0].map(() => []);
       for (let round = 0; round < 30; round++) {
         arguments[0].forEach((source, index) => {
           const sandbox = Cu.Sandbox(doc.nodePrincipal, { sandboxPrototype: doc.defaultView, wantXrays: true });
           const start = win.performance.now();
           Cu.evalInSandbox(source, sandbox, 'latest', 'banner-eval-' + index + '.js', 1);
           times[index].push(win.performance.now() - start);
           Cu.nukeSandbox(sandbox);
         });
       }
       return times;`,
      [evalFiles.map(file => readFileSync(file, 'utf8'))],
    );
    evalFiles.forEach((file, index) => {
      const bytes = readFileSync(file);
      console.log(
        `# banner evaluation ${path.basename(file)} (${bytes.length} bytes): median ${median(evalMs[index]).toFixed(2)} ms, ` +
          `min ${Math.min(...evalMs[index]).toFixed(2)} ms over 30`,
      );
    });
  }
  if (bannerCost.length > 0) {
    const evalMs = bannerCost.map(cost => cost.evalMs);
    const part = key =>
      median(bannerCost.map(cost => cost[key]).filter(ms => typeof ms === 'number')).toFixed(2);
    const drawMs = bannerCost.map(cost => cost.drawMs).filter(ms => typeof ms === 'number');
    const fixed = values => values.map(ms => ms.toFixed(1)).join(' ');
    console.log(
      `# banner timing (measuring build) over ${bannerCost.length} banners: script evaluation median ${median(evalMs).toFixed(2)} ms ` +
        `(${fixed(evalMs)}; API object ${part('apiMs')}, modules ${part('modulesMs')}, question sent ${part('askMs')}); answer → card drawn and shown median ${drawMs.length ? median(drawMs).toFixed(2) : '-'} ms (${fixed(drawMs)})` +
        (bannerCost[0]?.wrapError ? `; ${bannerCost[0].wrapError}` : ''),
    );
  }
  console.log(
    `# click in the thread list → banner (includes Thunderbird loading the message): first ${coldTimes[0]?.selectToBannerMs} ms; ` +
      `warm median ${median(selectTimings)} ms, worst ${Math.max(...selectTimings)} ms`,
  );
  // What a user sees of the text of each bounce: the total move after the first paint, and the
  // largest move between two painted frames (chrome.mjs display()). Before the one-line card and
  // its slide (issue 11 item 8) every move was one frame of 73–100 px.
  const seen = jumps.filter(jump => jump.totalPx !== null);
  const totals = seen.map(jump => jump.totalPx);
  const steps = seen.map(jump => jump.maxStepPx);
  console.log(
    `# text move after the first paint, bounces: total median ${median(totals)} px, largest ${Math.max(...totals)} px; ` +
      `largest single-frame move median ${median(steps)} px, largest ${Math.max(...steps)} px; ` +
      `moved over median ${median(seen.map(jump => jump.movingFrames))} frames in ${median(seen.map(jump => jump.moveMs))} ms ` +
      `(${seen.length} bounces, ${jumps.length - seen.length} without a paint seen)`,
  );
  check(
    `the text of a bounce moves by one line (at most ${MAX_TOTAL_PX} px in all), in small steps (the median bounce's ` +
      `largest step at most ${MAX_MEDIAN_STEP_PX} px; no frame more than ${MAX_STEP_PX} px even when frames are dropped)`,
    seen.length >= 10 &&
      Math.max(...totals) <= MAX_TOTAL_PX &&
      median(steps) <= MAX_MEDIAN_STEP_PX &&
      Math.max(...steps) <= MAX_STEP_PX,
    JSON.stringify(jumps),
  );
  const slideFrames = seen.reduce((sum, jump) => sum + jump.slideFrames, 0);
  check(
    `while its space opens, the card covers none of the text gliding down (${slideFrames} paints during the slides sampled)`,
    slideFrames > 0 && seen.every(jump => jump.coveredFrames === 0),
    JSON.stringify(jumps),
  );
  console.log(
    `# extension memory: ${(memory.bytes / 1048576).toFixed(1)} MiB in its realms; Thunderbird resident ${(memory.resident / 1048576).toFixed(0)} MiB`,
  );
  console.log(
    `# XPI: ${statSync(XPI).size} bytes; auto-scan moved new backscatter ${autoMoved} ms after the APPEND`,
  );

  const consoleLines = await chrome(`return extensionConsole();`);
  if (consoleLines.length > 0) {
    console.log(`# extension console:\n#   ${consoleLines.slice(-30).join('\n#   ')}`);
  }

  const errors = await chrome(`return extensionErrors(arguments[0]);`, [EXTENSION_ID]);
  check(
    'no error from or about the extension in the error console (first start included)',
    errors.length === 0,
    JSON.stringify(errors),
  );

  // --- Quit Thunderbird cleanly, then read the Local Folders mbox files it wrote.
  const exit = await thunderbird.quit();
  check('Thunderbird quits cleanly', exit !== null && exit.code === 0, JSON.stringify(exit));
  const mbox = name => readMbox(readFileSync(path.join(profileDir, 'Mail', 'Local Folders', name), 'latin1'));
  const localJunk = mbox('Junk').map(message => message.messageId);
  check(
    'Local Folders Junk mbox holds exactly the backscatter (banner + sweep), no legitimate bounce',
    JSON.stringify([...localJunk].sort()) ===
      JSON.stringify(['bounce-7@mx.victim.example', ...expectedSelected].sort()),
    JSON.stringify(localJunk),
  );

  // --- 9. Mail that arrives while Thunderbird is closed is handled at the next start, with the
  // settings, Sent folders and move records of the last session.
  if (!idleTimeoutMs && !windowMode) {
    await dovecot.append(
      'INBOX',
      fixture('imap-new-backscatter.eml')
        .replace('Message-ID: <bounce-9@mx.other.example>', 'Message-ID: <bounce-12@mx.other.example>')
        .replace('<forged-999@spammer.example>', '<forged-1212@spammer.example>')
        // Dated when it arrives, as a real bounce is: the startup scan looks at the last days' unread
        // mail, and this check is about mail that arrived while Thunderbird was closed.
        .replace(/^Date: .*$/m, `Date: ${new Date().toUTCString()}`),
    );
    thunderbird = new Thunderbird({
      profileDir,
      marionettePort,
      logFile: path.join(tmp, 'thunderbird-restart.log'),
    });
    await thunderbird.start();
    await chrome(
      `await until('3-pane window', () => about3() && typeof about3().displayFolder === 'function'); await showFolder(arguments[0] + '/INBOX');`,
      [IMAP],
    );
    const movedAfterRestart = await until(
      'the backscatter that arrived while closed in the server’s Junk',
      async () =>
        (await dovecot.list('Junk')).some(message => message.messageId === 'bounce-12@mx.other.example'),
      90_000,
    ).catch(error => ({ error: String(error) }));
    check(
      'after a restart: backscatter that arrived while Thunderbird was closed is moved to Junk',
      movedAfterRestart === true,
      JSON.stringify(movedAfterRestart),
    );
    if (movedAfterRestart !== true) {
      console.log(
        `# extension console after the restart:\n#   ${(await chrome(`return extensionConsole();`)).slice(-30).join('\n#   ')}`,
      );
    }
    const restartErrors = await chrome(`return extensionErrors(arguments[0]);`, [EXTENSION_ID]);
    check(
      'after a restart: no error from or about the extension in the error console',
      restartErrors.length === 0,
      JSON.stringify(restartErrors),
    );
    const restartExit = await thunderbird.quit();
    check(
      'Thunderbird quits cleanly after the restart',
      restartExit !== null && restartExit.code === 0,
      JSON.stringify(restartExit),
    );
  }
  // --- German: the same profile with Thunderbird's UI in German (Debian's thunderbird-l10n-de).
  if (windowMode) {
    appendFileSync(path.join(profileDir, 'user.js'), 'user_pref("intl.locale.requested", "de");\n');
    thunderbird = new Thunderbird({
      profileDir,
      marionettePort,
      logFile: path.join(tmp, 'thunderbird-de.log'),
      display,
    });
    await thunderbird.start();
    await chrome(
      `await until('3-pane window', () => about3() && typeof about3().displayFolder === 'function');
       win.resizeTo(1000, 760);
       await until('extension', () => WebExtensionPolicy.getByID(arguments[0]));`,
      [EXTENSION_ID],
    );
    const german = [];
    for (const [uri, id, name] of [
      [`${LOCAL}/Hostile`, hostile[1].messageId, 'banner-backscatter-de'],
      [`${LOCAL}/Timing`, 'timing-1@mx.example', 'banner-real-bounce-de'],
    ]) {
      const shown = await chrome(`return display(arguments[0], arguments[1], true);`, [uri, id]);
      german.push(shown.banner.title);
      // The German title and button are longer: the line may wrap in the 1000 px window.
      console.log(
        `# German ${id}: text moved ${JSON.stringify(textMove(id, shown))}, card ${shown.banner.height} px`,
      );
      await shot(name);
      if (name === 'banner-backscatter-de') {
        await popupCheck('popup-backscatter-de', shown.banner.title);
      }
    }
    // The card's folded part, drawn from the German banner's strings when opened (after the shots).
    const germanOpened = await chrome(`return openedInfo(bannerHost());`);
    check(
      'German: the banners are in German, the opened card too',
      german[0] === 'Backscatter: Sie haben das nicht gesendet' &&
        /^Eine echte/.test(german[1] ?? '') &&
        /Diese \S+ betrifft eine Nachricht, die Sie gesendet haben/.test(germanOpened.text) &&
        !/you sent|Confidence/.test(germanOpened.text),
      JSON.stringify({ german, opened: germanOpened.text }),
    );
    await chrome(`await openExtensionPage(arguments[0], 'options.html');`, [EXTENSION_ID]);
    await shot('options-de', 'page');
    await thunderbird.quit();
  }
  exitCode = results.every(result => result.ok) ? 0 : 1;
} catch (error) {
  console.log(`not ok - ${error instanceof Error ? error.stack : String(error)}`);
  exitCode = 1;
} finally {
  await thunderbird?.kill();
  await dovecot.stop();
  xvfb?.stop();
  const failed = results.filter(result => !result.ok).length;
  console.log(`# ${elapsed()} ${results.length - failed} passed, ${failed} failed`);
  if (exitCode !== 0 || process.env.KEEP) {
    console.log(`# kept ${tmp} (thunderbird.log, profile, imap/dovecot.log)`);
    try {
      console.log(execFileSync('tail', ['-n', '40', path.join(tmp, 'thunderbird.log')]).toString());
    } catch {
      // no log
    }
  } else {
    rmSync(tmp, { recursive: true, force: true });
  }
}
process.exit(exitCode);
