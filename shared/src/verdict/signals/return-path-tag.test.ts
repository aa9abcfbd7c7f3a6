import { describe, expect, test } from 'vitest';
import { analysis, original, outcome, profile, type SignalCase } from '../testing';
import * as signal from './return-path-tag';

const tagged = profile(['alice@example.org'], { returnPathTags: ['prvs'] });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'bounce to the tagged address',
      analysis: analysis({ to: [{ name: undefined, address: 'prvs=0a1b2c3d=alice@example.org' }] }),
      profile: tagged,
      direction: 'legitimate',
      variant: 'present',
    },
    {
      name: 'tagged Return-Path on the original',
      analysis: analysis({ to: [], original: original({ returnPath: 'prvs=0a1b2c3d=alice@example.org' }) }),
      profile: tagged,
      direction: 'legitimate',
      variant: 'present',
    },
    {
      name: 'bounce to the plain address',
      analysis: analysis(),
      profile: tagged,
      direction: 'backscatter',
      variant: 'missing',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'the user’s mail is not tagged', analysis: analysis() },
    { name: 'nothing to look at', analysis: analysis({ to: [] }), profile: tagged },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
