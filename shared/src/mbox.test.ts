import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  contentLengthEnd,
  contentLengthEndByLines,
  lastSeparatorStart,
  looksLikeMbox,
  splitMbox,
} from './mbox';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repoRoot, 'test/corpus/sisimai');
const read = (rel: string): Uint8Array => new Uint8Array(readFileSync(path.join(corpus, rel)));

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder('latin1').decode(b);
const texts = (s: string, format?: 'mboxo' | 'mboxrd'): string[] =>
  splitMbox(enc(s), format ? { format } : {}).map(dec);
const lines = (b: Uint8Array): string[] => dec(b).replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');

describe('splitMbox on the Sisimai mailboxes', () => {
  // maildir/err/make-test-NN.eml are mailbox/mbox-0 divided by Sisimai's authors (re-encoded to LF, and some
  // Subjects re-encoded), so line count, first and last line must match message by message.
  it('mbox-0 (CRLF) gives the 37 messages of maildir/err, in order', () => {
    const messages = splitMbox(read('mailbox/mbox-0'));
    expect(messages).toHaveLength(37);
    messages.forEach((message, i) => {
      const expected = lines(read(`maildir/err/make-test-${String(i + 1).padStart(2, '0')}.eml`));
      const got = lines(message);
      expect({ n: i + 1, count: got.length, first: got[0], last: got.at(-1) }).toEqual({
        n: i + 1,
        count: expected.length,
        first: expected[0],
        last: expected.at(-1),
      });
    });
  });

  it('keeps CRLF line endings as they are', () => {
    const first = splitMbox(read('mailbox/mbox-0'))[0];
    expect(first && dec(first.subarray(0, 40))).toMatch(/^Received: from localhost \(localhost\)\r\n/);
  });

  test.each([
    ['LF', '\n'],
    ['CR only', '\r'],
    ['CRLF', '\r\n'],
  ])('mbox-0 converted to %s splits the same way', (_name, eol) => {
    const crlf = dec(read('mailbox/mbox-0'));
    const converted = crlf.replace(/\r\n/g, eol);
    const bytes = new Uint8Array([...converted].map(c => c.charCodeAt(0)));
    const messages = splitMbox(bytes);
    expect(messages).toHaveLength(37);
    expect(messages.map(m => lines(m).length)).toEqual(
      splitMbox(read('mailbox/mbox-0')).map(m => lines(m).length),
    );
  });

  test.each([
    ['mbox-1', 1],
    ['size-0', 0], // empty file
    ['size-1', 0], // a single space
    ['size-2', 1], // "22\n": not an mbox, but never dropped
  ])('%s gives %i message(s)', (file, count) => {
    expect(splitMbox(read(`mailbox/${file}`))).toHaveLength(count);
  });
});

describe('splitMbox separators', () => {
  test.each<[string, string, string[]]>([
    [
      'two messages, blank line between',
      'From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\nbody1\n\nFrom b@y Thu Sep 18 17:55:04 2008\nB: 2\n\nbody2\n',
      ['A: 1\n\nbody1\n', 'B: 2\n\nbody2\n'],
    ],
    [
      'no blank line before the separator',
      'From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\nb\nFrom b@y Fri Sep 19 01:00:00 2008\nB: 2\n',
      ['A: 1\n\nb\n', 'B: 2\n'],
    ],
    [
      'Thunderbird "From - " separator',
      'From - Thu Sep 18 17:54:04 2008\r\nA: 1\r\n\r\nx\r\n\r\nFrom - Thu Sep 18 17:54:05 2008\r\nB: 2\r\n',
      ['A: 1\r\n\r\nx\r\n', 'B: 2\r\n'],
    ],
    ['two spaces and a zone', 'From MAILER-DAEMON  Wed Sep 17 22:25:40 2008 +0000\nA: 1\n', ['A: 1\n']],
    [
      'prose "From " in a body is not a separator',
      'From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\nFrom my point of view\nit works\n',
      ['A: 1\n\nFrom my point of view\nit works\n'],
    ],
    [
      '"From:" header at the start is not a separator',
      'From: a@x\nSubject: s\n\nbody\n',
      ['From: a@x\nSubject: s\n\nbody\n'],
    ],
    [
      'text before the first separator is kept',
      'junk: 1\n\nFrom a@x Thu Sep 18 17:54:04 2008\nA: 1\n',
      ['junk: 1\n', 'A: 1\n'],
    ],
    [
      'an empty message is dropped, the rest kept',
      'From a@x Thu Sep 18 17:54:04 2008\n\nFrom b@y Thu Sep 18 17:54:04 2008\nB: 1\n',
      ['B: 1\n'],
    ],
    ['no final newline', 'From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\nend', ['A: 1\n\nend']],
    [
      'UTF-8 BOM before the first separator',
      '\u00ef\u00bb\u00bfFrom a@x Thu Sep 18 17:54:04 2008\nA: 1\n',
      ['A: 1\n'],
    ],
  ])('%s', (_name, input, expected) => {
    const bytes = new Uint8Array([...input].map(c => c.charCodeAt(0)));
    expect(splitMbox(bytes).map(dec)).toEqual(expected);
  });
});

describe('splitMbox escaping', () => {
  const rd = 'From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\n>From here\n>>From there\nplain >From\n';
  it('auto-detects mboxrd from a ">>From " line and removes one ">" per escaped line', () => {
    expect(texts(rd)).toEqual(['A: 1\n\nFrom here\n>From there\nplain >From\n']);
  });
  it('leaves mboxo ">From " alone (not reversible)', () => {
    const o = 'From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\n>From here\n';
    expect(texts(o)).toEqual(['A: 1\n\n>From here\n']);
  });
  it('honours an explicit format', () => {
    expect(texts(rd, 'mboxo')).toEqual(['A: 1\n\n>From here\n>>From there\nplain >From\n']);
    expect(texts('From a@x Thu Sep 18 17:54:04 2008\r\nA: 1\r\n\r\n>From x\r\n', 'mboxrd')).toEqual([
      'A: 1\r\n\r\nFrom x\r\n',
    ]);
  });
  // The ">>From " look rides on the separator search (each "F" it visits): only a run of two or more
  // ">" that starts a line makes the file mboxrd.
  it.each([
    ['>>From deep, after a CR', 'x\r>>>From y\n', ['A: 1\n\nx\r>>From y\n']],
    ['at the start of the body', '>>From y\n', ['A: 1\n\n>From y\n']],
    ['inside a line: not an escape', 'x >>From y\n>From z\n', ['A: 1\n\nx >>From y\n>From z\n']],
    ['one ">" only: not mboxrd', '>From y\n', ['A: 1\n\n>From y\n']],
  ])('auto-detects mboxrd: %s', (_name, body, expected) => {
    expect(texts('From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\n' + body)).toEqual(expected);
  });
  it('un-escapes after CR-only line ends too', () => {
    expect(texts('From a@x Thu Sep 18 17:54:04 2008\rA: 1\r\r>From x\r', 'mboxrd')).toEqual([
      'A: 1\r\rFrom x\r',
    ]);
  });
});

describe('splitMbox at scale', () => {
  it('splits 20,000 messages and loses none', () => {
    const one = 'From a@x Thu Sep 18 17:54:04 2008\nSubject: n\n\nFrom the desk of\n>From x\n\n';
    const messages = splitMbox(enc(one.repeat(20_000)));
    expect(messages).toHaveLength(20_000);
    expect(new Set(messages.map(dec)).size).toBe(1);
  });
  it('handles a long line of "From " repeated without a line break', () => {
    const messages = splitMbox(enc('From a@x Thu Sep 18 17:54:04 2008\n' + 'From '.repeat(200_000)));
    expect(messages).toHaveLength(1);
  });
});

describe('looksLikeMbox', () => {
  test.each<[string, boolean]>([
    ['From MAILER-DAEMON Thu Sep 18 17:54:04 2008\n', true],
    ['\nFrom - Thu Sep 18 17:54:04 2008\r\n', true],
    ['From: someone@example.org\n', false],
    ['Received: from x\n', false],
    ['From nobody\n', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(looksLikeMbox(enc(input))).toBe(expected);
  });
});

describe('lastSeparatorStart', () => {
  test.each<[string, number]>([
    ['From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\nFrom b@y Thu Sep 18 17:55:04 2008\nB: 2\n', 40],
    ['From a@x Thu Sep 18 17:54:04 2008\r\nA: 1\r\n\r\nFrom b@y Thu Sep 18 17:55:04 2008\r\n', 43],
    ['From a@x Thu Sep 18 17:54:04 2008\rA: 1\r\rFrom b@y Thu Sep 18 17:55:04 2008\r', 40],
    ['From a@x Thu Sep 18 17:54:04 2008\nA: 1\n', -1], // only the first
    ['From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\nFrom my point of view\n', -1], // prose
    ['From a@x Thu Sep 18 17:54:04 2008\nA: 1\n\nFrom b@y Thu Sep', -1], // cut off: wait for more
  ])('%j → %i', (input, expected) => {
    expect(lastSeparatorStart(enc(input))).toBe(expected);
  });

  it('splitting mbox-0 in pieces at the last separator gives the same 37 messages', () => {
    const whole = read('mailbox/mbox-0');
    const pieces: Uint8Array[] = [];
    let carry = new Uint8Array();
    for (let at = 0; at < whole.length; at += 4096) {
      const next = new Uint8Array(carry.length + Math.min(4096, whole.length - at));
      next.set(carry);
      next.set(whole.subarray(at, at + 4096), carry.length);
      const cut = lastSeparatorStart(next);
      if (cut > 0) {
        pieces.push(...splitMbox(next.subarray(0, cut)));
        carry = next.slice(cut);
      } else {
        carry = next;
      }
    }
    pieces.push(...splitMbox(carry));
    expect(pieces.map(dec)).toEqual(splitMbox(whole).map(dec));
  });
});

describe('splitMbox never loses content (property)', () => {
  // The splitter's rule: after "From ", a time hh:mm and a four-digit year.
  const isSeparator = (l: string): boolean =>
    l.startsWith('From ') &&
    /\d{1,2}:\d{2}(?::\d{2})?\b/.test(l.slice(5)) &&
    /\b(?:19|20)\d{2}\b/.test(l.slice(5));
  const line = fc.oneof(
    fc.constantFrom(
      'From a@x Thu Sep 18 17:54:04 2008',
      'From - Mon Jan  1 00:00:00 2024',
      'From my point of view',
      'From:',
      '>From here',
      '>>From there',
      '',
      ' ',
      'Subject: x',
      'body text',
    ),
    fc.string({ maxLength: 30 }).map(s => s.replace(/[\r\n]/g, '')),
  );
  const eol = fc.constantFrom('\n', '\r\n', '\r');

  test('mboxo: every line that is not a separator comes back, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { maxLength: 60 }), lines => {
        const input = lines.map(([l, e]) => l + e).join('');
        const bytes = new Uint8Array([...input].map(c => c.charCodeAt(0) & 0xff));
        const out = splitMbox(bytes, { format: 'mboxo' }).map(dec).join('\n');
        const kept = (text: string): string[] => text.split(/\r\n|\n|\r/).filter(l => l.trim() !== '');
        // Separator lines are removed (the first line always counts as one when it starts "From ").
        const expected = lines
          .map(([l]) => l)
          .filter((l, i) => !(isSeparator(l) || (i === 0 && l.startsWith('From '))))
          .filter(l => l.trim() !== '');
        expect(kept(out)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mboxrd round trip (property)', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'From a@x Thu Sep 18 17:54:04 2008',
      'From here',
      '>From there',
      '>>>From deep',
      'From:',
      '',
      'text',
    ),
    fc.string({ maxLength: 20 }).map(s => s.replace(/[\r\n]/g, '')),
  );

  test.each([['\n'], ['\r\n']])(
    'what an mboxrd writer wrote (EOL %j) splits back into the same messages',
    eol => {
      fc.assert(
        fc.property(
          fc.array(fc.array(line, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }),
          messages => {
            // RFC 4155 / mboxrd: separator, body with /^>*From / gaining one ">", and an empty line after each message.
            const written = messages
              .map(
                lines =>
                  `From sender@example.org Thu Sep 18 17:54:04 2008${eol}${lines.map(l => (/^>*From /.test(l) ? '>' + l : l) + eol).join('')}${eol}`,
              )
              .join('');
            const expected = messages
              .map(lines => lines.map(l => l + eol).join(''))
              .filter(m => m.trim() !== '');
            expect(
              splitMbox(enc(written), { format: 'mboxrd' }).map(b => new TextDecoder().decode(b)),
            ).toEqual(expected);
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});

describe('mboxcl2: Content-Length says where a body with unescaped "From " lines ends', () => {
  const body = 'Hello,\nFrom Monday 09:30 in 2026 the office moves.\nBye\n';
  const cl2 = (length: number, eol = '\n') =>
    [
      'From anna@example.org Tue Mar  3 10:00:00 2026',
      'From: anna@example.org',
      'Subject: move',
      `Content-Length: ${length}`,
      '',
      body.replace(/\n$/, '').replace(/\n/g, eol),
      '',
      'From bert@example.net Tue Mar  3 11:00:00 2026',
      'From: bert@example.net',
      'Subject: second',
      'Content-Length: 3',
      '',
      'ok',
      '',
    ].join(eol);
  test.each<[string, string, number]>([
    ['LF, right length', '\n', body.length],
    ['CRLF, right length', '\r\n', body.replace(/\n/g, '\r\n').length],
    // Read by LFs first: a header block with CRs alone must still be read line by line.
    ['CR alone, right length', '\r', body.replace(/\n/g, '\r').length],
  ])('%s: two messages, the first body whole', (_, eol, length) => {
    const got = texts(cl2(length, eol));
    expect(got).toHaveLength(2);
    expect(got[0]).toContain(`From Monday 09:30 in 2026 the office moves.${eol}Bye`);
    expect(got[1]).toContain('Subject: second');
  });
  test('thousands of messages, each with an inner From line: every one kept whole, in linear time', () => {
    const one = cl2(body.length);
    const many = one.repeat(3000);
    const t0 = performance.now();
    const got = splitMbox(enc(many));
    expect(got).toHaveLength(6000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  test('a Content-Length that does not land on a separator changes nothing (mboxo reading)', () => {
    expect(texts(cl2(body.length - 5))).toHaveLength(3);
  });
  // The header-line loops look at a line only when its first letter is a C (either case), and find a
  // line's first CR with a native search: the header's spellings, and a CR alone in the middle of a line
  // (a line break of its own), must still be read as the byte loop read them.
  test.each<[string, string, number]>([
    ['lower-case name', 'content-length: #', 2],
    ['upper-case name, blanks around N', 'CONTENT-LENGTH:\t # ', 2],
    ['after a CR alone in the line before', 'X-Note: a\rContent-Length: #', 2],
    [
      'after a CR alone that is followed by a C header',
      'X-Note: a\rContent-Type: text/plain\nContent-Length: #',
      2,
    ],
    ['not the name at the line start', 'XContent-Length: #', 3],
    ['another C header only', 'Content-Type: text/plain', 3],
  ])('%s (%j): %i messages', (_, line, want) => {
    for (const eol of ['\n', '\r\n']) {
      const length = body.replace(/\n/g, eol).length;
      const file = cl2(length, eol).replace(`Content-Length: ${length}`, line.replace('#', String(length)));
      expect(texts(file)).toHaveLength(want);
    }
  });
});

describe('the Content-Length reading by LFs agrees with the line-by-line reading (property)', () => {
  // contentLengthEnd() reads LF and CRLF header blocks from the LF search alone and leaves everything
  // else to contentLengthEndByLines(), the general reading: both must name the same body end for any
  // block, line endings mixed, CRs alone inside lines and empty lines of every kind included.
  const line = fc.oneof(
    fc.constantFrom(
      'Content-Length: 5',
      'content-length:\t12 ',
      'CONTENT-LENGTH: 0',
      'Content-Length: 7\rX: y',
      'X: a\rContent-Length: 3',
      'Content-Type: text/plain',
      'Subject: x',
      ' folded',
      '',
      'c',
    ),
    fc.string({ maxLength: 12 }).map(s => s.replace(/[\r\n]/g, '')),
  );
  const eol = fc.constantFrom('\n', '\r\n', '\r', '');
  const bytesOf = (s: string) => new Uint8Array([...s].map(c => c.charCodeAt(0) & 0xff));

  test.each<[string, string]>([
    ['CRLF block', 'A: 1\r\nContent-Length: 4\r\n\r\nbody'],
    ['LF block', 'A: 1\nContent-Length: 4\n\nbody'],
    ['CRLF lines, LF empty line', 'A: 1\r\nContent-Length: 4\r\n\nbody'],
    ['LF lines, CRLF empty line', 'A: 1\nContent-Length: 4\n\r\nbody'],
    ['a CR alone in a CRLF line', 'A: 1\rContent-Length: 2\r\nContent-Length: 4\r\n\r\nbody'],
    ['a CR alone as the empty line', 'A: 1\r\nContent-Length: 4\r\n\rbody'],
    ['empty block, CRLF', '\r\nbody'],
    ['no empty line', 'A: 1\r\nContent-Length: 4\r\n'],
  ])('%s', (_, text) => {
    const bytes = bytesOf(text);
    expect(contentLengthEnd(bytes, 0)).toBe(contentLengthEndByLines(bytes, 0, bytes.length));
  });

  test('random blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { maxLength: 12 }), fc.nat(3), (lines, skip) => {
        const bytes = bytesOf(lines.map(([l, e]) => l + e).join(''));
        const from = Math.min(skip, bytes.length);
        expect(contentLengthEnd(bytes, from)).toBe(contentLengthEndByLines(bytes, from, bytes.length));
      }),
      { numRuns: 2000 },
    );
  });
});
