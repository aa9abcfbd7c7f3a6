import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { textFrom } from '../../test/arbitraries';
import { parameters, parseContentType, simpleParameters } from './content-type';

describe('parseContentType', () => {
  test.each([
    { name: 'absent: RFC 2045 §5.2 default', value: undefined, type: 'text/plain', params: {} },
    { name: 'empty', value: '', type: 'text/plain', params: {} },
    { name: 'type only, upper case', value: 'Multipart/Mixed', type: 'multipart/mixed', params: {} },
    {
      name: 'quoted charset, case of the value kept',
      value: 'text/plain; charset="ISO-2022-JP"',
      type: 'text/plain',
      params: { charset: 'ISO-2022-JP' },
    },
    {
      // Postfix: "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=…" (unfolded).
      name: 'several parameters, names lower-cased',
      value: 'multipart/report; Report-Type=delivery-status; Boundary="9B095B5ADF.1163744484/mx.example.jp"',
      type: 'multipart/report',
      params: { 'report-type': 'delivery-status', boundary: '9B095B5ADF.1163744484/mx.example.jp' },
    },
    {
      // /\s/ separates as the regex scanner had it: NBSP and U+3000 too, around "=" and between pairs.
      name: 'Unicode white space between and around parameters',
      value: 'text/plain;\u00a0charset\u3000=\u00a0utf-8\u2028format=flowed',
      type: 'text/plain',
      params: { charset: 'utf-8', format: 'flowed' },
    },
    {
      name: 'a ";" inside quotes belongs to the value',
      value: 'multipart/mixed; boundary="a;b c"',
      type: 'multipart/mixed',
      params: { boundary: 'a;b c' },
    },
    {
      name: 'backslash escapes inside quotes (RFC 5322 quoted-pair)',
      value: 'application/octet-stream; name="a \\"quoted\\" name.txt"',
      type: 'application/octet-stream',
      params: { name: 'a "quoted" name.txt' },
    },
    {
      name: 'spaces around "="',
      value: 'text/plain ; charset = us-ascii',
      type: 'text/plain',
      params: { charset: 'us-ascii' },
    },
    {
      name: 'the first of a repeated parameter wins',
      value: 'text/plain; charset=utf-8; charset=iso-8859-1',
      type: 'text/plain',
      params: { charset: 'utf-8' },
    },
    {
      // RFC 2231 §3: name*0, name*1, … are joined in index order.
      name: 'RFC 2231 continuations',
      value: 'multipart/mixed; boundary*0="----=_NextPart_000_0012"; boundary*1="_01D3A1B2.C3D4E5F6"',
      type: 'multipart/mixed',
      params: { boundary: '----=_NextPart_000_0012_01D3A1B2.C3D4E5F6' },
    },
    {
      name: 'RFC 2231 continuations out of order',
      value: 'multipart/mixed; boundary*1="tail"; boundary*0="head-"',
      type: 'multipart/mixed',
      params: { boundary: 'head-tail' },
    },
    {
      name: 'RFC 2231 extended value: the "*" is dropped from the name',
      value: "text/plain; charset*=us-ascii'en'",
      type: 'text/plain',
      params: { charset: "us-ascii'en'" },
    },
    {
      name: 'a plain parameter beats a continued one of the same name',
      value: 'multipart/mixed; boundary=plain; boundary*0=cont',
      type: 'multipart/mixed',
      params: { boundary: 'plain' },
    },
    {
      // X1 bounces: "Content-Type: text/plain\n   charset=iso-2022-jp" — no ";" at all (after unfolding).
      name: 'broken: parameter after white space only',
      value: 'text/plain   charset=iso-2022-jp',
      type: 'text/plain',
      params: { charset: 'iso-2022-jp' },
    },
    {
      name: 'broken: parameters without a type',
      value: 'charset=utf-8',
      type: 'text/plain',
      params: { charset: 'utf-8' },
    },
    { name: 'garbage', value: 'nonsense', type: 'text/plain', params: {} },
  ])('$name', ({ value, type, params }) => {
    expect(parseContentType(value)).toEqual({ type, params });
  });

  test('bounded on hostile input', () => {
    const value = 'multipart/mixed; ' + 'a=b; '.repeat(100_000) + 'boundary=late';
    const ct = parseContentType(value);
    expect(ct.type).toBe('multipart/mixed');
    expect(ct.params['boundary']).toBeUndefined(); // beyond the 4000 characters read
  });
});

// Issue 8 §1: the parameter regex re-read each run of white space from every one of its characters.
describe('linear on hostile values', () => {
  test.each([
    { name: 'white space', value: 'text/plain;' + ' \n\t'.repeat(1300) + 'x' },
    { name: 'quotes and tabs', value: 'text/plain' + '\t"'.repeat(2000) },
    { name: 'names without "="', value: 'text/plain' + '; a'.repeat(1300) },
  ])('$name', ({ value }) => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) {
      parseContentType(value);
    }
    expect(performance.now() - start).toBeLessThan(3000);
  });

  test.each([
    ['text/plain; a = "x\\"y" ; b=z', { a: 'x"y', b: 'z' }],
    ['text/plain; a="unclosed', { a: '"unclosed' }],
    ['text/plain; a b=c', { b: 'c' }],
  ])('%j', (value, params) => {
    expect(parseContentType(value).params).toEqual(params);
  });
});

// The sticky-regex reading of the usual parameters must give the scanner's pairs whenever it answers.
describe('simpleParameters reads what the scanner reads, or leaves it to the scanner', () => {
  const rest = textFrom(
    [';', ' ', '\t', '=', '"', '\\', 'a', 'B', '*', '0', "utf-8''x", 'charset=', 'b=c', '"q r"', '\u00a0'],
    14,
  ).map(t => ';' + t);

  test('random parameter text', () => {
    let read = 0;
    fc.assert(
      fc.property(rest, r => {
        const simple = simpleParameters(r);
        if (simple !== undefined) {
          read++;
          expect(simple).toEqual(parameters(r));
        }
      }),
      { numRuns: 20000 },
    );
    expect(read).toBeGreaterThan(100);
  });

  test.each([
    ['; charset=us-ascii', [['charset', 'us-ascii']]],
    [
      '; boundary="a b";charset=x ',
      [
        ['boundary', 'a b'],
        ['charset', 'x'],
      ],
    ],
    ['; a= b', undefined],
    ['; a=b c=d', undefined],
    ['; a="b\\"c"', undefined],
    [';', undefined],
  ])('%j', (r, want) => {
    expect(simpleParameters(r)).toEqual(want);
  });

  test('a token longer than 2,000 characters goes to the scanner', () => {
    expect(simpleParameters(';a=' + 'x'.repeat(2001))).toBeUndefined();
    expect(parseContentType('text/plain; a=' + 'x'.repeat(2001) + '; b=c').params['b']).toBe('c');
  });
});

describe('parseContentType remembers short values', () => {
  test('the same reading, frozen, for a value seen before', () => {
    const value = 'text/plain; charset="iso-8859-1"; format=flowed';
    const first = parseContentType(value);
    expect(first).toEqual({ type: 'text/plain', params: { charset: 'iso-8859-1', format: 'flowed' } });
    expect(parseContentType(value)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.params)).toBe(true);
    // A caller cannot change what the next message reads.
    expect(() => {
      (first.params as Record<string, string>)['charset'] = 'x';
    }).toThrow(TypeError);
  });

  test('bounded: after more values than it keeps, a value reads the same', () => {
    const value = 'multipart/report; report-type=delivery-status; boundary="=_b1"';
    const want = parseContentType(value);
    for (let i = 0; i < 1500; i++) {
      parseContentType(`text/plain; name=part${i}`);
    }
    expect(parseContentType(value)).toEqual(want);
  });

  test('a long value is read each time, not kept', () => {
    const value = 'text/plain; name=' + 'x'.repeat(300);
    const first = parseContentType(value);
    expect(parseContentType(value)).not.toBe(first);
    expect(parseContentType(value)).toEqual(first);
  });

  test('the empty value is a fresh text/plain each time', () => {
    expect(parseContentType(undefined)).toEqual({ type: 'text/plain', params: {} });
    expect(parseContentType('')).not.toBe(parseContentType(''));
  });
});
