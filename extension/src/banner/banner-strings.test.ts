// The banner's one-language tables answer every lookup of shared/i18n as the full tables do, for
// the banner's own language; and they carry no other language's text.
import { describe, expect, test } from 'vitest';
import { format, hasString, LANGS, tables } from '../../../shared/i18n/index';
import { bannerTables } from '../../scripts/banner-strings.mjs';

// The two reads of shared/i18n/index.ts, over given tables (format's template choice, hasString).
const template = (t: typeof tables, key: string, lang: 'en' | 'de') => t[lang][key] ?? t.en[key];
const has = (t: typeof tables, key: string) => Object.hasOwn(t.en, key);

describe('bannerTables', () => {
  const keys = [...new Set([...Object.keys(tables.en), ...Object.keys(tables.de), 'no.such.key'])];

  test.each(LANGS)('%s: every key reads as with both tables', lang => {
    const reduced = bannerTables(lang, tables);
    for (const key of keys) {
      expect([key, template(reduced, key, lang)]).toEqual([key, template(tables, key, lang)]);
      expect([key, has(reduced, key)]).toEqual([key, has(tables, key)]);
    }
    // The mirror above reads as format and hasString do.
    expect(template(tables, 'ui.confidence', lang)?.replace('{percent}', '7')).toBe(
      format('ui.confidence', { percent: 7 }, lang),
    );
    expect(has(tables, 'explain.user-unknown.action')).toBe(hasString('explain.user-unknown.action'));
  });

  test('a key only German has stays German; a key German lacks reads English', () => {
    const t = { en: { a: 'A', b: 'B' }, de: { a: 'Ä', c: 'C' } };
    expect(bannerTables('de', t)).toEqual({ en: { a: 'Ä', b: 'B' }, de: { c: 'C' } });
    expect(bannerTables('en', t)).toEqual({ en: { a: 'A', b: 'B' }, de: {} });
  });

  test.each(LANGS)('%s: only the text the banner shows in its language, about half the size', lang => {
    const reduced = bannerTables(lang, tables);
    const shown = new Set(keys.map(key => template(tables, key, lang)));
    const shipped = [...Object.values(reduced.en), ...Object.values(reduced.de)];
    expect(shipped.filter(text => !shown.has(text))).toEqual([]);
    expect(JSON.stringify(reduced).length).toBeLessThan(JSON.stringify(tables).length * 0.6);
  });
});
