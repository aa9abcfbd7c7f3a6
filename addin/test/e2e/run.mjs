// `npm run test:e2e:addin`: the built add-in in real Chromium (Debian's chromium + playwright-core).
//  1. task pane with the fake Outlook host injected in place of office.js: verdicts for backscatter, a
//     real bounce, an auto-reply and ordinary mail; the reading-pane notification; ItemChanged → verdict time;
//  1b. the same states on Microsoft's own office.js (npm @microsoft/office-js, served at its CDN address
//     from node_modules) over a fake Outlook on Windows (native-host.ts: window.external) and a fake
//     Outlook on the web (web-host.ts: the pane in an iframe, postMessage), and the profile learned
//     from opened Sent items measured on the scenario set through it;
//  2. the Report (spam-reporting) handler's event.completed options, in commands.html;
//  3. the Graph sweep and Move to Junk / Undo against a local Graph stand-in (paging, $value, move,
//     429 + Retry-After), signed in through MSAL's nested app auth against a fake host bridge;
//  4. the standalone analyzer (no Office): real file uploads, drag and drop, a bundled sample.
// Nothing leaves the machine: every request that is not to 127.0.0.1 fails the run (office.js and the
// files it loads are answered locally).
// Functions passed to page.evaluate run in the browser, hence the browser globals.
/* global window, document, performance, MutationObserver, TextEncoder, DataTransfer, File, DragEvent, Office, OSF */
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { buildAddin } from '../../build/build.mjs';
import { staticHandler } from '../../build/serve.mjs';
import { startGraphStandIn } from './graph-stand-in.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const addinDir = resolve(here, '../..');
const repoRoot = resolve(addinDir, '..');
// Our code in the pane's start bundle, gzip. 60 KB until the engine gained the Sent index for lookups
// without a Message-ID, the person/forwarded-report rules, more bounce formats and the display-safe text
// layer (61.7 KB measured then), and then calibration.json (every weight with its one-line source,
// prose the pane does not show: 72 KB for a while). The sources of the weights and of the provider
// facts now live in calibration-sources.json and providers-sources.json, outside the bundle: 66.3 KB
// measured then (addin build --size-report); 67.6 KB once the pane rebuilt From/To/Date for Sent items
// read without getAsFileAsync and the reply veto compared the answered message's date; 69.8 KB once the
// bounce-side arrival window and the replay rule (issue 8) joined the engine; 71.7 KB at the start of
// issue 10's speed work and 73.3 KB after it (fast paths beside the general ones, each kept with a test
// comparing the two, and bounded memos); plus a margin.
const OWN_BUDGET_KB = 75;
const tmp = join(repoRoot, '.e2e-tmp', 'addin');
const samplesDir = join(addinDir, 'public/samples');
const corpusDir = resolve(repoRoot, 'test/corpus');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** How many Sent Items messages a user opens with the pane pinned, in the learning measurement. */
const OPENED_SENT = 10;
const CLIENT_ID = '5b0e8a4c-1f2d-4e3a-9b8c-7d6e5f4a3b2c';
const TOKEN = 'fake-graph-token-for-e2e';
const USER = 'alice@example.org';

// A bounce whose subject, failed address and diagnostic carry RLO, LRI, RLI, FSI and PDI.
const BIDI_BOUNCE = [
  'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
  `To: ${'alice@example.org'}`,
  'Subject: Undelivered Mail Returned to Sender \u202eexe.txt',
  'Date: Fri, 27 Nov 2026 10:00:00 +0000',
  'Message-ID: <bidi1@mx.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'This is the mail system at host mx.example.net.',
  '',
  "I'm sorry to have to inform you that your message could not",
  'be delivered to one or more recipients.',
  '',
  '<bob\u202e@example.com>: host mx.example.com[192.0.2.7] said: 550 5.1.1',
  '    \u2067user unknown\u2069 \u2066in\u2068 reply to RCPT TO command',
  '',
  '--- Original message headers ---',
  '',
  'From: alice@example.org',
  'To: bob@example.com',
  'Subject: Hello \u202eereht',
  'Message-ID: <orig1@example.org>',
  '',
].join('\r\n');

const results = [];
const measured = {};
// BSG_E2E_SCREENSHOTS=dir keeps a picture of each state for review; off by default.
const screenshotDir = process.env.BSG_E2E_SCREENSHOTS;
async function shot(page, name) {
  if (screenshotDir) {
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  }
}
// BSG_E2E_ONLY=text runs only the scenarios whose name contains it (for work on one of them).
const only = process.env.BSG_E2E_ONLY;
async function scenario(name, fn) {
  if (only && !name.includes(only)) {
    return;
  }
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true, ms: Date.now() - started });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - started, error });
    console.log(
      `  ✗ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 8)
        .join('\n    ')}`,
    );
  }
}

/** One test-side TypeScript file bundled into a classic script (no modules, as office.js expects). */
async function classicScript(file) {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      lib: { entry: join(here, file), formats: ['iife'], name: 'bsgTestHost' },
    },
  });
  const chunk = (Array.isArray(output) ? output[0] : output).output[0];
  return chunk.code;
}

const sample = name => readFile(join(samplesDir, name), 'utf8');

/** The original inside the real-bounce sample: what alice's Sent Items hold. */
function sentCopyOf(bounce) {
  const start = bounce.indexOf('Received: from [192.168.1.20]');
  const end = bounce.lastIndexOf('\r\n--1732639212-eximdsn-1804289383--');
  assert.ok(start > 0 && end > start, 'the real-bounce sample carries its original');
  return bounce.slice(start, end);
}

// Microsoft's office.js from npm (@microsoft/office-js), served at its CDN address: the loader finds
// its folder from its own <script src> and loads outlook-win32-16.02.js and the string files beside it.
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const officeDist = resolve(repoRoot, 'node_modules/@microsoft/office-js/dist');
// What Outlook's office.js fetches next to itself (MicrosoftAjax.js is not in the npm package).
const MS_AJAX = /^https?:\/\/ajax\.aspnetcdn\.com\/ajax\/3\.5\/MicrosoftAjax\.js$/;

/** The same host and port over https, answered by Playwright (no certificate involved). */
const httpsOf = origin => origin.replace(/^http:/, 'https:');
const OWA_PAGE =
  '<!doctype html><html><head><title>Outlook</title></head><body style="margin:0"></body></html>';

/** A file of the npm package for a CDN address, or undefined (outside dist/ or missing). */
async function officeFile(url) {
  const path = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
  const file = resolve(officeDist, path);
  if (!file.startsWith(`${officeDist}/`)) {
    return undefined;
  }
  // BSG_OFFICE_DEBUG=1: Microsoft's readable *.debug.js under the minified names, for stack traces.
  const debug = process.env.BSG_OFFICE_DEBUG === '1' ? file.replace(/\.js$/, '.debug.js') : file;
  for (const candidate of [debug, file]) {
    try {
      return await readFile(candidate);
    } catch {
      // try the next
    }
  }
  return undefined;
}

async function newPage(browser, origin, { hostOptions, officeJs, microsoft }) {
  // Outlook's task pane is 320 px wide at its narrowest; the analyzer gets a desktop window.
  const context = await browser.newContext({
    viewport: hostOptions || microsoft ? { width: 320, height: 900 } : { width: 1024, height: 900 },
  });
  const remote = [];
  const officeFiles = [];
  await context.route('**/*', async route => {
    const url = route.request().url();
    // Outlook on the web: its page (the fake host) and the add-in, both over https as office.js
    // requires of the host, answered here (the add-in from the test's own server).
    if (microsoft?.web && url.startsWith(`${httpsOf(origin)}/`)) {
      if (new URL(url).pathname === '/owa.html') {
        await route.fulfill({ status: 200, contentType: 'text/html', body: OWA_PAGE });
      } else {
        await route.fulfill({
          response: await route.fetch({ url: origin + url.slice(httpsOf(origin).length) }),
        });
      }
      return;
    }
    if (microsoft && url.startsWith(OFFICE_CDN)) {
      const body = await officeFile(url);
      officeFiles.push(`${body ? 200 : 404} ${url.slice(OFFICE_CDN.length)}`);
      await route.fulfill(
        body
          ? { status: 200, contentType: 'text/javascript', body }
          : { status: 404, body: 'not in @microsoft/office-js' },
      );
      return;
    }
    if (microsoft && MS_AJAX.test(url)) {
      officeFiles.push('200 MicrosoftAjax.js (stand-in)');
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: microsoft.msAjax });
      return;
    }
    if (url.startsWith(OFFICE_JS)) {
      if (officeJs === undefined) {
        await route.abort('internetdisconnected');
      } else {
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs });
      }
      return;
    }
    if (!url.startsWith('http://127.0.0.1:') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      remote.push(url);
      await route.abort('blockedbyclient');
      return;
    }
    await route.continue();
  });
  if (microsoft?.web) {
    // Outlook on the web's page around the pane's frame (web-host.ts; in the frame it only links the
    // record).
    await context.addInitScript({
      content: `window.__bsgWebHostOptions = ${JSON.stringify(microsoft.options)};\n${microsoft.web}`,
    });
  } else if (microsoft) {
    // Outlook on Windows puts window.external in place before the page runs.
    await context.addInitScript({
      content: `window.__bsgNativeHostOptions = ${JSON.stringify(microsoft.options)};\n${microsoft.nativeHost}`,
    });
  }
  if (hostOptions) {
    await context.addInitScript(options => {
      window.__bsgFakeHostOptions = options;
    }, hostOptions);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(String(error)));
  return { context, page, remote, errors, origin, officeFiles };
}

/** Selects `item` in the fake host and measures, in the page, ItemChanged → verdict rendered. */
function selectAndTime(page, item) {
  return page.evaluate(
    item =>
      new Promise((resolve, reject) => {
        const selector = `.bsg-result[data-item-id="${item.itemId}"] [data-verdict]`;
        const t0 = performance.now();
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no verdict for ${item.itemId}`));
        }, 15_000);
        const observer = new MutationObserver(() => {
          const found = document.querySelector(selector);
          if (found) {
            observer.disconnect();
            clearTimeout(timer);
            resolve({ ms: performance.now() - t0, verdict: found.getAttribute('data-verdict') });
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        window.__fakeHost.selectItem(item);
      }),
    item,
  );
}

const notificationsOf = (page, itemId) =>
  page.evaluate(id => window.__fakeHost.notifications.get(id) ?? [], itemId);

// Words a user should never read: configuration keys, requirement sets, message classes, HTTP and
// identity-platform codes, stack traces, unfilled placeholders.
const DEVELOPER_TEXT =
  /graphClientId|config\.json|README|Mailbox \d|IPM\.|NestedAppAuth|nested app|Microsoft Graph|Graph \d{3}|AADSTS|Error:|TypeError|undefined|\{[a-z]+\}/;
async function assertNoDeveloperText(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  const hit = DEVELOPER_TEXT.exec(text);
  assert.equal(hit, null, `${where}: developer text "${hit?.[0]}" in: ${text.slice(0, 400)}`);
}

/** Opens every <details> and says whether anything is wider than the page (320 px pane). */
function overflowWithAllOpen(page) {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) {
      details.open = true;
    }
    return document.documentElement.scrollWidth - document.documentElement.clientWidth;
  });
}

// Screenshots for the README: BSG_E2E_README_SHOTS=1 writes them small into docs/screenshots/.
const readmeShots = process.env.BSG_E2E_README_SHOTS === '1' ? join(repoRoot, 'docs/screenshots') : undefined;
async function readmeShot(page, name) {
  if (readmeShots) {
    await mkdir(readmeShots, { recursive: true });
    const path = join(readmeShots, `${name}.png`);
    // The pane in full; the analyzer's top (its form and first results).
    await page.screenshot(
      name.startsWith('pane')
        ? { path, fullPage: true }
        : { path, clip: { x: 0, y: 0, width: 1024, height: 1100 } },
    );
    // Committed small: 64 colours (ImageMagick, when installed) are plenty for text on flat colours.
    await new Promise(done =>
      execFile('convert', [path, '+dither', '-colors', '64', `PNG8:${path}`], () => done()),
    );
  }
}

async function main() {
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const dist = join(tmp, 'dist');

  const [backscatter, realBounce, autoReply, ordinary] = await Promise.all(
    ['backscatter-postfix.eml', 'real-bounce-exim.eml', 'auto-reply.eml', 'ordinary.eml'].map(sample),
  );
  const enc = text => new TextEncoder().encode(text);
  // Every fifth Sisimai bounce that is not multipart/report (those never reach an add-in), as Latin-1
  // text: the fake host hands the add-in strings, as Office does.
  const bsd = join(corpusDir, 'sisimai/maildir/bsd');
  const corpusNames = (await readdir(bsd)).filter(n => n.startsWith('lhost-')).sort();
  const corpusSample = [];
  for (const name of corpusNames.filter((_, i) => i % 5 === 0)) {
    const text = (await readFile(join(bsd, name))).toString('latin1');
    if (!/^content-type:\s*multipart\/report/im.test(text.split(/\r?\n\r?\n/)[0])) {
      corpusSample.push(text);
    }
  }
  assert.ok(corpusSample.length > 20, 'the corpus is beside the repository');
  // The labelled scenario set (shared/test/scenarios): each persona's automated messages that Outlook
  // opens add-ins on (not multipart/report: those are delivery reports, REPORT.IPM.Note.NDR), and the
  // persona's Sent folder, whose From names the persona's address.
  const scenarioDir = resolve(repoRoot, 'shared/test/scenarios');
  const [labelHead, ...labelRows] = (await readFile(join(scenarioDir, 'labels.tsv'), 'utf8'))
    .trimEnd()
    .split('\n');
  const columns = labelHead.split('\t');
  const personas = new Map();
  for (const cells of labelRows.map(line => line.split('\t'))) {
    const row = Object.fromEntries(columns.map((name, at) => [name, cells[at]]));
    if (row.truth === 'none') {
      continue;
    }
    const eml = (await readFile(join(scenarioDir, 'messages', row.file))).toString('latin1');
    if (/^content-type:\s*multipart\/report/im.test(eml.split(/\r?\n\r?\n/)[0])) {
      continue;
    }
    if (!personas.has(row.persona)) {
      const sentDir = join(scenarioDir, 'sent', row.persona);
      const sentFiles = (await readdir(sentDir)).sort().slice(0, OPENED_SENT);
      const sent = await Promise.all(
        sentFiles.map(async name => (await readFile(join(sentDir, name))).toString('latin1')),
      );
      const address =
        /^From:[^\n]*<([^<>\s]+)>/im.exec(sent[0])?.[1] ?? /^From:\s*(\S+@\S+)/im.exec(sent[0])?.[1];
      personas.set(row.persona, { address, sent, messages: [] });
    }
    personas.get(row.persona).messages.push({ ...row, eml });
  }
  const graph = await startGraphStandIn({
    token: TOKEN,
    pageSize: 3,
    throttleOnce: 'AAMk-real_2',
    failMoveOnce: 'AAMk-bs_1',
    inbox: [
      {
        id: 'AAMk-bs_1',
        mime: enc(backscatter),
        subject: 'Undelivered Mail Returned to Sender',
        from: 'MAILER-DAEMON@mx.example.net',
        messageClass: 'REPORT.IPM.Note.NDR',
        internetMessageId: '<20261127091243.9A3C2E0F11@mx.example.net>',
      },
      {
        id: 'AAMk-ord_1',
        mime: enc(ordinary),
        subject: 'Lunch on Friday?',
        from: 'erin@example.net',
        messageClass: 'IPM.Note',
        internetMessageId: '<c0ffee12@example.net>',
      },
      {
        id: 'AAMk-real_2',
        mime: enc(realBounce),
        subject: 'Mail delivery failed: returning message to sender',
        from: 'Mailer-Daemon@mail.example.com',
        messageClass: 'REPORT.IPM.Note.NDR',
        internetMessageId: '<E1tGh2k-0004Qz-3a@mail.example.com>',
      },
      {
        id: 'AAMk-auto_3',
        mime: enc(autoReply),
        subject: 'Automatic reply: Cheap meds - 80% off, order today',
        from: 'dave@example.net',
        messageClass: 'IPM.Note',
        internetMessageId: '<autoreply.20261127110204.77@example.net>',
      },
      {
        id: 'AAMk-ord_2',
        mime: enc(ordinary.replace('Lunch on Friday?', 'Minutes')),
        subject: 'Minutes',
        from: 'erin@example.net',
        messageClass: 'IPM.Note',
        internetMessageId: '<c0ffee13@example.net>',
      },
    ],
    sent: [
      {
        id: 'AAMk-sent_1',
        mime: enc(sentCopyOf(realBounce)),
        internetMessageId: '<3f0c6a4e-1d2b-4c55-9a61-2b7f0e9d8c11@example.org>',
      },
    ],
  });
  // A build that accepts this one stand-in (config.json and the CSP's connect-src); real builds accept
  // Microsoft Graph only.
  const { report, ownGzip } = await buildAddin([
    '--out',
    dist,
    '--quiet',
    '--size-report',
    '--graph-client-id',
    CLIENT_ID,
    '--test-graph-origin',
    graph.baseUrl,
  ]);
  // The deployment's config.json, pointed at the stand-in.
  await writeFile(
    join(dist, 'config.json'),
    JSON.stringify({ graphClientId: CLIENT_ID, graphBaseUrl: graph.baseUrl }),
  );

  const server = createServer(staticHandler(dist));
  await new Promise(done => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const officeJs = await classicScript('fake-host.ts');
  const nativeHost = await classicScript('native-host.ts');
  const msAjax = await classicScript('microsoft-ajax.ts');
  const webHost = await classicScript('web-host.ts');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const timings = [];
  const microsoftTimings = [];
  const webTimings = [];
  // The version office.js reports of itself (OSF.ConstantNames.FileVersion), read from the package.
  const officePackageVersion = JSON.parse(
    await readFile(join(officeDist, '../package.json'), 'utf8'),
  ).version;
  const officeFileVersion = /FileVersion:"([\d.]+)"/.exec(
    await readFile(join(officeDist, 'office.js'), 'utf8'),
  )?.[1];
  const items = {
    backscatter: { itemId: 'AAMk/bs+1', subject: 'Undelivered Mail Returned to Sender', eml: backscatter },
    real: {
      itemId: 'item-real',
      subject: 'Mail delivery failed: returning message to sender',
      eml: realBounce,
    },
    auto: {
      itemId: 'item-auto',
      subject: 'Automatic reply: Cheap meds - 80% off, order today',
      eml: autoReply,
    },
    ordinary: { itemId: 'item-ordinary', subject: 'Lunch on Friday?', eml: ordinary },
  };

  /** The Office the pane used is Microsoft's, over the host it was given, and nothing was left unanswered. */
  async function assertMicrosoftOffice(page, officeFiles, { platform, hostFile }) {
    // The Office the pane talked to is Microsoft's: the loader, the Outlook host file and the strings
    // came from the npm package, and the library reports the host it was given.
    const office = await page.evaluate(() => ({
      diagnostics: { ...Office.context.diagnostics },
      osf: typeof OSF === 'object' && typeof OSF._OfficeAppFactory?.getHostInfo === 'function',
      hostInfo: OSF._OfficeAppFactory.getHostInfo().hostType,
      fileVersion: OSF.ConstantNames.FileVersion,
      sameAsMicrosoft: window.Office === window.Microsoft?.Office?.WebExtension,
    }));
    assert.deepEqual(office.diagnostics, { host: 'Outlook', version: '16.0.19127.20000', platform });
    assert.ok(office.osf && office.sameAsMicrosoft, "Office is Microsoft's library");
    assert.equal(office.hostInfo, 'outlook');
    assert.equal(office.fileVersion, officeFileVersion, 'the office.js of the installed package');
    for (const file of ['office.js', hostFile, 'en-us/office_strings.js', 'en-us/outlook_strings.js']) {
      assert.ok(officeFiles.includes(`200 ${file}`), `${file} from the package: ${officeFiles.join(', ')}`);
    }
    assert.ok(
      officeFiles.every(line => line.startsWith('200 ')),
      officeFiles.join(', '),
    );
    // This office.js has no getAsFileAsync (not in any Outlook file of the npm package): the pane
    // rebuilt each message from headers, body and attachments, through Microsoft's code.
    const calls = await page.evaluate(() => window.__fakeHost.calls);
    assert.ok(!calls.some(call => call.startsWith('unanswered:')), calls.join(', '));
    for (const call of [
      'initialData',
      'getAllInternetHeadersAsync',
      'body.getAsync:text',
      'getAttachmentContentAsync',
      'notificationMessages.replaceAsync',
      'notificationMessages.removeAsync',
      'settings.write',
      `RegisterEvent:${46}`,
    ]) {
      assert.ok(calls.includes(call), `office.js called the host for ${call}`);
    }
  }

  /**
   * The pinned pane's states on one host, from the backscatter sample it opens with to "no item":
   * verdicts and the line above the message, ItemChanged → verdict times (into `record`), the corpus
   * at 320 px with every section open, a Sent item learned into roaming settings, bidi controls, and
   * no developer text anywhere. Run over the fake Office and over Microsoft's office.js.
   */
  async function paneStates(page, { record, overflowKey, pictures }) {
    await page.waitForSelector(`.bsg-result[data-item-id="AAMk/bs+1"] [data-verdict="backscatter"]`);
    assert.equal(await page.getAttribute('html', 'data-mode'), 'outlook');
    const first = await notificationsOf(page, 'AAMk/bs+1');
    assert.equal(first.length, 1);
    assert.match(first[0].message, /^Likely backscatter: /);
    assert.ok(first[0].message.length <= 150);
    assert.deepEqual(
      { type: first[0].type, persistent: first[0].persistent, icon: first[0].icon },
      { type: 'informationalMessage', persistent: true, icon: 'Icon.16' },
    );

    await pictures?.shot(page, 'pane-backscatter');
    await assertNoDeveloperText(page, 'pane, backscatter');
    await pictures?.readmeShot(page, 'pane-backscatter-en');
    const real = await selectAndTime(page, items.real);
    await pictures?.shot(page, 'pane-real-bounce');
    await assertNoDeveloperText(page, 'pane, real bounce');
    await pictures?.readmeShot(page, 'pane-real-bounce-en');
    assert.equal(real.verdict, 'legitimate');
    const realNote = await notificationsOf(page, 'item-real');
    assert.match(
      realNote[0]?.message ?? '',
      /^Real bounce: your message to carol@exmaple\.com was not delivered/,
    );
    // What went wrong and what to do, for the real bounce.
    assert.ok(
      (await page.locator('.bsg-result[data-item-id="item-real"] .bg-explanation__item').count()) >= 1,
      'explanation shown',
    );

    const auto = await selectAndTime(page, items.auto);
    assert.notEqual(auto.verdict, 'legitimate');
    assert.notEqual(auto.verdict, 'none');
    assert.equal((await notificationsOf(page, 'item-auto')).length, 1);

    const plain = await selectAndTime(page, items.ordinary);
    assert.equal(plain.verdict, 'none');
    assert.deepEqual(await notificationsOf(page, 'item-ordinary'), []);

    const again = await selectAndTime(page, items.backscatter);
    assert.equal(again.verdict, 'backscatter');
    record.push(real.ms, auto.ms, plain.ms, again.ms);

    // Real bounces from the corpus, one ItemChanged each: every one gets a verdict card, none an error,
    // and with every section open nothing is wider than the 320 px pane.
    const overflowing = [];
    let unsureExample;
    for (const [index, eml] of corpusSample.entries()) {
      const result = await selectAndTime(page, { itemId: `corpus-${index}`, subject: 'corpus', eml });
      assert.ok(
        ['backscatter', 'legitimate', 'unsure', 'none'].includes(result.verdict),
        `corpus-${index}: ${result.verdict}`,
      );
      record.push(result.ms);
      const extra = await overflowWithAllOpen(page);
      if (extra > 0) {
        overflowing.push(`corpus-${index} (+${extra} px)`);
      }
      // The README's example of "unsure": a delivery failure (the pane names the kind).
      if (
        result.verdict === 'unsure' &&
        unsureExample === undefined &&
        (await page.textContent(`.bsg-result[data-item-id="corpus-${index}"]`)).includes('does not exist')
      ) {
        unsureExample = { itemId: `corpus-${index}`, subject: 'corpus', eml };
      }
    }
    measured[overflowKey] =
      `${overflowing.length} of ${corpusSample.length} corpus bounces wider than 320 px with every section open`;
    assert.deepEqual(overflowing, [], 'no horizontal overflow at 320 px');
    if (unsureExample) {
      await selectAndTime(page, unsureExample);
      await assertNoDeveloperText(page, 'pane, unsure');
      await pictures?.readmeShot(page, 'pane-unsure-en');
    }

    // A message of alice's opened from Sent Items (no internet headers): learned into roaming settings.
    await selectAndTime(page, {
      itemId: 'item-sent',
      subject: 'Quarterly figures',
      eml: sentCopyOf(realBounce),
      folder: 'sent',
    }).catch(() => undefined);
    await page.waitForSelector('.bsg-result[data-item-id="item-sent"][data-learned="yes"]');
    const saved = await page.evaluate(() => window.__fakeHost.roaming.saved ?? '');
    assert.match(saved, /"learnedProfile"/, 'saved to roaming settings');
    assert.ok(saved.length < 32 * 1024);

    // Bidi controls in the subject, the failed address and the server's words (Trojan Source):
    // none reaches the pane's text or the line above the message.
    const bidi = await selectAndTime(page, {
      itemId: 'item-bidi',
      subject: 'bidi',
      eml: BIDI_BOUNCE,
    });
    assert.notEqual(bidi.verdict, undefined);
    const paneText = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(paneText, /[\u202a-\u202e\u2066-\u2069]/, 'no bidi control in the pane');
    for (const note of await notificationsOf(page, 'item-bidi')) {
      assert.doesNotMatch(
        note.message,
        /[\u202a-\u202e\u2066-\u2069]/,
        'no bidi control in the notification',
      );
    }
    assert.ok(
      (await page.locator('.bsg-result[data-item-id="item-bidi"] bdi').count()) > 0,
      'message data sits in <bdi>',
    );

    await page.evaluate(() => window.__fakeHost.selectItem(null));
    await page.waitForSelector('main[data-state="no-item"]');
    // No NestedAppAuth on this host: the sweep says why instead of failing later.
    assert.equal(await page.getAttribute('.bsg-sweep', 'data-state'), 'not-supported');
    await assertNoDeveloperText(page, 'pane, no item');
  }

  /** The pane on Microsoft's office.js over a fake Outlook ('windows' or 'web'), loaded; `pane` is its document. */
  async function paneOnMicrosoft(host, options) {
    const base = { mailbox: '1.14', userAddress: USER, ...options };
    if (host === 'web') {
      const opened = await newPage(browser, origin, {
        microsoft: {
          web: webHost,
          msAjax,
          options: { ...base, paneUrl: `${httpsOf(origin)}/taskpane.html` },
        },
      });
      await opened.page.goto(`${httpsOf(origin)}/owa.html`);
      return { ...opened, pane: await (await opened.page.waitForSelector('iframe')).contentFrame() };
    }
    const opened = await newPage(browser, origin, { microsoft: { nativeHost, msAjax, options: base } });
    await opened.page.goto(`${origin}/taskpane.html`);
    return { ...opened, pane: opened.page };
  }

  /**
   * The next session on that host starts with what the last one saved in roaming settings: office.js
   * reads it back (its Settings deserialization) and the pane uses the profile learned before.
   */
  async function nextSessionUsesLearned(host, saved) {
    const next = await paneOnMicrosoft(host, { item: items.backscatter, roaming: saved });
    await next.pane.waitForSelector(`.bsg-result[data-item-id="AAMk/bs+1"] [data-verdict="backscatter"]`);
    assert.match(
      await next.pane.textContent('.bsg-result'),
      /Compared with 1 of your own messages seen in this pane/,
    );
    assert.deepEqual(next.errors, []);
    await next.context.close();
  }

  try {
    await scenario(
      'task pane: verdicts, notifications and ItemChanged on the fake host (Mailbox 1.14)',
      async () => {
        const { page, remote, errors, context } = await newPage(browser, origin, {
          officeJs,
          hostOptions: { mailbox: '1.14', userAddress: USER, item: items.backscatter },
        });
        await page.goto(`${origin}/taskpane.html`);
        await paneStates(page, {
          record: timings,
          overflowKey: 'overflow',
          pictures: { shot, readmeShot },
        });
        assert.deepEqual(remote, []);
        assert.deepEqual(errors, []);
        await context.close();
      },
    );

    await scenario(
      "task pane on Microsoft's office.js (@microsoft/office-js) over a fake Outlook on Windows",
      async () => {
        const { page, remote, errors, context, officeFiles } = await paneOnMicrosoft('windows', {
          item: items.backscatter,
        });
        await paneStates(page, { record: microsoftTimings, overflowKey: 'overflowMicrosoft' });
        const saved = await page.evaluate(() => window.__fakeHost.roaming.saved);
        await assertMicrosoftOffice(page, officeFiles, {
          platform: 'PC',
          hostFile: 'outlook-win32-16.02.js',
        });
        assert.deepEqual(remote, [], 'nothing but 127.0.0.1 and the package');
        assert.deepEqual(errors, []);
        await context.close();

        await nextSessionUsesLearned('windows', saved);
      },
    );

    await scenario(
      "task pane on Microsoft's office.js over a fake Outlook on the web (iframe, postMessage)",
      async () => {
        const {
          pane: frame,
          remote,
          errors,
          context,
          officeFiles,
        } = await paneOnMicrosoft('web', {
          item: items.backscatter,
        });
        await paneStates(frame, { record: webTimings, overflowKey: 'overflowWeb' });
        const saved = await frame.evaluate(() => window.__fakeHost.roaming.saved);
        await assertMicrosoftOffice(frame, officeFiles, {
          platform: 'OfficeOnline',
          hostFile: 'outlook-web-16.01.js',
        });
        assert.deepEqual(remote, [], 'nothing but 127.0.0.1 and the package');
        assert.deepEqual(errors, []);
        await context.close();

        await nextSessionUsesLearned('web', saved);
      },
    );

    await scenario("Microsoft's office.js in German: its de-de strings, the pane in German", async () => {
      const { page, errors, context, officeFiles } = await paneOnMicrosoft('windows', {
        item: items.backscatter,
        displayLanguage: 'de-DE',
      });
      await page.waitForSelector(`.bsg-result[data-item-id="AAMk/bs+1"] [data-verdict="backscatter"]`);
      assert.equal(await page.evaluate(() => Office.context.displayLanguage), 'de-DE');
      assert.ok(officeFiles.includes('200 de-de/office_strings.js'), officeFiles.join(', '));
      assert.match(await page.textContent('.bg-verdict__title'), /Sie haben das nicht gesendet/);
      await assertNoDeveloperText(page, "German pane on Microsoft's office.js, backscatter");
      const real = await selectAndTime(page, items.real);
      assert.equal(real.verdict, 'legitimate');
      await assertNoDeveloperText(page, "German pane on Microsoft's office.js, real bounce");
      assert.deepEqual(errors, []);
      await context.close();
    });

    await scenario(
      "Microsoft's office.js: a profile learned from opened Sent items (scenario set, every persona)",
      async () => {
        const count = {
          messages: 0,
          before: 0,
          after: 0,
          legitBefore: 0,
          legitAfter: 0,
          foundBefore: 0,
          found: 0,
          total: 0,
        };
        for (const [persona, { address, sent, messages }] of personas) {
          const { page, errors, context } = await paneOnMicrosoft('windows', {
            userAddress: address,
            item: null,
          });
          await page.waitForSelector('main[data-state="no-item"]');
          const verdicts = async pass => {
            const out = [];
            for (const message of messages) {
              const itemId = `${persona}/${message.file}/${pass}`;
              out.push(
                (await selectAndTime(page, { itemId, subject: 'scenario', eml: message.eml })).verdict,
              );
            }
            return out;
          };
          const before = await verdicts('before');
          // The user opens messages in Sent Items with the pane pinned: each is learned into roaming
          // settings through office.js (Settings.saveAsync → window.external's settings).
          for (const [at, eml] of sent.entries()) {
            await selectAndTime(page, {
              itemId: `${persona}/sent-${at}`,
              subject: 'sent',
              eml,
              folder: 'sent',
            }).catch(() => undefined);
            await page.waitForSelector(
              `.bsg-result[data-item-id="${persona}/sent-${at}"][data-learned="yes"]`,
            );
          }
          const after = await verdicts('after');
          for (const [at, message] of messages.entries()) {
            count.messages += 1;
            count.before += before[at] === 'unsure' ? 1 : 0;
            count.after += after[at] === 'unsure' ? 1 : 0;
            count.legitBefore += message.truth === 'legitimate' && before[at] === 'backscatter' ? 1 : 0;
            count.legitAfter += message.truth === 'legitimate' && after[at] === 'backscatter' ? 1 : 0;
            if (message.truth === 'backscatter') {
              count.total += 1;
              count.found += after[at] === 'backscatter' ? 1 : 0;
              count.foundBefore += before[at] === 'backscatter' ? 1 : 0;
            }
          }
          assert.deepEqual(errors, []);
          await context.close();
        }
        const pct = n => `${((100 * n) / count.messages).toFixed(1)}%`;
        measured.learning = `${count.messages} automated messages the pane opens on, ${personas.size} personas, ${OPENED_SENT} Sent items opened each: unsure ${pct(count.before)} → ${pct(count.after)}; backscatter recognised ${count.foundBefore} → ${count.found} of ${count.total}; legitimate called backscatter ${count.legitBefore} → ${count.legitAfter}`;
        assert.equal(count.legitAfter, 0, 'no real bounce called backscatter');
        assert.equal(count.legitBefore, 0, 'no real bounce called backscatter');
        // Clearly fewer: at least a quarter of the unsure verdicts go (measured: 31.3% → 17.2%).
        assert.ok(count.after <= count.before * 0.75, measured.learning);
        assert.ok(count.found >= count.foundBefore, measured.learning);
      },
    );

    await scenario('task pane in German: the same states, no developer text', async () => {
      const { page, errors, context } = await newPage(browser, origin, {
        officeJs,
        hostOptions: {
          mailbox: '1.14',
          userAddress: USER,
          item: items.backscatter,
          displayLanguage: 'de-DE',
        },
      });
      await page.goto(`${origin}/taskpane.html`);
      await page.waitForSelector(`.bsg-result[data-item-id="AAMk/bs+1"] [data-verdict="backscatter"]`);
      assert.match(await page.textContent('.bg-verdict__title'), /Sie haben das nicht gesendet/);
      await assertNoDeveloperText(page, 'German pane, backscatter');
      await readmeShot(page, 'pane-backscatter-de');
      await selectAndTime(page, items.real);
      await assertNoDeveloperText(page, 'German pane, real bounce');
      await readmeShot(page, 'pane-real-bounce-de');
      for (const [index, eml] of corpusSample.entries()) {
        const result = await selectAndTime(page, { itemId: `de-${index}`, subject: 'corpus', eml });
        if (
          result.verdict === 'unsure' &&
          (await page.textContent(`.bsg-result[data-item-id="de-${index}"]`)).includes('gibt es nicht')
        ) {
          await assertNoDeveloperText(page, 'German pane, unsure');
          await readmeShot(page, 'pane-unsure-de');
          break;
        }
      }
      assert.deepEqual(errors, []);
      await context.close();
    });

    await scenario(
      'task pane on Mailbox 1.8 (no getAsFileAsync): rebuilt from headers + body + attachments',
      async () => {
        const { page, errors, context } = await newPage(browser, origin, {
          officeJs,
          hostOptions: { mailbox: '1.8', userAddress: USER, item: { ...items.ordinary } },
        });
        await page.goto(`${origin}/taskpane.html`);
        await page.waitForSelector('.bsg-result[data-source="rebuilt"] [data-verdict="none"]');
        const calls = await page.evaluate(() => window.__fakeHost.calls);
        assert.ok(!calls.includes('getAsFileAsync') && calls.includes('getAllInternetHeadersAsync'));
        assert.deepEqual(errors, []);
        await context.close();
      },
    );

    await scenario(
      'Report button: handler completes with moveItemTo JunkFolder and a post-processing message',
      async () => {
        const { page, errors, context } = await newPage(browser, origin, {
          officeJs,
          hostOptions: { mailbox: '1.15', userAddress: USER, item: items.backscatter },
        });
        await page.goto(`${origin}/commands.html`);
        await page.waitForFunction(() => window.__fakeHost?.actions.has('onSpamReport'));
        const completed = await page.evaluate(
          () =>
            new Promise(resolve => {
              window.__fakeHost.actions.get('onSpamReport')({
                type: 'SpamReporting',
                options: [],
                freeText: '',
                completed: resolve,
              });
            }),
        );
        assert.deepEqual(completed, {
          onErrorDeleteItem: false,
          moveItemTo: 'junkFolder',
          showPostProcessingDialog: {
            title: 'Backscatter Guard',
            description:
              'Moved to Junk Email. It was backscatter: a delivery failure about mail you did not send.',
          },
        });
        assert.deepEqual(errors, []);
        await context.close();
      },
    );

    await scenario(
      'Graph: Move to Junk + Undo, then the Inbox sweep (paging, $value, 429 + Retry-After, move, Undo)',
      async () => {
        const { page, remote, errors, context } = await newPage(browser, origin, {
          officeJs,
          hostOptions: {
            mailbox: '1.14',
            userAddress: USER,
            item: items.backscatter,
            otherSets: { NestedAppAuth: '1.1' },
            naa: { accessToken: TOKEN, clientId: CLIENT_ID },
          },
        });
        await page.goto(`${origin}/taskpane.html`);
        await page.waitForSelector('.bsg-result[data-item-id="AAMk/bs+1"] [data-verdict="backscatter"]');
        // Signed in silently at start: the profile was learned from Sent Items.
        await page.waitForFunction(() => window.__fakeHost.calls.includes('naa:GetToken'));
        const postsBefore = graph.log.filter(e => e.method === 'POST').length;
        await page.click('[data-action="junk"]');
        // The stand-in carries out this move but answers 503: the pane must not POST again (Graph's
        // move is not idempotent), and finds the copy in Junk instead.
        await page.waitForSelector('[data-junk="moved"]');
        assert.equal(
          graph.log.filter(e => e.method === 'POST').length - postsBefore,
          1,
          'one POST, no retry',
        );
        assert.equal(graph.moves.at(-1)?.from, 'AAMk-bs_1', 'convertToRestId id moved');
        assert.equal(graph.moves.at(-1)?.destinationId, 'junkemail');
        // Undo at the pane's level: still offered after another message is selected.
        await selectAndTime(page, items.real);
        await page.click('.bsg-undo [data-action="undo"]');
        await page.waitForSelector('.bsg-undo[data-undo-count="0"]');
        assert.equal(graph.moves.at(-1)?.destinationId, 'inbox', 'back to the folder it came from');
        const backInInbox = graph.moves.at(-1).to;
        assert.equal(graph.folderOf(backInInbox), 'inbox');

        const before = graph.log.length;
        await page.click('[data-action="sweep"]');
        await page.waitForSelector('.bsg-sweep[data-state="done"]', { timeout: 30_000 });
        const sweepLog = graph.log.slice(before);
        const listings = sweepLog.filter(e => e.path === '/v1.0/me/mailFolders/inbox/messages');
        assert.equal(listings.length, 2, 'two pages of the Inbox');
        assert.ok(listings[1].query.$skiptoken, 'second page came from @odata.nextLink');
        const values = sweepLog.filter(e => e.path.endsWith('/$value'));
        const fetched = values.map(e => decodeURIComponent(e.path.split('/').at(-2)));
        assert.ok(!fetched.some(id => id.startsWith('AAMk-ord')), 'ordinary mail is never downloaded');
        const throttled = values.findIndex(e => e.status === 429);
        assert.ok(throttled >= 0, 'the stand-in throttled once');
        const retry = values.slice(throttled + 1).find(e => e.path === values[throttled].path);
        assert.ok(retry && retry.at - values[throttled].at >= 1000, 'retried after Retry-After: 1');

        await shot(page, 'sweep-done');
        const rows = await page.$$eval('.bsg-item', lis =>
          lis.map(li => ({
            id: li.dataset.id,
            verdict: li.dataset.verdict,
            checked: li.querySelector('input').checked,
          })),
        );
        const byId = Object.fromEntries(rows.map(r => [r.id, r]));
        assert.equal(byId[backInInbox]?.verdict, 'backscatter');
        assert.equal(byId['AAMk-real_2']?.verdict, 'legitimate', 'the original is in Sent Items');
        assert.ok(byId['AAMk-auto_3'], 'the auto-reply is a candidate');
        assert.deepEqual(
          rows.filter(r => r.checked).map(r => r.id),
          rows.filter(r => r.verdict === 'backscatter').map(r => r.id),
          'only backscatter is preselected',
        );
        const counts = JSON.parse(await page.getAttribute('.bsg-counts', 'data-counts'));
        assert.equal(
          counts.backscatter + counts.legitimate + counts.unsure + counts.none + counts.error,
          rows.length,
        );
        assert.equal(await page.locator('.bsg-progress').count(), 0, 'progress bar gone when done');

        // A subject opens the message in Outlook's own form (Graph id → EWS id → displayMessageForm).
        await page.click(`.bsg-item[data-id="AAMk-real_2"] [data-action="open"]`);
        assert.ok(
          (await page.evaluate(() => window.__fakeHost.calls)).includes('displayMessageForm:AAMk/real+2'),
        );

        const movesBefore = graph.moves.length;
        await page.click('[data-action="move-selected"]');
        await page.waitForSelector('.bsg-undo [data-action="undo"]');
        await shot(page, 'sweep-moved');
        const swept = graph.moves.slice(movesBefore);
        assert.deepEqual(
          swept.map(m => m.from).sort(),
          rows
            .filter(r => r.verdict === 'backscatter')
            .map(r => r.id)
            .sort(),
        );
        assert.ok(swept.every(m => m.destinationId === 'junkemail'));
        assert.equal(graph.folderOf('AAMk-real_2'), 'inbox', 'the real bounce stayed');
        await page.click('.bsg-undo [data-action="undo"]');
        await page.waitForSelector('.bsg-undo[data-undo-count="0"]');
        const undone = graph.moves.slice(movesBefore + swept.length);
        assert.deepEqual(undone.map(m => m.from).sort(), swept.map(m => m.to).sort());
        assert.ok(undone.every(m => m.destinationId === 'inbox' && graph.folderOf(m.to) === 'inbox'));
        // The rows are no longer marked as moved.
        assert.equal(await page.locator('.bsg-item[data-moved="yes"]').count(), 0);
        await assertNoDeveloperText(page, 'pane with Graph, after the sweep');
        assert.deepEqual(remote, [], 'nothing but 127.0.0.1');
        assert.deepEqual(errors, []);
        await context.close();
      },
    );

    await scenario(
      'standalone analyzer (Office never ready): file uploads, drag and drop, a sample',
      async () => {
        const { page, remote, errors, context } = await newPage(browser, origin, { officeJs: undefined });
        // taskpane.html outside Outlook sends the visitor to the analyzer's own page.
        await page.goto(`${origin}/taskpane.html`);
        await page.waitForSelector('html[data-mode="standalone"]', { timeout: 15_000 });
        assert.match(page.url(), /\/analyzer\.html$/);
        // A sample first: it must not change the user's inputs.
        await page.click('[data-sample="backscatter-postfix.eml"]');
        await page.waitForSelector(
          '.bsg-file[data-sample-row="yes"][data-done="yes"] [data-verdict="backscatter"]',
        );
        assert.equal(await page.inputValue('textarea[name="addresses"]'), '');
        assert.equal(await page.locator('[data-sent-count]').count(), 0);
        await page.click('[data-action="clear-results"]');
        await page.fill('textarea[name="addresses"]', USER);
        await page.setInputFiles('input[name="sent"]', join(samplesDir, 'sent.mbox'));
        await page.waitForSelector('[data-sent-count="2"]');
        const corpusFile = join(corpusDir, 'sisimai/maildir/bsd/lhost-postfix-03.eml');
        await page.setInputFiles('input[name="files"]', [
          join(samplesDir, 'backscatter-postfix.eml'),
          join(samplesDir, 'real-bounce-exim.eml'),
          corpusFile,
        ]);
        await page.waitForFunction(
          () => document.querySelectorAll('.bsg-file[data-done="yes"]').length === 3,
          undefined,
          { timeout: 15_000 },
        );
        const verdictOf = name =>
          page.getAttribute(`.bsg-file[data-file="${name}"] [data-verdict]`, 'data-verdict');
        assert.equal(await verdictOf('backscatter-postfix.eml'), 'backscatter');
        assert.equal(await verdictOf('real-bounce-exim.eml'), 'legitimate');
        // Looked up in the uploaded Sent folder.
        assert.ok(
          (await page.textContent('.bsg-file[data-file="real-bounce-exim.eml"]')).includes(
            'in your Sent folder',
          ),
          'the Sent lookup is part of the reasons',
        );
        assert.ok(
          ['backscatter', 'legitimate', 'unsure'].includes(await verdictOf('lhost-postfix-03.eml')),
          'a Sisimai Postfix bounce is judged',
        );
        // Drag and drop: a DataTransfer with a File, as the browser builds it for a real drop.
        await page.evaluate(text => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], 'dropped.eml', { type: 'message/rfc822' }));
          const zone = document.querySelector('[data-drop]');
          zone.dispatchEvent(
            new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
          zone.dispatchEvent(
            new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        }, ordinary);
        await page.waitForSelector(
          '.bsg-file[data-file="dropped.eml"][data-done="yes"] [data-verdict="none"]',
        );
        await page.click('[data-sample="auto-reply.eml"]');
        await page.waitForSelector('.bsg-file[data-file="auto-reply.eml"][data-done="yes"] [data-verdict]');
        // Message content is text: a subject full of markup must not become elements.
        const hostile = 'From: a@example.net\r\nSubject: x\r\n\r\n<img src=x onerror="window.__pwned=1">\r\n';
        await page.setInputFiles('input[name="files"]', {
          name: '<b>hostile</b>.eml',
          mimeType: 'message/rfc822',
          buffer: Buffer.from(hostile),
        });
        await page.waitForSelector('.bsg-file[data-file="<b>hostile</b>.eml"][data-done="yes"]');
        assert.equal(await page.evaluate(() => window.__pwned), undefined);
        assert.equal(await page.locator('.bsg-files b').count(), 0);
        await assertNoDeveloperText(page, 'analyzer');
        await readmeShot(page, 'analyzer');
        assert.deepEqual(remote, []);
        assert.deepEqual(errors, []);
        await context.close();
      },
    );
    await scenario('the analyzer page never asks for office.js', async () => {
      const { page, errors, context } = await newPage(browser, origin, { officeJs: undefined });
      const asked = [];
      page.on('request', request => {
        if (request.url().startsWith(OFFICE_JS)) {
          asked.push(request.url());
        }
      });
      const started = Date.now();
      await page.goto(`${origin}/analyzer.html`);
      await page.waitForSelector('html[data-mode="standalone"] .bsg-analyzer');
      measured.analyzerMs = Date.now() - started;
      assert.deepEqual(asked, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  } finally {
    await browser.close();
    server.close();
    await graph.close();
  }

  const initial = report.filter(r => r.initial).reduce((sum, r) => sum + r.gzip, 0);
  const lazy = report
    .filter(r => !r.initial && r.file !== 'spamreporting.js')
    .reduce((sum, r) => sum + r.gzip, 0);
  const spam = report.find(r => r.file === 'spamreporting.js');
  const sorted = [...timings].sort((a, b) => a - b);
  console.log('\n  measured:');
  console.log(
    `    task pane start bundle: ${(initial / 1024).toFixed(1)} KB gzip in all, ${(ownGzip / 1024).toFixed(1)} KB gzip our code (budget ${OWN_BUDGET_KB} KB; preact + postal-mime are the rest)`,
  );
  console.log(
    `    lazy chunks (MSAL at Graph sign-in; the standalone analyzer outside Office): ${(lazy / 1024).toFixed(1)} KB gzip; Report handler spamreporting.js: ${(spam.gzip / 1024).toFixed(1)} KB gzip`,
  );
  if (sorted.length > 0) {
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0);
    console.log(
      `    ItemChanged → verdict in Chromium (4 samples + ${sorted.length - 4} Sisimai bounces): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
    );
  }
  if (microsoftTimings.length > 0) {
    const sortedMs = [...microsoftTimings].sort((a, b) => a - b);
    const at = q => sortedMs[Math.min(sortedMs.length - 1, Math.floor(q * sortedMs.length))].toFixed(0);
    console.log(
      `    the same through Microsoft's office.js ${officePackageVersion} (rebuilt from headers + body + attachments): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
    );
  }
  if (webTimings.length > 0) {
    const sortedWeb = [...webTimings].sort((a, b) => a - b);
    const at = q => sortedWeb[Math.min(sortedWeb.length - 1, Math.floor(q * sortedWeb.length))].toFixed(0);
    console.log(
      `    the same through Microsoft's office.js on the web host (iframe, postMessage): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
    );
  }
  if (measured.learning) {
    console.log(`    learning through Microsoft's office.js: ${measured.learning}`);
  }
  if (measured.overflow) {
    console.log(`    320 px pane: ${measured.overflow}`);
  }
  if (measured.analyzerMs !== undefined) {
    console.log(`    analyzer.html (no office.js) ready in ${measured.analyzerMs} ms`);
  }
  const failed = results.filter(r => !r.ok);
  console.log(`\n  add-in e2e: ${results.length - failed.length} passed, ${failed.length} failed`);
  if (ownGzip > OWN_BUDGET_KB * 1024) {
    console.log(`  our code exceeds the ${OWN_BUDGET_KB} KB gzip budget`);
    process.exitCode = 1;
  }
  if (failed.length > 0) {
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
