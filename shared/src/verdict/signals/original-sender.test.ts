import { describe, expect, test } from 'vitest';
import { analysis, original, outcome, profile, type SignalCase } from '../testing';
import * as signal from './original-sender';

const from = (address: string) => analysis({ original: original({ from: [{ name: undefined, address }] }) });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'the user’s address',
      analysis: from('Alice@Example.org'),
      direction: 'legitimate',
      variant: 'match',
    },
    {
      name: 'the user’s address with a +tag',
      analysis: from('alice+shop@example.org'),
      direction: 'legitimate',
      variant: 'match',
    },
    {
      name: 'someone else’s address',
      analysis: from('promo@deals.example'),
      direction: 'backscatter',
      variant: 'foreign',
    },
    {
      name: 'no From, but the user’s Return-Path',
      analysis: analysis({ original: original({ returnPath: 'alice@example.org' }) }),
      direction: 'legitimate',
      variant: 'match',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'no original', analysis: analysis() },
    { name: 'original without From', analysis: analysis({ original: original() }) },
    { name: 'the profile knows no addresses', analysis: from('promo@deals.example'), profile: profile([]) },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
