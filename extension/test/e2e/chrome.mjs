// Chrome-context helpers, sent with every Marionette script. They drive the 3-pane tab the way a
// user does (show a folder, select a message, click a button in the banner) and read what the
// user would see. Nothing here calls the extension's code directly.
export const PRELUDE = String.raw`
const { MailServices } = ChromeUtils.importESModule('resource:///modules/MailServices.sys.mjs');
const win = Services.wm.getMostRecentWindow('mail:3pane');
const tabmail = win.document.getElementById('tabmail');
const sleep = ms => new Promise(r => win.setTimeout(r, ms));
const about3 = () => tabmail.tabInfo[0].chromeBrowser.contentWindow;
async function until(what, fn, timeout = 30000, step = 25) {
  const end = Date.now() + timeout;
  for (;;) {
    let value;
    try { value = await fn(); } catch (e) { value = undefined; }
    if (value) { return value; }
    if (Date.now() > end) { throw new Error('timed out waiting for ' + what); }
    await sleep(step);
  }
}
const folder = uri => MailServices.folderLookup.getFolderForURL(uri);
async function showFolder(uri) {
  tabmail.switchToTab(tabmail.tabInfo[0]);
  const f = folder(uri);
  if (!f) { throw new Error('no folder ' + uri); }
  if (about3().gFolder !== f) { about3().displayFolder(f); }
  await until('folder ' + uri + ' shown', () => about3().gFolder === f && about3().gDBView);
  return f;
}
function header(f, messageId) {
  for (const hdr of f.messages) { if (hdr.messageId === messageId) { return hdr; } }
  return null;
}
const paneBrowser = () => about3().messageBrowser.contentWindow.getMessagePaneBrowser();
const paneDocument = () => paneBrowser().contentDocument;
// The banner is a bare host element before <body> with a closed shadow root (banner.tsx): chrome
// code can open it (openOrClosedShadowRoot); the message's own CSS and code cannot.
function bannerHost(doc) {
  const d = doc || paneDocument();
  for (const el of d?.documentElement?.children ?? []) {
    const root = el.openOrClosedShadowRoot;
    if (root && root.querySelector('.bsg-layer')) { return el; }
  }
  return null;
}
const bannerRoot = host => host.openOrClosedShadowRoot;
function bannerInfo(host) {
  const root = bannerRoot(host);
  const panel = root.querySelector('.bsg-panel');
  return {
    verdict: panel?.dataset.verdict ?? null,
    tone: root.querySelector('.bg-verdict')?.dataset.tone ?? null,
    title: root.querySelector('.bg-verdict__title')?.textContent ?? null,
    text: panel ? panel.textContent : '',
    actions: [...root.querySelectorAll('[data-action]')].map(b => b.dataset.action),
    notices: [...root.querySelectorAll('[data-notice]')].map(n => n.dataset.notice),
    hints: [...root.querySelectorAll('[data-hint]')].map(n => n.dataset.hint),
    height: Math.round(root.querySelector('.bsg-layer').getBoundingClientRect().height),
  };
}
// What the card's folded part holds (the hints, the other actions, the text), read the way a user
// reads it: the card is opened by its title (the folded part is only drawn once opened), read,
// and closed again once its space has settled, so what follows sees the one-line card as before.
async function openedInfo(host) {
  const root = bannerRoot(host);
  const toggle = root.querySelector('.bg-verdict__toggle');
  const layer = root.querySelector('.bsg-layer');
  const settled = () => Math.abs(host.getBoundingClientRect().height - Math.ceil(layer.getBoundingClientRect().height)) < 1;
  const wasOpen = toggle?.getAttribute('aria-expanded') === 'true';
  if (toggle && !wasOpen) {
    toggle.click();
    await until('card opened', () => toggle.getAttribute('aria-expanded') === 'true' && root.querySelector('.bg-verdict__more')?.firstChild, 2000);
  }
  const info = bannerInfo(host);
  if (toggle && !wasOpen) {
    await until('space for the opened card', settled, 3000).catch(() => undefined);
    toggle.click();
    await until('card closed', () => toggle.getAttribute('aria-expanded') === 'false' && settled(), 3000).catch(() => undefined);
  }
  return info;
}
// A click at a point of the message pane, routed the way Gecko routes a user's click: to the
// element hit-testing finds there, through any shadow root down to the innermost element. (Native
// mouse events are not delivered by the headless widget.) Returns that element.
function clickAt(win, x, y) {
  let target = win.document.elementFromPoint(x, y);
  for (;;) {
    const inner = target?.openOrClosedShadowRoot?.elementFromPoint(x, y);
    if (!inner || inner === target) { break; }
    target = inner;
  }
  target?.click();
  return target;
}
// The colour painted at a point of the message pane, read back from the rendered window.
function pixelAt(win, x, y) {
  const canvas = win.document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
  canvas.width = 1; canvas.height = 1;
  const ctx = canvas.getContext('2d');
  ctx.drawWindow(win, x, y, 1, 1, 'rgb(255,255,255)');
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return 'rgb(' + r + ',' + g + ',' + b + ')';
}
// What a user would see of the banner in a hostile message: is it shown, on top, painted in its
// own colours, and do clicks on it reach it?
async function hostileProbe(doc) {
  const win = doc.defaultView;
  const host = bannerHost(doc);
  if (!host) { return { banner: false }; }
  const root = bannerRoot(host);
  const layer = root.querySelector('.bsg-layer');
  const card = root.querySelector('.bg-verdict');
  await sleep(100);
  const rect = layer.getBoundingClientRect();
  const style = win.getComputedStyle(layer);
  const title = root.querySelector('.bg-verdict__title');
  const junk = root.querySelector('[data-action="junk"]');
  const jr = junk.getBoundingClientRect();
  const jx = jr.left + jr.width / 2, jy = jr.top + jr.height / 2;
  const cardRect = card.getBoundingClientRect();
  const out = {
    banner: true,
    open: layer.matches(':popover-open'),
    rect: [Math.round(rect.left), Math.round(rect.top), Math.round(rect.width), Math.round(rect.height)],
    windowWidth: win.innerWidth,
    display: style.display, visibility: style.visibility, opacity: style.opacity,
    titleColor: win.getComputedStyle(title).color, titleSize: win.getComputedStyle(title).fontSize,
    verdict: card.dataset.verdict,
    topAtJunk: doc.elementFromPoint(jx, jy) === host,
    innerAtJunk: root.elementFromPoint(jx, jy) === junk,
    // Painted, read back from the rendered window (polled: on a loaded machine a paint can lag).
    accentPixel: await until('accent painted', () => { const p = pixelAt(win, cardRect.left + 1, cardRect.top + cardRect.height / 2); return p === 'rgb(180,83,9)' ? p : null; }, 3000)
      .catch(() => pixelAt(win, cardRect.left + 1, cardRect.top + cardRect.height / 2)),
    titlePixelRow: null,
  };
  // A real click on the "Why" toggle must reach the card (it opens the rest of the card).
  const toggle = root.querySelector('.bg-verdict__toggle');
  const sr = toggle.getBoundingClientRect();
  clickAt(win, sr.left + 8, sr.top + sr.height / 2);
  out.clickReached = await until('card opened', () => toggle.getAttribute('aria-expanded') === 'true', 2000).then(() => true, () => false);
  toggle.click();
  await until('card closed', () => Math.abs(host.getBoundingClientRect().height - rect.height) < 1, 3000).catch(() => undefined);
  // A click on the message below the card (where a declarative invoker may wait) opens nothing
  // above the card.
  const below = clickAt(win, Math.round(win.innerWidth / 2), Math.round(Math.min(win.innerHeight - 10, rect.bottom + 150)));
  await sleep(150);
  out.clickedBelow = below ? below.localName + '.' + below.className : null;
  out.foreignOpen = [...doc.querySelectorAll('[popover], dialog')].filter(e => e.matches(':popover-open') || e.open === true).length;
  out.stillOpen = layer.matches(':popover-open');
  out.topAfter = doc.elementFromPoint(jx, jy) === host;
  return out;
}
// Selects a message in the 3-pane thread list and waits for its document, then for its banner.
// Times are taken from the moment the new message document has loaded (its own
// domContentLoadedEventEnd) to the moment the banner is in it.
async function display(uri, messageId, expectBanner) {
  const f = await showFolder(uri);
  const hdr = await until('message ' + messageId + ' in ' + uri, () => header(f, messageId));
  if (about3().threadTree.selectedIndex !== -1) {
    // Already shown (Thunderbird moves on to the next message after a move): deselect first so
    // selecting it again loads a fresh document.
    const shown = paneDocument();
    about3().threadTree.selectedIndex = -1;
    await until('message pane cleared', () => paneDocument() !== shown || !bannerHost(shown), 5000).catch(() => undefined);
  }
  const before = paneDocument();
  // What the user sees of the text: where the body's top was at every paint of the new document
  // (MozAfterPaint reaches the chrome window for the message pane, which is in its process). The
  // jump is how far the text moved after it was first painted.
  // While the space opens, the card must not cover the text still gliding down (banner.tsx clips
  // it to the opened space): hit-testing just below the opened space, which honours the clip,
  // must find the message there, not the card. Counted per paint (MozAfterPaint) of the slide.
  const painted = [];
  const slide = { frames: 0, covered: 0 };
  const onPaint = () => {
    const d = paneDocument();
    if (d && d !== before && d.body && d.body.firstChild) {
      const host = bannerHost(d);
      painted.push({ top: d.body.getBoundingClientRect().top, host: !!host, at: Date.now() - selectedAt });
      const layer = host && bannerRoot(host).querySelector('.bsg-layer');
      const opened = host ? host.getBoundingClientRect().height : 0;
      if (layer && layer.matches(':popover-open') && opened + 2 < layer.getBoundingClientRect().height) {
        slide.frames++;
        if (d.elementFromPoint(d.documentElement.clientWidth / 2, opened + 1) === host) { slide.covered++; }
      }
    }
  };
  if (!win.bsgNoPaintSampler) { win.addEventListener('MozAfterPaint', onPaint); }
  let hostSeenAt = null;
  const selectedAt = Date.now();
  about3().threadTree.selectedIndex = about3().gDBView.findIndexOfMsgHdr(hdr, true);
  try {
    const doc = await until('document of ' + messageId, () => {
      const d = paneDocument();
      return d && d !== before && d.readyState === 'complete' && d.documentURI.startsWith('about:blank') === false ? d : null;
    });
    // What the user saw of the text: how far it moved in total after its first paint, and the
    // largest move from one painted frame to the next (a slide spreads the move over many frames,
    // a jump puts all of it in one). Waits until the reserved space has stopped growing first.
    const jump = async () => {
      const host = bannerHost(doc);
      if (host) {
        const layerHeight = () => bannerRoot(host).querySelector('.bsg-layer').getBoundingClientRect().height;
        await until('space reserved for the banner', () => Math.abs(host.getBoundingClientRect().height - Math.ceil(layerHeight())) < 1, 3000, 20).catch(() => undefined);
      }
      await sleep(150);
      const final = doc.body.getBoundingClientRect().top;
      const tops = [...painted.map(p => p.top), final];
      let maxStepPx = 0;
      for (let i = 1; i < tops.length; i++) { maxStepPx = Math.max(maxStepPx, Math.abs(tops[i] - tops[i - 1])); }
      const moving = painted.filter((p, i) => i > 0 && p.top !== painted[i - 1].top);
      return {
        jumpPx: painted.length > 0 ? Math.round(final - painted[0].top) : null,
        maxStepPx: painted.length > 0 ? Math.round(maxStepPx) : null,
        movingFrames: moving.length,
        moveMs: moving.length > 0 ? moving[moving.length - 1].at - moving[0].at : 0,
        paints: painted.length, firstPaint: painted[0] ?? null, hostAt: hostSeenAt, slide,
      };
    };
    if (!expectBanner) {
      await sleep(1500);
      const host = bannerHost(doc);
      return { banner: host ? bannerInfo(host) : null, ...(await jump()) };
    }
    const host = await until('banner for ' + messageId, () => { const h = bannerHost(doc); if (h && hostSeenAt === null) { hostSeenAt = Date.now() - selectedAt; } return h && bannerRoot(h).querySelector('.bsg-panel') ? h : null; }, 30000, 2);
    const seenAt = Date.now();
    const loaded = doc.defaultView.performance.timing.domContentLoadedEventEnd;
    const moved = await jump();
    const bannerPainted = painted.find(p => p.host);
    return {
      banner: bannerInfo(host), loadToBannerMs: seenAt - loaded, selectToBannerMs: seenAt - selectedAt,
      loadToPaintMs: bannerPainted ? selectedAt + bannerPainted.at - loaded : null, ...moved,
    };
  } finally {
    win.removeEventListener('MozAfterPaint', onPaint);
  }
}
// Clicks an action of the banner as a user would: a button in the card's folded part is reached
// by opening the card first (its "Why" toggle).
// (The folded part is only drawn once opened: a button not on the line is found after opening.)
async function click(action) {
  const selector = '[data-action="' + action + '"]:not([disabled])';
  const host = await until('banner with ' + action, () => {
    const h = bannerHost();
    const root = h && bannerRoot(h);
    return root && (root.querySelector(selector) || root.querySelector('.bg-verdict__toggle[aria-expanded="false"]')) ? h : null;
  });
  const root = bannerRoot(host);
  if (!root.querySelector(selector)?.checkVisibility()) {
    root.querySelector('.bg-verdict__toggle[aria-expanded="false"]')?.click();
  }
  const button = await until(action + ' shown', () => { const b = root.querySelector(selector); return b && b.checkVisibility() ? b : null; }, 5000);
  button.click();
}
// The header-pane button (messageDisplayAction) of the message shown in the 3-pane tab.
function headerButton(extensionId) {
  const widget = extensionId.toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-messageDisplayAction-toolbarbutton';
  const button = about3().messageBrowser.contentDocument.getElementById(widget);
  return button ? { badge: button.getAttribute('badge') || '', title: button.getAttribute('tooltiptext') || button.getAttribute('label') || '' } : null;
}
// Where the card and its buttons are on screen (to check that a notice does not move them).
function cardBoxes() {
  const root = bannerRoot(bannerHost());
  return [root.querySelector('.bg-verdict'), ...root.querySelectorAll('.bg-verdict [data-action]')].filter(Boolean)
    .map(el => { const r = el.getBoundingClientRect(); return [el.dataset.action ?? 'card', Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)].join(' '); });
}
// Errors in the error console that name the extension or its scripts (Thunderbird's own messages
// about our API calls included, e.g. "The messageDisplayScript with id … does not exist").
function extensionErrors(extensionId) {
  const host = WebExtensionPolicy.getByID(extensionId)?.mozExtensionHostname ?? '-';
  const ours = text => text.includes(host) || text.includes('backscatter-guard') || text.includes('messageDisplayScript') || text.includes('Backscatter Guard');
  const api = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).getEvents()
    .filter(e => e.level === 'error')
    .map(e => String(e.filename || '') + ' ' + (e.arguments || []).map(a => { try { return a && a.message ? a.message : typeof a === 'object' ? JSON.stringify(a) : String(a); } catch (x) { return String(a); } }).join(' '));
  const script = Services.console.getMessageArray()
    .filter(m => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && !(m.flags & Ci.nsIScriptError.infoFlag))
    .map(m => String(m.sourceName || '') + ' ' + m.errorMessage);
  // Not ours to fix: the framework notes a pending question of a message document that was closed
  // or left before the answer came (the user, or this test, moved on to the next message).
  const closedWhilePending = text => text.includes('Promise rejected after context unloaded') || text.includes('Promise rejected while context is inactive');
  return [...api, ...script].filter(text => ours(text) && !closedWhilePending(text));
}
function dbMessageIds(uri) { const f = folder(uri); return f ? [...f.messages].map(h => h.messageId) : []; }
// What the extension wrote to the console (warnings, errors), for the report of a failed run.
function extensionConsole() {
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  return storage.getEvents().filter(e => String(e.filename || '').startsWith('moz-extension:') || JSON.stringify(e.arguments || []).includes('backscatter-guard'))
    .map(e => e.level + ' ' + (e.arguments || []).map(a => { try { return a && a.message ? a.message : typeof a === 'object' ? JSON.stringify(a) : String(a); } catch (x) { return String(a); } }).join(' '));
}
async function openExtensionPage(extensionId, page) {
  const url = WebExtensionPolicy.getByID(extensionId).getURL(page);
  const tab = tabmail.openTab('contentTab', { url });
  const doc = await until(page + ' loaded', () => { const d = tab.browser.contentDocument; return d && d.readyState === 'complete' && d.getElementById('root')?.firstChild ? d : null; });
  return { tab, doc };
}
`;
