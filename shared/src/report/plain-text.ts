// Shared machinery for bounces written as prose (Exim, qmail, Sendmail transcripts, Exchange text,
// Japanese and Russian carriers, …): find the failed addresses and the server's words in the
// report's own text, before any quoted original. Each MTA format module says where its error
// section is; this reads it.
import type { DsnAction, HeaderField, MessageKind, RecipientReport } from '../types';
import { MAX_DIAGNOSTIC, MAX_RECIPIENTS } from '../limits';
import { header } from '../mime/header-block';
import { cleanAddress, findAddresses } from '../headers/addresses';
import { codesIn, reasonFor } from './reason';
import { DAEMON_LOCAL } from './gate';

// An address standing at the start of a line, optionally in <> or quotes, then ":" / "..." / "(" / end:
//   "<kijitora@example.jp>:" (qmail, Postfix), "  kijitora@example.jp" (Exim),
//   "<kijitora@example.jp>... User unknown" (Sendmail), "kijitora@example.jp (generated from …)".
const LINE_ADDRESS =
  /^[ \t>*-]*(?:[245]\d\d[ -])?(?:(?:recipient|rcpt|address|original-recipient|failed recipient|destinataire|empfänger|destinatario|adresse)s?[ \t]*:?[ \t]*)?["'<(]?([a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9][a-z0-9.-]{0,252}[a-z0-9]|[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@\[[0-9.]{7,15}\])["'>)]?[ \t]*(:|\.\.\.|\(|;|,|$|[ \t]+(?:on|in|at|for|-)\b|[ \t]+\S)/gim;

// SMTP transcript: ">>> RCPT To:<x@y>" then "<<< 550 5.1.1 <x@y>... User unknown" (Sendmail §transcript).
const RCPT_TO = /RCPT TO:?\s*<([^<>\s]{3,320})>/gi;

export interface TextFinding {
  address: string;
  diagnostic: string;
}

/** The bounce's own To: the user. A line that opens with it ("<user@x>:") still names a failure when a
 * user mails themself, so the line-start pass accepts it; the looser passes do not. */
export function ownRecipients(top: readonly HeaderField[]): Set<string> {
  return new Set(findAddresses(header(top, 'to') ?? ''));
}

const EXCLUDED_FIELDS = ['from', 'to', 'reply-to', 'sender', 'return-path', 'delivered-to', 'cc'] as const;

/**
 * The addresses of the envelope's own fields, which name no failed recipient. `own`: ownRecipients(top),
 * when the caller has it, so the To field is not read twice.
 */
export function excludedAddresses(
  top: readonly HeaderField[],
  extra: readonly string[] = [],
  own?: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>(extra.map(a => a.toLowerCase()));
  for (const name of EXCLUDED_FIELDS) {
    const value = header(top, name);
    if (value === undefined) {
      continue;
    }
    for (const a of name === 'to' && own !== undefined ? own : findAddresses(value)) {
      out.add(a);
    }
  }
  return out;
}

function isDaemon(address: string): boolean {
  const local = address.slice(0, address.lastIndexOf('@'));
  return DAEMON_LOCAL.test(local);
}

/** Failed addresses in a region of report text, each with the words that follow it. */
export function findFailedInText(
  region: string,
  excluded: ReadonlySet<string>,
  recipientsOk: ReadonlySet<string> = new Set(),
): TextFinding[] {
  const out: TextFinding[] = [];
  const seen = new Set<string>();
  const add = (raw: string, diagnostic: string) => {
    const a = cleanAddress(raw);
    if (!a || seen.has(a) || isDaemon(a) || out.length >= MAX_RECIPIENTS) {
      return;
    }
    seen.add(a);
    out.push({ address: a, diagnostic: diagnostic.replace(/\s+/g, ' ').trim().slice(0, MAX_DIAGNOSTIC) });
  };

  // 1. Transcripts name the failed RCPT and the server's answer right after it. An exec loop, not
  // matchAll: matchAll copies the regex and makes an iterator on every call (issue 10 §4).
  RCPT_TO.lastIndex = 0;
  for (let m = RCPT_TO.exec(region); m !== null; m = RCPT_TO.exec(region)) {
    const answer = smtpReply(region.slice(m.index + m[0].length, m.index + m[0].length + 600));
    if (answer && !excluded.has(m[1]!.toLowerCase())) {
      add(m[1]!, answer);
    }
  }
  // 2. Addresses that open a line: the common layout of every prose bounce.
  // Rewritten in place, not with .map(): the mapped array's hidden class differed, and findFailedInText
  // deoptimised on the first two-byte report and was not compiled again for the rest of a run (issue 10 §4).
  const lines = region.split('\n');
  // An X.400 line opens with "c=" or "C=": a report with neither anywhere (almost every one) has none,
  // and two native searches spare a call per line.
  if (region.includes('c=') || region.includes('C=')) {
    for (let i = 0; i < lines.length; i++) {
      lines[i] = x400Smtp(lines[i]!);
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Every address has an "@": most lines of a report have none and need no regex at all.
    if (line.length > 2000 || !line.includes('@')) {
      continue;
    }
    LINE_ADDRESS.lastIndex = 0;
    const m = LINE_ADDRESS.exec(line);
    if (!m) {
      continue;
    }
    // "A message sent by\n\n  <sender@x>\n\ncould not be delivered" (Exim): that address is the sender.
    const previous =
      lines
        .slice(Math.max(0, i - 3), i)
        .filter(l => l.trim() !== '')
        .pop() ?? '';
    if (namesSender(previous)) {
      continue;
    }
    let address = m[1]!.toLowerCase();
    // "kijitora@example.com <neko@example.net>: malformed address" (Exim): a display name that looks like
    // an address; the mailbox is the one in angle brackets.
    const bracketed = /^[ \t]+<([^<>\s@]{1,64}@[^<>\s]{1,255})>/.exec(
      line.slice(m.index + m[0].length - (m[2]?.length ?? 0)),
    );
    if (bracketed) {
      address = bracketed[1]!.toLowerCase();
    }
    const qmailStyle = /^[ \t]*<?[^<>\s]+>?:[ \t]*$/.test(line);
    if (
      excluded.has(cleanAddress(address) ?? address) &&
      !(qmailStyle && recipientsOk.has(cleanAddress(address) ?? address))
    ) {
      continue;
    }
    // The diagnostic: the rest of the line and the indented or non-empty lines that follow.
    let diag = line.slice(m.index + m[0].length - (m[2]?.length ?? 0));
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      const next = lines[j]!;
      LINE_ADDRESS.lastIndex = 0;
      const nextAddress = next.includes('@') ? LINE_ADDRESS.exec(next)?.[1]?.toLowerCase() : undefined;
      LINE_ADDRESS.lastIndex = 0;
      // Postfix wraps the remote reply onto an indented line that repeats the same address
      // ("    <kijitora@example.jp>: Recipient address rejected: …"): that is still this diagnostic.
      const sameRecipient = nextAddress === address && /^[ \t]/.test(next);
      if (next.trim() === '' || (nextAddress !== undefined && !sameRecipient)) {
        break;
      }
      diag += ' ' + next;
    }
    add(address, diag.replace(/^\s*(?::|\.\.\.)\s*/, ''));
  }
  if (out.length > 0) {
    return out;
  }

  // 3. Addresses named in a sentence: "Could not be delivered to: <x@y>" (KDDI), "delivery to x@y failed".
  PHRASE_ADDRESS.lastIndex = 0;
  for (let m = PHRASE_ADDRESS.exec(region); m !== null; m = PHRASE_ADDRESS.exec(region)) {
    const address = m[1]!.toLowerCase();
    if (!excluded.has(cleanAddress(address) ?? address)) {
      const after = region.slice(m.index + m[0].length, m.index + m[0].length + 400);
      add(address, (after.split(/\n\s*\n/)[0] ?? '').trim() || m[0]);
    }
  }
  if (out.length > 0) {
    return out;
  }

  // 4. Any address on a line that speaks of failure: "The following recipients returned permanent
  // errors: x@y. Reason: …" (X6), "User's mailbox is full: <x@y>" (RFC 3464 samples in prose).
  for (const line of lines) {
    if (line.length < 2000 && line.includes('@') && FAILURE_LINE.test(line)) {
      for (const a of findAddresses(line, 20)) {
        if (!excluded.has(a) && !afterFrom(line, a)) {
          add(a, line);
        }
      }
    }
  }
  return out;
}

/**
 * Exchange 5.5 names a recipient it knows by an X.400 address with the SMTP address as a domain-defined
 * attribute: "c=US;a= ;p=IKON;o=Nexus2;dda:SMTP=DJBENNETT@IKON.COM; on Fri, 4 Oct 2002" (flufl.bounce's
 * microsoft_01.txt). The line is read from the SMTP address on, as if it opened the line.
 */
export function x400Smtp(line: string): string {
  // /^[ \t]*c=/i by hand: it ran on every line of every prose report.
  let i = 0;
  while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) {
    i++;
  }
  if ((line.charCodeAt(i) | 0x20) !== 0x63 || line.charCodeAt(i + 1) !== 0x3d) {
    return line;
  }
  const at = line.toLowerCase().indexOf('dda:smtp=');
  return at === -1 ? line : line.slice(at + 'dda:smtp='.length);
}

/**
 * "… not accepting mail from xxx@lists.example.com:" (AOL, flufl.bounce's aol_01.txt), "mail from
 * <x@y> rejected": an address right after "from" names the sender, not a failed recipient.
 */
function afterFrom(line: string, address: string): boolean {
  const at = line.toLowerCase().indexOf(address);
  return at !== -1 && /\bfrom[ \t]*[<"'(]?$/i.test(line.slice(Math.max(0, at - 12), at));
}

// A reply line: "550 5.1.1 …", "<<< 550-…" (Sendmail transcripts quote the server with "<<<").
const REPLY_LINE = /^\s*(?:<<<\s*)?([45]\d\d)[ -]/;
const MAX_REPLY_LINE = 400;
const MAX_REPLY_LINES = 11;

/**
 * The server's reply after a transcript's RCPT line: the first reply line, and the lines that continue
 * it (RFC 5321 §4.2.1: a multi-line reply repeats its code with "-" until the last line, "550-…",
 * "550 …"), joined with their codes dropped: "550 5.1.1 <x@y>… User unknown". Line by line, so a long
 * run of white space or of reply lines costs one pass.
 */
function smtpReply(after: string): string | undefined {
  const lines = after.split('\n');
  let i = 0;
  let first: RegExpExecArray | null = null;
  for (; i < lines.length && !first; i++) {
    first = REPLY_LINE.exec(lines[i]!);
  }
  if (!first) {
    return undefined;
  }
  const code = first[1]!;
  const textOf = (line: string, from: number) => {
    const t = line.slice(from, from + MAX_REPLY_LINE);
    const stop = t.search(/[\r\u2028\u2029]/);
    return {
      text: stop === -1 ? t : t.slice(0, stop),
      whole: stop === -1 && line.length - from <= MAX_REPLY_LINE,
    };
  };
  // The first line keeps its separator ("550-" or "550 "); continuation lines lose theirs.
  let reply = textOf(lines[i - 1]!, first[0].length - 1);
  let out = code + reply.text;
  for (let n = 1; n < MAX_REPLY_LINES && reply.whole; n++) {
    while (i < lines.length && lines[i]!.trim() === '') {
      i++; // blank lines between continuation lines were allowed
    }
    const next = i < lines.length ? REPLY_LINE.exec(lines[i]!) : null;
    if (!next || next[1] !== code) {
      break;
    }
    reply = textOf(lines[i]!, next[0].length);
    out += ' ' + reply.text;
    i++;
  }
  return out;
}

/**
 * The line before an address ends with "sent by" or "from" (and maybe ":"): that address is the
 * sender, as in Exim's "A message sent by\n\n  <sender@x>\n\ncould not be delivered". Trimmed by
 * hand: a regex "from\s*:?\s*$" is quadratic on a "from" followed by a long run of blanks.
 */
function namesSender(line: string): boolean {
  let t = line.trimEnd();
  if (t.endsWith(':')) {
    t = t.slice(0, -1).trimEnd();
  }
  t = t.slice(-8).toLowerCase();
  if (t.endsWith('sent by')) {
    return true;
  }
  return t.endsWith('from') && !/\w/.test(t.charAt(t.length - 5));
}

const FAILURE_LINE =
  /not a valid|error|fail|unknown|rejected|denied|refused|full|unable|invalid|not (?:found|exist|deliver)|no such|does not|could not|cannot|undeliver|bounced|returned|quota|blocked/i;

const PHRASE_ADDRESS =
  /\b(?:delivered to|deliver(?:y)? to|sent to|recipient|addressee|address(?:es)?|mailbox|user|destinat(?:ion|aire|ario)|empfänger|to)(?:\s*:\s*|\s+)["'<(]?([a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9][a-z0-9.-]{0,252}[a-z0-9])/gi;

// A notice that goes on trying is a delay even when it says "could not be delivered": "Delivery attempts
// will continue to be made for 5 day(s)" (a Symantec gateway, flufl.bounce's simple_22.txt), "Delivery
// will continue to be attempted", "This message hasn't been delivered yet" (Exchange Online).
const DELAY_WORDS =
  /\b(?:delayed|delay|deferred|still (?:being retried|trying)|will (?:continue|keep) (?:trying|to try)|will be retried|has not (?:yet )?been delivered|not yet been delivered|hasn.t (?:yet )?been delivered|attempts will continue|will continue to be (?:made|attempted)|will continue (?:to attempt|attempting)|this is (?:only |just )?a warning|just a warning|no action is required|warning: message|temporarily (?:deferred|unable)|postponed|will (?:retry|try again)|will be retried)/i;
const PERMANENT_WORDS =
  /\b(?:returned mail|permanent(?:ly)?|could not be delivered|undeliverable|failed permanently|giving up|gave up|delivery has failed|not delivered|fatal error|returned to sender|failed to deliver|unable to deliver|has been rejected)/i;

/** Delay warning or failure, from the words of a prose report. */
export function proseKind(subject: string, region: string): MessageKind {
  const head = region.slice(0, 3000);
  if (
    (DELAY_WORDS.test(subject) || DELAY_WORDS.test(head)) &&
    !PERMANENT_WORDS.test(subject) &&
    !/^\s*returned mail/i.test(subject)
  ) {
    if (!/\bpermanent|giving up|gave up|delivery has failed\b/i.test(head) || DELAY_WORDS.test(subject)) {
      return 'delay';
    }
  }
  return 'ndr';
}

export function toReports(
  findings: readonly TextFinding[],
  kind: MessageKind,
  fallbackText = '',
): RecipientReport[] {
  const action: DsnAction = kind === 'delay' ? 'delayed' : 'failed';
  return findings.map(f => {
    // A recipient's codes are its own words'; the report's general text lends them only when it speaks
    // of a single recipient (otherwise one recipient's "5.1.1" would be pinned on another).
    const words = f.diagnostic || (findings.length === 1 ? fallbackText : '');
    const codes = codesIn(words);
    return {
      address: f.address,
      action,
      status: codes.status,
      replyCode: codes.replyCode,
      diagnostic: f.diagnostic || undefined,
      remoteMta: /\b(?:host|server|mx)\s+\[?([a-z0-9][a-z0-9.-]*\.[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})\]?/i
        .exec(words)?.[1]
        ?.toLowerCase(),
      // The recipient's own line first; when it names no cause, the report's words ("reject reason:
      // Mailbox full" a few lines away).
      reason: (r =>
        r === 'other' && fallbackText ? reasonFor(codes.status, codes.replyCode, fallbackText) : r)(
        reasonFor(codes.status, codes.replyCode, words),
      ),
    };
  });
}
