// Folder sweep: checks every message of one folder with a progress bar, lists the automated ones
// with their verdicts (backscatter preselected), and moves the selected ones to Junk in one action,
// with Undo. Messages are checked one at a time so Thunderbird stays responsive.
import { useEffect, useState } from 'preact/hooks';
import { format } from '../../../shared/i18n/index';
import type { FloodItem } from '../../../shared/src/flood/types';
import type { Profile } from '../../../shared/src/types';
import { SweepFloodReport } from '../../../shared/ui/FloodReport';
import type { FolderListing, MoveReport } from '../protocol';
import type { I18n } from '../ui/i18n';
import type { Ask } from '../ui/port';

export interface SweepRow {
  messageId: number;
  headerMessageId: string;
  subject: string;
  author: string;
  kind: string;
  verdict: string;
  selected: boolean;
}

export interface SweepProps {
  ask: Ask;
  i18n: I18n;
  folderId: string | undefined;
}

export function Sweep({ ask, i18n, folderId }: SweepProps) {
  const { t, lang } = i18n;
  const [listing, setListing] = useState<FolderListing | undefined>(undefined);
  const [done, setDone] = useState(0);
  const [rows, setRows] = useState<SweepRow[]>([]);
  const [report, setReport] = useState<MoveReport | undefined>(undefined);
  const [restored, setRestored] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  // The flood report (issue 13) over the checked messages, once the sweep is through.
  const [flood, setFlood] = useState<{ items: FloodItem[]; profile: Profile | undefined } | undefined>();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const found = await ask({ type: 'list-folder', ...(folderId ? { folderId } : {}) });
      setListing(found);
      const floodItems: FloodItem[] = [];
      for (const messageId of found.messageIds) {
        if (cancelled) {
          return;
        }
        const result = await ask({ type: 'check-message', messageId }).catch(() => undefined);
        if (result?.automated && result.decision !== undefined) {
          floodItems.push({ analysis: result.analysis, decision: result.decision });
        }
        if (result?.automated) {
          const row: SweepRow = {
            messageId,
            headerMessageId: result.message.headerMessageId,
            subject: result.message.subject,
            author: result.message.author,
            kind: result.analysis.kind,
            verdict: result.verdict ?? 'none',
            selected: result.verdict === 'backscatter',
          };
          setRows(previous => [...previous, row]);
        }
        setDone(count => count + 1);
      }
      const options = await ask({ type: 'get-options' }).catch(() => undefined);
      if (!cancelled) {
        setFlood({ items: floodItems, profile: options?.profile });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [ask, folderId]);

  const total = listing?.messageIds.length ?? 0;
  const finished = listing !== undefined && done >= total;
  const selected = rows.filter(row => row.selected);

  const move = async () => {
    setBusy(true);
    const moveReport = await ask({ type: 'move-to-junk', messageIds: selected.map(row => row.messageId) });
    setReport(moveReport);
    setRestored(undefined);
    const movedIds = new Set(moveReport.moved.map(record => record.headerMessageId));
    setRows(previous => previous.filter(row => !movedIds.has(row.headerMessageId)));
    setBusy(false);
  };

  const undo = async () => {
    if (!report) {
      return;
    }
    setBusy(true);
    const undoReport = await ask({
      type: 'undo-move',
      headerMessageIds: report.moved.map(record => record.headerMessageId),
    });
    setRestored(undoReport.restored.length);
    setReport(undefined);
    setBusy(false);
  };

  const toggle = (messageId: number) =>
    setRows(previous =>
      previous.map(row => (row.messageId === messageId ? { ...row, selected: !row.selected } : row)),
    );

  return (
    <main class="bsg-page bsg-sweep" data-finished={finished ? 'yes' : 'no'}>
      <h1>{t('sweepTitle')}</h1>
      <p data-folder={listing?.folder?.id ?? ''}>
        {listing
          ? listing.folder
            ? t('sweepFolder', [listing.folder.name])
            : t('sweepNoFolder')
          : t('sweepListing')}
      </p>
      <progress max={Math.max(total, 1)} value={done} />
      <p data-progress={`${done}/${total}`}>{t('sweepProgress', [String(done), String(total)])}</p>
      {flood ? (
        <SweepFloodReport
          items={flood.items}
          profile={flood.profile}
          lang={lang}
          exportFile="backscatter-report.html"
        />
      ) : null}
      {rows.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th />
              <th>{t('sweepColumnVerdict')}</th>
              <th>{t('sweepColumnKind')}</th>
              <th>{t('sweepColumnSubject')}</th>
              <th>{t('sweepColumnFrom')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr key={row.messageId} data-verdict={row.verdict} data-message-id={row.headerMessageId}>
                <td>
                  <input
                    type="checkbox"
                    checked={row.selected}
                    disabled={busy}
                    onChange={() => toggle(row.messageId)}
                    aria-label={t('sweepSelect')}
                  />
                </td>
                <td>
                  {row.verdict === 'none'
                    ? ''
                    : format(
                        `verdict.${row.verdict}.title`,
                        { kind: format(`kind.${row.kind}`, {}, lang) },
                        lang,
                      )}
                </td>
                <td>{format(`kind.${row.kind}`, {}, lang)}</td>
                <td>{row.subject}</td>
                <td>{row.author}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : finished ? (
        <p>{t('sweepNothingFound')}</p>
      ) : null}
      <p>
        <button
          type="button"
          class="bg-button bg-button--primary"
          data-action="move-selected"
          disabled={busy || selected.length === 0}
          onClick={() => void move()}
        >
          {t('sweepMoveSelected', [String(selected.length)])}
        </button>
      </p>
      {report ? (
        <p class="bsg-notice" data-notice="moved" data-moved={report.moved.length}>
          {t('sweepMoved', [String(report.moved.length)])}{' '}
          {report.failed.length > 0 ? t('sweepMoveFailed', [String(report.failed.length)]) : ''}{' '}
          {report.moved.length > 0 ? (
            <button
              type="button"
              class="bg-button"
              data-action="undo"
              disabled={busy}
              onClick={() => void undo()}
            >
              {t('actionUndo')}
            </button>
          ) : null}
        </p>
      ) : null}
      {restored !== undefined ? (
        <p class="bsg-notice" data-notice="restored">
          {t('sweepRestored', [String(restored)])}
        </p>
      ) : null}
    </main>
  );
}
