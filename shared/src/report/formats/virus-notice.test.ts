import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import virusNotice from './virus-notice';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return virusNotice.match(buildContext(bytes, text, scanStructure(text)));
}

describe('fires', () => {
  test('amavis "VIRUS … IN MAIL FROM YOU": the listed recipient, reason virus-content', async () => {
    // amavisd-new's sender notice layout.
    const message = `From: Content-filter at mx.example.jp <postmaster@mx.example.jp>
To: shironeko@example.org
Subject: VIRUS (W32/Mydoom.O@mm) IN MAIL FROM YOU

Our content checker found
    virus: W32/Mydoom.O@mm

in an email to you from probably faked sender:
    <shironeko@example.org>
claiming to come from [192.0.2.1]

Delivery of the email was stopped!

The message has been blocked because it contains a component
(as a MIME part or nested within) with declared name
or MIME type or contents type violating our access policy.

-> kijitora@example.jp
`;
    const r = await match(message);
    expect(r?.kind).toBe('virus-notice');
    expect(r?.recipients.map(x => [x.address, x.action, x.reason])).toEqual([
      ['kijitora@example.jp', 'failed', 'virus-content'],
    ]);
  });

  test('MailScanner, no recipient named', async () => {
    const message = `From: MailScanner <postmaster@example.net>
Subject: Warning: E-mail viruses detected

Our virus detector has just been triggered by a message you sent.
Any infected attachments have been removed from the message.
`;
    expect(await match(message)).toEqual({ kind: 'virus-notice', recipients: [] });
  });
});

describe('stays quiet', () => {
  test.each([
    {
      name: 'a security newsletter',
      message:
        'From: news@security.example\nSubject: Virus alert: a new worm is spreading\n\nUpdate your software this week.\n',
    },
    {
      name: 'the words without a virus subject',
      message: 'From: a@example.org\nSubject: Lunch\n\nA virus was found in my laptop, I will be late.\n',
    },
    { name: 'personal mail', message: 'From: a@example.org\nSubject: Lunch\n\nFriday?\n' },
  ])('$name', async ({ message }) => {
    expect(await match(message)).toBeUndefined();
  });
});
