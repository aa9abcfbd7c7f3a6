// Entry: wait for Office; inside Outlook render the task pane, anywhere else the standalone analyzer.
// Nothing else happens here (adapters and components carry the logic).
import '../../shared/ui/verdict.css';
import './taskpane.css';
import { render } from 'preact';
import { pickLang } from '../../shared/i18n/index';
import { loadConfig } from './config';
import { createGraphPort } from './graph/port';
import { displayLanguage, openMessageForm, userAddress } from './office/host';
import { onItemChanged } from './office/item-changed';
import { checkCurrentItem } from './taskpane/check-item';
import { TaskPane } from './taskpane/TaskPane';
import { makeAssess, profileFromAddress } from './verdict/assess';
import { engine } from './verdict/engine';

/** Office.js loads from Microsoft's CDN; offline or outside Office it may never answer. */
const OFFICE_READY_TIMEOUT_MS = 5000;

async function officeHost(): Promise<string | undefined> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return undefined;
  }
  const timeout = new Promise<undefined>(resolve =>
    setTimeout(() => resolve(undefined), OFFICE_READY_TIMEOUT_MS),
  );
  // Outside an Office host, onReady resolves with host null.
  const ready = Office.onReady().then(info => (info.host == null ? undefined : String(info.host)));
  return Promise.race([ready, timeout]);
}

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) {
    return;
  }
  const host = await officeHost();
  // Office.HostType.Outlook is the string "Outlook"; compared as text so a missing Office cannot throw.
  if (host !== 'Outlook') {
    document.documentElement.dataset['mode'] = 'standalone';
    const lang = pickLang(navigator.language);
    // Loaded only here: inside Outlook the analyzer and its mbox reader are never needed.
    const [{ Analyzer }, { sentLookup, sentProfile }] = await Promise.all([
      import('./standalone/Analyzer'),
      import('./standalone/sent-index'),
    ]);
    render(
      <Analyzer
        lang={lang}
        assessFor={(addresses, sent) =>
          makeAssess(engine, () =>
            sent
              ? { profile: sentProfile(sent, addresses), lookup: sentLookup(sent) }
              : { profile: profileFromAddress(addresses) },
          )
        }
      />,
      root,
    );
    return;
  }
  document.documentElement.dataset['mode'] = 'outlook';
  const lang = pickLang(displayLanguage());
  const config = await loadConfig();
  const context = () => ({ profile: profileFromAddress(userAddress()) });
  const assess = makeAssess(engine, context);
  const addresses = () => [userAddress() ?? ''].filter(address => address !== '');
  const graph = createGraphPort({
    clientId: config.graphClientId,
    baseUrl: config.graphBaseUrl,
    engine,
    context,
    addresses,
  });
  // Once Graph is connected, checks use Sent Items lookups and the profile learned from Sent.
  const check = () => checkCurrentItem({ assess: graph.current?.()?.assess ?? assess, lang });
  render(
    <TaskPane
      lang={lang}
      check={check}
      subscribe={onItemChanged}
      graph={graph}
      openMessage={openMessageForm}
    />,
    root,
  );
}

void start();
