// The banner script is evaluated in every displayed message's document, ordinary mail included, on
// Thunderbird's main thread before the message is shown: it carries one language's strings, not
// both (shared/i18n's English and German tables were 35 kB of its 83 kB, 2-3 ms a message in the
// Gecko profile). build.mjs builds one banner per language from the same source, replacing the two
// table modules of shared/i18n by the contents computed here; the background registers the one for
// Thunderbird's UI language (src/core/listeners.ts).
//
// shared/i18n/index.ts reads the tables in two ways, and both must answer as with the full tables
// for the banner's language:
//   format(key, params, lang)  tables[lang][key] ?? en[key]
//   hasString(key)             key in en (ExplanationList: is there an ".action" line)
// So `en` keeps every English key. In a German banner each of them holds the text German would
// show (the German string, English where German has none), and `de` only the keys English lacks:
// format(key, params, 'de') and hasString give what they give with both tables, and nothing else
// of the English text is shipped. A banner's `lang` is always its own language: Thunderbird's UI
// language picks both the registered file and the banner's lang (src/ui/i18n.ts, pickLang).

/**
 * The contents of shared/i18n's `en` and `de` modules in the banner for `lang`.
 * @param {'en' | 'de'} lang
 * @param {{ en: Readonly<Record<string, string>>, de: Readonly<Record<string, string>> }} tables
 * @returns {{ en: Record<string, string>, de: Record<string, string> }}
 */
export function bannerTables(lang, tables) {
  if (lang === 'en') {
    return { en: { ...tables.en }, de: {} };
  }
  const own = tables[lang];
  return {
    en: Object.fromEntries(Object.entries(tables.en).map(([key, english]) => [key, own[key] ?? english])),
    [lang]: Object.fromEntries(Object.entries(own).filter(([key]) => !Object.hasOwn(tables.en, key))),
  };
}
