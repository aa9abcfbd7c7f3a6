import { describe, expect, test } from 'vitest';
import { analysis, outcome, profile, recipient, type SignalCase } from '../testing';
import * as signal from './correspondent';

const many = Array.from({ length: 60 }, (_, i) => `person${i}@org${i}.example`);
const learned = profile(['alice@example.org'], {
  correspondents: ['bob@remote.example', ...many],
  sampleSize: 200,
});
const few = profile(['alice@example.org'], { correspondents: ['bob@remote.example'], sampleSize: 3 });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'a bounce for someone the user wrote to',
      analysis: analysis(),
      profile: learned,
      direction: 'legitimate',
      variant: 'known',
    },
    {
      name: 'even with a small profile',
      analysis: analysis(),
      profile: few,
      direction: 'legitimate',
      variant: 'known',
    },
    {
      name: 'an auto-reply from someone the user wrote to',
      analysis: analysis({
        kind: 'auto-reply',
        recipients: [],
        from: { name: undefined, address: 'Bob@Remote.example' },
      }),
      profile: learned,
      direction: 'legitimate',
      variant: 'known',
    },
    {
      name: 'a bounce for a stranger at a domain the user never wrote to',
      analysis: analysis({ recipients: [recipient({ address: 'xk9@random-host.example' })] }),
      profile: learned,
      direction: 'backscatter',
      variant: 'stranger',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'nothing learned', analysis: analysis(), profile: profile(['alice@example.org']) },
    {
      name: 'a stranger, but the profile knows too few correspondents',
      analysis: analysis({ recipients: [recipient({ address: 'x@new.example' })] }),
      profile: few,
    },
    {
      name: 'a new person at a domain the user writes to',
      analysis: analysis({ recipients: [recipient({ address: 'carol@org7.example' })] }),
      profile: learned,
    },
    {
      // Mail to oneself bounces too (a full mailbox); the user is no stranger a forger picked.
      name: 'the bounce is about the user’s own address',
      analysis: analysis({ recipients: [recipient({ address: 'Alice@Example.org' })] }),
      profile: learned,
    },
    {
      name: 'a colleague at the user’s own domain',
      analysis: analysis({ recipients: [recipient({ address: 'dave@example.org' })] }),
      profile: learned,
    },
    {
      name: 'a virus notice (written by a filter, not a correspondent)',
      analysis: analysis({ kind: 'virus-notice', recipients: [] }),
      profile: learned,
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
