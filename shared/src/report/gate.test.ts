import { describe, expect, test } from 'vitest';
import { latin1 } from '../mime/bytes';
import { parseHeaderBlock } from '../mime/header-block';
import {
  AUTOMATED_SUBJECT,
  looksAutomated,
  mayBeUnmarkedAutoReply,
  mayQuoteBounce,
  responderPrefix,
} from './gate';

const gate = (headerBlock: string) => looksAutomated(parseHeaderBlock(headerBlock).fields);
const utf8Raw = (s: string) => latin1(new TextEncoder().encode(s));

describe('looksAutomated', () => {
  describe('fires', () => {
    test.each([
      {
        name: 'multipart/report (RFC 6522)',
        headers:
          'From: a@example.org\nSubject: hello\nContent-Type: multipart/report; report-type=delivery-status; boundary="x"',
      },
      {
        name: 'message/delivery-status at the top',
        headers: 'From: a@example.org\nContent-Type: message/delivery-status',
      },
      {
        name: 'Auto-Submitted: auto-replied (RFC 3834)',
        headers: 'From: alice@example.org\nSubject: Lunch\nAuto-Submitted: auto-replied',
      },
      {
        name: 'Auto-Submitted: auto-generated',
        headers: 'From: alice@example.org\nAuto-Submitted: auto-generated',
      },
      {
        name: 'X-Failed-Recipients (Exim)',
        headers: 'From: a@example.org\nX-Failed-Recipients: kijitora@example.jp',
      },
      { name: 'null Return-Path', headers: 'Return-Path: <>\nFrom: a@example.org\nSubject: hi' },
      {
        name: 'null Return-Path as Postfix writes it',
        headers: 'Return-Path: <MAILER-DAEMON>\nFrom: a@example.org\nSubject: hi',
      },
      { name: 'Precedence: auto_reply', headers: 'From: a@example.org\nPrecedence: auto_reply' },
      { name: 'X-Autoreply', headers: 'From: a@example.org\nX-Autoreply: yes' },
      { name: 'Feedback-Type at the top', headers: 'From: fbl@example.net\nFeedback-Type: abuse' },
      { name: 'Exchange NDR marker', headers: 'From: a@example.org\nX-MS-Exchange-Message-Is-Ndr: ' },
      { name: 'MAILER-DAEMON sender', headers: 'From: MAILER-DAEMON@mx.example.jp\nSubject: hi' },
      { name: 'postmaster sender', headers: 'From: Postmaster <postmaster@example.org>\nSubject: hi' },
      { name: 'mailing-list -owner sender', headers: 'From: list-owner@lists.example.org\nSubject: hi' },
      // mlmmj with "+" as its delimiter: "From: freebsd-hackers+owner@FreeBSD.org" (second held-out set).
      { name: 'mailing-list +owner sender', headers: 'From: list+owner@lists.example.org\nSubject: hi' },
      {
        name: 'display name "Mail Delivery Subsystem"',
        headers: 'From: Mail Delivery Subsystem <noreply@example.org>\nSubject: hi',
      },
      // KDDI au: "From: no-reply@dion.ne.jp", "Subject: Mail" (Sisimai kddi samples).
      { name: 'carrier sender with a bland subject', headers: 'From: no-reply@dion.ne.jp\nSubject: Mail' },
      { name: 'challenge service sender', headers: 'From: "Boxbe" <notifications@boxbe.com>\nSubject: hi' },
      {
        name: 'challenge service return path',
        headers: 'Return-Path: <bounce@spamarrest.com>\nFrom: a@example.org\nSubject: hi',
      },
      {
        name: 'bounce subject',
        headers: 'From: a@example.org\nSubject: Undelivered Mail Returned to Sender',
      },
      {
        name: 'auto-reply subject',
        headers: 'From: a@example.org\nSubject: Automatic reply: Lunch on Friday',
      },
      { name: 'German subject', headers: 'From: a@example.org\nSubject: Unzustellbar: Test' },
      { name: 'read receipt subject', headers: 'From: a@example.org\nSubject: Read: Quarterly report' },
      {
        name: 'virus subject',
        headers: 'From: a@example.org\nSubject: VIRUS (W32/Mydoom.O@mm) IN MAIL FROM YOU',
      },
      {
        // Russian bounces arrive encoded: "Недоставленное сообщение".
        name: 'encoded Russian subject',
        headers:
          'From: a@example.ru\nSubject: =?UTF-8?B?0J3QtdC00L7RgdGC0LDQstC70LXQvdC90L7QtSDRgdC+0L7QsdGJ0LXQvdC40LU=?=',
      },
      {
        // "Subject: =?ISO-2022-JP?B?…?=" carrying "配信エラー" (delivery error).
        name: 'encoded Japanese subject',
        headers: 'From: a@example.jp\nSubject: =?ISO-2022-JP?B?GyRCR1s/LiUoJWkhPBsoQg==?=',
      },
      {
        name: 'raw UTF-8 French subject',
        headers: `From: a@example.fr\nSubject: ${utf8Raw('Réponse automatique: réunion')}`,
      },
      {
        // 8-bit ISO-8859-1 sent raw (no encoded word): read as latin1, one char per byte.
        name: 'raw ISO-8859-1 French subject',
        headers: 'From: a@example.fr\nSubject: R\u00e9ponse automatique: r\u00e9union',
      },
      {
        // Exchange encodes a non-ASCII Subject and Thread-Topic each on its own (RFC 2047).
        name: 'responder prefix with Subject and Thread-Topic encoded',
        headers:
          'From: ilze@corp.example.lv\nSubject: =?utf-8?B?QXV0b23EgXRpc2vEgSBhdGJpbGRlOiBMxKtndW1z?=\nThread-Topic: =?utf-8?B?TMSrZ3Vtcw==?=',
      },
    ])('$name', ({ headers }) => {
      expect(gate(headers)).toBe(true);
    });
  });

  describe('stays quiet', () => {
    test.each([
      {
        name: 'personal mail',
        headers:
          'From: Alice <alice@example.org>\nTo: bob@example.net\nSubject: Lunch on Friday?\nMessage-ID: <1@example.org>',
      },
      {
        name: 'a newsletter',
        headers:
          'From: "Example News" <news@example.com>\nSubject: Your weekly digest\nList-Id: <news.example.com>\nList-Unsubscribe: <mailto:unsub@example.com>\nPrecedence: bulk\nContent-Type: multipart/alternative; boundary="x"',
      },
      { name: 'Auto-Submitted: no', headers: 'From: a@example.org\nSubject: hi\nAuto-Submitted: no' },
      {
        name: 'an ordinary Return-Path',
        headers: 'Return-Path: <a@example.org>\nFrom: a@example.org\nSubject: Minutes',
      },
      { name: 'a shop notice', headers: 'From: orders@shop.example\nSubject: Your order has shipped' },
      { name: 'root-like word inside a local part', headers: 'From: rooted@example.org\nSubject: Photos' },
      {
        name: 'encoded ordinary subject',
        headers: 'From: a@example.jp\nSubject: =?UTF-8?B?5Lya6K2w44Gu6K2w5LqL6Yyy?=',
      },
      {
        name: 'encoded subject equal to its encoded Thread-Topic (a new message)',
        headers:
          'From: ilze@corp.example.lv\nSubject: =?utf-8?B?TMSrZ3VtczogcHJvamVrdHM=?=\nThread-Topic: =?utf-8?B?TMSrZ3VtczogcHJvamVrdHM=?=',
      },
      { name: 'empty header block', headers: '' },
    ])('$name', ({ headers }) => {
      expect(gate(headers)).toBe(false);
    });
  });
});

describe('AUTOMATED_SUBJECT', () => {
  test.each([
    'Returned mail: see transcript for details',
    'failure notice',
    'Delivery Status Notification (Failure)',
    'Mail delivery failed: returning message to sender',
    'Undeliverable: Quarterly report',
    'Warning: could not send message for past 4 hours',
    'Out of Office: Lunch',
    'Abwesenheitsnotiz: Termin',
    'Respuesta automática: reunión',
    'Please confirm your message',
    'AWS Notification Message',
  ])('fires: %s', subject => {
    expect(AUTOMATED_SUBJECT.test(subject)).toBe(true);
  });

  test.each(['Lunch on Friday?', 'Minutes of the meeting', 'Invoice 2024-113', 'Re: project plan'])(
    'stays quiet: %s',
    subject => {
      expect(AUTOMATED_SUBJECT.test(subject)).toBe(false);
    },
  );
});

describe('responderPrefix: "<prefix>: <Thread-Topic>" in any language, never a reply or forward prefix', () => {
  test.each<[string, string | undefined, string | undefined]>([
    ['Samodejni odgovor: Project kickoff', 'Project kickoff', 'Samodejni odgovor'],
    ['Automatinis atsakymas: Invoice 4471', 'Invoice 4471', 'Automatinis atsakymas'],
    // A whole phrase (Latvian Exchange, in the bounce_email gem's tests): 42 characters.
    [
      'Arpus biroja atrasanas automatiska atbilde: subjecting',
      'subjecting',
      'Arpus biroja atrasanas automatiska atbilde',
    ],
    [`${'word '.repeat(13)}: Budget`, 'Budget', undefined],
    ['Automatic reply: RE: Budget', 'RE: Budget', 'Automatic reply'],
    ['AW: Budget', 'Budget', undefined],
    // A person's reply in a language whose Outlook prefix the list once lacked (Latvian, Hungarian,
    // Ukrainian, Hebrew): never a responder.
    ['Atb: Contract draft', 'Contract draft', undefined],
    ['Pārs: Līgums', 'Līgums', undefined],
    ['VÁ: Szerződés', 'Szerződés', undefined],
    ['Відп: Договір', 'Договір', undefined],
    ['השב: חוזה', 'חוזה', undefined],
    ['SV: Budget', 'Budget', undefined],
    ['Odp: Budget', 'Budget', undefined],
    ['Accepted: Team meeting', 'Team meeting', undefined],
    ['Recall: Quarterly numbers', 'Quarterly numbers', undefined],
    ['Budget', 'Budget', undefined],
    ['Ticket 4711: Budget', 'Budget', undefined],
    ['Automatic reply: Budget', undefined, undefined],
  ])('%s (Thread-Topic %s) → %s', (subject, topic, want) => {
    expect(responderPrefix(subject, topic)).toBe(want);
  });
});

describe('body peeks for mail the header block cannot place', () => {
  const fields = (h: string) => parseHeaderBlock(h).fields;
  test.each<[string, string, boolean]>([
    ['Subject: Re: Shipping\nIn-Reply-To: <a@b>', 'Thank you. I am out of the office until Monday.', true],
    ['Subject: Re: Shipping', 'Ich bin bis zum 20. März nicht im Büro.', true],
    ['Subject: Shipping', 'I am out of the office until Monday.', false],
    ['Subject: Re: Shipping\nList-Id: <x.example.org>', 'I am out of the office until Monday.', false],
    ['Subject: Re: Shipping', 'Her out-of-office says she is away.', false],
  ])('unmarked auto-reply: %j', (head, body, want) => {
    expect(mayBeUnmarkedAutoReply(fields(head), body)).toBe(want);
  });
  test.each<[string, string, boolean]>([
    ['Subject: Fwd: Undelivered Mail', '> From: MAILER-DAEMON@x.example', true],
    ['Subject: Re: Saturday', 'my mail bounced:\n> could not be delivered to one or more', true],
    ['Subject: Saturday', 'From: MAILER-DAEMON@x.example', false],
    ['Subject: Re: Saturday', 'See you at ten.', false],
  ])('quoted bounce: %j', (head, body, want) => {
    expect(mayQuoteBounce(fields(head), body)).toBe(want);
  });
});
