// The verdict for one displayed message with its actions: used by the in-message banner and by the
// header-button popup. Verdict text and evidence come from shared/ui; this adds the Thunderbird
// actions (Move to Junk, Not backscatter, Undo) and their outcomes.
import { useState } from 'preact/hooks';
import { VerdictCard, type VerdictAction } from '../../../shared/ui/index';
import type { CheckResult } from '../core/checker';
import type { DisplayedView, MoveFailure } from '../protocol';
import type { MoveRecord } from '../thunderbird/junk';
import type { I18n } from './i18n';
import type { Ask } from './port';

export interface VerdictPanelProps {
  view: DisplayedView;
  ask: Ask;
  i18n: I18n;
  showEvidence?: boolean;
  /** The in-message banner: a one-line card (shared/ui VerdictCard `collapsed`) with the unsure hint
   *  inside its opened part, so the message text moves by one line when the banner arrives. */
  compact?: boolean;
}

type Notice =
  | { kind: 'moved'; record: MoveRecord }
  | { kind: 'restored'; record: MoveRecord }
  | { kind: 'failed'; reason: MoveFailure; record?: MoveRecord }
  | { kind: 'overridden' };

function failureText(t: I18n['t'], reason: MoveFailure, junkName: string, record?: MoveRecord): string {
  switch (reason) {
    case 'no-junk-folder':
      return t('noticeNoJunkFolder');
    case 'already-in-junk':
      return t('noticeAlreadyInJunk', [junkName]);
    case 'unverified':
    case 'not-found':
      return t(reason === 'unverified' ? 'noticeUndoUnverified' : 'noticeUndoNotFound', [
        record?.subject ?? '',
        record?.junkFolderName ?? t('junkFolderFallback'),
      ]);
    default:
      return record ? t('noticeUndoFailed', [record.subject]) : t('noticeMoveFailed');
  }
}

/**
 * What the banner adds under the card when the verdict is "unsure": what is missing (issue 11,
 * items 1 and 9). "Sent could not be searched" only when a lookup really was unavailable; "no
 * Message-ID" when there was nothing to look up.
 */
export function unsureHint(
  result: CheckResult,
): 'sent-unavailable' | 'no-message-id' | 'thin-evidence' | undefined {
  if (result.verdict !== 'unsure' || !result.automated) {
    return undefined;
  }
  const lookups = Object.values(result.lookups);
  if (lookups.includes('unavailable')) {
    return 'sent-unavailable';
  }
  return lookups.length === 0 ? 'no-message-id' : 'thin-evidence';
}

const HINT_KEYS = {
  'sent-unavailable': 'hintSentUnavailable',
  'no-message-id': 'hintNoMessageId',
  'thin-evidence': 'hintThinEvidence',
} as const;

export function VerdictPanel({ view, ask, i18n, showEvidence = false, compact = false }: VerdictPanelProps) {
  const { t, lang } = i18n;
  const [result, setResult] = useState<CheckResult | undefined>(view.result);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The move made from this tab's banner, offered on the message shown in its place (service.ts).
  const earlierMove =
    view.lastMove && view.lastMove.headerMessageId !== result?.message.headerMessageId
      ? view.lastMove
      : undefined;
  const [pendingUndo, setPendingUndo] = useState<MoveRecord | undefined>(earlierMove);
  const [startedWithUndo] = useState(earlierMove !== undefined);
  const junkName = result?.message.junkFolderName ?? t('junkFolderFallback');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch {
      setNotice({ kind: 'failed', reason: 'failed' });
    } finally {
      setBusy(false);
    }
  };

  const moveToJunk = (messageId: number) =>
    run(async () => {
      const report = await ask({ type: 'move-to-junk', messageIds: [messageId] });
      const [moved] = report.moved;
      setNotice(
        moved
          ? { kind: 'moved', record: moved }
          : { kind: 'failed', reason: report.failed[0]?.reason ?? 'failed' },
      );
    });

  const undo = (record: MoveRecord) =>
    run(async () => {
      const report = await ask({ type: 'undo-moves', moveIds: [record.moveId] });
      const [restored] = report.restored;
      if (restored) {
        setPendingUndo(undefined);
        setNotice({ kind: 'restored', record: restored });
      } else {
        // Kept: the Undo button stays, to try again.
        setNotice({ kind: 'failed', reason: report.failed[0]?.reason ?? 'failed', record });
      }
    });

  const notBackscatter = (messageId: number) =>
    run(async () => {
      setResult(await ask({ type: 'not-backscatter', messageId }));
      setNotice({ kind: 'overridden' });
    });

  const actions: VerdictAction[] = [];
  const decision = result?.decision;
  const moved = notice?.kind === 'moved' || (notice?.kind === 'failed' && notice.record !== undefined);
  const movable =
    result &&
    !result.userOverride &&
    (result.verdict === 'backscatter' || result.verdict === 'unsure') &&
    !result.message.inJunk &&
    !moved &&
    notice?.kind !== 'restored';
  if (result && movable) {
    actions.push({
      id: 'junk',
      label: t('actionMoveTo', [junkName]),
      variant: result.verdict === 'backscatter' ? 'primary' : 'secondary',
      onAction: () => void moveToJunk(result.message.id),
    });
    actions.push({
      id: 'not-backscatter',
      label: t('actionNotBackscatter'),
      onAction: () => void notBackscatter(result.message.id),
    });
  }
  // After a move from this banner, Undo takes the place of the two buttons: the card keeps its height.
  const undoRecord =
    notice?.kind === 'moved' ? notice.record : notice?.kind === 'failed' ? notice.record : undefined;
  if (undoRecord && !pendingUndo) {
    actions.push({ id: 'undo', label: t('actionUndo'), onAction: () => void undo(undoRecord) });
  }
  const hint = result ? unsureHint(result) : undefined;
  const hintLine = hint ? (
    <p class="bsg-hint" data-hint={hint}>
      {t(HINT_KEYS[hint])}
    </p>
  ) : null;

  // One notice line at a time, so a notice never pushes the card down (issue 11, item 7): a banner
  // that opened with an Undo offer keeps that line in the flow and later notices replace its text
  // (same fixed height); any other notice is an overlay the banner hangs below the card
  // (data-slot="overlay", banner.css), over the message text rather than moving it.
  const slot = startedWithUndo ? 'flow' : 'overlay';
  // The line is cut with an ellipsis (banner.css) so a long subject cannot make it taller; the
  // whole text stays in the tooltip.
  const offerText = pendingUndo
    ? t('noticeMoved', [pendingUndo.subject, pendingUndo.junkFolderName ?? t('junkFolderFallback')])
    : undefined;
  const noticeText = !notice
    ? undefined
    : notice.kind === 'moved'
      ? t('noticeMoved', [notice.record.subject, notice.record.junkFolderName ?? junkName])
      : notice.kind === 'restored'
        ? t('noticeRestored', [
            notice.record.subject,
            notice.record.fromFolderName ?? t('originalFolderFallback'),
          ])
        : notice.kind === 'overridden'
          ? t('noticeOverridden')
          : failureText(t, notice.reason, junkName, notice.record);
  const undoButton = pendingUndo ? (
    <button
      type="button"
      class="bg-button"
      data-action="undo"
      disabled={busy}
      onClick={() => void undo(pendingUndo)}
    >
      {t('actionUndo')}
    </button>
  ) : null;

  return (
    <div class="bsg-panel" data-state={notice?.kind ?? 'verdict'} data-verdict={result?.verdict ?? 'none'}>
      {pendingUndo && !notice ? (
        <p class="bsg-notice" data-notice="earlier-move" data-slot="flow">
          <span class="bsg-notice__text" title={offerText}>
            {offerText}
          </span>{' '}
          {undoButton}
        </p>
      ) : null}
      {notice ? (
        <p class="bsg-notice" data-notice={notice.kind} data-slot={slot} role="status">
          <span class="bsg-notice__text" title={noticeText}>
            {noticeText}
          </span>{' '}
          {undoButton}
        </p>
      ) : null}
      {result && decision && result.verdict !== undefined ? (
        <VerdictCard
          decision={decision}
          userOverride={result.userOverride}
          collapsed={compact}
          kind={result.analysis.kind}
          lang={lang}
          actions={actions}
          busy={busy}
          showEvidence={showEvidence}
          more={compact ? hintLine : undefined}
        />
      ) : null}
      {compact ? null : hintLine}
    </div>
  );
}
