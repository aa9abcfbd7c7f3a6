// Reading the original's Received chain the way a mail admin does. Each Received line is written by
// the server that received the message (RFC 5321 §4.4), newest on top. The top lines were written by
// the side that bounced it, so they are trustworthy; everything below the point where the message
// entered that side was written by whoever sent it, and can be forged at will. So we walk down from
// the top while the hop's sender is still inside the receiving side (same organisation, a private
// address, or a gateway whose own Received line continues the chain) and stop at the first hop whose
// sender is outside: the entry hop. Its sender name and IP were recorded by the receiver.
import type { Analysis, OriginalMessage, ReceivedHop } from '../types';
import type { SignalContext } from './context';
import { isPrivateIp, looksDynamic, orgOf } from './hosts';
import { type Provider, ipInProvider, isProviderHost } from './providers';

export type EntryClass =
  | 'provider' // handed over by the user's provider's outbound servers (name verified, IP in range when published)
  | 'relay' // handed over by one of the user's own (learned or configured) servers
  | 'submission' // the receiving side is the user's own server, and it logged an authenticated submission
  | 'foreign' // handed over by a server that is not the user's
  | 'ip-mismatch' // the sender claims the user's provider, but its IP is outside the provider's ranges
  | 'unverifiable' // the sender only claims the user's provider or relay: no reverse name recorded, no range to check
  | 'own-side' // the user's own provider/server wrote the bounce, and no hop shows the message coming in from outside
  | 'none'; // no hop tells (no Received lines, or all inside one side)

export interface Trace {
  entryIndex: number;
  entry: ReceivedHop | undefined;
  entryClass: EntryClass;
  /** The receiver recorded a reverse-DNS name for the sender (not just the name the sender claimed). */
  entryVerified: boolean;
  /** The entry IP lies in the user's provider's published ranges. */
  entryIpChecked: boolean;
  /** The entry's sender looks like a spam bot: no reverse name, or a dial-up/dynamic one. */
  entryBotLike: boolean;
  provider: Provider | undefined;
  /** Organisations whose servers wrote the trusted top of the chain. */
  receivingOrgs: ReadonlySet<string>;
  /** The receiving side is the user's own provider or server (a bounce generated on the way out). */
  ownSide: boolean;
  /** A hop below the entry that claims the user's servers although the entry is foreign: forged. */
  forgedBelow: ReceivedHop | undefined;
}

// RFC 3848 "with" keywords for authenticated submission, webmail (HTTP) and Exchange's client
// protocol ("with mapi id 15.20…", only logged-in Outlook clients speak it).
const AUTHENTICATED = /^(ESMTPS?A|UTF8SMTPS?A|LMTPS?A|SMTPS?A|HTTPS?|MAPI)$/;

/**
 * Did the receiver verify the sender's name? Postfix "from helo (rdns [ip])", Exim "from rdns ([ip]:port
 * helo=…)" or "from rdns ([ip]:port)" (Exim leaves helo= out when it equals the name), and qmail "from
 * rdns (HELO helo) (ip)" record a reverse-DNS name; "(unknown [ip])", qmail "from unknown", Sendmail
 * "(may be forged)", Sendmail's "from helo ([ip])" and Microsoft's "from helo (ip)" mean the name is
 * only what the sender said in HELO.
 */
export function fromVerified(hop: ReceivedHop, raw: string | undefined): boolean {
  if (hop.fromHost === undefined) {
    return false;
  }
  if (raw === undefined) {
    return true;
  }
  const from = /(?:^|\s)from\s+(\S+)\s*(\([^)]*\))?/i.exec(raw);
  if (!from) {
    return false;
  }
  const comment = from[2] ?? '';
  if (/may be forged/i.test(raw)) {
    return false;
  }
  if (/^\(\s*unknown\b/i.test(comment)) {
    return false;
  }
  const named = /^\(\s*([a-z0-9][a-z0-9.-]*\.[a-z]{2,})/i.exec(comment)?.[1]?.toLowerCase();
  if (named !== undefined) {
    return named === hop.fromHost;
  }
  // Exim: "from rdns ([ip]:port …)" or "from rdns ([ip] helo=…)": the first token is the looked-up name.
  // A bare "([ip])" is Sendmail's record of a client it found no name for.
  if (/^\(\s*\[[0-9a-f.:]+\](?::\d+|\s+helo=)/i.test(comment)) {
    return true;
  }
  // qmail: "from rdns (HELO helo) (ip)": qmail writes "unknown" first when the lookup failed.
  return /^\(\s*(?:HELO|EHLO)\s/i.test(comment) && /\)\s*\(\s*[0-9a-f.:]+\s*\)/i.test(raw);
}

/**
 * A sender no mail server would be: the receiver found no reverse name for it ("(unknown [ip])", qmail
 * "from unknown", Sendmail's bare "([ip])"), the name is a dial-up/dynamic pool one, or it greeted with
 * a one-label name ("User", "HOME-PC", "localhost") from a public address. Mail servers have static,
 * named addresses and greet with their full name (RFC 5321 §4.1.1.1; most receivers refuse mail
 * otherwise); spam bots on home connections do not. Sendmail's "(may be forged)" alone is not enough:
 * it only says the forward lookup disagreed, which big senders' pools (Microsoft 365) often do.
 */
export function botLike(hop: ReceivedHop, raw: string | undefined): boolean {
  const named = hop.fromHost !== undefined && !/^[0-9.:a-f]+$/i.test(hop.fromHost) ? hop.fromHost : undefined;
  if (looksDynamic(named) || looksDynamic(hop.helo)) {
    return true;
  }
  // Exchange ("with Microsoft SMTPSVC", "with Microsoft SMTP Server") never records a reverse name and
  // its own servers greet with NetBIOS names ("from BLU436-SMTP66 ([65.55.116.73])", lhost-outlook-01):
  // in its lines a bare address and a one-label name say nothing.
  const exchange = raw !== undefined && /\bwith\s+Microsoft\s+SMTP/i.test(raw);
  if (!exchange && hop.ip !== undefined && !isPrivateIp(hop.ip) && [hop.helo, named].some(oneLabel)) {
    return true;
  }
  if (raw === undefined) {
    return false;
  }
  // The receiver says it looked the address up and found no name: Postfix "(unknown [ip])", qmail
  // "from unknown (HELO …)", Sendmail "from helo ([ip])", Exim "from [ip] (helo=…)" (Exim writes the
  // name first when it has one). A receiver that never records names ("from [ip] by …", MessageLabs)
  // tells nothing either way.
  return (
    /\(\s*unknown\s*\[/i.test(raw) ||
    /^\s*from\s+unknown\s+\(\s*(?:HELO|EHLO)\s/i.test(raw) ||
    (!exchange && /^\s*from\s+\S+\s+\(\s*\[[0-9a-f.:]+\]\s*\)/i.test(raw)) ||
    /^\s*from\s+\[[0-9a-f.:]+\](?::\d+)?\s+\(helo=/i.test(raw)
  );
}

/** "User", "HOME-PC", "localhost": a greeting with no domain in it (not an address literal). */
function oneLabel(name: string | undefined): boolean {
  return (
    name !== undefined &&
    name !== 'unknown' &&
    !name.includes('.') &&
    !name.includes(':') &&
    !name.startsWith('[')
  );
}

/**
 * A host on the route the profile knows the user's mail takes: their provider's outbound servers, or a
 * relay learned from Sent or configured. Not merely a host under the user's domain: that says nothing
 * about the route (a custom domain may send through any service).
 */
function isKnownRoute(ctx: SignalContext, host: string | undefined): boolean {
  if (host === undefined) {
    return false;
  }
  if (ctx.providers.some(p => isProviderHost(p, host))) {
    return true;
  }
  const org = orgOf(host);
  return ctx.profile.relays.some(
    r =>
      r === host || (org !== undefined && orgOf(r) === org && !ctx.providers.some(p => isProviderHost(p, r))),
  );
}

function isUserHost(ctx: SignalContext, host: string | undefined): Provider | 'relay' | undefined {
  if (host === undefined) {
    return undefined;
  }
  const provider = ctx.providers.find(p => isProviderHost(p, host));
  if (provider) {
    return provider;
  }
  const org = orgOf(host);
  if (ctx.profile.relays.includes(host) || (org !== undefined && ctx.userOrgs.has(org))) {
    return 'relay';
  }
  return undefined;
}

function isOwnSide(ctx: SignalContext, orgs: ReadonlySet<string>): boolean {
  return [...orgs].some(org => ctx.userOrgs.has(org) || ctx.providers.some(p => p.orgs.has(org)));
}

export function readTrace(
  analysis: Analysis,
  original: OriginalMessage | undefined,
  ctx: SignalContext,
): Trace | undefined {
  const hops = original?.received ?? [];
  const raws = (original?.headers ?? []).filter(h => h.name === 'received').map(h => h.value);
  const receivingOrgs = new Set<string>();
  const add = (host: string | undefined) => {
    const org = orgOf(host);
    if (org !== undefined) {
      receivingOrgs.add(org);
    }
  };
  // The bounce's author (Reporting-MTA, the host of MAILER-DAEMON@host) wrote the top of the chain.
  add(analysis.reportingMta);
  const author = analysis.from?.address;
  add(author?.slice(author.lastIndexOf('@') + 1));
  if (hops.length === 0) {
    // No trace at all (Gmail's own DSN quotes the original with X-Received only). If the user's own
    // provider wrote the bounce, the message was in its outbound queue without coming in from outside.
    const ownSide = isOwnSide(ctx, receivingOrgs);
    // Otherwise the report's own record of who handed the message over is the entry hop (issue 9 §2).
    const reported = ownSide ? undefined : reportedEntry(analysis, ctx, receivingOrgs);
    if (reported !== undefined || original === undefined) {
      return reported;
    }
    return {
      entryIndex: -1,
      entry: undefined,
      entryClass: ownSide ? 'own-side' : 'none',
      entryVerified: false,
      entryIpChecked: false,
      entryBotLike: false,
      provider: undefined,
      receivingOrgs,
      ownSide,
      forgedBelow: undefined,
    };
  }
  add(hops[0]?.byHost);

  let entryIndex = -1;
  let gatewayIndex = -1;
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i]!;
    // "from 192.0.2.250 by …": an address where a name should be is no name.
    const sender =
      hop.fromHost !== undefined && /^[0-9.:a-f]+$/i.test(hop.fromHost) && /[.:]/.test(hop.fromHost)
        ? undefined
        : hop.fromHost;
    const senderOrg = orgOf(sender);
    const next = hops[i + 1];
    const nextOrg = orgOf(next?.byHost);
    const internal =
      isPrivateIp(hop.ip) ||
      // "localhost" is a name anyone can say: internal only when the recorded address agrees.
      (sender === 'localhost' && (hop.ip === undefined || isPrivateIp(hop.ip))) ||
      (sender === undefined && hop.ip === undefined && hop.helo === undefined) ||
      (senderOrg !== undefined && receivingOrgs.has(senderOrg)) ||
      // An unnamed hand-off inside the receiving side ("from [183.79.100.140] by nh503.bullet…"): the
      // line below was written by one of the receiving side's own servers, so that server sent it.
      (sender === undefined && nextOrg !== undefined && receivingOrgs.has(nextOrg));
    if (internal) {
      add(next?.byHost);
      continue;
    }
    if (isUserHost(ctx, sender) === undefined) {
      // A filtering gateway in front of the receiver (Mimecast, Proofpoint, a university relay): its own
      // Received line is the next one down. Trust it only if it is not a dial-up host, which a spam bot
      // could name in a forged line.
      if (
        next !== undefined &&
        senderOrg !== undefined &&
        nextOrg === senderOrg &&
        !looksDynamic(sender) &&
        fromVerified(hop, raws[i])
      ) {
        receivingOrgs.add(senderOrg);
        gatewayIndex = gatewayIndex === -1 ? i : gatewayIndex;
        continue;
      }
    }
    entryIndex = i;
    break;
  }

  // A "gateway" below which nothing came in from outside did not relay the message, it started there
  // (an open relay or a web server that wrote its own Received line about a local pickup): a filtering
  // gateway never originates mail. Its hand-over to the receiver is then the entry.
  if (entryIndex === -1 && gatewayIndex !== -1) {
    entryIndex = gatewayIndex;
    const org = orgOf(hops[gatewayIndex]!.fromHost);
    if (org !== undefined) {
      receivingOrgs.delete(org);
    }
  }

  const ownSide = isOwnSide(ctx, receivingOrgs);

  if (entryIndex === -1) {
    // Every hop is inside one side. If that side is the user's and its lowest line logged an
    // authenticated submission, the user's own server took it from the user.
    const lowest = hops[hops.length - 1]!;
    const byUser = isUserHost(ctx, lowest.byHost) !== undefined || ownSide;
    const entryClass: EntryClass = !byUser
      ? 'none'
      : AUTHENTICATED.test(lowest.protocol ?? '')
        ? 'submission'
        : 'own-side';
    return {
      entryIndex: hops.length - 1,
      entry: lowest,
      entryClass,
      entryVerified: false,
      entryIpChecked: false,
      entryBotLike: false,
      provider: undefined,
      receivingOrgs,
      ownSide,
      forgedBelow: undefined,
    };
  }

  const entry = hops[entryIndex]!;
  const verified = fromVerified(entry, raws[entryIndex]);
  let entryClass: EntryClass;
  let provider: Provider | undefined;
  if (confirmedOwnIp(ctx, entry)) {
    // The address a bounce of the user's own mail (original found in Sent) showed it leaving from.
    entryClass = 'relay';
  } else if (isUserHost(ctx, entry.byHost) !== undefined) {
    // The user's own server received it from outside: only an authenticated submission is the user.
    entryClass = AUTHENTICATED.test(entry.protocol ?? '') ? 'submission' : 'foreign';
  } else {
    const userHost = isUserHost(ctx, entry.fromHost);
    // A receiver that records the address only ("from [40.107.1.2] by …"): the address is then all
    // there is, and inside the user's provider's published ranges it is the provider's server.
    const byAddress =
      entry.fromHost === undefined && entry.ip !== undefined
        ? ctx.providers.find(p => ipInProvider(p, entry.ip!) === true)
        : undefined;
    if (byAddress !== undefined) {
      provider = byAddress;
      entryClass = 'provider';
    } else if (
      entry.fromHost === undefined &&
      entry.helo === undefined &&
      !botLike(entry, raws[entryIndex])
    ) {
      // …and outside them (or with no ranges to check) the line names nobody: it tells nothing.
      entryClass = 'unverifiable';
    } else if (userHost === undefined) {
      entryClass = 'foreign';
    } else if (userHost === 'relay') {
      // Only named, with no reverse name recorded (Microsoft 365's and address-only receivers never
      // record one, Postfix says "unknown"): the user's server without a PTR record, or a bot saying
      // the user's name. The line alone cannot tell them apart.
      entryClass = verified ? 'relay' : 'unverifiable';
    } else {
      provider = userHost;
      const inRange = entry.ip === undefined ? undefined : ipInProvider(userHost, entry.ip);
      if (inRange === false) {
        entryClass = 'ip-mismatch';
      } else if (inRange === true || verified) {
        entryClass = 'provider';
      } else {
        entryClass = 'unverifiable';
      }
    }
  }
  // Only below a bot-like or impostor entry: a properly named server handing over may be a smarthost
  // or gateway we do not know, with the user's genuine hops below it.
  let forgedBelow: ReceivedHop | undefined;
  if (entryClass === 'ip-mismatch' || (entryClass === 'foreign' && botLike(entry, raws[entryIndex]))) {
    // Only the route the profile knows: a host merely under the user's domain is no evidence, since real
    // chains below a nameless entry are often the user's own servers (corpus: lhost-mcafee-04,
    // lhost-surfcontrol-02, rhost-messagelabs-03 record senders by address only).
    forgedBelow = hops
      .slice(entryIndex + 1)
      .find(hop => isKnownRoute(ctx, hop.fromHost) || isKnownRoute(ctx, hop.byHost));
  }
  return {
    entryIndex,
    entry,
    entryClass,
    entryVerified: verified,
    entryIpChecked:
      entryClass === 'provider' &&
      provider !== undefined &&
      entry.ip !== undefined &&
      ipInProvider(provider, entry.ip) === true,
    entryBotLike: botLike(entry, raws[entryIndex]),
    provider,
    receivingOrgs,
    ownSide,
    forgedBelow,
  };
}

/**
 * The entry hop's IP is one the user's own mail was confirmed to leave from (profile.confirmed.entryIps,
 * from bounces whose original was found in Sent): the user's route, however the hop is named. A private
 * address proves nothing (every network has one); an IP not on the list proves nothing either.
 */
function confirmedOwnIp(ctx: SignalContext, hop: ReceivedHop): boolean {
  return hop.ip !== undefined && !isPrivateIp(hop.ip) && ctx.confirmedEntryIps.has(hop.ip.toLowerCase());
}

/**
 * With no Received line to read, the reporting server's own record of who handed it the message
 * (Received-From-MTA, RFC 3464 §2.2.4; Sendmail's "The original message was received at … from HOST
 * [IP]"; report/handed-over.ts) is the entry hop: the bouncing side wrote it. Read as a Received line's
 * sender is: an address in the user's provider's ranges or confirmed as the user's, a bot (no name
 * recorded, a dial-up name, a one-label greeting from a public address), an impostor of the provider.
 * Undefined when it says nothing: a hand-over inside the reporter (loopback, private, its own
 * organisation: content filters re-inject that way), or a reporter that relayed the message on to
 * another organisation (then it was an outbound relay, and whoever handed it over was a client
 * submitting, not a server delivering to the recipient's side).
 */
function reportedEntry(
  analysis: Analysis,
  ctx: SignalContext,
  receivingOrgs: ReadonlySet<string>,
): Trace | undefined {
  const h = analysis.handedOverBy;
  if (h === undefined) {
    return undefined;
  }
  const hop: ReceivedHop = {
    fromHost: h.host,
    helo: h.helo,
    ip: h.ip,
    byHost: analysis.reportingMta,
    protocol: undefined,
    date: undefined,
  };
  const org = orgOf(h.host);
  if (
    isPrivateIp(h.ip) ||
    h.host === 'localhost' ||
    h.host?.startsWith('localhost.') === true ||
    (org !== undefined && receivingOrgs.has(org))
  ) {
    return undefined;
  }
  const relayedOn = analysis.recipients.some(r => {
    if (r.remoteMta === undefined || isPrivateIp(r.remoteMta)) {
      return false;
    }
    const remote = orgOf(r.remoteMta);
    return remote === undefined || !receivingOrgs.has(remote);
  });
  let entryClass: EntryClass | undefined;
  let provider: Provider | undefined;
  const inRange = h.ip === undefined ? undefined : ctx.providers.find(p => ipInProvider(p, h.ip!) === true);
  const userHost = isUserHost(ctx, h.host);
  // Sendmail records "[ip]" when it found no name for the client: nameless, as "(unknown [ip])" is.
  const bot = botLike(hop, undefined) || (h.host === undefined && h.helo === undefined && h.ip !== undefined);
  if (confirmedOwnIp(ctx, hop)) {
    entryClass = 'relay';
  } else if (inRange !== undefined) {
    provider = inRange;
    entryClass = 'provider';
  } else if (userHost !== undefined && userHost !== 'relay' && h.ip !== undefined) {
    // Claims the provider's name from an address outside its published ranges.
    provider = userHost;
    entryClass = ipInProvider(userHost, h.ip) === false ? 'ip-mismatch' : 'unverifiable';
  } else if (userHost !== undefined) {
    // The user's own server: a name recorded together with the address is the reporter's reverse lookup
    // (Sendmail's "name [ip]", Courier's "helo (rdns [ip])"); a name alone may be the client's greeting.
    entryClass =
      userHost === 'relay' && h.ip !== undefined && !/may be forged/i.test(h.raw) ? 'relay' : 'unverifiable';
  } else if (bot && !relayedOn) {
    entryClass = 'foreign';
  }
  if (entryClass === undefined) {
    // A properly named server that is not the user's: a gateway or smarthost the report cannot chain
    // through (it has no Received lines to follow), so it says nothing.
    return undefined;
  }
  return {
    entryIndex: -1,
    entry: hop,
    entryClass,
    entryVerified: false,
    entryIpChecked: entryClass === 'provider',
    entryBotLike: entryClass === 'foreign' && bot,
    provider,
    receivingOrgs,
    ownSide: false,
    forgedBelow: undefined,
  };
}
