import { describe, expect, test } from 'vitest';
import type { Analysis } from './types';
import { historyAt, waveDomains } from './history';
import { analysis, recipient } from './verdict/testing';

describe('waveDomains', () => {
  test.each<[string, Analysis, string[] | undefined]>([
    [
      'an NDR: its failed recipients’ domains, once each',
      analysis({
        recipients: [
          recipient({ address: 'a@X.example' }),
          recipient({ address: 'b@x.example' }),
          recipient({ address: 'c@y.example' }),
        ],
      }),
      ['x.example', 'y.example'],
    ],
    [
      'an auto-reply naming no recipient: the replier’s domain',
      analysis({
        kind: 'auto-reply',
        recipients: [],
        from: { name: undefined, address: 'bob@remote.example' },
      }),
      ['remote.example'],
    ],
    ['a delivery receipt does not count', analysis({ kind: 'delivery-receipt' }), undefined],
    ['a read receipt does not count', analysis({ kind: 'read-receipt', recipients: [] }), undefined],
    ['ordinary mail does not count', analysis({ kind: 'other', recipients: [] }), undefined],
  ])('%s', (_name, a, want) => {
    expect(waveDomains(a)).toEqual(want);
  });
});

describe('historyAt', () => {
  const h = 3_600_000;
  const entries = [
    { at: 0, domains: ['a.example'] },
    { at: 10 * h, domains: ['b.example', 'c.example'] },
    { at: 20 * h, domains: ['a.example'] },
    { at: 30 * h, domains: ['d.example'] },
  ];
  test('counts the window up to and including the moment, not after it', () => {
    expect(historyAt(entries, 20 * h)).toEqual({
      automatedInWindow: 3,
      distinctRecipientDomains: 3,
      windowHours: 24,
    });
  });
  test('older entries fall out of the window', () => {
    expect(historyAt(entries, 30 * h)).toEqual({
      automatedInWindow: 3,
      distinctRecipientDomains: 4,
      windowHours: 24,
    });
  });
  test('an empty history', () => {
    expect(historyAt([], 0, 6)).toEqual({
      automatedInWindow: 0,
      distinctRecipientDomains: 0,
      windowHours: 6,
    });
  });
});
