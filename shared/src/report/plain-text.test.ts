import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseHeaderBlock } from '../mime/header-block';
import {
  excludedAddresses,
  findFailedInText,
  ownRecipients,
  proseKind,
  toReports,
  x400Smtp,
} from './plain-text';

const none = new Set<string>();
const found = (region: string, excluded: ReadonlySet<string> = none, ok: ReadonlySet<string> = none) =>
  findFailedInText(region, excluded, ok);

describe('findFailedInText', () => {
  describe('line-start addresses', () => {
    test('qmail: "<addr>:" then the remote host’s words (Sisimai qmail-01)', () => {
      const region = `Hi. This is the qmail-send program at mx.example.com.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<kijitora@example.jp>:
192.0.2.1 does not like recipient.
Remote host said: 550 5.1.1 <kijitora@example.jp>... User Unknown
Giving up on 192.0.2.1.

`;
      expect(found(region)).toEqual([
        {
          address: 'kijitora@example.jp',
          diagnostic:
            '192.0.2.1 does not like recipient. Remote host said: 550 5.1.1 <kijitora@example.jp>... User Unknown Giving up on 192.0.2.1.',
        },
      ]);
    });

    test('Exim: indented address, indented reason lines (Sisimai exim-01)', () => {
      const region = `This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  kijitora@example.jp
    SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:
    host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown
`;
      const [f, ...rest] = found(region);
      expect(rest).toEqual([]);
      expect(f?.address).toBe('kijitora@example.jp');
      expect(f?.diagnostic).toBe(
        'SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>: host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown',
      );
    });

    test('Sendmail: "<addr>... reason", several, each with its own words', () => {
      const region = `   ----- The following addresses had permanent fatal errors -----
<kijitora@example.jp>... User unknown
<neko@example.jp>... Mailbox full
`;
      expect(found(region)).toEqual([
        { address: 'kijitora@example.jp', diagnostic: 'User unknown' },
        { address: 'neko@example.jp', diagnostic: 'Mailbox full' },
      ]);
    });

    test('Exim: a display name that looks like an address; the bracketed one is the mailbox', () => {
      const region =
        '  kijitora@example.com <neko@example.net>: malformed address: .net> may not follow <neko@example\n';
      expect(found(region).map(f => f.address)).toEqual(['neko@example.net']);
    });

    test('"A message sent by <sender>" names the sender, not a failure', () => {
      const region = `A message sent by

  <shironeko@example.org>

could not be delivered to one or more of its recipients. The following address(es) failed:

  kijitora@example.jp
    Unrouteable address
`;
      expect(found(region).map(f => f.address)).toEqual(['kijitora@example.jp']);
    });

    test.each([
      { name: 'the bounce’s own addresses are excluded', line: 'shironeko@example.org: your address' },
      {
        name: 'daemon addresses are never failures',
        line: 'MAILER-DAEMON@mx.example.jp: sender of this report',
      },
    ])('stays quiet: $name', ({ line }) => {
      expect(found(line + '\n', new Set(['shironeko@example.org']))).toEqual([]);
    });

    test('a user mailing themself: a qmail-style line naming the excluded To still counts when allowed', () => {
      const region = '<shironeko@example.org>:\nMailbox full\n';
      const excluded = new Set(['shironeko@example.org']);
      expect(found(region, excluded)).toEqual([]);
      expect(found(region, excluded, excluded).map(f => f.address)).toEqual(['shironeko@example.org']);
    });
  });

  // Regression (was a bug): Postfix's prose wraps the remote reply onto an indented line that repeats the address
  // ("    <kijitora@example.jp>: Recipient address rejected: …"); that line is taken for a new recipient
  // line, so the diagnostic stops at "550 5.1.1" and loses the server's words.
  test('Postfix: the wrapped reply stays in the diagnostic', () => {
    const region = `<kijitora@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1
    <kijitora@example.jp>: Recipient address rejected: User unknown in local
    recipient table (in reply to RCPT TO command)
`;
    expect(found(region)[0]?.diagnostic).toContain('User unknown in local recipient table');
  });

  test('SMTP transcript: the RCPT and the answer right after it (Sendmail)', () => {
    const region = `   ----- Transcript of session follows -----
... while talking to mx.example.org.:
>>> MAIL From:<shironeko@example.jp> SIZE=1024
<<< 250 2.1.0 Ok
>>> RCPT To:<neko@example.org>
<<< 550 5.1.1 <neko@example.org>... User unknown
`;
    expect(found(region)).toEqual([
      { address: 'neko@example.org', diagnostic: '550 5.1.1 <neko@example.org>... User unknown' },
    ]);
  });

  // Regression (was a bug): the transcript pass keeps only the first line of a multi-line reply (RFC 5321 §4.2.1 "550-…"
  // lines), so the reason on the second line is lost: Sisimai lhost-exim-39 is read as a 550 user-unknown
  // instead of a reverse-DNS (auth-policy) refusal.
  test('a multi-line SMTP reply after RCPT TO is kept whole (Exim)', () => {
    const region = `  kijitora@example.net
    host mail.example.net [192.0.2.222]
    SMTP error from remote mail server after RCPT TO:<kijitora@example.net>:
    550-Your message was rejected by this system and was not delivered.
    550-Reason: This system will not accept messages from servers/devices with no reverse DNS. IP=[203.0.113.2]
    550 7d39d529-9584-f4be-161127e61f5f54002
`;
    const [f] = found(region);
    expect(f?.diagnostic).toContain('no reverse DNS');
    expect(toReports(found(region), 'ndr')[0]?.reason).toBe('auth-policy');
  });

  test.each([
    {
      name: 'sentence form: "Could not be delivered to: <addr>" (KDDI)',
      region:
        'Your mail sent on: Thu, 29 Apr 2010 23:34:45 +0900\nCould not be delivered to: <kijitora@ezweb.ne.jp>\nAs their mailbox is full.\n',
      address: 'kijitora@ezweb.ne.jp',
      words: 'As their mailbox is full.',
    },
    {
      name: 'Exchange 5.5 X.400 recipient: the SMTP address in "dda:SMTP=…;" (flufl.bounce microsoft_01)',
      region:
        'did not reach the following recipient(s):\n\nc=US;a= ;p=CORP;o=Site1;dda:SMTP=OLIVIA.PARK@CORP.EXAMPLE.COM; on Wed, 11 Mar 2026\n17:12:28 -0400\n    The recipient name is not recognized\n',
      address: 'olivia.park@corp.example.com',
      words: 'The recipient name is not recognized',
    },
    {
      // The X.400 lines are only read where "c=" or "C=" occurs at all: both cases must be looked for.
      name: 'X.400 recipient with an upper-case "C=" and no "c=" anywhere',
      region:
        'did not reach the following recipient(s):\n\nC=US;A= ;P=CORP;O=SITE1;DDA:SMTP=OLIVIA.PARK@CORP.EXAMPLE.COM; on Wed, 11 Mar 2026\n17:12:28 -0400\n    The recipient name is not recognized\n',
      address: 'olivia.park@corp.example.com',
      words: 'The recipient name is not recognized',
    },
  ])('one recipient: $name', ({ region, address, words }) => {
    const [f, ...rest] = found(region);
    expect(rest).toEqual([]);
    expect(f?.address).toBe(address);
    expect(f?.diagnostic).toContain(words);
  });

  test('a failure line naming an address mid-sentence', () => {
    const region =
      'The following recipients returned permanent errors: neko@example.org. Reason: mailbox unavailable\n';
    expect(found(region).map(f => f.address)).toEqual(['neko@example.org']);
  });

  test('an address right after "from" on a failure line is the sender (flufl.bounce aol_01)', () => {
    const region =
      'Your mail to the following recipients could not be delivered because they are not accepting mail from club@lists.example.org:\n\tteddyruiz\n';
    expect(found(region)).toEqual([]);
    expect(
      found('Mail from <club@lists.example.org> to neko@example.org was rejected: user unknown\n').map(
        f => f.address,
      ),
    ).toEqual(['neko@example.org']);
  });

  test.each([
    { name: 'prose with no address', region: 'Your message could not be delivered.\n' },
    {
      name: 'an address on a line that does not speak of failure, mid-sentence',
      region: 'Questions? Write to the help desk, help@example.org, any time.\n',
    },
    { name: 'empty', region: '' },
  ])('stays quiet: $name', ({ region }) => {
    expect(found(region)).toEqual([]);
  });
});

describe('proseKind', () => {
  test.each([
    { subject: 'Delayed Mail (still being retried)', region: 'This is a warning.', want: 'delay' },
    {
      subject: 'Warning: could not send message for past 4 hours',
      region:
        '    **********************************************\n    **      THIS IS A WARNING MESSAGE ONLY      **\n    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **',
      want: 'delay',
    },
    {
      subject: 'Mail delivery notice',
      region: 'Delivery to the following recipient has been delayed.',
      want: 'delay',
    },
    { subject: 'Undelivered Mail Returned to Sender', region: 'could not be delivered', want: 'ndr' },
    {
      subject: 'Returned mail: see transcript for details',
      region: 'Deferred: Connection timed out',
      want: 'ndr',
    },
    {
      subject: 'Mail delivery failed',
      region: 'The message has been delayed and we are giving up. Permanent error.',
      want: 'ndr',
    },
    { subject: 'failure notice', region: '', want: 'ndr' },
    {
      subject: 'Delivery failure notification',
      region:
        'could not be delivered to the following recipients:\n\nPlease do not resend your original message.\n\nDelivery attempts will continue to be made for 5 day(s).',
      want: 'delay',
    },
    {
      subject: 'Delivery delayed: Minutes',
      region: "This message hasn't been delivered yet. Delivery will continue to be attempted.",
      want: 'delay',
    },
    {
      subject: 'Undeliverable: Minutes',
      region:
        'Delivery has failed to these recipients or groups. Earlier notices said delivery attempts will continue.',
      want: 'ndr',
    },
  ])('$subject → $want', ({ subject, region, want }) => {
    expect(proseKind(subject, region)).toBe(want);
  });
});

describe('toReports', () => {
  test('codes, remote host and reason from the diagnostic', () => {
    const [r] = toReports(
      [
        {
          address: 'kijitora@example.jp',
          diagnostic: 'host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown',
        },
      ],
      'ndr',
    );
    expect(r).toEqual({
      address: 'kijitora@example.jp',
      action: 'failed',
      status: '5.1.1',
      replyCode: '550',
      diagnostic: 'host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown',
      remoteMta: 'mx.example.jp',
      reason: 'user-unknown',
    });
  });

  test('a delay is "delayed"', () => {
    expect(toReports([{ address: 'a@example.org', diagnostic: '451 try later' }], 'delay')[0]?.action).toBe(
      'delayed',
    );
  });

  test('with no words of its own, the report’s text gives the reason', () => {
    const [r] = toReports(
      [{ address: 'a@example.org', diagnostic: '' }],
      'ndr',
      'reject reason: Mailbox full',
    );
    expect([r?.diagnostic, r?.reason]).toEqual([undefined, 'mailbox-full']);
  });

  test('a recipient line naming no cause falls back to the report’s words', () => {
    const [r] = toReports([{ address: 'a@example.org', diagnostic: 'see below' }], 'ndr', 'User unknown');
    expect(r?.reason).toBe('user-unknown');
  });
});

describe('excludedAddresses / ownRecipients', () => {
  const top = parseHeaderBlock(
    'From: MAILER-DAEMON@mx.example.jp\nTo: Shironeko <shironeko@example.org>\nReply-To: r@example.org\nReturn-Path: <>\nDelivered-To: d@example.org\nCc: c@example.org\nSubject: kijitora@example.jp failed\n',
  ).fields;

  test('the bounce’s own header addresses, plus extras, lower-cased', () => {
    expect([...excludedAddresses(top, ['Extra@Example.org'])].sort()).toEqual([
      'c@example.org',
      'd@example.org',
      'extra@example.org',
      'mailer-daemon@mx.example.jp',
      'r@example.org',
      'shironeko@example.org',
    ]);
  });

  test('ownRecipients is the To only', () => {
    expect([...ownRecipients(top)]).toEqual(['shironeko@example.org']);
  });
});

// Issue 8 §1: "from" followed by a long run of blanks, and long reply transcripts, were quadratic.
describe('linear on hostile text', () => {
  test.each([
    {
      name: '"from" then 300,000 blanks before an address',
      text: `from${' '.repeat(300_000)}x\n<a@b.example>:\n`,
    },
    {
      name: 'a transcript reply of long blank runs',
      text: `RCPT TO:<a@b.example>\n${' \n'.repeat(150_000)}550 x\n`,
    },
    { name: 'many transcripts', text: 'RCPT TO:<a@b.example>\n<<< 550-x\n'.repeat(10_000) },
  ])('$name', ({ text }) => {
    const start = performance.now();
    findFailedInText(text, new Set());
    expect(performance.now() - start).toBeLessThan(3000);
  });

  test('a multi-line reply is joined, codes dropped, blank lines between allowed', () => {
    const text = 'RCPT TO:<a@b.example>\n<<< 550-5.1.1 first\n\n<<< 550 second\n<<< 551 other\n';
    expect(findFailedInText(text, new Set())[0]?.diagnostic).toBe('550-5.1.1 first second');
  });

  test('an address after a "from:" line is the sender, not a failure', () => {
    expect(findFailedInText('Message from :  \n  <s@b.example>\n', new Set())).toEqual([]);
    expect(findFailedInText('Message wherefrom\n  <s@b.example>\n', new Set())).not.toEqual([]);
  });
});

// x400Smtp reads "c=" at the line's start by hand; it must pick the lines the regex /^[ \t]*c=/i did.
describe('x400Smtp picks the lines /^[ \\t]*c=/i picks', () => {
  const viaRegex = (line: string) => {
    if (!/^[ \t]*c=/i.test(line)) {
      return line;
    }
    const at = line.toLowerCase().indexOf('dda:smtp=');
    return at === -1 ? line : line.slice(at + 'dda:smtp='.length);
  };
  test.each([
    '',
    'c',
    'c=',
    'C=US;a= ;p=IKON;o=Nexus2;dda:SMTP=DJBENNETT@IKON.COM; on Fri, 4 Oct 2002',
    ' \t c=x;dda:smtp=a@b',
    '\u00a0c=x;dda:smtp=a@b',
    '\nc=x;dda:smtp=a@b',
    'cc=x;dda:smtp=a@b',
    'c =x;dda:smtp=a@b',
    '\u0107=x;dda:smtp=a@b',
  ])('%j', line => {
    expect(x400Smtp(line)).toBe(viaRegex(line));
  });
  test('random lines', () => {
    const piece = fc.constantFrom(
      ' ',
      '\t',
      'c',
      'C',
      '=',
      'dda:smtp=',
      'DDA:SMTP=',
      'a@b',
      '\n',
      'x',
      '\u0107',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), pieces => {
        const line = pieces.join('');
        expect(x400Smtp(line)).toBe(viaRegex(line));
      }),
      { numRuns: 1000 },
    );
  });
});

// prose passes ownRecipients(top) in so the To field is read once: the set must be the one read alone.
describe('excludedAddresses with the own recipients passed in', () => {
  test.each([
    [
      ['from', 'MAILER-DAEMON@mx.example.org'],
      ['to', 'Neko <neko@example.jp>, tora@example.jp'],
    ],
    [
      ['to', 'undisclosed-recipients:;'],
      ['return-path', '<>'],
    ],
    [
      ['from', 'a@x.example'],
      ['cc', 'b@y.example'],
      ['delivered-to', 'NEKO@example.jp'],
    ],
    [['subject', 'no addresses at all']],
  ])('%j', (...pairs: string[][]) => {
    const top = pairs.map(([name, value]) => ({ name: name!, value: value! }));
    const own = ownRecipients(top);
    expect([...excludedAddresses(top, ['X@Y.example'], own)].sort()).toEqual(
      [...excludedAddresses(top, ['X@Y.example'])].sort(),
    );
  });
});
