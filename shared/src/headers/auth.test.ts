import { describe, expect, test } from 'vitest';
import type { AuthResult } from '../types';
import { parseAuthResults, parseDkimSignature, parseReceivedSpf } from './auth';

const unfold = (s: string) => s.replace(/\n[ \t]+/g, ' ');
const ar = (
  authserv: string | undefined,
  method: string,
  result: string,
  domain: string | undefined,
): AuthResult => ({ source: 'authentication-results', authserv, method, result, domain });

describe('parseAuthResults (RFC 8601)', () => {
  test.each([
    {
      // Gmail's layout; the SPF comment names the sender, but comments carry no results.
      name: 'Gmail: dkim, spf, dmarc with comments',
      value: `mx.google.com;
       dkim=pass header.i=@example.com header.s=20161025 header.b=AbCdEf12;
       spf=pass (google.com: domain of bounce@example.com designates 209.85.220.41 as permitted sender) smtp.mailfrom=bounce@example.com;
       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com`,
      want: [
        ar('mx.google.com', 'dkim', 'pass', 'example.com'),
        ar('mx.google.com', 'spf', 'pass', 'example.com'),
        ar('mx.google.com', 'dmarc', 'pass', 'example.com'),
      ],
    },
    {
      name: 'version after the authserv-id; header.d beats header.i',
      value: 'mx.example.org 1; dkim=fail (bad signature) header.d=Example.NET header.i=@mail.example.net',
      want: [ar('mx.example.org', 'dkim', 'fail', 'example.net')],
    },
    {
      name: 'spf by HELO when there is no MAIL FROM',
      value: 'mx.example.org; spf=none smtp.helo=bot.example.info',
      want: [ar('mx.example.org', 'spf', 'none', 'bot.example.info')],
    },
    {
      name: 'quoted property value, upper-case method and result',
      value: 'MX.Example.ORG; SPF=SoftFail smtp.mailfrom="alice@Example.ORG"',
      want: [ar('mx.example.org', 'spf', 'softfail', 'example.org')],
    },
    {
      name: 'a result written inside a comment is not a result',
      value: 'mx.example.org; (spf=pass is claimed here) dkim=fail header.d=example.com',
      want: [ar('mx.example.org', 'dkim', 'fail', 'example.com')],
    },
    {
      name: 'dmarc and arc without a domain property',
      value: 'mx.example.org; arc=none; dmarc=fail',
      want: [
        ar('mx.example.org', 'arc', 'none', undefined),
        ar('mx.example.org', 'dmarc', 'fail', undefined),
      ],
    },
    { name: 'RFC 8601 "none": no results', value: 'mx.example.org 1; none', want: [] },
    { name: 'empty', value: '', want: [] },
  ])('$name', ({ value, want }) => {
    expect(parseAuthResults(unfold(value), 'authentication-results')).toEqual(want);
  });

  test('ARC-Authentication-Results: the instance tag is not the authserv-id (RFC 8617 §4.1.2)', () => {
    const value =
      'i=1; mx.google.com; dkim=pass header.i=@example.com; spf=fail smtp.mailfrom=forged@example.org';
    expect(parseAuthResults(value, 'arc-authentication-results')).toEqual([
      {
        source: 'arc-authentication-results',
        authserv: 'mx.google.com',
        method: 'dkim',
        result: 'pass',
        domain: 'example.com',
      },
      {
        source: 'arc-authentication-results',
        authserv: 'mx.google.com',
        method: 'spf',
        result: 'fail',
        domain: 'example.org',
      },
    ]);
  });

  test('at most 32 results', () => {
    const value =
      'mx.example.org; ' + Array.from({ length: 50 }, () => 'dkim=pass header.d=example.com').join('; ');
    expect(parseAuthResults(value, 'authentication-results')).toHaveLength(32);
  });

  test('Microsoft 365 results: methods and domains', () => {
    // Exchange Online writes no authserv-id at all: "Authentication-Results: spf=fail (sender IP is …) …".
    const value =
      'spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=example.org; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=example.org;compauth=fail reason=001';
    expect(
      parseAuthResults(value, 'authentication-results').map(r => [r.method, r.result, r.domain]),
    ).toEqual([
      ['spf', 'fail', 'example.org'],
      ['dkim', 'none', 'none'],
      ['dmarc', 'fail', 'example.org'],
    ]);
  });

  // Regression (was a bug): with no authserv-id (Microsoft 365's layout above), the first result "spf=fail" is taken as the
  // authserv-id, so every result claims to come from a server named "spf=fail".
  test('no authserv-id: authserv stays undefined', () => {
    const [first] = parseAuthResults(
      'spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=example.org',
      'authentication-results',
    );
    expect(first?.authserv).toBeUndefined();
  });
});

describe('parseReceivedSpf (RFC 7208 §9.1)', () => {
  test.each([
    {
      name: 'postfix-policyd-spf key=value form',
      value:
        'Pass (mailfrom) identity=mailfrom; client-ip=192.0.2.1; helo=mail.example.org; envelope-from=alice@Example.ORG; receiver=mx.example.net',
      want: { result: 'pass', domain: 'example.org', authserv: 'mx.example.net' },
    },
    {
      name: 'Gmail comment form',
      value:
        'pass (google.com: domain of bounce@example.com designates 209.85.220.41 as permitted sender) client-ip=209.85.220.41;',
      want: { result: 'pass', domain: 'example.com', authserv: 'google.com' },
    },
    {
      name: 'softfail, "domain of" without a local part',
      value:
        'softfail (mx.example.net: transitioning domain of example.org does not designate 203.0.113.9 as permitted sender)',
      want: { result: 'softfail', domain: 'example.org', authserv: 'mx.example.net' },
    },
    {
      name: 'envelope-from in angle brackets',
      value:
        'fail (mx.example.net: domain of a@example.org does not designate 203.0.113.9) envelope-from=<a@forged.example>;',
      want: { result: 'fail', domain: 'forged.example', authserv: 'mx.example.net' },
    },
    {
      name: 'result only',
      value: 'none',
      want: { result: 'none', domain: undefined, authserv: undefined },
    },
  ])('fires: $name', ({ value, want }) => {
    expect(parseReceivedSpf(value)).toEqual({ source: 'received-spf', method: 'spf', ...want });
  });

  test.each(['', '   ', '123 not a result', '(comment only)'])('stays quiet: "%s"', value => {
    expect(parseReceivedSpf(value)).toBeUndefined();
  });

  // Regression (was a bug): a null reverse path "envelope-from=<>" (RFC 7208 §2.4: the check used the HELO) gives domain "<".
  test('envelope-from=<> does not become the domain "<"', () => {
    const r = parseReceivedSpf(
      'pass identity=helo; client-ip=192.0.2.1; helo=mail.example.org; envelope-from=<>;',
    );
    expect([undefined, 'mail.example.org']).toContain(r?.domain);
  });
});

describe('parseDkimSignature (RFC 6376 §3.5)', () => {
  test.each([
    {
      name: 'd= and s=, domain lower-cased',
      value:
        'v=1; a=rsa-sha256; c=relaxed/relaxed; d=Example.COM; s=20161025; h=from:to:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=AbCd',
      want: { domain: 'example.com', selector: '20161025' },
    },
    {
      name: 'white space around "=" and ";" (folded signatures)',
      value: 'v=1; a=rsa-sha256; d = mail.example.org ; s = sel1 ; b=x',
      want: { domain: 'mail.example.org', selector: 'sel1' },
    },
    {
      name: 'd= first in the list',
      value: 'd=example.net; v=1; b=x',
      want: { domain: 'example.net', selector: undefined },
    },
    {
      name: 'a tag ending in "d" is not d=',
      value: 'v=1; ad=evil.example; d=good.example; s=k',
      want: { domain: 'good.example', selector: 'k' },
    },
  ])('fires: $name', ({ value, want }) => {
    expect(parseDkimSignature(value)).toEqual(want);
  });

  test.each(['v=1; a=rsa-sha256; s=sel; b=x', '', 'd=; s=x'])(
    'stays quiet without a d= value: "%s"',
    value => {
      expect(parseDkimSignature(value)).toBeUndefined();
    },
  );
});

describe('forms the corpus shows are misread', () => {
  // Regression (was a bug): Sendmail's sid-milter writes the SPF identity as "smtp.mfrom=" (Sender ID era, RFC 4406; Sisimai
  // lhost-sendmail-16…42, lhost-amazonses-09), which PROP does not know, so the SPF result has no domain.
  test('smtp.mfrom gives the SPF domain', () => {
    const [r] = parseAuthResults(
      '7jo.example.jp; sender-id=pass header.from=shironeko@example.jp; auth=pass (CRAM-MD5); spf=pass smtp.mfrom=shironeko@example.jp',
      'authentication-results',
    ).filter(x => x.method === 'spf');
    expect(r?.domain).toBe('example.jp');
  });

  // Regression (was a bug): the null reverse path "smtp.mailfrom=<>" (Exchange Online on bounces; Sisimai lhost-office365-03)
  // gives the domain "<"; the Received-SPF parser already treats "<>" as no domain.
  test('smtp.mailfrom=<> gives no domain', () => {
    const [r] = parseAuthResults('spf=none (sender IP is ) smtp.mailfrom=<>;', 'authentication-results');
    expect(r?.domain).toBeUndefined();
  });

  // Regression (was a bug): Microsoft's and Gmail's "none" form names the domain before "does not designate" (Sisimai
  // lhost-postfix-57, lhost-googleworkspace-01); only "domain of x" and envelope-from= are read.
  test.each([
    {
      value: 'None (protection.outlook.com: rokujo.cr.nyaan.jp does not designate permitted sender hosts)',
      domain: 'rokujo.cr.nyaan.jp',
    },
    {
      value:
        'none (google.com: mail-sor-f69.google.com does not designate permitted sender hosts) client-ip=209.85.220.69;',
      domain: 'mail-sor-f69.google.com',
    },
  ])('Received-SPF "$domain does not designate"', ({ value, domain }) => {
    expect(parseReceivedSpf(value)?.domain).toBe(domain);
  });
});

// Issue 8 §1: "…: x does not designate" and the comment and trailing-dot patterns were quadratic.
describe('linear on hostile values', () => {
  test.each([
    {
      name: '":" and letters before "does not designate"',
      value: ':E'.repeat(150_000) + ' does not designate',
    },
    { name: 'runs of "(("', value: '(('.repeat(150_000) },
    { name: 'a run of dots in smtp.mailfrom', value: `x; spf=pass smtp.mailfrom=a@b${'.'.repeat(300_000)}x` },
  ])('$name', ({ value }) => {
    const start = performance.now();
    parseReceivedSpf(value);
    parseAuthResults(value, 'authentication-results');
    expect(performance.now() - start).toBeLessThan(3000);
  });

  test('comments of up to 500 characters are dropped, longer ones kept', () => {
    const short = parseAuthResults(
      `mx; spf=pass (${'c'.repeat(400)}; dkim=fail) smtp.mailfrom=a.example`,
      'authentication-results',
    );
    expect(short.map(r => r.method)).toEqual(['spf']);
    const long = parseAuthResults(
      `mx; spf=pass (${'c'.repeat(600)}; dkim=fail) smtp.mailfrom=a.example`,
      'authentication-results',
    );
    expect(long.map(r => r.method)).toEqual(['spf', 'dkim']);
  });
});
