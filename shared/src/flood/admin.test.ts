import { describe, expect, test } from 'vitest';
import { emptyProfile } from '../verdict/profile';
import { adminExports, relayTokens } from './admin';
import type { DomainAdvice } from './types';

const own = (domain: string): DomainAdvice => ({
  domain,
  kind: 'own',
  provider: undefined,
  dmarc: { policy: 'none', seen: 1, counts: { none: 1 }, failed: 1 },
  spf: { result: 'softfail', seen: 1 },
  dkim: { realMailSignedBy: [], forgedPassed: 0 },
  steps: [],
});

describe('relayTokens', () => {
  test.each([
    [['mail.example.org'], ['mail.example.org']],
    [['Mail.Example.org', 'mail.example.org'], ['mail.example.org']],
    [
      ['a.out.example.net', 'b.out.example.net', 'c.out.example.net'],
      ['a.out.example.net', 'b.out.example.net', 'c.out.example.net'],
    ],
    [
      ['a.example.net', 'b.example.net', 'c.example.net', 'd.example.net', 'mx.example.org'],
      ['*.example.net', 'mx.example.org'],
    ],
    // Nothing that is not a host name reaches a config line.
    [['198.51.100.7', 'evil.example\nrequire "vacation"', 'ok.example'], ['ok.example']],
  ])('%j → %j', (relays, tokens) => {
    expect(relayTokens(relays)).toEqual(tokens);
  });
});

describe('adminExports', () => {
  test('SpamAssassin names the relays under both spellings; Sieve files the VBounce hits', () => {
    const out = adminExports({
      relays: ['mail.example.org'],
      domain: own('example.org'),
      profile: emptyProfile(['a@example.org']),
      junkFolder: 'Junk "x"',
    });
    const sa = out.find(a => a.id === 'spamassassin')!.text;
    expect(sa).toContain('welcomelist_bounce_relays mail.example.org');
    expect(sa).toContain('whitelist_bounce_relays mail.example.org');
    expect(sa).toMatch(/^ifplugin Mail::SpamAssassin::Plugin::VBounce\n[\s\S]*\nendif\n$/);
    const sieve = out.find(a => a.id === 'sieve')!.text;
    expect(sieve).toContain('["BOUNCE_MESSAGE", "CRBOUNCE_MESSAGE", "VBOUNCE_MESSAGE"]');
    expect(sieve).toContain('fileinto :create "Junk \\"x\\"";');
  });

  test('Postfix only when the user’s servers use host names under the domain', () => {
    const profile = {
      ...emptyProfile(['a@example.org']),
      sampleSize: 10,
      messageIdDomains: ['mail.example.org'],
    };
    const withHost = adminExports({
      relays: ['mail.example.org'],
      domain: own('example.org'),
      profile,
      junkFolder: 'Junk',
    });
    const postfix = withHost.find(a => a.id === 'postfix')!.text;
    expect(postfix).toContain('/^[> ]*Received: +from +(example\\.org) /');
    expect(postfix).toContain('Message-ID:.*@(example\\.org)>');
    const bare = adminExports({
      relays: ['example.org'],
      domain: own('example.org'),
      profile,
      junkFolder: 'Junk',
    });
    expect(bare.map(a => a.id)).not.toContain('postfix');
    const idsAtDomain = adminExports({
      relays: ['mail.example.org'],
      domain: own('example.org'),
      profile: { ...profile, messageIdDomains: ['example.org'] },
      junkFolder: 'Junk',
    });
    expect(idsAtDomain.find(a => a.id === 'postfix')!.text).not.toContain('Message-ID');
  });

  test('nothing learned: no SpamAssassin or Sieve; a provider domain: no Postfix or Exim', () => {
    expect(
      adminExports({
        relays: [],
        domain: own('example.org'),
        profile: emptyProfile([]),
        junkFolder: 'Junk',
      }).map(a => a.id),
    ).toEqual(['exim']);
    const provider = { ...own('gmail.com'), kind: 'provider' as const };
    expect(
      adminExports({ relays: [], domain: provider, profile: emptyProfile([]), junkFolder: 'Junk' }),
    ).toEqual([]);
  });
});
