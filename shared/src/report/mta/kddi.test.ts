import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import kddi from './kddi';

// KDDI au (Sisimai lhost-kddi-01: "From: no-reply@x0000000000000.dion.ne.jp", lhost-ezweb-01: "From: <Postmaster@ezweb.ne.jp>").

test('id is the file name', () => {
  expect(kddi.id).toBe('kddi');
});

describe('fires', () => {
  test.each([
    { name: 'dion.ne.jp', sig: { from: 'no-reply@x0000000000000.dion.ne.jp' } },
    { name: 'ezweb.ne.jp', sig: { from: 'postmaster@ezweb.ne.jp' } },
    { name: 'auone-net.jp', sig: { from: 'postmaster@auone-net.jp' } },
  ])('$name', ({ sig: s }) => {
    expect(kddi.recognise(sig(s))).toBe(true);
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
    { name: 'docomo', sig: { from: 'mailer-daemon@docomo.ne.jp' } },
  ])('$name', ({ sig: s }) => {
    expect(kddi.recognise(sig(s))).toBe(false);
  });
});
