// analyze(bytes): what is this message? Bytes in, plain data out, for any input: it never throws and
// never rejects (a hostile message gets `other` and a warning, not an exception).
import type { Analysis, HeaderField, MessageKind, OriginalMessage, RecipientReport } from './types';
import { MAX_HEADER_BYTES, MAX_MESSAGE_BYTES, MAX_ORIGINAL_DEPTH } from './limits';
import { blankLineIn, latin1, rawHeaderEnd, readLatin1, toLf } from './mime/bytes';
import { header, parseHeaderBlock } from './mime/header-block';
import { decodeHeaderWords } from './mime/decode';
import { scanStructure } from './mime/structure';
import { cleanMessageId, parseAddresses, quickMailboxes } from './headers/addresses';
import { looksAutomated, mayBeUnmarkedAutoReply, mayQuoteBounce } from './report/gate';
import { buildContext, type Context } from './report/context';
import { FORMATS } from './report/formats/index';
import type { FormatResult } from './report/formats/types';
import { findOriginal } from './report/original';
import { identifyMta } from './report/mta/index';
import { reasonFor } from './report/reason';
import { personFacts, quotesReport } from './report/person';
import { contentFilterKind } from './report/content-filter';
import { automatedReplyFromPerson } from './report/formats/rfc3834';
import { lookupsFor } from './lookups';
import { handedOver } from './report/handed-over';
import { receivedDate } from './headers/received';
import { parseMailDate } from './sent-index';
import { displaySafe } from './display-text';

/**
 * Bytes the first look decodes: the header block of almost every message, and all of most (the rest is
 * decoded only for automated mail). 16 KB cost ~3 µs to decode at most.
 */
const FIRST_LOOK = 16 * 1024;

const BOUNCE_KINDS: ReadonlySet<MessageKind> = new Set(['ndr', 'delay', 'delivery-receipt', 'virus-notice']);

/**
 * The analysis, synchronously: nothing in the engine waits, so a shell can bound its time from the
 * calling thread (the CLI runs it under a `vm` timeout, cli/src/in-thread.ts).
 */
export function analyzeSync(input: Uint8Array): Analysis {
  try {
    // Every string a message put into the result is made safe to show here, once (display-text.ts).
    return displaySafe(analyzeBytes(input, 0));
  } catch (error) {
    // Defence in depth: every step is written not to throw; if one does, the message is still
    // answered, as ordinary mail, with the reason recorded.
    return blank([`internal-error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300)]);
  }
}

/** analyzeSync() for callers that expect a promise (the extension's and the add-in's engine ports). */
export function analyze(input: Uint8Array): Promise<Analysis> {
  return Promise.resolve(analyzeSync(input));
}

/**
 * The answer for a message whose analysis ran over a shell's time budget (issue 8 §1): ordinary mail
 * (`other`), never acted on, with the reason recorded. The shells run analyze() off their main thread
 * and stop it when the budget is spent; this is what they report in its place. The warning is the
 * one the Outlook pane uses (addin/src/verdict/worker-engine.ts).
 */
export function overBudget(): Analysis {
  return blank(['time-limit']);
}

function analyzeBytes(input: Uint8Array, depth: number): Analysis {
  const warnings: string[] = [];
  if (!(input instanceof Uint8Array)) {
    return blank(['not-bytes']);
  }
  let raw = input;
  // Blank or whitespace-only lines before the header block (a message saved by a tool that writes an
  // empty line first, or an mbox separator stripped with the line after it): RFC 5322 has no room for
  // them, and a parser that takes the first empty line as the end of the headers sees no headers at all.
  const lead = leadingBlankLines(raw);
  if (lead > 0) {
    raw = raw.subarray(lead);
    warnings.push('leading-blank-lines');
  }
  if (raw.length > MAX_MESSAGE_BYTES) {
    raw = raw.subarray(0, MAX_MESSAGE_BYTES);
    warnings.push('size-limit');
  }
  // The cheap look: the first FIRST_LOOK bytes decoded (the whole of most messages), the top header block
  // found in them by native string searches (rawHeaderEnd() for a longer one), its line endings
  // normalised, nothing else copied.
  const lookEnd = Math.min(raw.length, FIRST_LOOK);
  const [look, lookAscii] = readLatin1(raw, 0, lookEnd);
  let rawEnd = blankLineIn(look);
  if (rawEnd === -1 && lookEnd < raw.length) {
    rawEnd = rawHeaderEnd(raw, MAX_HEADER_BYTES);
  }
  const headEnd = rawEnd === -1 ? Math.min(raw.length, MAX_HEADER_BYTES) : rawEnd;
  const headText = headEnd <= lookEnd ? look.slice(0, headEnd) : latin1(raw, 0, headEnd);
  const topText = headText.includes('\r') ? headText.replace(/\r\n?/g, '\n') : headText;
  const top = parseHeaderBlock(topText);
  if (top.truncated || (rawEnd === -1 && raw.length > MAX_HEADER_BYTES)) {
    warnings.push('header-limit');
  }
  if (!looksAutomated(top.fields) && !(rawEnd !== -1 && bodyPeek(top.fields, raw, rawEnd, look))) {
    return plain(topFacts(top.fields, true), warnings);
  }
  const base = topFacts(top.fields, false);

  // One native decode, then a native search for a CR in the text (the byte array's indexOf, which toLf()
  // would run over every LF-only message, is a slower loop); only a message with CRs is copied and read again.
  const [whole, ascii] = lookEnd === raw.length ? [look, lookAscii] : readLatin1(raw);
  let bytes = raw;
  let text = whole;
  if (text.includes('\r')) {
    bytes = toLf(raw);
    text = latin1(bytes);
  }
  const structure = scanStructure(text, 0, text.length, top.fields);
  if (structure.limited) {
    warnings.push('mime-limit');
  }
  // The structure's root fields are `top.fields`: its From and To are the ones topFacts() just parsed.
  const ctx = buildContext(bytes, text, structure, { from: base.from, to: base.to }, ascii, topText);
  base.subject = ctx.subject || base.subject;

  // A person's mail is not automated (issue 10 §2): only an automated reply sent from a person's mailbox
  // is read as one; a forwarded or quoted report is ordinary mail that carries one.
  const person = personFacts(ctx);
  if (person.person) {
    const reply = automatedReplyFromPerson(ctx, person);
    if (!reply) {
      const carried = person.forwards && carriesReport(ctx, depth);
      return plain(base, warnings, carried ? ['forwarded-report'] : undefined);
    }
  }

  let result: FormatResult | undefined;
  let format: string | undefined;
  for (let i = 0; i < FORMATS.length; i++) {
    const f = FORMATS[i]!;
    result = f.match(ctx);
    if (result) {
      format = f.id;
      break;
    }
  }
  if (!result) {
    const forwarded = fromForwarded(ctx, depth);
    if (forwarded) {
      return { ...forwarded, ...base, warnings: [...warnings, ...forwarded.warnings] };
    }
    return plain(base, warnings);
  }

  // A bounce re-wrapped by a gateway (a notice with an empty address list and the real report
  // attached as message/rfc822, as TrendMicro's InterScan does): the inner report knows more.
  if (result.recipients.length === 0 && BOUNCE_KINDS.has(result.kind)) {
    const inner = fromForwarded(ctx, depth, true);
    if (inner && inner.recipients.length > 0) {
      return { ...inner, ...base, warnings: [...warnings, ...inner.warnings] };
    }
  }

  let original: OriginalMessage | undefined;
  if (BOUNCE_KINDS.has(result.kind) || ctx.embedded || ctx.headersPart) {
    original = findOriginal(ctx, result.inlineFrom);
    if (original && /^\s*(?:fwd?|fw|wg|tr|rv|enc)\s*:/i.test(ctx.subject) && BOUNCE_KINDS.has(result.kind)) {
      original = { ...original, via: 'forwarded' };
    }
  }
  let recipients = result.recipients;
  if (BOUNCE_KINDS.has(result.kind) && recipients.length > 0) {
    // A file holding two reports: the second appended after the first's closing boundary, behind an
    // mbox separator ("From MAILER-DAEMON  Thu Apr 29 23:34:45 2015"), as a saved mailbox of two. Its
    // recipients are part of what failed (or was delivered).
    const second = appendedReport(ctx, depth);
    if (second) {
      const seen = new Set(recipients.map(r => r.address));
      recipients = [...recipients, ...second.recipients.filter(r => !seen.has(r.address))];
    }
  }
  if (recipients.length === 0 && original) {
    if (result.kind === 'ndr' || result.kind === 'delay') {
      recipients = recipientsFromOriginal(original, result.kind, ctx);
    } else if (result.kind === 'feedback-report') {
      // The complained-about message's To is who complained (RFC 6650 §3: reports name no recipient
      // when the provider redacts it).
      recipients = original.to.slice(0, 20).map(m => ({
        address: m.address,
        action: undefined,
        status: undefined,
        replyCode: undefined,
        diagnostic: undefined,
        remoteMta: undefined,
        reason: 'spam-blocked' as const,
      }));
    }
  }
  const answering = result.answering;
  const kind = contentFilterKind(
    result.kind,
    recipients,
    result.inlineFrom ? ctx.body.slice(0, Math.min(result.inlineFrom, 4000)) : '',
  );
  // Built field by field, in the order the spread-built result had (JSON output unchanged): object
  // spread of differently shaped objects took V8's slow path, 10–15 µs per result (issue 10 §4).
  const a = {} as Analysis;
  if (base.receivedAt !== undefined) {
    a.receivedAt = base.receivedAt;
  }
  setTopFacts(a, base);
  a.reportingMta = result.reportingMta;
  a.kind = kind;
  a.format = format;
  a.mta = BOUNCE_KINDS.has(result.kind)
    ? identifyMta(ctx.top, ctx.subject, ctx.from?.address ?? '', ctx.body)
    : undefined;
  a.recipients = recipients;
  a.original = original;
  a.answering = answering;
  a.challengeVendor = result.challengeVendor;
  a.lookups = lookupsFor({
    kind,
    original,
    answering,
    recipients,
    from: base.from,
    date: base.date,
    subject: base.subject,
  });
  a.warnings = warnings;
  const handedOverBy = handOverOf(kind, ctx, result.inlineFrom);
  if (handedOverBy !== undefined) {
    a.handedOverBy = handedOverBy;
  }
  return a;
}

/** Who handed the message to the reporting server, by the report's own words (report/handed-over.ts). */
function handOverOf(
  kind: MessageKind,
  ctx: Context,
  inlineFrom: number | undefined,
): Analysis['handedOverBy'] {
  if (!BOUNCE_KINDS.has(kind)) {
    return undefined;
  }
  return handedOver(ctx.deliveryStatus, ctx.body.slice(0, inlineFrom ?? ctx.body.length));
}

/** A second report appended after the root multipart's closing boundary, behind an mbox separator. */
function appendedReport(ctx: Context, depth: number): Analysis | undefined {
  const root = ctx.structure.root;
  const last = root.children[root.children.length - 1];
  if (
    !root.contentType.type.startsWith('multipart/') ||
    root.unterminated ||
    !last ||
    depth >= MAX_ORIGINAL_DEPTH
  ) {
    return undefined;
  }
  const epilogue = ctx.text.slice(last.bodyEnd, root.bodyEnd);
  const at = epilogue.indexOf('\nFrom ');
  const eol = at === -1 ? -1 : epilogue.indexOf('\n', at + 1);
  // An mbox separator line: a time and a four-digit year ("From MAILER-DAEMON  Thu Apr 29 23:34:45 2015").
  const line = eol === -1 ? '' : epilogue.slice(at, Math.min(eol, at + 300));
  if (!/\d:\d\d/.test(line) || !/\b(?:19|20)\d\d\b/.test(line)) {
    return undefined;
  }
  const start = last.bodyEnd + eol + 1;
  const inner = analyzeBytes(ctx.bytes.subarray(start, root.bodyEnd), depth + 1);
  return BOUNCE_KINDS.has(inner.kind) && inner.recipients.length > 0 ? inner : undefined;
}

/** Does a person's forward carry a delivery report, quoted in the text or attached as a message? */
function carriesReport(ctx: Context, depth: number): boolean {
  if (quotesReport(ctx.body)) {
    return true;
  }
  for (let i = 0; i < FORMATS.length; i++) {
    const r = FORMATS[i]!.match(ctx);
    if (r) {
      return BOUNCE_KINDS.has(r.kind);
    }
  }
  return fromForwarded(ctx, depth, true) !== undefined;
}

/**
 * Two cheap looks at the first bytes of a body the header block could not place: an unmarked
 * out-of-office answer, and a person's reply or forward that quotes a bounce (it must be flagged).
 */
function bodyPeek(fields: HeaderField[], raw: Uint8Array, rawEnd: number, look: string): boolean {
  // Both looks are for replies and forwards only; everything else is not even decoded.
  if (
    header(fields, 'in-reply-to') === undefined &&
    header(fields, 'references') === undefined &&
    !/^\s*(?:re|aw|sv|antw|fwd?|fw|wg|tr|rv|enc)\s*:/i.test(header(fields, 'subject') ?? '')
  ) {
    return false;
  }
  const end = Math.min(raw.length, rawEnd + 4096);
  const head = end <= look.length ? look.slice(rawEnd, end) : latin1(raw, rawEnd, end);
  return mayBeUnmarkedAutoReply(fields, head.slice(0, 600)) || mayQuoteBounce(fields, head);
}

/** Bytes of blank or whitespace-only lines at the very start (0 when the first line has text). */
function leadingBlankLines(raw: Uint8Array): number {
  let cut = 0;
  const limit = Math.min(raw.length, 64 * 1024);
  for (let i = 0; i < limit; i++) {
    const b = raw[i];
    if (b === 0x0a || b === 0x0d) {
      cut = i + 1;
    } else if (b !== 0x20 && b !== 0x09) {
      break;
    }
  }
  return cut;
}

/** A forwarded bounce ("Fwd: Undelivered Mail Returned to Sender") carries the bounce as a message. */
function fromForwarded(ctx: Context, depth: number, wrapped = false): Analysis | undefined {
  if (!ctx.embedded || depth >= MAX_ORIGINAL_DEPTH) {
    return undefined;
  }
  if (!wrapped && !/^\s*(?:fwd?|fw|wg|tr|rv|enc)\s*:/i.test(ctx.subject)) {
    return undefined;
  }
  const inner = ctx.bytes.subarray(ctx.embedded.bodyStart, ctx.embedded.bodyEnd);
  const a = analyzeBytes(inner, depth + 1);
  if (a.kind === 'other' || a.kind === 'feedback-report' || a.kind === 'read-receipt') {
    return undefined;
  }
  const original = a.original ? { ...a.original, via: 'forwarded' as const } : undefined;
  return { ...a, original, format: a.format, lookups: lookupsFor({ ...a, original }) };
}

/** With no recipient named in the report, the original's To is who it failed for (Sisimai does the same). */
function recipientsFromOriginal(
  original: OriginalMessage,
  kind: MessageKind,
  ctx: Context,
): RecipientReport[] {
  const to = [...original.to, ...original.cc];
  if (to.length === 0 || to.length > 5) {
    return [];
  }
  const words = ctx.body.slice(0, 2000);
  return to.map(m => ({
    address: m.address,
    action: kind === 'delay' ? 'delayed' : 'failed',
    status: undefined,
    replyCode: undefined,
    diagnostic: undefined,
    remoteMta: undefined,
    reason: reasonFor(undefined, undefined, words),
  }));
}

type TopFacts = Pick<Analysis, 'subject' | 'from' | 'to' | 'date' | 'receivedAt' | 'messageId'>;

function topFacts(fields: ReturnType<typeof parseHeaderBlock>['fields'], quick: boolean): TopFacts {
  // Ordinary mail (quick) gets a pattern read of its addresses; the full RFC 5322 parser is kept for
  // automated messages, where names and groups matter to the shells.
  const received = quick ? undefined : header(fields, 'received');
  const arrival = received === undefined ? undefined : parseMailDate(receivedDate(received));
  const subject = decodeHeaderWords(header(fields, 'subject'));
  const from = quick ? quickMailboxes(header(fields, 'from'))[0] : parseAddresses(header(fields, 'from'))[0];
  const to = quick ? quickMailboxes(header(fields, 'to')) : parseAddresses(header(fields, 'to'));
  const date = header(fields, 'date');
  const messageId = cleanMessageId(header(fields, 'message-id'));
  // Two literal shapes, no spread (see the end of analyzeBytes); receivedAt first, as before.
  return arrival === undefined
    ? { subject, from, to, date, messageId }
    : {
        receivedAt: new Date(arrival).toISOString(),
        subject,
        from,
        to,
        date,
        messageId,
      };
}

/**
 * A result with no report read: blank()'s fields in its order, the top facts in their places, then
 * `receivedAt` and `contains` (the order the spread-built result had).
 */
function plain(base: TopFacts, warnings: string[], contains?: Analysis['contains']): Analysis {
  const a = blank(warnings);
  setTopFacts(a, base);
  if (base.receivedAt !== undefined) {
    a.receivedAt = base.receivedAt;
  }
  if (contains !== undefined) {
    a.contains = contains;
  }
  return a;
}

/** The top header block's facts into a result, in their order (subject, from, to, date, messageId). */
function setTopFacts(a: Analysis, base: TopFacts): void {
  a.subject = base.subject;
  a.from = base.from;
  a.to = base.to;
  a.date = base.date;
  a.messageId = base.messageId;
}

function blank(warnings: string[] = []): Analysis {
  return {
    kind: 'other',
    format: undefined,
    mta: undefined,
    subject: undefined,
    from: undefined,
    to: [],
    date: undefined,
    messageId: undefined,
    reportingMta: undefined,
    recipients: [],
    original: undefined,
    answering: undefined,
    challengeVendor: undefined,
    lookups: [],
    warnings,
  };
}
