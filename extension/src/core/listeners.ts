// Every event the background answers, registered in one synchronous call. Thunderbird may unload
// the MV3 event page when idle and load it again for an event, and only listeners that exist right
// after the script's first run receive that event (developer.thunderbird.net/add-ons/manifest-v3,
// "Limited Event Pages"). So nothing here awaits before the last addListener.
import { pickLang } from '../../../shared/i18n/index';
import { isRequest } from '../protocol';
import type { MessageDisplayScriptDetails, Messenger } from '../thunderbird/api';
import type { App } from './app';

/**
 * The banner script for Thunderbird's UI language: one file per language, each carrying only its
 * own strings (scripts/banner-strings.mjs), English for any language without a table. The banner
 * picks its language from the same getUILanguage (src/ui/i18n.ts), so file and text agree.
 */
export function bannerScript(uiLanguage: string): MessageDisplayScriptDetails & { id: 'banner' } {
  return { id: 'banner', js: [`banner-${pickLang(uiLanguage)}.js`], runAt: 'document_end' };
}

export function registerListeners(
  api: Messenger,
  app: App,
  log: (where: string, error: unknown) => void,
): Promise<void> {
  const report = (where: string) => (error: unknown) => log(where, error);

  // One dispatcher for every request from the banner and the pages. Not async: it answers with a
  // Promise only for our own requests and returns false for anything else.
  api.runtime.onMessage.addListener((message, sender) =>
    isRequest(message) ? app.service.handle(message, sender) : false,
  );

  api.messageDisplay.onMessagesDisplayed.addListener((tab, displayed) => {
    app.service.onDisplayed(tab, displayed).catch(report('onMessagesDisplayed'));
  });

  // monitorAllFolders=false: inbox and ordinary folders only; Junk, Sent and Trash are not scanned.
  api.messages.onNewMailReceived.addListener((folder, messages) => {
    app.scanner.onNewMail(folder, messages).catch(report('onNewMailReceived'));
  }, false);

  // What the service remembers per tab (its latest display, its banner's answer, its button) goes
  // with the tab.
  api.tabs.onRemoved.addListener(tabId => {
    app.service.forgetTab(tabId);
  });

  api.messages.onMoved.addListener((_original, moved) => {
    app.service.onMoved(moved).catch(report('onMoved'));
  });

  api.runtime.onStartup.addListener(() => {
    app.scanner.startupScan().catch(report('startup scan'));
  });
  api.runtime.onInstalled.addListener(() => {
    app.scanner.startupScan().catch(report('install scan'));
  });

  // The toolbar button sweeps the folder shown in the tab it was clicked in (or the Inbox).
  api.action.onClicked.addListener(tab => {
    api.mailTabs
      .get(tab.id)
      .then(
        mailTab => mailTab.displayedFolder?.id,
        () => undefined,
      )
      .then(folderId =>
        api.tabs.create({
          url: api.runtime.getURL(
            folderId ? `sweep.html?folder=${encodeURIComponent(folderId)}` : 'sweep.html',
          ),
        }),
      )
      .catch(report('open sweep'));
  });

  // The banner script stays registered across event-page restarts; registering it again throws.
  // Listed without an id filter: Thunderbird logs "The messageDisplayScript with id … does not
  // exist" to the error console for every filtered id not registered yet, i.e. on every first start.
  // A registration that names another file (another language, or the single banner.js of an older
  // version) is replaced.
  const banner = bannerScript(api.i18n.getUILanguage());
  const scripting = api.scripting.messageDisplay;
  return scripting
    .getRegisteredScripts()
    .then(async registered => {
      const current = registered.find(script => script.id === banner.id);
      if (current && current.js?.join() === banner.js?.join()) {
        return;
      }
      if (current) {
        await scripting.unregisterScripts({ ids: [banner.id] });
      }
      await scripting.registerScripts([banner]);
    })
    .catch(report('registerScripts'));
}
