import { describe, expect, test } from 'vitest';
import { analysis, original } from '../test/analysis';
import { lookupResult, SentIndex } from '../../shared/src/index';
import { recipientLookup } from '../../shared/src/verdict/testing';
import { explanationText, languageOf, lookupsFor, newestFirst, whyText } from './verdict';

describe('lookupsFor', () => {
  const a = analysis({
    lookups: [
      { messageId: 'abc@example.org', role: 'original' },
      { messageId: 'Up@Example.ORG', role: 'references' },
      { messageId: 'gone@example.org', role: 'in-reply-to' },
    ],
  });
  test('without a Sent folder every id is unavailable', () => {
    expect(lookupsFor(a, undefined)).toEqual({
      'abc@example.org': 'unavailable',
      'Up@Example.ORG': 'unavailable',
      'gone@example.org': 'unavailable',
    });
  });
  test('with one: found (exactly or ignoring case) or not-found', () => {
    const sent = new SentIndex([
      original({ messageId: 'abc@example.org' }),
      original({ messageId: 'up@example.org' }),
      original({ messageId: undefined }),
    ]);
    const answers = lookupsFor(a, sent);
    expect(Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, lookupResult(v)]))).toEqual({
      'abc@example.org': 'found',
      'Up@Example.ORG': 'found',
      'gone@example.org': 'not-found',
    });
  });
  test('a notice without an id: the Sent folder is asked who the user wrote to, and when', () => {
    const request = recipientLookup({ date: '2024-01-02T12:00:00.000Z' });
    const sent = new SentIndex([
      original({ messageId: 'old@example.org', date: 'Mon, 1 Jan 2024 08:00:00 +0000' }),
      original({
        messageId: 'lunch@example.org',
        to: [{ name: undefined, address: 'Bob@remote.example' }],
        subject: 'Re: Lunch',
        date: 'Tue, 2 Jan 2024 10:00:00 +0000',
      }),
    ]);
    expect(lookupsFor(analysis({ lookups: [request] }), sent)).toEqual({ r: 'found' });
    expect(lookupsFor(analysis({ lookups: [{ ...request, address: 'eve@remote.example' }] }), sent)).toEqual({
      r: 'not-found',
    });
    expect(lookupsFor(analysis({ lookups: [request] }), undefined)).toEqual({ r: 'unavailable' });
  });
  test('nothing asked, nothing answered', () => {
    expect(lookupsFor(analysis({ lookups: [] }), new SentIndex([]))).toEqual({});
  });
});

test('newestFirst sorts by Date, undated last, stable otherwise', () => {
  const s = [
    original({ messageId: 'a', date: 'Mon, 1 Jan 2024 10:00:00 +0000' }),
    original({ messageId: 'b', date: undefined }),
    original({ messageId: 'c', date: 'Tue, 2 Jan 2024 10:00:00 +0000' }),
    original({ messageId: 'd', date: 'garbage' }),
    original({ messageId: 'e', date: 'Tue, 2 Jan 2024 10:00:00 +0000' }),
  ];
  expect(newestFirst(s).map(x => x.messageId)).toEqual(['c', 'e', 'a', 'b', 'd']);
});

describe('texts', () => {
  test('explanation: sentence and what to do, from the English table', () => {
    const text = explanationText({
      recipient: 'x@example.net',
      reason: 'user-unknown',
      status: '5.1.1',
      key: 'explain.user-unknown',
      params: { recipient: 'x@example.net' },
    });
    expect(text).toMatch(/^The address x@example\.net does not exist\. \S/);
  });
  test('an unknown key shows as itself, never blank', () => {
    expect(
      explanationText({
        recipient: undefined,
        reason: 'other',
        status: undefined,
        key: 'explain.nope',
        params: {},
      }),
    ).toBe('explain.nope');
  });
  test('why: legitimate → the explanation; otherwise the strongest non-neutral evidence', () => {
    const explanation = [
      {
        recipient: 'x@example.net',
        reason: 'user-unknown' as const,
        status: '5.1.1',
        key: 'explain.user-unknown',
        params: { recipient: 'x@example.net' },
      },
    ];
    const evidence = [
      { signal: 'no-original', direction: 'neutral' as const, weight: 0, params: {} },
      {
        signal: 'sent-original',
        direction: 'backscatter' as const,
        weight: 3,
        params: { variant: 'not-found', messageId: 'm@x' },
      },
    ];
    expect(whyText({ verdict: 'legitimate', confidence: 0.9, evidence, explanation }, analysis())).toBe(
      'The address x@example.net does not exist.',
    );
    expect(whyText({ verdict: 'backscatter', confidence: 0.9, evidence, explanation }, analysis())).toBe(
      'The bounced message m@x is not in your Sent folder.',
    );
    expect(whyText({ verdict: 'unsure', confidence: 0.5, evidence: [], explanation: [] }, analysis())).toBe(
      '',
    );
  });
});

test.each<[string | undefined, Record<string, string>, string]>([
  ['de', { LANG: 'en_US.UTF-8' }, 'de'],
  [undefined, { LC_ALL: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' }, 'de'],
  [undefined, { LC_ALL: '', LC_MESSAGES: 'de_CH', LANG: 'en_US' }, 'de'],
  [undefined, { LANG: 'fr_FR.UTF-8' }, 'en'], // no French table yet: English
  [undefined, { LANG: 'C.UTF-8' }, 'en'],
  [undefined, {}, 'en'],
])('languageOf(%j, %j) → %s', (option, env, expected) => {
  expect(languageOf(option, env)).toBe(expected);
});

test('texts in German', () => {
  const item = {
    recipient: 'x@example.net',
    reason: 'user-unknown' as const,
    status: '5.1.1',
    key: 'explain.user-unknown',
    params: { recipient: 'x@example.net' },
  };
  expect(explanationText(item, 'de')).toMatch(/^Die Adresse x@example\.net gibt es nicht\. /);
  expect(
    whyText({ verdict: 'legitimate', confidence: 1, evidence: [], explanation: [item] }, analysis(), 'de'),
  ).toBe('Die Adresse x@example.net gibt es nicht.');
});
