import { describe, expect, test } from 'vitest';
import { analysis, outcome, profile, recipient, type SignalCase } from '../testing';
import * as signal from './campaign';
import { coArrivalNeeded } from './campaign';

describe('fires', () => {
  test.each<SignalCase>([
    {
      name: '60 bounces about 45 domains in 6 hours',
      analysis: analysis(),
      history: { automatedInWindow: 60, distinctRecipientDomains: 45, windowHours: 6 },
    },
    {
      name: 'exactly at the thresholds',
      analysis: analysis(),
      history: { automatedInWindow: 20, distinctRecipientDomains: 10, windowHours: 48 },
    },
  ])('$name', c => {
    expect(outcome(signal, c)?.direction).toBe('backscatter');
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'no history', analysis: analysis() },
    {
      name: 'a few bounces',
      analysis: analysis(),
      history: { automatedInWindow: 3, distinctRecipientDomains: 2, windowHours: 6 },
    },
    {
      name: 'many bounces about one domain (a real outage)',
      analysis: analysis(),
      history: { automatedInWindow: 80, distinctRecipientDomains: 1, windowHours: 6 },
    },
    {
      name: 'spread over a month',
      analysis: analysis(),
      history: { automatedInWindow: 80, distinctRecipientDomains: 50, windowHours: 720 },
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});

describe('a wave, and a bounce with nothing to check about a stranger', () => {
  // 60 correspondents learned from Sent, none at random-host.example.
  const learned = profile(['alice@example.org'], {
    correspondents: Array.from({ length: 60 }, (_, i) => `friend${i}@known${i % 7}.example`),
    sampleSize: 200,
  });
  const wave = { automatedInWindow: 60, distinctRecipientDomains: 45, windowHours: 6 };
  const stranger = recipient({ address: 'xk9@random-host.example' });

  const byRecipientLookup = {
    kind: 'by-recipient' as const,
    key: 'r',
    role: 'original' as const,
    address: 'xk9@random-host.example',
    subject: undefined,
    date: '2026-11-23T12:00:00.000Z',
    windowHours: 144,
  };

  test('a by-recipient lookup that could not be answered leaves nothing checked: still weighs more', () => {
    expect(
      outcome(signal, {
        name: '',
        analysis: analysis({ recipients: [stranger], lookups: [byRecipientLookup] }),
        lookups: { r: 'unavailable' },
        profile: learned,
        history: wave,
      }),
    ).toEqual({ direction: 'backscatter', variant: 'unchecked-stranger' });
  });

  test('weighs more: the variant says so', () => {
    expect(
      outcome(signal, {
        name: '',
        analysis: analysis({ recipients: [stranger] }),
        profile: learned,
        history: wave,
      }),
    ).toEqual({
      direction: 'backscatter',
      variant: 'unchecked-stranger',
    });
  });

  test.each<SignalCase>([
    {
      name: 'the bounce carries an original to check',
      analysis: analysis({
        recipients: [stranger],
        lookups: [{ messageId: 'a@b.example', role: 'original' }],
      }),
      profile: learned,
      history: wave,
    },
    {
      name: 'the Sent folder was searched for a message to the recipient (by-recipient, not found)',
      analysis: analysis({ recipients: [stranger], lookups: [byRecipientLookup] }),
      lookups: { [byRecipientLookup.key]: 'not-found' },
      profile: learned,
      history: wave,
    },
    {
      name: 'the recipient is at a domain the user writes to',
      analysis: analysis({ recipients: [recipient({ address: 'new@known3.example' })] }),
      profile: learned,
      history: wave,
    },
    {
      name: 'the profile knows too few correspondents to call anyone a stranger',
      analysis: analysis({ recipients: [stranger] }),
      profile: profile(['alice@example.org'], { correspondents: ['bob@remote.example'], sampleSize: 3 }),
      history: wave,
    },
  ])('stays the plain wave when $name', c => {
    expect(outcome(signal, c)).toEqual({ direction: 'backscatter', variant: undefined });
  });
});

describe('co-arrival: low-grade backscatter below a wave (verdict issue, item 9)', () => {
  const learned = profile(['alice@example.org'], {
    correspondents: ['bob@known.example'],
    sampleSize: 40,
  });
  const about = (address: string) => analysis({ recipients: [recipient({ address })] });
  const quiet = { automatedInWindow: 4, distinctRecipientDomains: 4, windowHours: 48 };

  test('nothing to check, never written to, 3 others decided backscatter nearby, a quiet mailbox', () => {
    const c = {
      name: 'co-arrival',
      analysis: about('x@stranger.example'),
      profile: learned,
      history: { ...quiet, backscatterNearby: 3, automatedPerDay: 0.2 },
    };
    expect(outcome(signal, c)).toEqual({ direction: 'backscatter', variant: 'co-arrival' });
  });

  test.each<SignalCase>([
    {
      name: 'the counterpart was written to',
      analysis: about('bob@known.example'),
      profile: learned,
      history: { ...quiet, backscatterNearby: 9, automatedPerDay: 0.2 },
    },
    {
      // 200 automated messages a day: 3 wrongly called ones nearby are within chance (7 needed).
      name: 'a busy mailbox: too few relative to its usual rate',
      analysis: about('x@stranger.example'),
      profile: learned,
      history: { ...quiet, backscatterNearby: 3, automatedPerDay: 200 },
    },
    {
      name: 'nothing learned about whom the user writes to',
      analysis: about('x@stranger.example'),
      profile: profile(['alice@example.org']),
      history: { ...quiet, backscatterNearby: 9 },
    },
  ])('stays quiet: $name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });

  test('the count needed grows with the usual rate', () => {
    expect([0, 30, 40, 100, 200].map(coArrivalNeeded)).toEqual([3, 3, 4, 5, 7]);
  });
});
