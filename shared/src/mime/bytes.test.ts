import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { blankLineIn, decodeCharset, headerEnd, latin1, rawHeaderEnd, toLf, utf8OrLatin1 } from './bytes';

const ascii = (s: string) => Uint8Array.from(s, c => c.charCodeAt(0));
const hex = (s: string) => Uint8Array.from(s.split(/\s+/), b => parseInt(b, 16));

describe('toLf', () => {
  test.each([
    {
      name: 'CRLF (on the wire, Sisimai maildir/dos)',
      input: 'A: 1\r\nB: 2\r\n\r\nbody\r\n',
      out: 'A: 1\nB: 2\n\nbody\n',
    },
    {
      name: 'CR alone (classic Mac, Sisimai maildir/mac)',
      input: 'A: 1\rB: 2\r\rbody\r',
      out: 'A: 1\nB: 2\n\nbody\n',
    },
    { name: 'mixed endings in one file', input: 'a\r\nb\rc\nd', out: 'a\nb\nc\nd' },
    { name: 'CR before CRLF counts as two line breaks', input: 'a\r\r\nb', out: 'a\n\nb' },
    { name: 'trailing lone CR', input: 'a\r', out: 'a\n' },
  ])('$name', ({ input, out }) => {
    expect(latin1(toLf(ascii(input)))).toBe(out);
  });

  test('LF input is returned as is, not copied', () => {
    const bytes = ascii('A: 1\nB: 2\n\nbody\n');
    expect(toLf(bytes)).toBe(bytes);
  });

  test('8-bit bytes pass through untouched', () => {
    expect([...toLf(hex('c3 a9 0d 0a ff'))]).toEqual([0xc3, 0xa9, 0x0a, 0xff]);
  });
});

describe('latin1', () => {
  test('one char per byte, any byte', () => {
    expect(latin1(hex('41 e9 ff 00'))).toBe('A\u00e9\u00ff\u0000');
  });

  test('a range, across the chunk size', () => {
    const big = new Uint8Array(20_000).fill(0x61);
    big[19_999] = 0x62;
    expect(latin1(big)).toHaveLength(20_000);
    expect(latin1(big, 19_998)).toBe('ab');
  });

  // Ranges over 64 bytes are read by the UTF-8 decoder when they are ASCII: every other range must still
  // come out as the windows-1252 reading, one char per byte.
  const cp1252 = new TextDecoder('windows-1252');
  const padded = (h: string) => Uint8Array.from([...ascii('x'.repeat(70)), ...hex(h)]);
  test.each([
    { name: 'a lone continuation byte (one U+FFFD for one byte: same length)', bytes: padded('80') },
    { name: 'a valid two-byte sequence', bytes: padded('c3 a9') },
    { name: 'a valid four-byte sequence', bytes: padded('f0 9f 98 80') },
    { name: 'U+FFFD itself in UTF-8', bytes: padded('ef bf bd') },
    {
      name: 'a leading BOM, then ASCII',
      bytes: Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('y'.repeat(80))]),
    },
    { name: 'a truncated sequence at the end', bytes: padded('e2 82') },
  ])('$name', ({ bytes }) => {
    expect(latin1(bytes)).toBe(cp1252.decode(bytes));
    expect(latin1(bytes)).toHaveLength(bytes.length);
  });

  test('random ranges, mostly ASCII: as windows-1252 reads them', () => {
    const byte = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
      { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
      { weight: 1, arbitrary: fc.constantFrom(0xef, 0xbb, 0xbf, 0xbd, 0xc3, 0xe2, 0xf0) },
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 400 }), fc.nat(100), (list, from) => {
        const bytes = Uint8Array.from(list);
        const start = Math.min(from, bytes.length);
        expect(latin1(bytes, start)).toBe(cp1252.decode(bytes.subarray(start)));
      }),
      { numRuns: 2000 },
    );
  });
});

// toLf moves whole lines with native copies: it must equal the plain byte-by-byte rewrite.
test('toLf: random mixes of line endings, as a byte-by-byte rewrite gives them', () => {
  const reference = (b: Uint8Array): number[] => {
    const out: number[] = [];
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0x0d) {
        out.push(0x0a);
        if (b[i + 1] === 0x0a) {
          i++;
        }
      } else {
        out.push(b[i]!);
      }
    }
    return out;
  };
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('\n', '\r', '\r\n', 'a', 'bc', '\r\r'), { maxLength: 16 }),
      parts => {
        const input = ascii(parts.join(''));
        expect([...toLf(input)]).toEqual(reference(input));
      },
    ),
    { numRuns: 5000 },
  );
});

describe('rawHeaderEnd', () => {
  test.each([
    { name: 'LF LF', input: 'A: 1\nB: 2\n\nbody', at: 10 },
    { name: 'CRLF CRLF', input: 'A: 1\r\nB: 2\r\n\r\nbody', at: 12 },
    { name: 'CR CR', input: 'A: 1\rB: 2\r\rbody', at: 10 },
    { name: 'mixed: CRLF then a bare LF blank line', input: 'A: 1\r\n\nbody', at: 6 },
    { name: 'no header at all (blank first line)', input: '\nbody', at: 0 },
    { name: 'CR, then CRLF: two breaks', input: 'A: 1\r\r\nbody', at: 5 },
    { name: 'LF lines, a CR later in the body', input: 'A: 1\n\nbo\r\rdy', at: 5 },
    { name: 'a CR inside a line before LF LF', input: 'A: 1\rx\nB: 2\n\n', at: 12 },
    { name: 'blank first line (CR)', input: '\r\nbody', at: 0 },
    { name: 'no blank line, CRLF', input: 'A: 1\r\nB: 2\r\n', at: -1 },
  ])('finds the blank line: $name (and blankLineIn() in the text)', ({ input, at }) => {
    expect(rawHeaderEnd(ascii(input), 1000)).toBe(at);
    expect(blankLineIn(input)).toBe(at);
  });

  test.each([
    { name: 'no blank line', input: 'A: 1\nB: 2\n', limit: 1000 },
    { name: 'blank line beyond the limit', input: 'A: 1\nB: 2\n\nbody', limit: 8 },
    { name: 'empty input', input: '', limit: 1000 },
  ])('-1 when $name', ({ input, limit }) => {
    expect(rawHeaderEnd(ascii(input), limit)).toBe(-1);
  });

  // The LF-first reading must agree with reading every line break (LF, CRLF, CR) byte by byte.
  test('random mixes of line endings: as a byte-by-byte reading finds it', () => {
    const reference = (b: Uint8Array, limit: number): number => {
      const end = Math.min(b.length, limit);
      let lineStart = 0;
      for (let i = 0; i < end; i++) {
        if (b[i] === 0x0a || b[i] === 0x0d) {
          if (i === lineStart) {
            return i;
          }
          lineStart = b[i] === 0x0d && b[i + 1] === 0x0a ? ++i + 1 : i + 1;
        }
      }
      return -1;
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('\n', '\r', '\r\n', 'a', 'B: 1'), { maxLength: 14 }),
        fc.nat(40),
        (parts, limit) => {
          const input = ascii(parts.join(''));
          expect(rawHeaderEnd(input, limit)).toBe(reference(input, limit));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('headerEnd', () => {
  test.each([
    { name: 'blank line after fields', input: 'A: 1\n\nbody', start: 0, at: 5 },
    { name: 'part without headers', input: 'x\n\nbody', start: 1, at: 1 },
    { name: 'none within the limit', input: 'A: 1\nB: 2\n\n', start: 0, at: -1, limit: 5 },
  ])('$name', ({ input, start, at, limit }) => {
    expect(headerEnd(ascii(input), start, limit ?? 1000)).toBe(at);
  });
});

describe('decodeCharset', () => {
  test.each([
    // "テスト" in the three Japanese encodings Sisimai's Japanese carrier samples use.
    { label: 'ISO-2022-JP', bytes: hex('1b 24 42 25 46 25 39 25 48 1b 28 42'), text: 'テスト' },
    { label: 'Shift_JIS', bytes: hex('83 65 83 58 83 67'), text: 'テスト' },
    { label: 'x-sjis', bytes: hex('83 65 83 58 83 67'), text: 'テスト' },
    { label: 'EUC-JP', bytes: hex('a5 c6 a5 b9 a5 c8'), text: 'テスト' },
    // "Привет" (Russian carriers, koi8-r).
    { label: 'KOI8-R', bytes: hex('f0 d2 c9 d7 c5 d4'), text: 'Привет' },
    // "你好": GB2312 is read as its superset GBK (退信 notices from Chinese providers).
    { label: 'gb2312', bytes: hex('c4 e3 ba c3'), text: '你好' },
    { label: 'GBK', bytes: hex('c4 e3 ba c3'), text: '你好' },
    // Outlook's name for EUC-KR.
    { label: 'ks_c_5601-1987', bytes: hex('c7 d1 b1 db'), text: '한글' },
    { label: 'iso-8859-1', bytes: hex('47 72 fc df 65'), text: 'Grüße' },
    { label: '"utf-8" (quoted label)', bytes: hex('47 72 c3 bc c3 9f 65'), text: 'Grüße' },
    { label: ' UTF-8 ', bytes: hex('47 72 c3 bc c3 9f 65'), text: 'Grüße' },
    { label: undefined, bytes: hex('47 72 c3 bc c3 9f 65'), text: 'Grüße' },
  ])('reads $label', ({ label, bytes, text }) => {
    expect(decodeCharset(bytes, label)).toBe(text);
  });

  test.each([
    // A UTF-8 body declared ISO-2022-JP (seen in Japanese bounces): the 7-bit decoder cannot read it.
    {
      name: 'UTF-8 labelled ISO-2022-JP',
      label: 'iso-2022-jp',
      bytes: hex('47 72 c3 bc c3 9f 65'),
      text: 'Grüße',
    },
    { name: 'UTF-8 labelled us-ascii', label: 'us-ascii', bytes: hex('47 72 c3 bc c3 9f 65'), text: 'Grüße' },
    {
      name: 'UTF-8 labelled Shift_JIS',
      label: 'shift_jis',
      bytes: hex('e3 83 86 e3 82 b9 e3 83 88'),
      text: 'テスト',
    },
  ])('mislabelled UTF-8 is read as UTF-8: $name', ({ label, bytes, text }) => {
    expect(decodeCharset(bytes, label)).toBe(text);
  });

  test.each([
    { name: 'unknown label, UTF-8 bytes', label: 'x-no-such-charset', bytes: hex('c3 a9'), text: 'é' },
    // Bytes 0x80-0x9f are avoided: Node 20's TextDecoder reads windows-1252 as ISO-8859-1 there.
    { name: 'unknown label, 8-bit bytes', label: 'x-no-such-charset', bytes: hex('e9 e8'), text: 'éè' },
    { name: 'unknown-8bit', label: 'unknown-8bit', bytes: hex('e9'), text: 'é' },
    { name: 'empty label', label: '', bytes: hex('c3 a9'), text: 'é' },
    // Object.prototype's member names are labels like any other (the alias table is a Map).
    { name: 'constructor', label: 'constructor', bytes: hex('e9'), text: 'é' },
    { name: '__proto__', label: '__proto__', bytes: hex('c3 a9'), text: 'é' },
  ])('never throws on labels it cannot use: $name', ({ label, bytes, text }) => {
    expect(decodeCharset(bytes, label)).toBe(text);
    // A refused label is remembered: asked again, it answers the same.
    expect(decodeCharset(bytes, label)).toBe(text);
  });

  test('labels are normalised the same however often they are asked, in any case and quoting', () => {
    for (let i = 0; i < 3; i++) {
      expect(decodeCharset(hex('83 65 83 58 83 67'), ' "CP932" ')).toBe('テスト');
      expect(decodeCharset(hex('e9'), 'ISO-8859-1')).toBe('é');
    }
  });

  test('invalid bytes under a real label that UTF-8 cannot read either keep the replacement', () => {
    // 0x80 alone is neither valid ISO-2022-JP nor valid UTF-8.
    expect(decodeCharset(hex('41 80 42'), 'iso-2022-jp')).toContain('\uFFFD');
  });
});

describe('known mistakes', () => {
  // Regression (was a bug): Windows code-page names that WHATWG's TextDecoder does not know and ALIASES does not map fall
  // back to UTF-8/windows-1252, so CJK text becomes mojibake (cp932 is what Python and some Japanese
  // mailers write for Shift_JIS; cp949/cp950/euc-cn likewise for Korean, Big5 and GB2312).
  test.each([
    { label: 'cp932', bytes: hex('83 65 83 58 83 67'), text: 'テスト' },
    { label: 'cp949', bytes: hex('c7 d1 b1 db'), text: '한글' },
    { label: 'cp950', bytes: hex('a4 a4 a4 e5'), text: '中文' },
    { label: 'euc-cn', bytes: hex('c4 e3 ba c3'), text: '你好' },
  ])('reads $label', ({ label, bytes, text }) => {
    expect(decodeCharset(bytes, label)).toBe(text);
  });
});

describe('utf8OrLatin1', () => {
  test.each([
    { name: 'valid UTF-8', bytes: hex('e2 82 ac'), text: '€' },
    { name: 'single-byte when not UTF-8', bytes: hex('47 72 fc df 65'), text: 'Grüße' },
    { name: 'plain ASCII', bytes: ascii('abc'), text: 'abc' },
  ])('$name', ({ bytes, text }) => {
    expect(utf8OrLatin1(bytes)).toBe(text);
  });
});

describe('rawHeaderEnd equals the byte-by-byte reading it replaced (property)', () => {
  /** The first empty line of LF, CRLF or CR lines, read a byte at a time. */
  function byteLoop(bytes: Uint8Array, limit: number): number {
    const end = Math.min(bytes.length, limit);
    let lineStart = 0;
    for (let i = 0; i < end; i++) {
      const b = bytes[i]!;
      if (b !== 0x0a && b !== 0x0d) {
        continue;
      }
      if (i === lineStart) {
        return i;
      }
      if (b === 0x0d && bytes[i + 1] === 0x0a) {
        i++;
      }
      lineStart = i + 1;
    }
    return -1;
  }

  test('random line breaks and limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0x0a, 0x0d, 0x61, 0x20), { maxLength: 40 }),
        fc.integer({ min: 0, max: 45 }),
        (codes, limit) => {
          const bytes = Uint8Array.from(codes);
          expect(rawHeaderEnd(bytes, limit)).toBe(byteLoop(bytes, limit));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('blankLineIn: rawHeaderEnd() read from the latin1 text', () => {
  test('random mixes of line endings: as rawHeaderEnd() finds it in the bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('\n', '\r', '\r\n', 'a', 'B: 1', ' '), { maxLength: 30 }),
        parts => {
          const text = parts.join('');
          expect(blankLineIn(text)).toBe(rawHeaderEnd(ascii(text), text.length + 1));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
