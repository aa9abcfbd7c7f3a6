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
const bannerHost = doc => (doc || paneDocument())?.getElementById('backscatter-guard-banner') ?? null;
function bannerInfo(host) {
  const root = host.shadowRoot;
  const panel = root.querySelector('.bsg-panel');
  return {
    verdict: host.dataset.verdict,
    title: root.querySelector('.bg-verdict__title')?.textContent ?? null,
    text: panel ? panel.textContent : '',
    actions: [...root.querySelectorAll('[data-action]')].map(b => b.dataset.action),
    notices: [...root.querySelectorAll('[data-notice]')].map(n => n.dataset.notice),
    hints: [...root.querySelectorAll('[data-hint]')].map(n => n.dataset.hint),
  };
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
  const selectedAt = Date.now();
  about3().threadTree.selectedIndex = about3().gDBView.findIndexOfMsgHdr(hdr, true);
  const doc = await until('document of ' + messageId, () => {
    const d = paneDocument();
    return d && d !== before && d.readyState === 'complete' && d.documentURI.startsWith('about:blank') === false ? d : null;
  });
  if (!expectBanner) {
    await sleep(1500);
    const host = bannerHost(doc);
    return { banner: host ? bannerInfo(host) : null };
  }
  const host = await until('banner for ' + messageId, () => { const h = bannerHost(doc); return h && h.shadowRoot.querySelector('.bsg-panel') ? h : null; }, 30000, 2);
  const seenAt = Date.now();
  const loaded = doc.defaultView.performance.timing.domContentLoadedEventEnd;
  return { banner: bannerInfo(host), loadToBannerMs: seenAt - loaded, selectToBannerMs: seenAt - selectedAt };
}
async function click(action) {
  const host = await until('banner with ' + action, () => {
    const h = bannerHost();
    return h && h.shadowRoot.querySelector('[data-action="' + action + '"]:not([disabled])') ? h : null;
  });
  host.shadowRoot.querySelector('[data-action="' + action + '"]').click();
}
// The header-pane button (messageDisplayAction) of the message shown in the 3-pane tab.
function headerButton(extensionId) {
  const widget = extensionId.toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-messageDisplayAction-toolbarbutton';
  const button = about3().messageBrowser.contentDocument.getElementById(widget);
  return button ? { badge: button.getAttribute('badge') || '', title: button.getAttribute('tooltiptext') || button.getAttribute('label') || '' } : null;
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
