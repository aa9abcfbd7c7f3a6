import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import gmx from './gmx';

// GMX, web.de, mail.com and 1&1 (Sisimai lhost-gmx-01: "From: MAILER-DAEMON@mail.gmx.com", lhost-einsundeins: kundenserver).

test('id is the file name', () => {
  expect(gmx.id).toBe('gmx');
});

describe('fires', () => {
  test.each([
    { name: 'mail.gmx.com', sig: { from: 'mailer-daemon@mail.gmx.com' } },
    { name: 'gmx.de', sig: { from: 'mailer-daemon@gmx.de' } },
    { name: 'web.de', sig: { from: 'mailer-daemon@web.de' } },
    { name: 'kundenserver.de', sig: { from: 'mailer-daemon@kundenserver.de' } },
  ])('$name', ({ sig: s }) => {
    expect(gmx.recognise(sig(s))).toBe(true);
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
    { name: 'a look-alike domain', sig: { from: 'mailer-daemon@notgmx.example' } },
  ])('$name', ({ sig: s }) => {
    expect(gmx.recognise(sig(s))).toBe(false);
  });
});
