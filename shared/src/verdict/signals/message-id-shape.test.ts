import { describe, expect, test } from 'vitest';
import { analysis, original, outcome, profile, type SignalCase } from '../testing';
import * as signal from './message-id-shape';

const thunderbirdUser = profile(['alice@example.org'], {
  messageIdShapes: ['uuid-lower@example.org'],
  messageIdDomains: ['example.org'],
  sampleSize: 50,
});
const withId = (messageId: string) =>
  analysis({ original: original({ messageId, from: [{ name: undefined, address: 'alice@example.org' }] }) });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'learned shape',
      analysis: withId('0b5c2f8e-3a1d-4e7b-9c2f-1a2b3c4d5e6f@example.org'),
      profile: thunderbirdUser,
      direction: 'legitimate',
      variant: 'match',
    },
    {
      name: 'an id made at a stranger’s domain',
      analysis: withId('4f2a9c0e11d2b3a4c5d6e7f8@mx.bulkmail.example'),
      profile: thunderbirdUser,
      direction: 'backscatter',
      variant: 'foreign-domain',
    },
    {
      name: 'forged with the user’s domain, other shape',
      analysis: withId('20261127101010.4F3A2B1C@example.org'),
      profile: thunderbirdUser,
      direction: 'backscatter',
      variant: 'mismatch',
    },
    {
      name: 'claims Gmail’s own host in a shape Gmail never writes',
      analysis: withId('abc123@mail.gmail.com'),
      profile: profile(['alice@gmail.com']),
      direction: 'backscatter',
      variant: 'forged-provider',
    },
    {
      name: 'a real Gmail id for a Gmail user without a learned profile',
      analysis: withId('CAByYQsF5qdTf_h-1AAVPW0RgR1YN+LE=+0Uv9LpQ4aA_myPtCw@mail.gmail.com'),
      profile: profile(['alice@gmail.com']),
      direction: 'legitimate',
      variant: 'match',
    },
    {
      name: 'an auto-reply answers an id of a shape the user never writes',
      analysis: analysis({
        kind: 'auto-reply',
        recipients: [],
        answering: { inReplyTo: 'XYZ.123@example.org', references: [], quotedSubject: undefined },
      }),
      profile: thunderbirdUser,
      direction: 'backscatter',
      variant: 'mismatch',
    },
    {
      name: 'complete header block without any Message-ID',
      analysis: analysis({
        original: original({ from: [{ name: undefined, address: 'alice@example.org' }] }),
      }),
      direction: 'backscatter',
      variant: 'missing',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    {
      name: 'unlearned profile, id at a stranger’s domain',
      analysis: withId('4f2a9c0e11d2b3a4c5d6e7f8@mx.bulkmail.example'),
      profile: profile(['alice@example.org']),
    },
    {
      name: 'unlearned profile, id at the user’s own domain',
      analysis: withId('20261127101010.4F3A2B1C@example.org'),
      profile: profile(['alice@example.org']),
    },
    {
      name: 'too small a sample to call a shape foreign',
      analysis: withId('X1@example.org'),
      profile: { ...thunderbirdUser, sampleSize: 3 },
    },
    { name: 'no original and no answered id', analysis: analysis() },
    {
      name: 'missing id but the headers were cut',
      analysis: analysis({
        original: original({ headersTruncated: true, from: [{ name: undefined, address: 'a@b.c' }] }),
      }),
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
