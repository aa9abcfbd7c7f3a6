import { describe, expect, test } from 'vitest';
import { MAX_RECEIVED } from '../limits';
import { parseHeaderBlock } from '../mime/header-block';
import { summarizeFields, type SummaryInput } from './summary';

const summarize = (headerBlock: string, extra: Partial<SummaryInput> = {}) =>
  summarizeFields({
    fields: parseHeaderBlock(headerBlock).fields,
    via: 'message/rfc822',
    headersTruncated: false,
    bodyTruncated: false,
    bodyExcerpt: undefined,
    bodyCharsets: [],
    ...extra,
  });

// A Thunderbird message as it arrives at the receiving MTA (shape of the originals in Sisimai samples).
const ORIGINAL = `Return-Path: <Shironeko@Example.ORG>
Received: from mx.example.jp by mbox.example.jp with LMTP id 1; Thu, 29 Apr 2010 23:34:46 +0900
Received: from mail.example.org (mail.example.org [192.0.2.25]) by mx.example.jp (Postfix) with ESMTPS id 2; Thu, 29 Apr 2010 23:34:45 +0900
Authentication-Results: mx.example.jp; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org
ARC-Authentication-Results: i=1; mx.example.jp; dmarc=pass header.from=example.org
Received-SPF: pass (mx.example.jp: domain of shironeko@example.org designates 192.0.2.25 as permitted sender)
DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=2010; b=x
Message-ID: <20100429143445.1234@example.org>
In-Reply-To: <parent@example.jp>
References: <root@example.jp> <parent@example.jp>
From: Shironeko <shironeko@example.org>
Sender: secretary@example.org
Reply-To: replies@example.org
To: kijitora@example.jp
To: neko@example.jp
Cc: tora@example.jp
Subject: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=
Date: Thu, 29 Apr 2010 23:34:45 +0900
X-Mailer: Thunderbird 2.0
List-Id: <cats.example.org>
Content-Type: text/plain; charset=ISO-2022-JP
`;

describe('summarizeFields', () => {
  test('every field of the original as data', () => {
    const o = summarize(ORIGINAL, { bodyExcerpt: 'hello', bodyCharsets: ['UTF-8', 'iso-2022-jp'] });
    expect(o).toMatchObject({
      via: 'message/rfc822',
      messageId: '20100429143445.1234@example.org',
      from: [{ name: 'Shironeko', address: 'shironeko@example.org' }],
      sender: { name: undefined, address: 'secretary@example.org' },
      replyTo: [{ name: undefined, address: 'replies@example.org' }],
      returnPath: 'shironeko@example.org',
      // Repeated To fields are one list.
      to: [
        { name: undefined, address: 'kijitora@example.jp' },
        { name: undefined, address: 'neko@example.jp' },
      ],
      cc: [{ name: undefined, address: 'tora@example.jp' }],
      subject: 'テスト',
      date: 'Thu, 29 Apr 2010 23:34:45 +0900',
      inReplyTo: 'parent@example.jp',
      references: ['root@example.jp', 'parent@example.jp'],
      userAgent: 'Thunderbird 2.0',
      listId: '<cats.example.org>',
      charsets: ['iso-2022-jp', 'utf-8'],
      bodyExcerpt: 'hello',
      dkim: [{ domain: 'example.org', selector: '2010' }],
    });
    expect(o.received.map(h => h.protocol)).toEqual(['LMTP', 'ESMTPS']);
    expect(o.auth.map(a => [a.source, a.method, a.result])).toEqual([
      ['authentication-results', 'spf', 'pass'],
      ['authentication-results', 'dkim', 'pass'],
      ['arc-authentication-results', 'dmarc', 'pass'],
      ['received-spf', 'spf', 'pass'],
    ]);
    expect(o.headers[0]).toEqual({ name: 'return-path', value: '<Shironeko@Example.ORG>' });
  });

  test.each([
    // RFC 5321 §4.5.5: a bounce's own original may carry the null reverse path.
    { rp: 'Return-Path: <>', want: '' },
    { rp: 'Return-Path: <prvs=1234abcd=alice@example.org>', want: 'prvs=1234abcd=alice@example.org' },
    { rp: 'X-Other: 1', want: undefined },
  ])('$rp → returnPath $want', ({ rp, want }) => {
    expect(summarize(rp).returnPath).toBe(want);
  });

  // Regression (was a bug): the gate and rfc3834 read "< >" as the null path (/^\s*<\s*>\s*$/); here only "<>" is, so
  // "< >" gives undefined ("no Return-Path") instead of "" ("null Return-Path").
  test('Return-Path: < > is the null path too', () => {
    expect(summarize('Return-Path: < >').returnPath).toBe('');
  });

  test('User-Agent is preferred to X-Mailer', () => {
    expect(summarize('X-Mailer: Foo 1\nUser-Agent: Mozilla Thunderbird 115').userAgent).toBe(
      'Mozilla Thunderbird 115',
    );
  });

  test(`at most ${MAX_RECEIVED} Received hops`, () => {
    const block = Array.from(
      { length: MAX_RECEIVED + 20 },
      (_, i) => `Received: from h${i}.example by x.example; date`,
    ).join('\n');
    expect(summarize(block).received).toHaveLength(MAX_RECEIVED);
  });

  test('at most 400 header fields are kept', () => {
    const block = Array.from({ length: 500 }, (_, i) => `X-N: ${i}`).join('\n');
    expect(summarize(block).headers).toHaveLength(400);
  });

  test('an empty header block', () => {
    expect(summarize('')).toMatchObject({
      messageId: undefined,
      from: [],
      sender: undefined,
      to: [],
      subject: undefined,
      references: [],
      received: [],
      auth: [],
      dkim: [],
      charsets: [],
      headers: [],
    });
  });
});
