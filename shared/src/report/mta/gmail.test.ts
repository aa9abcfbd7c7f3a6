import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import gmail from './gmail';

// Gmail and Google Workspace (Sisimai lhost-gmail-01: "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>").

test('id is the file name', () => {
  expect(gmail.id).toBe('gmail');
});

describe('fires', () => {
  test.each([
    { name: 'googlemail.com daemon', sig: { from: 'mailer-daemon@googlemail.com' } },
    { name: 'google.com daemon', sig: { from: 'mailer-daemon@google.com' } },
    {
      name: 'the permanent-failure text',
      sig: { body: 'Delivery to the following recipient failed permanently:\n\n     kijitora@example.jp' },
    },
    { name: 'the delay text', sig: { body: 'Delivery to the following recipients has been delayed:' } },
  ])('$name', ({ sig: s }) => {
    expect(gmail.recognise(sig(s))).toBe(true);
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
    { name: 'a gmail.com user', sig: { from: 'alice@gmail.com' } },
    { name: 'a google.com look-alike', sig: { from: 'mailer-daemon@google.com.example.net' } },
  ])('$name', ({ sig: s }) => {
    expect(gmail.recognise(sig(s))).toBe(false);
  });
});

// Regression (was a bug): "Delivery to the following recipients failed." is also Exchange's classic NDR sentence, so an
// Outlook.com/Exchange report from a non-Google host is named gmail (Sisimai lhost-outlook-04). Google's
// own sentence goes on "failed permanently:" or "has been delayed:".
test('Exchange’s "Delivery to the following recipients failed." is not Gmail', () => {
  const s = sig({
    from: 'postmaster@mail.o.example.com',
    subject: 'Delivery Status Notification (Failure)',
    body: 'Delivery to the following recipients failed.\n\n       kijitora@example.jp',
  });
  expect(gmail.recognise(s)).toBe(false);
});
