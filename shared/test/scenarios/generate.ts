// Builds the labelled scenario set: `npx tsx shared/test/scenarios/generate.ts`. Deterministic (seeded),
// so running it again rewrites the same bytes. Output: messages/*.eml, sent/<persona>/*.eml (each
// persona's Sent folder, which the harness learns the profile from and looks ids up in), labels.tsv.
//
// Every bounce wraps a real one from test/corpus (shells.ts): its headers, wording and structure
// stay as the real MTA wrote them; the generator swaps the addresses, the reporting host and the
// bounced original. Originals are built here: genuine ones the way each persona's provider sends
// (personas.ts), forged ones the way spam runs forge them. What makes a forgery is explained next to
// each builder; labels say only the truth (did the persona send it?), never what the engine says.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/index';
import type { Analysis } from '../../src/types';
import { PERSONAS, type Persona, uuid } from './personas';
import { Rng } from './rng';
import { SHELLS, type Shell, type ShellRole } from './shells';

const here = import.meta.dirname;
const repoRoot = path.resolve(here, '../../..');
const corpus = path.resolve(repoRoot, 'test/corpus');
const shellDir = path.join(here, 'shells');
const outDir = path.join(here, 'messages');
const sentDir = path.join(here, 'sent');

export type Truth = 'backscatter' | 'legitimate' | 'none';
export interface Label {
  file: string;
  persona: string;
  truth: Truth;
  category: string;
  sent: 'available' | 'unavailable';
  campaign: boolean;
  shell: string;
  originalId: string;
}

const rng = new Rng(20261127);
const BASE = Date.UTC(2026, 10, 20, 8, 0, 0);
let clock = 0;
function nextDate(): string {
  clock += rng.int(600, 7200) * 1000;
  return new Date(BASE + clock).toUTCString().replace('GMT', '+0000');
}

// --- recipients, subjects, bodies ---------------------------------------------------------------
const FIRST = [
  'anna',
  'ben',
  'chloe',
  'david',
  'elena',
  'felix',
  'greta',
  'hugo',
  'ines',
  'jonas',
  'karin',
  'lukas',
  'mia',
  'noah',
  'olga',
  'paul',
];
const LAST = [
  'schmidt',
  'meyer',
  'dubois',
  'rossi',
  'garcia',
  'novak',
  'jensen',
  'smith',
  'tanaka',
  'kowalski',
  'silva',
  'berg',
];
const ORGS = [
  'acme-tools',
  'nordwind',
  'bluepeak',
  'stadtwerke-sued',
  'alpine-partners',
  'riverside-clinic',
  'kite-labs',
  'harbor-freight',
  'oakridge-school',
  'solaris-energy',
];
const colleague = () => `${rng.pick(FIRST)}.${rng.pick(LAST)}@${rng.pick(ORGS)}.example`;
const victim = () =>
  `${rng.chars('abcdefghijklmnopqrstuvwxyz', rng.int(4, 9))}${rng.int(1, 999)}@${rng.pick(['mail', 'post', 'web', 'inbox', 'net'])}${rng.int(1, 99)}.example`;

const GENUINE_SUBJECTS = [
  'Minutes of Tuesday’s meeting',
  'Invoice 2026-114',
  'Re: dinner on Friday?',
  'Draft contract, second round',
  'Photos from the trip',
  'Question about the offer',
  'Fwd: parking permit',
  'Updated schedule',
  'Your application',
  'Thanks for yesterday',
];
const GENUINE_BODIES = [
  'Hi, attached are the notes from Tuesday. Let me know if I missed anything.',
  'Hello, please find the invoice attached. Payment within 30 days.',
  'Sounds great, see you at 7. Best regards',
  'Here is the revised draft with your comments included.',
  'As discussed on the phone, here are the details.',
];
// Real people also write these words; the legitimate "spammy" category uses them in genuine mail.
const SPAMMY_GENUINE = [
  'Casino night for the charity — are you in?',
  'Re: the lottery ticket we bought together',
  'Crypto tax question for our accountant',
];
const SPAM_SUBJECTS = [
  'Cheap meds without prescription',
  'You have won 1,000,000 USD',
  'Hot singles in your area',
  'Best online casino bonus 300%',
  'Replica watches -80%',
  'Bitcoin investment opportunity',
  'Weight loss miracle',
  'Re: your invoice',
  'Document for you',
  'Urgent: beneficiary confirmation',
];
const SPAM_BODIES = [
  'Dear friend, claim your prize now, limited time offer! Click here: http://promo.example/x',
  'Buy viagra and cialis online, no prescription, discreet shipping.',
  'You have been selected as the beneficiary of an unclaimed inheritance. Reply with your bank details.',
  'Join the best casino, 300% bonus on first deposit.',
  'Open the attached document to view your invoice.',
];
const SPAM_MAILERS = [
  'Microsoft Outlook Express 6.00.2900.2180',
  'The Bat! (v4.0.24) Professional',
  'PHPMailer 5.2.9 (https://github.com/PHPMailer/PHPMailer)',
  'Foxmail 7.2.23.116[cn]',
];

// --- originals ----------------------------------------------------------------------------------
interface Original {
  messageId: string | undefined;
  from: string;
  to: string[];
  subject: string;
  date: string;
  body: string;
  charset: string;
  userAgent: string | undefined;
  received: string[];
  auth: string[];
  dkim: string[];
  extra: [string, string][];
}

function render(o: Original, headersOnly: boolean): string {
  const lines: string[] = [];
  for (const r of o.received) {
    lines.push(`Received: ${r}`);
  }
  for (const a of o.auth) {
    lines.push(`Authentication-Results: ${a}`);
  }
  for (const d of o.dkim) {
    lines.push(
      `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${d}; s=${rng.pick(['s1', '20230601', 'selector1', 'mail', 'fm2'])};\n\th=from:to:subject:date:message-id; bh=${rng.chars('ABCDEFGHabcdefgh0123456789+/', 43)}=;\n\tb=${rng.chars('ABCDEFGHIJKLMNOPabcdefghijklmnop0123456789+/', 70)}`,
    );
  }
  for (const [name, value] of o.extra) {
    lines.push(`${name}: ${value}`);
  }
  lines.push('MIME-Version: 1.0');
  lines.push(`From: ${o.from}`);
  lines.push(`To: ${o.to.join(', ')}`);
  lines.push(`Subject: ${o.subject}`);
  lines.push(`Date: ${o.date}`);
  if (o.messageId !== undefined) {
    lines.push(`Message-ID: <${o.messageId}>`);
  }
  if (o.userAgent !== undefined) {
    lines.push(`${o.userAgent.startsWith('Mozilla') ? 'User-Agent' : 'X-Mailer'}: ${o.userAgent}`);
  }
  lines.push(`Content-Type: text/plain; charset=${o.charset}`);
  lines.push('Content-Transfer-Encoding: 7bit');
  return `${lines.join('\n')}\n${headersOnly ? '' : `\n${o.body}\n`}`;
}

/** Genuine mail: the persona's program, ids, signature and servers. `receiver` got it from the persona's outbound server. */
function genuine(
  p: Persona,
  rcpt: string,
  receiver: string | undefined,
  opts: { subject?: string; gateway?: boolean; authResults?: boolean; phone?: boolean } = {},
): Original {
  const date = nextDate();
  const received: string[] = [];
  if (receiver !== undefined) {
    const out = p.outbound(rng);
    const qid = rng.chars('0123456789ABCDEF', 11);
    if (opts.gateway) {
      // A filtering gateway in front of the recipient: its relay hands over, its own line is next.
      received.push(
        `from relay-out${rng.int(1, 4)}.gw-filter.example (relay-out${rng.int(1, 4)}.gw-filter.example [203.0.113.${rng.int(10, 60)}])\n\tby ${receiver} (Postfix) with ESMTPS id ${qid}\n\tfor <${rcpt}>; ${date}`,
      );
      received.push(
        `from ${out.host} (${out.host} [${out.ip}])\n\tby in${rng.int(1, 4)}.gw-filter.example with ESMTPS id ${rng.chars('abcdef0123456789', 12)}\n\tfor <${rcpt}>; ${date}`,
      );
    } else {
      received.push(
        `from ${out.host} (${out.host} [${out.ip}])\n\tby ${receiver} (Postfix) with ESMTPS id ${qid}\n\tfor <${rcpt}>; ${date}`,
      );
    }
  }
  received.push(...p.ownHops(rng, date).map(h => h.replace('<x>', `<${rcpt}>`)));
  const auth =
    receiver !== undefined && opts.authResults
      ? [
          `${receiver};\n\tdkim=pass header.d=${p.dkim[0]};\n\tspf=pass smtp.mailfrom=${p.domain};\n\tdmarc=pass header.from=${p.domain}`,
        ]
      : [];
  return {
    messageId: opts.phone ? `${uuid(rng).toUpperCase()}@${p.domain}` : p.messageId(rng),
    from: `${p.name} <${p.address}>`,
    to: [rcpt],
    subject: opts.subject ?? rng.pick(GENUINE_SUBJECTS),
    date,
    body: rng.pick(GENUINE_BODIES),
    charset: 'UTF-8',
    userAgent: opts.phone ? 'iPhone Mail (21G93)' : p.userAgent,
    received,
    auth,
    dkim: p.dkim.slice(0, 1),
    extra: p.extraHeaders(rng),
  };
}

type ForgeryKind = 'random-id' | 'own-domain-id' | 'provider-hops' | 'auth-fail' | 'envelope-only' | 'mimic';

/**
 * Forged mail as spam runs send it: from a bot (dial-up rDNS or none), to strangers, with the persona's
 * address as the envelope sender. The receiving server's Received line records the bot; anything
 * below it is the bot's own invention.
 */
function forged(p: Persona, rcpt: string, receiver: string, kind: ForgeryKind): Original {
  const date = nextDate();
  // Public ranges that spam bots are commonly seen in (no private, loopback or CGNAT space).
  const a = rng.pick([
    62, 77, 81, 85, 89, 91, 93, 109, 117, 121, 151, 175, 177, 179, 181, 186, 187, 189, 190, 197, 200, 201,
  ]);
  const b = rng.int(0, 255);
  const c = rng.int(0, 255);
  const d = rng.int(1, 254);
  const botIp = `${a}.${b}.${c}.${d}`;
  const heloChoice = rng.pick([
    `[${botIp}]`,
    rng.pick(['User', 'localhost.localdomain', 'WIN-7H2K3J', 'pc']),
    `${p.domain}`,
  ]);
  // Most backscatter comes from bots on home connections; some from compromised web servers with
  // proper names, which only the rest of the evidence can unmask.
  const compromised = rng.chance(0.2);
  const rdns = compromised
    ? `${rng.pick(['web', 'srv', 'www', 'shop', 'wp'])}${rng.int(1, 40)}.${rng.pick(['hosting-eu', 'cheapvps', 'shared-web', 'webfarm'])}.example`
    : rng.chance(0.6)
      ? `${rng.pick(['dsl', 'dyn', 'pool', 'host', 'ip'])}-${a}-${b}-${c}-${d}.${rng.pick(['telecom', 'cable-net', 'broadband', 'isp'])}${rng.int(1, 9)}.example`
      : 'unknown';
  const helo = compromised ? rdns : heloChoice;
  const received = [
    `from ${helo} (${rdns} [${botIp}])\n\tby ${receiver} (Postfix) with ESMTP id ${rng.chars('0123456789ABCDEF', 11)}\n\tfor <${rcpt}>; ${date}`,
  ];
  if (kind === 'provider-hops') {
    // Spam kits paste Received lines that look like the victim's provider under the real entry.
    const fake = p.outbound(rng);
    received.push(
      `from ${fake.host} (${fake.host} [${fake.ip}])\n\tby ${p.bounceHost} with ESMTPS id ${rng.chars('abcdef0123456789', 12)}\n\tfor <${rcpt}>; ${date}`,
    );
    received.push(...p.ownHops(rng, date).map(h => h.replace('<x>', `<${rcpt}>`)));
  }
  const auth =
    kind === 'auth-fail'
      ? [
          `${receiver};\n\tspf=${rng.pick(['fail', 'softfail'])} smtp.mailfrom=${p.domain};\n\tdkim=none;\n\tdmarc=fail (p=${rng.pick(['reject', 'quarantine', 'none'])}) header.from=${p.domain}`,
        ]
      : [];
  let messageId: string | undefined;
  switch (kind) {
    case 'own-domain-id':
      // Ids forged with the victim's own domain, in a shape no mail program of theirs writes.
      messageId = rng.pick([
        `${rng.int(20260000, 20269999)}${rng.int(100000, 999999)}.${rng.chars('ABCDEF0123456789', 8)}@${p.domain}`,
        `${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 16)}@${p.domain}`,
        `000${rng.int(100000, 999999)}$${rng.chars('0123456789abcdef', 8)}@${p.domain}`,
      ]);
      break;
    case 'mimic':
      // A careful forger copies the persona's id habit and program; the route still betrays it.
      messageId = p.messageId(rng);
      break;
    default:
      messageId = rng.chance(0.1)
        ? undefined
        : rng.pick([
            `${rng.chars('abcdef0123456789', 24)}@${rng.pick(['mx', 'smtp', 'mail'])}.${rng.pick(ORGS)}.example`,
            `${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 12)}@${rng.pick(['mail.gmail.com', 'prod.outlook.com', 'mail.yahoo.com', 'gmail.com'])}`,
            `${uuid(rng).toUpperCase()}@${rng.chars('abcdefghijklmnopqrstuvwxyz', 7)}.example`,
          ]);
  }
  const russian = rng.chance(0.15);
  const to = rng.chance(0.3)
    ? Array.from({ length: rng.int(10, 25) }, victim)
    : rng.chance(0.3)
      ? [p.address]
      : [rcpt];
  return {
    messageId,
    from:
      kind === 'envelope-only'
        ? `"${rng.pick(['Pharmacy', 'Support', 'Lucky Winner', 'Bank'])}" <${rng.pick(['promo', 'info', 'news', 'support'])}@${rng.chars('abcdefghijklmnopqrstuvwxyz', 8)}.example>`
        : `${rng.chance(0.5) ? p.name : rng.pick(FIRST)} <${p.address}>`,
    to,
    subject: rng.pick(SPAM_SUBJECTS),
    date,
    body: rng.pick(SPAM_BODIES),
    charset: russian ? 'koi8-r' : rng.pick(['us-ascii', 'iso-8859-1', 'UTF-8', 'windows-1251']),
    userAgent: kind === 'mimic' ? p.userAgent : rng.chance(0.6) ? rng.pick(SPAM_MAILERS) : undefined,
    received,
    auth,
    dkim:
      kind === 'mimic' || rng.chance(0.7)
        ? []
        : [rng.pick(['mailer.spamhost.example', 'bulk-sender.example'])],
    extra: [],
  };
}

// --- shells -------------------------------------------------------------------------------------
interface ShellFacts {
  shell: Shell;
  text: string;
  analysis: Analysis;
  user: string[];
  failed: string[];
  hosts: string[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function topHeaderEnd(text: string): number {
  const i = text.indexOf('\n\n');
  return i === -1 ? text.length : i + 1;
}

function boundaryOf(text: string): string | undefined {
  const head = text.slice(0, topHeaderEnd(text));
  return /boundary\s*=\s*"?([^";\s]+)"?/i.exec(head)?.[1];
}

/** Where the bounced original sits in the shell's text, so it can be swapped. */
function originalRegion(f: ShellFacts): { start: number; end: number; headersOnly: boolean } | undefined {
  const { text, analysis: a } = f;
  const via = a.original?.via;
  const boundary = boundaryOf(text);
  const endFrom = (start: number) => {
    if (boundary === undefined) {
      return text.length;
    }
    const i = text.indexOf(`\n--${boundary}`, start);
    return i === -1 ? text.length : i + 1;
  };
  if (via === 'message/rfc822' || via === 'text/rfc822-headers') {
    const m = /^content-type:[ \t]*(message\/rfc822|text\/rfc822-headers)/im.exec(text);
    if (!m) {
      return undefined;
    }
    const blank = text.indexOf('\n\n', m.index);
    const start = blank + 2;
    return { start, end: endFrom(start), headersOnly: m[1]!.toLowerCase() === 'text/rfc822-headers' };
  }
  if (via === 'inline') {
    const first = a.original!.headers[0];
    if (first === undefined) {
      return undefined;
    }
    const re = new RegExp(`^${escapeRe(first.name)}:`, 'gim');
    re.lastIndex = topHeaderEnd(text);
    const m = re.exec(text);
    if (!m) {
      return undefined;
    }
    return {
      start: m.index,
      end: endFrom(m.index),
      headersOnly: a.original!.bodyTruncated && a.original!.bodyExcerpt === undefined,
    };
  }
  return undefined;
}

async function loadShell(shell: Shell): Promise<ShellFacts> {
  const file = path.join(shellDir, shell.file);
  if (shell.source !== '' && existsSync(corpus)) {
    copyFileSync(path.join(corpus, shell.source), file);
  }
  // A shell file holds one message: some corpus files carry a second one after an mbox "From " line.
  const whole = readFileSync(file, 'latin1').replace(/\r\n?/g, '\n');
  const next = whole.search(/\n\nFrom [^\n]*\d{4}\n/);
  const text = next === -1 ? whole : whole.slice(0, next + 1);
  const analysis = await analyze(new Uint8Array(Buffer.from(text, 'latin1')));
  const user = [
    ...new Set(
      [analysis.to[0]?.address, analysis.original?.from[0]?.address].filter(
        (a): a is string => a !== undefined && !/postmaster|mailer-daemon/i.test(a),
      ),
    ),
  ];
  const failed = analysis.recipients.map(r => r.address).filter(a => !user.includes(a));
  const fromHost = analysis.from?.address.split('@')[1];
  const hosts = [
    ...new Set(
      [analysis.reportingMta, fromHost].filter((h): h is string => h !== undefined && h.includes('.')),
    ),
  ];
  return { shell, text, analysis, user, failed, hosts };
}

function replaceAll(text: string, from: string, to: string): string {
  return text.replace(new RegExp(escapeRe(from), 'gi'), to);
}

interface Built {
  text: string;
  originalId: string;
}

/** The shell with the persona as its addressee, `rcpts` as failed recipients, `host` as the reporting host, and `original` inside. */
function wrap(
  f: ShellFacts,
  p: Persona,
  rcpts: string[],
  host: string,
  original: Original | undefined,
): Built | undefined {
  // Addresses and hosts are swapped in the shell's own text only, never inside the new original.
  const swap = (text: string) => {
    let t = text;
    for (const u of f.user) {
      t = replaceAll(t, u, p.address);
    }
    f.failed.forEach((a, i) => {
      t = replaceAll(t, a, rcpts[i % rcpts.length]!);
    });
    for (const h of f.hosts) {
      t = t.replace(new RegExp(`(?<![\\w.-])${escapeRe(h)}(?![\\w-])`, 'gi'), host);
    }
    return t;
  };
  if (original === undefined) {
    return { text: swap(f.text), originalId: '-' };
  }
  const region = originalRegion(f);
  if (region === undefined) {
    return undefined;
  }
  const text =
    swap(f.text.slice(0, region.start)) +
    render(original, region.headersOnly) +
    (region.end < f.text.length ? '\n' : '') +
    swap(f.text.slice(region.end));
  return { text, originalId: original.messageId ?? '-' };
}

/** An auto-reply or challenge shell made to answer `answered` (In-Reply-To) with `subject` quoted. */
function wrapReply(
  f: ShellFacts,
  p: Persona,
  answered: string | undefined,
  subject: string,
  original: Original | undefined,
): Built | undefined {
  let built = wrap(f, p, [colleague()], f.hosts[0] ?? 'mx.responder.example', original);
  if (built === undefined) {
    return undefined;
  }
  let text = built.text;
  const end = topHeaderEnd(text);
  let head = text.slice(0, end).replace(/^(In-Reply-To|References):.*\n(?:[ \t].*\n)*/gim, '');
  head = head.replace(/^Subject:.*\n(?:[ \t].*\n)*/im, `Subject: Automatic reply: ${subject}\n`);
  head = head.replace(/^To:.*\n(?:[ \t].*\n)*/im, `To: ${p.address}\n`);
  if (answered !== undefined) {
    head += `In-Reply-To: <${answered}>\nReferences: <${answered}>\n`;
  }
  text = head + text.slice(end);
  built = { text, originalId: original?.messageId ?? '-' };
  return built;
}

const VIRUS_TEMPLATE = (p: Persona, rcpt: string, date: string, orig: Original) => `Return-Path: <>
Received: from scanner.filter.example (scanner.filter.example [192.0.2.77])
\tby mx1.virus-scan.example (Postfix) with ESMTPS id 4ZX${rng.chars('0123456789ABCDEF', 8)}
\tfor <${p.address}>; ${date}
Date: ${date}
From: Content-filter at scanner.filter.example <postmaster@scanner.filter.example>
To: <${p.address}>
Subject: VIRUS (Worm.Mydoom.M) IN MAIL FROM YOU
Message-ID: <VR${rng.chars('0123456789abcdef', 16)}@scanner.filter.example>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Auto-Submitted: auto-replied

V I R U S  A L E R T

Our virus checker found the virus Worm.Mydoom.M in a message
from your address to <${rcpt}>.
The message was blocked and will not be delivered.

Our virus scanner detected the virus; please check your system.

----- Original message headers -----
${render(orig, true)}
`;

// --- the set ------------------------------------------------------------------------------------
async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(sentDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  mkdirSync(shellDir, { recursive: true });
  const facts = new Map<string, ShellFacts>();
  for (const shell of SHELLS) {
    // The virus notice is written here (VIRUS_TEMPLATE): the corpus has none.
    if (shell.source !== '' && !facts.has(shell.file)) {
      facts.set(shell.file, await loadShell(shell));
    }
  }
  const byRole = (role: ShellRole, persona?: string) =>
    SHELLS.filter(
      s =>
        s.role === role &&
        (persona === undefined || s.personas === undefined || s.personas.includes(persona)),
    ).map(s => facts.get(s.file)!);

  const labels: Label[] = [];
  let counter = 0;
  const emit = (
    p: Persona,
    truth: Truth,
    category: string,
    sent: Label['sent'],
    shell: string,
    built: Built | undefined,
    campaign = false,
  ) => {
    if (built === undefined) {
      throw new Error(`${category}: could not place the original in ${shell}`);
    }
    counter++;
    const file = `${String(counter).padStart(3, '0')}-${p.id}-${category}.eml`;
    // Mail stores hand messages over with CRLF (Exchange, IMAP) and old Macs with CR: vary the endings.
    const text =
      counter % 23 === 0
        ? built.text.replace(/\n/g, '\r')
        : counter % 7 === 0
          ? built.text.replace(/\n/g, '\r\n')
          : built.text;
    writeFileSync(path.join(outDir, file), Buffer.from(text, 'latin1'));
    labels.push({
      file,
      persona: p.id,
      truth,
      category,
      sent,
      campaign,
      shell,
      originalId: built.originalId,
    });
  };

  for (const p of PERSONAS) {
    const sentCopies: string[] = [];
    // The persona's Sent folder: ordinary mail they wrote (client-saved copies: no Received lines).
    for (let i = 0; i < 30; i++) {
      const o = genuine(p, colleague(), undefined);
      o.received = [];
      sentCopies.push(render(o, false));
    }
    const ndrs = byRole('ndr');
    let n = 0;
    const ndrShell = () => ndrs[n++ % ndrs.length]!;
    const remoteHost = (rcpt: string) => `mx${rng.int(1, 3)}.${rcpt.split('@')[1]}`;

    // Genuine bounces written by the recipient's side (accepted, then bounced).
    const genuineNdr = (
      category: string,
      sent: Label['sent'],
      saved: boolean,
      opts: Parameters<typeof genuine>[3] = {},
    ) => {
      const f = ndrShell();
      const rcpts = f.failed.map(() => colleague());
      const host = remoteHost(rcpts[0] ?? colleague());
      const o = genuine(p, rcpts[0] ?? colleague(), host, { authResults: rng.chance(0.5), ...opts });
      o.to = rcpts.length > 0 ? rcpts : o.to;
      if (saved) {
        const copy = { ...o, received: [], auth: [], dkim: [] };
        sentCopies.push(render(copy, false));
      }
      emit(
        p,
        'legitimate',
        category,
        sent,
        f.shell.file,
        wrap(f, p, rcpts.length > 0 ? rcpts : [colleague()], host, o),
      );
    };
    for (let i = 0; i < 10; i++) {
      genuineNdr('genuine-in-sent', 'available', true);
    }
    for (let i = 0; i < 5; i++) {
      // Sent from a phone or a script that does not save to Sent; half from a phone's own mail app,
      // whose ids and program the profile has never seen (it still leaves through the provider).
      genuineNdr('genuine-not-saved', 'available', false, { phone: i % 2 === 0 });
    }
    for (let i = 0; i < 6; i++) {
      genuineNdr('genuine-sent-unavailable', 'unavailable', true);
    }
    for (let i = 0; i < 2; i++) {
      genuineNdr('genuine-gateway', rng.pick(['available', 'unavailable'] as const), true, { gateway: true });
    }
    for (let i = 0; i < 2; i++) {
      genuineNdr('genuine-spammy-words', 'available', true, { subject: rng.pick(SPAMMY_GENUINE) });
    }
    // Genuine bounces the persona's own provider wrote (the remote refused during the SMTP session).
    for (const f of byRole('own-ndr', p.id)) {
      for (const sent of ['available', 'unavailable'] as const) {
        const rcpt = colleague();
        const o = genuine(p, rcpt, undefined);
        sentCopies.push(render({ ...o, received: [], auth: [], dkim: [] }, false));
        emit(
          p,
          'legitimate',
          'genuine-own-provider',
          sent,
          f.shell.file,
          wrap(f, p, [rcpt], p.bounceHost, o),
        );
      }
    }
    // Delay warnings and delivery receipts for genuine mail.
    for (const f of [...byRole('delay'), ...byRole('receipt')]) {
      const rcpt = colleague();
      // Written by the recipient's side (it got the message from the persona's provider) or by the
      // persona's own provider (still trying to hand it over).
      const ownSide = rng.chance(0.5);
      const host = ownSide ? p.bounceHost : remoteHost(rcpt);
      const o = genuine(p, rcpt, ownSide ? undefined : host);
      sentCopies.push(render({ ...o, received: [], auth: [], dkim: [] }, false));
      emit(
        p,
        'legitimate',
        f.shell.role === 'delay' ? 'genuine-delay' : 'genuine-receipt',
        rng.pick(['available', 'available', 'unavailable'] as const),
        f.shell.file,
        wrap(f, p, [rcpt], host, o),
      );
    }
    // Auto-replies and a challenge answering mail the persona sent.
    for (const f of byRole('auto-reply')) {
      const o = genuine(p, colleague(), undefined);
      sentCopies.push(render(o, false));
      emit(
        p,
        'legitimate',
        'genuine-auto-reply',
        'available',
        f.shell.file,
        wrapReply(f, p, o.messageId, o.subject, undefined),
      );
    }
    for (const f of byRole('challenge')) {
      const rcpt = colleague();
      const o = genuine(p, rcpt, 'mx.challenge-filter.example');
      sentCopies.push(render({ ...o, received: [], auth: [], dkim: [] }, false));
      emit(
        p,
        'legitimate',
        'genuine-challenge',
        'available',
        f.shell.file,
        wrapReply(f, p, o.messageId, o.subject, o),
      );
    }

    // Backscatter: bounces of forged mail, from the servers that accepted it.
    const forgedNdr = (kind: ForgeryKind, sent: Label['sent']) => {
      const f = ndrShell();
      const rcpts = f.failed.map(() => victim());
      const rcpt = rcpts[0] ?? victim();
      const host = remoteHost(rcpt);
      emit(
        p,
        'backscatter',
        `forged-${kind}`,
        sent,
        f.shell.file,
        wrap(f, p, rcpts.length > 0 ? rcpts : [rcpt], host, forged(p, rcpt, host, kind)),
        rng.chance(0.3),
      );
    };
    const kinds: [ForgeryKind, number][] = [
      ['random-id', 7],
      ['own-domain-id', 4],
      ['provider-hops', 4],
      ['auth-fail', 4],
      ['envelope-only', 3],
      ['mimic', 3],
    ];
    for (const [kind, count] of kinds) {
      for (let i = 0; i < count; i++) {
        forgedNdr(kind, rng.chance(0.7) ? 'available' : 'unavailable');
      }
    }
    // Auto-replies and challenges triggered by forged mail; a virus notice for a worm's mail.
    for (const f of byRole('auto-reply')) {
      const o = forged(p, victim(), 'mx.responder.example', 'random-id');
      emit(
        p,
        'backscatter',
        'forged-auto-reply',
        'available',
        f.shell.file,
        wrapReply(f, p, o.messageId ?? `${uuid(rng)}@spam.example`, o.subject, undefined),
      );
    }
    for (const f of byRole('challenge')) {
      const rcpt = victim();
      const o = forged(p, rcpt, 'mx.challenge-filter.example', 'random-id');
      emit(
        p,
        'backscatter',
        'forged-challenge',
        'available',
        f.shell.file,
        wrapReply(f, p, o.messageId, o.subject, o),
      );
    }
    for (const shell of SHELLS.filter(s => s.role === 'virus')) {
      const f = { shell };
      const rcpt = victim();
      const o = forged(p, rcpt, 'mx1.virus-scan.example', 'random-id');
      emit(
        p,
        'backscatter',
        'forged-virus-notice',
        rng.chance(0.7) ? 'available' : 'unavailable',
        f.shell.file,
        { text: VIRUS_TEMPLATE(p, rcpt, nextDate(), o), originalId: o.messageId ?? '-' },
      );
    }
    // Bounces that carry no original: nothing to check but the wave they arrive in.
    const noOriginal = byRole('no-original');
    const f = noOriginal[PERSONAS.indexOf(p) % noOriginal.length]!;
    const rcpt = victim();
    emit(
      p,
      'backscatter',
      'forged-no-original',
      'available',
      f.shell.file,
      wrap(f, p, [rcpt], remoteHost(rcpt), undefined),
      true,
    );

    // Hard negatives: ordinary mail about bounces, which must get no verdict at all.
    const date = nextDate();
    emit(p, 'none', 'negative-discussion', 'available', '-', {
      text: `From: ${colleague()}\nTo: ${p.address}\nSubject: Re: your mail bounced?\nDate: ${date}\nMessage-ID: <${uuid(rng)}@${rng.pick(ORGS)}.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nHi, I got your note that my last message came back as undeliverable.\nThe address is correct, maybe the mailbox was full for a day. I'll resend it.\n\nCheers\n`,
      originalId: '-',
    });
    emit(p, 'none', 'negative-newsletter', 'available', '-', {
      text: `From: Mail Admin Weekly <news@admin-weekly.example>\nTo: ${p.address}\nSubject: This week: why do bounce messages flood my inbox?\nDate: ${nextDate()}\nMessage-ID: <${uuid(rng)}@admin-weekly.example>\nList-Id: <weekly.admin-weekly.example>\nList-Unsubscribe: <https://admin-weekly.example/u>\nPrecedence: bulk\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nThis week: backscatter. When spammers forge your address, servers send you\n"Undelivered Mail Returned to Sender" notices for mail you never wrote.\nRead on for what you can do about it.\n`,
      originalId: '-',
    });

    const dir = path.join(sentDir, p.id);
    mkdirSync(dir, { recursive: true });
    sentCopies.forEach((copy, i) =>
      writeFileSync(path.join(dir, `${String(i + 1).padStart(3, '0')}.eml`), Buffer.from(copy, 'latin1')),
    );
  }

  // Genuine bounces that carry no original, arriving in a backscatter wave: the wave must never turn a
  // real bounce into backscatter. Appended after the personas so the rest of the set keeps its bytes;
  // each one's message is added to the persona's Sent folder (so its recipient is a correspondent).
  for (const p of PERSONAS) {
    const noOriginal = byRole('no-original');
    const f = noOriginal[(PERSONAS.indexOf(p) + 1) % noOriginal.length]!;
    const rcpt = colleague();
    const o = genuine(p, rcpt, undefined);
    const dir = path.join(sentDir, p.id);
    const next = readdirSync(dir).length + 1;
    writeFileSync(
      path.join(dir, `${String(next).padStart(3, '0')}.eml`),
      Buffer.from(render({ ...o, received: [], auth: [], dkim: [] }, false), 'latin1'),
    );
    emit(
      p,
      'legitimate',
      'genuine-no-original',
      'available',
      f.shell.file,
      wrap(f, p, [rcpt], `mx${rng.int(1, 3)}.${rcpt.split('@')[1]}`, undefined),
      true,
    );
  }

  const header = ['file', 'persona', 'truth', 'category', 'sent', 'campaign', 'shell', 'originalId'];
  const rows = labels.map(l =>
    [l.file, l.persona, l.truth, l.category, l.sent, l.campaign ? 'yes' : 'no', l.shell, l.originalId].join(
      '\t',
    ),
  );
  writeFileSync(path.join(here, 'labels.tsv'), `${header.join('\t')}\n${rows.join('\n')}\n`);
  console.log(`${labels.length} messages, ${PERSONAS.length} personas`);
}

await main();
