// The task pane inside Outlook: the verdict on the selected message (re-checked on every ItemChanged
// of a pinned pane), Move to Junk / Undo through Graph when configured, and the Inbox sweep.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../shared/i18n/index';
import type { VerdictAction } from '../../../shared/ui/index';
import type { GraphPort } from '../graph/port';
import { t } from '../strings';
import { SweepPanel } from '../sweep/SweepPanel';
import { AssessmentView } from '../ui/AssessmentView';
import { latestOnly, type PaneState } from './check-item';

export interface TaskPaneProps {
  lang: Lang;
  check: () => Promise<PaneState>;
  /** Registers for ItemChanged; resolves false when the host has none. */
  subscribe: (onChange: () => void) => Promise<boolean>;
  graph: GraphPort;
  /** Told after each finished check. */
  onChecked?: (state: PaneState) => void;
  /** Opens a message found by the sweep (Graph id) in Outlook. */
  openMessage?: (graphId: string) => void;
}

export function TaskPane({ lang, check, subscribe, graph, onChecked, openMessage }: TaskPaneProps) {
  const [state, setState] = useState<PaneState>({ kind: 'loading' });

  useEffect(() => {
    const run = latestOnly(check, next => {
      setState(next);
      onChecked?.(next);
    });
    void run();
    subscribe(() => {
      setState({ kind: 'loading' });
      void run();
    }).catch(() => false);
    // Once Graph is connected (silently here if the user signed in before, or from the sweep's first
    // click), Sent lookups and the learned profile are available: check the item again with them.
    graph.onConnected = () => void run();
    if (graph.availability === 'available') {
      graph.connect(false).catch(() => undefined);
    }
    return () => {
      graph.onConnected = undefined;
    };
  }, [check, subscribe, onChecked, graph]);

  return (
    <main class="bsg-pane" data-state={state.kind}>
      <ItemPanel state={state} lang={lang} graph={graph} />
      <SweepPanel graph={graph} lang={lang} onOpen={openMessage} />
    </main>
  );
}

function ItemPanel({ state, lang, graph }: { state: PaneState; lang: Lang; graph: GraphPort }) {
  switch (state.kind) {
    case 'loading':
      return <p class="bsg-note">{t('pane.loading', {}, lang)}</p>;
    case 'no-item':
      // A pinned pane also lands here when the user selects a standard NDR: Outlook gives add-ins no
      // IPM.Report item (office-js#6764, #1402), so say where those are handled.
      return (
        <>
          <p class="bsg-note">{t('pane.no-item', {}, lang)}</p>
          <p class="bsg-note">{t('pane.ndr-hidden', {}, lang)}</p>
        </>
      );
    case 'compose':
      return <p class="bsg-note">{t('pane.compose', {}, lang)}</p>;
    case 'not-message':
      return <p class="bsg-note">{t('pane.not-message', {}, lang)}</p>;
    case 'unsupported':
      return <p class="bsg-note">{t('pane.unsupported', { need: state.need }, lang)}</p>;
    case 'error':
      return (
        <p class="bsg-error" role="alert">
          {t('pane.error', { message: state.message }, lang)}
        </p>
      );
    case 'result':
      return <ResultPanel key={state.itemId} state={state} lang={lang} graph={graph} />;
  }
}

type JunkState =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'moved'; junkId: string }
  | { kind: 'undone' }
  | { kind: 'failed'; message: string };

function ResultPanel({
  state,
  lang,
  graph,
}: {
  state: Extract<PaneState, { kind: 'result' }>;
  lang: Lang;
  graph: GraphPort;
}) {
  const [junk, setJunk] = useState<JunkState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const isBackscatter = state.assessment.decision?.verdict === 'backscatter';

  const move = async () => {
    if (!isBackscatter && junk.kind !== 'confirm') {
      // Never move anything the check did not call backscatter without a second, explicit click.
      setJunk({ kind: 'confirm' });
      return;
    }
    setBusy(true);
    try {
      const { client } = await graph.connect();
      setJunk({ kind: 'moved', junkId: await client.move(state.restId ?? '', 'junkemail') });
    } catch (error) {
      setJunk({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (junkId: string) => {
    setBusy(true);
    try {
      const { client } = await graph.connect();
      await client.move(junkId, 'inbox');
      setJunk({ kind: 'undone' });
    } catch (error) {
      setJunk({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const actions: VerdictAction[] = [];
  if (
    graph.availability === 'available' &&
    state.restId &&
    (junk.kind === 'idle' || junk.kind === 'confirm' || junk.kind === 'failed')
  ) {
    actions.push({
      id: 'junk',
      label: t('junk.move', {}, lang),
      variant: isBackscatter ? 'primary' : 'secondary',
      onAction: () => void move(),
    });
  }
  if (junk.kind === 'moved') {
    const { junkId } = junk;
    actions.push({ id: 'undo', label: t('junk.undo', {}, lang), onAction: () => void undo(junkId) });
  }

  return (
    <div
      class="bsg-result"
      data-item-id={state.itemId}
      data-source={state.source}
      data-elapsed-ms={state.elapsedMs}
    >
      <AssessmentView assessment={state.assessment} lang={lang} actions={actions} busy={busy} />
      {junk.kind === 'confirm' ? (
        <p class="bsg-note" role="alert" data-junk="confirm">
          {t('junk.confirm-not-backscatter', {}, lang)}
        </p>
      ) : null}
      {junk.kind === 'moved' ? (
        <p class="bsg-note" role="status" data-junk="moved">
          {t('junk.moved', {}, lang)}
        </p>
      ) : null}
      {junk.kind === 'undone' ? (
        <p class="bsg-note" role="status" data-junk="undone">
          {t('junk.undone', {}, lang)}
        </p>
      ) : null}
      {junk.kind === 'failed' ? (
        <p class="bsg-error" role="alert" data-junk="failed">
          {t('junk.failed', { message: junk.message }, lang)}
        </p>
      ) : null}
      {state.source === 'rebuilt' ? <p class="bsg-note">{t('pane.source.rebuilt', {}, lang)}</p> : null}
      {state.notificationError !== undefined ? (
        <p class="bsg-note" data-notification-error>
          {t('pane.notification-failed', { message: state.notificationError }, lang)}
        </p>
      ) : null}
      <p class="bsg-timing">{t('pane.timing', { ms: state.elapsedMs }, lang)}</p>
    </div>
  );
}
