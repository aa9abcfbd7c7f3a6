// What the receiving side's spam filter said about the original: SpamAssassin's X-Spam-Status
// "tests=…" list and rspamd's symbols (X-Spamd-Result, X-Rspamd-Symbols). Only a header that sits above
// the entry hop was written by the receiver (RFC 5321 §4.4: the receiver adds its fields on top); one
// below it is the sender's and is ignored. A filter's record that SPF, DKIM or DMARC failed, or that the
// sender had no or a dynamic reverse name, is the receiver's own finding about who handed the message
// over: nobody forges a failing verdict against their own message.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'spam-filter';

const FILTER_FIELDS = new Set(['x-spam-status', 'x-spam-report', 'x-spamd-result', 'x-rspamd-symbols']);

// SpamAssassin (SPF_FAIL, SPF_SOFTFAIL, DKIM_INVALID, DMARC_REJECT, DMARC_QUAR; Mail::SpamAssassin::Plugin
// ::SPF, ::DKIM, ::DMARC) and rspamd (R_SPF_FAIL, R_SPF_SOFTFAIL, R_DKIM_REJECT, DMARC_POLICY_REJECT,
// DMARC_POLICY_QUARANTINE, DMARC_POLICY_SOFTFAIL; rspamd's spf, dkim and dmarc modules).
const AUTH_FAIL =
  /\b(R_SPF_FAIL|R_SPF_SOFTFAIL|SPF_FAIL|SPF_SOFTFAIL|DKIM_INVALID|R_DKIM_REJECT|DMARC_REJECT|DMARC_QUAR|DMARC_POLICY_REJECT|DMARC_POLICY_QUARANTINE|DMARC_POLICY_SOFTFAIL)\b/g;
// SpamAssassin RDNS_NONE, RDNS_DYNAMIC, HELO_DYNAMIC_*; rspamd RDNS_NONE, HFILTER_HOSTNAME_UNKNOWN.
const RDNS = /\b(RDNS_NONE|RDNS_DYNAMIC|HELO_DYNAMIC_[A-Z0-9_]{1,30}|HFILTER_HOSTNAME_UNKNOWN)\b/g;

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const o = ctx.original;
  const trace = ctx.trace;
  if (o === undefined || trace === undefined || trace.entryIndex < 0) {
    return undefined;
  }
  // The header index of the entry hop's Received line: everything before it is the receiver's.
  let seen = -1;
  let entryAt = -1;
  for (let i = 0; i < o.headers.length; i++) {
    if (o.headers[i]!.name === 'received' && ++seen === trace.entryIndex) {
      entryAt = i;
      break;
    }
  }
  const verdicts = o.headers
    .slice(0, Math.max(entryAt, 0))
    .filter(h => FILTER_FIELDS.has(h.name))
    .map(h => h.value.slice(0, 4000))
    .join('\n');
  if (verdicts === '') {
    return undefined;
  }
  const auth = [...new Set([...verdicts.matchAll(AUTH_FAIL)].map(m => m[1]!))];
  if (auth.length > 0) {
    return evidence(id, 'backscatter', WEIGHTS.spamFilterAuth, { variant: 'auth', tests: auth.slice(0, 4) });
  }
  const rdns = [...new Set([...verdicts.matchAll(RDNS)].map(m => m[1]!))];
  if (rdns.length > 0) {
    return evidence(id, 'backscatter', WEIGHTS.spamFilterRdns, { variant: 'rdns', tests: rdns.slice(0, 4) });
  }
  return undefined;
}
