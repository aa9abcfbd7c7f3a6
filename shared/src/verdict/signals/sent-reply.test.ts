import { describe, expect, test } from 'vitest';
import type { Analysis, MessageIdLookup, RecipientLookup } from '../../types';
import { buildContext } from '../context';
import { analysis, outcome, profile, type SignalCase } from '../testing';
import { THRESHOLDS } from '../thresholds';
import * as signal from './sent-reply';

const reply = (ids: MessageIdLookup[]): Analysis =>
  analysis({
    kind: 'auto-reply',
    recipients: [],
    answering: { inReplyTo: ids[0]?.messageId, references: [], quotedSubject: 'Hello' },
    lookups: ids,
  });
const answered: RecipientLookup = {
  kind: 'by-recipient',
  key: 'a',
  role: 'answered',
  address: 'carol@remote.example',
  subject: 'hello',
  date: '2026-11-23T12:00:00.000Z',
  windowHours: 72,
};
const two = reply([
  { messageId: 'a@example.org', role: 'in-reply-to' },
  { messageId: 'b@example.org', role: 'references' },
]);

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'the In-Reply-To id in Sent: the answered message',
      analysis: two,
      lookups: { 'a@example.org': 'found', 'b@example.org': 'not-found' },
      direction: 'legitimate',
      variant: 'found',
    },
    {
      // Security issue item 6: anyone can copy a real id of the user's into References.
      name: 'only a References id in Sent: weak, never the veto',
      analysis: two,
      lookups: { 'b@example.org': 'found', 'a@example.org': 'not-found' },
      direction: 'legitimate',
      variant: 'references-found',
    },
    {
      name: 'every id searched, none found',
      analysis: two,
      lookups: { 'a@example.org': 'not-found', 'b@example.org': 'not-found' },
      direction: 'backscatter',
      variant: 'not-found',
    },
    {
      name: 'one id unavailable: not counted against',
      analysis: two,
      lookups: { 'a@example.org': 'not-found' },
      direction: 'neutral',
      variant: 'unavailable',
    },
    {
      name: 'names no message: looked up by its sender instead, found',
      analysis: { ...reply([]), lookups: [answered] },
      lookups: { a: 'found' },
      direction: 'legitimate',
      variant: 'found-recipient',
    },
    {
      name: 'names no message: nothing to its sender’s domain then',
      analysis: { ...reply([]), lookups: [answered] },
      lookups: { a: 'not-found' },
      direction: 'backscatter',
      variant: 'not-found-recipient',
    },
    {
      name: 'names no message: Sent could not settle it',
      analysis: { ...reply([]), lookups: [answered] },
      lookups: {},
      direction: 'neutral',
      variant: 'unavailable-recipient',
    },
    {
      name: 'falls back to answering.inReplyTo',
      analysis: analysis({
        kind: 'challenge',
        recipients: [],
        answering: { inReplyTo: 'c@example.org', references: [], quotedSubject: undefined },
      }),
      lookups: { 'c@example.org': 'found' },
      direction: 'legitimate',
      variant: 'found',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

describe('stays quiet', () => {
  test.each<SignalCase>([{ name: 'auto-reply that names no message', analysis: reply([]) }])('$name', c => {
    expect(outcome(signal, c)).toBeUndefined();
  });
});

describe('the reply veto', () => {
  test('a References hit weighs less than the veto; an In-Reply-To hit reaches it', () => {
    const refs = outcomeEvidence({ 'b@example.org': 'found', 'a@example.org': 'not-found' });
    const answered = outcomeEvidence({ 'a@example.org': 'found' });
    expect(refs?.weight).toBeLessThan(THRESHOLDS.vetoLegitimate);
    expect(answered?.weight).toBeGreaterThanOrEqual(THRESHOLDS.vetoLegitimate);
  });
});

function outcomeEvidence(lookups: Record<string, 'found' | 'not-found'>) {
  return signal.evaluate(buildContext(two, profile(), lookups, undefined));
}
