import { describe, expect, test } from 'vitest';
import { ansi, displayWidth, fit, fitLeft, plain, sanitize, utf8Lines } from './text';

describe('sanitize', () => {
  test.each([
    ['plain', 'plain'],
    ['a\r\nb\tc', 'a b c'],
    ['\u001b]0;pwned\u0007title', '] 0;pwned title'.replace('] ', ']')],
    ['\u001b[2Jclear', '[2Jclear'],
    ['evil\u202eexe.txt', 'evil exe.txt'],
    ['\u0085next line', 'next line'],
    ['  many   spaces  ', 'many spaces'],
  ])('%j → %j', (input, expected) => {
    expect(sanitize(input)).toBe(expected);
    expect(sanitize(input)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe('width', () => {
  test.each([
    ['abc', 3],
    ['メール送信エラー', 16],
    ['Übergröße', 9],
    ['e\u0301', 1],
    ['📨', 2],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  test.each([
    ['abc', 5, 'abc  '],
    ['abcdef', 4, 'abc…'],
    ['メール送信', 6, 'メー… '],
    ['abc', 0, ''],
  ])('fit(%j, %i) → %j', (text, width, expected) => {
    expect(fit(text, width)).toBe(expected);
    if (width > 0) {
      expect(displayWidth(fit(text, width))).toBe(width);
    }
  });

  test('fit without padding leaves short text alone', () => {
    expect(fit('ab', 10, false)).toBe('ab');
  });

  test('fitLeft keeps the file name', () => {
    expect(fitLeft('corpus/sisimai/maildir/bsd/rfc3464-01.eml', 20)).toBe('…/bsd/rfc3464-01.eml');
    expect(fitLeft('a.eml', 8)).toBe('a.eml   ');
  });
});

test('paint', () => {
  expect(plain('red', 'x')).toBe('x');
  expect(ansi('red', 'x')).toBe('\u001b[31mx\u001b[39m');
  expect(ansi(undefined, 'x')).toBe('x');
});

describe('utf8Lines', () => {
  // The same bytes as the joined string written by a stream, for every kind of UTF-16 content.
  test.each([
    [[]],
    [['']],
    [['', '']],
    [['ascii', 'json {"a":1}']],
    [['Latin-1 é ü ÿ', 'Ä']],
    [['CJK 猫 ねこ', 'emoji 😺 x', 'mixed é 猫 😺']],
    [['lone \ud800 high', 'lone \udc00 low', '\udc00\ud800 reversed', 'end \ud83d']],
    [['x'.repeat(100_000), '猫'.repeat(50_000)]],
  ])('%j', lines => {
    const joined = lines.length === 0 ? '' : lines.join('\n') + '\n';
    expect(Buffer.from(utf8Lines(lines)).equals(Buffer.from(joined, 'utf8'))).toBe(true);
  });
});
