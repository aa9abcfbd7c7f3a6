import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../analyze';
import { SentIndex } from '../../sent-index';
import type { Analysis, FoundInSent, LookupRequest, RecipientLookup } from '../../types';
import { buildContext } from '../context';
import { decide } from '../decide';
import { analysis, original, outcome, profile, type SignalCase } from '../testing';
import { SAME_FACT, THRESHOLDS, WEIGHTS } from '../thresholds';
import * as signal from './sent-original';

/** The bounce, taken in by the user's server (its topmost Received) ten minutes after the copy was sent. */
const ARRIVED = '2026-11-23T12:10:00.000Z';
const withId = analysis({ original: original({ messageId: 'abc@example.org' }), receivedAt: ARRIVED });
/** The Sent copy as every shell answers a found original (`foundAnswer`): with its date. */
const copy = (date: string | undefined): FoundInSent => ({ result: 'found', date, subject: 'lunch' });
const HOUR = 3_600_000;
const hoursFromArrival = (h: number) => new Date(Date.parse(ARRIVED) - h * HOUR).toISOString();

describe('fires', () => {
  test.each<SignalCase & { direction: string; variant: string }>([
    {
      name: 'found in Sent, the bounce came ten minutes later',
      analysis: withId,
      lookups: { 'abc@example.org': copy('2026-11-23T12:00:00.000Z') },
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
      analysis: analysis({
        lookups: [{ messageId: 'zzz@example.org', role: 'original' }],
        receivedAt: ARRIVED,
      }),
      lookups: { 'zzz@example.org': copy('Mon, 23 Nov 2026 13:00:00 +0100') },
      direction: 'legitimate',
      variant: 'found',
    },
  ])('$name', c => {
    expect(outcome(signal, c)).toEqual({ direction: c.direction, variant: c.variant });
  });
});

// Security issue 8 §6, the bounce side: a list archive shows the user's message whole (id, headers, body),
// so a forged bounce can quote it; only a bounce that arrived within a queue lifetime of the Sent copy
// (BOUNCED_WINDOW_HOURS: 1 day before, 14 days after) is decided by the find.
describe('found decides only when the bounce arrived within a queue lifetime of the copy', () => {
  const { before, after } = signal.BOUNCED_WINDOW_HOURS;
  test.each<{ name: string; bounce?: Partial<Analysis>; copyDate: string | undefined; variant: string }>([
    {
      name: 'a 2019 archived message quoted in a 2026 bounce',
      copyDate: 'Tue, 14 May 2019 10:00:00 +0200',
      variant: 'found-date-mismatch',
    },
    { name: 'a genuine bounce ten minutes after', copyDate: hoursFromArrival(10 / 60), variant: 'found' },
    { name: 'a delay notice four hours after', copyDate: hoursFromArrival(4), variant: 'found' },
    { name: 'Postfix giving up after five days', copyDate: hoursFromArrival(5 * 24), variant: 'found' },
    { name: 'the last hour of the window', copyDate: hoursFromArrival(after), variant: 'found' },
    {
      name: 'an hour past the window',
      copyDate: hoursFromArrival(after + 1),
      variant: 'found-date-mismatch',
    },
    { name: 'a clock a day fast: the earliest edge', copyDate: hoursFromArrival(-before), variant: 'found' },
    {
      name: 'before the earliest edge',
      copyDate: hoursFromArrival(-before - 1),
      variant: 'found-date-mismatch',
    },
    { name: 'the shell gave no date of the copy', copyDate: undefined, variant: 'found-undated' },
    {
      name: 'no Received read: the notice’s own Date stands in',
      bounce: { receivedAt: undefined, date: 'Mon, 23 Nov 2026 12:10:00 +0000' },
      copyDate: hoursFromArrival(1),
      variant: 'found',
    },
    {
      // The Date a forger writes cannot pull an archived id into the window when a Received was read.
      name: 'a backdated Date does not count when the user’s server recorded the arrival',
      bounce: { date: 'Tue, 14 May 2019 10:10:00 +0200' },
      copyDate: 'Tue, 14 May 2019 10:00:00 +0200',
      variant: 'found-date-mismatch',
    },
    {
      name: 'neither Received nor Date: cannot be compared',
      bounce: { receivedAt: undefined, date: undefined },
      copyDate: hoursFromArrival(1),
      variant: 'found-undated',
    },
  ])('$name → $variant', ({ bounce, copyDate, variant }) => {
    const a = { ...withId, ...bounce };
    const e = signal.evaluate(buildContext(a, profile(), { 'abc@example.org': copy(copyDate) }, undefined));
    expect(e).toMatchObject({
      direction: 'legitimate',
      weight: variant === 'found' ? WEIGHTS.sentFound : WEIGHTS.sentFoundOutOfWindow,
      params: { variant, messageId: 'abc@example.org' },
    });
  });

  test('out of the window the find neither decides nor vetoes', () => {
    expect(WEIGHTS.sentFoundOutOfWindow).toBeLessThan(THRESHOLDS.vetoLegitimate);
    expect(WEIGHTS.sentFoundOutOfWindow).toBeLessThan(THRESHOLDS.legitimate);
  });

  test('the mismatch names both dates for the explanation', () => {
    const e = signal.evaluate(
      buildContext(withId, profile(), { 'abc@example.org': copy('2019-05-14T08:00:00Z') }, undefined),
    );
    expect(e?.params).toMatchObject({ sentDate: '2019-05-14', replyDate: '2026-11-23' });
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
        analysis({ lookups: [...extra, r], receivedAt: '2026-11-24T08:00:00.000Z' }),
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

  // The lookup's window is anchored on dates the sender wrote (the quoted Date, else the notice's): a
  // find there decides only if that window reaches back from when the user's server took the bounce in.
  test.each([
    {
      name: 'quoted Date a day before arrival',
      date: '2026-11-23T08:00:00.000Z',
      window: 24,
      variant: 'found-recipient',
    },
    {
      name: 'quoted Date of a 2019 archive post',
      date: '2019-05-14T08:00:00.000Z',
      window: 24,
      variant: 'found-recipient-date-mismatch',
    },
    {
      name: 'notice Date backdated two years',
      date: '2024-11-24T08:00:00.000Z',
      window: 144,
      variant: 'found-recipient-date-mismatch',
    },
    {
      name: 'quoted Date 15 days before arrival: the window still reaches day 14',
      date: '2026-11-09T08:00:00.000Z',
      window: 24,
      variant: 'found-recipient',
    },
    {
      name: 'quoted Date 16 days before arrival',
      date: '2026-11-08T07:00:00.000Z',
      window: 24,
      variant: 'found-recipient-date-mismatch',
    },
  ])('$name → $variant', ({ date, window, variant }) => {
    const e = run({ ...withSubject, date, windowHours: window }, 'found');
    expect(e).toMatchObject({
      direction: 'legitimate',
      weight: variant === 'found-recipient' ? WEIGHTS.sentFound : WEIGHTS.sentFoundOutOfWindow,
      params: { variant, address: 'bob@remote.example' },
    });
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

// The whole path as the CLI and the standalone analyzer take it: a real bounce of the scenario set read by
// analyze() (its arrival from the top Received the persona's server wrote), the Sent folder a SentIndex,
// decide() on its answers. The forgery is the same bounce quoting the user's 2019 list post, copied whole
// from the archive (its id, hops and Date), arriving in 2026.
describe('a forged bounce quoting a real message copied from a public archive', () => {
  const genuine = readFileSync(
    path.resolve(import.meta.dirname, '../../../test/scenarios/messages/001-gmail-genuine-in-sent.eml'),
    'latin1',
  );
  const check = async (text: string) => {
    const a = await analyze(new Uint8Array(Buffer.from(text, 'latin1')));
    const sent = new SentIndex([a.original!]);
    const d = decide(a, profile(['alice.martin@gmail.com']), sent.answer(a.lookups));
    return { a, e: d.evidence.find(e => e.signal === 'sent-original') };
  };

  test('the genuine bounce, received 27 minutes after the message: decisive', async () => {
    const { a, e } = await check(genuine);
    expect(a.receivedAt).toBe('2026-11-21T19:59:30.000Z');
    expect(e).toMatchObject({ weight: WEIGHTS.sentFound, params: { variant: 'found' } });
  });

  test('the archived 2019 original quoted in it: found, not decisive', async () => {
    const archived = genuine.replaceAll('Sat, 21 Nov 2026 19:32:30 +0000', 'Tue, 14 May 2019 10:00:00 +0000');
    const { a, e } = await check(archived);
    expect(a.original?.date).toBe('Tue, 14 May 2019 10:00:00 +0000');
    expect(e).toMatchObject({
      weight: WEIGHTS.sentFoundOutOfWindow,
      params: { variant: 'found-date-mismatch', sentDate: '2019-05-14', replyDate: '2026-11-21' },
    });
    expect(e!.weight).toBeLessThan(THRESHOLDS.vetoLegitimate);
  });
});
