import { describe, expect, test } from 'vitest';
import type { RecipientReport } from '../types';
import { MAX_RECIPIENTS } from '../limits';
import { parseDeliveryStatus } from './dsn';

// RFC 3464 §6 example layout, with Sisimai's placeholder names (postfix-01 / sendmail-01 samples).
const STANDARD = `Reporting-MTA: dns; MX.Example.JP
X-Postfix-Queue-ID: 9B095B5ADF
Arrival-Date: Thu, 29 Apr 2010 23:34:45 +0900 (JST)

Final-Recipient: rfc822; Kijitora@Example.CO.JP
Original-Recipient: rfc822;kijitora@example.co.jp
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.co.jp
Diagnostic-Code: smtp; 550 5.1.1 <kijitora@example.co.jp>... User Unknown
`;

describe('parseDeliveryStatus', () => {
  test('a standard report: per-message and per-recipient fields', () => {
    expect(parseDeliveryStatus(STANDARD)).toEqual({
      reportingMta: 'mx.example.jp',
      arrivalDate: 'Thu, 29 Apr 2010 23:34:45 +0900 (JST)',
      recipients: [
        {
          address: 'kijitora@example.co.jp',
          action: 'failed',
          status: '5.1.1',
          replyCode: '550',
          diagnostic: '550 5.1.1 <kijitora@example.co.jp>... User Unknown',
          remoteMta: 'mx.example.co.jp',
          reason: 'user-unknown',
        } satisfies RecipientReport,
      ],
    });
  });

  const addresses = (text: string) =>
    parseDeliveryStatus(text).recipients.map(r => [r.address, r.action, r.status]);

  // A run of blank lines (of any length, with trailing blanks or not) ends a block as one blank line does.
  test.each(['\n\n', '\n\n\n', '\n\n\n\n\n'])('blocks apart by %j', gap => {
    const text = `Reporting-MTA: dns; mx.example.jp${gap}Final-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.1.1${gap}Final-Recipient: rfc822; b@example.jp\nAction: delayed\nStatus: 4.4.1${gap}`;
    expect(addresses(text)).toEqual([
      ['a@example.jp', 'failed', '5.1.1'],
      ['b@example.jp', 'delayed', '4.4.1'],
    ]);
  });

  test.each([
    {
      name: 'two recipient blocks',
      text: `Reporting-MTA: dns; mx.example.jp

Final-Recipient: rfc822; a@example.org
Action: failed
Status: 5.1.1

Final-Recipient: rfc822; b@example.org
Action: delayed
Status: 4.4.1
`,
      want: [
        ['a@example.org', 'failed', '5.1.1'],
        ['b@example.org', 'delayed', '4.4.1'],
      ],
    },
    {
      // Some MTAs write no blank line between recipient blocks: a repeated recipient field opens a new one.
      name: 'blocks run together',
      text: `Reporting-MTA: dns; mx.example.jp
Final-Recipient: rfc822; a@example.org
Action: failed
Status: 5.1.1
Final-Recipient: rfc822; b@example.org
Action: failed
Status: 5.2.2
`,
      want: [
        ['a@example.org', 'failed', '5.1.1'],
        ['b@example.org', 'failed', '5.2.2'],
      ],
    },
    {
      // Lotus Notes / Exchange text bodies indent the fields.
      name: 'indented fields',
      text: `   Reporting-MTA: dns;mail.example.com
   Final-Recipient: rfc822;a@example.org
   Action: failed
   Status: 5.2.2
`,
      want: [['a@example.org', 'failed', '5.2.2']],
    },
    {
      name: 'Final-Recipient without a usable address: Original-Recipient is used',
      text: 'Final-Recipient: rfc822; kijitora\nOriginal-Recipient: rfc822; kijitora@example.jp\nAction: failed\nStatus: 5.1.1\n',
      want: [['kijitora@example.jp', 'failed', '5.1.1']],
    },
    {
      name: 'X-Actual-Recipient before Original-Recipient',
      text: 'Final-Recipient: LOCAL; kijitora\nX-Actual-Recipient: rfc822; neko@example.jp\nOriginal-Recipient: rfc822; tora@example.jp\nAction: failed\nStatus: 5.1.1\n',
      want: [['neko@example.jp', 'failed', '5.1.1']],
    },
    {
      name: 'the same recipient and action twice is reported once',
      text: 'Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822; A@example.org\nAction: failed\nStatus: 5.1.1\n',
      want: [['a@example.org', 'failed', '5.1.1']],
    },
    {
      name: 'a block with no address is skipped',
      text: 'Action: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822; b@example.org\nAction: failed\nStatus: 5.1.1\n',
      want: [['b@example.org', 'failed', '5.1.1']],
    },
    {
      name: 'per-message fields only',
      text: 'Reporting-MTA: dns; mx.example.jp\nArrival-Date: x\n',
      want: [],
    },
    { name: 'empty', text: '', want: [] },
  ])('$name', ({ text, want }) => {
    expect(addresses(text)).toEqual(want);
  });

  describe('status', () => {
    test.each([
      // Many MTAs write "Status: 5.0.0" and put the real code in the diagnostic.
      {
        name: '5.0.0 replaced by the diagnostic’s code',
        status: '5.0.0',
        diag: 'smtp; 550 5.1.1 User unknown',
        want: '5.1.1',
      },
      {
        name: 'missing status taken from the diagnostic',
        status: undefined,
        diag: 'smtp; 550 5.7.1 Message rejected',
        want: '5.7.1',
      },
      {
        name: 'a diagnostic code of another class does not replace 5.0.0',
        status: '5.0.0',
        diag: 'smtp; 451 4.3.0 Try again later',
        want: '5.0.0',
      },
      {
        name: 'a specific status is kept',
        status: '5.2.2',
        diag: 'smtp; 550 5.1.1 User unknown',
        want: '5.2.2',
      },
      {
        name: 'status with a comment',
        status: '5.1.1 (bad destination mailbox address)',
        diag: undefined,
        want: '5.1.1',
      },
      { name: 'no codes anywhere', status: undefined, diag: 'smtp; user unknown', want: undefined },
    ])('$name', ({ status, diag, want }) => {
      const text = [
        'Final-Recipient: rfc822; a@example.org',
        'Action: failed',
        status !== undefined ? `Status: ${status}` : '',
        diag !== undefined ? `Diagnostic-Code: ${diag}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      expect(parseDeliveryStatus(text).recipients[0]?.status).toBe(want);
    });
  });

  describe('action', () => {
    test.each([
      { action: 'failed', status: '5.1.1', want: 'failed' },
      { action: 'Failed (permanent)', status: '5.1.1', want: 'failed' },
      { action: 'failure', status: undefined, want: 'failed' },
      { action: 'undeliverable', status: undefined, want: 'failed' },
      { action: 'delayed', status: '4.4.7', want: 'delayed' },
      { action: 'deferred', status: undefined, want: 'delayed' },
      { action: 'delivered', status: '2.0.0', want: 'delivered' },
      { action: 'relayed', status: '2.0.0', want: 'relayed' },
      { action: 'expanded', status: '2.0.0', want: 'expanded' },
      { action: undefined, status: '5.1.1', want: 'failed' },
      { action: undefined, status: '4.2.2', want: 'delayed' },
      { action: 'unknown-word', status: '2.1.5', want: 'delivered' },
      { action: 'unknown-word', status: undefined, want: undefined },
    ])('Action: $action, Status: $status → $want', ({ action, status, want }) => {
      const text = [
        'Final-Recipient: rfc822; a@example.org',
        action && `Action: ${action}`,
        status && `Status: ${status}`,
      ]
        .filter(Boolean)
        .join('\n');
      expect(parseDeliveryStatus(text).recipients[0]?.action).toBe(want);
    });
  });

  describe('diagnostic and remote MTA', () => {
    test.each([
      {
        name: 'folded diagnostic, "smtp;" removed, white space collapsed',
        diag: "smtp; 550-5.1.1 The email account that you tried to reach does\n    not exist. Please try double-checking the recipient's email\n    address.",
        want: "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address.",
      },
      {
        name: 'X-Postfix type removed',
        diag: 'X-Postfix; host mx.example.org[192.0.2.1] said: 552 mailbox full',
        want: 'host mx.example.org[192.0.2.1] said: 552 mailbox full',
      },
      { name: 'type only: no diagnostic', diag: 'smtp;', want: undefined },
    ])('$name', ({ diag, want }) => {
      const r = parseDeliveryStatus(
        `Final-Recipient: rfc822; a@example.org\nAction: failed\nDiagnostic-Code: ${diag}\n`,
      );
      expect(r.recipients[0]?.diagnostic).toBe(want);
    });

    // Regression (was a bug): the un-indenting meant for indented fields ("   Action: failed") also un-indents a folded line
    // that starts with a word and a colon, so it becomes a field and the diagnostic is cut: a URL
    // (bounceparser whitelist.msg, Sisimai lhost-postfix-38) or Postfix's own wrap before "rejected:"
    // (lhost-postfix-05, which then loses "User unknown").
    test.each([
      {
        diag: 'smtp; 550 Your server requires confirmation. Visit\n    http://www.mailhostingservice.com/Whitelist.aspx?IP=94.236.45.212 to\n    confirm this mail server.',
        want: '550 Your server requires confirmation. Visit http://www.mailhostingservice.com/Whitelist.aspx?IP=94.236.45.212 to confirm this mail server.',
      },
      {
        diag: 'smtp; 450 4.1.1 <kijitora@example.org>: Recipient address\n    rejected: User unknown in virtual alias table',
        want: '450 4.1.1 <kijitora@example.org>: Recipient address rejected: User unknown in virtual alias table',
      },
    ])('a continuation line starting "word:" stays in the diagnostic: $want', ({ diag, want }) => {
      const r = parseDeliveryStatus(
        `Final-Recipient: rfc822; kijitora@example.org\nAction: failed\nDiagnostic-Code: ${diag}\n`,
      );
      expect(r.recipients[0]?.diagnostic).toBe(want);
    });

    test('the reply code and reason follow the diagnostic', () => {
      const [r] = parseDeliveryStatus(
        'Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 552 Mailbox quota exceeded\n',
      ).recipients;
      expect([r?.replyCode, r?.reason]).toEqual(['552', 'mailbox-full']);
    });

    test('Remote-MTA address literal', () => {
      const [r] = parseDeliveryStatus(
        'Final-Recipient: rfc822; a@example.org\nAction: failed\nRemote-MTA: dns; [192.0.2.1]\n',
      ).recipients;
      expect(r?.remoteMta).toBe('192.0.2.1');
    });
  });

  test(`at most MAX_RECIPIENTS (${MAX_RECIPIENTS}) recipients`, () => {
    const text = Array.from(
      { length: MAX_RECIPIENTS + 100 },
      (_, i) => `Final-Recipient: rfc822; u${i}@example.org\nAction: failed\nStatus: 5.1.1\n`,
    ).join('\n');
    expect(parseDeliveryStatus(text).recipients).toHaveLength(MAX_RECIPIENTS);
  });
});
