import { describe, expect, test } from 'vitest';
import { latin1, toLf } from '../mime/bytes';
import { scanStructure } from '../mime/structure';
import { buildContext } from './context';
import fc from 'fast-check';
import { textFrom } from '../../test/arbitraries';
import type { HeaderField } from '../types';
import { findOriginal, fromInline, hasStrongFields, isKeyHeaderName } from './original';

async function originalOf(message: string, inlineFrom?: number) {
  const bytes = toLf(new TextEncoder().encode(message));
  const text = latin1(bytes);
  return findOriginal(buildContext(bytes, text, scanStructure(text)), inlineFrom);
}

const report = (boundary: string, parts: string) => `From: MAILER-DAEMON@mx.example.jp
To: shironeko@example.org
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"

--${boundary}
Content-Type: text/plain

Your message could not be delivered.

${parts}--${boundary}--
`;

const ORIGINAL_HEADERS = `Return-Path: <shironeko@example.org>
Received: from [192.168.1.10] (p5b0c1234.dip0.t-ipconnect.de [91.12.18.52])
	by mail.example.org (Postfix) with ESMTPSA id 4C1D2E3F; Thu, 29 Apr 2010 23:34:45 +0900
DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=sel1; b=x
Authentication-Results: mail.example.org; spf=pass smtp.mailfrom=example.org
Message-ID: <20100429143445.1234@example.org>
From: Shironeko <shironeko@example.org>
To: kijitora@example.jp
Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=
Date: Thu, 29 Apr 2010 23:34:45 +0900
User-Agent: Thunderbird 115.0
Content-Type: text/plain; charset=ISO-2022-JP`;

describe('findOriginal', () => {
  test('message/rfc822 (RFC 3462 §2): headers, trace, auth and an excerpt', async () => {
    const o = await originalOf(
      report(
        'b1',
        `--b1\nContent-Type: message/rfc822\n\n${ORIGINAL_HEADERS}\n\nHello   Kijitora,\n  lunch on Friday?\n`,
      ),
    );
    expect(o).toMatchObject({
      via: 'message/rfc822',
      headersTruncated: false,
      bodyTruncated: false,
      messageId: '20100429143445.1234@example.org',
      from: [{ name: 'Shironeko', address: 'shironeko@example.org' }],
      to: [{ name: undefined, address: 'kijitora@example.jp' }],
      returnPath: 'shironeko@example.org',
      subject: 'Grüße',
      userAgent: 'Thunderbird 115.0',
      charsets: ['iso-2022-jp'],
      dkim: [{ domain: 'example.org', selector: 'sel1' }],
      auth: [{ method: 'spf', result: 'pass', domain: 'example.org' }],
      bodyExcerpt: 'Hello Kijitora, lunch on Friday?',
    });
    expect(o?.received).toHaveLength(1);
    expect(o?.received[0]?.protocol).toBe('ESMTPSA');
  });

  test('message/rfc822 with headers only: the body is marked cut', async () => {
    const o = await originalOf(report('b2', `--b2\nContent-Type: message/rfc822\n\n${ORIGINAL_HEADERS}\n\n`));
    expect(o).toMatchObject({ via: 'message/rfc822', bodyTruncated: true, bodyExcerpt: undefined });
  });

  test('message/rfc822 cut inside its header block', async () => {
    const o = await originalOf(
      report(
        'b3',
        `--b3\nContent-Type: message/rfc822\n\nMessage-ID: <cut@example.org>\nFrom: a@example.org\n`,
      ),
    );
    expect(o).toMatchObject({ messageId: 'cut@example.org', headersTruncated: true, bodyTruncated: true });
  });

  test('a blank line before the embedded headers (seen from some MTAs)', async () => {
    const o = await originalOf(
      report('b4', `--b4\nContent-Type: message/rfc822\n\n\n${ORIGINAL_HEADERS}\n\nbody\n`),
    );
    expect(o?.messageId).toBe('20100429143445.1234@example.org');
  });

  test('base64-encoded message/rfc822 is decoded', async () => {
    const inner = 'Message-ID: <b64@example.org>\nFrom: a@example.org\nSubject: encoded\n\nthe body\n';
    const b64 = Buffer.from(inner).toString('base64');
    const o = await originalOf(
      report('b5', `--b5\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n${b64}\n`),
    );
    expect(o).toMatchObject({
      via: 'message/rfc822',
      messageId: 'b64@example.org',
      subject: 'encoded',
      bodyExcerpt: 'the body',
    });
  });

  test('a multipart original: the excerpt from its first text part, charsets collected', async () => {
    const o = await originalOf(
      report(
        'b6',
        `--b6\nContent-Type: message/rfc822\n\nMessage-ID: <mp@example.org>\nFrom: a@example.org\nContent-Type: multipart/alternative; boundary="alt"\n\n--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nGr=C3=BC=C3=9Fe\n--alt\nContent-Type: text/html; charset=utf-8\n\n<p>x</p>\n--alt--\n`,
      ),
    );
    expect(o).toMatchObject({ bodyExcerpt: 'Grüße', charsets: ['utf-8'] });
  });

  test('message/global (RFC 6532)', async () => {
    const o = await originalOf(
      report(
        'b7',
        `--b7\nContent-Type: message/global\n\nMessage-ID: <g@example.org>\nFrom: a@example.org\n\nx\n`,
      ),
    );
    expect(o?.via).toBe('message/global');
  });

  test.each([
    { type: 'text/rfc822-headers', via: 'text/rfc822-headers' },
    { type: 'message/global-headers', via: 'message/global-headers' },
  ])('$type: headers only, body cut', async ({ type, via }) => {
    const o = await originalOf(report('h1', `--h1\nContent-Type: ${type}\n\n${ORIGINAL_HEADERS}\n`));
    expect(o).toMatchObject({
      via,
      bodyTruncated: true,
      bodyExcerpt: undefined,
      messageId: '20100429143445.1234@example.org',
    });
  });

  test('inline after the report’s words (Exim copy marker)', async () => {
    const message = `From: Mail Delivery System <Mailer-Daemon@mx.example.jp>
Subject: Mail delivery failed: returning message to sender

A message that you sent could not be delivered.

  kijitora@example.jp
    550 5.1.1 User unknown

------ This is a copy of the message, including all the headers. ------

${ORIGINAL_HEADERS}

Hello
`;
    const o = await originalOf(message);
    expect(o).toMatchObject({
      via: 'inline',
      messageId: '20100429143445.1234@example.org',
      bodyExcerpt: 'Hello',
      headersTruncated: false,
    });
  });

  test('none: a report with no original anywhere', async () => {
    expect(await originalOf(report('n1', ''))).toBeUndefined();
  });
});

describe('fromInline', () => {
  describe('fires', () => {
    test.each([
      {
        name: 'after qmail’s marker',
        body: `I'm afraid I wasn't able to deliver your message.\n\n--- Below this line is a copy of the message.\n\nReturn-Path: <a@example.org>\nReceived: (qmail 1 invoked from network); 29 Apr 2010\nMessage-ID: <q@example.org>\nSubject: hi\n\nbody text\n`,
        messageId: 'q@example.org',
        headersTruncated: false,
      },
      {
        name: 'indented',
        body: `The original message headers:\n\n    Date: Thu, 29 Apr 2010 23:34:45 +0900\n    From: a@example.org\n    Message-ID: <ind@example.org>\n\n    body\n`,
        messageId: 'ind@example.org',
        headersTruncated: false,
      },
      {
        name: 'cut: no blank line after the headers',
        body: `----- Original message -----\nFrom: a@example.org\nDate: Thu, 29 Apr 2010 23:34:45 +0900\nMessage-ID: <cut@example.org>`,
        messageId: 'cut@example.org',
        headersTruncated: true,
      },
      {
        name: 'no marker, a strong header run',
        body: `Delivery failed.\n\nReturn-Path: <a@example.org>\nMessage-ID: <nomarker@example.org>\nDate: x\n\nbody\n`,
        messageId: 'nomarker@example.org',
        headersTruncated: false,
      },
    ])('$name', ({ body, messageId, headersTruncated }) => {
      const o = fromInline(body, 0, 'inline');
      expect(o?.messageId).toBe(messageId);
      expect(o?.headersTruncated).toBe(headersTruncated);
      expect(o?.bodyTruncated).toBe(headersTruncated);
    });
  });

  describe('quoted with "> "', () => {
    const body = `Original message:\n\n> Message-ID: <quoted@example.org>\n> From: a@example.org\n> Subject: hi\n>\n> body\n`;

    test('the quoted headers are read', () => {
      expect(fromInline(body, 0, 'inline')?.messageId).toBe('quoted@example.org');
    });

    // Regression (was a bug): a quoted blank line is ">" alone, which does not start with the "> " indent, so the header block
    // never ends and a complete original is reported with headersTruncated and bodyTruncated set.
    test('a quoted blank line ends the quoted header block', () => {
      expect(fromInline(body, 0, 'inline')).toMatchObject({ headersTruncated: false, bodyExcerpt: 'body' });
    });
  });

  describe('stays quiet', () => {
    test.each([
      { name: 'empty', body: '' },
      { name: 'prose only', body: 'Your message could not be delivered to kijitora@example.jp.\n' },
      {
        name: 'one strong header only (the report quoting a Subject)',
        body: '----- Original message -----\nSubject: hi\nTo: kijitora@example.jp\n\nbody\n',
      },
      {
        // A blank line ends a header block: two strong lines in different blocks are not a header run.
        name: 'strong lines split by a blank line',
        body: 'Subject: hi\n\nDate: yesterday\n',
      },
    ])('$name', ({ body }) => {
      expect(fromInline(body, 0, 'inline')).toBeUndefined();
    });
  });

  // Regression (was a bug): a quoted original's body is taken as raw text, so a MIME original (Yahoo, Mail.ru and Exim
  // quote them whole: Sisimai lhost-yahoo-03, lhost-mailru-05, lhost-exim-59) gets the delimiter line and
  // part headers as its excerpt ("------=_Part_3669134… Content-Type: text/plain …") and no charsets.
  test('a quoted MIME original: the excerpt is its text part', () => {
    const body = `--- Below this line is a copy of the message.

Return-Path: <shironeko@example.org>
Message-ID: <1417873350754.1@example.org>
Date: Sat, 6 Dec 2014 13:42:30 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="----=_Part_3669134_1064894262.1417873350754"

------=_Part_3669134_1064894262.1417873350754
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit

Lunch on Friday?
------=_Part_3669134_1064894262.1417873350754--
`;
    expect(fromInline(body, 0, 'inline')).toMatchObject({
      bodyExcerpt: 'Lunch on Friday?',
      charsets: ['utf-8'],
    });
  });

  // The excerpt folds only as much of a long body as its 400 characters need: it must read as the
  // whole body folded ("a  b\n c" → "a b c") and cut, whatever the body's length and blank runs.
  describe('a long quoted body: the excerpt is the folded text, cut', () => {
    const fold = (t: string) => t.replace(/\s+/g, ' ').trim().slice(0, 400);
    test.each([
      { name: 'words and blank runs', text: 'Lunch  on\n\n Friday?\t'.repeat(900) },
      { name: 'a blank run across the cut', text: 'x'.repeat(399) + ' '.repeat(2000) + 'y'.repeat(5000) },
      { name: 'text after a long blank run', text: '\n'.repeat(5000) + 'late words '.repeat(10) },
      { name: 'exactly 400 characters, then blanks', text: 'z'.repeat(400) + ' \n'.repeat(3000) },
      { name: 'blank only', text: ' \n\t'.repeat(3000) },
    ])('$name', ({ text }) => {
      const body = `--- Below this line is a copy of the message.\n\nMessage-ID: <long@example.org>\nDate: y\n\n${text}`;
      const o = fromInline(body, 0, 'inline');
      expect(o?.bodyExcerpt).toBe(fold(text.slice(0, 8192)) || undefined);
      expect(o?.bodyTruncated).toBe(fold(text.slice(0, 8192)) === '');
    });
  });

  test('the search starts at `from`: headers before it are the report’s own', () => {
    const own = 'Date: x\nMessage-ID: <own@example.jp>\n\n';
    const body =
      own +
      'text\n--- Below this line is a copy of the message.\n\nMessage-ID: <orig@example.org>\nDate: y\n\n';
    expect(fromInline(body, own.length, 'inline')?.messageId).toBe('orig@example.org');
  });
});

// The set lookups replaced these regex tests (issue 10 §4); on any name they must answer the same.
describe('header-name tests read what the regexes read', () => {
  const KEY_HEADER =
    /^(?:return-path|received|from|to|subject|date|message-id|mime-version|dkim-signature|x-[a-z0-9-]+|content-type|reply-to|sender|cc|authentication-results|delivered-to|in-reply-to|references|user-agent|x-mailer):/i;
  const STRONG_HEADER = /^(?:message-id|received|return-path|date|subject|from|dkim-signature):/i;
  const name = textFrom(
    ['x', 'X', '-', 'x-', 'X-', 'cc', 'To', 'FROM', 'received', 'Message-ID', 'a', '1'],
    6,
  );

  test('isKeyHeaderName', () => {
    fc.assert(
      fc.property(name, n => {
        fc.pre(/^[A-Za-z][A-Za-z0-9-]{1,40}$/.test(n));
        expect(isKeyHeaderName(n)).toBe(KEY_HEADER.test(n + ':'));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['X-Mailer', true],
    ['x-', false],
    ['X-1', true],
    ['Cc', true],
    ['Ccc', false],
    ['Content-Type', true],
    ['Content-Types', false],
  ])('isKeyHeaderName(%j) is %j', (n, want) => {
    expect(isKeyHeaderName(n)).toBe(want);
  });

  test('hasStrongFields', () => {
    const names = ['message-id', 'received', 'date', 'from', 'to', 'x-y', 'subject', 'cc'];
    const fields = fc.array(
      fc.record({ name: fc.constantFrom(...names), value: fc.constantFrom('', 'x', '<a@b>') }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fields, (f: HeaderField[]) => {
        const before =
          f.filter(x => STRONG_HEADER.test(x.name + ':')).length >= 2 ||
          Boolean(f.find(x => x.name === 'message-id')?.value);
        expect(hasStrongFields(f)).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });
});

// The original's excerpt and headers part are slices of the message's ASCII text when it is ASCII
// (ctx.asciiText), not decoded again: the answer must be the one the decoder gives.
describe('the ASCII text serves the original as the decoder does', () => {
  const body = textFrom(
    ['Hello', ' ', '\n', '\t', '<p>', '&amp;', '=3D', '=\n', 'Subject: x', '\0', 'é'],
    30,
  );
  const charset = fc.constantFrom(
    '',
    '; charset=us-ascii',
    '; charset=UTF-8',
    '; charset=iso-8859-1',
    '; charset=utf-16le',
    '; charset="x-bogus"',
  );
  const encoding = fc.constantFrom('', '7bit', '8bit', 'binary', 'quoted-printable', 'base64');
  const type = fc.constantFrom('text/plain', 'text/html', 'text/rfc822-headers');

  test('findOriginal with and without ctx.asciiText', () => {
    fc.assert(
      fc.property(type, charset, encoding, body, (t, cs, enc, b) => {
        const cte = enc ? `Content-Transfer-Encoding: ${enc}\n` : '';
        const inner =
          t === 'text/rfc822-headers'
            ? `--b\nContent-Type: ${t}${cs}\n${cte}\nMessage-ID: <1@example.org>\nSubject: ${b}\nFrom: a@example.org\n`
            : `--b\nContent-Type: message/rfc822\n\nMessage-ID: <1@example.org>\nContent-Type: ${t}${cs}\n${cte}\n${b}\n`;
        const bytes = toLf(new TextEncoder().encode(report('b', inner)));
        const text = latin1(bytes);
        const ascii = !/[^\0-\x7f]/.test(text);
        const structure = scanStructure(text);
        const slow = findOriginal(buildContext(bytes, text, structure), undefined);
        const fast = findOriginal(buildContext(bytes, text, structure, undefined, ascii), undefined);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 2000 },
    );
  });
});
