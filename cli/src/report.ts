// `backscatter-guard report`: the flood report (issue 13) over every message of the PATHs. It reads and
// decides like `scan` with a verdict (the Sent folder answers the lookups and teaches the profile, each
// bounce sees the campaign history of the folder), then hands everything to the engine's floodReport()
// and prints its words, a sparkline of the timeline, or --json; --html FILE writes the export.
// fs.promises at the call, not node:fs/promises at the top: the scan command, in the same bundle, never
// loads it (analysis-pool.ts, inputs.ts).
import { promises as fsPromises } from 'node:fs';
import {
  SentIndex,
  analyze,
  decide,
  learnProfileFromSummaries,
  summarizeHeaders,
  type Analysis,
  type OriginalMessage,
} from '../../shared/src/index';
import {
  floodHtml,
  floodReport,
  floodView,
  sparkline,
  type FloodItem,
  type FloodReport,
  type Text,
} from '../../shared/src/flood/index';
import type { Lang } from '../../shared/i18n/index';
import { histories } from './history';
import { planInputs, readMessages } from './inputs';
import { ProgressBar, wantsProgress } from './progress';
import { optionsOrExit, type Terminal } from './scan';
import { ansi, plain, sanitize, type Paint } from './text';
import { languageOf, lookupsFor, newestFirst } from './verdict';

export interface ReportDeps {
  /** Writes the --html file (tests pass a fake). */
  writeFile?: (path: string, text: string) => Promise<void>;
  /** Now, for the export's footer. */
  now?: () => number;
  /** The user's offset from UTC in minutes, for the timeline (default: this machine's). */
  utcOffsetMinutes?: number;
}

async function readAll(
  paths: readonly string[],
  terminal: Terminal,
  label: string,
  onMessage: (bytes: Uint8Array) => Promise<void>,
  progress: boolean,
): Promise<void> {
  const plan = await planInputs(paths);
  const totalBytes = plan.reduce((sum, p) => sum + (p.type === 'file' ? p.size : 0), 0);
  const bar = wantsProgress(totalBytes, plan.length, terminal.stderrIsTty, progress)
    ? new ProgressBar(terminal.stderr, totalBytes, terminal.columns ?? 80)
    : undefined;
  let done = 0;
  let count = 0;
  for (const input of plan) {
    for await (const message of readMessages(input, terminal.readStdin)) {
      if (message.error !== undefined) {
        bar?.clear();
        terminal.stderr(`backscatter-guard: ${label}${message.source}: ${message.error} (skipped)\n`);
      } else {
        await onMessage(message.bytes);
      }
      count++;
      bar?.update(done + (message.position ?? 0), count);
    }
    done += input.type === 'file' ? input.size : 0;
  }
  bar?.clear();
}

// Values come from mail (subjects, host names): inert text on a terminal, like scan's table.
const line = (t: Text) => t.map(p => (p.isolate ? sanitize(p.text) : p.text)).join('');

/** The report as terminal text: the answer first, then the chart line, the domain, campaign and admin rules. */
export function reportText(report: FloodReport, lang: Lang, columns: number, paint: Paint = plain): string {
  const v = floodView(report, lang);
  const out: string[] = [];
  const tone =
    v.tone === 'forged' ? 'red' : v.tone === 'account' ? 'yellow' : v.tone === 'real' ? 'green' : 'dim';
  out.push(paint('bold', v.title), '', paint(tone, line(v.answer.title)), `  ${line(v.answer.summary)}`);
  if (v.answer.evidence.length > 0) {
    out.push('', `${v.labels.why}:`, ...v.answer.evidence.map(t => `  - ${line(t)}`));
  }
  out.push(...v.answer.notes.map(t => `  ${line(t)}`), '');
  out.push(line(v.counts) + (v.period ? ` ${line(v.period)}` : ''));
  const t = report.timeline;
  const spark = sparkline(t, Math.max(10, columns - 2));
  if (spark !== '' && t.peak !== undefined) {
    out.push(`${v.chart.title}:`, `  ${paint('red', spark)}`, `  ${v.chart.desc}`);
  }
  if (v.domain !== undefined) {
    out.push('', paint('bold', line(v.domain.heading)));
    out.push(
      ...v.domain.steps.map((s, i) => `  ${i + 1}. ${line(s)}`),
      ...v.domain.facts.map(f => `  - ${line(f)}`),
    );
  }
  if (v.campaign !== undefined) {
    const c = v.campaign;
    out.push('', paint('bold', c.heading), `  ${line(c.summary)}`, `  ${c.subjectsHeading}`);
    out.push(...c.subjects.map(s => `    ${s.count.padStart(5)}  ${sanitize(s.text)}`));
    out.push(`  ${line(c.hostsHeading)}`);
    out.push(
      ...c.hosts.map(
        h =>
          `    ${h.count.padStart(5)}  ${sanitize(h.host)}${h.ip ? ` [${sanitize(h.ip)}]` : ''}${h.note.length > 0 ? ` (${line(h.note)})` : ''}`,
      ),
    );
  }
  out.push('', paint('bold', v.admin.heading), `  ${line(v.admin.intro)}`);
  for (const b of v.admin.blocks) {
    out.push(
      '',
      paint('bold', `  ${b.title}`),
      `  ${line(b.note)}`,
      '',
      ...b.text
        .trimEnd()
        .split('\n')
        .map(l => `    ${l}`),
    );
  }
  return `${out.join('\n')}\n`;
}

export async function runReport(
  argv: readonly string[],
  terminal: Terminal,
  deps: ReportDeps = {},
): Promise<number> {
  const options = optionsOrExit(argv, terminal);
  if (typeof options === 'number') {
    return options;
  }
  if (options.me.length === 0 && options.sent.length === 0) {
    terminal.stderr('backscatter-guard: report needs your address (--me) or your Sent folder (--sent)\n');
    return 2;
  }
  const summaries: OriginalMessage[] = [];
  await readAll(
    options.sent,
    terminal,
    '--sent ',
    async bytes => void summaries.push(summarizeHeaders(bytes)),
    options.progress,
  );
  if (options.sent.length > 0 && summaries.length === 0) {
    terminal.stderr('backscatter-guard: no readable message in --sent; Sent lookups are "unavailable"\n');
  }
  const sent = summaries.length > 0 ? new SentIndex(newestFirst(summaries)) : undefined;
  const profile = learnProfileFromSummaries(sent?.summaries ?? [], options.me, { relays: options.relays });
  const analyses: Analysis[] = [];
  await readAll(
    options.paths,
    terminal,
    '',
    async bytes => void analyses.push(await analyze(bytes)),
    options.progress,
  );
  const history = histories(analyses);
  const items: FloodItem[] = analyses.map((analysis, i) => ({
    analysis,
    decision: decide(analysis, profile, lookupsFor(analysis, sent), history[i]),
  }));
  const report = floodReport(items, profile, {
    utcOffsetMinutes: deps.utcOffsetMinutes ?? -new Date().getTimezoneOffset(),
  });
  const lang = languageOf(options.lang, terminal.env);
  if (options.html !== undefined) {
    const html = floodHtml(report, lang, { now: (deps.now ?? Date.now)() });
    await (deps.writeFile ?? ((path, text) => fsPromises.writeFile(path, text, 'utf8')))(options.html, html);
    terminal.stderr(`backscatter-guard: report written to ${options.html}\n`);
  }
  if (options.json) {
    terminal.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const colour =
      options.color ??
      (terminal.stdoutIsTty && terminal.env['NO_COLOR'] === undefined && terminal.env['TERM'] !== 'dumb');
    terminal.stdout(
      reportText(report, lang, terminal.stdoutIsTty ? (terminal.columns ?? 80) : 80, colour ? ansi : plain),
    );
  }
  return 0;
}
