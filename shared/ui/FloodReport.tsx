// FloodReport: "am I hacked or just spoofed?" above a sweep's list, in the Thunderbird sweep page and
// the Outlook sweep panel alike. It shows the words of floodView() (the same the HTML export holds):
// the answer with its evidence, the chart, what to do for the user's domain, the campaign, and the
// admin's rules with a copy button each.
//
// Props:
//   report      FloodReport from floodReport().
//   lang?       'en' | 'de' (default 'en').
//   onExport?   the shell's "Export report…" (a download, a blob link); no button without it.
//   copy?       writes text to the clipboard (default navigator.clipboard.writeText when present).
//   compact?    leave out the campaign and admin blocks (a narrow pane shows them in the export).
//
// Text only: every value from mail is a text node inside <bdi>; nothing here sets HTML.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../i18n/index';
import { floodHtml } from '../src/flood/html';
import { floodReport } from '../src/flood/report';
import type { FloodItem, FloodReport as Report } from '../src/flood/types';
import { type Text, floodView } from '../src/flood/view';
import type { Profile } from '../src/types';
import { emptyProfile } from '../src/verdict/profile';
import { TimelineChart } from './TimelineChart';

export interface FloodReportProps {
  report: Report;
  lang?: Lang;
  onExport?: () => void;
  /** "Export report…" as a download link: the HTML export (floodHtml) as a blob, saved under this name. */
  exportFile?: string;
  copy?: (text: string) => Promise<void>;
  compact?: boolean;
}

function Parts({ text }: { text: Text }) {
  return <>{text.map((p, i) => (p.isolate ? <bdi key={i}>{p.text}</bdi> : p.text))}</>;
}

function defaultCopy(text: string): Promise<void> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  return clipboard === undefined ? Promise.reject(new Error('no clipboard')) : clipboard.writeText(text);
}

function CopyBlock({
  id,
  title,
  note,
  text,
  labels,
  copy,
}: {
  id: string;
  title: string;
  note: Text;
  text: string;
  labels: { copy: string; copied: string };
  copy: (text: string) => Promise<void>;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="bg-flood__block" data-block={id}>
      <h4>{title}</h4>
      <p>
        <Parts text={note} />
      </p>
      <pre>
        <code>{text}</code>
      </pre>
      <button
        type="button"
        class="bg-button bg-button--secondary"
        data-action="copy"
        onClick={() => {
          copy(text).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? labels.copied : labels.copy}
      </button>
    </div>
  );
}

/** An object URL for the export, revoked when the report changes or the component goes. */
function useExportUrl(report: Report, lang: Lang, wanted: boolean): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!wanted || typeof URL.createObjectURL !== 'function') {
      return undefined;
    }
    const made = URL.createObjectURL(
      new Blob([floodHtml(report, lang, { now: Date.now() })], { type: 'text/html;charset=utf-8' }),
    );
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [report, lang, wanted]);
  return url;
}

export function FloodReport({
  report,
  lang = 'en',
  onExport,
  exportFile,
  copy = defaultCopy,
  compact = false,
}: FloodReportProps) {
  const v = floodView(report, lang);
  const exportUrl = useExportUrl(report, lang, exportFile !== undefined);
  return (
    <section class={`bg-flood bg-flood--${v.tone}`} data-answer={report.answer.id} aria-label={v.title}>
      <div class="bg-flood__answer" aria-live="polite">
        <h2 class="bg-flood__title">
          <Parts text={v.answer.title} />
        </h2>
        <p>
          <Parts text={v.answer.summary} />
        </p>
        {v.answer.evidence.length > 0 ? (
          <details>
            <summary>{v.labels.why}</summary>
            <ul>
              {v.answer.evidence.map((t, i) => (
                <li key={i}>
                  <Parts text={t} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {v.answer.notes.map((t, i) => (
          <p key={i} class="bg-flood__note">
            <Parts text={t} />
          </p>
        ))}
      </div>
      <TimelineChart model={v.chart} />
      <p class="bg-flood__counts">
        <Parts text={v.counts} /> {v.period !== undefined ? <Parts text={v.period} /> : null}
      </p>
      {v.domain !== undefined && v.domain.steps.length > 0 ? (
        <div class="bg-flood__domain">
          <h3>
            <Parts text={v.domain.heading} />
          </h3>
          <ol>
            {v.domain.steps.map((t, i) => (
              <li key={i}>
                <Parts text={t} />
              </li>
            ))}
          </ol>
          <ul class="bg-flood__facts">
            {v.domain.facts.map((t, i) => (
              <li key={i}>
                <Parts text={t} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!compact && v.campaign !== undefined ? (
        <details class="bg-flood__campaign">
          <summary>{v.campaign.heading}</summary>
          <p>
            <Parts text={v.campaign.summary} />
          </p>
          <p>{v.campaign.subjectsHeading}</p>
          <ul>
            {v.campaign.subjects.map(s => (
              <li key={s.text}>
                <bdi>{s.text}</bdi> <span class="bg-flood__count">{s.count}</span>
              </li>
            ))}
          </ul>
          <p>
            <Parts text={v.campaign.hostsHeading} />
          </p>
          <ul>
            {v.campaign.hosts.map(h => (
              <li key={`${h.host} ${h.ip}`}>
                <bdi>{h.host}</bdi>
                {h.ip !== '' ? (
                  <>
                    {' ['}
                    <bdi>{h.ip}</bdi>
                    {']'}
                  </>
                ) : null}{' '}
                <span class="bg-flood__count">{h.count}</span>
                {h.note.length > 0 ? (
                  <span class="bg-flood__count">
                    {' ('}
                    <Parts text={h.note} />
                    {')'}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {!compact ? (
        <details class="bg-flood__admin">
          <summary>{v.admin.heading}</summary>
          <p>
            <Parts text={v.admin.intro} />
          </p>
          {v.admin.blocks.map(b => (
            <CopyBlock key={b.id} {...b} labels={v.labels} copy={copy} />
          ))}
        </details>
      ) : null}
      {exportFile !== undefined && exportUrl !== undefined ? (
        <div class="bg-flood__actions">
          <a class="bg-button bg-button--primary" data-action="export" href={exportUrl} download={exportFile}>
            {v.labels.export}
          </a>
        </div>
      ) : null}
      {onExport !== undefined ? (
        <div class="bg-flood__actions">
          <button
            type="button"
            class="bg-button bg-button--primary"
            data-action="export"
            onClick={() => onExport()}
          >
            {v.labels.export}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The addresses a set of notices was sent to, most frequent first: in the user's own folder, that is
 * the user. For shells that have no learned profile at hand.
 */
export function addressesOf(items: readonly FloodItem[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.decision.verdict === undefined) {
      continue;
    }
    for (const to of item.analysis.to.slice(0, 3)) {
      const a = to.address.toLowerCase();
      counts.set(a, (counts.get(a) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 3)
    .map(([a]) => a);
}

export interface SweepFloodReportProps extends Omit<FloodReportProps, 'report'> {
  /** The checked messages of a sweep, as they come in; nothing is shown until one has a verdict. */
  items: readonly FloodItem[];
  /** The profile the verdicts were made with; absent: the addresses the notices were sent to. */
  profile?: Profile | undefined;
}

/** The report over a sweep's messages: what the shells put above their list. */
export function SweepFloodReport({ items, profile, ...props }: SweepFloodReportProps) {
  const report = useMemo(
    () => floodReport(items, profile ?? emptyProfile(addressesOf(items))),
    [items, profile],
  );
  return report.automated === 0 ? null : <FloodReport report={report} {...props} />;
}
