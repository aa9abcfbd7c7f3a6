// The report in words, once, for every renderer: the Preact component (shared/ui/FloodReport.tsx) and
// the self-contained HTML export (html.ts) show exactly this. Sentences come from shared/i18n; every
// value filled into them is a separate part marked `isolate`, because values come from mail (subjects,
// host names) and must be shown bidi-isolated and as text only.
import { floodTables } from '../../i18n/flood';
import { tables, type Lang } from '../../i18n/index';
import { type ChartModel, chartModel } from './chart';
import type { FloodFact, FloodReport, Timeline } from './types';

export interface Part {
  text: string;
  /** A value from the report (possibly from a message): render isolated (<bdi>), as text. */
  isolate: boolean;
}
export type Text = readonly Part[];

export type Tone = 'forged' | 'account' | 'real' | 'unclear' | 'quiet';

export interface FloodView {
  lang: Lang;
  title: string;
  tone: Tone;
  answer: { title: Text; summary: Text; evidence: Text[]; notes: Text[] };
  counts: Text;
  period: Text | undefined;
  kinds: Text[];
  chart: ChartModel;
  campaign:
    | {
        heading: string;
        summary: Text;
        subjectsHeading: string;
        subjects: { text: string; count: string }[];
        hostsHeading: Text;
        /** `note`: what the machine called itself and whether it looks like a bot; empty when nothing. */
        hosts: { host: string; ip: string; count: string; note: Text }[];
      }
    | undefined;
  domain: { heading: Text; facts: Text[]; steps: Text[] } | undefined;
  admin: { heading: string; intro: Text; blocks: { id: string; title: string; note: Text; text: string }[] };
  footer: Text;
  labels: { why: string; export: string; copy: string; copied: string; kinds: string };
}

type Params = Readonly<Record<string, string | number | readonly string[]>>;

/** format(), but as parts: template text plain, each filled value isolated. */
export function formatParts(key: string, params: Params, lang: Lang): Text {
  const template = floodTables[lang][key] ?? floodTables.en[key] ?? tables[lang][key] ?? tables.en[key];
  if (template === undefined) {
    return [{ text: key, isolate: false }];
  }
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([a-zA-Z0-9_-]+)\}/g)) {
    const value = Object.hasOwn(params, m[1]!) ? params[m[1]!] : undefined;
    if (m.index > last) {
      parts.push({ text: template.slice(last, m.index), isolate: false });
    }
    parts.push(value === undefined ? { text: m[0], isolate: false } : { text: render(value), isolate: true });
    last = m.index + m[0].length;
  }
  if (last < template.length) {
    parts.push({ text: template.slice(last), isolate: false });
  }
  return parts;
}

function render(value: Params[string]): string {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  }
  return typeof value === 'string' ? value : value.join(', ');
}

export const plainText = (t: Text): string => t.map(p => p.text).join('');

/** One string of the report's tables (or the main table, for kinds) as plain text. */
const format = (key: string, params: Params = {}, lang: Lang = 'en'): string =>
  plainText(formatParts(key, params, lang));

const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', de: 'de-DE' };

/** A time as the user reads it: their offset applied, then formatted as UTC wall time. */
export function formatTime(t: number, lang: Lang, offsetMinutes: number, withTime: boolean): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { year: 'numeric' }),
  }).format(new Date(t + offsetMinutes * 60_000));
}

const fact = (prefix: string, f: FloodFact, lang: Lang) => formatParts(`${prefix}.${f.id}`, f.params, lang);

function chartFor(timeline: Timeline, lang: Lang): ChartModel {
  const unit = format(`flood.unit.${timeline.unit}`, {}, lang);
  const withTime = timeline.unit === 'hour';
  const time = (t: number) => formatTime(t, lang, timeline.utcOffsetMinutes, withTime);
  const dated = timeline.buckets.reduce((n, b) => n + b.backscatter + b.legitimate + b.unsure, 0);
  return chartModel(timeline, {
    title: format('flood.chart.title', { unit }, lang),
    desc:
      timeline.peak === undefined
        ? format('flood.chart.empty', {}, lang)
        : format(
            'flood.chart.desc',
            {
              count: dated,
              first: time(timeline.buckets[0]!.start),
              last: time(timeline.buckets[timeline.buckets.length - 1]!.start),
              unit,
              backscatter: timeline.buckets.reduce((n, b) => n + b.backscatter, 0),
              legitimate: timeline.buckets.reduce((n, b) => n + b.legitimate, 0),
              unsure: timeline.buckets.reduce((n, b) => n + b.unsure, 0),
              peak: timeline.peak.count,
              peakStart: time(timeline.peak.start),
            },
            lang,
          ),
    empty: format('flood.chart.empty', {}, lang),
    series: {
      backscatter: format('flood.series.backscatter', {}, lang),
      legitimate: format('flood.series.legitimate', {}, lang),
      unsure: format('flood.series.unsure', {}, lang),
    },
    tick: time,
  });
}

const TONES: Readonly<Record<FloodReport['answer']['id'], Tone>> = {
  forged: 'forged',
  'account-used': 'account',
  'real-only': 'real',
  unclear: 'unclear',
  quiet: 'quiet',
};

export interface ViewOptions {
  /** When the report was made (ms since the epoch), for the footer; omitted: no date. */
  now?: number;
}

export function floodView(report: FloodReport, lang: Lang, options: ViewOptions = {}): FloodView {
  const offset = report.timeline.utcOffsetMinutes;
  const { answer, campaign, domain } = report;
  const v = report.verdicts;
  const kinds = Object.entries(report.kinds).map(([kind, counts]) =>
    formatParts('flood.kind-count', { kind: format(`kind.${kind}`, {}, lang), ...counts }, lang),
  );
  const domainFacts: Text[] = [];
  if (domain.domain !== undefined) {
    domainFacts.push(
      formatParts(
        `flood.domain.dmarc.${domain.dmarc.policy}`,
        { domain: domain.domain, seen: domain.dmarc.seen },
        lang,
      ),
      formatParts(`flood.domain.spf.${domain.spf.result}`, { domain: domain.domain }, lang),
    );
    if (domain.kind === 'own') {
      domainFacts.push(
        domain.dkim.realMailSignedBy.length > 0
          ? formatParts('flood.domain.dkim.signed', { domains: domain.dkim.realMailSignedBy }, lang)
          : formatParts('flood.domain.dkim.unsigned', {}, lang),
      );
    }
    if (domain.dkim.forgedPassed > 0) {
      domainFacts.push(
        formatParts(
          'flood.domain.dkim.forged-passed',
          { count: domain.dkim.forgedPassed, domain: domain.domain },
          lang,
        ),
      );
    }
  }
  const relays = report.admin.find(a => a.id === 'spamassassin')?.params['relays'] ?? '';
  return {
    lang,
    title: format('flood.title', {}, lang),
    tone: TONES[answer.id],
    answer: {
      title: formatParts(`flood.answer.${answer.id}.title`, answer.params, lang),
      summary: formatParts(`flood.answer.${answer.id}.summary`, answer.params, lang),
      evidence: answer.evidence.map(f => fact('flood.evidence', f, lang)),
      notes: answer.notes.map(f => fact('flood.note', f, lang)),
    },
    counts: formatParts('flood.counts', { total: report.total, automated: report.automated, ...v }, lang),
    period:
      report.first === undefined || report.last === undefined
        ? undefined
        : formatParts(
            'flood.period',
            {
              first: formatTime(report.first, lang, offset, true),
              last: formatTime(report.last, lang, offset, true),
            },
            lang,
          ),
    kinds,
    chart: chartFor(report.timeline, lang),
    campaign:
      campaign.messages === 0
        ? undefined
        : {
            heading: format('flood.campaign.heading', {}, lang),
            summary: formatParts(
              'flood.campaign.summary',
              {
                messages: campaign.messages,
                domains: campaign.bouncingDomains,
                subjects: campaign.distinctSubjects,
              },
              lang,
            ),
            subjectsHeading: format('flood.campaign.subjects', {}, lang),
            subjects: campaign.subjects.map(s => ({
              text: s.text,
              count: format('flood.campaign.count', { count: s.count }, lang),
            })),
            hostsHeading: formatParts(
              'flood.campaign.hosts',
              { hosts: campaign.distinctEntryHosts, bots: campaign.botEntries, traced: campaign.traced },
              lang,
            ),
            hosts: campaign.entryHosts.map(h => ({
              host: h.host,
              ip: h.ip !== undefined && h.ip !== h.host ? h.ip : '',
              count: format('flood.campaign.count', { count: h.count }, lang),
              note:
                h.claimed !== undefined && h.claimed !== h.host
                  ? formatParts(
                      h.botLike ? 'flood.campaign.claimed-bot' : 'flood.campaign.claimed',
                      { name: h.claimed },
                      lang,
                    )
                  : h.botLike
                    ? formatParts('flood.campaign.bot', {}, lang)
                    : [],
            })),
          },
    domain:
      domain.domain === undefined && domain.steps.length === 0
        ? undefined
        : {
            heading: formatParts('flood.domain.heading', { domain: domain.domain ?? '' }, lang),
            facts: domainFacts,
            steps: domain.steps.map(f => fact('flood.step', f, lang)),
          },
    admin: {
      heading: format('flood.admin.heading', {}, lang),
      intro:
        report.admin.length > 0
          ? formatParts('flood.admin.intro', { relays }, lang)
          : domain.kind === 'provider'
            ? formatParts(
                'flood.admin.provider',
                { provider: domain.provider ?? '', domain: domain.domain ?? '' },
                lang,
              )
            : formatParts('flood.admin.none', {}, lang),
      blocks: report.admin.map(a => ({
        id: a.id,
        title: format(`flood.admin.${a.id}.title`, {}, lang),
        note: formatParts(`flood.admin.${a.id}.note`, a.params, lang),
        text: a.text,
      })),
    },
    footer:
      options.now === undefined
        ? []
        : formatParts(
            'flood.ui.generated',
            { date: formatTime(options.now, lang, offset, true), total: report.total },
            lang,
          ),
    labels: {
      why: format('flood.ui.why', {}, lang),
      export: format('flood.ui.export', {}, lang),
      copy: format('flood.ui.copy', {}, lang),
      copied: format('flood.ui.copied', {}, lang),
      kinds: format('flood.kinds', {}, lang),
    },
  };
}
