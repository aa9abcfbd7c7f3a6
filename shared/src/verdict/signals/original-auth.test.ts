import { describe, expect, test } from 'vitest';
import type { AuthResult } from '../../types';
import { analysis, original, outcome, postfixHop, profile, type SignalCase } from '../testing';
import * as signal from './original-auth';

const entry = postfixHop('mail-wr1-f54.google.com', '209.85.221.54', 'mx1.remote.example');
const gmailUser = profile(['alice@gmail.com']);
const ar = (method: string, result: string, domain: string, authserv = 'mx1.remote.example'): AuthResult => ({
  source: 'authentication-results',
  authserv,
  method,
  result,
  domain,
});
const withAuth = (auth: AuthResult[]) =>
  analysis({
    original: original({
      auth,
      from: [{ name: undefined, address: 'alice@gmail.com' }],
      received: [entry.hop],
      receivedRaw: [entry.raw],
    }),
  });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'DMARC pass for the user’s domain by the receiver',
      analysis: withAuth([ar('dmarc', 'pass', 'gmail.com')]),
      profile: gmailUser,
      direction: 'legitimate',
      variant: 'pass',
    },
    {
      name: 'DMARC fail for the user’s domain',
      analysis: withAuth([ar('dmarc', 'fail', 'gmail.com')]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'fail',
    },
    {
      name: 'SPF fail written by anyone still counts',
      analysis: withAuth([ar('spf', 'fail', 'gmail.com', 'bot.example')]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'fail',
    },
    {
      name: 'SPF pass but DMARC fail: the fail wins',
      analysis: withAuth([ar('spf', 'pass', 'gmail.com'), ar('dmarc', 'fail', 'gmail.com')]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'fail',
    },
    {
      name: 'DKIM none at a provider that always signs',
      analysis: withAuth([ar('dkim', 'none', 'gmail.com')]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'none',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'no results', analysis: withAuth([]), profile: gmailUser },
    {
      name: 'pass written by an untrusted server (forged header)',
      analysis: withAuth([ar('dmarc', 'pass', 'gmail.com', 'mx.forger.example')]),
      profile: gmailUser,
    },
    {
      name: 'results about someone else’s domain',
      analysis: withAuth([ar('spf', 'fail', 'other.example')]),
      profile: gmailUser,
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
