import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import arf from './arf';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return arf.match(buildContext(bytes, text, scanStructure(text)));
}

// RFC 5965 Appendix B.2, shortened.
const RFC5965 = `From: <abusedesk@example.com>
To: <abuse@example.net>
Subject: FW: Earn money
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="part1_13d.2e68ed54_boundary"

--part1_13d.2e68ed54_boundary
Content-Type: text/plain; charset="US-ASCII"

This is an email abuse report for an email message received from IP 192.0.2.1 on Thu, 8 Mar 2005 14:00:00 EDT.

--part1_13d.2e68ed54_boundary
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: SomeGenerator/1.0
Version: 1
Original-Mail-From: <somespammer@example.net>
Original-Rcpt-To: <User@example.com>
Original-Rcpt-To: <other@example.com>
Arrival-Date: Thu, 8 Mar 2005 14:00:00 EDT
Reporting-MTA: dns; mail.example.com
Source-IP: 192.0.2.1

--part1_13d.2e68ed54_boundary
Content-Type: message/rfc822

From: <somespammer@example.net>
Message-ID: <8787KJKJ3K4J3K4J3K4J3.mail@example.net>
Subject: Earn money

Spam Spam Spam
--part1_13d.2e68ed54_boundary--
`;

describe('fires', () => {
  test('RFC 5965 report: each Original-Rcpt-To is a recipient', async () => {
    const r = await match(RFC5965);
    expect(r?.kind).toBe('feedback-report');
    expect(r?.recipients.map(x => [x.address, x.reason])).toEqual([
      ['user@example.com', 'spam-blocked'],
      ['other@example.com', 'spam-blocked'],
    ]);
  });

  test.each([
    {
      // Hotmail JMRP: no ARF part, the complained-about message attached.
      name: 'Hotmail JMRP',
      message: `From: staff@hotmail.com\nSubject: complaint about message from 192.0.2.1\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nThis is a complaint.\n--b\nContent-Type: message/rfc822\n\nFrom: a@example.org\nMessage-ID: <1@example.org>\n\nx\n--b--\n`,
      recipients: [],
    },
    {
      // Older feedback loops put the ARF fields in the text itself.
      name: 'ARF fields in text/plain',
      message: `From: fbl@isp.example\nSubject: Abuse report\n\nFeedback-Type: abuse\nOriginal-Rcpt-To: complainer@isp.example\n`,
      recipients: ['complainer@isp.example'],
    },
    {
      name: 'X-ARF at the top',
      message: `From: fbl@isp.example\nX-ARF: Yes\nSubject: report\n\nsee attachment\n`,
      recipients: [],
    },
    {
      // Apple Mail's one-click unsubscribe request: the sender is who wants out.
      name: 'Apple Mail unsubscribe request',
      message: `From: Kijitora <kijitora@example.jp>\nSubject: Unsubscribe\n\nApple Mail sent this email to unsubscribe from the message "Weekly news".\n`,
      recipients: ['kijitora@example.jp'],
    },
  ])('$name', async ({ message, recipients }) => {
    const r = await match(message);
    expect(r?.kind).toBe('feedback-report');
    expect(r?.recipients.map(x => x.address)).toEqual(recipients);
  });

  // Regression (was a bug): reportingMta is the raw field ("dns; mail.example.com"); rfc3464 strips the type to "mx.example.jp",
  // so Analysis.reportingMta differs in form by format.
  test('Reporting-MTA without its type, as rfc3464 gives it', async () => {
    expect((await match(RFC5965))?.reportingMta).toBe('mail.example.com');
  });
});

describe('stays quiet', () => {
  test.each([
    { name: 'personal mail', message: 'From: alice@example.org\nSubject: Lunch\n\nFriday?\n' },
    {
      name: 'a delivery-status report',
      message:
        'From: MAILER-DAEMON@mx.example.jp\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\n--b--\n',
    },
    {
      name: 'a complaint subject with nothing attached',
      message: 'From: a@example.org\nSubject: complaint about message from my neighbour\n\nThey are loud.\n',
    },
  ])('$name', async ({ message }) => {
    expect(await match(message)).toBeUndefined();
  });
});
