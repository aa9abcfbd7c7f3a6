import { describe, expect, test } from 'vitest';
import { hinted, screen, worthReading } from './screen';

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

describe('hinted: list fields of mail automated only by its headers (read too, the engine decides)', () => {
  test.each([
    [undefined, 'Nyaan', true], // From: <> (sisimai lhost-surfcontrol-02)
    ['feedback@arf.mail.yahoo.com', 'Fw: Nyaaaaaaaan', true],
    ['complaints@email-abuse.amazonses.com', 'Fw: Nyaan', true],
    ['dmarc-noreply@example.com', 'DMARC Forensic report for example.net', true],
    ['kijitora@example.net', 'Away until May 5', true],
    ['john@a.b.c', 'Thank you for your e-mail', true],
    ['noreply@example.com', 'AutoRespons :Nyaan?', true],
    ['alice@example.org', 'Quarterly figures (12)', false],
    ['neko@example.jp', 'Fwd: travel plans', false],
    ['no-reply@news.example', 'Your Monday briefing', false], // newsletters stay unread
    ['foo@bar.net', 'kitununulinitoquekegu', false], // sisimai rfc3834-05: only a full read finds it
  ])('%s / %s → %s', (fromAddress, subject, expected) => {
    expect(hinted({ fromAddress, subject })).toBe(expected);
  });
});

describe('worthReading: what a sweep downloads, the screen’s candidates and the hinted ones', () => {
  test.each([
    {
      fromAddress: 'MAILER-DAEMON@mx.example.net',
      subject: 'Undelivered Mail Returned to Sender',
      want: true,
    },
    { fromAddress: undefined, subject: 'Lunch?', want: true },
    { fromAddress: 'anna@example.org', subject: 'Automatic reply: Lunch?', want: true },
    { fromAddress: 'anna@example.org', subject: 'Lunch?', want: false },
  ])('$fromAddress / $subject → $want', ({ fromAddress, subject, want }) => {
    expect(worthReading({ fromAddress, subject })).toBe(want);
    expect(worthReading({ fromAddress, subject })).toBe(
      screen({ fromAddress, subject }) || hinted({ fromAddress, subject }),
    );
  });
});
