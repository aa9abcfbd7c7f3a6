import { describe, expect, test } from 'vitest';
import type { ReceivedHop } from '../types';
import fc from 'fast-check';
import { textFrom } from '../../test/arbitraries';
import { commentsOf, firstIp, ipv4In, ipv6In, parseReceived, splitClauses, type Clauses } from './received';

/** Received values as parseHeaderBlock hands them over: unfolded, one space per fold. */
const unfold = (s: string) => s.replace(/\n[ \t]+/g, ' ');
const hop = (fields: Partial<ReceivedHop>): ReceivedHop => ({
  fromHost: undefined,
  helo: undefined,
  ip: undefined,
  byHost: undefined,
  protocol: undefined,
  date: undefined,
  ...fields,
});

describe('parseReceived', () => {
  test.each([
    {
      // Keywords in any letter case, after any white space /\s/ knows (here NBSP and U+3000), and
      // not inside a longer word ("Byway", "FORward") or a comment.
      name: 'keywords by letter case and Unicode white space',
      value:
        'FROM Relay.Example.ORG (relay.example.org [192.0.2.7] (with forward))\u00a0BY Byway.example.net\u3000WITH esmtp FORward; Tue, 2 Jul 2019 10:00:00 +0000',
      want: hop({
        fromHost: 'relay.example.org',
        ip: '192.0.2.7',
        byHost: 'byway.example.net',
        protocol: 'ESMTP',
        date: 'Tue, 2 Jul 2019 10:00:00 +0000',
      }),
    },
    {
      name: 'Postfix, reverse name equals HELO',
      value: `from mail-wr1-f54.google.com (mail-wr1-f54.google.com [209.85.221.54])
	by mx.example.jp (Postfix) with ESMTPS id 4F1A2B3C4D
	for <kijitora@example.jp>; Thu, 29 Apr 2010 23:34:45 +0900 (JST)`,
      want: hop({
        fromHost: 'mail-wr1-f54.google.com',
        ip: '209.85.221.54',
        byHost: 'mx.example.jp',
        protocol: 'ESMTPS',
        date: 'Thu, 29 Apr 2010 23:34:45 +0900 (JST)',
      }),
    },
    {
      // Postfix writes "from HELO (RDNS [IP])": the verified reverse name wins, the HELO is kept apart.
      name: 'Postfix, HELO differs from the reverse name',
      value:
        'from Mail.Example.NET (dsl-203-0-113-9.isp.example [203.0.113.9]) by mx.example.jp (Postfix) with ESMTP id 1; Mon, 1 Jul 2019 10:00:00 +0900',
      want: hop({
        fromHost: 'dsl-203-0-113-9.isp.example',
        helo: 'mail.example.net',
        ip: '203.0.113.9',
        byHost: 'mx.example.jp',
        protocol: 'ESMTP',
        date: 'Mon, 1 Jul 2019 10:00:00 +0900',
      }),
    },
    {
      name: 'Postfix, no reverse name ("unknown")',
      value:
        'from bot01 (unknown [198.51.100.77]) by mx.example.jp (Postfix) with SMTP id 2; Mon, 1 Jul 2019 10:00:00 +0900',
      want: hop({
        fromHost: 'bot01',
        ip: '198.51.100.77',
        byHost: 'mx.example.jp',
        protocol: 'SMTP',
        date: 'Mon, 1 Jul 2019 10:00:00 +0900',
      }),
    },
    {
      name: 'Postfix, IPv6 literal',
      value:
        'from mail.example.net (mail.example.net [IPv6:2001:db8::25]) by mx.example.jp (Postfix) with ESMTPS id 3; Mon, 1 Jul 2019 10:00:00 +0900',
      want: hop({
        fromHost: 'mail.example.net',
        ip: '2001:db8::25',
        byHost: 'mx.example.jp',
        protocol: 'ESMTPS',
        date: 'Mon, 1 Jul 2019 10:00:00 +0900',
      }),
    },
    {
      name: 'Postfix, authenticated submission (ESMTPSA)',
      value: `from laptop.example.org (p5b0c1234.dip0.t-ipconnect.de [91.12.18.52])
	(Authenticated sender: alice@example.org)
	by mail.example.org (Postfix) with ESMTPSA id 4C1D2E3F; Tue, 2 Jul 2019 09:00:00 +0200 (CEST)`,
      want: hop({
        fromHost: 'p5b0c1234.dip0.t-ipconnect.de',
        helo: 'laptop.example.org',
        ip: '91.12.18.52',
        byHost: 'mail.example.org',
        protocol: 'ESMTPSA',
        date: 'Tue, 2 Jul 2019 09:00:00 +0200 (CEST)',
      }),
    },
    {
      // Exim without a reverse name: "from [IP] (helo=NAME)".
      name: 'Exim, address literal with helo=',
      value: `from [203.0.113.5] (helo=mail.example.net)
	by mx.example.org with esmtps (TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
	(Exim 4.92)
	(envelope-from <bounce@example.net>)
	id 1hXyZ-0001Ab-Cd
	for kijitora@example.org; Mon, 01 Jul 2019 10:00:00 +0000`,
      want: hop({
        helo: 'mail.example.net',
        ip: '203.0.113.5',
        byHost: 'mx.example.org',
        protocol: 'ESMTPS',
        date: 'Mon, 01 Jul 2019 10:00:00 +0000',
      }),
    },
    {
      name: 'Exim, authenticated (esmtpsa), HELO equal to the name',
      value:
        'from host.example.net ([192.0.2.44]) by smtp.example.org with esmtpsa (TLS1.3) (Exim 4.94) (envelope-from <a@example.org>) id 1abc-0001; Mon, 01 Jul 2019 10:00:00 +0000',
      want: hop({
        fromHost: 'host.example.net',
        ip: '192.0.2.44',
        byHost: 'smtp.example.org',
        protocol: 'ESMTPSA',
        date: 'Mon, 01 Jul 2019 10:00:00 +0000',
      }),
    },
    {
      name: 'Sendmail, "(may be forged)"',
      value: `from mail.example.net (mail.example.net [192.0.2.10] (may be forged))
	by mx.example.jp (8.14.4/8.14.4) with ESMTP id o3TEYjP4012345
	for <kijitora@example.jp>; Thu, 29 Apr 2010 23:34:45 +0900`,
      want: hop({
        fromHost: 'mail.example.net',
        ip: '192.0.2.10',
        byHost: 'mx.example.jp',
        protocol: 'ESMTP',
        date: 'Thu, 29 Apr 2010 23:34:45 +0900',
      }),
    },
    {
      name: 'qmail, "unknown (HELO x) (IP)"',
      value:
        'from unknown (HELO Mail.Example.NET) (203.0.113.7) by mx.example.com with SMTP; 29 Apr 2010 14:34:45 -0000',
      want: hop({
        helo: 'mail.example.net',
        ip: '203.0.113.7',
        byHost: 'mx.example.com',
        protocol: 'SMTP',
        date: '29 Apr 2010 14:34:45 -0000',
      }),
    },
    {
      name: 'Gmail inbound, trailing dot on the reverse name',
      value: `from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])
        by mx.google.com with SMTPS id a1sor1234567pfa.41.2019.07.01.03.00.00
        for <kijitora@example.com>
        (Google Transport Security);
        Mon, 01 Jul 2019 03:00:00 -0700 (PDT)`,
      want: hop({
        fromHost: 'mail-sor-f41.google.com',
        ip: '209.85.220.41',
        byHost: 'mx.google.com',
        protocol: 'SMTPS',
        date: 'Mon, 01 Jul 2019 03:00:00 -0700 (PDT)',
      }),
    },
    {
      name: 'localhost is kept as a name',
      value:
        'from localhost (localhost [127.0.0.1]) by mail.example.org (Postfix) with ESMTP id 9; Mon, 1 Jul 2019 10:00:00 +0900',
      want: hop({
        fromHost: 'localhost',
        ip: '127.0.0.1',
        byHost: 'mail.example.org',
        protocol: 'ESMTP',
        date: 'Mon, 1 Jul 2019 10:00:00 +0900',
      }),
    },
    {
      name: 'no date (no ";")',
      value: 'from a.example.net (a.example.net [192.0.2.1]) by b.example.org with LMTP id 7',
      want: hop({ fromHost: 'a.example.net', ip: '192.0.2.1', byHost: 'b.example.org', protocol: 'LMTP' }),
    },
    { name: 'empty', value: '', want: hop({}) },
  ])('$name', ({ value, want }) => {
    expect(parseReceived(unfold(value))).toEqual(want);
  });

  test('bounded on a long value', () => {
    const value = 'from x.example.net (' + '('.repeat(50_000) + ' by y.example.org; date';
    expect(parseReceived(value).fromHost).toBe('x.example.net');
  });
});

// Exchange Online writes the sending host's IPv6 address as the comment: "from HOST (2603:…::24) by …".
const EXCHANGE = [
  {
    name: 'Exchange Online, HTTPS submission',
    value:
      'from BN8PR12MB3361.namprd12.prod.outlook.com (2603:10b6:408:67::24) by BN6PR12MB1234.namprd12.prod.outlook.com with HTTPS; Mon, 1 Jul 2019 10:00:00 +0000',
    want: {
      fromHost: 'bn8pr12mb3361.namprd12.prod.outlook.com',
      helo: undefined,
      byHost: 'bn6pr12mb1234.namprd12.prod.outlook.com',
      protocol: 'HTTPS',
      date: 'Mon, 1 Jul 2019 10:00:00 +0000',
    },
    ip: '2603:10b6:408:67::24',
  },
  {
    // The protocol is the first word of "with Microsoft SMTP Server (version=TLS1_2, …)".
    name: 'Exchange hop to hop, Microsoft SMTP Server',
    value:
      'from DM6PR12MB1234.namprd12.prod.outlook.com (2603:10b6:5:1c0::14) by DM6PR12MB5678.namprd12.prod.outlook.com (2603:10b6:5:1c0::20) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.2052.18; Mon, 1 Jul 2019 10:00:00 +0000',
    want: {
      fromHost: 'dm6pr12mb1234.namprd12.prod.outlook.com',
      helo: undefined,
      byHost: 'dm6pr12mb5678.namprd12.prod.outlook.com',
      protocol: 'MICROSOFT',
      date: 'Mon, 1 Jul 2019 10:00:00 +0000',
    },
    ip: '2603:10b6:5:1c0::14',
  },
];

describe('Exchange', () => {
  test.each(EXCHANGE)('$name: host, by, protocol, date', ({ value, want }) => {
    expect(parseReceived(value)).toMatchObject(want);
  });

  // Regression (was a bug): IPV6 needs a word boundary after "::", so "2603:10b6:408:67::24" is cut to "2603:10b6:408:67".
  test.each(EXCHANGE)('$name: the whole IPv6 address', ({ value, ip }) => {
    expect(parseReceived(value).ip).toBe(ip);
  });
});

describe('known mistakes', () => {
  // Regression (was a bug): the first IPv4 of the from clause wins, so a client-chosen HELO address literal beats the
  // connecting address the receiver verified ("from [192.168.1.10] (host [91.12.18.52])", Postfix/Gmail).
  test('the verified address in the comment, not the HELO literal', () => {
    const h = parseReceived(
      'from [192.168.1.10] (p5b0c1234.dip0.t-ipconnect.de [91.12.18.52]) by mail.example.org (Postfix) with ESMTPSA id 1; Mon, 1 Jul 2019 10:00:00 +0200',
    );
    expect(h.ip).toBe('91.12.18.52');
  });

  // Regression (was a bug): Exim's usual form "from RDNS ([IP] helo=NAME)" is missed; only "(helo=NAME)" right after "(" is read.
  test('Exim "([IP] helo=NAME)" gives the HELO', () => {
    const h = parseReceived(
      'from dsl-203-0-113-9.isp.example ([203.0.113.9] helo=mail.example.net) by mx.example.org with esmtp (Exim 4.92) id 1abc; Mon, 01 Jul 2019 10:00:00 +0000',
    );
    expect(h.helo).toBe('mail.example.net');
  });

  // Regression (was a bug): clause() finds "from " inside a comment, so lines with no from clause get a from host:
  // qmail "(qmail 12345 invoked from network)" → "network"; Postfix local "(Postfix, from userid 1000)" → "userid".
  test.each([
    '(qmail 12345 invoked from network); 29 Apr 2010 14:34:45 -0000',
    'by mail.example.org (Postfix, from userid 1000) id 4F1A2B3C4D; Mon, 1 Jul 2019 10:00:00 +0900',
  ])('no from host when the line has no from clause: %s', value => {
    expect(parseReceived(value).fromHost).toBeUndefined();
  });

  // Regression (was a bug): Gmail's top hop "by 2002:a17:90a:b10b:0:0:0:0 with SMTP id …" gives byHost "2002" (HOST stops at ":").
  test('an IPv6 by-host is kept whole', () => {
    const h = parseReceived(
      'by 2002:a17:90a:b10b:0:0:0:0 with SMTP id z11csp1234567pjq; Mon, 1 Jul 2019 03:00:00 -0700 (PDT)',
    );
    expect(h.byHost).toBe('2002:a17:90a:b10b:0:0:0:0');
  });

  // Regression (was a bug): a bracketed literal with a port ("[192.0.2.222:222]", Ecelerity; Sisimai arf-18) is taken whole,
  // port and all, because firstIp only checks that the brackets contain an address somewhere.
  test('an address literal with a port gives the address alone', () => {
    const h = parseReceived(
      'from [192.0.2.222] ([192.0.2.222:222] helo=mta-2.example.org) by example.org (envelope-from <sironeko@example.org>) (ecelerity 3.6.5.1 r(Core:3.6.5.0)) with ESMTP id 00/00-00000-00000000; Thu, 29 Apr 2015 23:34:45 +0900',
    );
    expect(h.ip).toBe('192.0.2.222');
  });
});

// The scanners replaced these regexes (tried at every position of every Received value, the look-behinds
// kept them from skipping ahead); on any text they must find what the regexes found.
describe('scanners read what the regexes read', () => {
  const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/;
  const IPV6 = /(?<![0-9a-f:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])/i;
  const COMMENT = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
  const text = textFrom(
    [
      ...'0129.:aAfFgx ()[]'.split(''),
      '25',
      '255',
      '256',
      '099',
      '300',
      '192.0.2.1',
      '2603:10b6::24',
      '(a)',
      'IPv6:',
    ],
    24,
  );

  test('random text', () => {
    fc.assert(
      fc.property(text, t => {
        expect(ipv4In(t)).toBe(IPV4.exec(t)?.[0]);
        const v6 = IPV6.exec(t);
        expect(ipv6In(t)).toEqual(v6 ? { index: v6.index, value: v6[0] } : undefined);
        expect(commentsOf(t)).toEqual([...t.matchAll(COMMENT)].map(m => m[1]));
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    ['from (1.2.3.4.5) [10.0.0.1]', '10.0.0.1'],
    ['1234.1.2.3 01.02.03.004 250.251.252.253', '250.251.252.253'],
    ['v 1.2.3.256 or 0.0.0.0', '0.0.0.0'],
  ])('ipv4In(%j)', (t, want) => {
    expect(ipv4In(t)).toBe(want);
  });

  // firstIp() as it was before its shortcut for a bracketed dotted quad (issue 10 §4).
  const firstIpBefore = (t: string): string | undefined => {
    let bracket = /\[(?:IPv6:)?([0-9a-f.:]{3,45})\]/i.exec(t)?.[1];
    if (bracket !== undefined && bracket.includes('.') && bracket.includes(':')) {
      bracket = bracket.replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
    }
    if (bracket && (ipv4In(bracket) !== undefined || ipv6In(bracket) !== undefined)) {
      return bracket.toLowerCase();
    }
    return ipv4In(t) ?? ipv6In(t)?.value.toLowerCase();
  };
  const bracketed = textFrom(
    ['[', ']', '[IPv6:', '192.0.2.1', '256', '.', ':', '1', 'aF', '::1', ' ', ':25', '10.0.0.1]'],
    12,
  );

  test('firstIp reads what it read before its shortcut', () => {
    fc.assert(
      fc.property(bracketed, t => {
        expect(firstIp(t)).toBe(firstIpBefore(t));
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    ['[192.0.2.1]', '192.0.2.1'],
    ['[192.0.2.256] 10.0.0.1', '10.0.0.1'],
    ['[1.2.3.4.5] [10.0.0.1]', '10.0.0.1'],
    ['[192.0.2.1:25]', '192.0.2.1'],
    ['[IPv6:2001:DB8::1]', '2001:db8::1'],
  ])('firstIp(%j)', (t, want) => {
    expect(firstIp(t)).toBe(want);
    expect(firstIpBefore(t)).toBe(want);
  });

  test.each([
    // One "(" and one ")": the shortcut; any other layout: the walk.
    ['host (rdns [192.0.2.1]) x', ['rdns [192.0.2.1]']],
    [') host (rdns)', ['rdns']],
    ['host (rdns)) x', ['rdns']],
    ['host )rdns( x', []],
    ['(', []],
    ['()', ['']],
    ['(a (b) c (d)) (e', ['a (b) c (d)']],
    ['((a)(b) (c)', ['a', 'b', 'c']],
    ['(a ((b)) c)', ['(b)']],
  ])('commentsOf(%j)', (t, want) => {
    expect(commentsOf(t)).toEqual(want);
  });

  test('linear on runs of parentheses and colons', () => {
    const started = performance.now();
    commentsOf('(' + '(a)'.repeat(100_000) + '('.repeat(100_000));
    ipv6In('1:'.repeat(100_000) + ' ' + ':'.repeat(100_000));
    ipv4In('1.'.repeat(100_000) + ' 1.2.3.4');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('splitClauses reads what its exec() loop read', () => {
  // The former reader (issue 10 §4 replaced it with one split()): a token regex, a depth count, the first
  // clause of each keyword.
  const before = (body: string): Clauses => {
    const token = /[()]|(?<!\S)(?:from|by|via|with|id|for)(?!\S)/gi;
    const out: Clauses = {};
    const seen = new Set<string>();
    let depth = 0;
    let open: string | undefined;
    let textStart = 0;
    const close = (end: number) => {
      if (open === 'from' || open === 'by' || open === 'with') {
        out[open] = body.slice(textStart, end);
      }
    };
    for (let m = token.exec(body); m !== null; m = token.exec(body)) {
      const t = m[0];
      if (t === '(') {
        depth++;
      } else if (t === ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth === 0) {
        close(m.index);
        const keyword = t.toLowerCase();
        open = seen.has(keyword) ? undefined : keyword;
        seen.add(keyword);
        textStart = m.index + t.length;
      }
    }
    close(body.length);
    return out;
  };
  const value = textFrom(
    [
      ' ',
      '\t',
      '\u00a0',
      '(',
      ')',
      'from',
      'FROM',
      'By',
      'with',
      'id',
      'for',
      'via',
      'x',
      'host.example',
      '[1.2.3.4]',
    ],
    16,
  );

  test('random values', () => {
    fc.assert(
      fc.property(value, v => {
        expect(splitClauses(v)).toEqual(before(v));
      }),
      { numRuns: 5000 },
    );
  });

  test.each([
    'from a (b by c) by d with ESMTP id 1 for <x@y>',
    'from a from b by c by d with x with y',
    'by d) from a ((with b)) with c',
    'fromfrom by(x) with',
  ])('%j', v => {
    expect(splitClauses(v)).toEqual(before(v));
  });
});
