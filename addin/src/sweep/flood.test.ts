import { expect, test } from 'vitest';
import { sampleItem } from '../../../shared/src/flood/testing';
import type { SweepItem } from '../graph/sweep';
import { floodItems } from './flood';

const sweepItem = (over: Partial<SweepItem>): SweepItem => ({
  id: 'AAMk1',
  subject: 'Undelivered Mail Returned to Sender',
  from: 'mailer-daemon@mx.example.net',
  received: '2026-12-03T10:15:00Z',
  messageClass: 'IPM.Note',
  assessment: undefined,
  error: undefined,
  ...over,
});

test('decided items with their arrival; undecided and failed ones left out', () => {
  const { analysis, decision } = sampleItem('backscatter', 'alice@example.org');
  const items = floodItems([
    sweepItem({ assessment: { analysis, decision } }),
    sweepItem({ assessment: { analysis, decision }, received: 'not a date' }),
    sweepItem({ assessment: { analysis, decision: undefined } }),
    sweepItem({ error: 'Graph said 404' }),
  ]);
  expect(items).toEqual([
    { analysis, decision, arrived: Date.UTC(2026, 11, 3, 10, 15) },
    { analysis, decision },
  ]);
});
