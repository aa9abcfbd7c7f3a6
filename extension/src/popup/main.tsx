import { render } from 'preact';
import { realMessenger } from '../thunderbird/messenger';
import { browserI18n } from '../ui/i18n';
import { runtimeAsk } from '../ui/port';
import { Popup } from './Popup';

async function main(): Promise<void> {
  const messenger = realMessenger();
  const ask = runtimeAsk(message => messenger.runtime.sendMessage(message));
  const [tab] = await messenger.tabs.query({ active: true, currentWindow: true });
  const view = await ask({ type: 'check-displayed', ...(tab ? { tabId: tab.id } : {}) });
  const openSweep = (folderId: string | undefined) =>
    void messenger.tabs.create({
      url: messenger.runtime.getURL(
        folderId ? `sweep.html?folder=${encodeURIComponent(folderId)}` : 'sweep.html',
      ),
    });
  const root = document.getElementById('root');
  if (root) {
    render(<Popup view={view} ask={ask} i18n={browserI18n(messenger.i18n)} openSweep={openSweep} />, root);
  }
}

main().catch((error: unknown) => console.error('backscatter-guard popup', error));
