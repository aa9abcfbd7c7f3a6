// Deterministic generator of the negative set: ordinary mail that no classifier may call automated.
// Run `npx tsx shared/test/not-bounce/generate.ts` to (re)write shared/test/fixtures/not-bounce/gen-*.eml;
// not-bounce.test.ts checks the committed files equal what this produces, so edits here must be regenerated.
//
// Every message is invented; domains are example.* / .test / .invalid or real providers' public sender
// addresses used as senders of the kind of mail they really send (DMARC reports, notifications).
// Categories (the file name starts with it): personal (11 languages, their usual charsets), newsletter,
// list (mailing-list mail that quotes bounce text), phish (spam and phishing that imitate bounces),
// dmarc (aggregate reports), tlsrpt (RFC 8460 reports, multipart/report!), calendar, attached-eml,
// notify (GitHub, GitLab, Jira, CI, monitoring), receipt (orders, parcels), misc.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { base64Lines, encode, encodedWord, utf8bin } from './encode';
import { type Entity, type Eol, attachment, message, multipart, rfc822, text, withEol } from './mime';

// mulberry32: small, seeded, deterministic.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(20260127);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const hex = (n: number): string =>
  Array.from({ length: n }, () =>
    Math.floor(rand() * 16)
      .toString(16)
      .toString(),
  ).join('');
const alnum = (n: number): string =>
  Array.from({ length: n }, () =>
    pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789']),
  ).join('');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let clock = Date.UTC(2025, 2, 3, 8, 0, 0);
function date(zone = '+0000'): string {
  clock += Math.floor(rand() * 7200 + 600) * 1000;
  const d = new Date(clock);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()] ?? ''}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${zone}`;
}
const msgid = (domain: string): string => `<${hex(8)}-${hex(4)}-${hex(4)}-${hex(12)}@${domain}>`;
const ip = (): string => `192.0.2.${Math.floor(rand() * 250) + 2}`;

/** The receiving side's Received line and its authentication results: what a real inbox copy carries. */
function delivery(
  fromHost: string,
  fromDomain: string,
  to: string,
  spf = 'pass',
  dkim = 'pass',
): [string, string][] {
  const mx = `mx${Math.floor(rand() * 9) + 1}.${to.split('@')[1] ?? 'example.org'}`;
  return [
    ['Return-Path', `<bounces+${hex(6)}@${fromDomain}>`],
    ['Delivered-To', to],
    [
      'Received',
      `from ${fromHost} (${fromHost} [${ip()}])\n\tby ${mx} (Postfix) with ESMTPS id ${alnum(10).toUpperCase()}\n\tfor <${to}>; ${date()}`,
    ],
    [
      'Authentication-Results',
      `${mx};\n\tdkim=${dkim} header.d=${fromDomain};\n\tspf=${spf} smtp.mailfrom=${fromDomain};\n\tdmarc=pass header.from=${fromDomain}`,
    ],
  ];
}

interface Generated {
  name: string;
  bytes: Uint8Array;
}
const out: Generated[] = [];
const counters = new Map<string, number>();
function emit(category: string, binary: string, eol: Eol = '\r\n'): void {
  const n = (counters.get(category) ?? 0) + 1;
  counters.set(category, n);
  out.push({ name: `gen-${category}-${String(n).padStart(2, '0')}.eml`, bytes: withEol(binary, eol) });
}
const EOLS: Eol[] = ['\r\n', '\n', '\r\n', '\n', '\r'];

// ---------------------------------------------------------------------------------------------
// personal mail: 11 languages, each in a charset mail clients really use for it

interface Letter {
  lang: string;
  charset: string;
  cte: 'quoted-printable' | 'base64' | '8bit' | '7bit';
  from: [string, string];
  to: [string, string];
  subjects: string[];
  bodies: string[];
}

const letters: Letter[] = [
  {
    lang: 'en',
    charset: 'us-ascii',
    cte: '7bit',
    from: ['Alice Walker', 'alice@example.com'],
    to: ['Bob Stone', 'bob@example.org'],
    subjects: ['Dinner on Friday?', 'Re: Photos from the weekend', 'Quick question about the lease'],
    bodies: [
      "Hi Bob,\n\nAre you and Sam free for dinner on Friday? We were thinking of the Thai place on Elm Street around 7.\nLet me know, and tell me if Sam still can't eat peanuts.\n\nCheers,\nAlice",
      "Thanks for sending these! The one at the lake is my favourite.\nI tried to send you mine yesterday but the file was too large, so here's a link instead:\nhttps://photos.example.com/s/" +
        'abc123' +
        '\n\n-- \nAlice',
      'Bob, quick one: did the landlord ever get back to you about the deposit?\nMine says the delivery of the letter failed and it came back to him, which is odd.\n\nA.',
    ],
  },
  {
    lang: 'de',
    charset: 'iso-8859-1',
    cte: 'quoted-printable',
    from: ['Jürgen Müller', 'juergen.mueller@example.de'],
    to: ['Käthe Schröder', 'kaethe@example.net'],
    subjects: ['Grüße aus München', 'Re: Geburtstagsfeier am Samstag', 'Unterlagen für die Steuererklärung'],
    bodies: [
      'Liebe Käthe,\n\nviele Grüße aus München! Das Wetter ist herrlich, wir waren gestern am Starnberger See.\nNächste Woche bin ich wieder zurück, dann können wir uns endlich treffen.\n\nHerzliche Grüße\nJürgen',
      'Hallo Käthe,\n\nnatürlich kommen wir gerne! Soll ich einen Kuchen mitbringen? Ich könnte den Käsekuchen machen.\nDie Einladung an Peter ist übrigens unzustellbar zurückgekommen, hast du seine neue Adresse?\n\nBis Samstag,\nJürgen',
      'Hallo Käthe,\n\nanbei schicke ich dir die Unterlagen für die Steuererklärung. Die Belege für das Arbeitszimmer fehlen noch,\ndie reiche ich nächste Woche nach.\n\nGruß\nJürgen',
    ],
  },
  {
    lang: 'fr',
    charset: 'utf-8',
    cte: 'quoted-printable',
    from: ['Amélie Dubois', 'amelie.dubois@example.fr'],
    to: ['François Lefèvre', 'francois@example.org'],
    subjects: ['Vacances à Bordeaux', 'Re: Réunion de parents d’élèves'],
    bodies: [
      'Salut François,\n\nnous serons à Bordeaux du 12 au 19 août. Est-ce que ça te dirait de passer une journée avec nous à Arcachon ?\nLes enfants seraient ravis de revoir les tiens.\n\nBises,\nAmélie',
      "Bonjour François,\n\nla réunion est déplacée à jeudi, 18 h 30, dans la salle polyvalente.\nJ'ai essayé d'envoyer l'invitation à Mme Garnier mais le message n'a pas pu être remis ; peux-tu la prévenir ?\n\nMerci et à jeudi,\nAmélie",
    ],
  },
  {
    lang: 'es',
    charset: 'utf-8',
    cte: '8bit',
    from: ['José Martínez', 'jose.martinez@example.es'],
    to: ['Lucía Fernández', 'lucia@example.org'],
    subjects: ['¿Quedamos el sábado?', 'Re: Fotos de la boda'],
    bodies: [
      'Hola Lucía:\n\n¿Te apetece que quedemos el sábado para tomar algo? Podríamos ir a la terraza de la plaza mayor.\nAvísame cuando sepas algo.\n\nUn abrazo,\nJosé',
      '¡Qué fotos tan bonitas! Mi madre está encantada con la de la iglesia.\nTe reenvío el enlace porque el correo de mi hermano devolvió un error de entrega.\n\nBesos,\nJosé',
    ],
  },
  {
    lang: 'it',
    charset: 'iso-8859-1',
    cte: 'quoted-printable',
    from: ['Giulia Rossi', 'giulia.rossi@example.it'],
    to: ['Niccolò Bianchi', 'niccolo@example.org'],
    subjects: ['Cena di venerdì', "Re: Libri per l'università"],
    bodies: [
      "Ciao Niccolò,\n\nvenerdì sera facciamo una cena a casa mia, ci sarà anche Chiara. Porti tu il vino? Perché l'ultima volta era ottimo.\n\nA presto,\nGiulia",
      'Ciao!\n\nsì, ho ancora i libri di analisi e di fisica, te li posso prestare. Passa pure mercoledì pomeriggio.\n\nGiulia',
    ],
  },
  {
    lang: 'pt',
    charset: 'utf-8',
    cte: 'quoted-printable',
    from: ['João Gonçalves', 'joao.goncalves@example.pt'],
    to: ['Inês Araújo', 'ines@example.com.br'],
    subjects: ['Viagem a Lisboa', 'Re: Orçamento da obra'],
    bodies: [
      'Olá Inês,\n\nchegamos a Lisboa na terça-feira. Vamos ficar numa pensão perto do Chiado; queres jantar connosco na quarta?\n\nAbraços,\nJoão',
      'Inês,\n\no orçamento da obra ficou em 12.400 €, com a cozinha incluída. Achas razoável? O empreiteiro pode começar em março.\n\nJoão',
    ],
  },
  {
    lang: 'nl',
    charset: 'iso-8859-1',
    cte: 'quoted-printable',
    from: ['Sanne de Vries', 'sanne@example.nl'],
    to: ['Daan Jansen', 'daan@example.be'],
    subjects: ['Verjaardag van oma', 'Re: Fietstocht zondag'],
    bodies: [
      'Hoi Daan,\n\nzaterdag is oma jarig, we gaan om drie uur koffie drinken bij haar. Neem jij de taart mee? Ze houdt van appeltaart.\n\nGroetjes,\nSanne',
      'Leuk idee! Zondag om tien uur bij het station? Ik heb een nieuwe fiets, dus ik ben benieuwd hoe ver we komen.\n\nSanne',
    ],
  },
  {
    lang: 'pl',
    charset: 'iso-8859-2',
    cte: 'quoted-printable',
    from: ['Małgorzata Wiśniewska', 'malgorzata@example.pl'],
    to: ['Paweł Kowalczyk', 'pawel@example.org'],
    subjects: ['Spotkanie w środę', 'Re: Zdjęcia z wakacji'],
    bodies: [
      'Cześć Paweł,\n\nczy możemy się spotkać w środę o 17:00 w kawiarni przy rynku? Chciałabym omówić plan wyjazdu do Zakopanego.\n\nPozdrawiam,\nGosia',
      'Dzięki za zdjęcia! Najładniejsze jest to znad jeziora. Wiadomość do Tomka nie doszła, chyba zmienił adres.\n\nGosia',
    ],
  },
  {
    lang: 'ru',
    charset: 'koi8-r',
    cte: 'base64',
    from: ['Наталья Иванова', 'natalia@example.ru'],
    to: ['Дмитрий Смирнов', 'dmitry@example.org'],
    subjects: ['Встреча в субботу', 'Re: Поездка на дачу'],
    bodies: [
      'Привет, Дима!\n\nВ субботу мы собираемся у Ольги в семь вечера. Приходи, будет пирог и чай.\nНапиши, если сможешь.\n\nНаташа',
      'Дима, привет.\n\nНа дачу едем в пятницу после работы. Возьми, пожалуйста, удочки и палатку.\nПисьмо Сергею вернулось с ошибкой доставки, у него новый адрес?\n\nНаташа',
    ],
  },
  {
    lang: 'ja',
    charset: 'iso-2022-jp',
    cte: '7bit',
    from: ['山田 花子', 'hanako.yamada@example.jp'],
    to: ['佐藤 太郎', 'taro.sato@example.co.jp'],
    subjects: ['来週の打ち合わせについて', 'Re: 資料の送付'],
    bodies: [
      '佐藤さん\n\nお疲れ様です。山田です。\n来週の打ち合わせですが、水曜日の午後二時からでいかがでしょうか。\n会議室は三階を予約しておきます。\n\nよろしくお願いいたします。\n山田',
      '佐藤さん\n\n資料をお送りいただきありがとうございます。\n内容を確認して、金曜日までにご連絡いたします。\n\n山田',
    ],
  },
  {
    lang: 'zh',
    charset: 'gb2312',
    cte: 'base64',
    from: ['王小明', 'xiaoming.wang@example.cn'],
    to: ['李华', 'lihua@example.com'],
    subjects: ['周末聚餐', '回复：项目进度'],
    bodies: [
      '李华你好，\n\n这个周末我们打算在老地方聚餐，时间是星期六晚上六点。你能来吗？\n请告诉我一声。\n\n小明',
      '李华：\n\n项目进度正常，下周三可以完成第一阶段的测试。\n有问题随时联系我。\n\n王小明',
    ],
  },
];

const zones: Record<string, string> = {
  en: '-0500',
  de: '+0100',
  fr: '+0100',
  es: '+0100',
  it: '+0100',
  pt: '+0000',
  nl: '+0100',
  pl: '+0100',
  ru: '+0300',
  ja: '+0900',
  zh: '+0800',
};

let personalIndex = 0;
for (const l of letters) {
  l.subjects.forEach((subject, i) => {
    const body = l.bodies[i] ?? '';
    const fromDomain = l.from[1].split('@')[1] ?? 'example.org';
    const reply = subject.startsWith('Re:') || subject.startsWith('回复');
    const headerCharset = l.charset === 'us-ascii' ? 'utf-8' : l.charset;
    const enc = (s: string): string =>
      /^[\x00-\x7f]*$/.test(s)
        ? s
        : encodedWord(s, headerCharset, l.lang === 'de' || l.lang === 'fr' ? 'Q' : 'B');
    const headers: [string, string][] = [
      ...delivery(`mail.${fromDomain}`, fromDomain, l.to[1]),
      ['From', `${enc(l.from[0])} <${l.from[1]}>`],
      ['To', `${enc(l.to[0])} <${l.to[1]}>`],
      ['Subject', enc(subject)],
      ['Date', date(zones[l.lang])],
      ['Message-ID', msgid(fromDomain)],
      ...(reply
        ? ([['In-Reply-To', msgid(l.to[1].split('@')[1] ?? 'example.org')]] as [string, string][])
        : []),
      [
        'User-Agent',
        pick([
          'Mozilla Thunderbird 128.5.0',
          'Apple Mail (2.3776.700.51)',
          'Roundcube Webmail/1.6.9',
          'K-9 Mail for Android',
        ]),
      ],
      ['Content-Language', l.lang],
    ];
    const part = text(body, {
      charset: l.charset,
      cte: l.cte,
      params: l.cte === '7bit' && l.charset !== 'us-ascii' ? '' : '; format=flowed',
    });
    // Every third letter also carries an HTML alternative, as webmail sends it.
    const entity: Entity =
      personalIndex % 3 === 1
        ? multipart('alternative', `----=_Part_${hex(12)}`, [
            part,
            text(
              `<html><body><p>${body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>\n')}</p></body></html>`,
              { charset: 'utf-8', cte: 'base64', subtype: 'html' },
            ),
          ])
        : part;
    emit(`personal-${l.lang}`, message(headers, entity), EOLS[personalIndex % EOLS.length]);
    personalIndex++;
  });
}

// ---------------------------------------------------------------------------------------------
// newsletters: bulk mail with List-Unsubscribe, tracking links, HTML; "Precedence: bulk" on some

const newsletters = [
  {
    brand: 'Example Outdoor Co.',
    domain: 'news.example-outdoor.com',
    subject: 'Spring sale: 30% off tents this weekend only',
    lead: 'Our biggest spring sale is here.',
  },
  {
    brand: 'The Morning Digest',
    domain: 'digest.example-news.com',
    subject: 'Your Monday briefing: markets, weather and a delivery-robot failure',
    lead: 'Good morning. Here is what you need to know today.',
  },
  {
    brand: 'CodeWeekly',
    domain: 'mail.codeweekly.example',
    subject: 'Issue #412: Rust 2.0 rumours, SQLite tricks, and why your build failed',
    lead: 'This week in programming.',
  },
  {
    brand: 'City Library',
    domain: 'library.example.gov',
    subject: 'New arrivals and the summer reading challenge',
    lead: 'Dear reader, the summer reading challenge starts on June 1.',
  },
  {
    brand: 'Example Airlines',
    domain: 'e.example-air.com',
    subject: 'Your miles statement for February',
    lead: 'Your balance: 12,450 miles.',
  },
  {
    brand: 'Gardening Monthly',
    domain: 'news.garden.example',
    subject: 'Undelivered promises? Not our tomatoes: 10 tips for March',
    lead: 'March is the month to start your seedlings indoors.',
  },
  {
    brand: 'Fitness Club',
    domain: 'club.example-fit.com',
    subject: 'Returned to sender: the best excuse not to train',
    lead: 'Every excuse comes back eventually.',
  },
  {
    brand: 'Example Bank',
    domain: 'info.example-bank.com',
    subject: 'Important changes to our terms and conditions',
    lead: 'We are updating our terms from 1 May.',
  },
  {
    brand: 'Société Exemple',
    domain: 'lettre.exemple.fr',
    subject: 'Votre lettre d’information de mars',
    lead: 'Découvrez nos nouveautés du printemps.',
  },
  {
    brand: 'Beispiel Verlag',
    domain: 'newsletter.beispiel.de',
    subject: 'Neu im März: Bücher, Hörbücher und Lesungen',
    lead: 'Liebe Leserinnen und Leser, der Frühling ist da.',
  },
  {
    brand: 'Tech Conf 2025',
    domain: 'events.techconf.example',
    subject: 'Last chance: early-bird tickets end Friday',
    lead: 'Only 48 hours left to save 40%.',
  },
  {
    brand: 'Podcast Weekly',
    domain: 'mail.podcast.example',
    subject: 'New episode: "Message not delivered" - the history of email',
    lead: 'This week: how email bounces were invented.',
  },
];

newsletters.forEach((n, i) => {
  const to = pick(['bob@example.org', 'me@example.net', 'user@example.com']);
  const link = `https://${n.domain}/c/${alnum(24)}`;
  const plainText = `${n.lead}\n\nRead more: ${link}\n\nYou receive this because you subscribed at ${n.domain}.\nUnsubscribe: https://${n.domain}/u/${alnum(16)}\n${n.brand}, 1 Example Street, Springfield`;
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${n.subject}</title></head><body style="font-family:sans-serif">\n<table width="600" align="center"><tr><td><h1>${n.brand}</h1><p>${n.lead}</p>\n<p><a href="${link}">Read more</a></p>\n<p style="font-size:11px;color:#888">You receive this because you subscribed. <a href="https://${n.domain}/u/${alnum(16)}">Unsubscribe</a></p>\n<img src="https://${n.domain}/o/${alnum(20)}.gif" width="1" height="1" alt=""></td></tr></table></body></html>`;
  const enc = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : encodedWord(s, 'utf-8', 'Q'));
  const headers: [string, string][] = [
    ...delivery(`o${i + 1}.${n.domain}`, n.domain, to),
    ['From', `${enc(n.brand)} <newsletter@${n.domain}>`],
    ['Reply-To', `hello@${n.domain}`],
    ['To', to],
    ['Subject', enc(n.subject)],
    ['Date', date()],
    ['Message-ID', msgid(n.domain)],
    [
      'List-Unsubscribe',
      `<https://${n.domain}/u/${alnum(16)}>, <mailto:unsubscribe@${n.domain}?subject=unsubscribe>`,
    ],
    ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    ['Feedback-ID', `${i}:newsletter:${n.domain}`],
    ...(i % 2 === 0 ? ([['Precedence', 'bulk']] as [string, string][]) : []),
    ['X-Mailer', pick(['Mailchimp Mailer - **CID' + hex(10) + '**', 'SendGrid', 'Sendinblue', 'Amazon SES'])],
  ];
  const entity = multipart('alternative', `=_${hex(16)}`, [
    text(plainText, { cte: 'quoted-printable' }),
    text(html, { subtype: 'html', cte: 'quoted-printable' }),
  ]);
  emit('newsletter', message(headers, entity), EOLS[i % EOLS.length]);
});

// ---------------------------------------------------------------------------------------------
// mailing-list mail that quotes bounce text (postfix-users, exim-users style questions)

const quotedBounces = [
  {
    subject: 'Re: Undelivered Mail Returned to Sender - relay access denied',
    quote:
      "> This is the mail system at host mail.example.org.\n>\n> I'm sorry to have to inform you that your message could not\n> be delivered to one or more recipients. It's attached below.\n>\n> <user@example.net>: host mx.example.net[192.0.2.10] said: 554 5.7.1\n>     <user@example.net>: Relay access denied (in reply to RCPT TO command)",
    answer:
      'Your relay_domains does not include example.net, and the client is not in mynetworks.\nPost the output of "postconf -n" and we can tell you more.',
  },
  {
    subject: 'Mail delivery failed: returning message to sender -- why?',
    quote:
      '> This message was created automatically by mail delivery software.\n>\n> A message that you sent could not be delivered to one or more of its\n> recipients. This is a permanent error. The following address(es) failed:\n>\n>   someone@example.com\n>     SMTP error from remote mail server after RCPT TO:<someone@example.com>:\n>     550 5.1.1 User unknown',
    answer:
      'The remote side says the mailbox does not exist. Nothing to fix on your Exim; check the address.',
  },
  {
    subject: 'Re: [users] Delivery Status Notification (Failure) for every message to Gmail',
    quote:
      '>> Final-Recipient: rfc822; friend@gmail.example\n>> Action: failed\n>> Status: 5.7.26\n>> Diagnostic-Code: smtp; 550-5.7.26 This mail has been blocked because the sender is\n>>  unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.',
    answer:
      'Add an SPF record and sign with DKIM; since February 2024 Gmail rejects unauthenticated senders.\nSee the DKIM howto in the wiki.',
  },
  {
    subject: 'Re: backscatter: how do I stop "Undeliverable:" floods?',
    quote:
      "> Undeliverable: Your invoice\n> Delivery has failed to these recipients or groups:\n> random123@example.net\n> The email address you entered couldn't be found.",
    answer:
      'Those are bounces of spam that forged your address. Publish SPF with -all and a DMARC p=reject policy,\nthen most receivers will reject instead of bouncing. Backscatter Guard-style filters help with the rest.',
  },
  {
    subject: '[qmail] Re: failure notice format',
    quote:
      "> Hi. This is the qmail-send program at mail.example.org.\n> I'm afraid I wasn't able to deliver your message to the following addresses.\n> This is a permanent error; I've given up. Sorry it didn't work out.\n>\n> <nobody@example.com>:\n> Sorry, no mailbox here by that name. (#5.1.1)",
    answer: 'That is the standard qmail-send text; it is not RFC 3464. Parse it with the qmail module.',
  },
  {
    subject: 'Re: Warning: message delayed 4 hours',
    quote:
      '> This is a warning message only.  YOU DO NOT NEED TO RESEND YOUR MESSAGE.\n> Delivery attempts will continue to be made for 4 day(s).\n> Action: delayed\n> Status: 4.4.7',
    answer: 'The destination MX times out. Check whether port 25 is blocked by your ISP.',
  },
  {
    subject: 'Re: [dev] Returned mail: see transcript for details',
    quote:
      '> ----- The following addresses had permanent fatal errors -----\n> <dev@example.invalid>\n>     (reason: 550 Host unknown)\n>\n>    ----- Transcript of session follows -----\n> 550 5.1.2 <dev@example.invalid>... Host unknown (Name server: example.invalid: host not found)',
    answer: 'example.invalid is a reserved TLD, it will never resolve. Use example.org in your tests.',
  },
  {
    subject: 'Re: Auto-reply loop between two vacation responders',
    quote:
      '> Auto-Submitted: auto-replied\n> Subject: Out of Office: Re: Out of Office: Re: Out of Office: hello',
    answer:
      'RFC 3834 says a responder must not answer a message with Auto-Submitted other than "no".\nFix the responder that ignores it.',
  },
];

quotedBounces.forEach((q, i) => {
  const list = pick([
    'postfix-users.example.org',
    'exim-users.example.org',
    'users.lists.example.net',
    'mailop.example.org',
  ]);
  const author = pick([
    ['Viktor D.', 'viktor@example.org'],
    ['Wietse V.', 'wietse@example.com'],
    ['Anna Kowalski', 'anna.k@example.pl'],
    ['Sam Lee', 'sam@example.net'],
  ] as const);
  const headers: [string, string][] = [
    ...delivery(`lists.${list}`, list, 'me@example.net'),
    ['From', `${author[0]} <${author[1]}>`],
    ['To', `users@${list}`],
    ['Subject', q.subject],
    ['Date', date()],
    ['Message-ID', msgid(author[1].split('@')[1] ?? 'example.org')],
    ['In-Reply-To', msgid('example.com')],
    ['References', `${msgid('example.com')}\n ${msgid('example.com')}`],
    ['List-Id', `Users of the software <users.${list}>`],
    ['List-Post', `<mailto:users@${list}>`],
    ['List-Unsubscribe', `<mailto:users-unsubscribe@${list}>`],
    ['List-Archive', `<https://${list}/archives/>`],
    ['Precedence', 'list'],
    ['Sender', `users-bounces@${list}`],
    ['Errors-To', `users-bounces@${list}`],
  ];
  const body = `On ${date()}, someone wrote:\n${q.quote}\n\n${q.answer}\n\n-- \n${author[0]}\n\n_______________________________________________\nusers mailing list\nusers@${list}\nhttps://${list}/mailman/listinfo/users\n`;
  emit('list', message(headers, text(body, { cte: '7bit' })), EOLS[i % EOLS.length]);
});

// ---------------------------------------------------------------------------------------------
// spam and phishing that imitate bounces: bounce-like subjects from non-MTA senders, links, no report

const phishes = [
  {
    name: 'Mail Delivery System',
    local: 'no-reply',
    domain: 'secure-mailcenter.example',
    subject: 'Mail delivery failed: returning message to sender',
    cta: 'Release pending messages',
  },
  {
    name: 'Microsoft Outlook',
    local: 'support',
    domain: 'outlook-verify.example',
    subject: 'Undeliverable: 6 incoming messages are on hold',
    cta: 'Review and release',
  },
  {
    name: 'Postmaster',
    local: 'admin',
    domain: 'mailbox-quota.example',
    subject: 'Delivery Status Notification (Failure) - mailbox full',
    cta: 'Upgrade storage now',
  },
  {
    name: 'IT Helpdesk',
    local: 'helpdesk',
    domain: 'it-desk.example',
    subject: 'Returned mail: your messages could not be delivered',
    cta: 'Restore your mailbox',
  },
  {
    name: 'Webmail Admin',
    local: 'info',
    domain: 'webmail-upgrade.example',
    subject: 'Undelivered Mail Returned to Sender (3 messages)',
    cta: 'Click here to receive them',
  },
  {
    name: 'Email Security',
    local: 'alert',
    domain: 'security-check.example',
    subject: 'Message not delivered: verify your account',
    cta: 'Verify account',
  },
  {
    name: 'Mailer-Daemon Service',
    local: 'notice',
    domain: 'daemon-notice.example',
    subject: 'failure notice: 12 emails blocked',
    cta: 'Unblock emails',
  },
  {
    name: 'Office 365',
    local: 'no-reply',
    domain: 'o365-mail.example',
    subject: 'Undeliverable: Password expires today',
    cta: 'Keep current password',
  },
  {
    name: 'cPanel',
    local: 'cpanel',
    domain: 'hosting-alerts.example',
    subject: 'Delivery failure: Incoming messages suspended',
    cta: 'Resume delivery',
  },
  {
    name: 'E-Mail Zustellung',
    local: 'service',
    domain: 'mail-zustellung.example',
    subject: 'Unzustellbar: 4 Nachrichten warten auf Freigabe',
    cta: 'Nachrichten freigeben',
  },
  {
    name: 'DHL Express',
    local: 'tracking',
    domain: 'dhl-parcel-info.example',
    subject: 'Delivery failed: your parcel could not be delivered',
    cta: 'Reschedule delivery',
  },
  {
    name: 'Mail Administrator',
    local: 'mailadmin',
    domain: 'quota-warning.example',
    subject: 'Warning: message delayed - mailbox almost full (99%)',
    cta: 'Increase quota',
  },
  {
    name: 'Delivery Subsystem',
    local: 'deliverysubsystem',
    domain: 'notify-mail.example',
    subject: 'Returned to sender: Invoice_8812.pdf',
    cta: 'Download the returned file',
  },
  {
    name: 'Google',
    local: 'no-reply',
    domain: 'accounts-security.example',
    subject: 'Delivery Status Notification (Delay)',
    cta: 'Sign in to resend',
  },
  {
    name: 'Service de messagerie',
    local: 'support',
    domain: 'messagerie-securite.example',
    subject: 'Non remis : vos messages sont bloqués',
    cta: 'Débloquer',
  },
];

phishes.forEach((p, i) => {
  const victim = pick(['bob@example.org', 'me@example.net', 'user@example.com']);
  const link = `https://${alnum(6).toLowerCase()}.${p.domain}/${alnum(20)}?u=${encodeURIComponent(victim)}`;
  const enc = (s: string): string => (/^[\x00-\x7f]*$/.test(s) ? s : encodedWord(s, 'utf-8', 'B'));
  const spammy = i % 3 === 0;
  const headers: [string, string][] = [
    ['Return-Path', `<${p.local}@${p.domain}>`],
    [
      'Received',
      `from ${alnum(8).toLowerCase()}.vps.example ([${ip()}])\n\tby mx.${victim.split('@')[1] ?? 'example.org'} with ESMTP id ${alnum(10)}\n\tfor <${victim}>; ${date()}`,
    ],
    [
      'Authentication-Results',
      `mx.${victim.split('@')[1] ?? ''}; spf=${spammy ? 'softfail' : 'pass'} smtp.mailfrom=${p.domain}; dkim=none; dmarc=none header.from=${p.domain}`,
    ],
    ['From', `${enc(p.name)} <${p.local}@${p.domain}>`],
    ['To', victim],
    ['Subject', enc(p.subject)],
    ['Date', date()],
    ['Message-ID', `<${alnum(20)}@${p.domain}>`],
    ...(spammy
      ? ([
          ['X-Spam-Flag', 'YES'],
          ['X-Spam-Status', `Yes, score=${(7 + rand() * 8).toFixed(1)} required=5.0`],
        ] as [string, string][])
      : []),
  ];
  const plainText = `${p.subject}\n\nDear ${victim},\n\nSome of your incoming messages could not be delivered to your inbox because of a system error.\nTo avoid losing them, ${p.cta.toLowerCase()} within 24 hours:\n\n${link}\n\nFailure to do so will result in permanent deletion.\n\nThank you,\n${p.name} Team`;
  const html = `<html><body><div style="border:1px solid #ccc;padding:16px;font-family:Segoe UI,Arial"><h2 style="color:#c00">${p.subject}</h2>\n<p>Dear <b>${victim}</b>,</p><p>Some of your incoming messages could not be delivered to your inbox.</p>\n<p><a href="${link}" style="background:#0067b8;color:#fff;padding:10px 20px;text-decoration:none">${p.cta}</a></p>\n<p style="font-size:10px">This is an automated message from ${p.name}. Do not reply.</p></div></body></html>`;
  const entity =
    i % 2 === 0
      ? multipart('alternative', `b1_${hex(24)}`, [
          text(plainText, { cte: 'quoted-printable' }),
          text(html, { subtype: 'html', cte: 'base64' }),
        ])
      : text(html, { subtype: 'html', cte: 'quoted-printable' });
  emit('phish', message(headers, entity), EOLS[i % EOLS.length]);
});

// ---------------------------------------------------------------------------------------------
// DMARC aggregate reports (RFC 7489 §7.2): zipped or gzipped XML from the big receivers

const dmarcSubmitters = [
  {
    from: 'noreply-dmarc-support@google.com',
    name: 'Google',
    submitter: 'google.com',
    ext: 'zip',
    type: 'application/zip',
  },
  {
    from: 'dmarcreport@microsoft.com',
    name: 'DMARC Aggregate Report',
    submitter: 'protection.outlook.com',
    ext: 'xml.gz',
    type: 'application/gzip',
  },
  {
    from: 'dmarc_support@corp.mail.yahoo.example',
    name: 'Yahoo',
    submitter: 'yahoo.com',
    ext: 'xml.gz',
    type: 'application/gzip',
  },
  {
    from: 'dmarc-noreply@mail.example-provider.de',
    name: 'DMARC',
    submitter: 'example-provider.de',
    ext: 'xml.gz',
    type: 'application/gzip',
  },
  {
    from: 'postmaster@fastmail.example',
    name: 'Fastmail',
    submitter: 'fastmail.example',
    ext: 'xml.gz',
    type: 'application/gzip',
  },
  {
    from: 'noreply@dmarc.example-isp.net',
    name: 'Example ISP',
    submitter: 'example-isp.net',
    ext: 'zip',
    type: 'application/x-zip-compressed',
  },
];

dmarcSubmitters.forEach((d, i) => {
  const reportId = String(Math.floor(rand() * 1e18));
  const begin = 1740960000 + i * 86400;
  const xml = `<?xml version="1.0" encoding="UTF-8" ?>\n<feedback>\n  <report_metadata><org_name>${d.submitter}</org_name><email>${d.from}</email><report_id>${reportId}</report_id><date_range><begin>${begin}</begin><end>${begin + 86399}</end></date_range></report_metadata>\n  <policy_published><domain>example.org</domain><adkim>r</adkim><aspf>r</aspf><p>reject</p><sp>reject</sp><pct>100</pct></policy_published>\n  <record><row><source_ip>${ip()}</source_ip><count>${Math.floor(rand() * 40) + 1}</count><policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row><identifiers><header_from>example.org</header_from></identifiers><auth_results><dkim><domain>example.org</domain><result>pass</result></dkim><spf><domain>example.org</domain><result>pass</result></spf></auth_results></record>\n  <record><row><source_ip>${ip()}</source_ip><count>3</count><policy_evaluated><disposition>reject</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>example.org</header_from></identifiers><auth_results><spf><domain>example.org</domain><result>fail</result></spf></auth_results></record>\n</feedback>\n`;
  // The payload is the XML itself; real reports compress it, and the engine must not need to open it.
  const payload = encode(xml, 'utf-8');
  const filename = `${d.submitter}!example.org!${begin}!${begin + 86399}${i === 2 ? `!${reportId}` : ''}.${d.ext}`;
  const subject = `Report domain: example.org Submitter: ${d.submitter} Report-ID: <${reportId}>`;
  const headers: [string, string][] = [
    ...delivery(`mail-${alnum(6).toLowerCase()}.${d.submitter}`, d.submitter, 'dmarc-reports@example.org'),
    ['From', `${d.name} <${d.from}>`],
    ['To', 'dmarc-reports@example.org'],
    ['Subject', subject],
    ['Date', date()],
    ['Message-ID', msgid(d.submitter)],
  ];
  const entity =
    i % 2 === 0
      ? multipart('mixed', `000000000000${hex(12)}`, [
          text(
            `This is an aggregate report from ${d.submitter}.\n\nReport domain: example.org\nSubmitter: ${d.submitter}\nReport-ID: ${reportId}\n`,
          ),
          attachment(d.type, filename, payload),
        ])
      : {
          headers: [
            ['Content-Type', `${d.type}; name="${filename}"`],
            ['Content-Disposition', `attachment; filename="${filename}"`],
            ['Content-Transfer-Encoding', 'base64'],
          ] as [string, string][],
          body: base64Lines(payload).join('\n'),
        };
  emit('dmarc', message(headers, entity), EOLS[i % EOLS.length]);
});

// ---------------------------------------------------------------------------------------------
// SMTP TLS reports (RFC 8460 §5.3): multipart/report; report-type=tlsrpt with application/tlsrpt+gzip.
// A multipart/report that is not a delivery report: a hard negative.

['google.com', 'microsoft.com', 'mail.example-provider.de', 'comcast.example'].forEach((org, i) => {
  const json = JSON.stringify({
    'organization-name': org,
    'date-range': { 'start-datetime': '2025-03-04T00:00:00Z', 'end-datetime': '2025-03-04T23:59:59Z' },
    'contact-info': `smtp-tls-reporting@${org}`,
    'report-id': `2025-03-04T00:00:00Z_example.org_${hex(8)}`,
    policies: [
      {
        policy: { 'policy-type': 'sts', 'policy-domain': 'example.org', 'mx-host': ['mx1.example.org'] },
        summary: { 'total-successful-session-count': 120 + i, 'total-failure-session-count': i },
      },
    ],
  });
  const headers: [string, string][] = [
    ...delivery(`mail.${org}`, org, 'tls-reports@example.org'),
    ['From', `TLS Reporting <noreply-smtp-tls-reporting@${org}>`],
    ['To', 'tls-reports@example.org'],
    [
      'Subject',
      `Report Domain: example.org Submitter: ${org} Report-ID: <2025.03.04T00.00.00Z+example.org@${org}>`,
    ],
    ['Date', date()],
    ['Message-ID', msgid(org)],
    ['TLS-Report-Domain', 'example.org'],
    ['TLS-Report-Submitter', org],
  ];
  const entity = multipart(
    'report',
    `----=_TLSRPT_${hex(10)}`,
    [
      text(`This is an aggregate TLS report from ${org}.\n`),
      attachment(
        i % 2 === 0 ? 'application/tlsrpt+gzip' : 'application/tlsrpt+json',
        `${org}!example.org!1741046400!1741132799.json${i % 2 === 0 ? '.gz' : ''}`,
        encode(json, 'utf-8'),
      ),
    ],
    '; report-type="tlsrpt"',
  );
  emit('tlsrpt', message(headers, entity), EOLS[i % EOLS.length]);
});

// ---------------------------------------------------------------------------------------------
// calendar invitations and replies (iTIP, RFC 5546): "Accepted:", "Declined:" subjects are not auto-replies

const events = [
  {
    method: 'REQUEST',
    subject: 'Invitation: Quarterly planning @ Tue 11 Mar 2025 10:00 - 11:30 (CET)',
    summary: 'Quarterly planning',
    org: 'carol@example.com',
    att: 'me@example.net',
    partstat: 'NEEDS-ACTION',
  },
  {
    method: 'REPLY',
    subject: 'Accepted: Quarterly planning @ Tue 11 Mar 2025 10:00 - 11:30 (CET)',
    summary: 'Quarterly planning',
    org: 'me@example.net',
    att: 'carol@example.com',
    partstat: 'ACCEPTED',
  },
  {
    method: 'REPLY',
    subject: 'Declined: Dentist',
    summary: 'Dentist',
    org: 'me@example.net',
    att: 'dave@example.org',
    partstat: 'DECLINED',
  },
  {
    method: 'CANCEL',
    subject: 'Canceled: Team lunch',
    summary: 'Team lunch',
    org: 'erin@example.com',
    att: 'me@example.net',
    partstat: 'NEEDS-ACTION',
  },
  {
    method: 'REQUEST',
    subject: 'Einladung: Projektbesprechung am Mittwoch',
    summary: 'Projektbesprechung',
    org: 'juergen.mueller@example.de',
    att: 'me@example.net',
    partstat: 'NEEDS-ACTION',
  },
  {
    method: 'REQUEST',
    subject: 'Updated invitation: Delivery review (failed shipments) @ Thu',
    summary: 'Delivery review (failed shipments)',
    org: 'ops@example.com',
    att: 'me@example.net',
    partstat: 'NEEDS-ACTION',
  },
];

events.forEach((e, i) => {
  const uid = `${hex(26)}@example.com`;
  const ics = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Example Corp//Calendar 1.0//EN',
    'VERSION:2.0',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `DTSTART:2025031${i}T090000Z`,
    `DTEND:2025031${i}T103000Z`,
    `DTSTAMP:20250303T080000Z`,
    `ORGANIZER;CN=Organizer:mailto:${e.method === 'REPLY' ? e.att : e.org}`,
    `UID:${uid}`,
    `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${e.partstat};RSVP=TRUE:mailto:${e.method === 'REPLY' ? e.org : e.att}`,
    `SUMMARY:${e.summary}`,
    'LOCATION:Room 3.14',
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'SEQUENCE:0',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\n');
  const from = e.method === 'REPLY' ? e.att : e.org;
  const to = e.method === 'REPLY' ? e.org : e.att;
  const headers: [string, string][] = [
    ...delivery(`mail.${from.split('@')[1] ?? ''}`, from.split('@')[1] ?? 'example.com', to),
    ['From', from],
    ['To', to],
    ['Subject', /^[\x00-\x7f]*$/.test(e.subject) ? e.subject : encodedWord(e.subject, 'utf-8', 'Q')],
    ['Date', date()],
    ['Message-ID', msgid(from.split('@')[1] ?? 'example.com')],
  ];
  const calendarPart: Entity = {
    headers: [
      ['Content-Type', `text/calendar; charset="UTF-8"; method=${e.method}`],
      ['Content-Transfer-Encoding', '7bit'],
    ],
    body: ics.replace(/\n$/, ''), // RFC 5545 wants CRLF: the message's own line ends provide it
  };
  const entity = multipart('mixed', `000000000000${hex(12)}`, [
    multipart('alternative', `000000000000${hex(12)}`, [
      text(
        `${e.summary}\n\nWhen: see the attached invitation.\nJoining info: https://meet.example.com/${alnum(10)}\n`,
      ),
      calendarPart,
    ]),
    attachment('application/ics', 'invite.ics', encode(ics, 'utf-8')),
  ]);
  emit('calendar', message(headers, entity), EOLS[i % EOLS.length]);
});

// ---------------------------------------------------------------------------------------------
// messages with an attached .eml (forward as attachment) of ordinary mail

const attachedSubjects = [
  'Fwd: Contract draft v3',
  'FW: Meeting notes',
  'Weitergeleitet: Angebot',
  'Fwd: your order confirmation',
  'Fwd: Complaint from a customer',
  'TR: Facture de mars',
];
attachedSubjects.forEach((subject, i) => {
  const innerFrom = pick([
    'legal@example.com',
    'frank@example.org',
    'vertrieb@example.de',
    'shop@example-store.com',
  ]);
  const inner = message(
    [
      ['Return-Path', `<${innerFrom}>`],
      [
        'Received',
        `from mail.example.com (mail.example.com [${ip()}]) by mx.example.org with ESMTPS; ${date()}`,
      ],
      ['From', innerFrom],
      ['To', 'colleague@example.org'],
      ['Subject', subject.replace(/^(Fwd|FW|Weitergeleitet|TR): /, '')],
      ['Date', date()],
      ['Message-ID', msgid(innerFrom.split('@')[1] ?? 'example.com')],
    ],
    text(`Please find the details below.\n\nItem 1: agreed\nItem 2: open\n\nRegards`),
  );
  const headers: [string, string][] = [
    ...delivery('mail.example.org', 'example.org', 'me@example.net'),
    ['From', 'Colleague <colleague@example.org>'],
    ['To', 'me@example.net'],
    ['Subject', /^[\x00-\x7f]*$/.test(subject) ? subject : encodedWord(subject, 'utf-8', 'Q')],
    ['Date', date()],
    ['Message-ID', msgid('example.org')],
  ];
  const parts: Entity[] = [
    text('See the attached message; can you take care of it?\n\nThanks'),
    rfc822(inner, `${subject.replace(/[^A-Za-z0-9]+/g, '_')}.eml`),
  ];
  if (i % 3 === 2) {
    parts.push(
      attachment('application/pdf', 'scan.pdf', encode(`%PDF-1.4\n% fake pdf ${hex(40)}\n%%EOF\n`, 'utf-8')),
    );
  }
  emit(
    'attached-eml',
    message(headers, multipart('mixed', `------------${hex(24)}`, parts)),
    EOLS[i % EOLS.length],
  );
});

// ---------------------------------------------------------------------------------------------
// notifications: GitHub, GitLab, Jira, CI, monitoring (some carry "Auto-Submitted: auto-generated",
// which RFC 3834 §5 uses for notifications, not replies)

const notifications: {
  from: string;
  name: string;
  domain: string;
  subject: string;
  body: string;
  extra: [string, string][];
}[] = [
  {
    from: 'notifications@github.com',
    name: 'Jane Doe',
    domain: 'github.com',
    subject: 'Re: [example/mailer] Bounce handling fails for CR-only messages (Issue #1234)',
    body: 'I can reproduce this: the parser reports "delivery failed" for every message with CR line endings.\n\n—\nReply to this email directly, view it on GitHub: https://github.com/example/mailer/issues/1234#issuecomment-1\nYou are receiving this because you were mentioned.',
    extra: [
      ['List-ID', 'example/mailer <mailer.example.github.com>'],
      ['X-GitHub-Reason', 'mention'],
      ['X-GitHub-Sender', 'janedoe'],
      ['Precedence', 'list'],
    ],
  },
  {
    from: 'notifications@github.com',
    name: 'github-actions[bot]',
    domain: 'github.com',
    subject: '[example/mailer] Run failed: CI - main (a1b2c3d)',
    body: 'CI: All jobs have failed\n\nView workflow run: https://github.com/example/mailer/actions/runs/123456\n\ntest (20.x): failed in 2m 13s\nlint: succeeded in 41s',
    extra: [
      ['List-ID', 'example/mailer <mailer.example.github.com>'],
      ['X-GitHub-Reason', 'ci_activity'],
    ],
  },
  {
    from: 'noreply@github.com',
    name: 'GitHub',
    domain: 'github.com',
    subject: '[GitHub] A third-party OAuth application has been added to your account',
    body: 'Hey me!\n\nA third-party OAuth application (Example CI) with read:org scope was recently authorized to access your account.\nVisit https://github.com/settings/connections/applications for more information.',
    extra: [['Auto-Submitted', 'auto-generated']],
  },
  {
    from: 'gitlab@gitlab.example.com',
    name: 'GitLab',
    domain: 'gitlab.example.com',
    subject: 'mailer | Pipeline #98765 has failed for main | 4f5e6d7c',
    body: 'Your pipeline has failed.\n\nProject: mailer\nBranch: main\nCommit: 4f5e6d7c "Fix delivery status parsing"\nFailed job: test:unit (stage: test)\n\nhttps://gitlab.example.com/team/mailer/-/pipelines/98765',
    extra: [
      ['Auto-Submitted', 'auto-generated'],
      ['X-Auto-Response-Suppress', 'All'],
      ['X-GitLab-Project', 'mailer'],
      ['X-GitLab-Pipeline-Status', 'failed'],
    ],
  },
  {
    from: 'jira@example.atlassian.net',
    name: 'Priya (Jira)',
    domain: 'example.atlassian.net',
    subject: '[JIRA] (OPS-512) Customer emails returned as undeliverable',
    body: 'Priya created OPS-512:\n\nSummary: Customer emails returned as undeliverable\nPriority: High\n\nSeveral customers report that our invoices bounce with "550 5.1.1 user unknown". Please check the CRM export.\n\nView: https://example.atlassian.net/browse/OPS-512',
    extra: [
      ['Auto-Submitted', 'auto-generated'],
      ['X-JIRA-FingerPrint', hex(32)],
      ['Precedence', 'bulk'],
    ],
  },
  {
    from: 'jira@example.atlassian.net',
    name: 'Marco (Jira)',
    domain: 'example.atlassian.net',
    subject: '[JIRA] (OPS-512) Customer emails returned as undeliverable — status changed to Done',
    body: 'Marco changed the status to Done.\n\nComment: fixed the typo in the export, the 550 5.1.1 errors are gone.',
    extra: [['Auto-Submitted', 'auto-generated']],
  },
  {
    from: 'alerts@monitoring.example.com',
    name: 'Uptime Monitor',
    domain: 'monitoring.example.com',
    subject: '[DOWN] smtp.example.org:25 - connection timed out',
    body: 'Monitor: SMTP example.org\nStatus: DOWN\nReason: connection timed out after 30s\nSince: 2025-03-04 03:12 UTC\n\nhttps://monitoring.example.com/m/42',
    extra: [['Auto-Submitted', 'auto-generated']],
  },
  {
    from: 'alerts@monitoring.example.com',
    name: 'Uptime Monitor',
    domain: 'monitoring.example.com',
    subject: '[UP] smtp.example.org:25 is back up',
    body: 'Monitor: SMTP example.org\nStatus: UP\nDowntime: 14 minutes',
    extra: [['Auto-Submitted', 'auto-generated']],
  },
  {
    from: 'root@server1.example.org',
    name: 'Cron Daemon',
    domain: 'server1.example.org',
    subject: 'Cron <root@server1> /usr/local/bin/backup.sh',
    body: 'rsync: connection unexpectedly closed (0 bytes received so far) [sender]\nrsync error: error in rsync protocol data stream (code 12) at io.c(231)\nbackup failed, will retry tomorrow',
    extra: [
      ['X-Cron-Env', '<SHELL=/bin/sh>'],
      ['Auto-Submitted', 'auto-generated'],
    ],
  },
  {
    from: 'no-reply@accounts.example-cloud.com',
    name: 'Example Cloud',
    domain: 'accounts.example-cloud.com',
    subject: 'Your verification code is 482913',
    body: 'Your verification code is 482913. It expires in 10 minutes.\nIf you did not request it, ignore this message.',
    extra: [],
  },
  {
    from: 'no-reply@example-social.com',
    name: 'Example Social',
    domain: 'example-social.com',
    subject: 'Reset your password',
    body:
      'Someone asked to reset the password of your account.\nReset it here: https://example-social.com/reset/' +
      'x9k2' +
      '\nIf it was not you, ignore this email.',
    extra: [],
  },
  {
    from: 'noreply@slack.example.com',
    name: 'Slack',
    domain: 'slack.example.com',
    subject: '[Slack] New message from Dana in #mail-ops',
    body: 'Dana: the bounce queue on mx2 is empty again, delivery failures are down to zero.\n\nOpen Slack: https://example.slack.example.com/archives/C123',
    extra: [['Auto-Submitted', 'auto-generated']],
  },
];

notifications.forEach((n, i) => {
  const headers: [string, string][] = [
    ...delivery(`out-${i}.smtp.${n.domain}`, n.domain, 'me@example.net'),
    ['From', `${/^[\x00-\x7f]*$/.test(n.name) ? `"${n.name}"` : encodedWord(n.name, 'utf-8')} <${n.from}>`],
    ['Reply-To', n.from.startsWith('notifications@github') ? `reply+${alnum(30)}@reply.github.com` : n.from],
    ['To', 'me@example.net'],
    ['Subject', /^[\x00-\x7f]*$/.test(n.subject) ? n.subject : encodedWord(n.subject, 'utf-8', 'Q')],
    ['Date', date()],
    ['Message-ID', `<${n.domain.split('.')[0] ?? 'x'}/${alnum(12)}/${Math.floor(rand() * 1e6)}@${n.domain}>`],
    ...n.extra,
  ];
  const entity =
    i % 2 === 0
      ? multipart('alternative', `--==_mimepart_${hex(12)}`, [
          text(n.body),
          text(`<p>${n.body.replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`, { subtype: 'html' }),
        ])
      : text(n.body);
  emit('notify', message(headers, entity), EOLS[i % EOLS.length]);
});

// ---------------------------------------------------------------------------------------------
// receipts and parcels: "delivered", "delivery failed", "returned" in the commercial sense

const receipts = [
  {
    shop: 'Example Store',
    domain: 'example-store.com',
    subject: 'Your order #112-4455 has shipped',
    body: 'Good news! Your order is on its way.\nCarrier: Example Parcel, tracking 1Z999AA10123456784\nEstimated delivery: Thursday',
  },
  {
    shop: 'Example Parcel',
    domain: 'parcel.example',
    subject: 'Delivered: your package was left at the front door',
    body: 'Your package 1Z999AA10123456784 was delivered at 14:32.\nDelivery confirmation: signed by RESIDENT.',
  },
  {
    shop: 'Example Parcel',
    domain: 'parcel.example',
    subject: 'Delivery attempt failed - we will try again tomorrow',
    body: 'We tried to deliver your package today but nobody was home.\nWe will try again on the next working day, or pick it up at the depot.',
  },
  {
    shop: 'Example Store',
    domain: 'example-store.com',
    subject: 'Return received: refund on its way',
    body: 'We received your returned item (Blue tent, 2 persons).\nYour refund of 129.00 EUR will be credited within 5 days.',
  },
  {
    shop: 'Example Payments',
    domain: 'pay.example.com',
    subject: 'Receipt for your payment to Example Hosting',
    body:
      'You paid 9.99 USD to Example Hosting.\nTransaction ID: ' + 'TX1234567890' + '\nDate: March 4, 2025',
  },
  {
    shop: 'Example App Store',
    domain: 'apps.example.com',
    subject: 'Your receipt from Example App Store',
    body: 'Order ID: MZ4K2L9\nPhoto Editor Pro (monthly) 4.99 €\nBilled to: Visa ending 4242',
  },
  {
    shop: 'Beispiel Versand',
    domain: 'versand.beispiel.de',
    subject: 'Ihre Sendung konnte nicht zugestellt werden',
    body: 'Leider konnten wir Ihre Sendung heute nicht zustellen.\nSie liegt ab morgen 10 Uhr in Ihrer Filiale zur Abholung bereit.',
  },
  {
    shop: 'Example Food',
    domain: 'food.example',
    subject: 'Order delivered - rate your meal',
    body:
      'Your order from Pizza Example was delivered.\nHow was it? Rate it: https://food.example/rate/' + 'abc',
  },
];

receipts.forEach((r, i) => {
  const headers: [string, string][] = [
    ...delivery(`mta${i}.${r.domain}`, r.domain, 'me@example.net'),
    ['From', `"${r.shop}" <${i % 2 === 0 ? 'no-reply' : 'orders'}@${r.domain}>`],
    ['To', 'me@example.net'],
    ['Subject', /^[\x00-\x7f]*$/.test(r.subject) ? r.subject : encodedWord(r.subject, 'utf-8', 'Q')],
    ['Date', date()],
    ['Message-ID', msgid(r.domain)],
    ...(i % 3 === 0 ? ([['X-Auto-Response-Suppress', 'OOF, AutoReply']] as [string, string][]) : []),
  ];
  const parts: Entity[] = [text(r.body, { cte: 'quoted-printable' })];
  if (i % 2 === 1) {
    parts.push(
      attachment(
        'application/pdf',
        `receipt-${1000 + i}.pdf`,
        encode(`%PDF-1.4\n% receipt ${hex(60)}\n%%EOF\n`, 'utf-8'),
      ),
    );
  }
  emit(
    'receipt',
    message(headers, parts.length > 1 ? multipart('mixed', `_${hex(20)}_`, parts) : (parts[0] as Entity)),
    EOLS[i % EOLS.length],
  );
});

// ---------------------------------------------------------------------------------------------
// misc hard negatives: a person writing about their own absence, a read-receipt *request*, a human
// postmaster, a message with no subject and no body, a message that mentions MAILER-DAEMON

const misc: { subject: string | undefined; from: string; body: string; extra: [string, string][] }[] = [
  {
    subject: 'Out of office next week',
    from: 'Carol <carol@example.com>',
    body: "Hi team,\n\nheads-up: I'm out of office next week (vacation). Dave covers for me.\nIf something is on fire, call my mobile.\n\nCarol",
    extra: [],
  },
  {
    subject: 'Re: Automatic reply: your vacation message is still on',
    from: 'Dave <dave@example.org>',
    body: 'Carol, your automatic reply still says you are away, but you are back, right?\nYou might want to switch it off.\n\nDave',
    extra: [['In-Reply-To', '<auto-reply-1@example.com>']],
  },
  {
    subject: 'Please confirm you received this',
    from: 'Erin <erin@example.com>',
    body: 'Hi, I attached the signed contract. Could you confirm you got it?\n\nErin',
    extra: [
      ['Disposition-Notification-To', 'erin@example.com'],
      ['Return-Receipt-To', 'erin@example.com'],
    ],
  },
  {
    subject: 'Mail server maintenance on Saturday',
    from: 'Postmaster <postmaster@example.org>',
    body: 'Dear colleagues,\n\nthe mail server will be down for maintenance on Saturday from 22:00 to 23:00.\nMessages sent during that time will be queued and delivered afterwards; nothing will bounce.\n\nYour IT team',
    extra: [],
  },
  { subject: undefined, from: 'frank@example.org', body: '', extra: [] },
  {
    subject: 'why do I get mails from MAILER-DAEMON?',
    from: 'Grandpa <grandpa@example.net>',
    body: 'Hello dear,\n\nevery morning there are 50 new mails from MAILER-DAEMON saying "Undelivered Mail Returned to Sender".\nI did not send them! Is my computer broken?\n\nLove, Grandpa',
    extra: [],
  },
  {
    subject: 'Challenge accepted!',
    from: 'Hank <hank@example.com>',
    body: 'You said I could not run 10 km in under an hour. Challenge accepted. Saturday at 9?\n\nHank',
    extra: [],
  },
  {
    subject: 'Virus warning from your colleague?',
    from: 'Ivy <ivy@example.org>',
    body: 'I got an email from "you" with a zip file and a virus warning from our scanner.\nI guess someone is spoofing you. Just so you know.\n\nIvy',
    extra: [],
  },
  {
    subject: 'Read: the book you lent me',
    from: 'Jack <jack@example.com>',
    body: 'Read it in two days, loved it! When can I bring it back?\n\nJack',
    extra: [],
  },
  {
    subject: 'Delivery status of the furniture',
    from: 'Kim <kim@example.net>',
    body: 'The shop says the delivery failed because the truck was full. New date: Monday.\n\nKim',
    extra: [],
  },
  {
    subject: 'Returned mail',
    from: 'Lena <lena@example.de>',
    body: 'Hi, your letter came back to me by post marked "returned to sender - address unknown". Did you move?\n\nLena',
    extra: [],
  },
  {
    subject: 'Fw: spam I keep getting',
    from: 'Mona <mona@example.com>',
    body: '---------- Forwarded message ---------\nFrom: "Account Team" <info@prize.example>\nSubject: You won!\n\nClaim your prize now at http://prize.example/claim\n\n(I keep getting these, can you block them?)',
    extra: [],
  },
];

misc.forEach((m, i) => {
  const addr = /<([^>]+)>/.exec(m.from)?.[1] ?? m.from;
  const domain = addr.split('@')[1] ?? 'example.org';
  const headers: [string, string][] = [
    ...delivery(`mail.${domain}`, domain, 'me@example.net'),
    ['From', m.from],
    ['To', 'me@example.net'],
    ...(m.subject === undefined ? [] : ([['Subject', m.subject]] as [string, string][])),
    ['Date', date()],
    ['Message-ID', msgid(domain)],
    ...m.extra,
  ];
  emit('misc', message(headers, text(m.body, { cte: '7bit' })), EOLS[i % EOLS.length]);
});

// 8bit UTF-8 body with no MIME headers at all (old clients), and Shift_JIS / EUC-KR / Big5 letters.
emit(
  'misc',
  `From: Ola <ola@example.no>\nTo: me@example.net\nSubject: Hei\nDate: ${date()}\nMessage-ID: ${msgid('example.no')}\n\n${utf8bin('Hei! Blåbærsyltetøy på søndag? Hilsen Ola')}\n`,
  '\n',
);
for (const [charset, lang, subject, body] of [
  [
    'shift_jis',
    'ja',
    'お見積もりの件',
    'いつもお世話になっております。\nお見積もりを添付いたしましたので、ご確認ください。',
  ],
  ['euc-kr', 'ko', '주말 계획', '안녕하세요! 이번 주말에 등산 갈래요?\n토요일 아침 아홉 시에 만나요.'],
  ['big5', 'zh-TW', '會議時間', '各位好，\n下週二下午三點開會，請準時出席。'],
] as const) {
  const headers: [string, string][] = [
    ...delivery('mail.example.net', 'example.net', 'me@example.net'),
    [
      'From',
      `${encodedWord(lang === 'ko' ? '김민수' : lang === 'ja' ? '鈴木 一郎' : '陳大文', charset)} <friend@example.net>`,
    ],
    ['To', 'me@example.net'],
    ['Subject', encodedWord(subject, charset)],
    ['Date', date()],
    ['Message-ID', msgid('example.net')],
  ];
  emit('misc', message(headers, text(body, { charset, cte: 'base64' })), '\r\n');
}

export function generateNotBounce(): Generated[] {
  return out;
}

// Run directly: write the files (removing stale gen-* files), print the count per category.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dir = path.resolve(import.meta.dirname, '../fixtures/not-bounce');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) {
    if (f.startsWith('gen-')) {
      rmSync(path.join(dir, f));
    }
  }
  for (const g of out) {
    writeFileSync(path.join(dir, g.name), g.bytes);
  }
  console.log(`${out.length} messages:`, Object.fromEntries(counters));
}
