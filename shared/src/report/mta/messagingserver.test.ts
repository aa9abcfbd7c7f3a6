import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import messagingserver from './messagingserver';

// Oracle/Sun Messaging Server (Sisimai lhost-messagingserver-01: "Subject: Delivery Notification: Delivery has failed").

test('id is the file name', () => {
  expect(messagingserver.id).toBe('messagingserver');
});

describe('fires', () => {
  test.each([
    { name: 'subject', sig: { subject: 'Delivery Notification: Delivery has failed' } },
    { name: 'product name', sig: { body: 'Sun Java(tm) System Messaging Server 7u3-12.01' } },
  ])('$name', ({ sig: s }) => {
    expect(messagingserver.recognise(sig(s))).toBe(true);
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
      name: 'Delivery Notification without the colon form',
      sig: { subject: 'Re: Delivery Notification settings', from: 'alice@example.org' },
    },
  ])('$name', ({ sig: s }) => {
    expect(messagingserver.recognise(sig(s))).toBe(false);
  });
});
