import { describe, expect, test } from 'vitest';
import { screen } from './screen';

describe('fires', () => {
  test.each([
    { name: 'MTA sender', f: { fromAddress: 'MAILER-DAEMON@mx.example.org', subject: 'x' } },
    {
      name: 'postmaster with a display name',
      f: { fromAddress: 'postmaster@example.jp', fromName: 'System Administrator' },
    },
    { name: 'bounce subject', f: { fromAddress: 'someone@example.org', subject: 'Undeliverable: Angebot' } },
    { name: 'German', f: { subject: 'Unzustellbar: Angebot' } },
    { name: 'Japanese, already decoded', f: { subject: '配信不能: お見積もり' } },
    { name: 'auto-reply', f: { fromAddress: 'bob@example.org', subject: 'Automatic reply: Lunch' } },
    { name: 'challenge vendor', f: { fromAddress: 'noreply@boxbe.com', subject: 'Re: Lunch' } },
  ])('$name', ({ f }) => {
    expect(screen(f)).toBe(true);
  });
});

describe('stays quiet', () => {
  test.each([
    {
      name: 'personal mail',
      f: { fromAddress: 'alice@example.org', fromName: 'Alice', subject: 'Lunch on Friday?' },
    },
    {
      name: 'a newsletter from no-reply',
      f: { fromAddress: 'no-reply@news.example', subject: 'Your Monday briefing' },
    },
    { name: 'nothing listed', f: {} },
    {
      name: 'a display name with quotes and brackets',
      f: { fromAddress: 'x@example.org', fromName: 'A "B" <c>' },
    },
  ])('$name', ({ f }) => {
    expect(screen(f)).toBe(false);
  });
});
