export function bannerTables(
  lang: 'en' | 'de',
  tables: { en: Readonly<Record<string, string>>; de: Readonly<Record<string, string>> },
): { en: Record<string, string>; de: Record<string, string> };
