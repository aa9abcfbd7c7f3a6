import { describe, expect, test } from 'vitest';
import { de } from './de';
import { en } from './en';
import { evidenceKey, format, hasString, pickLang } from './index';

describe('format', () => {
  test.each([
    {
      key: 'explain.user-unknown',
      params: { recipient: 'bob@example.org' },
      lang: 'en' as const,
      text: 'The address bob@example.org does not exist.',
    },
    {
      key: 'explain.user-unknown',
      params: { recipient: 'bob@example.org' },
      lang: 'de' as const,
      text: 'Die Adresse bob@example.org gibt es nicht.',
    },
    {
      key: 'explain.too-large',
      params: { recipient: 'a@b.c' },
      lang: 'de' as const,
      text: 'Ihre Nachricht an a@b.c war zu groß.',
    },
    {
      key: 'evidence.spam-content.terms',
      params: { terms: ['viagra', 'casino'] },
      lang: 'en' as const,
      text: 'Its subject or text looks like spam (viagra, casino).',
    },
    { key: 'ui.confidence', params: { percent: 92 }, lang: 'en' as const, text: 'Confidence: 92%' },
    { key: 'ui.weight', params: { weight: 1.23456 }, lang: 'en' as const, text: 'weight 1.23' },
    // A missing param stays visible rather than vanishing.
    {
      key: 'explain.user-unknown',
      params: {},
      lang: 'en' as const,
      text: 'The address {recipient} does not exist.',
    },
    // An unknown key comes back as itself.
    { key: 'no.such.key', params: {}, lang: 'en' as const, text: 'no.such.key' },
  ])('$key in $lang', ({ key, params, lang, text }) => {
    expect(format(key, params, lang)).toBe(text);
  });

  test('a param value is never interpreted as a template', () => {
    expect(format('ui.recipient', { recipient: '{recipient} <b>x</b>' })).toBe(
      'Recipient: {recipient} <b>x</b>',
    );
  });
});

describe('pickLang', () => {
  test.each([
    ['de-DE', 'de'],
    ['de_AT', 'de'],
    ['DE', 'de'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (tag, lang) => {
    expect(pickLang(tag)).toBe(lang);
  });
});

describe('evidenceKey', () => {
  test.each([
    [
      { signal: 'sent-original', direction: 'legitimate' as const, params: { variant: 'found' } },
      'evidence.sent-original.found',
    ],
    [
      { signal: 'campaign', direction: 'backscatter' as const, params: { count: 3 } },
      'evidence.campaign.backscatter',
    ],
  ])('%o → %s', (evidence, key) => {
    expect(evidenceKey(evidence)).toBe(key);
  });
});

describe('tables', () => {
  test('German covers every English key', () => {
    expect(Object.keys(en).filter(key => !Object.hasOwn(de, key))).toEqual([]);
  });

  test('every German key exists in English (no orphan translations)', () => {
    expect(Object.keys(de).filter(key => !hasString(key))).toEqual([]);
  });

  test('every German string uses the same placeholders as the English one', () => {
    const names = (text: string) => [...text.matchAll(/\{([a-zA-Z0-9_-]+)\}/g)].map(m => m[1]).sort();
    const mismatched = Object.entries(de).filter(
      ([key, text]) => names(text).join() !== names(en[key] ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  test('every explanation has an action line', () => {
    const heads = Object.keys(en).filter(
      key => key.startsWith('explain.') && !key.endsWith('.action') && key !== 'explain.server-said',
    );
    expect(heads.filter(key => !hasString(`${key}.action`))).toEqual([]);
  });

  test('no string contains markup', () => {
    expect(Object.entries({ ...en, ...de }).filter(([, text]) => /<[a-z/]/i.test(text))).toEqual([]);
  });
});
