import { describe, expect, test } from 'vitest';
import { analysis, original, outcome, type SignalCase } from '../testing';
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

test('not-found alone can never decide: weight below the backscatter threshold', async () => {
  const { THRESHOLDS, WEIGHTS } = await import('../thresholds');
  expect(WEIGHTS.sentNotFound).toBeLessThan(THRESHOLDS.backscatter);
  expect(WEIGHTS.sentFound).toBeGreaterThanOrEqual(THRESHOLDS.vetoLegitimate);
});
