// Pure formatting of scan results: the --json record (a public contract: add fields, never rename) and
// the table rows. No I/O here; main.ts decides where the strings go.
import type {
  Analysis,
  Decision,
  Evidence,
  ExplanationItem,
  Mailbox,
  MessageKind,
  OriginalMessage,
  Verdict,
} from '../../shared/src/index';
import { AUTOMATED_KINDS } from '../../shared/src/index';
import { type Paint, type Colour, fit, fitLeft, plain, sanitize } from './text';

/** What the scan produced for one message (or one unreadable file). */
export interface ScanResult {
  source: string;
  analysis?: Analysis | undefined;
  decision?: Decision | undefined;
  error?: string | undefined;
}

export interface JsonRecipient {
  address: string;
  action: string | null;
  status: string | null;
  replyCode: string | null;
  reason: string;
  diagnostic: string | null;
  remoteMta: string | null;
}

export interface JsonOriginal {
  found: boolean;
  via: string | null;
  headersTruncated: boolean | null;
  bodyTruncated: boolean | null;
  messageId: string | null;
  from: JsonMailbox[];
  to: JsonMailbox[];
  subject: string | null;
  date: string | null;
  inReplyTo: string | null;
  received: JsonHop[];
  auth: JsonAuth[];
  dkim: { domain: string; selector: string | null }[];
}

export interface JsonHop {
  fromHost: string | null;
  helo: string | null;
  ip: string | null;
  byHost: string | null;
  protocol: string | null;
  date: string | null;
}

export interface JsonAuth {
  source: string;
  authserv: string | null;
  method: string;
  result: string;
  domain: string | null;
}

export interface JsonMailbox {
  name: string | null;
  address: string;
}

export interface JsonRecord {
  source: string;
  kind: MessageKind | null;
  format: string | null;
  subject: string | null;
  recipients: JsonRecipient[];
  original: JsonOriginal;
  error: string | null;
  warnings: string[];
  /** The MTA that wrote the report. */
  reportingMta: string | null;
  /** For auto-replies and challenges: what they answer (issue 2 §2). */
  answering: { inReplyTo: string | null; references: string[]; quotedSubject: string | null } | null;
  challengeVendor: string | null;
  /** The software or provider that wrote the report ('postfix', 'exchange', 'gmail', …), when recognised. */
  mta: string | null;
  // Added by the verdict (issue 3) when the CLI runs decide(); absent otherwise.
  verdict?: Verdict | null;
  confidence?: number | null;
  evidence?: Evidence[];
  explanation?: (ExplanationItem & { text: string })[];
}

// `?? null`, not a helper: the record is built once per message, too few times for V8's optimising
// compiler, and a call per field in the baseline code was ~0.01 G instructions over the bench's mbox.
//
// The --json line is JSON.stringify of this record: over the bench's mbox (issue 10 §4, valgrind, Node
// 20) the record costs ~0.05 G instructions, JSON.stringify ~0.14 G, the write ~0.02 G, of a 4.66 G run.
// Writing the line without the record was measured and lost, output byte-identical: string pieces
// joined with `+` 4.76 G (the write flattens ~150 pieces a line), pushed to one array and joined 4.71 G,
// escapes found by a charCodeAt loop 5.06 G, UTF-8 straight into a buffer slower even when warm. With
// compiler.ts's budget such a writer stays in baseline code (--trace-opt), against JSON.stringify's C++.
const mailbox = (m: Mailbox): JsonMailbox => ({ name: m.name ?? null, address: m.address });

function jsonOriginal(original: OriginalMessage | undefined): JsonOriginal {
  if (original === undefined) {
    return {
      found: false,
      via: null,
      headersTruncated: null,
      bodyTruncated: null,
      messageId: null,
      from: [],
      to: [],
      subject: null,
      date: null,
      inReplyTo: null,
      received: [],
      auth: [],
      dkim: [],
    };
  }
  return {
    found: true,
    via: original.via,
    headersTruncated: original.headersTruncated,
    bodyTruncated: original.bodyTruncated,
    messageId: original.messageId ?? null,
    from: original.from.map(mailbox),
    to: original.to.map(mailbox),
    subject: original.subject ?? null,
    date: original.date ?? null,
    inReplyTo: original.inReplyTo ?? null,
    // Nested records too carry every key (null when unknown), like the top level.
    received: original.received.map(h => ({
      fromHost: h.fromHost ?? null,
      helo: h.helo ?? null,
      ip: h.ip ?? null,
      byHost: h.byHost ?? null,
      protocol: h.protocol ?? null,
      date: h.date ?? null,
    })),
    auth: original.auth.map(a => ({
      source: a.source,
      authserv: a.authserv ?? null,
      method: a.method,
      result: a.result,
      domain: a.domain ?? null,
    })),
    dkim: original.dkim.map(d => ({ domain: d.domain, selector: d.selector ?? null })),
  };
}

export type ExplainText = (item: ExplanationItem) => string;

/** The --json object for one result. Every field is present (null when unknown) so consumers need no guards. */
export function toJsonRecord(result: ScanResult, explain?: ExplainText): JsonRecord {
  const a = result.analysis;
  const record: JsonRecord = {
    source: result.source,
    kind: a ? a.kind : null,
    format: a?.format ?? null,
    subject: a?.subject ?? null,
    recipients: (a?.recipients ?? []).map(r => ({
      address: r.address,
      action: r.action ?? null,
      status: r.status ?? null,
      replyCode: r.replyCode ?? null,
      reason: r.reason,
      diagnostic: r.diagnostic ?? null,
      remoteMta: r.remoteMta ?? null,
    })),
    original: jsonOriginal(a?.original),
    error: result.error ?? null,
    warnings: a?.warnings ?? [],
    reportingMta: a?.reportingMta ?? null,
    answering: a?.answering
      ? {
          inReplyTo: a.answering.inReplyTo ?? null,
          references: a.answering.references,
          quotedSubject: a.answering.quotedSubject ?? null,
        }
      : null,
    challengeVendor: a?.challengeVendor ?? null,
    mta: a?.mta ?? null,
  };
  if (result.decision !== undefined) {
    const d = result.decision;
    record.verdict = d.verdict ?? null;
    record.confidence = d.verdict === undefined ? null : Math.round(d.confidence * 1000) / 1000;
    record.evidence = d.evidence;
    record.explanation = d.explanation.map(item => ({ ...item, text: explain ? explain(item) : item.key }));
  }
  return record;
}

// ---------------------------------------------------------------------------------------------
// The table

export const KIND_COLOUR: Record<MessageKind, Colour | undefined> = {
  ndr: 'red',
  delay: 'yellow',
  'delivery-receipt': 'green',
  'auto-reply': 'cyan',
  challenge: 'magenta',
  'virus-notice': 'red',
  'read-receipt': 'green',
  'feedback-report': 'blue',
  other: 'dim',
};

export const VERDICT_COLOUR: Record<Verdict, Colour> = {
  backscatter: 'magenta',
  legitimate: 'green',
  unsure: 'yellow',
};

export interface TableLayout {
  source: number;
  kind: number;
  verdict: number; // 0 = no verdict column
  recipients: number;
  reason: number;
  subject: number;
}

/**
 * Column widths for a terminal `columns` wide (80 and up fit exactly; the subject takes what is left).
 * With a verdict the reason column holds a sentence ("The address … does not exist."), so it gets room.
 */
export function tableLayout(columns: number, withVerdict: boolean): TableLayout {
  const verdict = withVerdict ? 11 : 0; // "backscatter"
  const kind = columns >= 120 ? 16 : 12; // "delivery-receipt" in full when there is room
  const gaps = (withVerdict ? 5 : 4) * 2;
  const avail = Math.max(columns - kind - verdict - gaps, 44);
  const share = (part: number, min: number, max: number): number =>
    Math.min(max, Math.max(min, Math.floor(avail * part)));
  const source = share(withVerdict ? 0.2 : 0.27, 8, 34);
  const recipients = share(withVerdict ? 0.2 : 0.27, 8, 34);
  const reason = withVerdict ? share(0.36, 8, 70) : share(0.18, 8, 28);
  const subject = Math.max(10, avail - source - recipients - reason);
  return { source, kind, verdict, recipients, reason, subject };
}

function cells(
  layout: TableLayout,
  values: {
    source: string;
    kind: string;
    verdict: string;
    recipients: string;
    reason: string;
    subject: string;
  },
  paint: Paint,
  colours: { kind?: Colour | undefined; verdict?: Colour | undefined; reason?: Colour | undefined } = {},
): string {
  const parts = [fitLeft(values.source, layout.source), paint(colours.kind, fit(values.kind, layout.kind))];
  if (layout.verdict > 0) {
    parts.push(paint(colours.verdict, fit(values.verdict, layout.verdict)));
  }
  parts.push(
    fit(values.recipients, layout.recipients),
    paint(colours.reason, fit(values.reason, layout.reason)),
    fit(values.subject, layout.subject, false),
  );
  return parts.join('  ').trimEnd();
}

export function tableHeader(layout: TableLayout, paint: Paint): string {
  return paint(
    'bold',
    cells(
      layout,
      {
        source: 'SOURCE',
        kind: 'KIND',
        verdict: 'VERDICT',
        recipients: 'RECIPIENTS',
        reason: layout.verdict > 0 ? 'WHY' : 'REASON',
        subject: 'ORIGINAL SUBJECT',
      },
      plain,
    ),
  );
}

const REPLY_KINDS: ReadonlySet<MessageKind> = new Set(['auto-reply', 'challenge', 'read-receipt']);

/** "a@x.org +2"; "from boss@x.org" for an auto-reply */
export function recipientsCell(analysis: Analysis): string {
  const first = analysis.recipients[0];
  if (first === undefined) {
    if (analysis.kind === 'other') {
      return '';
    }
    // An auto-reply, challenge or receipt names no failed recipient: who answered is the useful fact.
    const who = REPLY_KINDS.has(analysis.kind) ? analysis.from?.address : undefined;
    return who === undefined ? '—' : `from ${sanitize(who)}`;
  }
  const more = analysis.recipients.length - 1;
  return sanitize(first.address) + (more > 0 ? ` +${more}` : '');
}

/** The first recipient's reason with its status code: "user-unknown 5.1.1". */
export function reasonCell(analysis: Analysis): string {
  const first = analysis.recipients[0];
  if (first === undefined) {
    return analysis.challengeVendor ? `vendor ${sanitize(analysis.challengeVendor)}` : '';
  }
  // The status and reply code come from the message: as inert as every other cell.
  return sanitize([first.reason, first.status ?? first.replyCode].filter(Boolean).join(' '));
}

/** The subject of what was bounced or answered; for ordinary mail, its own subject, dimmed. */
export function subjectCell(analysis: Analysis): string {
  const s =
    analysis.original?.subject ??
    analysis.answering?.quotedSubject ??
    (analysis.kind === 'other' ? analysis.subject : undefined);
  return s === undefined ? '' : sanitize(s);
}

export type WhyText = (decision: Decision, analysis: Analysis) => string;

export function tableRow(result: ScanResult, layout: TableLayout, paint: Paint, why?: WhyText): string {
  const source = sanitize(result.source);
  if (result.error !== undefined || result.analysis === undefined) {
    return cells(
      layout,
      {
        source,
        kind: 'error',
        verdict: '',
        recipients: '',
        reason: sanitize(result.error ?? 'not analysed'),
        subject: '',
      },
      paint,
      { kind: 'red', reason: 'red' },
    );
  }
  const a = result.analysis;
  const d = result.decision;
  const verdict = d?.verdict ?? '';
  const reason =
    layout.verdict > 0 && d !== undefined && d.verdict !== undefined && why
      ? sanitize(why(d, a))
      : reasonCell(a);
  return cells(
    layout,
    { source, kind: a.kind, verdict, recipients: recipientsCell(a), reason, subject: subjectCell(a) },
    paint,
    { kind: KIND_COLOUR[a.kind], verdict: d?.verdict ? VERDICT_COLOUR[d.verdict] : undefined },
  );
}

// ---------------------------------------------------------------------------------------------
// The summary line

export interface Tally {
  messages: number;
  errors: number;
  kinds: Partial<Record<MessageKind, number>>;
  verdicts: Partial<Record<Verdict, number>>;
}

export const emptyTally = (): Tally => ({ messages: 0, errors: 0, kinds: {}, verdicts: {} });

export function addToTally(tally: Tally, result: ScanResult): void {
  if (result.error !== undefined || result.analysis === undefined) {
    tally.errors++;
    return;
  }
  countMessage(tally, result.analysis.kind, result.decision?.verdict);
}

/** One analysed message of this kind (and verdict, when one was made) in the tally. */
export function countMessage(tally: Tally, kind: MessageKind, verdict: Verdict | undefined): void {
  tally.messages++;
  tally.kinds[kind] = (tally.kinds[kind] ?? 0) + 1;
  if (verdict !== undefined) {
    tally.verdicts[verdict] = (tally.verdicts[verdict] ?? 0) + 1;
  }
}

const KIND_ORDER: readonly MessageKind[] = [...AUTOMATED_KINDS, 'other'];
const VERDICT_ORDER: readonly Verdict[] = ['backscatter', 'legitimate', 'unsure'];

/** "12 messages: 7 ndr, 1 auto-reply, 4 other · verdicts: 5 backscatter, 2 legitimate · 1 unreadable" */
export function summaryLine(tally: Tally): string {
  const n = (x: number | undefined): string => (x ?? 0).toLocaleString('en-US');
  const kinds = KIND_ORDER.filter(k => (tally.kinds[k] ?? 0) > 0).map(k => `${n(tally.kinds[k])} ${k}`);
  let line = `${n(tally.messages)} message${tally.messages === 1 ? '' : 's'}${kinds.length > 0 ? ': ' + kinds.join(', ') : ''}`;
  const verdicts = VERDICT_ORDER.filter(v => (tally.verdicts[v] ?? 0) > 0).map(
    v => `${n(tally.verdicts[v])} ${v}`,
  );
  if (verdicts.length > 0) {
    line += ` · verdicts: ${verdicts.join(', ')}`;
  }
  if (tally.errors > 0) {
    line += ` · ${n(tally.errors)} unreadable`;
  }
  return line;
}
