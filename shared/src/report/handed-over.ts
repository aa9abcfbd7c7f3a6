// The reporting server's own record of who handed it the message (verdict issue 9 §2). With no original
// quoted, or one without Received lines, this is the only trace of where the message came from, and it
// is written by the bouncing side, not by whoever sent the message:
//   RFC 3464 §2.2.4  "Received-From-MTA: dns; mail.example.org (mail.example.org [192.0.2.1])"
//                    (Sendmail writes its looked-up name, or "[192.0.2.1]" when it found none; Courier
//                    and others "helo (rdns [ip])", Exchange the client's greeting)
//   Sendmail text    "The original message was received at Thu, 29 Apr 2000 23:34:45 +0900 (JST)
//                     from mail.example.org [192.0.2.1]" (rfc3464-06, lhost-sendmail-*)
// Not these: "host mx.example.net[192.0.2.9] said:" (Postfix) and Exim's "SMTP error from remote mail
// server" name the server the message was going *to*, and X-Postfix-Sender is the envelope sender, an
// address, not a host.
// Read with indexOf on bounded text: no regular expression walks attacker-controlled length.
import type { HandOver } from '../types';
import { parseReceived } from '../headers/received';

const LIMIT = 64 * 1024;
const MAX_LINE = 300;

// Cheap first looks, case-insensitive literals: wherever the lower-cased text below holds the marker, these
// find it (neither has a "k" or an "i" a dotted "İ" could stand for, the only letters lower-casing reaches
// from outside ASCII), so they only spare the copy where the answer is "none". They may look past LIMIT.
const RECEIVED_FROM_MTA = /received-from-mta:/i;
const SENDMAIL_MARKER = /the original message was received at/i;

/**
 * `deliveryStatus`: the message/delivery-status part; `reportText`: the report's own words, up to
 * where a quoted original starts (a plain-text report carries its DSN fields there).
 */
export function handedOver(deliveryStatus: string | undefined, reportText: string): HandOver | undefined {
  const value = receivedFromMta(deliveryStatus) ?? receivedFromMta(reportText);
  const field = value === undefined ? undefined : read(value, 'received-from-mta');
  const line = sendmailLine(reportText);
  const text = line === undefined ? undefined : read(line, 'sendmail-text');
  // Sendmail writes both: the field with the name only, the text with name and address. The one that
  // records the address says more, when they name the same host.
  if (field !== undefined && (field.ip !== undefined || text?.ip === undefined || text.host !== field.host)) {
    return field;
  }
  return text ?? field;
}

/** The value of the first Received-From-MTA field, after its type ("dns;", "smtp;"). */
function receivedFromMta(text: string | undefined): string | undefined {
  // Most reports have no such field: a literal search says so without a lower-cased copy of the text.
  if (text === undefined || !RECEIVED_FROM_MTA.test(text)) {
    return undefined;
  }
  const lower = (text.length > LIMIT ? text.slice(0, LIMIT) : text).toLowerCase();
  let at = lower.indexOf('received-from-mta:');
  // A field starts a line (indented in Exchange's and Notes' reports).
  while (at > 0 && !startsLine(lower, at)) {
    at = lower.indexOf('received-from-mta:', at + 1);
  }
  if (at === -1) {
    return undefined;
  }
  const value = lineAt(text, at + 'received-from-mta:'.length);
  const semi = value.indexOf(';');
  return (semi === -1 ? value : value.slice(semi + 1)).trim() || undefined;
}

/** Sendmail's "The original message was received at DATE\nfrom HOST [IP]" (the from may share the line). */
function sendmailLine(text: string): string | undefined {
  if (!SENDMAIL_MARKER.test(text)) {
    return undefined;
  }
  const lower = (text.length > LIMIT ? text.slice(0, LIMIT) : text).toLowerCase();
  const marker = 'the original message was received at';
  const at = lower.indexOf(marker);
  if (at === -1) {
    return undefined;
  }
  // The date runs to the end of its line; "from" opens the next one (or follows the date directly).
  const window = lower.slice(at + marker.length, at + marker.length + MAX_LINE);
  const from = window.search(/(?:^|\s)from\s/);
  if (from === -1) {
    return undefined;
  }
  const start = at + marker.length + from + window.slice(from).indexOf('from') + 'from'.length;
  const value = lineAt(text, start).trim();
  // "with id t3BB0AAA22222" sometimes continues the same line.
  const withAt = value.toLowerCase().indexOf(' with id ');
  return (withAt === -1 ? value : value.slice(0, withAt)).trim() || undefined;
}

/** Only blanks between the line's start and `at` (walks back over the blanks alone: linear overall). */
function startsLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) {
    i--;
  }
  return i < 0 || text[i] === '\n';
}

/** From `at` to the end of its line, bounded. */
function lineAt(text: string, at: number): string {
  const nl = text.indexOf('\n', at);
  const end = Math.min(nl === -1 ? text.length : nl, at + MAX_LINE);
  return text.slice(at, end);
}

function read(value: string, source: HandOver['source']): HandOver | undefined {
  // "nekochan@example.co.jp", "root@localhost", Gmail's "dns; user@example.jp": the account that
  // submitted it, an address and no host (lhost-x1-03, lhost-zoho-04, rhost-google-*).
  const at = value.indexOf('@');
  const space = value.search(/[\s([]/);
  if (at !== -1 && (space === -1 || at < space)) {
    return undefined;
  }
  // The value is a Received "from" clause in all but name: the same reader parses it.
  const hop = parseReceived(`from ${value}`);
  if (hop.fromHost === undefined && hop.ip === undefined) {
    return undefined;
  }
  const name = hop.fromHost !== undefined && !/^[0-9.:a-f]+$/i.test(hop.fromHost) ? hop.fromHost : undefined;
  return { host: name, helo: hop.helo, ip: hop.ip, source, raw: value.slice(0, 200) };
}
