// The users of the scenario set: one per provider fingerprint. Each says how its genuine mail looks
// (Message-ID habit, DKIM domains, program, the servers that carry it out) so the generator can build
// genuine originals and Sent folders, and so forgeries can imitate (or fail to imitate) it.
// Hosts and IPs follow the providers' real conventions (shared/src/verdict/providers.json); every
// domain that is not a provider's is under .example (RFC 2606).
import type { Rng } from './rng';

export interface Outbound {
  host: string;
  ip: string;
}

export interface Persona {
  id: string;
  name: string;
  address: string;
  domain: string;
  messageId(rng: Rng): string;
  userAgent: string | undefined;
  dkim: string[];
  /** One of the servers that hand the persona's mail to the world (as a receiver records it). */
  outbound(rng: Rng): Outbound;
  /** The persona's own Received lines below the hand-over (newest first), as its provider writes them. */
  ownHops(rng: Rng, date: string): string[];
  /** Other headers the provider adds to outgoing mail. */
  extraHeaders(rng: Rng): [string, string][];
  /** The host that writes bounces on the persona's side (for bounces of rejected-in-session mail). */
  bounceHost: string;
  /** Relays a shell would configure (Thunderbird's SMTP server), passed to learnProfile. */
  relays: string[];
}

const hex = (rng: Rng, n: number) => rng.chars('0123456789abcdef', n);
const HEX = (rng: Rng, n: number) => rng.chars('0123456789ABCDEF', n);
const b64 = (rng: Rng, n: number) =>
  rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-', n);
export const uuid = (rng: Rng) =>
  `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(rng, 3)}-${hex(rng, 12)}`;

/** How Gmail sends, for a gmail.com address and for "Send mail as" a custom domain alike. */
const GMAIL_ROUTE: Pick<Persona, 'messageId' | 'userAgent' | 'dkim' | 'outbound' | 'ownHops'> = {
  messageId: rng => `CA${b64(rng, 4)}${b64(rng, 44)}@mail.gmail.com`,
  userAgent: undefined,
  dkim: ['gmail.com'],
  outbound: rng => {
    const ip = `209.85.${rng.int(128, 255)}.${rng.int(1, 254)}`;
    return {
      host: `mail-${rng.pick(['wr1', 'wm1', 'ej1', 'lf1', 'pj1', 'qt1'])}-f${ip.split('.')[3]}.google.com`,
      ip,
    };
  },
  ownHops: (rng, date) => [
    `by 2002:a05:${hex(rng, 4)}:${hex(rng, 4)}:b0:${hex(rng, 3)}:${hex(rng, 4)} with SMTP id ${b64(rng, 12)};\n        ${date}`,
  ],
};

export const PERSONAS: Persona[] = [
  {
    id: 'gmail',
    name: 'Alice Martin',
    address: 'alice.martin@gmail.com',
    domain: 'gmail.com',
    ...GMAIL_ROUTE,
    extraHeaders: rng => [
      ['X-Google-Smtp-Source', `AGHT+I${b64(rng, 60)}`],
      [
        'X-Received',
        `by 2002:a17:906:${hex(rng, 4)}:b0:${hex(rng, 3)}:${hex(rng, 4)} with SMTP id ${b64(rng, 12)}`,
      ],
    ],
    bounceHost: 'mx.google.com',
    relays: [],
  },
  {
    id: 'm365',
    name: 'Bob Keller',
    address: 'bob.keller@contoso-example.com',
    domain: 'contoso-example.com',
    messageId: rng => {
      const box = `${rng.pick(['AM0', 'DB9', 'VI1', 'PA4', 'AS8'])}PR0${rng.int(1, 9)}MB${rng.int(1000, 9999)}`;
      return `${box}${HEX(rng, 8)}${HEX(rng, 8)}${HEX(rng, 8)}@${box}.eurprd0${rng.int(1, 9)}.prod.outlook.com`;
    },
    userAgent: undefined,
    dkim: ['contoso-example.com'],
    outbound: rng => {
      const n = rng.int(10, 99);
      return {
        host: `mail-vi1eur05on20${n}.outbound.protection.outlook.com`,
        ip: `40.107.${rng.int(0, 255)}.${n}`,
      };
    },
    ownHops: (rng, date) => {
      const a = `AM0PR07MB${rng.int(1000, 9999)}.eurprd07.prod.outlook.com`;
      const b = `DB9PR0${rng.int(1, 9)}MB${rng.int(1000, 9999)}.eurprd0${rng.int(1, 9)}.prod.outlook.com`;
      return [
        `from ${a} (2603:10a6:20b:${hex(rng, 3)}::${hex(rng, 2)}) by ${b}\n (2603:10a6:10:${hex(rng, 3)}::${hex(rng, 2)}) with Microsoft SMTP Server (version=TLS1_2,\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8207.${rng.int(10, 40)}; ${date}`,
        `from ${a} ([fe80::${hex(rng, 4)}:${hex(rng, 4)}]) by ${a}\n ([fe80::${hex(rng, 4)}:${hex(rng, 4)}%5]) with mapi id 15.20.8207.${rng.int(10, 40)}; ${date}`,
      ];
    },
    extraHeaders: rng => [
      ['X-MS-Exchange-Organization-AuthAs', 'Internal'],
      ['x-ms-traffictypediagnostic', `AM0PR07MB${rng.int(1000, 9999)}:EE_`],
    ],
    bounceHost: 'AM0PR07MB4321.eurprd07.prod.outlook.com',
    relays: [],
  },
  {
    id: 'selfhosted',
    name: 'Carol Weber',
    address: 'carol@carol-home.example',
    domain: 'carol-home.example',
    messageId: rng => `${uuid(rng)}@carol-home.example`,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.2',
    dkim: ['carol-home.example'],
    outbound: () => ({ host: 'mail.carol-home.example', ip: '198.51.100.25' }),
    ownHops: (rng, date) => {
      const a = rng.int(1, 254);
      return [
        `from [192.168.1.${a}] (p5dd1${hex(rng, 4)}.dip0.t-ipconnect.example [93.209.${rng.int(0, 255)}.${a}])\n\tby mail.carol-home.example (Postfix) with ESMTPSA id 4Z${HEX(rng, 8)}\n\tfor <x>; ${date}`,
      ];
    },
    extraHeaders: () => [['Content-Language', 'en-US']],
    bounceHost: 'mail.carol-home.example',
    relays: ['mail.carol-home.example'],
  },
  {
    id: 'gmx',
    name: 'Dave Richter',
    address: 'dave.richter@gmx.de',
    domain: 'gmx.de',
    messageId: rng =>
      `trinity-${uuid(rng)}-17${rng.int(10000000, 99999999)}${rng.int(100, 999)}@3c-app-gmx-bs${rng.int(10, 80)}`,
    userAgent: undefined,
    dkim: ['gmx.de'],
    outbound: rng => ({ host: 'mout.gmx.net', ip: `212.227.${rng.pick(['15', '17'])}.${rng.int(1, 40)}` }),
    ownHops: (rng, date) => [
      `from [${rng.int(80, 95)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}] by web-mail.gmx.net\n (3c-app-gmx-bs${rng.int(10, 80)}.server.lan [172.19.170.${rng.int(1, 200)}]) (via HTTP); ${date}`,
    ],
    extraHeaders: rng => [
      ['X-UI-Message-Type', 'mail'],
      ['X-Provags-ID', `V03:K1:${b64(rng, 40)}`],
    ],
    bounceHost: 'mout.gmx.net',
    relays: [],
  },
  {
    id: 'yahoo',
    name: 'Erin Walsh',
    address: 'erin_walsh@yahoo.com',
    domain: 'yahoo.com',
    messageId: rng =>
      `${rng.int(100000000, 999999999)}.${rng.int(1000000, 9999999)}.17${rng.int(10000000000, 99999999999)}@mail.yahoo.com`,
    userAgent: 'WebService/1.1.23187 YMailNorrin',
    dkim: ['yahoo.com'],
    outbound: rng => {
      const n = rng.int(300, 330);
      return {
        host: `sonic${n}-${rng.int(10, 60)}.consmr.mail.${rng.pick(['ne1', 'bf2', 'gq1'])}.yahoo.com`,
        ip: `66.163.${rng.int(184, 191)}.${rng.int(1, 254)}`,
      };
    },
    ownHops: (rng, date) => [
      `from ${rng.int(80, 95)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)} by sonic.gate.mail.ne1.yahoo.com with HTTP; ${date}`,
    ],
    extraHeaders: rng => [['X-YMail-OSG', b64(rng, 60)]],
    bounceHost: 'sonic.gate.mail.ne1.yahoo.com',
    relays: [],
  },
  {
    id: 'fastmail',
    name: 'Frank Olsen',
    address: 'frank.olsen@fastmail.com',
    domain: 'fastmail.com',
    messageId: rng => `${uuid(rng)}@app.fastmail.com`,
    userAgent: 'Cyrus-JMAP/3.11.0-alpha0-1108-g3a29173c6-fm-20241115.001-g3a29173c',
    dkim: ['fastmail.com', 'messagingengine.com'],
    outbound: rng => ({
      host: `fout-${rng.pick(['a1', 'a2', 'b3', 'b5'])}-smtp.messagingengine.com`,
      ip: `103.168.172.${rng.int(140, 160)}`,
    }),
    ownHops: (rng, date) => [
      `from phl-imap-${rng.int(10, 19)} (localhost [127.0.0.1])\n\tby phl-compute-${rng.int(1, 12)}.internal (Postfix) with ESMTP id ${HEX(rng, 10)}\n\tfor <x>; ${date}`,
    ],
    extraHeaders: rng => [['X-ME-Sender', `<xms:${b64(rng, 40)}>`]],
    bounceHost: 'fout-a2-smtp.messagingengine.com',
    relays: [],
  },
  {
    id: 'icloud',
    name: 'Gina Lopez',
    address: 'gina.lopez@icloud.com',
    domain: 'icloud.com',
    messageId: rng => `${uuid(rng).toUpperCase()}@icloud.com`,
    userAgent: 'Apple Mail (2.3776.700.51)',
    dkim: ['icloud.com'],
    outbound: rng => ({
      host: `${rng.pick(['st43p00im', 'mr85p00im', 'ms11p00im'])}-${rng.pick(['ztdg', 'zteg', 'ztbu'])}${rng.int(10000000, 99999999)}.me.com`,
      ip: `17.${rng.pick(['58', '57', '56'])}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    }),
    ownHops: (rng, date) => [
      `from smtpclient.apple (unknown [${rng.int(80, 95)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}])\n\tby st43p00im-zteg${rng.int(10000000, 99999999)}.me.com (Postfix) with ESMTPSA id ${HEX(rng, 10)};\n\t${date}`,
    ],
    extraHeaders: () => [['Content-Language', 'en-US']],
    bounceHost: 'st43p00im-zteg10073401.me.com',
    relays: [],
  },
  {
    // Gmail's "Send mail as" with a custom domain: Gmail's servers, ids and signature, someone else's
    // domain in From. Nothing in the address says Gmail; only the route and the ids do.
    id: 'gmail-sendas',
    name: 'Hannah Berg',
    address: 'hannah@berg-studio.example',
    domain: 'berg-studio.example',
    ...GMAIL_ROUTE,
    extraHeaders: rng => [['X-Google-Smtp-Source', `AGHT+I${b64(rng, 60)}`]],
    bounceHost: 'mx.google.com',
    relays: [],
  },
];
