import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import zoho from './zoho';

// Zoho Mail (Sisimai lhost-zoho-01: "From: mailer-daemon@mail.zoho.com").

test('id is the file name', () => {
  expect(zoho.id).toBe('zoho');
});

describe('fires', () => {
  test.each([
    { name: 'mail.zoho.com', sig: { from: 'mailer-daemon@mail.zoho.com' } },
    { name: 'zohomail.eu', sig: { from: 'mailer-daemon@zohomail.eu' } },
  ])('$name', ({ sig: s }) => {
    expect(zoho.recognise(sig(s))).toBe(true);
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
    { name: 'a look-alike', sig: { from: 'mailer-daemon@notzoho.example' } },
  ])('$name', ({ sig: s }) => {
    expect(zoho.recognise(sig(s))).toBe(false);
  });
});
