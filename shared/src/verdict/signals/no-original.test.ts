import { describe, expect, test } from 'vitest';
import { analysis, original, outcome, type SignalCase } from '../testing';
import * as signal from './no-original';

describe('fires', () => {
  test.each<SignalCase>([
    { name: 'a bounce with no copy of the message', analysis: analysis() },
    { name: 'an auto-reply that names nothing', analysis: analysis({ kind: 'auto-reply', recipients: [] }) },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: 'neutral', variant: undefined });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([
    { name: 'original present', analysis: analysis({ original: original() }) },
    { name: 'an id to look up', analysis: analysis({ lookups: [{ messageId: 'a@b', role: 'original' }] }) },
    {
      name: 'an auto-reply with In-Reply-To',
      analysis: analysis({
        kind: 'auto-reply',
        answering: { inReplyTo: 'a@b', references: [], quotedSubject: undefined },
      }),
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});
