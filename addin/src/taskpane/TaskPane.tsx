// The task pane inside Outlook: the verdict on the selected message (re-checked on every ItemChanged
// of a pinned pane), Move to Junk through Graph when configured, "I sent this", Undo of every move at
// the pane's level, and the Inbox sweep.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../shared/i18n/index';
import type { VerdictAction } from '../../../shared/ui/index';
import { moveToJunk, newId } from '../graph/moves';
import type { GraphPort } from '../graph/port';
import type { UndoStore } from '../graph/undo-store';
import { t } from '../strings';
import { SweepPanel } from '../sweep/SweepPanel';
import { AssessmentView } from '../ui/AssessmentView';
import type { Assessment } from '../verdict/assess';
import { latestOnly, type PaneState } from './check-item';
import { UndoBar } from './UndoBar';

export interface TaskPaneProps {
  lang: Lang;
  check: () => Promise<PaneState>;
  /** Registers for ItemChanged; resolves false when the host has none. */
  subscribe: (onChange: () => void) => Promise<boolean>;
  graph: GraphPort;
  /** Every move this add-in made, kept across items and sweeps (Undo at the pane's level). */
  undo: UndoStore;
  /** The user says they sent the bounced original ("I sent this"): learn from it. */
  confirmSent?: ((assessment: Assessment) => Promise<void>) | undefined;
  /** Told after each finished check. */
  onChecked?: (state: PaneState) => void;
  /** Opens a message found by the sweep (Graph id) in Outlook. */
  openMessage?: (graphId: string) => void;
}

export function TaskPane({
  lang,
  check,
  subscribe,
  graph,
  undo,
  confirmSent,
  onChecked,
  openMessage,
}: TaskPaneProps) {
  const [state, setState] = useState<PaneState>({ kind: 'loading' });
  const [run, setRun] = useState<(() => Promise<void>) | undefined>(undefined);

  useEffect(() => {
    const latest = latestOnly(check, next => {
      setState(next);
      onChecked?.(next);
    });
    setRun(() => latest);
    void latest();
    subscribe(() => {
      setState({ kind: 'loading' });
      void latest();
    }).catch(() => false);
    // Once Graph is connected (silently here if the user signed in before, or from the sweep's first
    // click), Sent lookups and the learned profile are available: check the item again with them.
    graph.onConnected = () => void latest();
    if (graph.availability === 'available') {
      graph.connect(false).catch(() => undefined);
    }
    return () => {
      graph.onConnected = undefined;
    };
  }, [check, subscribe, onChecked, graph]);

  return (
    <main class="bsg-pane" data-state={state.kind}>
      <UndoBar store={undo} graph={graph} lang={lang} />
      <ItemPanel
        state={state}
        lang={lang}
        graph={graph}
        undo={undo}
        confirmSent={
          confirmSent && run
            ? async assessment => {
                await confirmSent(assessment);
                await run();
              }
            : undefined
        }
      />
      <SweepPanel graph={graph} lang={lang} undo={undo} onOpen={openMessage} />
    </main>
  );
}

/** A plain sentence for the user; the technical detail only behind "Details". */
function ErrorLine({ text, detail, lang }: { text: string; detail: string | undefined; lang: Lang }) {
  return (
    <div class="bsg-error" role="alert">
      <p>{text}</p>
      {detail ? (
        <details class="bsg-detail">
          <summary>{t('pane.details', {}, lang)}</summary>
          <bdi>{detail}</bdi>
        </details>
      ) : null}
    </div>
  );
}

interface ItemPanelProps {
  state: PaneState;
  lang: Lang;
  graph: GraphPort;
  undo: UndoStore;
  confirmSent: ((assessment: Assessment) => Promise<void>) | undefined;
}

function ItemPanel({ state, lang, graph, undo, confirmSent }: ItemPanelProps) {
  switch (state.kind) {
    case 'loading':
      return <p class="bsg-note">{t('pane.loading', {}, lang)}</p>;
    case 'no-item':
      // A pinned pane also lands here when the user selects a standard NDR: Outlook gives add-ins no
      // IPM.Report item (office-js#6764, #1402), so say where those are handled.
      return (
        <>
          <p class="bsg-note">{t('pane.no-item', {}, lang)}</p>
          <p class="bsg-note">
            {t('pane.ndr-hidden', {}, lang)}
            {graph.availability === 'available' ? ` ${t('pane.ndr-sweep', {}, lang)}` : ''}
          </p>
        </>
      );
    case 'compose':
      return <p class="bsg-note">{t('pane.compose', {}, lang)}</p>;
    case 'not-message':
      return <p class="bsg-note">{t('pane.not-message', {}, lang)}</p>;
    case 'unsupported':
      return <p class="bsg-note">{t('pane.unsupported', {}, lang)}</p>;
    case 'error':
      return <ErrorLine text={t('pane.error', {}, lang)} detail={state.message} lang={lang} />;
    case 'result':
      return (
        <ResultPanel
          key={state.itemId}
          state={state}
          lang={lang}
          graph={graph}
          undo={undo}
          confirmSent={confirmSent}
        />
      );
  }
}

type JunkState =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'moved' }
  | { kind: 'noted' }
  | { kind: 'failed'; message: string };

function ResultPanel({
  state,
  lang,
  graph,
  undo,
  confirmSent,
}: Omit<ItemPanelProps, 'state'> & { state: Extract<PaneState, { kind: 'result' }> }) {
  const [junk, setJunk] = useState<JunkState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const verdict = state.assessment.decision?.verdict;
  const isBackscatter = verdict === 'backscatter';

  const move = async () => {
    if (!isBackscatter && junk.kind !== 'confirm') {
      // Never move anything the check did not call backscatter without a second, explicit click.
      setJunk({ kind: 'confirm' });
      return;
    }
    setBusy(true);
    try {
      const { client } = await graph.connect();
      undo.add([await moveToJunk(client, state.restId ?? '', newId('batch'))]);
      setJunk({ kind: 'moved' });
    } catch (error) {
      setJunk({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const sentIt = async () => {
    if (!confirmSent) {
      return;
    }
    setBusy(true);
    try {
      await confirmSent(state.assessment);
      setJunk({ kind: 'noted' });
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
  // "I sent this": only where there is an original to learn from and the verdict is not already "yours".
  if (
    confirmSent &&
    state.assessment.analysis.original &&
    (verdict === 'backscatter' || verdict === 'unsure') &&
    junk.kind !== 'moved' &&
    junk.kind !== 'noted'
  ) {
    actions.push({
      id: 'not-backscatter',
      label: t('action.not-backscatter', {}, lang),
      onAction: () => void sentIt(),
    });
  }

  return (
    <div
      class="bsg-result"
      data-item-id={state.itemId}
      data-source={state.source}
      data-elapsed-ms={state.elapsedMs}
      data-learned={state.learned ? 'yes' : 'no'}
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
      {junk.kind === 'noted' ? (
        <p class="bsg-note" role="status" data-junk="noted">
          {t('learn.confirmed', {}, lang)}
        </p>
      ) : null}
      {junk.kind === 'failed' ? (
        <ErrorLine text={t('junk.failed', {}, lang)} detail={junk.message} lang={lang} />
      ) : null}
      {state.learned ? (
        <p class="bsg-note" data-learned>
          {t('learn.sent', {}, lang)}
        </p>
      ) : null}
      {state.notices.map(notice => (
        <p key={notice.key} class="bsg-limit" data-notice={notice.key}>
          {t(notice.key, notice.params ?? {}, lang)}
        </p>
      ))}
      {state.source === 'rebuilt' ? <p class="bsg-note">{t('pane.source.rebuilt', {}, lang)}</p> : null}
      {state.notificationError !== undefined ? (
        <p class="bsg-note" data-notification-error title={state.notificationError}>
          {t('pane.notification-failed', {}, lang)}
        </p>
      ) : null}
      <p class="bsg-timing">{t('pane.timing', { ms: state.elapsedMs }, lang)}</p>
    </div>
  );
}
