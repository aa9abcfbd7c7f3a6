import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import amazonSes from './amazon-ses';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return amazonSes.match(buildContext(bytes, text, scanStructure(text)));
}

/** An SNS e-mail notification: the SES JSON as an escaped string in SNS's own JSON (Sisimai amazonses-10). */
const sns = (sesJson: string) => `From: SES-EJ-B <no-reply@sns.amazonaws.com>
To: kijitora@neko.example.org
Subject: AWS Notification Message
Content-Type: text/plain; charset=UTF-8

{
  "Type" : "Notification",
  "MessageId" : "02f86d9b-eecf-573d-b47d-3d1850750c30",
  "Message" : ${JSON.stringify(sesJson)},
  "Timestamp" : "2016-10-21T06:58:02.294Z"
}
`;

const BOUNCE = JSON.stringify({
  notificationType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bouncedRecipients: [
      {
        emailAddress: 'bounce@simulator.amazonses.com',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      },
    ],
    reportingMTA: 'dsn; a27-33.smtp-out.us-west-2.amazonses.com',
  },
  mail: { source: 'kijitora@neko.example.org', destination: ['bounce@simulator.amazonses.com'] },
});

describe('fires', () => {
  test('a bounce wrapped by SNS', async () => {
    const r = await match(sns(BOUNCE));
    expect(r?.kind).toBe('ndr');
    expect(r?.recipients).toMatchObject([
      {
        address: 'bounce@simulator.amazonses.com',
        action: 'failed',
        status: '5.1.1',
        replyCode: '550',
        diagnostic: '550 5.1.1 user unknown',
        reason: 'user-unknown',
      },
    ]);
  });

  test('a complaint', async () => {
    const json = JSON.stringify({
      notificationType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: 'complainer@example.com' }],
        complaintFeedbackType: 'abuse',
      },
      mail: { source: 'kijitora@neko.example.org' },
    });
    const r = await match(sns(json));
    expect(r?.kind).toBe('feedback-report');
    expect(r?.recipients.map(x => [x.address, x.action, x.reason])).toEqual([
      ['complainer@example.com', undefined, 'spam-blocked'],
    ]);
  });

  test('a delivery: recipients as plain strings', async () => {
    const json = JSON.stringify({
      notificationType: 'Delivery',
      delivery: {
        recipients: ['success@simulator.amazonses.com'],
        smtpResponse: '250 2.6.0 Message received',
      },
      mail: { source: 'kijitora@neko.example.org' },
    });
    const r = await match(sns(json));
    expect(r?.kind).toBe('delivery-receipt');
    expect(r?.recipients.map(x => [x.address, x.action])).toEqual([
      ['success@simulator.amazonses.com', 'delivered'],
    ]);
  });

  test('SNS wraps long lines with "!\\n " inside the JSON', async () => {
    const wrapped = sns(BOUNCE).replace('bounce@simulator', 'bounce@simu!\n lator');
    expect((await match(wrapped))?.recipients[0]?.address).toBe('bounce@simulator.amazonses.com');
  });

  // Regression (was a bug): the prefix strip is /^dns;/ but SES writes "reportingMTA":"dsn; a27-33…" (amazonses-10), so the
  // recipient's remoteMta keeps "dsn; " (and names SES's own MTA, not the remote one).
  test('remoteMta has no "dsn;" type prefix', async () => {
    expect((await match(sns(BOUNCE)))?.recipients[0]?.remoteMta).not.toMatch(/;/);
  });
});

describe('stays quiet', () => {
  test.each([
    { name: 'personal mail', message: 'From: a@example.org\nSubject: Lunch\n\nFriday?\n' },
    {
      name: 'JSON that mentions notificationType, from an ordinary sender, without "mail"',
      message: 'From: dev@example.org\nSubject: docs\n\nThe field is {"notificationType":"Bounce"} in SES.\n',
    },
    {
      name: 'another SNS notification',
      message: sns(JSON.stringify({ AlarmName: 'cpu', NewStateValue: 'ALARM' })),
    },
  ])('$name', async ({ message }) => {
    expect(await match(message)).toBeUndefined();
  });
});
