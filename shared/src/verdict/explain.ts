// Plain-language help for a bounce, as data: one item per recipient with a strings-table key
// (shared/i18n/en.ts "explain.<key>" and "explain.<key>.action") chosen by the enhanced status code
// first (RFC 3463 and the IANA registry of enhanced status codes), then by the reason category.
import type { Analysis, EvidenceParams, ExplanationItem, RecipientReport } from '../types';

// Exact codes whose meaning is sharper than their category.
const BY_STATUS: Readonly<Record<string, string>> = {
  '5.1.1': 'explain.user-unknown',
  '5.1.10': 'explain.domain-unknown', // RFC 7505 null MX
  '5.1.2': 'explain.domain-unknown',
  '5.4.4': 'explain.domain-unknown',
  '5.2.2': 'explain.mailbox-full',
  '4.2.2': 'explain.mailbox-full',
  '5.2.1': 'explain.mailbox-disabled',
  '5.2.3': 'explain.too-large',
  '5.3.4': 'explain.too-large',
  '5.7.23': 'explain.spf-fail', // RFC 7372
  '5.7.24': 'explain.spf-fail',
  '5.7.25': 'explain.ptr-fail',
  '5.7.26': 'explain.dmarc-fail', // RFC 7372 / IANA: multiple authentication checks failed (DMARC)
  '5.7.27': 'explain.domain-unknown', // RFC 7505: sender address has null MX
  '4.4.7': 'explain.expired',
  '5.4.7': 'explain.expired',
};

const BY_REASON: Readonly<Record<RecipientReport['reason'], string>> = {
  'user-unknown': 'explain.user-unknown',
  'mailbox-full': 'explain.mailbox-full',
  'domain-unknown': 'explain.domain-unknown',
  'spam-blocked': 'explain.spam-blocked',
  'auth-policy': 'explain.auth-policy',
  'too-large': 'explain.too-large',
  expired: 'explain.expired',
  'relay-denied': 'explain.relay-denied',
  'mailbox-disabled': 'explain.mailbox-disabled',
  'virus-content': 'explain.virus-content',
  'network-error': 'explain.network-error',
  other: 'explain.other',
};

const PER_MESSAGE: Partial<Record<Analysis['kind'], string>> = {
  'auto-reply': 'explain.auto-reply',
  challenge: 'explain.challenge',
  'virus-notice': 'explain.virus-notice',
  'read-receipt': 'explain.read-receipt',
};

export function explanationKey(kind: Analysis['kind'], r: RecipientReport): string {
  if (kind === 'delay' || r.action === 'delayed') {
    return 'explain.delayed';
  }
  if (
    kind === 'delivery-receipt' ||
    r.action === 'delivered' ||
    r.action === 'relayed' ||
    r.action === 'expanded'
  ) {
    return 'explain.delivered';
  }
  if (r.status !== undefined && BY_STATUS[r.status] !== undefined) {
    // A DMARC/SPF text under a generic 5.7.1 is still an auth failure; the category already says so.
    return BY_STATUS[r.status]!;
  }
  return BY_REASON[r.reason];
}

function params(r: RecipientReport): EvidenceParams {
  const out: Record<string, string> = { recipient: r.address };
  if (r.status !== undefined) {
    out['status'] = r.status;
  }
  if (r.replyCode !== undefined) {
    out['replyCode'] = r.replyCode;
  }
  if (r.diagnostic !== undefined && r.diagnostic !== '') {
    out['diagnostic'] = r.diagnostic.length > 300 ? `${r.diagnostic.slice(0, 297)}…` : r.diagnostic;
  }
  return out;
}

export function explain(analysis: Analysis): ExplanationItem[] {
  const perMessage = PER_MESSAGE[analysis.kind];
  if (perMessage !== undefined && analysis.recipients.length === 0) {
    const recipient = analysis.from?.address;
    return [
      {
        recipient,
        reason: 'other',
        status: undefined,
        key: perMessage,
        params: recipient === undefined ? {} : { recipient },
      },
    ];
  }
  if (analysis.kind === 'other' || analysis.kind === 'feedback-report') {
    return [];
  }
  return analysis.recipients.map(r => ({
    recipient: r.address,
    reason: r.reason,
    status: r.status,
    key: perMessage ?? explanationKey(analysis.kind, r),
    params: params(r),
  }));
}
