import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../../mime/bytes';
import { scanStructure } from '../../mime/structure';
import { buildContext } from '../context';
import rfc3834, { quotedSubject } from './rfc3834';

async function match(message: string) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return rfc3834.match(buildContext(bytes, text, scanStructure(text)));
}

const body = '\n\nI am away until Monday and will read your message when I am back.\n';

describe('fires', () => {
  test('RFC 3834 §5 auto-reply: answering what it answers', async () => {
    const message = `From: Kijitora <kijitora@example.jp>
To: shironeko@example.org
Subject: Automatic reply: Lunch on Friday
Auto-Submitted: auto-replied
In-Reply-To: <lunch.1@example.org>
References: <thread.0@example.org>
 <lunch.1@example.org>${body}`;
    expect(await match(message)).toEqual({
      kind: 'auto-reply',
      recipients: [],
      answering: {
        inReplyTo: 'lunch.1@example.org',
        references: ['thread.0@example.org', 'lunch.1@example.org'],
        quotedSubject: 'Lunch on Friday',
      },
    });
  });

  test.each([
    { name: 'X-Autoreply: yes', headers: 'From: a@example.jp\nSubject: Re: Lunch\nX-Autoreply: yes' },
    { name: 'Precedence: auto_reply', headers: 'From: a@example.jp\nSubject: hello\nPrecedence: auto_reply' },
    // iCloud vacation replies.
    {
      name: 'X-Apple-Action: vacation',
      headers: 'From: a@icloud.com\nSubject: Re: Lunch\nX-Apple-Action: vacation',
    },
    {
      name: 'a reply-prefix subject alone (German)',
      headers: 'From: a@example.de\nSubject: Abwesenheitsnotiz: Termin',
    },
    {
      name: 'a reply-prefix subject alone (Japanese)',
      headers: 'From: a@example.jp\nSubject: 自動応答: 打ち合わせ',
    },
    { name: 'bracketed marker', headers: 'From: a@example.pl\nSubject: [Automatyczna odpowiedź] test' },
    // RT names its queue by a host name: "[support.xxxxxxxxxxx-xxxxxxxxx-xxxxxxxxx.de #33575] AutoReply: …".
    {
      name: 'a ticket tag longer than 40 characters',
      headers:
        'From: rt@helpdesk.example-university-library.example\nSubject: [helpdesk.example-university-library.example #20417] AutoReply: Printer',
    },
    {
      name: 'null return path and "Re:"',
      headers: 'Return-Path: <>\nFrom: a@example.jp\nSubject: Re: Lunch',
    },
    {
      name: 'absence subject answering a message',
      headers: 'From: a@example.jp\nSubject: Out of office until Monday\nIn-Reply-To: <lunch.1@example.org>',
    },
    // Postfix writes the null sender as "Return-Path: <MAILER-DAEMON>".
    {
      name: 'null return path as Postfix writes it, and "Re:"',
      headers: 'Return-Path: <MAILER-DAEMON>\nFrom: a@example.jp\nSubject: Re: Lunch',
    },
    {
      name: 'an acknowledgement of receipt from the null sender',
      headers:
        'Return-Path: <MAILER-DAEMON>\nFrom: no_reply@amt.example\nSubject: E-Mail Eingangsbestätigung: Antrag [#30418]',
    },
    {
      name: 'nobody@ is not a daemon here',
      headers: 'From: nobody@example.jp\nSubject: Auto: Lunch\nAuto-Submitted: auto-replied',
    },
  ])('$name', async ({ headers }) => {
    expect((await match(headers + body))?.kind).toBe('auto-reply');
  });
});

describe('stays quiet', () => {
  test.each([
    { name: 'personal mail', headers: 'From: a@example.org\nSubject: Lunch' },
    {
      // Exim marks its bounces Auto-Submitted: auto-replied; those belong to the bounce formats.
      name: 'an MTA sender',
      headers:
        'From: Mailer-Daemon@mx.example.jp\nSubject: Mail delivery failed\nAuto-Submitted: auto-replied',
    },
    {
      name: 'an absence subject that answers nothing',
      headers: 'From: a@example.org\nSubject: Out of office next week',
    },
    {
      name: 'a person replying about vacations',
      headers: 'From: a@example.org\nSubject: Re: Vacation plans\nIn-Reply-To: <x@example.org>',
    },
    {
      name: 'a list post about vacations',
      headers:
        'From: a@example.org\nSubject: Vacation: who covers?\nIn-Reply-To: <x@example.org>\nList-Id: <team.example.org>',
    },
    { name: 'X-Autoreply: no', headers: 'From: a@example.org\nSubject: hello\nX-Autoreply: no' },
    { name: 'an empty X-Autoreply:', headers: 'From: a@example.org\nSubject: hello\nX-Autoreply:' },
    {
      name: 'a person confirming receipt',
      headers: 'From: a@example.de\nSubject: Empfangsbestätigung: Vertrag',
    },
    {
      name: 'Auto-Submitted: auto-generated without a reply subject',
      headers: 'From: a@example.org\nSubject: Report\nAuto-Submitted: auto-generated',
    },
  ])('$name', async ({ headers }) => {
    expect(await match(headers + body)).toBeUndefined();
  });
});

describe('quotedSubject', () => {
  test.each([
    { subject: 'Automatic reply: Lunch on Friday', want: 'Lunch on Friday' },
    { subject: 'Out of Office: Re: Lunch', want: 'Lunch' },
    { subject: '[Auto-Reply] AW: Angebot', want: 'Angebot' },
    { subject: 'No prefix at all', want: undefined },
    { subject: '', want: undefined },
  ])('$subject → $want', ({ subject, want }) => {
    expect(quotedSubject(subject)).toBe(want);
  });

  // Regression (was a bug): every "…:" chunk of up to 40 characters is taken for a prefix, so a colon inside the quoted
  // subject itself eats the start of it: "Automatic reply: Meeting at 10:30" → "30".
  test.each([
    { subject: 'Automatic reply: Meeting at 10:30', want: 'Meeting at 10:30' },
    { subject: 'Out of Office: Invoice: 2024-113', want: 'Invoice: 2024-113' },
  ])('a colon inside the quoted subject: $subject', ({ subject, want }) => {
    expect(quotedSubject(subject)).toBe(want);
  });
});

describe('auto-reply subjects in more languages', () => {
  // Outlook's and Gmail's localised "Automatic reply:" prefixes, with no auto-reply headers at all.
  test.each([
    'Autosvar: Möte på fredag',
    'Automatisk svar: Møde fredag',
    'Automaattinen vastaus: Palaveri',
    'Automatikus válasz: Értekezlet',
    'Otomatik yanıt: Toplantı',
    'Automatická odpověď: Schůzka',
    'Răspuns automat: Ședință',
    'Αυτόματη απάντηση: Συνάντηση',
    '자동 응답: 회의',
  ])('%s', async subject => {
    const r = await match(
      `From: colleague@example.org\nTo: alice@example.org\nSubject: ${subject}\nIn-Reply-To: <a1@example.org>\n\nI am away.\n`,
    );
    expect(r?.kind).toBe('auto-reply');
  });
});
