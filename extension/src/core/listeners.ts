// Every event the background answers, registered in one synchronous call. Thunderbird may unload
// the MV3 event page when idle and load it again for an event, and only listeners that exist right
// after the script's first run receive that event (developer.thunderbird.net/add-ons/manifest-v3,
// "Limited Event Pages"). So nothing here awaits before the last addListener.
import { isRequest } from '../protocol';
import type { Messenger } from '../thunderbird/api';
import type { App } from './app';

export const BANNER_SCRIPT = { id: 'banner', js: ['banner.js'], runAt: 'document_end' as const };

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
  return api.scripting.messageDisplay
    .getRegisteredScripts()
    .then(registered =>
      registered.some(script => script.id === BANNER_SCRIPT.id)
        ? undefined
        : api.scripting.messageDisplay.registerScripts([BANNER_SCRIPT]),
    )
    .catch(report('registerScripts'));
}
