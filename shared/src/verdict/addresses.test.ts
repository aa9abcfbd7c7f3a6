import { describe, expect, test } from 'vitest';
import { AddressBook, batvTag } from './addresses';

const book = new AddressBook(['Alice@Example.org', 'a.smith@gmail.com', 'bob@example.net']);

describe('AddressBook.has', () => {
  describe('fires', () => {
    test.each([
      'alice@example.org',
      'ALICE@EXAMPLE.ORG',
      'alice+lists@example.org',
      'alice-lists@example.org',
      'prvs=0123abcd=alice@example.org',
      'btv1==0123abcd==alice@example.org',
      'asmith@gmail.com',
      'a.s.mith+x@googlemail.com',
      '<bob@example.net>',
    ])('%s', address => {
      expect(book.has(address)).toBe(true);
    });
  });
  describe('stays quiet', () => {
    test.each([
      'alice@example.com',
      'alicex@example.org',
      'mallory@example.org',
      'carol-bob@example.net',
      'nonsense',
      '',
      undefined,
    ])('%s', address => {
      expect(book.has(address)).toBe(false);
    });
  });
});

test.each([
  ['prvs=0123abcd=alice@example.org', 'prvs'],
  ['btv1==0123==alice@example.org', 'btv1'],
  ['alice@example.org', undefined],
])('batvTag(%s) → %s', (address, tag) => {
  expect(batvTag(address)).toBe(tag);
});
