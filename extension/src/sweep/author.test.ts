import { expect, test } from 'vitest';
import { displayAuthor, parseAuthor } from './author';

test.each([
  ['"Neko, Nyaan" <neko@example.jp>', { name: 'Neko, Nyaan', address: 'neko@example.jp' }, 'Neko, Nyaan'],
  [
    'Mail Delivery System <MAILER-DAEMON@mx.example>',
    { name: 'Mail Delivery System', address: 'MAILER-DAEMON@mx.example' },
    'Mail Delivery System',
  ],
  ['postmaster@example.org', { name: '', address: 'postmaster@example.org' }, 'postmaster@example.org'],
  ['<bounce@example.org>', { name: '', address: 'bounce@example.org' }, 'bounce@example.org'],
  ['"Say \\"hi\\"" <a@b.example>', { name: 'Say "hi"', address: 'a@b.example' }, 'Say "hi"'],
  ['Eve <x> <eve@evil.example>', { name: 'Eve <x>', address: 'eve@evil.example' }, 'Eve <x>'],
  ['', { name: '', address: '' }, ''],
  ['Undisclosed', { name: 'Undisclosed', address: '' }, 'Undisclosed'],
  ['broken <no-close', { name: 'broken <no-close', address: '' }, 'broken <no-close'],
])('%s', (author, parsed, shown) => {
  expect(parseAuthor(author)).toEqual(parsed);
  expect(displayAuthor(author)).toBe(shown);
});

test('a long hostile value is split in linear time', () => {
  const hostile = '"'.repeat(200_000) + '<'.repeat(200_000);
  const started = performance.now();
  parseAuthor(hostile);
  expect(performance.now() - started).toBeLessThan(500);
});
