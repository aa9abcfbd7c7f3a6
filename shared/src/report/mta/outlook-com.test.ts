import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import outlookCom from './outlook-com';

// Outlook.com / Hotmail (Sisimai lhost-outlook-*: "This is an automatically generated Delivery Status Notification").

test('id is the file name', () => {
  expect(outlookCom.id).toBe('outlook-com');
});

describe('fires', () => {
  test.each([
    {
      name: 'hotmail.com',
      sig: {
        from: 'postmaster@hotmail.com',
        body: 'This is an automatically generated Delivery Status Notification.',
      },
    },
    {
      name: 'outlook.com',
      sig: {
        from: 'postmaster@outlook.com',
        body: 'This is an automatically generated Delivery Status Notification.',
      },
    },
    {
      name: 'a subdomain',
      sig: {
        from: 'postmaster@mail.hotmail.com',
        body: 'This is an automatically generated Delivery Status Notification.',
      },
    },
  ])('$name', ({ sig: s }) => {
    expect(outlookCom.recognise(sig(s))).toBe(true);
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
      name: 'the domain without the text (an Exchange Online NDR)',
      sig: {
        from: 'postmaster@outlook.com',
        body: "Your message to kijitora@example.jp couldn't be delivered.",
      },
    },
    {
      name: 'the text from another domain',
      sig: {
        from: 'postmaster@example.org',
        body: 'This is an automatically generated Delivery Status Notification.',
      },
    },
  ])('$name', ({ sig: s }) => {
    expect(outlookCom.recognise(sig(s))).toBe(false);
  });
});
