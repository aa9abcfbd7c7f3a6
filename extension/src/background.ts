// Background (MV3 event page). Thunderbird may unload it when idle and start it again for an
// event, so every listener is registered synchronously, at the top level, on every start
// (developer.thunderbird.net/add-ons/manifest-v3, "Limited Event Pages"). Nothing here awaits
// before the listeners exist.
import { isRequest } from './protocol';
import { createApp } from './core/app';
import { sharedEngine } from './core/engine-shared';
import { realMessenger } from './thunderbird/messenger';

const api = realMessenger();
const app = createApp(api, sharedEngine);
const logError = (where: string) => (error: unknown) => console.error(`backscatter-guard: ${where}`, error);

// One dispatcher for every request from the banner and the pages. Not async: it answers with a
// Promise only for our own requests and returns false for anything else.
api.runtime.onMessage.addListener((message, sender) =>
  isRequest(message) ? app.service.handle(message, sender) : false,
);

api.messageDisplay.onMessagesDisplayed.addListener((tab, displayed) => {
  app.service.onDisplayed(tab, displayed).catch(logError('onMessagesDisplayed'));
});

// monitorAllFolders=false: inbox and ordinary folders only; Junk/Sent/Trash are not scanned.
api.messages.onNewMailReceived.addListener((folder, messages) => {
  app.scanner.onNewMail(folder, messages).catch(logError('onNewMailReceived'));
}, false);

api.runtime.onStartup.addListener(() => {
  app.scanner.startupScan().catch(logError('startup scan'));
});
api.runtime.onInstalled.addListener(() => {
  app.scanner.startupScan().catch(logError('install scan'));
});

api.action.onClicked.addListener(() => {
  api.tabs.create({ url: api.runtime.getURL('sweep.html') }).catch(logError('open sweep'));
});

// Registration survives an event-page restart and throws when repeated: the error is expected then.
api.scripting.messageDisplay
  .registerScripts([{ id: 'banner', js: ['banner.js'], runAt: 'document_end' }])
  .catch(() => undefined);
