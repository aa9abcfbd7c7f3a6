import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import sendmail from './sendmail';

// Sendmail (Sisimai lhost-sendmail-01: "----- Transcript of session follows -----").

test('id is the file name', () => {
  expect(sendmail.id).toBe('sendmail');
});

describe('fires', () => {
  test.each([
    {
      name: 'transcript separator',
      sig: { body: '   ----- Transcript of session follows -----\n... while talking to mx.example.jp.:' },
    },
    {
      name: 'received-at line',
      sig: { body: 'The original message was received at Thu, 29 Apr 2010 23:34:45 +0900' },
    },
    { name: 'Returned mail subject', sig: { subject: 'Returned mail: see transcript for details' } },
    { name: 'delay subject', sig: { subject: 'Warning: could not send message for past 4 hours' } },
  ])('$name', ({ sig: s }) => {
    expect(sendmail.recognise(sig(s))).toBe(true);
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
      name: 'Returned mail inside a reply',
      sig: { subject: 'Re: Returned mail: see transcript for details', from: 'alice@example.org' },
    },
  ])('$name', ({ sig: s }) => {
    expect(sendmail.recognise(sig(s))).toBe(false);
  });
});
