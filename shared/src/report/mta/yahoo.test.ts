import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import yahoo from './yahoo';

// Yahoo (Sisimai lhost-yahoo-01: "Sorry, we were unable to deliver your message to the following address.").

test('id is the file name', () => {
  expect(yahoo.id).toBe('yahoo');
});

describe('fires', () => {
  test.each([
    {
      name: 'the opening line',
      sig: { body: 'Sorry, we were unable to deliver your message to the following address.' },
    },
    { name: 'yahoo.com daemon', sig: { from: 'mailer-daemon@yahoo.com' } },
    { name: 'yahoo.co.jp', sig: { from: 'mailer-daemon@yahoo.co.jp' } },
    { name: 'yahoomail.com', sig: { from: 'mailer-daemon@yahoomail.com' } },
  ])('$name', ({ sig: s }) => {
    expect(yahoo.recognise(sig(s))).toBe(true);
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
    { name: 'a look-alike', sig: { from: 'mailer-daemon@notyahoo.example' } },
  ])('$name', ({ sig: s }) => {
    expect(yahoo.recognise(sig(s))).toBe(false);
  });
});
