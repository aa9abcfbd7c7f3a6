import { describe, expect, test } from 'vitest';
import type { OriginalMessage } from '../types';
import { dkimPassFor, dmarcFor, dmarcResults, spfFor } from './policy';
import { parseAuthResults } from '../headers/auth';

function original(...results: string[]): OriginalMessage {
  return {
    headers: results.map(value => ({ name: 'authentication-results', value })),
    auth: results.flatMap(v => parseAuthResults(v, 'authentication-results')),
  } as unknown as OriginalMessage;
}

describe('dmarcResults: the policy each receiver wrote', () => {
  test.each([
    ['mx.google.com; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=example.org', 'fail', 'reject'],
    ['mta1.yahoo.com; dmarc=fail(p=QUARANTINE) header.from=example.org', 'fail', 'quarantine'],
    ['mx.fastmail.com; dmarc=fail (p=none,d=none) header.from=example.org', 'fail', 'none'],
    [
      'spf=fail smtp.mailfrom=example.org; dmarc=fail action=oreject header.from=example.org',
      'fail',
      'reject',
    ],
    [
      'mx.example.net; dmarc=fail policy.published-domain-policy=quarantine header.from=example.org',
      'fail',
      'quarantine',
    ],
    ['mx.example.net; dmarc=none header.from=example.org', 'none', undefined],
    ['mx.example.net; dmarc=pass header.from=example.org', 'pass', undefined],
  ])('%s', (value, result, policy) => {
    expect(dmarcResults(original(value))).toEqual([{ result, policy, domain: 'example.org' }]);
  });

  test('a result about another domain is not the user’s', () => {
    const o = original('mx.example.net; dmarc=fail (p=reject) header.from=other.example');
    expect(dmarcFor(o, 'example.org')).toBeUndefined();
  });

  test('bounded on hostile input', () => {
    const value = `x; ${'dmarc=fail (p=none '.repeat(5000)}`;
    const started = performance.now();
    expect(dmarcResults(original(value)).length).toBeLessThanOrEqual(16);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('spfFor / dkimPassFor', () => {
  test.each([
    ['mx.example.net; spf=softfail smtp.mailfrom=example.org', 'softfail'],
    ['mx.example.net; spf=fail smtp.mailfrom=example.org; spf=pass smtp.mailfrom=example.org', 'fail'],
    ['mx.example.net; spf=none smtp.mailfrom=mail.example.org', 'none'],
    ['mx.example.net; spf=fail smtp.mailfrom=other.example', undefined],
  ])('%s → %s', (value, expected) => {
    expect(spfFor(original(value), 'example.org')).toBe(expected);
  });

  test('a DKIM pass of the domain, and not of another', () => {
    expect(dkimPassFor(original('mx.example.net; dkim=pass header.d=example.org'), 'example.org')).toBe(true);
    expect(dkimPassFor(original('mx.example.net; dkim=pass header.d=spam.example'), 'example.org')).toBe(
      false,
    );
  });
});
