// Folder sweep page. The background lists the folder, screens every header and checks only the
// candidates (sweeper.ts); this page polls for the rows found since its last poll, shows how far the
// sweep is (messages looked at, bounces found, time left), lets the user stop it and keep what was
// found, and moves the selected rows to Junk with Undo — each step with visible progress.
import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { format } from '../../../shared/i18n/index';
import { displayText } from '../../../shared/src/display-text';
import type { FloodItem } from '../../../shared/src/flood/types';
import type { Profile } from '../../../shared/src/types';
import { SweepFloodReport } from '../../../shared/ui/FloodReport';
import { VerdictBadge } from '../../../shared/ui/VerdictBadge';
import type { I18n } from '../ui/i18n';
import type { Ask } from '../ui/port';
import { displayAuthor } from './author';
import { VERDICT_ORDER, SweepModel, type Chunk, type RowVerdict } from './model';
import { moveToJunk, relist, undoMoves, unfound, type SweepMove } from './moves';
import type { SweepReach, SweepRow, SweepStatus } from './sweeper';

export interface SweepProps {
  ask: Ask;
  i18n: I18n;
  folderId: string | undefined;
  /** `every`: read every message, not only the screen's candidates (`sweep.html?reach=every`). */
  reach?: SweepReach | undefined;
  /** Time between polls; the tests make it short. */
  pollMs?: number;
}

type Busy = { action: 'moving' | 'undoing' | 'relisting'; done: number; total: number };

interface LastMove {
  moves: SweepMove[];
  /** The rows the move took off the list: Undo lists them again with the verdict they had. */
  removed: SweepRow[];
  moved: number;
  failed: number;
}

/**
 * The select-by-verdict chips' names, one literal key each. A row's own badge names its kind ("Auto-reply",
 * "Delayed", shared/ui/tone.ts); a chip gathers every kind of a verdict, so "Real", not "Real bounce".
 */
const CHIP_LABEL: Record<RowVerdict, string> = {
  backscatter: 'label_backscatter',
  unsure: 'label_unsure',
  legitimate: 'sweepVerdictLegitimate',
  none: 'sweepNoVerdict',
};

/**
 * The chips' colours: backscatter and unsure in their tone; "Real" and "no verdict" gather rows of more
 * than one tone (a real failure is red, a real auto-reply blue), so they carry none.
 */
const CHIP_TONE: Record<RowVerdict, string> = {
  backscatter: ' bg-tone--backscatter',
  unsure: ' bg-tone--unsure',
  legitimate: '',
  none: '',
};

const BUSY_LABEL: Record<Busy['action'], string> = {
  moving: 'sweepMoving',
  undoing: 'sweepUndoing',
  relisting: 'sweepRelisting',
};

const running = (status: SweepStatus | undefined) =>
  status !== undefined && (status.phase === 'listing' || status.phase === 'checking');

function duration(ms: number, lang: string): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const unit = seconds < 90 ? 'second' : 'minute';
  const value = seconds < 90 ? seconds : Math.round(seconds / 60);
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

interface ChunkProps {
  chunk: Chunk;
  busy: boolean;
  i18n: I18n;
  /** The junk folder's name, for the check boxes' labels. */
  junkName: string;
  onToggle: (messageId: number) => void;
}

/** A run of rows that re-renders only when one of its rows changed (model.ts versions). */
class RowChunk extends Component<ChunkProps> {
  override shouldComponentUpdate(next: ChunkProps): boolean {
    return (
      next.chunk.version !== this.props.chunk.version ||
      next.busy !== this.props.busy ||
      next.junkName !== this.props.junkName
    );
  }

  override render({ chunk, busy, i18n, junkName, onToggle }: ChunkProps) {
    const { t, lang } = i18n;
    return (
      <tbody>
        {chunk.rows.map(row => {
          const kind = format(`kind.${row.kind}`, {}, lang);
          const title = row.verdict === 'none' ? '' : format(`verdict.${row.verdict}.title`, { kind }, lang);
          return (
            <tr
              key={row.messageId}
              data-verdict={row.verdict}
              data-message-id={row.headerMessageId}
              data-id={row.messageId}
              data-restored={row.restored ? 'yes' : undefined}
              class={row.selected ? 'is-selected' : undefined}
            >
              <td class="bsg-sweep__check">
                <input
                  type="checkbox"
                  checked={row.selected}
                  disabled={busy}
                  onChange={() => onToggle(row.messageId)}
                  aria-label={t('sweepSelect', [junkName])}
                />
              </td>
              <td title={title}>
                {/* The header button's words and colours (shared/ui/tone.ts), by kind; the user's own
                    "not backscatter" as their choice. */}
                {row.verdict === 'none' ? (
                  ''
                ) : (
                  <VerdictBadge
                    verdict={row.verdict}
                    kind={row.kind}
                    lang={lang}
                    userOverride={row.userOverride}
                  />
                )}
              </td>
              <td title={kind}>{kind}</td>
              {/* Message data: control and bidi characters made visible, and isolated from the page's
                  own text (a U+202E in a subject must not reorder the row), as in the shared UI. */}
              <td title={displayText(row.subject)}>
                <bdi>{displayText(row.subject)}</bdi>
              </td>
              <td title={displayText(row.author)}>
                <bdi>{displayText(displayAuthor(row.author))}</bdi>
              </td>
            </tr>
          );
        })}
      </tbody>
    );
  }
}

export function Sweep({ ask, i18n, folderId, reach, pollMs = 400 }: SweepProps) {
  const { t, lang } = i18n;
  const model = useMemo(() => new SweepModel(), []);
  const [, setTick] = useState(0);
  const rerender = () => setTick(tick => tick + 1);
  const [status, setStatus] = useState<SweepStatus | undefined>(undefined);
  const [busy, setBusy] = useState<Busy | undefined>(undefined);
  const [lastMove, setLastMove] = useState<LastMove | undefined>(undefined);
  const [restored, setRestored] = useState<{ count: number; failed: number; missing: number } | undefined>(
    undefined,
  );
  const [error, setError] = useState<string | undefined>(undefined);
  // The flood report (issue 13) over the decided messages, once the sweep is over.
  const [flood, setFlood] = useState<{ items: FloodItem[]; profile: Profile | undefined } | undefined>();
  /** Rows of the background's job taken so far: the next poll asks from here. */
  const consumed = useRef(0);
  const sweepId = useRef<string | undefined>(undefined);
  const numbers = useMemo(() => new Intl.NumberFormat(lang), [lang]);
  const n = (value: number) => numbers.format(value);
  // The folder the moves go to, by the name this account's Thunderbird shows ("Spam" in 153).
  const junkName = status?.junkFolderName ?? t('junkFolderFallback');

  const take = (next: SweepStatus | undefined) => {
    if (!next) {
      // The background lost the job (Thunderbird restarted the add-on's event page).
      setError(t('sweepInterrupted'));
      setStatus(previous => (previous ? { ...previous, phase: 'stopped' } : previous));
      return false;
    }
    sweepId.current = next.sweepId;
    if (next.flood) {
      floodItems.current = next.flood;
    }
    model.append(next.rows);
    consumed.current = next.rowCount;
    setStatus(next);
    rerender();
    return running(next);
  };

  /** The report wants the user's profile (their hosts) next to the items the job kept. */
  const floodItems = useRef<FloodItem[] | undefined>(undefined);
  const showFlood = async (cancelled: boolean) => {
    const items = floodItems.current;
    if (!items || cancelled) {
      return;
    }
    const options = await ask({ type: 'get-options' }).catch(() => undefined);
    setFlood({ items, profile: options?.profile });
  };

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        let more = take(
          await ask({ type: 'sweep-start', ...(folderId ? { folderId } : {}), ...(reach ? { reach } : {}) }),
        );
        while (more && !cancelled) {
          await new Promise(resolve => setTimeout(resolve, pollMs));
          const id = sweepId.current;
          if (cancelled || !id) {
            break;
          }
          more = take(await ask({ type: 'sweep-poll', sweepId: id, from: consumed.current }));
        }
        await showFlood(cancelled);
      } catch (failure) {
        if (!cancelled) {
          setError(t('sweepError', [String(failure instanceof Error ? failure.message : failure)]));
        }
      }
    })();
    return () => {
      cancelled = true;
      const id = sweepId.current;
      if (id) {
        void ask({ type: 'sweep-stop', sweepId: id, from: consumed.current }).catch(() => undefined);
      }
    };
    // The sweep runs once per page; ask and folderId do not change while it is open.
  }, []);

  /** Runs one user action with an error notice instead of a page stuck in "busy". */
  const act = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(t('sweepError', [String(failure instanceof Error ? failure.message : failure)]));
    } finally {
      setBusy(undefined);
      rerender();
    }
  };

  const stop = () =>
    act(async () => {
      const id = sweepId.current;
      if (id) {
        // The poll loop sees the stopped job next and shows the report.
        take(await ask({ type: 'sweep-stop', sweepId: id, from: consumed.current }));
      }
    });

  const move = () =>
    act(async () => {
      const ids = model.selectedIds();
      setRestored(undefined);
      setBusy({ action: 'moving', done: 0, total: ids.length });
      const result = await moveToJunk(ask, ids, (done, total) => setBusy({ action: 'moving', done, total }));
      const removed = model.remove(result.movedIds);
      setLastMove({
        moves: result.moves,
        removed,
        moved: result.movedIds.length,
        failed: result.failedIds.length,
      });
    });

  const undo = () =>
    act(async () => {
      const folder = status?.folder;
      if (!lastMove || !folder) {
        return;
      }
      setBusy({ action: 'undoing', done: 0, total: lastMove.moves.length });
      const result = await undoMoves(ask, lastMove.moves, (done, total) =>
        setBusy({ action: 'undoing', done, total }),
      );
      setLastMove(undefined);
      // Back in the folder under new ids: listed again (not preselected) under the id each has
      // now, with the verdict it had; what the background did not find at once is looked for.
      const listed = (id: number) => model.has(id);
      const lookFor = unfound(result.restored, listed);
      let found: SweepRow[] = [];
      if (lookFor.length > 0) {
        setBusy({ action: 'relisting', done: 0, total: lookFor.length });
        found = await ask({ type: 'sweep-recheck', folderId: folder.id, headerMessageIds: lookFor });
      }
      const again = relist(result.restored, lastMove.removed, found, listed);
      model.append(again.rows, true);
      setRestored({ count: again.rows.length, failed: result.failed, missing: again.missing });
    });

  const toggle = (messageId: number) => {
    model.toggle(messageId);
    rerender();
  };
  const selectAll = (selected: boolean, verdict?: RowVerdict) => {
    model.selectAll(selected, verdict);
    rerender();
  };

  const finished = status !== undefined && !running(status);
  const selected = model.selectedCount();
  const chunks = model.chunks();
  const work = status ? status.total + status.candidates : 0;
  const workDone = status ? status.listed + status.checked : 0;

  let progressText: string;
  if (!status || (status.phase === 'listing' && (status.listed === 0 || status.total === 0))) {
    progressText = t('sweepListing');
  } else if (status.phase === 'stopped') {
    progressText = t('sweepStopped', [n(status.listed), n(status.total)]);
  } else if (finished) {
    progressText = t('sweepDone', [n(status.listed), duration(status.elapsedMs, lang)]);
  } else if (status.phase === 'listing') {
    progressText = t('sweepLooking', [n(status.listed), n(status.total)]);
  } else {
    progressText = t('sweepCheckingCandidates', [n(status.checked), n(status.candidates)]);
  }

  return (
    <main
      class="bsg-page bsg-sweep"
      data-finished={finished ? 'yes' : 'no'}
      data-listing-ms={status?.listingMs}
      data-candidates={status?.candidates}
      data-unreadable={status?.unreadable}
      lang={lang}
    >
      <header class="bsg-sweep__head">
        <h1>{t('sweepTitle')}</h1>
        <p data-folder={status?.folder?.id ?? ''}>
          {status
            ? status.folder
              ? t('sweepFolder', [status.folder.name])
              : t('sweepNoFolder')
            : t('sweepListing')}
        </p>
      </header>
      <section class="bsg-sweep__bar" data-sticky="action-bar" aria-live="polite">
        <div class="bsg-sweep__progress">
          <progress max={Math.max(work, 1)} value={finished ? Math.max(work, 1) : workDone} />
          <span data-progress={status ? `${status.listed}/${status.total}` : ''}>{progressText}</span>
          {status ? <span data-found={model.size}>{t('sweepFound', [n(model.size)])}</span> : null}
          {status && status.unreadable > 0 ? (
            <span data-unreadable={status.unreadable}>{t('sweepUnreadable', [n(status.unreadable)])}</span>
          ) : null}
          {running(status) && status?.remainingMs !== undefined ? (
            <span data-remaining={status.remainingMs}>
              {t('sweepTimeLeft', [duration(status.remainingMs, lang)])}
            </span>
          ) : null}
          {running(status) ? (
            <button type="button" class="bg-button" data-action="stop" onClick={() => void stop()}>
              {t('sweepStop')}
            </button>
          ) : null}
        </div>
        {model.size > 0 ? (
          <div class="bsg-sweep__counts" role="group" aria-label={t('sweepSelectByVerdict')}>
            {VERDICT_ORDER.map(verdict => {
              const count = model.counts.get(verdict);
              if (!count || count.total === 0) {
                return null;
              }
              return (
                <label key={verdict} class={`bsg-sweep__count${CHIP_TONE[verdict]}`} data-count={verdict}>
                  <input
                    type="checkbox"
                    checked={count.selected === count.total}
                    indeterminate={count.selected > 0 && count.selected < count.total}
                    disabled={busy !== undefined}
                    onChange={event => selectAll((event.target as HTMLInputElement).checked, verdict)}
                  />{' '}
                  {t(CHIP_LABEL[verdict])} <span data-total={count.total}>{n(count.total)}</span>
                </label>
              );
            })}
          </div>
        ) : null}
        <div class="bsg-sweep__actions">
          <button
            type="button"
            class="bg-button bg-button--primary"
            data-action="move-selected"
            disabled={busy !== undefined || selected === 0}
            onClick={() => void move()}
          >
            {t('sweepMoveSelected', [n(selected), junkName])}
          </button>
          {busy ? (
            <span class="bsg-sweep__busy" data-busy={busy.action}>
              {/* Finding moved-back messages is a wait of unknown length: an indeterminate bar. */}
              {busy.action === 'relisting' ? (
                <progress />
              ) : (
                <progress max={Math.max(busy.total, 1)} value={busy.done} />
              )}{' '}
              {t(BUSY_LABEL[busy.action], [n(busy.done), n(busy.total), junkName])}
            </span>
          ) : null}
          {lastMove && !busy ? (
            <span class="bsg-notice" data-notice="moved" data-moved={lastMove.moved}>
              {t('sweepMoved', [n(lastMove.moved), junkName])}{' '}
              {lastMove.failed > 0 ? t('sweepMoveFailed', [n(lastMove.failed)]) : ''}{' '}
              {lastMove.moves.length > 0 ? (
                <button type="button" class="bg-button" data-action="undo" onClick={() => void undo()}>
                  {t('actionUndo')}
                </button>
              ) : null}
            </span>
          ) : null}
          {restored && !busy ? (
            <span
              class="bsg-notice"
              data-notice="restored"
              data-restored={restored.count}
              data-missing={restored.missing}
            >
              {restored.count > 0 ? t('sweepRestored', [n(restored.count)]) : ''}
              {restored.missing > 0
                ? ` ${t('sweepRestoredMissing', [n(restored.missing), status?.folder?.name ?? ''])}`
                : ''}
              {restored.failed > 0 ? ` ${t('sweepMoveFailed', [n(restored.failed)])}` : ''}
            </span>
          ) : null}
          {error ? (
            <span class="bsg-notice bsg-notice--error" role="alert" data-notice="error">
              {error}
            </span>
          ) : null}
        </div>
      </section>
      {flood ? (
        <SweepFloodReport
          items={flood.items}
          profile={flood.profile}
          lang={lang}
          exportFile="backscatter-report.html"
        />
      ) : null}
      {model.size > 0 ? (
        <table class="bsg-sweep__table">
          <colgroup>
            <col class="bsg-sweep__col-check" />
            <col class="bsg-sweep__col-verdict" />
            <col class="bsg-sweep__col-kind" />
            <col />
            <col class="bsg-sweep__col-from" />
          </colgroup>
          <thead>
            <tr>
              <th class="bsg-sweep__check">
                <input
                  type="checkbox"
                  checked={selected === model.size}
                  indeterminate={selected > 0 && selected < model.size}
                  disabled={busy !== undefined}
                  aria-label={t('sweepSelectAll')}
                  data-action="select-all"
                  onChange={event => selectAll((event.target as HTMLInputElement).checked)}
                />
              </th>
              <th>{t('sweepColumnVerdict')}</th>
              <th>{t('sweepColumnKind')}</th>
              <th>{t('sweepColumnSubject')}</th>
              <th>{t('sweepColumnFrom')}</th>
            </tr>
          </thead>
          {chunks.map(chunk => (
            <RowChunk
              key={chunk.key}
              chunk={chunk}
              busy={busy !== undefined}
              i18n={i18n}
              junkName={junkName}
              onToggle={toggle}
            />
          ))}
        </table>
      ) : finished ? (
        <p>{t('sweepNothingFound')}</p>
      ) : null}
    </main>
  );
}
