import { describe, expect, test } from 'vitest';
import type { Signature } from './types';
import yandex from './yandex';

// Yandex (Sisimai lhost-yandex-01: "From: mailer-daemon@yandex.ru").
const sig = (s: Partial<Omit<Signature, 'headers'>> & { headers?: string[] }): Signature => ({
  subject: s.subject ?? '',
  from: s.from ?? '',
  body: s.body ?? '',
  headers: new Set(s.headers ?? []),
});

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
