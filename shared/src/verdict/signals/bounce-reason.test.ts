import { describe, expect, test } from 'vitest';
import { analysis, outcome, recipient, type SignalCase } from '../testing';
import * as signal from './bounce-reason';

describe('fires', () => {
  test.each<SignalCase & { variant: string }>([
    {
      name: 'refused as spam',
      analysis: analysis({ recipients: [recipient({ reason: 'spam-blocked', status: '5.7.1' })] }),
      variant: 'spam',
    },
    {
      name: 'refused for DMARC',
      analysis: analysis({ recipients: [recipient({ reason: 'auth-policy', status: '5.7.26' })] }),
      variant: 'auth',
    },
    { name: 'a virus notice', analysis: analysis({ kind: 'virus-notice', recipients: [] }), variant: 'spam' },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: 'backscatter', variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'user unknown', analysis: analysis() },
    {
      name: 'mixed reasons',
      analysis: analysis({
        recipients: [recipient({ reason: 'spam-blocked' }), recipient({ reason: 'mailbox-full' })],
      }),
    },
    {
      name: 'a delay',
      analysis: analysis({
        kind: 'delay',
        recipients: [recipient({ reason: 'spam-blocked', action: 'delayed' })],
      }),
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
