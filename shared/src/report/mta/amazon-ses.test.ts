import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import amazonSes from './amazon-ses';

// Amazon SES and WorkMail (Sisimai lhost-amazonses-*, lhost-amazonworkmail-01: "From: MAILER-DAEMON@us-west-2.amazonses.com").

test('id is the file name', () => {
  expect(amazonSes.id).toBe('amazon-ses');
});

describe('fires', () => {
  test.each([
    { name: 'MAILER-DAEMON at a region', sig: { from: 'mailer-daemon@us-west-2.amazonses.com' } },
    {
      name: 'SNS notification sender',
      sig: { subject: 'AWS Notification Message', from: 'no-reply@sns.amazonaws.com' },
    },
  ])('$name', ({ sig: s }) => {
    expect(amazonSes.recognise(sig(s))).toBe(true);
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
    { name: 'an amazonses.com look-alike domain', sig: { from: 'mailer-daemon@amazonses.com.example.net' } },
    { name: 'a person at amazon.com', sig: { from: 'alice@amazon.com' } },
  ])('$name', ({ sig: s }) => {
    expect(amazonSes.recognise(sig(s))).toBe(false);
  });
});
