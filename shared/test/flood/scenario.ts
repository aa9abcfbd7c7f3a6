// Flood scenarios for the report (issue 13), built in memory and deterministic (seeded). Every bounce
// wraps a real one from the scenario shells (copies of test/corpus files, provenance in
// ../scenarios/README.md): its headers, wording and MIME structure stay as the real MTA wrote them;
// the addresses, the reporting host, the Date and the bounced original inside are replaced.
//
//   forged        a few hundred bounces of spam forged with the persona's address, arriving over two
//                 days among ordinary mail and real bounces of mail the persona sent (in Sent);
//                 the receivers record DMARC with the policy the scenario says the domain publishes.
//   account-used  bounces of spam that really left through the persona's account (their provider's
//                 outbound servers, authentication passing) and is not in their Sent folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/index';
import type { Analysis } from '../../src/index';
import type { DmarcPolicy } from '../../src/flood/index';
import { PERSONAS, type Persona, uuid } from '../scenarios/personas';
import { Rng } from '../scenarios/rng';

const shellDir = path.resolve(import.meta.dirname, '../scenarios/shells');

/** NDR shells whose original sits in a message/rfc822 or text/rfc822-headers part. */
export const FLOOD_SHELLS = [
  'sisimai-lhost-postfix-04.eml',
  'sisimai-lhost-sendmail-01.eml',
  'sisimai-lhost-courier-02.eml',
  'sisimai-lhost-exchange2007-01.eml',
  'sisimai-lhost-amavis-01.eml',
  'sisimai-lhost-mcafee-01.eml',
  'sisimai-rfc3464-01.eml',
  'bounceparser-spam-rejection.msg.eml',
  'bounceparser-spam-rejection4.msg.eml',
  'bounceparser-spam-rejection8.msg.eml',
];

export type Truth = 'backscatter' | 'legitimate' | 'account' | 'none';

export interface ScenarioMessage {
  bytes: Uint8Array;
  /** Arrival, ms since the epoch (also written as the bounce's Date). */
  arrived: number;
  truth: Truth;
}

export interface Scenario {
  persona: Persona;
  messages: ScenarioMessage[];
  /** The persona's Sent folder. */
  sent: Uint8Array[];
  /** The DMARC policy receivers record for the persona's domain ('missing': no record). */
  policy: DmarcPolicy | 'missing';
  waveStart: number;
  waveEnd: number;
}

export interface ScenarioOptions {
  mode: 'forged' | 'account-used';
  persona?: string;
  forged?: number;
  policy?: DmarcPolicy | 'missing';
  seed?: number;
}

const HOUR = 3_600_000;
export const START = Date.UTC(2026, 11, 3, 0, 0, 0);

interface Shell {
  text: string;
  user: string[];
  failed: string[];
  hosts: string[];
  partStart: number;
  partEnd: number;
  headersOnly: boolean;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function loadShell(file: string): Promise<Shell> {
  const whole = readFileSync(path.join(shellDir, file), 'latin1').replace(/\r\n?/g, '\n');
  const next = whole.search(/\n\nFrom [^\n]*\d{4}\n/);
  const text = next === -1 ? whole : whole.slice(0, next + 1);
  const a: Analysis = await analyze(new Uint8Array(Buffer.from(text, 'latin1')));
  const part = /^content-type:[ \t]*(message\/rfc822|text\/rfc822-headers)/im.exec(text);
  if (part === null) {
    throw new Error(`${file}: no original part`);
  }
  const partStart = text.indexOf('\n\n', part.index) + 2;
  const boundary = /boundary\s*=\s*"?([^";\s]+)"?/i.exec(text.slice(0, text.indexOf('\n\n')))?.[1];
  const end = boundary === undefined ? -1 : text.indexOf(`\n--${boundary}`, partStart);
  const user = [a.to[0]?.address, a.original?.from[0]?.address].filter(
    (x): x is string => x !== undefined && !/postmaster|mailer-daemon/i.test(x),
  );
  return {
    text,
    user: [...new Set(user)],
    failed: a.recipients.map(r => r.address).filter(x => !user.includes(x)),
    hosts: [a.reportingMta, a.from?.address.split('@')[1]].filter(
      (h): h is string => h !== undefined && h.includes('.'),
    ),
    partStart,
    partEnd: end === -1 ? text.length : end + 1,
    headersOnly: part[1]!.toLowerCase() === 'text/rfc822-headers',
  };
}

interface Original {
  headers: [string, string][];
  body: string;
}

const rfcDate = (t: number) => new Date(t).toUTCString().replace('GMT', '+0000');

function renderOriginal(o: Original, headersOnly: boolean): string {
  const head = o.headers.map(([k, v]) => `${k}: ${v}`).join('\n');
  return headersOnly ? `${head}\n` : `${head}\n\n${o.body}\n`;
}

/** The shell around `original`, addressed to the persona, bounced by `host` for `rcpt`, dated `at`. */
function wrap(s: Shell, p: Persona, rcpt: string, host: string, at: number, original: Original): Uint8Array {
  const swap = (t: string) => {
    let out = t;
    for (const u of s.user) {
      out = out.replace(new RegExp(esc(u), 'gi'), p.address);
    }
    for (const f of s.failed) {
      out = out.replace(new RegExp(esc(f), 'gi'), rcpt);
    }
    for (const h of s.hosts) {
      out = out.replace(new RegExp(`(?<![\\w.-])${esc(h)}(?![\\w-])`, 'gi'), host);
    }
    return out;
  };
  let head = swap(s.text.slice(0, s.partStart));
  head = head.replace(/^Date:.*\n(?:[ \t].*\n)*/im, `Date: ${rfcDate(at)}\n`);
  // The shell's own Received lines keep their capture's date (2009–2013); a real bounce's topmost
  // Received is written when it arrives, and the engine reads arrival from it (`receivedAt`): left old,
  // every genuine bounce here would arrive years after its Sent copy, a replay (security issue 8).
  head = head.replace(/^(Received:[^;]*;)[^\n]*(?:\n[ \t][^\n]*)*/gim, `$1 ${rfcDate(at)}`);
  const text = head + renderOriginal(original, s.headersOnly) + swap(s.text.slice(s.partEnd));
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const SPAM = [
  'Your parcel is waiting: confirm delivery',
  'Cheap meds without prescription',
  'Invoice overdue - final notice',
  'You have won 1,000,000 USD',
];
const WORK = [
  'Minutes of the Tuesday meeting',
  'Invoice 2026-114',
  'Draft contract, second round',
  'Updated schedule',
];
const ORGS = ['acme-tools', 'nordwind', 'bluepeak', 'kite-labs', 'oakridge-school', 'harbor-freight'];

export async function buildScenario(options: ScenarioOptions): Promise<Scenario> {
  const rng = new Rng(options.seed ?? 20261203);
  const p = PERSONAS.find(x => x.id === (options.persona ?? 'selfhosted'))!;
  const policy = options.policy ?? 'none';
  const shells = await Promise.all(FLOOD_SHELLS.map(loadShell));
  const messages: ScenarioMessage[] = [];
  const sent: Uint8Array[] = [];
  const colleague = () => `${rng.pick(['anna', 'ben', 'mia', 'noah', 'olga'])}@${rng.pick(ORGS)}.example`;
  const victimDomains = Array.from(
    { length: 150 },
    (_, i) => `${rng.chars('abcdefghijklmnopqrstuvwxyz', 6)}${i}.example`,
  );
  const victim = () => `${rng.chars('abcdefghijklmnopqrstuvwxyz', 7)}@${rng.pick(victimDomains)}`;
  const shell = () => rng.pick(shells);
  const bytes = (t: string) => new Uint8Array(Buffer.from(t, 'latin1'));

  const genuine = (rcpt: string, at: number, receiver: string | undefined): Original => {
    const out = p.outbound(rng);
    const received = receiver
      ? [
          [
            `Received`,
            `from ${out.host} (${out.host} [${out.ip}])\n\tby ${receiver} (Postfix) with ESMTPS id ${rng.chars('0123456789ABCDEF', 11)}\n\tfor <${rcpt}>; ${rfcDate(at)}`,
          ] as [string, string],
        ]
      : [];
    const own = p
      .ownHops(rng, rfcDate(at))
      .map(h => ['Received', h.replace('<x>', `<${rcpt}>`)] as [string, string]);
    return {
      headers: [
        ...received,
        ...(receiver ? own : []),
        ...(receiver
          ? [
              [
                'Authentication-Results',
                `${receiver};\n\tdkim=pass header.d=${p.dkim[0]};\n\tspf=pass smtp.mailfrom=${p.domain};\n\tdmarc=pass (p=${policy === 'missing' ? 'none' : policy}) header.from=${p.domain}`,
              ] as [string, string],
            ]
          : []),
        [
          'DKIM-Signature',
          `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${p.dkim[0]}; s=s1;\n\th=from:to:subject:date:message-id; bh=${rng.chars('ABCDEFabcdef0123456789', 43)}=;\n\tb=${rng.chars('ABCDEFabcdef0123456789', 70)}`,
        ],
        ...p.extraHeaders(rng),
        ['MIME-Version', '1.0'],
        ['From', `${p.name} <${p.address}>`],
        ['To', rcpt],
        ['Subject', rng.pick(WORK)],
        ['Date', rfcDate(at - 5 * 60_000)],
        ['Message-ID', `<${p.messageId(rng)}>`],
        ...(p.userAgent ? [['User-Agent', p.userAgent] as [string, string]] : []),
        ['Content-Type', 'text/plain; charset=UTF-8'],
      ],
      body: 'Hello, here are the details we discussed. Best regards',
    };
  };
  /** The client-saved Sent copy of a genuine original: no trace, no results. */
  const sentCopy = (o: Original) =>
    bytes(
      `${o.headers
        .filter(([k]) => !/^(Received|Authentication-Results)$/i.test(k))
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}\n\n${o.body}\n`,
    );

  // The persona's ordinary sent mail (what the profile learns from).
  for (let i = 0; i < 30; i++) {
    sent.push(sentCopy(genuine(colleague(), START - (i + 1) * 20 * HOUR, undefined)));
  }
  // Ordinary mail and real bounces, spread over three days.
  for (let i = 0; i < 40; i++) {
    const at = START + rng.int(0, 71 * 60) * 60_000;
    const from = colleague();
    messages.push({
      bytes: bytes(
        `From: ${from}\nTo: ${p.address}\nSubject: ${rng.pick(WORK)}\nDate: ${rfcDate(at)}\nMessage-ID: <${uuid(rng)}@${from.split('@')[1]}>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nSee you on Thursday.\n`,
      ),
      arrived: at,
      truth: 'none',
    });
  }
  for (let i = 0; i < 8; i++) {
    // One every nine hours or so: the days before, during and after the wave.
    const at = START + i * 9 * HOUR + rng.int(0, 8 * 60) * 60_000;
    const rcpt = colleague();
    const host = `mx1.${rcpt.split('@')[1]}`;
    const o = genuine(rcpt, at, host);
    sent.push(sentCopy(o));
    messages.push({ bytes: wrap(shell(), p, rcpt, host, at, o), arrived: at, truth: 'legitimate' });
  }

  // The wave: from hour 12 to hour 60, rising and falling (the sum of two uniform draws).
  const waveStart = START + 12 * HOUR;
  const waveEnd = START + 60 * HOUR;
  const bots = Array.from({ length: 40 }, () => {
    const ip = `${rng.pick([77, 89, 117, 177, 186, 190, 201])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    const named = rng.chance(0.6);
    return {
      ip,
      rdns: named ? `dsl-${ip.replace(/\./g, '-')}.broadband${rng.int(1, 9)}.example` : 'unknown',
      helo: rng.pick(['User', 'WIN-7H2K3J', `[${ip}]`, p.domain]),
    };
  });
  const count = options.forged ?? (options.mode === 'forged' ? 300 : 40);
  for (let i = 0; i < count; i++) {
    const at = Math.round(waveStart + ((rng.next() + rng.next()) / 2) * (waveEnd - waveStart));
    const rcpt = victim();
    const host = `mx${rng.int(1, 3)}.${rcpt.split('@')[1]}`;
    const subject = rng.pick(SPAM);
    let o: Original;
    if (options.mode === 'forged') {
      const bot = rng.pick(bots);
      const dmarc =
        policy === 'missing'
          ? 'dmarc=none'
          : `dmarc=fail (p=${policy} dis=${policy === 'none' ? 'none' : policy})`;
      o = {
        headers: [
          [
            'Received',
            `from ${bot.helo} (${bot.rdns} [${bot.ip}])\n\tby ${host} (Postfix) with ESMTP id ${rng.chars('0123456789ABCDEF', 11)}\n\tfor <${rcpt}>; ${rfcDate(at)}`,
          ],
          ...(rng.chance(0.7)
            ? [
                [
                  'Authentication-Results',
                  `${host};\n\tspf=softfail smtp.mailfrom=${p.domain};\n\tdkim=none;\n\t${dmarc} header.from=${p.domain}`,
                ] as [string, string],
              ]
            : []),
          ['From', `${p.name} <${p.address}>`],
          ['To', rcpt],
          ['Subject', subject],
          ['Date', rfcDate(at - 60_000)],
          [
            'Message-ID',
            `<${rng.chars('abcdef0123456789', 20)}@${rng.pick(['mx', 'smtp'])}.${rng.pick(ORGS)}-mailer.example>`,
          ],
          ['X-Mailer', rng.pick(['PHPMailer 5.2.9', 'Microsoft Outlook Express 6.00.2900.2180'])],
          ['Content-Type', 'text/plain; charset=us-ascii'],
        ],
        body: 'Dear friend, claim your prize now, limited time offer!',
      };
      messages.push({ bytes: wrap(shell(), p, rcpt, host, at, o), arrived: at, truth: 'backscatter' });
    } else {
      // Spam sent from the persona's account by whoever has the password: the provider's servers
      // hand it over and sign it; the persona's Sent folder never sees it (it was sent over SMTP).
      o = genuine(rcpt, at, host);
      o.headers = o.headers.map(([k, v]) => [k, k === 'Subject' ? subject : v]);
      o.body = 'Dear friend, claim your prize now, limited time offer!';
      messages.push({ bytes: wrap(shell(), p, rcpt, host, at, o), arrived: at, truth: 'account' });
    }
  }
  messages.sort((a, b) => a.arrived - b.arrived);
  return { persona: p, messages, sent, policy, waveStart, waveEnd };
}
