import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import prose, { BOUNCE_SUBJECT } from './prose';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  const ctx = buildContext(bytes, text, scanStructure(text));
  return { result: prose.match(ctx), body: ctx.body };
}

// Exim's plain-text bounce (Sisimai exim-01 layout).
const EXIM = `From: Mail Delivery System <Mailer-Daemon@mx.example.jp>
To: shironeko@example.org
Subject: Mail delivery failed: returning message to sender
Auto-Submitted: auto-replied

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  kijitora@example.jp
    SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:
    host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown

------ This is a copy of the message, including all the headers. ------

Return-Path: <shironeko@example.org>
Message-ID: <1@example.org>
From: shironeko@example.org
To: kijitora@example.jp
Subject: hello

hello
`;

describe('fires', () => {
  test('Exim: the failed address, its words, and where the original starts', async () => {
    const { result, body } = await match(EXIM);
    expect(result?.kind).toBe('ndr');
    expect(result?.recipients).toEqual([
      {
        address: 'kijitora@example.jp',
        action: 'failed',
        status: '5.1.1',
        replyCode: '550',
        diagnostic:
          'SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>: host mx.example.jp [192.0.2.1]: 550 5.1.1 User unknown',
        remoteMta: 'mx.example.jp',
        reason: 'user-unknown',
      },
    ]);
    expect(body.slice(result!.inlineFrom)).toMatch(/^------ This is a copy of the message/);
  });

  test.each([
    {
      // qmail (Sisimai qmail-01): "<addr>:" then the remote host's words.
      name: 'qmail',
      message: `From: MAILER-DAEMON@mx.example.com
To: shironeko@example.org
Subject: failure notice

Hi. This is the qmail-send program at mx.example.com.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<kijitora@example.jp>:
192.0.2.1 does not like recipient.
Remote host said: 552 5.2.2 <kijitora@example.jp>... Mailbox full
Giving up on 192.0.2.1.

--- Below this line is a copy of the message.
`,
      kind: 'ndr',
      recipients: [['kijitora@example.jp', '5.2.2', 'mailbox-full']],
    },
    {
      // Sendmail's delay warning.
      name: 'Sendmail delay warning',
      message: `From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>
To: shironeko@example.org
Subject: Warning: could not send message for past 4 hours

    **********************************************
    **      THIS IS A WARNING MESSAGE ONLY      **
    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **
    **********************************************

The original message was received at Thu, 29 Apr 2010 19:34:45 +0900

   ----- Transcript of session follows -----
<kijitora@example.jp>... Deferred: Connection timed out with mx.example.jp.
Warning: message still undelivered after 4 hours
Will keep trying until message is 5 days old
`,
      kind: 'delay',
      recipients: [['kijitora@example.jp', undefined, 'network-error']],
    },
    {
      // A bounce subject, an ordinary sender, but a quoted original: a relaying gateway's notice.
      name: 'bounce subject with a quoted original',
      message: `From: gateway@example.net
To: shironeko@example.org
Subject: Undeliverable: hello

Delivery has failed to these recipients or groups:

kijitora@example.jp
The e-mail address you entered couldn't be found.

Original message headers:

Return-Path: <shironeko@example.org>
Received: from mail.example.org by gateway.example.net; Thu, 29 Apr 2010 23:34:45 +0900
Message-ID: <1@example.org>
`,
      kind: 'ndr',
      recipients: [['kijitora@example.jp', undefined, 'user-unknown']],
    },
  ])('$name', async ({ message, kind, recipients }) => {
    const { result } = await match(message);
    expect(result?.kind).toBe(kind);
    expect(result?.recipients.map(r => [r.address, r.status, r.reason])).toEqual(recipients);
  });
});

describe('X-Failed-Recipients', () => {
  // Exim's header names exactly the failed ones, even from an ordinary-looking sender.
  const message = `From: mail@relay.example.net
To: shironeko@example.org
Subject: Message not delivered
X-Failed-Recipients: kijitora@example.jp, neko@example.jp

Delivery failed for 2 recipients.

  kijitora@example.jp
    550 5.1.1 User unknown
`;

  test('fires from a non-daemon sender, naming exactly the listed recipients', async () => {
    const { result } = await match(message);
    expect(result?.kind).toBe('ndr');
    expect(result?.recipients.map(r => r.address)).toEqual(['kijitora@example.jp', 'neko@example.jp']);
    expect(result?.recipients[0]).toMatchObject({ status: '5.1.1', reason: 'user-unknown' });
  });

  // Regression (was a bug): a recipient with no words of its own takes its codes from the whole report text (toReports'
  // fallback), so neko@ is given kijitora@'s "5.1.1"/"550" although nothing says why neko@ failed.
  test('a recipient the text says nothing about gets no other recipient’s status', async () => {
    const { result } = await match(message);
    expect(result?.recipients[1]?.status).toBeUndefined();
  });
});

describe('stays quiet', () => {
  test.each([
    { name: 'personal mail', message: 'From: a@example.org\nSubject: Lunch\n\nFriday?\n' },
    {
      // Phishing that imitates a bounce: no MTA sender, no X-Failed-Recipients, no original.
      name: 'a bounce subject from an ordinary sender, without an original',
      message: `From: "Mail Delivery System" <it-support@phish.example>
Subject: Mail delivery failed: 3 messages on hold

Your messages could not be delivered. Click here to release them.
`,
    },
    {
      name: 'a daemon sender that speaks of no failure',
      message:
        'From: postmaster@example.org\nSubject: Welcome to our mail service\n\nYour account is ready.\n',
    },
    {
      name: 'a newsletter about bounces',
      message: 'From: news@esp.example\nSubject: Ten tips for fewer hard bounces\n\nKeep your lists clean.\n',
    },
  ])('$name', async ({ message }) => {
    expect((await match(message)).result).toBeUndefined();
  });
});

// Words only: a daemon From, a root envelope, no original, no status code, no bounce subject, no report
// structure (tmail_bouncer's box_full.eml / legit_with_quota.eml pair, held out). Then the failure
// has to open the text, or follow the server's one-line introduction.
describe('words only: the notice opens with the failure', () => {
  const head =
    'Return-Path: <root@ops.example.net>\nFrom: MAILER-DAEMON@ops.example.net\nTo: dana@example.org\n' +
    'Subject: Your message to Fred\nIn-Reply-To: <c3f1.77@mail.example.org>\n\n';
  const failure =
    'Your message to fred@example.com was rejected due to the user exceeding its mailbox quota\n';
  test.each([
    { name: 'the failure alone', body: failure, fires: true },
    { name: 'after blank lines', body: '\n\n' + failure, fires: true },
    {
      name: "after the server's introduction",
      body: 'This is the mail system at ops.example.net.\n\n' + failure,
      fires: true,
    },
    {
      name: 'after a line of its own',
      body: 'Dana, this is what his server said:\n' + failure,
      fires: false,
    },
    {
      name: 'after four lines of its own',
      body:
        'I went through the logs.\nThe answer is below.\nShow it to him.\nSend it again tomorrow.\n' +
        failure,
      fires: false,
    },
    {
      name: 'an introduction that is not a server’s',
      body: 'Hi Dana, about your note:\n' + failure,
      fires: false,
    },
  ])('$name', async ({ body, fires }) => {
    const { result } = await match(head + body);
    expect(result?.kind).toBe(fires ? 'ndr' : undefined);
  });

  test('a bounce subject, a status code or a null envelope is evidence enough wherever the sentence is', async () => {
    const late = 'I went through the logs.\nShow it to him.\n' + failure;
    for (const message of [
      head.replace('Subject: Your message to Fred', 'Subject: Mail delivery failed') + late,
      head + late.replace('was rejected', 'was rejected (552 5.2.2)'),
      head.replace('<root@ops.example.net>', '<>') + late,
    ]) {
      expect((await match(message)).result?.kind).toBe('ndr');
    }
  });
});

describe('BOUNCE_SUBJECT', () => {
  test.each([
    'Undelivered Mail Returned to Sender',
    'Returned mail: see transcript for details',
    'failure notice',
    'Mail delivery failed: returning message to sender',
    'Delivery Status Notification (Failure)',
    'Undeliverable: hello',
    'Unzustellbar: Termin',
    'Non remis : réunion',
    'Недоставленное сообщение',
    '配信エラー',
  ])('fires: %s', subject => {
    expect(BOUNCE_SUBJECT.test(subject)).toBe(true);
  });

  test.each(['Lunch on Friday?', 'Automatic reply: hello', 'Invoice 2024-113'])(
    'stays quiet: %s',
    subject => {
      expect(BOUNCE_SUBJECT.test(subject)).toBe(false);
    },
  );
});
