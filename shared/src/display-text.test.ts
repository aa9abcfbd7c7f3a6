import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze } from './analyze';
import { displaySafe, displayText, madeFromText, REPLACED } from './display-text';
import { parseHeaderBlock } from './mime/header-block';
import { summarizeFields } from './headers/summary';
import { decide } from './verdict/decide';
import { emptyProfile } from './verdict/profile';

// Every character that can reorder or rewrite text around it (UAX #9 explicit formatting, separators)
// or drive a terminal (C0, C1, DEL).
const CONTROLS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\r',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u2028',
  '\u2029',
];
const ANY_CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;

describe('displayText', () => {
  test.each(CONTROLS.map(c => ({ c, name: `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}` })))(
    '$name is shown as a replacement character',
    ({ c }) => {
      expect(displayText(`bob${c}@example.org`)).toBe(`bob${REPLACED}@example.org`);
    },
  );

  test.each([
    { name: 'LRM', input: 'שלום\u200e world', expected: 'שלום world' },
    { name: 'RLM', input: 'abc\u200fdef', expected: 'abcdef' },
    { name: 'ALM', input: 'abc\u061cdef', expected: 'abcdef' },
    { name: 'tab and line feed stay', input: 'a\tb\nc', expected: 'a\tb\nc' },
    { name: 'plain right-to-left text stays', input: 'مرحبا بالعالم', expected: 'مرحبا بالعالم' },
    { name: 'emoji and CJK stay', input: '配信不能 📧', expected: '配信不能 📧' },
  ])('$name', ({ input, expected }) => {
    expect(displayText(input)).toBe(expected);
  });

  test('linear on a long run (no backtracking)', () => {
    const input = '\u202e'.repeat(500_000) + 'x';
    const started = performance.now();
    expect(displayText(input).length).toBe(500_001);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('displaySafe', () => {
  test('walks objects and arrays, keeps other values', () => {
    const value = { a: 'x\u202ey', n: 3, b: [{ c: '\u2066z' }], u: undefined, t: true };
    expect(displaySafe(value)).toEqual({
      a: `x${REPLACED}y`,
      n: 3,
      b: [{ c: `${REPLACED}z` }],
      u: undefined,
      t: true,
    });
    // A copy where something changed: the input is untouched.
    expect(value.a).toBe('x\u202ey');
  });

  test('clean data comes back as the same objects (no copy)', () => {
    const clean = { a: 'plain', b: [{ c: 'text' }], n: 1 };
    const safe = displaySafe(clean);
    expect(safe).toBe(clean);
    const mixed = { keep: { x: 'ok' }, change: 'y\u202e' };
    const out = displaySafe(mixed);
    expect(out).not.toBe(mixed);
    expect(out.keep).toBe(mixed.keep);
  });
});

// A Postfix bounce whose subject, failed address and diagnostic carry bidi overrides and isolates.
const hostileBounce = [
  'From: MAILER-DAEMON@mx.example.net (Mail Delivery System)',
  'To: me@example.org',
  'Subject: Undelivered Mail Returned to Sender \u202eevil\u202c',
  'Date: Mon, 2 Nov 2026 10:00:00 +0000',
  'Message-ID: <bounce1@mx.example.net>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
  '',
  '--B',
  'Content-Type: text/plain',
  '',
  'This is the mail system at host mx.example.net.',
  '',
  '--B',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; bob\u202e@example.com',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 \u2067user unknown\u2069 \u2066x\u2068y',
  '',
  '--B',
  'Content-Type: text/rfc822-headers',
  '',
  'From: me@example.org',
  'To: bob@example.com',
  'Subject: Hello \u202eereht',
  'Message-ID: <orig\u202e1@example.org>',
  '',
  '--B--',
  '',
].join('\n');

test('analyze() output and the decision built on it carry no control character', async () => {
  const analysis = await analyze(new TextEncoder().encode(hostileBounce));
  expect(analysis.kind).toBe('ndr');
  expect(analysis.recipients.length).toBeGreaterThan(0);
  const decision = decide(analysis, emptyProfile(['me@example.org']), {});
  const strings: string[] = [];
  JSON.stringify({ analysis, decision }, (_key, value: unknown) => {
    if (typeof value === 'string') {
      strings.push(value);
    }
    return value;
  });
  expect(strings.filter(s => ANY_CONTROL.test(s))).toEqual([]);
  expect(analysis.subject).toContain(REPLACED);
  expect(analysis.recipients[0]?.address).toContain(REPLACED);
});

// A list recorded with the text it was made of is not walked when that text holds nothing to change:
// an original's header fields and Received hops, as summarizeFields() records them, must then be
// exactly what the walk would give.
describe('madeFromText: header fields and hops vouched for by their block', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      'Subject: ',
      'Received: from ',
      ' by ',
      ' with ',
      '(HELO ',
      ' [192.0.2.1]',
      ')',
      '; ',
      'X-A:',
      '\n',
      '\n ',
      '\n\t',
      ' ',
      ';',
      '\nb=1',
      'Text',
      ...CONTROLS,
    ),
    fc.string({ maxLength: 4 }),
  );
  const summary = (headerText: string, withText: boolean) =>
    summarizeFields({
      fields: parseHeaderBlock(headerText).fields,
      via: 'inline',
      headersTruncated: false,
      bodyTruncated: true,
      bodyExcerpt: undefined,
      bodyCharsets: [],
      headerText: withText ? headerText : undefined,
    });
  test('random blocks: the same result with and without the record', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), pieces => {
        const block = pieces.join('');
        expect(displaySafe(summary(block, true))).toEqual(displaySafe(summary(block, false)));
      }),
      { numRuns: 3000 },
    );
  });
  test('a clean text: the list itself comes back; a control in it: the walk replaces', () => {
    const clean = [{ name: 'subject', value: 'hello' }];
    madeFromText(clean, 'Subject: hello\n');
    expect(displaySafe(clean)).toBe(clean);
    const dirty = [{ name: 'subject', value: 'a\u202eb' }];
    madeFromText(dirty, 'Subject: a\u202eb\n');
    expect(displaySafe(dirty)).toEqual([{ name: 'subject', value: `a${REPLACED}b` }]);
  });
});
