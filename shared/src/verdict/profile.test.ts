import { describe, expect, test } from 'vitest';
import { emptyProfile, learnProfile } from './profile';

const enc = (text: string) => new TextEncoder().encode(text.replace(/\n/g, '\r\n'));

const thunderbird = (n: number) =>
  enc(`Message-ID: <0b5c2f8e-3a1d-4e7b-9c2f-1a2b3c4d5e${n.toString(16).padStart(2, '0')}@example.org>
Date: Fri, 27 Nov 2026 10:00:00 +0100
MIME-Version: 1.0
User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0
From: Alice <alice@example.org>
To: bob@remote.example
Subject: note ${n}
Content-Type: text/plain; charset=UTF-8

hello
`);

const exchangeCopy =
  enc(`Received: from AM0PR07MB1234.eurprd07.prod.outlook.com (2603:10a6:208:1::1) by AM0PR07MB1234.eurprd07.prod.outlook.com with HTTPS; Fri, 27 Nov 2026 10:00:00 +0000
DKIM-Signature: v=1; a=rsa-sha256; d=contoso.onmicrosoft.com; s=selector1; h=From; bh=x; b=y
From: Alice <alice@contoso.com>
Message-ID: <AM0PR07MB12345ABCDEF0123456789@AM0PR07MB12345.eurprd07.prod.outlook.com>
Subject: hi

x
`);

describe('emptyProfile', () => {
  test.each([
    [['Alice@Gmail.com'], ['gmail']],
    [['a@example.org'], []],
    [
      ['a@gmx.de', 'b@outlook.com'],
      ['gmx', 'microsoft'],
    ],
  ])('%j → providers %j', (addresses, providers) => {
    const p = emptyProfile(addresses);
    expect(p.providers).toEqual(providers);
    expect(p.addresses).toEqual(addresses.map(a => a.toLowerCase()));
    expect(p.sampleSize).toBe(0);
  });
});

describe('learnProfile', () => {
  test('learns shapes, programs and charsets from client-saved copies', () => {
    const p = learnProfile(
      Array.from({ length: 12 }, (_, i) => thunderbird(i)),
      ['alice@example.org'],
    );
    expect(p.sampleSize).toBe(12);
    expect(p.messageIdShapes).toEqual(['uuid-lower@example.org']);
    expect(p.messageIdDomains).toEqual(['example.org']);
    expect(p.userAgents).toEqual(['thunderbird']);
    expect(p.charsets).toEqual(['utf-8']);
    expect(p.relays).toEqual([]);
  });

  test('learns DKIM domains, relays and the provider from a server-side copy', () => {
    const p = learnProfile([exchangeCopy], ['alice@contoso.com']);
    expect(p.dkimDomains).toEqual(['contoso.onmicrosoft.com']);
    expect(p.providers).toContain('microsoft');
    expect(p.relays).toContain('am0pr07mb1234.eurprd07.prod.outlook.com');
  });

  test('options add relays and return-path tags; maxSamples bounds the work', () => {
    const p = learnProfile([thunderbird(1), thunderbird(2), thunderbird(3)], ['alice@example.org'], {
      relays: ['Mail.Example.org'],
      returnPathTags: ['prvs'],
      maxSamples: 2,
    });
    expect(p.relays).toEqual(['mail.example.org']);
    expect(p.returnPathTags).toEqual(['prvs']);
    expect(p.sampleSize).toBe(2);
  });

  test('a From address used often in Sent becomes an identity; a stray one does not', () => {
    expect(
      learnProfile([thunderbird(1), thunderbird(2), thunderbird(3)], ['other@example.net']).addresses,
    ).toContain('alice@example.org');
    expect(learnProfile([thunderbird(1)], ['other@example.net']).addresses).not.toContain(
      'alice@example.org',
    );
    // …unless it is at the domain of a configured identity.
    expect(learnProfile([thunderbird(1)], ['other@example.org']).addresses).toContain('alice@example.org');
  });
});
