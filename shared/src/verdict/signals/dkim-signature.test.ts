import { describe, expect, test } from 'vitest';
import type { DkimSignature, OriginalMessage } from '../../types';
import { analysis, original, outcome, postfixHop, profile, type SignalCase } from '../testing';
import * as signal from './dkim-signature';

const gmailUser = profile(['alice@gmail.com']);
const remoteEntry = postfixHop('dsl-187-1-2-3.isp.example', '187.1.2.3', 'mx1.remote.example');
const from = [{ name: undefined, address: 'alice@gmail.com' }];
const thirdParty = (
  dkim: DkimSignature[],
  extra: Partial<OriginalMessage> & { receivedRaw?: string[] } = {},
) =>
  analysis({
    original: original({ dkim, from, received: [remoteEntry.hop], receivedRaw: [remoteEntry.raw], ...extra }),
  });

const gmailEntry = postfixHop('mail-wr1-f41.google.com', '209.85.221.41', 'mx1.remote.example');

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'signed d=gmail.com, handed over by Gmail',
      analysis: thirdParty([{ domain: 'gmail.com', selector: '20230601' }], {
        received: [gmailEntry.hop],
        receivedRaw: [gmailEntry.raw],
      }),
      profile: gmailUser,
      direction: 'legitimate',
      variant: 'match',
    },
    {
      name: 'unsigned, through a third party',
      analysis: thirdParty([]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'missing',
    },
    {
      name: 'signed by a stranger',
      analysis: thirdParty([{ domain: 'spam.example', selector: 's' }]),
      profile: gmailUser,
      direction: 'backscatter',
      variant: 'foreign',
    },
    {
      name: 'learned d= of a custom domain',
      analysis: analysis({ original: original({ dkim: [{ domain: 'example.org', selector: 'google' }] }) }),
      profile: profile(['alice@example.org'], { dkimDomains: ['example.org'] }),
      direction: 'legitimate',
      variant: 'match',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test('a signature header behind a dial-up entry vouches for nothing (verdict issue, item 7)', () => {
    const c = {
      name: 'pasted',
      analysis: thirdParty([{ domain: 'gmail.com', selector: 's' }]),
      profile: gmailUser,
    };
    expect(outcome(signal, c)).toBeUndefined();
  });

  test.each<SignalCase>([
    {
      name: 'nothing known about the user’s signing',
      analysis: thirdParty([]),
      profile: profile(['alice@example.org']),
    },
    {
      name: 'unsigned, but the headers were cut',
      analysis: thirdParty([], { headersTruncated: true }),
      profile: gmailUser,
    },
    {
      name: 'unsigned, but only a header summary without Received lines',
      analysis: thirdParty([], { received: [] }),
      profile: gmailUser,
    },
    {
      name: 'unsigned copy in a bounce the user’s own provider wrote',
      analysis: analysis({
        reportingMta: 'mx.google.com',
        original: original({
          from,
          received: [postfixHop('laptop.isp.example', '84.1.2.3', 'smtp.gmail.com', 'ESMTPSA').hop],
        }),
      }),
      profile: gmailUser,
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
