import { describe, expect, test } from 'vitest';
import type { RecipientReport } from '../../types';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import rfc3464, { kindOfRecipients } from './rfc3464';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return rfc3464.match(buildContext(bytes, text, scanStructure(text)));
}

/** A Postfix-style multipart/report (Sisimai postfix-01 layout) with the given per-recipient fields. */
const report = (fields: string) => `From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)
To: shironeko@example.org
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="9B095B5ADF.1163744484/mx.example.jp"

--9B095B5ADF.1163744484/mx.example.jp
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not be delivered.

--9B095B5ADF.1163744484/mx.example.jp
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.jp
Arrival-Date: Thu, 29 Apr 2010 23:34:45 +0900 (JST)

${fields}
--9B095B5ADF.1163744484/mx.example.jp--
`;

describe('fires', () => {
  test.each([
    {
      name: 'failed → ndr',
      fields:
        'Final-Recipient: rfc822; kijitora@example.co.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n',
      kind: 'ndr',
    },
    {
      name: 'delayed → delay',
      fields:
        'Final-Recipient: rfc822; kijitora@example.co.jp\nAction: delayed\nStatus: 4.4.1\nDiagnostic-Code: X-Postfix; connect to mx.example.co.jp[192.0.2.1]:25: Connection timed out\n',
      kind: 'delay',
    },
    {
      name: 'delivered → delivery-receipt',
      fields: 'Final-Recipient: rfc822; kijitora@example.co.jp\nAction: delivered\nStatus: 2.0.0\n',
      kind: 'delivery-receipt',
    },
    {
      name: 'one failed among delayed → ndr',
      fields:
        'Final-Recipient: rfc822; a@example.co.jp\nAction: delayed\nStatus: 4.4.1\n\nFinal-Recipient: rfc822; b@example.co.jp\nAction: failed\nStatus: 5.1.1\n',
      kind: 'ndr',
    },
    {
      name: 'no Action field, 5.x status → ndr',
      fields: 'Final-Recipient: rfc822; kijitora@example.co.jp\nStatus: 5.1.1\n',
      kind: 'ndr',
    },
  ])('$name', async ({ fields, kind }) => {
    const r = await match(report(fields));
    expect(r?.kind).toBe(kind);
    expect(r?.reportingMta).toBe('mx.example.jp');
    expect(r?.inlineFrom).toBe(0);
    expect(r?.recipients[0]?.address).toMatch(/@example\.co\.jp$/);
  });

  test('fields in a text part when there is no delivery-status part (Exchange, Notes)', async () => {
    const message = `From: postmaster@example.com
Subject: Delivery Status Notification (Failure)

This is an automatically generated Delivery Status Notification.

Reporting-MTA: dns;mail.example.com

   Final-Recipient: rfc822;neko@example.org
   Action: failed
   Status: 5.2.2
`;
    const r = await match(message);
    expect(r).toMatchObject({ kind: 'ndr', inlineFrom: undefined });
    expect(r?.recipients.map(x => [x.address, x.status, x.reason])).toEqual([
      ['neko@example.org', '5.2.2', 'mailbox-full'],
    ]);
  });

  // Regression (was a bug): the text is read from the blank line before the first recipient field, which in RFC 3464's
  // layout is the line after the per-message block, so Reporting-MTA in a text part is never seen.
  test('fields in a text part: the per-message Reporting-MTA is read too', async () => {
    const message = `From: postmaster@example.com
Subject: Delivery Status Notification (Failure)

Reporting-MTA: dns;mail.example.com

Final-Recipient: rfc822;neko@example.org
Action: failed
Status: 5.2.2
`;
    expect((await match(message))?.reportingMta).toBe('mail.example.com');
  });
});

// Regression (was a bug): OpenSMTPD (Sisimai lhost-opensmtpd-10/11/17), KDDI (lhost-ezweb-02) and Gmail (rfc3464-65) write
// "Status: 5.0.0" and no Diagnostic-Code; the server's reply is only in the notification text, which
// rfc3464 never reads, so status stays 5.0.0, the diagnostic is empty and the reason is "other".
test('no Diagnostic-Code: the notification text gives the reply, status and reason', async () => {
  const message = `From: Mailer Daemon <MAILER-DAEMON@df.example.jp>
Subject: Delivery status notification: error
Content-Type: multipart/report; report-type=delivery-status; boundary="15462020682289023987/df.example.jp"

--15462020682289023987/df.example.jp
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

    Hi!

    This is the MAILER-DAEMON, please DO NOT REPLY to this email.

    An error has occurred while attempting to deliver a message for
    the following list of recipients:

authfailure@libsisimai.net: 550 5.7.26 <authfailure@libsisimai.net>: Recipient address rejected: Multiple authentication checks failed

--15462020682289023987/df.example.jp
Content-Description: Delivery Report
Content-Type: message/delivery-status

Reporting-MTA: dns; df.example.jp

Final-Recipient: rfc822; authfailure@libsisimai.net
Action: failed
Status: 5.0.0

--15462020682289023987/df.example.jp--
`;
  const [r] = (await match(message))?.recipients ?? [];
  expect(r).toMatchObject({ status: '5.7.26', replyCode: '550', reason: 'auth-policy' });
  expect(r?.diagnostic).toContain('Multiple authentication checks failed');
});

describe('stays quiet', () => {
  test.each([
    { name: 'personal mail', message: 'From: a@example.org\nSubject: Lunch\n\nFriday?\n' },
    { name: 'a report without recipient fields', message: report('Action: failed\nStatus: 5.1.1\n') },
    {
      name: 'a recipient field name in the middle of prose',
      message:
        'From: a@example.org\nSubject: RFC 3464 notes\n\nThe field called Final-Recipient: holds the address.\n',
    },
  ])('$name', async ({ message }) => {
    expect(await match(message)).toBeUndefined();
  });
});

describe('kindOfRecipients', () => {
  const r = (action: RecipientReport['action']): RecipientReport => ({
    address: 'a@example.org',
    action,
    status: undefined,
    replyCode: undefined,
    diagnostic: undefined,
    remoteMta: undefined,
    reason: 'other',
  });

  test.each([
    { actions: ['failed'], kind: 'ndr' },
    { actions: ['delivered', 'delayed'], kind: 'delay' },
    { actions: ['delivered', 'failed'], kind: 'ndr' },
    { actions: ['relayed'], kind: 'delivery-receipt' },
    { actions: ['expanded'], kind: 'delivery-receipt' },
    { actions: [undefined], kind: undefined },
    { actions: [], kind: undefined },
  ] as const)('$actions → $kind', ({ actions, kind }) => {
    expect(kindOfRecipients(actions.map(a => r(a)))).toBe(kind);
  });
});
