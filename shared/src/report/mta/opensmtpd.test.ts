import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import opensmtpd from './opensmtpd';

// OpenSMTPD (Sisimai lhost-opensmtpd-01: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.").

test('id is the file name', () => {
  expect(opensmtpd.id).toBe('opensmtpd');
});

describe('fires', () => {
  test.each([
    {
      name: 'the opening line',
      sig: { body: 'Hi!\n\nThis is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.' },
    },
  ])('$name', ({ sig: s }) => {
    expect(opensmtpd.recognise(sig(s))).toBe(true);
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
      name: 'its subject alone',
      sig: { subject: 'Delivery status notification: error', from: 'mailer-daemon@example.jp' },
    },
  ])('$name', ({ sig: s }) => {
    expect(opensmtpd.recognise(sig(s))).toBe(false);
  });
});
