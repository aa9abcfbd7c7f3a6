import { describe, expect, test } from 'vitest';
import { MAX_MIME_DEPTH, MAX_MIME_PARTS } from '../limits';
import { isEmbeddedMessage, isIdentityEncoding, readHeaderAt, scanStructure, type Part } from './structure';

const body = (text: string, p: Part) => text.slice(p.bodyStart, p.bodyEnd);
const shape = (p: Part): unknown =>
  p.children.length ? { [p.contentType.type]: p.children.map(shape) } : p.contentType.type;

// A Postfix bounce in outline (RFC 3464 §6 / RFC 6522 multipart/report, Sisimai postfix-01 layout).
const POSTFIX = `From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="9B095B5ADF.1163744484/mx.example.jp"

This is a MIME-encapsulated message.

--9B095B5ADF.1163744484/mx.example.jp
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

--9B095B5ADF.1163744484/mx.example.jp
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.jp

Final-Recipient: rfc822; kijitora@example.co.jp
Action: failed
Status: 5.1.1

--9B095B5ADF.1163744484/mx.example.jp
Content-Description: Undelivered Message
Content-Type: message/rfc822

Return-Path: <shironeko@example.jp>
Message-ID: <20061117010000.1234@example.jp>
From: shironeko@example.jp
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain

hello
--alt
Content-Type: text/html

<p>hello</p>
--alt--

--9B095B5ADF.1163744484/mx.example.jp--
`;

describe('scanStructure', () => {
  test('a single-part message is one part', () => {
    const text = 'Subject: x\n\nhello\n';
    const s = scanStructure(text);
    expect(s.parts).toHaveLength(1);
    expect(s.root.contentType.type).toBe('text/plain');
    expect(s.root.encoding).toBe('7bit');
    expect(body(text, s.root)).toBe('hello\n');
    expect(s.limited).toBe(false);
  });

  test('a report with a nested original: tree, order, bodies', () => {
    const s = scanStructure(POSTFIX);
    expect(shape(s.root)).toEqual({
      'multipart/report': [
        'text/plain',
        'message/delivery-status',
        { 'message/rfc822': [{ 'multipart/alternative': ['text/plain', 'text/html'] }] },
      ],
    });
    expect(s.parts.map(p => p.depth)).toEqual([0, 1, 1, 1, 2, 3, 3]);
    const [, notice, dsn, rfc822] = s.parts;
    // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
    expect(body(POSTFIX, notice!)).toBe(
      "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n",
    );
    expect(body(POSTFIX, dsn!)).toContain('Final-Recipient: rfc822; kijitora@example.co.jp');
    const inner = rfc822!.children[0]!;
    expect(inner.fields.find(f => f.name === 'message-id')?.value).toBe('<20061117010000.1234@example.jp>');
    expect(body(POSTFIX, inner.children[0]!)).toBe('hello');
    expect(s.root.unterminated).toBe(false);
  });

  test('delimiters with trailing white space; a longer boundary sharing the prefix is not a delimiter', () => {
    const text = `Content-Type: multipart/mixed; boundary="b1"

--b1  \t
Content-Type: text/plain

--b1x is text, not a delimiter
 --b1 is indented text too
--b1
Content-Type: text/html

<b>x</b>
--b1--  
epilogue
`;
    const s = scanStructure(text);
    expect(shape(s.root)).toEqual({ 'multipart/mixed': ['text/plain', 'text/html'] });
    expect(body(text, s.root.children[0]!)).toBe(
      '--b1x is text, not a delimiter\n --b1 is indented text too',
    );
  });

  test('a missing close delimiter: the last part runs to the end, marked unterminated', () => {
    // Reports cut by the bouncing side (Exchange "original message truncated").
    const text = `Content-Type: multipart/mixed; boundary="cut"

--cut
Content-Type: text/plain

first
--cut
Content-Type: message/rfc822

Subject: the original
From: a@example.org

body of the orig`;
    const s = scanStructure(text);
    expect(s.root.unterminated).toBe(true);
    expect(shape(s.root)).toEqual({
      'multipart/mixed': ['text/plain', { 'message/rfc822': ['text/plain'] }],
    });
    expect(body(text, s.root.children[1]!.children[0]!)).toBe('body of the orig');
  });

  test('a declared boundary that never occurs: the body is read as one text part', () => {
    const text = 'Content-Type: multipart/mixed; boundary="never"\n\nplain words\n';
    const s = scanStructure(text);
    expect(s.root.unterminated).toBe(true);
    expect(shape(s.root)).toEqual({ 'multipart/mixed': ['text/plain'] });
    expect(body(text, s.root.children[0]!)).toBe('plain words\n');
  });

  describe('stripped MIME headers: boundary inferred from the delimiter lines', () => {
    test.each([
      {
        name: 'delimiters and a close delimiter',
        body: '--=_boundary_0001\nContent-Type: text/plain\n\nnotice\n--=_boundary_0001\nContent-Type: message/rfc822\n\nSubject: x\n\nbody\n--=_boundary_0001--\n',
        want: { 'multipart/mixed': ['text/plain', { 'message/rfc822': ['text/plain'] }] },
      },
      {
        name: 'a short preamble before the first delimiter',
        body: 'This is a MIME-encapsulated message\n\n--NEXTPART12345\n\none\n--NEXTPART12345\n\ntwo\n',
        want: { 'multipart/mixed': ['text/plain', 'text/plain'] },
      },
    ])('fires: $name', ({ body: b, want }) => {
      const s = scanStructure(`From: MAILER-DAEMON@example.jp\nSubject: Returned mail\n\n${b}`);
      expect(shape(s.root)).toEqual(want);
    });

    test.each([
      {
        // qmail copies the original as text: a delimiter after the report's prose is the original's.
        name: 'the delimiter follows more than a preamble of prose',
        body: `${'Hi. This is the qmail-send program. '.repeat(10)}\n\n--QUOTEDBOUNDARY1\n\nx\n--QUOTEDBOUNDARY1--\n`,
      },
      { name: 'a single delimiter-like line with no second one', body: '--ONLYONCEHERE\n\ntext\n' },
      { name: 'a boundary shorter than 8 characters', body: '--short\n\na\n--short--\n' },
    ])('stays quiet: $name', ({ body: b }) => {
      const s = scanStructure(`Subject: x\n\n${b}`);
      expect(s.root.contentType.type).toBe('text/plain');
      expect(s.root.children).toEqual([]);
    });

    test('only at the top level: a part without Content-Type stays text/plain', () => {
      const text =
        'Content-Type: multipart/mixed; boundary="outer"\n\n--outer\n\n--innerguess1\n\na\n--innerguess1--\n--outer--\n';
      const s = scanStructure(text);
      expect(shape(s.root)).toEqual({ 'multipart/mixed': ['text/plain'] });
    });
  });

  test('message/rfc822 with a transfer encoding is left for the original extractor', () => {
    // RFC 2046 §5.2.1 allows only 7bit/8bit/binary, but base64-encoded ones are seen in practice.
    const text =
      'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: BASE64\n\nU3ViamVjdDogeAoKYm9keQo=\n--b--\n';
    const s = scanStructure(text);
    const rfc822 = s.root.children[0]!;
    expect(rfc822.encoding).toBe('base64');
    expect(rfc822.children).toEqual([]);
  });

  test.each([
    { type: 'message/global', children: 1 },
    { type: 'message/partial-rfc822', children: 1 },
    { type: 'text/rfc822-headers', children: 0 },
  ])('$type children: $children', ({ type, children }) => {
    const s = scanStructure(`Content-Type: ${type}\n\nSubject: inner\n\nbody\n`);
    expect(s.root.children).toHaveLength(children);
  });

  test('a part header block with no blank line is marked truncated', () => {
    const text =
      'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\nX-Cut: yes\n--b--\n';
    const part = scanStructure(text).root.children[0]!;
    expect(part.headersTruncated).toBe(true);
    expect(part.bodyStart).toBe(part.bodyEnd);
  });

  test('a delimiter that opens the body without a preceding line break', () => {
    const text = 'Content-Type: multipart/mixed; boundary="b"\n\n--b\n\nfirst\n--b--\n';
    expect(shape(scanStructure(text).root)).toEqual({ 'multipart/mixed': ['text/plain'] });
  });

  test('scans a range of a larger text (offsets shared with the whole)', () => {
    const prefix = 'JUNK BEFORE\n';
    const text = prefix + 'Subject: inner\n\nbody\n';
    const s = scanStructure(text, prefix.length);
    expect(s.root.start).toBe(prefix.length);
    expect(body(text, s.root)).toBe('body\n');
  });

  describe('limits', () => {
    test('nesting deeper than MAX_MIME_DEPTH stops and says so', () => {
      const levels = MAX_MIME_DEPTH + 10;
      let text = '';
      for (let i = 0; i < levels; i++) {
        text += `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`;
      }
      text += 'Content-Type: text/plain\n\ndeep\n';
      const s = scanStructure(text);
      expect(s.limited).toBe(true);
      expect(Math.max(...s.parts.map(p => p.depth))).toBe(MAX_MIME_DEPTH);
    });

    test('more than MAX_MIME_PARTS parts stops and says so', () => {
      const n = MAX_MIME_PARTS + 50;
      const text =
        'Content-Type: multipart/mixed; boundary="b"\n\n' +
        Array.from({ length: n }, (_, i) => `--b\n\npart ${i}\n`).join('') +
        '--b--\n';
      const s = scanStructure(text);
      expect(s.limited).toBe(true);
      expect(s.parts.length).toBeLessThanOrEqual(MAX_MIME_PARTS);
    });

    test('a normal report is not limited', () => {
      expect(scanStructure(POSTFIX).limited).toBe(false);
    });
  });
});

describe('readHeaderAt', () => {
  test.each([
    { name: 'fields then body', text: 'A: 1\nB: 2\n\nbody', fields: 2, bodyStart: 11, truncated: false },
    {
      name: 'no headers at all (RFC 2046 body part)',
      text: '\nbody',
      fields: 0,
      bodyStart: 1,
      truncated: false,
    },
    {
      name: 'no blank line: truncated, body empty',
      text: 'A: 1\nB: 2\n',
      fields: 2,
      bodyStart: 10,
      truncated: true,
    },
  ])('$name', ({ text, fields, bodyStart, truncated }) => {
    const [f, b, t] = readHeaderAt(text, 0, text.length);
    expect(f).toHaveLength(fields);
    expect(b).toBe(bodyStart);
    expect(t).toBe(truncated);
  });
});

describe('isEmbeddedMessage', () => {
  test.each(['message/rfc822', 'message/global', 'message/partial-rfc822'])('fires: %s', type => {
    expect(isEmbeddedMessage(type)).toBe(true);
  });
  test.each(['text/rfc822-headers', 'message/delivery-status', 'message/global-headers', 'text/plain'])(
    'stays quiet: %s',
    type => {
      expect(isEmbeddedMessage(type)).toBe(false);
    },
  );
});

describe('isIdentityEncoding', () => {
  test.each(['7bit', '8bit', 'binary', ''])('fires: "%s"', e => {
    expect(isIdentityEncoding(e)).toBe(true);
  });
  test.each(['base64', 'quoted-printable', 'x-uuencode'])('stays quiet: %s', e => {
    expect(isIdentityEncoding(e)).toBe(false);
  });
});
