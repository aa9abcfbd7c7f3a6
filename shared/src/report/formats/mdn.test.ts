import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import mdn from './mdn';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return mdn.match(buildContext(bytes, text, scanStructure(text)));
}

describe('fires', () => {
  test.each([
    {
      // RFC 8098 §9 example layout.
      name: 'RFC 8098 disposition notification',
      message: `From: Joe Recipient <Joe_Recipient@example.com>
To: Jane Sender <Jane_Sender@example.org>
Subject: Read: Quarterly report
In-Reply-To: <wrong@example.org>
Content-Type: multipart/report; report-type=disposition-notification; boundary="RAA14128.773615765/example.com"

--RAA14128.773615765/example.com

The message sent on 1995 Jul 3 22:38:00 to Joe Recipient has been displayed.

--RAA14128.773615765/example.com
Content-Type: message/disposition-notification

Reporting-UA: joes-pc.cs.example.com; Foomail 97.1
Original-Recipient: rfc822;Joe_Recipient@example.com
Final-Recipient: rfc822;Joe_Recipient@example.com
Original-Message-ID: <199509192301.23456@example.org>
Disposition: manual-action/MDN-sent-manually; displayed

--RAA14128.773615765/example.com--
`,
      // Original-Message-ID beats In-Reply-To.
      answering: {
        inReplyTo: '199509192301.23456@example.org',
        references: [],
        quotedSubject: 'Quarterly report',
      },
    },
    {
      // Outlook's plain-text receipt: no report part, "Read:" subject and "was read on".
      name: 'Exchange "Read:" receipt',
      message: `From: Kijitora <kijitora@example.jp>
Subject: Read: Quarterly report
In-Reply-To: <q3@example.org>

Your message

  To: Kijitora
  Subject: Quarterly report
  Sent: Monday, July 1, 2019 10:00 AM

was read on Monday, July 1, 2019 11:00 AM.
`,
      answering: { inReplyTo: 'q3@example.org', references: [], quotedSubject: 'Quarterly report' },
    },
    {
      name: 'German Exchange receipt',
      message:
        'From: a@example.de\nSubject: Gelesen: Angebot\n\nIhre Nachricht wurde am 01.07.2019 gelesen.\n',
      answering: { inReplyTo: undefined, references: [], quotedSubject: 'Angebot' },
    },
  ])('$name', async ({ message, answering }) => {
    const r = await match(message);
    expect(r).toEqual({ kind: 'read-receipt', recipients: [], answering });
  });
});

describe('stays quiet', () => {
  test.each([
    { name: 'personal mail', message: 'From: a@example.org\nSubject: Lunch\n\nFriday?\n' },
    {
      name: 'a "Read:" subject written by a person',
      message: 'From: a@example.org\nSubject: Read: the book I told you about\n\nYou will like it.\n',
    },
    {
      name: 'a delivery-status report',
      message:
        'From: MAILER-DAEMON@mx.example.jp\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\n\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.org\n--b--\n',
    },
  ])('$name', async ({ message }) => {
    expect(await match(message)).toBeUndefined();
  });
});

// A Sieve rejection sent as an MDN is a refusal: by its disposition and words, or by the "(rejected)"
// comment Cyrus and Pigeonhole put in Auto-Submitted when the report's parts are gutted (held-out set 3:
// "Subject: Automatically rejected mail", "Auto-Submitted: auto-replied (rejected)", both parts empty).
describe('a Sieve rejection', () => {
  const report = (autoSubmitted: string, disposition: string) =>
    `From: postmaster@mx.example.net\nTo: olga@example.com\nSubject: Automatically rejected mail\n${autoSubmitted}Content-Type: multipart/report; report-type=disposition-notification; boundary="b"\n\n--b\nContent-Type: text/plain\n\n--b\nContent-Type: message/disposition-notification\n\n${disposition}\n--b--\n`;
  test.each([
    {
      name: 'gutted parts, "(rejected)" mark',
      as: 'Auto-Submitted: auto-replied (rejected)\n',
      d: '',
      kind: 'ndr',
    },
    {
      name: 'the mark with spaces in the comment',
      as: 'Auto-Submitted: auto-replied ( Rejected )\n',
      d: '',
      kind: 'ndr',
    },
    { name: 'gutted parts, no mark', as: 'Auto-Submitted: auto-replied\n', d: '', kind: 'read-receipt' },
    {
      name: 'the mark beside a "displayed" disposition',
      as: 'Auto-Submitted: auto-replied (rejected)\n',
      d: 'Disposition: manual-action/MDN-sent-manually; displayed',
      kind: 'read-receipt',
    },
  ])('$name → $kind', async ({ as, d, kind }) => {
    expect((await match(report(as, d)))?.kind).toBe(kind);
  });
});
