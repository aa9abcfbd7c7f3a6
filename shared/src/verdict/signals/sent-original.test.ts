import { describe, expect, test } from 'vitest';
import type { LookupRequest, RecipientLookup } from '../../types';
import { buildContext } from '../context';
import { decide } from '../decide';
import { analysis, original, outcome, profile, type SignalCase } from '../testing';
import { SAME_FACT, THRESHOLDS, WEIGHTS } from '../thresholds';
import * as signal from './sent-original';

const withId = analysis({ original: original({ messageId: 'abc@example.org' }) });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'found in Sent',
      analysis: withId,
      lookups: { 'abc@example.org': 'found' },
      direction: 'legitimate',
      variant: 'found',
    },
    {
      name: 'not found in Sent',
      analysis: withId,
      lookups: { 'abc@example.org': 'not-found' },
      direction: 'backscatter',
      variant: 'not-found',
    },
    {
      name: 'Sent unavailable: a note, never not-found',
      analysis: withId,
      lookups: { 'abc@example.org': 'unavailable' },
      direction: 'neutral',
      variant: 'unavailable',
    },
    {
      name: 'no lookup result at all counts as unavailable',
      analysis: withId,
      lookups: {},
      direction: 'neutral',
      variant: 'unavailable',
    },
    {
      name: 'uses the lookup request even when the original was not parsed',
      analysis: analysis({ lookups: [{ messageId: 'zzz@example.org', role: 'original' }] }),
      lookups: { 'zzz@example.org': 'found' },
      direction: 'legitimate',
      variant: 'found',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'no original, nothing to look up', analysis: analysis() },
    { name: 'original without Message-ID', analysis: analysis({ original: original() }) },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});

describe('by recipient, when there is no id to look up', () => {
  const request = (subject: string | undefined): RecipientLookup => ({
    kind: 'by-recipient',
    key: `r-${String(subject)}`,
    role: 'original',
    address: 'bob@remote.example',
    subject,
    date: '2026-11-23T12:00:00.000Z',
    windowHours: 144,
  });
  const withSubject = request('lunch');
  const noSubject = request(undefined);
  const run = (
    r: RecipientLookup,
    result: 'found' | 'not-found' | 'unavailable',
    extra: LookupRequest[] = [],
  ) =>
    signal.evaluate(
      buildContext(
        analysis({ lookups: [...extra, r] }),
        profile(),
        { [r.key]: result, 'abc@example.org': 'unavailable' },
        undefined,
      ),
    );

  test.each([
    {
      r: withSubject,
      result: 'found' as const,
      direction: 'legitimate',
      variant: 'found-recipient',
      weight: WEIGHTS.sentFound,
    },
    {
      r: noSubject,
      result: 'found' as const,
      direction: 'legitimate',
      variant: 'found-recipient-only',
      weight: WEIGHTS.sentFoundRecipientOnly,
    },
    {
      r: withSubject,
      result: 'not-found' as const,
      direction: 'backscatter',
      variant: 'not-found-recipient',
      weight: WEIGHTS.sentNotFound,
    },
    {
      r: withSubject,
      result: 'unavailable' as const,
      direction: 'neutral',
      variant: 'unavailable-recipient',
      weight: 0,
    },
  ])('$variant', ({ r, result, direction, variant, weight }) => {
    const e = run(r, result);
    expect(e).toMatchObject({ direction, weight, params: { variant, address: 'bob@remote.example' } });
  });

  test('a found without a subject leans, never decides', () => {
    expect(WEIGHTS.sentFoundRecipientOnly).toBeLessThan(THRESHOLDS.vetoLegitimate);
  });

  test('an id lookup, when there is one, is the one that counts', () => {
    expect(run(withSubject, 'not-found', [{ messageId: 'abc@example.org', role: 'original' }])).toMatchObject(
      {
        params: { variant: 'unavailable', messageId: 'abc@example.org' },
      },
    );
  });

  test('not-found by recipient and "never wrote to that domain" count once (one fact: absent from Sent)', () => {
    const learned = profile(['alice@example.org'], {
      correspondents: Array.from({ length: 60 }, (_, i) => `friend${i}@known${i % 7}.example`),
      sampleSize: 200,
    });
    const a = analysis({ lookups: [withSubject] });
    const d = decide(a, learned, { [withSubject.key]: 'not-found' });
    const signals = d.evidence.filter(e => e.direction === 'backscatter').map(e => e.signal);
    expect(signals).toEqual(expect.arrayContaining(['sent-original', 'correspondent']));
    // 2.5 + 0.5 would be 3; counted once it stays 2.5, short of anything but unsure.
    expect(d.verdict).toBe('unsure');
    expect(SAME_FACT['sent-original/not-found-recipient']).toBe(SAME_FACT['correspondent/stranger']);
  });
});

test('not-found alone can never decide: weight below the backscatter threshold', async () => {
  expect(WEIGHTS.sentNotFound).toBeLessThan(THRESHOLDS.backscatter);
  expect(WEIGHTS.sentFound).toBeGreaterThanOrEqual(THRESHOLDS.vetoLegitimate);
});
