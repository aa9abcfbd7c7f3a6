import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import mailru from './mailru';

// Mail.ru (Sisimai lhost-mailru-01: "From: mailer-daemon@corp.mail.ru").

test('id is the file name', () => {
  expect(mailru.id).toBe('mailru');
});

describe('fires', () => {
  test.each([
    { name: 'corp.mail.ru', sig: { from: 'mailer-daemon@corp.mail.ru' } },
    { name: 'mail.ru', sig: { from: 'mailer-daemon@mail.ru' } },
  ])('$name', ({ sig: s }) => {
    expect(mailru.recognise(sig(s))).toBe(true);
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
    { name: 'gmail.ru look-alike', sig: { from: 'mailer-daemon@gmail.ru' } },
  ])('$name', ({ sig: s }) => {
    expect(mailru.recognise(sig(s))).toBe(false);
  });
});
