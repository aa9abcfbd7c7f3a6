import { describe, expect, test } from 'vitest';
import { analysis, original, outcome, profile, type SignalCase } from '../testing';
import * as signal from './user-agent';

const learned = profile(['alice@example.org'], { userAgents: ['thunderbird'], sampleSize: 40 });
const ua = (userAgent: string) => analysis({ original: original({ userAgent }) });

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'Thunderbird user, Thunderbird original',
      analysis: ua('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0'),
      profile: learned,
      direction: 'legitimate',
      variant: 'match',
    },
    {
      name: 'Thunderbird user, Outlook Express original',
      analysis: ua('Microsoft Outlook Express 6.00.2900.2180'),
      profile: learned,
      direction: 'backscatter',
      variant: 'foreign',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'no User-Agent', analysis: analysis({ original: original() }), profile: learned },
    { name: 'nothing learned', analysis: ua('The Bat! (v3.0)') },
    {
      name: 'too few samples to call a program foreign',
      analysis: ua('The Bat! (v3.0)'),
      profile: { ...learned, sampleSize: 2 },
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
