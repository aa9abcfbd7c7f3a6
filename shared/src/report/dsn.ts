// RFC 3464 §2.2–2.3 delivery-status fields: one per-message block, then one block per recipient,
// blocks separated by blank lines. Real reports also run blocks together, indent fields, or put the
// fields in a text/plain part; a new recipient block is opened whenever a recipient field repeats.
import type { DsnAction, RecipientReport } from '../types';
import { MAX_DIAGNOSTIC, MAX_RECIPIENTS } from '../limits';
import { parseHeaderBlock } from '../mime/header-block';
import { cleanAddress } from '../headers/addresses';
import { codesIn, reasonFor } from './reason';

export interface DsnFields {
  reportingMta: string | undefined;
  arrivalDate: string | undefined;
  recipients: RecipientReport[];
}

const RECIPIENT_FIELDS = new Set(['final-recipient', 'original-recipient', 'x-actual-recipient']);

export function parseDeliveryStatus(text: string): DsnFields {
  // Fields are "Name: value" lines; indentation before the name is common (Exchange, Notes).
  const normalised = text
    .slice(0, 256 * 1024)
    // Indented fields (Exchange, Notes) are un-indented, but only names RFC 3464 defines (and X- ones):
    // a folded diagnostic line may start with "rejected:" or "http:".
    .replace(
      /^[ \t]+(?=(?:reporting-mta|received-from-mta|arrival-date|original-envelope-id|dsn-gateway|final-recipient|original-recipient|action|status|remote-mta|diagnostic-code|last-attempt-date|final-log-id|will-retry-until|x-[a-z0-9-]+)[ \t]*:)/gim,
      '',
    )
    // Blank lines end a block: each run of them becomes one line holding a NUL, which no field name can
    // take (one replace: a run collapsed to "\n\n" and then marked was two).
    .replace(/\n{2,}/g, '\n\u0000\n');
  const fields = parseHeaderBlock(normalised).fields;
  let reportingMta: string | undefined;
  let arrivalDate: string | undefined;
  const blocks: Map<string, string>[] = [];
  let current: Map<string, string> | undefined;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const name = f.name;
    if (name === 'reporting-mta') {
      reportingMta ??= typeField(f.value);
      continue;
    }
    if (name === 'arrival-date') {
      arrivalDate ??= f.value;
      continue;
    }
    if (RECIPIENT_FIELDS.has(name) && current?.has(name)) {
      current = undefined;
    }
    if (!current && (RECIPIENT_FIELDS.has(name) || name === 'action' || name === 'status')) {
      current = new Map();
      blocks.push(current);
      if (blocks.length > MAX_RECIPIENTS) {
        blocks.pop();
        break;
      }
    }
    if (current && !current.has(name)) {
      current.set(name, f.value);
    }
  }
  const recipients: RecipientReport[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const addr =
      addressField(b.get('final-recipient')) ??
      addressField(b.get('x-actual-recipient')) ??
      addressField(b.get('original-recipient'));
    if (!addr) {
      continue;
    }
    const diagnostic = diagnosticText(b.get('diagnostic-code'));
    const codes = codesIn(diagnostic ?? '');
    let status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(b.get('status') ?? '')?.[1];
    // "5.0.0" is a placeholder many MTAs write; the diagnostic often has the real code.
    if (
      (!status || /^\d\.0\.0$/.test(status)) &&
      codes.status &&
      codes.status.charCodeAt(0) === (status ?? codes.status).charCodeAt(0)
    ) {
      status = codes.status;
    }
    const action = actionOf(b.get('action'), status);
    const key = `${addr}|${action}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    recipients.push({
      address: addr,
      action,
      status,
      replyCode: codes.replyCode,
      diagnostic,
      remoteMta: typeField(b.get('remote-mta')),
      reason: reasonFor(status, codes.replyCode, diagnostic ?? ''),
    });
  }
  return { reportingMta, arrivalDate, recipients };
}

/** "rfc822; user@example.org" → "user@example.org" (RFC 3464 §2.3.2 address-type ";" address). */
function addressField(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const v = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return cleanAddress(v.trim().split(/\s+/)[0] ?? '');
}

/** "dns; mx.example.org" → "mx.example.org". */
function typeField(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const v = (value.includes(';') ? value.slice(value.indexOf(';') + 1) : value).trim();
  return (
    v
      .split(/\s+/)[0]
      ?.replace(/^\[|\]$/g, '')
      .toLowerCase() || undefined
  );
}

function diagnosticText(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const v = value
    .replace(/^\s*(?:smtp|x-unix|x-postfix|x-local|x-smtp|x-notes|x-exchange|unix|x-[a-z0-9-]+)\s*;\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return v ? v.slice(0, MAX_DIAGNOSTIC) : undefined;
}

function actionOf(value: string | undefined, status: string | undefined): DsnAction | undefined {
  const a = value
    ?.trim()
    .toLowerCase()
    .split(/[\s(;]/)[0];
  switch (a) {
    case 'failed':
    case 'failure':
    case 'fail':
    case 'undeliverable':
      return 'failed';
    case 'delayed':
    case 'delay':
    case 'deferred':
      return 'delayed';
    case 'delivered':
    case 'deliverable':
      return 'delivered';
    case 'relayed':
      return 'relayed';
    case 'expanded':
      return 'expanded';
    default:
      if (status?.startsWith('5')) {
        return 'failed';
      }
      if (status?.startsWith('4')) {
        return 'delayed';
      }
      if (status?.startsWith('2')) {
        return 'delivered';
      }
      return undefined;
  }
}
