// The flood report's strings (flood.en.ts, flood.de.ts) as their own tables: only the report's code
// loads them, so a shell that shows the report on demand keeps them out of its start bundle.
import type { Lang } from './index';
import { floodDe } from './flood.de';
import { floodEn } from './flood.en';

export const floodTables: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: floodEn,
  de: floodDe,
};
