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
  /** The in-message banner: reasons folded away, so the message text moves as little as possible. */
  compact?: boolean;
}

type Notice =
  | { kind: 'moved'; record: MoveRecord }
  | { kind: 'restored' }
  | { kind: 'failed'; reason: MoveFailure }
  | { kind: 'overridden' };

function failureText(t: I18n['t'], reason: MoveFailure): string {
  return reason === 'no-junk-folder'
    ? t('noticeNoJunkFolder')
    : reason === 'already-in-junk'
      ? t('noticeAlreadyInJunk')
      : t('noticeMoveFailed');
}

export function VerdictPanel({ view, ask, i18n, showEvidence = false, compact = false }: VerdictPanelProps) {
  const { t, lang } = i18n;
  const [result, setResult] = useState<CheckResult | undefined>(view.result);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const earlierMove =
    view.lastMove && view.lastMove.headerMessageId !== result?.message.headerMessageId
      ? view.lastMove
      : undefined;
  const [pendingUndo, setPendingUndo] = useState<MoveRecord | undefined>(earlierMove);

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
      const report = await ask({ type: 'undo-move', headerMessageIds: [record.headerMessageId] });
      setPendingUndo(undefined);
      setNotice(
        report.restored.length > 0
          ? { kind: 'restored' }
          : { kind: 'failed', reason: report.failed[0]?.reason ?? 'failed' },
      );
    });

  const notBackscatter = (messageId: number) =>
    run(async () => {
      setResult(await ask({ type: 'not-backscatter', messageId }));
      setNotice({ kind: 'overridden' });
    });

  const actions: VerdictAction[] = [];
  const decision = result?.decision;
  const movable =
    result &&
    (result.verdict === 'backscatter' || result.verdict === 'unsure') &&
    !result.message.inJunk &&
    notice?.kind !== 'moved';
  if (result && movable) {
    actions.push({
      id: 'junk',
      label: t('actionMoveToJunk'),
      variant: result.verdict === 'backscatter' ? 'primary' : 'secondary',
      onAction: () => void moveToJunk(result.message.id),
    });
    actions.push({
      id: 'not-backscatter',
      label: t('actionNotBackscatter'),
      onAction: () => void notBackscatter(result.message.id),
    });
  }

  return (
    <div class="bsg-panel" data-state={notice?.kind ?? 'verdict'} data-verdict={result?.verdict ?? 'none'}>
      {pendingUndo ? (
        <p class="bsg-notice" data-notice="earlier-move">
          <span>{t('noticeMoved', [pendingUndo.subject])}</span>{' '}
          <button
            type="button"
            class="bg-button"
            data-action="undo"
            disabled={busy}
            onClick={() => void undo(pendingUndo)}
          >
            {t('actionUndo')}
          </button>
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
        />
      ) : null}
      {result?.automated && result.sentCoverage === 'partial' && result.verdict === 'unsure' ? (
        <p class="bsg-hint" data-hint="sent-unavailable">
          {t('hintSentUnavailable')}
        </p>
      ) : null}
      {notice ? (
        <p class="bsg-notice" data-notice={notice.kind}>
          {notice.kind === 'moved' ? (
            <>
              <span>{t('noticeMovedThis')}</span>{' '}
              <button
                type="button"
                class="bg-button"
                data-action="undo"
                disabled={busy}
                onClick={() => void undo(notice.record)}
              >
                {t('actionUndo')}
              </button>
            </>
          ) : notice.kind === 'restored' ? (
            t('noticeRestored')
          ) : notice.kind === 'overridden' ? (
            t('noticeOverridden')
          ) : (
            failureText(t, notice.reason)
          )}
        </p>
      ) : null}
    </div>
  );
}
