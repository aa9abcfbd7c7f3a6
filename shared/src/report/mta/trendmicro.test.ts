import { describe, expect, test } from 'vitest';
import { sig } from './testing';
import trendmicro from './trendmicro';

// Trend Micro InterScan MSS (Sisimai lhost-trendmicro-01: "From: \"InterScan MSS\" <postmaster@example.co.jp>").

test('id is the file name', () => {
  expect(trendmicro.id).toBe('trendmicro');
});

describe('fires', () => {
  test.each([
    { name: 'product in the text', sig: { body: 'InterScan Messaging Security Suite blocked this message' } },
    { name: 'product in the From', sig: { from: 'interscan@example.co.jp' } },
  ])('$name', ({ sig: s }) => {
    expect(trendmicro.recognise(sig(s))).toBe(true);
  });
});

describe('stays quiet', () => {
  test.each([
    {
      name: 'personal mail',
      sig: {
        subject: 'Lunch on Friday?',
        from: 'alice@example.org',
        body: 'See you at noon.',
        headers: ['from', 'to', 'subject'],
      },
    },
    { name: 'other gateways', sig: { body: 'Symantec Messaging Gateway' } },
  ])('$name', ({ sig: s }) => {
    expect(trendmicro.recognise(sig(s))).toBe(false);
  });
});
