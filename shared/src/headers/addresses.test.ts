import fc from 'fast-check';
import { textFrom } from '../../test/arbitraries';
import { addressParser } from 'postal-mime';
import { describe, expect, test } from 'vitest';
import {
  cleanAddress,
  cleanMessageId,
  domainOf,
  findAddresses,
  messageIds,
  parseAddresses,
  quickMailboxes,
  simpleMailboxes,
} from './addresses';

describe('parseAddresses (RFC 5322 §3.4)', () => {
  test.each([
    { name: 'undefined', value: undefined, want: [] },
    {
      name: 'bare address, domain and local part lower-cased',
      value: 'Kijitora@Example.JP',
      want: [{ name: undefined, address: 'kijitora@example.jp' }],
    },
    {
      name: 'quoted display name with a comma',
      value: '"Kijitora, Neko" <kijitora@example.jp>',
      want: [{ name: 'Kijitora, Neko', address: 'kijitora@example.jp' }],
    },
    {
      name: 'a list',
      value: 'a@example.org, "B" <b@example.org>,c@example.net',
      want: [
        { name: undefined, address: 'a@example.org' },
        { name: 'B', address: 'b@example.org' },
        { name: undefined, address: 'c@example.net' },
      ],
    },
    {
      // "Subject"-style encoded words in display names (RFC 2047 §5): "山田" in UTF-8.
      name: 'encoded-word display name',
      value: '=?UTF-8?B?5bGx55Sw?= <yamada@example.jp>',
      want: [{ name: '山田', address: 'yamada@example.jp' }],
    },
    {
      name: 'a group is opened',
      value: 'Team: a@example.org, "Bee" <b@example.org>;, c@example.net',
      want: [
        { name: undefined, address: 'a@example.org' },
        { name: 'Bee', address: 'b@example.org' },
        { name: undefined, address: 'c@example.net' },
      ],
    },
    { name: 'an empty group', value: 'undisclosed-recipients:;', want: [] },
    {
      // Exim: "kijitora@example.com <neko@example.net>" — the display name looks like an address.
      name: 'a display name that looks like an address',
      value: '"kijitora@example.com" <neko@example.net>',
      want: [{ name: 'kijitora@example.com', address: 'neko@example.net' }],
    },
    { name: 'no domain dot (local only)', value: 'root@localhost', want: [] },
    { name: 'no @ at all', value: 'MAILER-DAEMON', want: [] },
  ])('$name', ({ value, want }) => {
    expect(parseAddresses(value)).toEqual(want);
  });

  test('bounded: at most 200 addresses', () => {
    const value = Array.from({ length: 500 }, (_, i) => `u${i}@example.org`).join(', ');
    expect(parseAddresses(value)).toHaveLength(200);
  });

  // RFC 5321 §4.1.2: a quoted local part ('"neko....nyaan...."@example.org', Sisimai rfc3464 samples).
  test('quoted local part keeps its quotes', () => {
    expect(parseAddresses('<"neko....nyaan...."@example.org>').map(m => m.address)).toEqual([
      '"neko....nyaan...."@example.org',
    ]);
  });
});

describe('quickMailboxes', () => {
  test.each([
    {
      name: 'quoted name',
      value: '"Mail Delivery System" <MAILER-DAEMON@mx.example.jp>',
      want: [{ name: 'Mail Delivery System', address: 'mailer-daemon@mx.example.jp' }],
    },
    {
      name: 'unquoted name, then more addresses (only the first gets a name)',
      value: 'Neko <neko@example.org>, Tora <tora@example.org>',
      want: [
        { name: 'Neko', address: 'neko@example.org' },
        { name: undefined, address: 'tora@example.org' },
      ],
    },
    { name: 'bare address', value: 'a@example.org', want: [{ name: undefined, address: 'a@example.org' }] },
    { name: 'undefined', value: undefined, want: [] },
  ])('$name', ({ value, want }) => {
    expect(quickMailboxes(value)).toEqual(want);
  });
});

describe('findAddresses', () => {
  test('in order, unique, domain-insensitive duplicates merged', () => {
    const text =
      'to <A@Example.ORG>: 550 user unknown; also a@example.org and b@example.com and c@example.net.';
    expect(findAddresses(text)).toEqual(['a@example.org', 'b@example.com', 'c@example.net']);
  });

  test('the limit', () => {
    const text = Array.from({ length: 30 }, (_, i) => `x${i}@example.org`).join(' ');
    expect(findAddresses(text, 5)).toHaveLength(5);
  });

  test.each(['no addresses here', 'user@localhost', '@@@@@@', 'a@b'])('none in "%s"', text => {
    expect(findAddresses(text)).toEqual([]);
  });
});

describe('cleanAddress', () => {
  test.each([
    // RFC 3464 §2.3.2 "Final-Recipient: rfc822; kijitora@example.jp".
    { raw: 'rfc822; Kijitora@Example.JP', want: 'kijitora@example.jp' },
    { raw: 'RFC822;kijitora@example.jp', want: 'kijitora@example.jp' },
    { raw: 'utf-8; kijitora@example.jp', want: 'kijitora@example.jp' },
    { raw: '<kijitora@example.jp>:', want: 'kijitora@example.jp' },
    { raw: '<kijitora@example.jp>...', want: 'kijitora@example.jp' },
    { raw: "'kijitora@example.jp'", want: 'kijitora@example.jp' },
    { raw: '(kijitora@example.jp)', want: 'kijitora@example.jp' },
    { raw: 'mailto:kijitora@example.jp', want: 'kijitora@example.jp' },
    { raw: 'kijitora@example.jp.', want: 'kijitora@example.jp' },
    { raw: '..kijitora@example.jp', want: 'kijitora@example.jp' },
    { raw: '"neko....nyaan...."@example.org', want: '"neko....nyaan...."@example.org' },
    { raw: '<"neko nyaan"@Example.ORG>', want: '"neko nyaan"@example.org' },
  ])('fires: $raw', ({ raw, want }) => {
    expect(cleanAddress(raw)).toBe(want);
  });

  test.each([
    '',
    'MAILER-DAEMON',
    '@example.org',
    'kijitora@',
    'root@localhost',
    `${'a'.repeat(320)}@example.org`,
  ])('stays quiet: "%s"', raw => {
    expect(cleanAddress(raw)).toBeUndefined();
  });

  // Answers are remembered (a bounded memo, emptied when full): asked again, before and after the memo
  // was filled past its size by other addresses, every answer is the first one, undefined included.
  test('remembered answers are the computed ones', () => {
    const raw = fc.oneof(
      textFrom(['a', 'B', '@', '.', '<', '>', '"', ' ', 'rfc822;', 'mailto:', '[1]', 'example.org', ']'], 12),
      fc.constantFrom(
        '',
        'kijitora@Example.JP',
        'MAILER-DAEMON',
        '__proto__',
        'constructor',
        `${'a'.repeat(330)}@b.c`,
      ),
    );
    fc.assert(
      fc.property(fc.array(raw, { minLength: 1, maxLength: 20 }), list => {
        const first = list.map(r => cleanAddress(r));
        expect(list.map(r => cleanAddress(r))).toEqual(first);
        for (let i = 0; i < 600; i++) {
          cleanAddress(`filler${i}@example.org`);
        }
        expect(list.map(r => cleanAddress(r))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  // Regression (was a bug): the trailing-punctuation strip also removes the "]" of an address literal (RFC 5321 §4.1.3),
  // so "user@[192.0.2.1]" comes out as "user@[192.0.2.1" (findAddresses does the same).
  test('an address literal keeps its closing bracket', () => {
    expect(cleanAddress('user@[192.0.2.1]')).toBe('user@[192.0.2.1]');
  });
});

describe('domainOf', () => {
  test.each([
    { a: 'kijitora@Example.JP', want: 'example.jp' },
    { a: '"a@b"@example.org', want: 'example.org' },
    { a: 'nodomain', want: 'nodomain' },
  ])('$a', ({ a, want }) => {
    expect(domainOf(a)).toBe(want);
  });
});

describe('cleanMessageId (RFC 5322 §3.6.4)', () => {
  test.each([
    { value: '<20100429143445.1234@example.jp>', want: '20100429143445.1234@example.jp' },
    { value: '  <a.b@example.jp> (added by mx.example.jp)', want: 'a.b@example.jp' },
    { value: '<first@example.jp> <second@example.jp>', want: 'first@example.jp' },
    { value: 'bare@example.jp', want: 'bare@example.jp' },
    { value: 'bare@example.jp trailing words', want: 'bare@example.jp' },
    { value: '<CAKx=Yq+3_Ab@mail.gmail.com>', want: 'CAKx=Yq+3_Ab@mail.gmail.com' },
  ])('fires: $value', ({ value, want }) => {
    expect(cleanMessageId(value)).toBe(want);
  });

  test.each([undefined, '', '   ', '<>', `<${'x'.repeat(600)}@example.jp>`])('stays quiet: %s', value => {
    expect(cleanMessageId(value)).toBeUndefined();
  });
});

describe('messageIds', () => {
  test.each([
    {
      name: 'a References chain, folded',
      value: '<a@example.jp> <b@example.jp>\n\t<c@example.jp>',
      want: ['a@example.jp', 'b@example.jp', 'c@example.jp'],
    },
    {
      name: 'ids separated by commas and comments',
      value: '<a@x.example>,(comment) <b@x.example>',
      want: ['a@x.example', 'b@x.example'],
    },
    { name: 'no brackets: nothing', value: 'a@example.jp', want: [] },
    { name: 'undefined', value: undefined, want: [] },
  ])('$name', ({ value, want }) => {
    expect(messageIds(value)).toEqual(want);
  });

  test('at most 100 ids', () => {
    const value = Array.from({ length: 150 }, (_, i) => `<id${i}@example.jp>`).join(' ');
    expect(messageIds(value)).toHaveLength(100);
  });
});

// Issue 8 §1: the address regex was cubic on runs of "0." and the trailing-punctuation trims quadratic.
describe('linear on hostile text', () => {
  test.each([
    { name: 'runs of "0."', text: 'a@' + '0.'.repeat(150_000) },
    { name: 'a long local-part run', text: 'a'.repeat(300_000) + '@' },
    { name: 'runs of ".,;" inside a value', text: ',;.'.repeat(100_000) + 'x@y.example' },
    { name: 'quotes and commas', text: '",'.repeat(150_000) },
  ])('$name', ({ text }) => {
    const start = performance.now();
    findAddresses(text);
    cleanAddress(text);
    quickMailboxes(text);
    expect(performance.now() - start).toBeLessThan(3000);
  });

  test.each([
    ['x a@b.example y', ['a@b.example']],
    ['a@b@c.example', ['b@c.example']],
    [`${'l'.repeat(70)}@d.example`, [`${'l'.repeat(64)}@d.example`]],
    ['a@x.com.b', ['a@x.com']],
    ['u@[192.0.2.1] and v@w.example', ['u@[192.0.2.1]', 'v@w.example']],
    ['a@' + 'ab.'.repeat(9) + 'example', ['a@' + 'ab.'.repeat(8) + 'ab']],
    ['a@' + 'x.'.repeat(9) + 'example', []],
  ])('findAddresses(%j) reads as the regex did', (text, expected) => {
    expect(findAddresses(text)).toEqual(expected);
  });
});

describe('simpleMailboxes reads what postal-mime reads, or leaves it to the parser', () => {
  const value = textFrom(
    [
      ...'aZ09 .\'-_+@<>"(),;:\\\t=?&/'.split(''),
      'ab',
      'x@y.z',
      '<a@b.c>',
      '"a@b.c"',
      '"N, M"',
      '=?utf-8?Q?x=40y.z?=',
      '=?utf-8?B?a3VuaXl1a2k=?=',
      '=?iso-8859-1?Q?=E9?=',
      '(x@y.z)',
      '(C)',
      'b=c@d.e',
      '  ',
      ', ',
    ],
    16,
  );

  test('random values: every one it reads, postal-mime reads the same', () => {
    let read = 0;
    fc.assert(
      fc.property(value, v => {
        const simple = simpleMailboxes(v);
        if (simple !== undefined) {
          read++;
          expect(addressParser(v)).toEqual(simple);
        }
      }),
      { numRuns: 20000 },
    );
    expect(read).toBeGreaterThan(100);
  });

  test.each([
    ['a@b.example', [{ name: '', address: 'a@b.example' }]],
    ['  John  Q. Public   <jq@example.org> ', [{ name: 'John  Q. Public', address: 'jq@example.org' }]],
    ["O'Neil <o@example.org>", [{ name: "O'Neil", address: 'o@example.org' }]],
    ['"Doe, Jane" <j@example.org>', [{ name: 'Doe, Jane', address: 'j@example.org' }]],
    ['" Doe  Jane "<j@example.org>', [{ name: 'Doe  Jane', address: 'j@example.org' }]],
    ['"j@example.org" <j@example.org>', [{ name: '', address: 'j@example.org' }]],
    ['"j@example.org" <k@example.org>', [{ name: 'j@example.org', address: 'k@example.org' }]],
    ['<a@example.org>', [{ name: '', address: 'a@example.org' }]],
    [
      'a@example.org, B <b@example.org>,"C" <c@example.org>,',
      [
        { name: '', address: 'a@example.org' },
        { name: 'B', address: 'b@example.org' },
        { name: 'C', address: 'c@example.org' },
      ],
    ],
    ['bounce-1-a=example.jp@mx.example.net', [{ name: '', address: 'bounce-1-a=example.jp@mx.example.net' }]],
    ['a@example.org,, b@example.org', undefined],
    ['"Doe \\"Jr\\"" <j@example.org>', undefined],
    ['"=?utf-8?q?x?=" <a@example.org>', [{ name: 'x', address: 'a@example.org' }]],
    ['a@example.org (A Comment)', [{ name: 'A Comment', address: 'a@example.org' }]],
    ['a@example.org (a@example.org)', [{ name: '', address: 'a@example.org' }]],
    ['a@example.org (x (y))', undefined],
    ['=?utf-8?Q?a=40example=2Eorg?= <a@example.org>', [{ name: '', address: 'a@example.org' }]],
    [
      '=?utf-8?B?a3VuaXl1a2kgYXp1bWE=?= <k@example.org>',
      [{ name: 'kuniyuki azuma', address: 'k@example.org' }],
    ],
    ['undisclosed-recipients: ;', undefined],
    ['MAILER-DAEMON <>', undefined],
    ['   ', undefined],
  ])('%j', (v, expected) => {
    expect(simpleMailboxes(v)).toEqual(expected);
    if (expected !== undefined) {
      expect(addressParser(v)).toEqual(expected);
    }
  });

  test('linear on long runs', () => {
    const started = performance.now();
    for (const v of [' '.repeat(100_000) + 'x', 'a'.repeat(100_000) + ' <', '"' + ' '.repeat(100_000)]) {
      expect(simpleMailboxes(v)).toBeUndefined();
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('a value without "@" or an encoded word has no address, as the parser reads it', () => {
  // The parser's path of parseAddresses(), which such values no longer reach (issue 10 §4).
  const viaParser = (v: string) => {
    const out: string[] = [];
    try {
      for (const entry of addressParser(v)) {
        for (const m of 'group' in entry && Array.isArray(entry.group) ? entry.group : [entry]) {
          const a = m.address ? cleanAddress(m.address) : undefined;
          if (a) {
            out.push(a);
          }
        }
      }
    } catch {
      out.push(...findAddresses(v));
    }
    return out;
  };
  const value = textFrom(
    [
      ...'aZ09 .\'-_+<>"(),;:\\\t=?&/[]'.split(''),
      'MAILER-DAEMON',
      '<>',
      'undisclosed-recipients: ;',
      '(x)',
      '"N, M"',
      'mailto:',
      'rfc822;',
      '\uff20', // FULLWIDTH COMMERCIAL AT: not "@"
    ],
    16,
  );

  test('random values', () => {
    fc.assert(
      fc.property(value, v => {
        fc.pre(!v.includes('@') && !v.includes('=?'));
        expect(viaParser(v)).toEqual([]);
        expect(parseAddresses(v)).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    'MAILER-DAEMON <>',
    'Mail Delivery Subsystem <MAILER-DAEMON>',
    '<>',
    'undisclosed-recipients: ;',
  ])('%j', v => {
    expect(viaParser(v)).toEqual([]);
    expect(parseAddresses(v)).toEqual([]);
  });

  test('an encoded word can hold the "@": the parser still reads it', () => {
    expect(parseAddresses('=?utf-8?Q?x=40y.z?=')).toEqual(
      viaParser('=?utf-8?Q?x=40y.z?=').map(address => ({ name: undefined, address })),
    );
  });
});
