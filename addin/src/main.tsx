// Entry of taskpane.html: wait for Office and render the task pane inside Outlook. Opened anywhere
// else (Office never says "Outlook"), the page sends the visitor to the standalone analyzer, which has
// its own page without office.js (analyzer.html), so a hanging CDN never leaves it blank.
import '../../shared/ui/verdict.css';
import './taskpane.css';
import { render } from 'preact';
import { pickLang } from '../../shared/i18n/index';
import { loadConfig } from './config';
import { createGraphPort } from './graph/port';
import { createUndoStore, pageStorage } from './graph/undo-store';
import { displayLanguage, openMessageForm, userAddress } from './office/host';
import { onItemChanged } from './office/item-changed';
import { roamingSettings } from './office/roaming';
import { learnedLookup, profileWith } from './profile/learned';
import { createLearnedStore } from './profile/store';
import { checkCurrentItem } from './taskpane/check-item';
import { noticesFor } from './taskpane/notices';
import { TaskPane } from './taskpane/TaskPane';
import { makeAssess } from './verdict/assess';
import { engine as inPlace } from './verdict/engine';
import { workerEngine } from './verdict/worker-engine';

// analyze() in a Web Worker with a time budget: no message can freeze the pane.
const engine = workerEngine(inPlace);

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
    location.replace('./analyzer.html');
    return;
  }
  document.documentElement.dataset['mode'] = 'outlook';
  const lang = pickLang(displayLanguage());
  const config = await loadConfig();
  const addresses = () => [userAddress() ?? ''].filter(address => address !== '');
  // What the pane learned from the user's own messages (roaming settings): used on every check.
  const learned = createLearnedStore(roamingSettings());
  const context = () => ({
    profile: profileWith(addresses(), learned.state()),
    lookup: learnedLookup(learned.state()),
  });
  const assess = makeAssess(engine, context);
  const graph = createGraphPort({
    clientId: config.graphClientId,
    baseUrl: config.graphBaseUrl,
    engine,
    context,
    addresses,
  });
  const undo = createUndoStore(pageStorage());
  // Once Graph is connected, checks use Sent Items lookups and the profile learned from Sent.
  const check = () =>
    checkCurrentItem({
      assess: graph.current?.()?.assess ?? assess,
      lang,
      store: learned,
      addresses,
      notices: assessment =>
        noticesFor(assessment, {
          graph: graph.availability,
          connected: graph.current?.() !== undefined,
          learnedSamples: learned.state().samples,
        }),
    });
  render(
    <TaskPane
      lang={lang}
      check={check}
      subscribe={onItemChanged}
      graph={graph}
      undo={undo}
      confirmSent={async ({ analysis }) => {
        if (analysis.original) {
          await learned.learn(analysis.original, addresses());
        }
      }}
      openMessage={openMessageForm}
    />,
    root,
  );
}

void start();
