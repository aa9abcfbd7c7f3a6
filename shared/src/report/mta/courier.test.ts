import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import courier from './courier';

// Courier mail server (Sisimai lhost-courier-01: "Subject: NOTICE: mail delivery status.").

test('id is the file name', () => {
  expect(courier.id).toBe('courier');
});

describe('fires', () => {
  test.each([
    {
      name: 'DSN text',
      sig: {
        body: 'This is a delivery status notification from mx.example.org, running the Courier mail server, version 0.65.2.',
      },
    },
    { name: 'product name alone', sig: { body: 'Courier mail server at mx.example.org' } },
  ])('$name', ({ sig: s }) => {
    expect(courier.recognise(sig(s))).toBe(true);
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
      name: 'the subject alone',
      sig: { subject: 'NOTICE: mail delivery status.', from: 'postmaster@example.org' },
    },
  ])('$name', ({ sig: s }) => {
    expect(courier.recognise(sig(s))).toBe(false);
  });
});
