// "Am I hacked or just spoofed?" One pure function over a set of analysed and decided messages (a
// folder sweep, the CLI's PATHs): counts, the timeline, the campaign, the answer with its evidence,
// what to do for the user's domain, and server rules for their admin. Facts come from the verdict's own
// code (the decision's evidence, the trace's entry hop), never from a second reading of the mail.
import { buildContext } from '../verdict/context';
import { isUnder } from '../verdict/hosts';
import { isProviderHost, providerForAddressDomain } from '../verdict/providers';
import { waveDomains } from '../history';
import { parseMailDate } from '../sent-index';
import { AUTOMATED_KINDS, type Decision, type MessageKind, type Profile, type Verdict } from '../types';
import { adminExports } from './admin';
import { dkimPassFor, dmarcFor, spfFor } from './policy';
import { buildTimeline } from './timeline';
import type {
  Answer,
  Campaign,
  Counted,
  DmarcPolicy,
  DomainAdvice,
  EntryHostCount,
  FloodFact,
  FloodItem,
  FloodOptions,
  FloodReport,
  VerdictCounts,
} from './types';

/**
 * Originals that left through the user's account without being in Sent are a phone or a script as
 * often as an intruder. They make the answer "your account was used" only with more: the user disowned
 * one, they look like spam, or this many arrived within ACCOUNT_WAVE_HOURS (an intruder sends in bulk).
 */
export const ACCOUNT_WAVE = 5;
export const ACCOUNT_WAVE_HOURS = 24;
const MAX_IDS = 50;
const SUBJECT_MAX = 120;

const zero = (): VerdictCounts => ({ backscatter: 0, legitimate: 0, unsure: 0 });

/** A Date header as a time: the engine's one mail-date reader (comments dropped, bounded). */
const dateOf = parseMailDate;

/** The Sent-folder lookup as decide() weighed it: found / not-found / unavailable, or undefined. */
function sentResult(decision: Decision): string | undefined {
  const e = decision.evidence.find(x => x.signal === 'sent-original' || x.signal === 'sent-reply');
  const v = e?.params['variant'];
  return typeof v === 'string' ? v : undefined;
}

const has = (decision: Decision, signal: string, variant?: string) =>
  decision.evidence.some(
    e => e.signal === signal && (variant === undefined || e.params['variant'] === variant),
  );

function top(map: ReadonlyMap<string, number>, n: number): Counted[] {
  return [...map]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, n)
    .map(([text, count]) => ({ text, count }));
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function cleanSubject(subject: string): string {
  // Control and bidi-override characters are dropped; shells isolate the text on top of that.
  const s = subject
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > SUBJECT_MAX ? `${s.slice(0, SUBJECT_MAX - 1)}…` : s;
}

interface Seen {
  item: FloodItem;
  verdict: Verdict;
  at: number | undefined;
  entryClass: string | undefined;
  entry:
    | {
        host: string;
        ip: string | undefined;
        claimed: string | undefined;
        botLike: boolean;
        byHost: string | undefined;
      }
    | undefined;
}

/** The user's domain the flood is about: the one the forged originals carry most often. */
function userDomain(profile: Profile, forged: readonly Seen[]): string | undefined {
  const mine = [...new Set(profile.addresses.map(a => a.slice(a.lastIndexOf('@') + 1).toLowerCase()))];
  const counts = new Map<string, number>();
  for (const s of forged) {
    const o = s.item.analysis.original;
    const addresses = [...(o?.from ?? []).map(m => m.address), o?.returnPath ?? ''];
    for (const d of mine) {
      if (addresses.some(a => a.toLowerCase().endsWith(`@${d}`))) {
        bump(counts, d);
      }
    }
  }
  return top(counts, 1)[0]?.text ?? mine[0];
}

function majority<K extends string>(counts: Partial<Record<K, number>>, order: readonly K[]): K | undefined {
  let best: K | undefined;
  for (const k of order) {
    if ((counts[k] ?? 0) > 0 && (best === undefined || (counts[k] ?? 0) > (counts[best] ?? 0))) {
      best = k;
    }
  }
  return best;
}

function domainAdvice(domain: string | undefined, profile: Profile, forged: readonly Seen[]): DomainAdvice {
  const provider = domain === undefined ? undefined : providerForAddressDomain(domain);
  const dmarcCounts: Partial<Record<DmarcPolicy | 'missing', number>> = {};
  const spfCounts: Partial<Record<string, number>> = {};
  let dmarcSeen = 0;
  let failed = 0;
  let spfSeen = 0;
  let forgedPassed = 0;
  if (domain !== undefined) {
    for (const s of forged) {
      const o = s.item.analysis.original;
      if (o === undefined) {
        continue;
      }
      const d = dmarcFor(o, domain);
      if (d !== undefined) {
        const key = d.result === 'none' ? 'missing' : d.policy;
        if (key !== undefined) {
          dmarcSeen++;
          dmarcCounts[key] = (dmarcCounts[key] ?? 0) + 1;
        }
        failed += d.result === 'fail' ? 1 : 0;
      }
      const spf = spfFor(o, domain);
      if (spf !== undefined) {
        spfSeen++;
        const key = spf === 'hardfail' ? 'fail' : spf === 'permerror' || spf === 'temperror' ? 'error' : spf;
        spfCounts[key] = (spfCounts[key] ?? 0) + 1;
      }
      forgedPassed += dkimPassFor(o, domain) ? 1 : 0;
    }
  }
  // Where receivers disagree the record changed during the flood, or one of them cached it: the
  // majority is what the domain publishes now; on a tie, the weaker policy (the advice stays useful).
  const policy =
    majority(dmarcCounts, ['missing', 'none', 'quarantine', 'reject'] as const) ?? ('unknown' as const);
  const spf = (majority(spfCounts, ['none', 'neutral', 'softfail', 'fail', 'error', 'pass']) ??
    'unknown') as DomainAdvice['spf']['result'];
  const signedBy = profile.dkimDomains.filter(d => domain !== undefined && isUnder(d, domain));
  const kind: DomainAdvice['kind'] = domain === undefined ? 'unknown' : provider ? 'provider' : 'own';
  const steps: FloodFact[] = [];
  const p = { domain: domain ?? '' };
  if (kind === 'provider') {
    steps.push({
      id: 'provider-cannot-publish',
      params: { ...p, provider: provider?.name ?? '', policy: policy === 'unknown' ? '' : policy },
    });
    steps.push({ id: 'provider-report', params: { provider: provider?.name ?? '' } });
  } else if (kind === 'own') {
    if (profile.sampleSize > 0 && signedBy.length === 0 && policy !== 'reject') {
      // p=reject refuses the user's own unsigned mail wherever SPF does not align (forwarding).
      steps.push({ id: 'dkim-first', params: p });
    }
    steps.push({
      id:
        policy === 'missing'
          ? 'publish-dmarc'
          : policy === 'none'
            ? 'dmarc-none-to-reject'
            : policy === 'quarantine'
              ? 'dmarc-quarantine-to-reject'
              : policy === 'reject'
                ? 'dmarc-reject-already'
                : 'dmarc-check',
      params: p,
    });
    if (spf === 'none') {
      steps.push({ id: 'publish-spf', params: p });
    }
  } else {
    steps.push({ id: 'dmarc-check', params: p });
  }
  return {
    domain,
    kind,
    provider: provider?.name,
    dmarc: { policy, seen: dmarcSeen, counts: dmarcCounts, failed },
    spf: { result: spf, seen: spfSeen },
    dkim: { realMailSignedBy: signedBy, forgedPassed },
    steps,
  };
}

const ENTERED_OUTSIDE: ReadonlySet<string> = new Set(['foreign', 'ip-mismatch', 'unverifiable']);

function campaignOf(forged: readonly Seen[], n: number): Campaign {
  const subjects = new Map<string, number>();
  const domains = new Set<string>();
  const hosts = new Map<string, EntryHostCount>();
  let traced = 0;
  let bots = 0;
  for (const s of forged) {
    const a = s.item.analysis;
    const subject = a.original?.subject ?? a.answering?.quotedSubject;
    if (subject !== undefined && cleanSubject(subject) !== '') {
      bump(subjects, cleanSubject(subject));
    }
    for (const d of waveDomains(a) ?? []) {
      domains.add(d);
    }
    // Where a forged original entered: a foreign host, one whose name and address disagree, or one that
    // only claimed the user's own host with no reverse name recorded (trace.ts 'unverifiable').
    if (s.entry !== undefined && ENTERED_OUTSIDE.has(s.entryClass ?? '')) {
      traced++;
      bots += s.entry.botLike ? 1 : 0;
      const key = `${s.entry.host} ${s.entry.ip ?? ''} ${s.entry.claimed ?? ''}`;
      const known = hosts.get(key);
      hosts.set(key, { ...s.entry, count: (known?.count ?? 0) + 1 });
    }
  }
  const entryHosts = [...hosts.values()]
    .sort((x, y) => y.count - x.count || x.host.localeCompare(y.host))
    .slice(0, n)
    .map(({ host, ip, claimed, count, botLike }) => ({ host, ip, claimed, count, botLike }));
  return {
    messages: forged.length,
    subjects: top(subjects, n),
    distinctSubjects: subjects.size,
    bouncingDomains: domains.size,
    entryHosts,
    distinctEntryHosts: hosts.size,
    botEntries: bots,
    traced,
  };
}

const FROM_ACCOUNT = new Set(['provider', 'relay', 'submission', 'own-side']);

/** Originals that left through the user's account with authentication, and the user does not know them. */
function accountUse(seen: readonly Seen[]) {
  const candidates = seen.filter(s => {
    const d = s.item.decision;
    if (s.entryClass === undefined || !FROM_ACCOUNT.has(s.entryClass)) {
      return false;
    }
    // A submission is authenticated by its protocol (ESMTPSA, RFC 3848); a provider's own bounce of
    // outgoing mail only happens to a logged-in sender; a hand-over needs the receiver's auth pass.
    const authenticated =
      s.entryClass === 'submission' || s.entryClass === 'own-side' || has(d, 'original-auth', 'pass');
    const unknown = s.item.disowned === true || sentResult(d) === 'not-found';
    return authenticated && unknown;
  });
  const times = candidates
    .map(c => c.at)
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  let inWindow = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! > ACCOUNT_WAVE_HOURS * 3_600_000) {
      j++;
    }
    inWindow = Math.max(inWindow, i - j + 1);
  }
  const wave = inWindow >= ACCOUNT_WAVE;
  const spammy = (s: Seen) => has(s.item.decision, 'spam-content') || has(s.item.decision, 'spam-recipients');
  const strong = candidates.filter(s => wave || s.item.disowned === true || spammy(s));
  const weak = candidates.filter(s => !strong.includes(s));
  return { strong, weak, wave, inWindow, spammy: strong.filter(spammy).length };
}

const idsOf = (list: readonly Seen[]) =>
  list
    .map(s => s.item.analysis.original?.messageId)
    .filter((id): id is string => id !== undefined)
    .slice(0, MAX_IDS);

function answerOf(seen: readonly Seen[], verdicts: VerdictCounts): Answer {
  const forged = seen.filter(s => s.verdict === 'backscatter');
  const account = accountUse(seen);
  const notes: FloodFact[] = [];
  if (account.weak.length > 0) {
    notes.push({ id: 'unsaved', params: { count: account.weak.length } });
  }
  if (account.strong.length > 0) {
    const k = account.strong;
    const count = (pred: (s: Seen) => boolean) => k.filter(pred).length;
    const hosts = [...new Set(k.map(s => s.entry?.host).filter((h): h is string => h !== undefined))];
    const evidence: FloodFact[] = [
      {
        id: 'account-entry',
        params: {
          count: count(s => s.entryClass === 'provider' || s.entryClass === 'relay'),
          hosts: hosts.slice(0, 3).join(', '),
        },
      },
      { id: 'account-submission', params: { count: count(s => s.entryClass === 'submission') } },
      { id: 'account-own-side', params: { count: count(s => s.entryClass === 'own-side') } },
      {
        id: 'account-auth-pass',
        params: { count: count(s => has(s.item.decision, 'original-auth', 'pass')) },
      },
      {
        id: 'account-not-in-sent',
        params: { count: count(s => sentResult(s.item.decision) === 'not-found') },
      },
      { id: 'account-disowned', params: { count: count(s => s.item.disowned === true) } },
      { id: 'account-spam', params: { count: account.spammy } },
      {
        id: 'account-wave',
        params: { count: account.wave ? account.inWindow : 0, hours: ACCOUNT_WAVE_HOURS },
      },
    ].filter(f => (f.params['count'] as number) > 0);
    if (forged.length > 0) {
      notes.push({ id: 'also-forged', params: { count: forged.length } });
    }
    return {
      id: 'account-used',
      params: { count: k.length, total: verdicts.backscatter + verdicts.legitimate + verdicts.unsure },
      evidence,
      notes,
      accountMessageIds: idsOf([...k, ...account.weak]),
    };
  }
  if (verdicts.legitimate > 0 && forged.length > 0) {
    notes.push({ id: 'real', params: { count: verdicts.legitimate } });
  }
  if (verdicts.unsure > 0) {
    notes.push({ id: 'unsure', params: { count: verdicts.unsure } });
  }
  if (forged.length > 0) {
    const n = forged.length;
    const notInSent = forged.filter(s => sentResult(s.item.decision) === 'not-found').length;
    const foreign = forged.filter(s => s.entryClass === 'foreign' || s.entryClass === 'ip-mismatch');
    const evidence: FloodFact[] = [
      {
        id: 'foreign-entry',
        params: { count: foreign.length, total: n, bots: foreign.filter(s => s.entry?.botLike).length },
      },
      { id: 'not-in-sent', params: { count: notInSent, total: n } },
      {
        id: 'auth-fail',
        params: { count: forged.filter(s => has(s.item.decision, 'original-auth', 'fail')).length, total: n },
      },
      {
        id: 'forged-hops',
        params: { count: forged.filter(s => has(s.item.decision, 'forged-relay-hop')).length },
      },
      {
        id: 'foreign-ids',
        params: {
          count: forged.filter(
            s =>
              has(s.item.decision, 'message-id-shape') &&
              s.item.decision.evidence.some(
                e => e.signal === 'message-id-shape' && e.direction === 'backscatter',
              ),
          ).length,
        },
      },
      {
        id: 'wave-only',
        params: { count: forged.filter(s => s.item.analysis.original === undefined).length },
      },
    ].filter(f => (f.params['count'] as number) > 0);
    return { id: 'forged', params: { count: n }, evidence, notes, accountMessageIds: idsOf(account.weak) };
  }
  const id = verdicts.legitimate > 0 ? 'real-only' : verdicts.unsure > 0 ? 'unclear' : 'quiet';
  return {
    id,
    params: { count: id === 'real-only' ? verdicts.legitimate : verdicts.unsure },
    evidence: [],
    notes: notes.filter(n => n.id !== 'unsure' || id !== 'unclear'),
    accountMessageIds: idsOf(account.weak),
  };
}

export function floodReport(
  items: readonly FloodItem[],
  profile: Profile,
  options: FloodOptions = {},
): FloodReport {
  const n = options.top ?? 5;
  const verdicts = zero();
  const kinds: Partial<Record<MessageKind, VerdictCounts>> = {};
  const seen: Seen[] = [];
  for (const item of items) {
    const verdict = item.decision.verdict;
    if (verdict === undefined) {
      continue;
    }
    verdicts[verdict]++;
    const kind = item.analysis.kind;
    (kinds[kind] ??= zero())[verdict]++;
    const at =
      item.arrived !== undefined && Number.isFinite(item.arrived) ? item.arrived : dateOf(item.analysis.date);
    // The trace as decide() read it (verdict/trace.ts): which hop the original entered the receiving side at.
    const trace = item.analysis.original
      ? buildContext(item.analysis, profile, {}, undefined).trace
      : undefined;
    const hop = trace?.entry;
    seen.push({
      item,
      verdict,
      at,
      entryClass: trace?.entryClass,
      entry:
        hop === undefined
          ? undefined
          : {
              // What the receiver verified is the machine; an unverified name is only what it said.
              host:
                (trace?.entryVerified ? hop.fromHost : undefined) ??
                hop.ip ??
                hop.fromHost ??
                hop.helo ??
                'unknown',
              ip: hop.ip,
              claimed: trace?.entryVerified ? undefined : (hop.helo ?? hop.fromHost),
              botLike: trace?.entryBotLike ?? false,
              byHost: hop.byHost,
            },
    });
  }
  const times = seen.map(s => s.at).filter((t): t is number => t !== undefined);
  const forged = seen.filter(s => s.verdict === 'backscatter');
  const domain = domainAdvice(userDomain(profile, forged), profile, forged);
  // Relays learned from the user's real mail: the profile's, plus where the originals of real bounces
  // entered the receiving side from the user's provider or servers (or the user's server that logged
  // the submission).
  const relays = new Set(profile.relays);
  for (const s of seen) {
    if (s.verdict !== 'legitimate' || s.entry === undefined) {
      continue;
    }
    if (s.entryClass === 'provider' || s.entryClass === 'relay') {
      relays.add((s.entry.claimed ?? s.entry.host).toLowerCase());
    } else if (s.entryClass === 'submission' && s.entry.byHost !== undefined) {
      relays.add(s.entry.byHost.toLowerCase());
    }
  }
  // A provider's shared domain: its servers are the provider's, and no admin of the user's runs them.
  const provider = domain.kind === 'provider' ? providerForAddressDomain(domain.domain ?? '') : undefined;
  const relayList = [...relays].filter(r => provider === undefined || !isProviderHost(provider, r)).sort();
  const orderedKinds: Partial<Record<MessageKind, VerdictCounts>> = {};
  for (const k of AUTOMATED_KINDS) {
    if (kinds[k] !== undefined) {
      orderedKinds[k] = kinds[k];
    }
  }
  return {
    total: items.length,
    automated: seen.length,
    verdicts,
    kinds: orderedKinds,
    first: times.length > 0 ? times.reduce((a, b) => Math.min(a, b)) : undefined,
    last: times.length > 0 ? times.reduce((a, b) => Math.max(a, b)) : undefined,
    timeline: buildTimeline(
      seen.map(s => ({ at: s.at, verdict: s.verdict })),
      options.utcOffsetMinutes ?? 0,
    ),
    campaign: campaignOf(forged, n),
    answer: answerOf(seen, verdicts),
    domain,
    relays: relayList,
    admin: adminExports({ relays: relayList, domain, profile, junkFolder: options.junkFolder ?? 'Junk' }),
  };
}
