// Message display script: runs inside the displayed message's document. It only asks the
// background and renders; every mail API call happens in the background.
//
// The banner lives in a shadow root so the message's own CSS cannot restyle or hide it, and ours
// cannot leak into the message. It is rendered with Preact from data: message text (subjects,
// diagnostics) only ever becomes text nodes. Ordinary mail gets no banner at all.
import { render } from 'preact';
import sharedCss from '../../../shared/ui/verdict.css?inline';
import { browserI18n } from '../ui/i18n';
import { realMessenger } from '../thunderbird/messenger';
import { runtimeAsk } from '../ui/port';
import { VerdictPanel } from '../ui/VerdictPanel';
import bannerCss from './banner.css?inline';

const HOST_ID = 'backscatter-guard-banner';

async function main(): Promise<void> {
  const messenger = realMessenger();
  const ask = runtimeAsk(message => messenger.runtime.sendMessage(message));
  const view = await ask({ type: 'check-displayed' });
  if (view.result?.verdict === undefined && !view.lastMove) {
    return;
  }
  document.getElementById(HOST_ID)?.remove();
  const host = document.createElement('div');
  host.id = HOST_ID;
  host.dataset['verdict'] = view.result?.verdict ?? 'none';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = sharedCss + bannerCss;
  shadow.append(style);
  const root = document.createElement('div');
  shadow.append(root);
  document.body.prepend(host);
  render(<VerdictPanel view={view} ask={ask} i18n={browserI18n(messenger.i18n)} />, root);
}

main().catch((error: unknown) => console.error('backscatter-guard banner', error));
