import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import yandex from './yandex';

// Yandex (Sisimai lhost-yandex-01: "From: mailer-daemon@yandex.ru").

test('id is the file name', () => {
  expect(yandex.id).toBe('yandex');
});

describe('fires', () => {
  test.each([
    { name: 'yandex.ru', sig: { from: 'mailer-daemon@yandex.ru' } },
    { name: 'yandex.com', sig: { from: 'mailer-daemon@yandex.com' } },
  ])('$name', ({ sig: s }) => {
    expect(yandex.recognise(sig(s))).toBe(true);
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
    { name: 'a look-alike', sig: { from: 'mailer-daemon@notyandex.example' } },
  ])('$name', ({ sig: s }) => {
    expect(yandex.recognise(sig(s))).toBe(false);
  });
});
