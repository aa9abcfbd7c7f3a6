// The Inbox sweep in the task pane: sign in on the first click, list and check automated messages
// with a progress bar and counts, preselect backscatter only, move the selection to Junk, Undo.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../shared/i18n/index';
import { SweepFlood, floodItems } from './flood';
import { moveBatchToJunk } from '../graph/moves';
import { defaultSelection, sweepInbox, type SweepItem, type SweepProgress } from '../graph/sweep';
import { GraphUnavailableError, type GraphPort } from '../graph/port';
import type { UndoStore } from '../graph/undo-store';
import { t } from '../strings';
import { VerdictBadge } from '../../../shared/ui/VerdictBadge';

export interface SweepPanelProps {
  graph: GraphPort;
  lang: Lang;
  /** The pane's Undo list: moves are recorded there, and Undo lives there too. */
  undo: UndoStore;
  defaultDays?: number;
  /** Opens a message (by Graph id) in Outlook; absent, subjects are plain text. */
  onOpen?: ((graphId: string) => void) | undefined;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; progress: SweepProgress }
  | { kind: 'done'; items: SweepItem[] }
  | { kind: 'error'; message: string };

export type SweepVerdict = 'backscatter' | 'legitimate' | 'unsure' | 'none' | 'error';

/**
 * An item's verdict in the colour language of the task pane and the Thunderbird shell (shared/ui/tone.ts):
 * a real delivery failure red, a real auto-reply or delay blue and named by its kind, backscatter amber.
 * Items without a verdict ("other", "not checked") keep their own words and no colour.
 */
export function ItemBadge({ item, verdict, lang }: { item: SweepItem; verdict: SweepVerdict; lang: Lang }) {
  const analysis = item.assessment?.analysis;
  if (verdict === 'none' || verdict === 'error' || analysis === undefined) {
    return <span class="bsg-badge">{t(`sweep.verdict.${verdict}`, {}, lang)}</span>;
  }
  const confidence = item.assessment?.decision?.confidence;
  return (
    <VerdictBadge
      verdict={verdict}
      kind={analysis.kind}
      lang={lang}
      {...(confidence !== undefined ? { confidence } : {})}
    />
  );
}

export function verdictOf(item: SweepItem): SweepVerdict {
  if (item.error !== undefined || item.assessment === undefined) {
    return 'error';
  }
  return item.assessment.decision?.verdict ?? 'none';
}

export function counts(items: readonly SweepItem[]): Record<SweepVerdict, number> {
  const out: Record<SweepVerdict, number> = { backscatter: 0, legitimate: 0, unsure: 0, none: 0, error: 0 };
  for (const item of items) {
    out[verdictOf(item)] += 1;
  }
  return out;
}

function errorText(error: unknown, lang: Lang): string {
  if (error instanceof GraphUnavailableError) {
    if (error.state === 'not-configured') {
      return t('sweep.not-configured', {}, lang);
    }
    if (error.state === 'not-supported') {
      return t('sweep.not-supported', {}, lang);
    }
    if (error.state === 'needs-sign-in') {
      return t('sweep.needs-sign-in', {}, lang);
    }
    return t('sweep.sign-in-failed', {}, lang);
  }
  return t('sweep.error', {}, lang);
}

export function SweepPanel({ graph, lang, undo, defaultDays = 30, onOpen }: SweepPanelProps) {
  const [days, setDays] = useState(defaultDays);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The pane's Undo store knows what is in Junk: a row is moved while a record of its current id is there.
  const [, setTick] = useState(0);
  useEffect(() => undo.subscribe(() => setTick(n => n + 1)), [undo]);
  const [note, setNote] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  // The flood report (issue 13) over the checked items, above the list.
  const flood = useMemo(() => floodItems(phase.kind === 'done' ? phase.items : []), [phase]);

  useEffect(() => {
    graph.onThrottle = seconds => setNote(t('sweep.throttled', { seconds }, lang));
    return () => {
      graph.onThrottle = undefined;
    };
  }, [graph, lang]);

  if (graph.availability !== 'available') {
    return (
      <section class="bsg-sweep" data-state={graph.availability}>
        <h2>{t('sweep.title', {}, lang)}</h2>
        <p class="bsg-note">
          {t(
            graph.availability === 'not-configured' ? 'sweep.not-configured' : 'sweep.not-supported',
            {},
            lang,
          )}
        </p>
      </section>
    );
  }

  const start = async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setNote(undefined);
    setPhase({ kind: 'running', progress: { phase: 'listing', listed: 0, candidates: 0, checked: 0 } });
    try {
      const { client, assess } = await graph.connect();
      const items = await sweepInbox(client, assess, {
        days,
        signal: controller.signal,
        onProgress: progress => setPhase({ kind: 'running', progress }),
      });
      setSelected(defaultSelection(items));
      setPhase({ kind: 'done', items });
      setNote(undefined);
    } catch (error) {
      setPhase(
        controller.signal.aborted ? { kind: 'idle' } : { kind: 'error', message: errorText(error, lang) },
      );
    }
  };

  const moveSelected = async (items: SweepItem[]) => {
    setBusy(true);
    try {
      const { client } = await graph.connect();
      // Exactly the ticked rows, by the id each has now (a row moved back by Undo has a new one).
      const ids = items
        .filter(item => selected.has(item.id) && !isMoved(item.id))
        .map(item => undo.currentId(item.id) ?? item.id);
      const outcome = await moveBatchToJunk(client, ids);
      undo.add(outcome.moved);
      setNote(
        outcome.failed.size > 0
          ? t('sweep.move-failed', { count: outcome.failed.size }, lang)
          : t('sweep.moved', { count: outcome.moved.length }, lang),
      );
    } catch (error) {
      setNote(errorText(error, lang));
    } finally {
      setBusy(false);
    }
  };

  // Moved and not yet taken back by the pane's Undo.
  const inJunk = new Set(undo.list().map(r => r.fromId));
  const currentId = (listId: string) => undo.currentId(listId) ?? listId;
  const isMoved = (listId: string) => inJunk.has(currentId(listId));

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) {
      next.delete(id);
    } else {
      next.add(id);
    }
    setSelected(next);
  };

  return (
    <section class="bsg-sweep" data-state={phase.kind}>
      <h2>{t('sweep.title', {}, lang)}</h2>
      <p class="bsg-note">{t('sweep.intro', { days }, lang)}</p>
      <div class="bsg-row">
        <label>
          {t('sweep.days', {}, lang)}{' '}
          <input
            type="number"
            min={1}
            max={365}
            value={days}
            name="days"
            onInput={event =>
              setDays(Math.max(1, Math.min(365, Number(event.currentTarget.value) || defaultDays)))
            }
          />
        </label>
        {phase.kind === 'running' ? (
          <button
            type="button"
            class="bg-button"
            data-action="sweep-stop"
            onClick={() => {
              abort.current?.abort();
              setPhase({ kind: 'idle' });
            }}
          >
            {t('sweep.cancel', {}, lang)}
          </button>
        ) : (
          <button
            type="button"
            class="bg-button bg-button--primary"
            data-action="sweep"
            disabled={busy}
            onClick={() => void start()}
          >
            {t('sweep.start', {}, lang)}
          </button>
        )}
      </div>
      {phase.kind === 'running' ? <Progress progress={phase.progress} lang={lang} /> : null}
      {phase.kind === 'error' ? (
        <p class="bsg-error" role="alert">
          {phase.message}
        </p>
      ) : null}
      {note !== undefined ? (
        <p class="bsg-note" data-note role="status">
          {note}
        </p>
      ) : null}
      {phase.kind === 'done' ? <SweepFlood items={flood} lang={lang} /> : null}
      {phase.kind === 'done' ? (
        <Results
          items={phase.items}
          days={days}
          lang={lang}
          selected={selected}
          isMoved={isMoved}
          currentId={currentId}
          busy={busy}
          onToggle={toggle}
          onMove={() => void moveSelected(phase.items)}
          onOpen={onOpen}
        />
      ) : null}
    </section>
  );
}

function Progress({ progress, lang }: { progress: SweepProgress; lang: Lang }) {
  const listing = progress.phase === 'listing';
  return (
    <div class="bsg-progress" data-phase={progress.phase}>
      {listing ? (
        <progress aria-label={t('sweep.title', {}, lang)} />
      ) : (
        <progress
          aria-label={t('sweep.title', {}, lang)}
          max={Math.max(1, progress.candidates)}
          value={progress.checked}
        />
      )}
      <p>
        {listing
          ? t('sweep.listing', { listed: progress.listed, candidates: progress.candidates }, lang)
          : t('sweep.checking', { checked: progress.checked, total: progress.candidates }, lang)}
      </p>
    </div>
  );
}

interface ResultsProps {
  items: SweepItem[];
  days: number;
  lang: Lang;
  selected: Set<string>;
  isMoved: (listId: string) => boolean;
  currentId: (listId: string) => string;
  busy: boolean;
  onToggle: (id: string) => void;
  onMove: () => void;
  onOpen: ((graphId: string) => void) | undefined;
}

function Results({
  items,
  days,
  lang,
  selected,
  isMoved,
  currentId,
  busy,
  onToggle,
  onMove,
  onOpen,
}: ResultsProps) {
  if (items.length === 0) {
    return <p class="bsg-note">{t('sweep.none', { days }, lang)}</p>;
  }
  const tally = counts(items);
  const movable = items.filter(item => selected.has(item.id) && !isMoved(item.id)).length;
  return (
    <div class="bsg-results">
      <p class="bsg-counts" data-counts={JSON.stringify(tally)}>
        {t(
          'sweep.done',
          {
            total: items.length,
            backscatter: tally.backscatter,
            legitimate: tally.legitimate,
            unsure: tally.unsure,
            other: tally.none + tally.error,
          },
          lang,
        )}
      </p>
      <ul class="bsg-list">
        {items.map(item => {
          const verdict = verdictOf(item);
          return (
            <li
              key={item.id}
              class={`bsg-item bsg-item--${verdict}`}
              data-id={item.id}
              data-verdict={verdict}
              data-moved={isMoved(item.id) ? 'yes' : 'no'}
            >
              <label>
                <input
                  type="checkbox"
                  checked={selected.has(item.id)}
                  disabled={busy || isMoved(item.id)}
                  onChange={() => onToggle(item.id)}
                />
                <ItemBadge item={item} verdict={verdict} lang={lang} />{' '}
                {onOpen && !isMoved(item.id) ? null : <bdi class="bsg-subject">{item.subject}</bdi>}
              </label>
              {onOpen && !isMoved(item.id) ? (
                <button
                  type="button"
                  class="bsg-link bsg-subject"
                  data-action="open"
                  onClick={() => onOpen(currentId(item.id))}
                >
                  <bdi>{item.subject || '—'}</bdi>
                </button>
              ) : null}
              <bdi class="bsg-from">{item.from}</bdi>
            </li>
          );
        })}
      </ul>
      <div class="bsg-row">
        <button
          type="button"
          class="bg-button bg-button--primary"
          data-action="move-selected"
          disabled={busy || movable === 0}
          onClick={onMove}
        >
          {t('sweep.move-selected', { count: movable }, lang)}
        </button>
      </div>
    </div>
  );
}
