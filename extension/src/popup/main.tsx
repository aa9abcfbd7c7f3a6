// Header-pane button popup: the full evidence for the displayed message and the same actions as
// the banner, plus a link to sweep the folder.
import { render } from 'preact';
import { realMessenger } from '../thunderbird/messenger';
import { browserI18n } from '../ui/i18n';
import { runtimeAsk } from '../ui/port';
import { VerdictPanel } from '../ui/VerdictPanel';

async function main(): Promise<void> {
  const messenger = realMessenger();
  const ask = runtimeAsk(message => messenger.runtime.sendMessage(message));
  const i18n = browserI18n(messenger.i18n);
  const [tab] = await messenger.tabs.query({ active: true, currentWindow: true });
  const view = await ask({ type: 'check-displayed', ...(tab ? { tabId: tab.id } : {}) });
  const root = document.getElementById('root');
  if (!root) {
    return;
  }
  const folderId = view.result?.message.folderId;
  const sweepUrl = messenger.runtime.getURL(
    folderId ? `sweep.html?folder=${encodeURIComponent(folderId)}` : 'sweep.html',
  );
  render(
    <main class="bsg-page bsg-popup">
      {view.result?.automated ? (
        <VerdictPanel view={view} ask={ask} i18n={i18n} showEvidence />
      ) : (
        <p data-verdict="none">{i18n.t('popupNotAutomated')}</p>
      )}
      <p>
        <button
          type="button"
          class="bg-button"
          data-action="sweep"
          onClick={() => void messenger.tabs.create({ url: sweepUrl })}
        >
          {i18n.t('actionSweepFolder')}
        </button>
      </p>
    </main>,
    root,
  );
}

main().catch((error: unknown) => console.error('backscatter-guard popup', error));
