import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import amavis from './amavis';

// amavisd-new notices (Sisimai lhost-amavis-01: "Subject: Undeliverable mail, MTA-BLOCKED").

test('id is the file name', () => {
  expect(amavis.id).toBe('amavis');
});

describe('fires', () => {
  test.each([
    {
      name: 'MTA-BLOCKED subject',
      sig: { subject: 'Undeliverable mail, MTA-BLOCKED', from: 'postmaster@mx.example.jp' },
    },
    { name: 'VIRUS subject', sig: { subject: 'VIRUS (W32/Mydoom.O@mm) IN MAIL FROM YOU' } },
    { name: 'BANNED subject', sig: { subject: 'BANNED CONTENTS ALERT' } },
    {
      name: 'Content-filter line in the text',
      sig: { body: 'Content-filter at mx.example.jp\n\nThe message WAS NOT delivered' },
    },
  ])('$name', ({ sig: s }) => {
    expect(amavis.recognise(sig(s))).toBe(true);
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
      name: 'a lower-case "virus" subject from a person',
      sig: { subject: 'virus on my laptop', from: 'alice@example.org' },
    },
  ])('$name', ({ sig: s }) => {
    expect(amavis.recognise(sig(s))).toBe(false);
  });
});
