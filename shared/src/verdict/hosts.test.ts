import { describe, expect, test } from 'vitest';
import { inCidr, isPrivateIp, looksDynamic, orgOf, parseCidr } from './hosts';

describe('orgOf', () => {
  test.each([
    ['mail-wr1-f54.google.com', 'google.com'],
    ['mx1.mail.example.co.uk', 'example.co.uk'],
    ['EUR05-VI1-obe.outbound.protection.outlook.com', 'outlook.com'],
    ['localhost', 'localhost'],
    ['192.0.2.1', undefined],
    [undefined, undefined],
  ])('%s → %s', (host, org) => {
    expect(orgOf(host)).toBe(org);
    // Asked again (from the memo): the same answer.
    expect(orgOf(host)).toBe(org);
  });

  test('the memo keeps answers apart by exact name, and names too long for DNS are answered without it', () => {
    expect(orgOf('A.Example.CO.UK')).toBe('example.co.uk');
    expect(orgOf('a.example.co.uk.')).toBe('example.co.uk');
    expect(orgOf('[192.0.2.1]')).toBeUndefined();
    const long = `${'a'.repeat(300)}.example.org`;
    expect(orgOf(long)).toBe('example.org');
    expect(orgOf(long)).toBe('example.org');
  });

  test('more names than the memo holds: every answer is still right', () => {
    for (let i = 0; i < 10_000; i++) {
      expect(orgOf(`h${i}.d${i % 97}.co.jp`)).toBe(`d${i % 97}.co.jp`);
    }
    expect(orgOf('mx1.mail.example.co.uk')).toBe('example.co.uk');
  });
});

describe('isPrivateIp', () => {
  test.each([
    ['10.1.2.3', true],
    ['192.168.0.5', true],
    ['172.20.1.1', true],
    ['100.64.0.1', true],
    ['127.0.0.1', true],
    ['::1', true],
    ['fd00::5', true],
    ['209.85.221.54', false],
    ['172.32.0.1', false],
    ['2a00:1450:4000::1', false],
    [undefined, false],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateIp(ip)).toBe(expected);
  });
});

describe('inCidr', () => {
  test.each([
    ['209.85.221.54', '209.85.128.0/17', true],
    ['209.85.100.54', '209.85.128.0/17', false],
    ['40.107.21.70', '40.107.0.0/16', true],
    ['2a00:1450:4864:20::42a', '2a00:1450:4000::/36', true],
    ['2a00:1450:c000::1', '2a00:1450:4000::/36', false],
    ['2a01:111:f403:7052::801', '2a01:111:f403::/48', true],
    ['10.0.0.1', '2a01:111:f403::/48', false],
  ])('%s in %s → %s', (ip, range, expected) => {
    const cidr = parseCidr(range);
    expect(cidr).toBeDefined();
    expect(inCidr(ip, cidr!)).toBe(expected);
  });
});

describe('looksDynamic', () => {
  test.each([
    ['dsl-187-1-2-3.example.net', true],
    ['187-1-2-3.dyn.isp.example', true],
    ['pool-71-1-2-3.nycmny.fios.example.net', true],
    ['mail-wr1-f54.google.com', false],
    ['mail.example.org', false],
    ['static-94-236-45-212.hoster.example', false],
    ['host-022.example.com', false],
    ['ip-10-0-0-1.ec2.internal', false],
  ])('%s → %s', (host, expected) => {
    expect(looksDynamic(host)).toBe(expected);
  });
});
