import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import exim from './exim';

// Exim (Sisimai lhost-exim-01: "This message was created automatically by mail delivery software.").

test('id is the file name', () => {
  expect(exim.id).toBe('exim');
});

describe('fires', () => {
  test.each([
    {
      name: 'the opening line',
      sig: {
        body: 'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered',
      },
    },
    { name: 'X-Failed-Recipients', sig: { headers: ['x-failed-recipients'] } },
    { name: 'failure subject', sig: { subject: 'Mail delivery failed: returning message to sender' } },
    { name: 'delay subject', sig: { subject: 'Warning: message 1hXyZ-0001Ab-Cd delayed 24 hours' } },
  ])('$name', ({ sig: s }) => {
    expect(exim.recognise(sig(s))).toBe(true);
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
      name: 'a subject that only starts alike',
      sig: { subject: 'Mail delivery failed again, can you check?', from: 'alice@example.org' },
    },
  ])('$name', ({ sig: s }) => {
    expect(exim.recognise(sig(s))).toBe(false);
  });
});
