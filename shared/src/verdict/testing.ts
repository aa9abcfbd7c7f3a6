// Builders for hand-made analyses, originals and profiles: the signal tests (and the scenario
// generator's sanity checks) describe only what matters to them and take defaults for the rest.
import type {
  Analysis,
  Evidence,
  HeaderField,
  History,
  Lookups,
  OriginalMessage,
  Profile,
  ReceivedHop,
  RecipientLookup,
  RecipientReport,
} from '../types';
import type { SignalContext } from './context';
import { buildContext } from './context';
import { emptyProfile } from './profile';

export function hop(fields: Partial<ReceivedHop>): ReceivedHop {
  return {
    fromHost: undefined,
    helo: undefined,
    ip: undefined,
    byHost: undefined,
    protocol: undefined,
    date: undefined,
    ...fields,
  };
}

/** A Received header value in Postfix's layout, and the hop it parses to. */
export function postfixHop(
  fromHost: string,
  ip: string,
  byHost: string,
  protocol = 'ESMTPS',
): { raw: string; hop: ReceivedHop } {
  return {
    raw: `from ${fromHost} (${fromHost} [${ip}]) by ${byHost} (Postfix) with ${protocol} id 4AbCdE; Fri, 27 Nov 2026 10:00:00 +0000`,
    hop: hop({ fromHost, ip, byHost, protocol }),
  };
}

export function original(
  fields: Partial<OriginalMessage> & { receivedRaw?: string[] } = {},
): OriginalMessage {
  const { receivedRaw, ...rest } = fields;
  const headers: HeaderField[] = [
    ...(receivedRaw ?? []).map(value => ({ name: 'received', value })),
    { name: 'from', value: 'x' },
    { name: 'to', value: 'x' },
    { name: 'subject', value: 'x' },
    { name: 'date', value: 'x' },
    { name: 'message-id', value: 'x' },
    { name: 'mime-version', value: '1.0' },
  ];
  return {
    via: 'message/rfc822',
    headersTruncated: false,
    bodyTruncated: false,
    messageId: undefined,
    from: [],
    sender: undefined,
    replyTo: [],
    returnPath: undefined,
    to: [],
    cc: [],
    subject: undefined,
    date: undefined,
    inReplyTo: undefined,
    references: [],
    received: [],
    auth: [],
    dkim: [],
    userAgent: undefined,
    listId: undefined,
    charsets: [],
    bodyExcerpt: undefined,
    headers,
    ...rest,
  };
}

export function recipient(fields: Partial<RecipientReport> = {}): RecipientReport {
  return {
    address: 'bob@remote.example',
    action: 'failed',
    status: '5.1.1',
    replyCode: '550',
    diagnostic: undefined,
    remoteMta: 'mx.remote.example',
    reason: 'user-unknown',
    ...fields,
  };
}

export function analysis(fields: Partial<Analysis> = {}): Analysis {
  const orig = fields.original;
  return {
    kind: 'ndr',
    format: 'rfc3464',
    subject: 'Undelivered Mail Returned to Sender',
    from: { name: undefined, address: 'mailer-daemon@mx.remote.example' },
    to: [{ name: undefined, address: 'alice@example.org' }],
    date: undefined,
    messageId: undefined,
    reportingMta: 'mx.remote.example',
    recipients: [recipient()],
    original: undefined,
    answering: undefined,
    challengeVendor: undefined,
    lookups: orig?.messageId !== undefined ? [{ messageId: orig.messageId, role: 'original' }] : [],
    warnings: [],
    ...fields,
  };
}

export function profile(addresses: string[] = ['alice@example.org'], fields: Partial<Profile> = {}): Profile {
  return { ...emptyProfile(addresses), ...fields };
}

export interface SignalCase {
  name: string;
  analysis: Analysis;
  profile?: Profile;
  lookups?: Lookups;
  history?: History;
}

/** What a signal says on a case, reduced to what a table row asserts: direction and variant. */
export function outcome(
  signal: { evaluate(ctx: SignalContext): Evidence | undefined },
  c: SignalCase,
): { direction: string; variant: string | undefined } | undefined {
  const e = signal.evaluate(buildContext(c.analysis, c.profile ?? profile(), c.lookups ?? {}, c.history));
  if (e === undefined) {
    return undefined;
  }
  const variant = e.params['variant'];
  return { direction: e.direction, variant: typeof variant === 'string' ? variant : undefined };
}

/** A by-recipient lookup about bob@remote.example, subject "lunch", 23 Nov 2026 noon UTC ± 24 h. */
export function recipientLookup(fields: Partial<RecipientLookup> = {}): RecipientLookup {
  return {
    kind: 'by-recipient',
    key: 'r',
    role: 'original',
    address: 'bob@remote.example',
    subject: 'lunch',
    date: '2026-11-23T12:00:00.000Z',
    windowHours: 24,
    ...fields,
  };
}

/** An RFC 3464 report that returns nothing of the original: only its failed recipient and its own date. */
export function reportWithoutOriginal(
  recipient: string,
  date = 'Mon, 23 Nov 2026 12:00:00 +0000',
  subject = 'Undelivered Mail Returned to Sender',
): string {
  return [
    'From: MAILER-DAEMON@mx.remote.example',
    'To: alice@example.org',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    `I could not deliver your message to <${recipient}>.`,
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.remote.example',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--b--',
    '',
  ].join('\r\n');
}
