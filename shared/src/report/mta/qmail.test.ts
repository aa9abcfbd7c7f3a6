import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import qmail from './qmail';

// qmail (Sisimai lhost-qmail-01: "Hi. This is the qmail-send program at mx.example.com.").

test('id is the file name', () => {
  expect(qmail.id).toBe('qmail');
});

describe('fires', () => {
  test.each([
    { name: 'the opening line', sig: { body: 'Hi. This is the qmail-send program at mx.example.com.' } },
    {
      name: 'the apology',
      sig: { body: "I'm afraid I wasn't able to deliver your message to the following addresses." },
    },
  ])('$name', ({ sig: s }) => {
    expect(qmail.recognise(sig(s))).toBe(true);
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
    { name: 'its subject alone', sig: { subject: 'failure notice', from: 'mailer-daemon@example.com' } },
  ])('$name', ({ sig: s }) => {
    expect(qmail.recognise(sig(s))).toBe(false);
  });
});
