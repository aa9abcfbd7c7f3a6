import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import domino from './domino';

// HCL/Lotus Domino (Sisimai lhost-domino-01: "Subject: DELIVERY FAILURE: User Kijitoranyan (kijitora@example.jp) not listed in …").

test('id is the file name', () => {
  expect(domino.id).toBe('domino');
});

describe('fires', () => {
  test.each([
    {
      name: 'DELIVERY FAILURE subject',
      sig: {
        subject: 'DELIVERY FAILURE: User Kijitoranyan (kijitora@example.jp) not listed in Domino Directory',
      },
    },
    { name: 'Lotus Domino in the text', sig: { body: 'Lotus Domino Release 8.5.3' } },
  ])('$name', ({ sig: s }) => {
    expect(domino.recognise(sig(s))).toBe(true);
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
      name: 'lower-case subject from a person',
      sig: { subject: 'delivery failure: the couch arrived broken', from: 'alice@example.org' },
    },
  ])('$name', ({ sig: s }) => {
    expect(domino.recognise(sig(s))).toBe(false);
  });
});
