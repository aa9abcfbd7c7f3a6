import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import exchange from './exchange';

// Microsoft Exchange and Microsoft 365 (Sisimai lhost-exchange2007-05, lhost-office365-01: "X-MS-Exchange-Message-Is-Ndr:").

test('id is the file name', () => {
  expect(exchange.id).toBe('exchange');
});

describe('fires', () => {
  test.each([
    {
      name: 'X-MS-Exchange-Message-Is-Ndr header',
      sig: { headers: ['from', 'x-ms-exchange-message-is-ndr'] },
    },
    {
      name: 'Exchange 2007+ text',
      sig: { body: 'Delivery has failed to these recipients or groups:\n\nkijitora@example.jp' },
    },
    {
      name: 'Exchange 2003 text',
      sig: { body: 'Your message did not reach some or all of the intended recipients.' },
    },
    { name: 'Remote Server returned', sig: { body: "Remote Server returned '550 5.1.1 User unknown'" } },
  ])('$name', ({ sig: s }) => {
    expect(exchange.recognise(sig(s))).toBe(true);
  });
});

describe('stays quiet', () => {
  test.each([
    {
      name: 'personal mail',
      sig: {
        subject: 'Lunch on Friday?',
        from: 'alice@example.org',
        body: 'See you at noon.',
        headers: ['from', 'to', 'subject'],
      },
    },
    { name: 'headers of other products', sig: { headers: ['x-mailer', 'x-ms-has-attach'] } },
  ])('$name', ({ sig: s }) => {
    expect(exchange.recognise(sig(s))).toBe(false);
  });
});

// Regression (was a bug): Exchange Online stamps X-MS-Exchange-Organization-* (and -CrossTenant-*) on every message it
// delivers, so any bounce read from a Microsoft 365 mailbox is named "exchange": Sisimai lhost-postfix-57,
// a Postfix report ("Undelivered Mail Returned to Sender") delivered to Exchange, comes out as exchange.
test('headers Exchange adds on delivery do not name the writer', () => {
  const s = sig({
    subject: 'Undelivered Mail Returned to Sender',
    headers: [
      'from',
      'x-ms-exchange-organization-network-message-id',
      'x-ms-exchange-organization-messagedirectionality',
      'x-ms-exchange-crosstenant-id',
    ],
  });
  expect(exchange.recognise(s)).toBe(false);
});
