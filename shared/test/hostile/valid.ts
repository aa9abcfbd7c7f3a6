// What "a valid Analysis" means, checked field by field against shared/src/types.ts: the shells rely on
// these shapes, and a hostile message must not be able to break them.
import { AUTOMATED_KINDS, type Analysis, type MessageKind } from '../../src/index';

const KINDS: readonly MessageKind[] = [...AUTOMATED_KINDS, 'other'];
const REASONS = [
  'user-unknown',
  'mailbox-full',
  'domain-unknown',
  'spam-blocked',
  'auth-policy',
  'too-large',
  'expired',
  'relay-denied',
  'mailbox-disabled',
  'virus-content',
  'network-error',
  'other',
];
const ACTIONS = [undefined, 'failed', 'delayed', 'delivered', 'relayed', 'expanded'];
const VIAS = [
  'message/rfc822',
  'text/rfc822-headers',
  'message/global',
  'message/global-headers',
  'inline',
  'forwarded',
];

const optString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const mailbox = (m: unknown): boolean =>
  typeof m === 'object' &&
  m !== null &&
  optString((m as { name?: unknown }).name) &&
  typeof (m as { address?: unknown }).address === 'string';

/** Problems found (empty when valid). */
export function analysisProblems(a: Analysis): string[] {
  const p: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) {
      p.push(what);
    }
  };
  check(KINDS.includes(a.kind), `kind ${String(a.kind)}`);
  check(
    optString(a.format) &&
      optString(a.subject) &&
      optString(a.date) &&
      optString(a.messageId) &&
      optString(a.reportingMta),
    'top strings',
  );
  check(a.from === undefined || mailbox(a.from), 'from');
  check(Array.isArray(a.to) && a.to.every(mailbox), 'to');
  check(Array.isArray(a.recipients), 'recipients');
  for (const r of a.recipients) {
    check(
      typeof r.address === 'string' && REASONS.includes(r.reason) && ACTIONS.includes(r.action),
      `recipient ${r.address}`,
    );
    check(
      optString(r.status) && optString(r.replyCode) && optString(r.diagnostic) && optString(r.remoteMta),
      'recipient strings',
    );
  }
  if (a.original !== undefined) {
    const o = a.original;
    check(VIAS.includes(o.via), `via ${o.via}`);
    check(typeof o.headersTruncated === 'boolean' && typeof o.bodyTruncated === 'boolean', 'truncated flags');
    check(
      [o.from, o.replyTo, o.to, o.cc].every(list => Array.isArray(list) && list.every(mailbox)),
      'original mailboxes',
    );
    check(
      Array.isArray(o.received) &&
        Array.isArray(o.auth) &&
        Array.isArray(o.dkim) &&
        Array.isArray(o.references) &&
        Array.isArray(o.headers) &&
        Array.isArray(o.charsets),
      'original lists',
    );
    check(
      o.auth.every(x => typeof x.method === 'string' && typeof x.result === 'string'),
      'auth',
    );
    check(
      o.dkim.every(x => typeof x.domain === 'string'),
      'dkim',
    );
  }
  check(
    Array.isArray(a.lookups) &&
      a.lookups.every(l =>
        l.kind === 'by-recipient'
          ? typeof l.key === 'string' &&
            typeof l.address === 'string' &&
            !Number.isNaN(Date.parse(l.date)) &&
            ['original', 'answered'].includes(l.role)
          : typeof l.messageId === 'string' && ['original', 'in-reply-to', 'references'].includes(l.role),
      ),
    'lookups',
  );
  check(Array.isArray(a.warnings) && a.warnings.every(w => typeof w === 'string'), 'warnings');
  // Plain data: survives JSON unchanged apart from undefined fields.
  try {
    JSON.stringify(a);
  } catch {
    p.push('not JSON-serialisable');
  }
  return p;
}
