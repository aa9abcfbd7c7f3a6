import { describe, expect, test } from 'vitest';
import { domainIsUnder } from './domain';

const yahoo = /^yahoo(?:mail)?\.[a-z.]+$/;

describe('domainIsUnder', () => {
  test.each([
    ['mailer-daemon@yahoo.com', true],
    ['mailer-daemon@mta1.mail.yahoo.co.jp', true],
    ['a@yahoomail.com', true],
    ['a@notyahoo.com', false],
    ['a@yahoo', false],
    ['yahoo.com', false],
    ['a@yahoo.com.evil-1.example', false],
    ['a@Yahoo.com', false],
  ])('%s → %s', (address, expected) => {
    expect(domainIsUnder(address, yahoo)).toBe(expected);
  });

  // Issue 8 §1: the regex form took ~25 s on 256 KB of ".yahoo.h".
  test('bounded on a long domain', () => {
    const start = performance.now();
    expect(domainIsUnder('a@' + '.yahoo.h'.repeat(32_000), yahoo)).toBe(false);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
