import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import postfix from './postfix';

// Postfix (Sisimai lhost-postfix-01: "This is the mail system at host mx.example.jp.").

test('id is the file name', () => {
  expect(postfix.id).toBe('postfix');
});

describe('fires', () => {
  test.each([
    {
      name: 'the opening line',
      sig: { body: "This is the mail system at host mx.example.jp.\n\nI'm sorry to have to inform you" },
    },
    {
      name: 'X-Postfix-Queue-ID (in the top block of some relays)',
      sig: { headers: ['x-postfix-queue-id'] },
    },
    { name: 'failure subject', sig: { subject: 'Undelivered Mail Returned to Sender' } },
    { name: 'delay subject', sig: { subject: 'Delayed Mail (still being retried)' } },
    { name: 'success subject', sig: { subject: 'Successful Mail Delivery Report' } },
  ])('$name', ({ sig: s }) => {
    expect(postfix.recognise(sig(s))).toBe(true);
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
    {
      name: 'a forwarded bounce subject',
      sig: { subject: 'Fwd: Undelivered Mail Returned to Sender', from: 'alice@example.org' },
    },
  ])('$name', ({ sig: s }) => {
    expect(postfix.recognise(sig(s))).toBe(false);
  });
});
