import { describe, expect, test } from 'vitest';
import { analysis, outcome, type SignalCase } from '../testing';
import * as signal from './campaign';

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
