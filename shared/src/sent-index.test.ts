import { describe, expect, test } from 'vitest';
import {
  SentIndex,
  judgeByRecipient,
  lookupResult,
  normalizeSubject,
  sameSubject,
  subjectOfNotice,
  unavailableLookups,
  type SentCandidate,
} from './sent-index';
import type { OriginalMessage, RecipientLookup } from './types';
import { original, recipientLookup } from './verdict/testing';

describe('normalizeSubject', () => {
  test.each([
    ['Re: Lunch', 'lunch'],
    ['RE: Fwd: AW: SV: WG: TR: Lunch', 'lunch'],
    ['Re[2]: Lunch', 'lunch'],
    ['AW(3) : Lunch', 'lunch'],
    ['  Lunch   on\tFriday  ', 'lunch on friday'],
    ['=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=', 'grüße'],
    ['Re: =?ISO-8859-1?Q?Gr=FC=DFe?=', 'grüße'],
    ['Réunion', 'réunion'],
    // Decomposed "é" (e + U+0301) is composed (NFC): non-ASCII text still goes to the normaliser.
    ['Re\u0301union', 'réunion'],
    ['Re: Lunch\u00a0time', 'lunch time'],
    ['Regarding the plan', 'regarding the plan'],
    ['Re:', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSubject(input)).toBe(expected);
  });

  test('a long run of blanks after a prefix stays linear', () => {
    const start = performance.now();
    normalizeSubject(`re${' '.repeat(200_000)}x`);
    normalizeSubject(`re[1]${'\t'.repeat(200_000)}x`);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

test.each([
  ['Undeliverable: Re: Lunch', 'lunch'],
  ['Unzustellbar: Angebot', 'angebot'],
  ['Undelivered Mail Returned to Sender', undefined],
  ['Fwd: Undelivered Mail Returned to Sender', undefined],
  [undefined, undefined],
])('subjectOfNotice %j → %j', (input, expected) => {
  expect(subjectOfNotice(input)).toBe(expected);
});

test('sameSubject: equal, or a long enough prefix (truncated by the bouncing side)', () => {
  expect(sameSubject('lunch', 'lunch')).toBe(true);
  expect(sameSubject('minutes of tuesday', 'minutes of tuesday’s meeting')).toBe(true);
  expect(sameSubject('lunch', 'lunch on friday')).toBe(false);
});

const day = 24 * 3_600_000;
const at = Date.parse('2026-11-23T12:00:00Z');
const request = (fields: Partial<RecipientLookup> = {}): RecipientLookup =>
  recipientLookup({ key: 'k', date: new Date(at).toISOString(), ...fields });
const sent = (fields: Partial<SentCandidate> = {}): SentCandidate => ({
  recipients: ['Bob@Remote.example'],
  subject: 'Re: Lunch',
  time: at - 3_600_000,
  ...fields,
});

describe('judgeByRecipient', () => {
  test.each<{
    name: string;
    request?: Partial<RecipientLookup>;
    sent: SentCandidate[];
    oldest?: number;
    expected: string;
  }>([
    { name: 'to the address, same subject, in the window', sent: [sent()], expected: 'found' },
    {
      name: 'no subject asked: the address in the window',
      request: { subject: undefined },
      sent: [sent({ subject: 'Other' })],
      expected: 'found',
    },
    { name: 'nothing at all', sent: [], expected: 'not-found' },
    {
      name: 'to someone else',
      sent: [sent({ recipients: ['carol@remote.example'] })],
      expected: 'not-found',
    },
    {
      name: 'to the address, outside the window',
      sent: [sent({ time: at - 2 * day })],
      expected: 'not-found',
    },
    {
      name: 'to the address, another subject: proves neither',
      sent: [sent({ subject: 'Invoice' })],
      expected: 'unavailable',
    },
    {
      name: 'to the address, undated: proves neither',
      sent: [sent({ time: undefined })],
      expected: 'unavailable',
    },
    { name: 'the store does not reach back to the window', sent: [], oldest: at, expected: 'unavailable' },
    { name: 'the store reaches back', sent: [], oldest: at - 3 * day, expected: 'not-found' },
    {
      name: 'auto-reply: someone else at the responder’s domain in the window proves neither',
      request: { role: 'answered' },
      sent: [sent({ recipients: ['info@remote.example'] })],
      expected: 'unavailable',
    },
    {
      name: 'failed recipient: someone else at that domain is simply someone else',
      sent: [sent({ recipients: ['info@remote.example'] })],
      expected: 'not-found',
    },
    {
      name: 'an unreadable date in the request',
      request: { date: 'soon' },
      sent: [],
      expected: 'unavailable',
    },
  ])('$name → $expected', c => {
    expect(judgeByRecipient(request(c.request), c.sent, { oldest: c.oldest })).toBe(c.expected);
  });
});

const summary = (fields: Partial<OriginalMessage>): OriginalMessage => original({ received: [], ...fields });

describe('SentIndex', () => {
  const index = new SentIndex([
    summary({
      messageId: 'Abc@Example.org',
      to: [{ name: undefined, address: 'bob@remote.example' }],
      subject: 'Lunch',
      date: 'Mon, 23 Nov 2026 10:00:00 +0000',
    }),
    summary({
      messageId: 'old@example.org',
      to: [{ name: undefined, address: 'carol@remote.example' }],
      subject: 'Old',
      date: 'Mon, 2 Nov 2026 10:00:00 +0000',
    }),
  ]);

  test('answers ids case-insensitively, with or without angle brackets', () => {
    expect(
      index.answer([
        { messageId: 'abc@example.org', role: 'original' },
        { messageId: '<ABC@example.org>', role: 'original' },
        { messageId: 'forged@spam.example', role: 'original' },
      ]),
    ).toEqual({
      // A bounced original's copy comes with its date (the bounce must arrive within a queue lifetime).
      'abc@example.org': { result: 'found', date: 'Mon, 23 Nov 2026 10:00:00 +0000', subject: 'Lunch' },
      '<ABC@example.org>': { result: 'found', date: 'Mon, 23 Nov 2026 10:00:00 +0000', subject: 'Lunch' },
      'forged@spam.example': 'not-found',
    });
    expect(index.answer([{ messageId: 'abc@example.org', role: 'references' }])).toEqual({
      'abc@example.org': 'found',
    });
  });

  // Issue 8 §6: the reply veto compares the answered message's date and subject with the auto-reply's.
  test('answers the id an auto-reply answers with the copy’s date and subject', () => {
    const answers = index.answer([
      { messageId: '<ABC@example.org>', role: 'in-reply-to' },
      { messageId: 'old@example.org', role: 'references' },
    ]);
    expect(answers).toEqual({
      '<ABC@example.org>': { result: 'found', date: 'Mon, 23 Nov 2026 10:00:00 +0000', subject: 'Lunch' },
      'old@example.org': 'found',
    });
    expect(lookupResult(answers['<ABC@example.org>'])).toBe('found');
    expect(lookupResult(undefined)).toBe('unavailable');
  });

  test('answers by-recipient lookups with the same rule as judgeByRecipient', () => {
    const requests = [
      request({ key: 'hit' }),
      request({ key: 'other-subject', subject: 'invoice' }),
      request({ key: 'stranger', address: 'dave@remote.example' }),
      request({ key: 'before-the-folder', date: '2026-10-01T00:00:00.000Z' }),
      request({ key: 'answered', role: 'answered', address: 'info@remote.example' }),
    ];
    const answers = index.answer(requests);
    expect(answers).toEqual({
      hit: 'found',
      'other-subject': 'unavailable',
      stranger: 'not-found',
      'before-the-folder': 'unavailable',
      answered: 'unavailable',
    });
    const all: SentCandidate[] = index.summaries.map(s => ({
      recipients: s.to.map(m => m.address),
      subject: s.subject,
      time: Date.parse(s.date!),
    }));
    for (const r of requests) {
      expect(answers[r.key]).toBe(judgeByRecipient(r, all, { oldest: index.oldest }));
    }
  });

  test('an empty Sent folder proves nothing', () => {
    const requests = [{ messageId: 'x@example.org', role: 'original' as const }, request()];
    expect(new SentIndex([]).answer(requests)).toEqual({ 'x@example.org': 'unavailable', k: 'unavailable' });
    expect(unavailableLookups(requests)).toEqual({ 'x@example.org': 'unavailable', k: 'unavailable' });
  });

  test('a window over 20,000 messages visits only the messages in it (binary search, not a scan)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      summary({
        to: [{ name: undefined, address: 'bob@remote.example' }],
        subject: `m${i}`,
        date: new Date(at - i * 60_000).toUTCString(),
      }),
    );
    const big = new SentIndex(many);
    // One message a minute: a ±1 h window holds 121 of them.
    const r = request({ date: new Date(at - 10 * day).toISOString(), windowHours: 1 });
    expect([...big.candidates(r)]).toHaveLength(121);
    expect(big.answer([r])).toEqual({ k: 'unavailable' }); // written to, about other subjects
    expect(big.answer([request({ subject: 'm14400', date: new Date(at - 10 * day).toISOString() })])).toEqual(
      {
        k: 'found',
      },
    );
  });
});
