// Strings for the shells, one table per language, and the one helper that turns an engine key plus
// its params into text. The engine emits keys and params only (shared/src/verdict/*): see en.ts for
// the key families. Output is plain text; callers render it as a text node.
import type { Evidence, EvidenceParams } from '../src/types';
import { de } from './de';
import { en } from './en';

export type Lang = 'en' | 'de';

export const LANGS: readonly Lang[] = ['en', 'de'];

export const tables: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, de };

/** 'de-DE', 'de_AT', 'DE' → 'de'; anything we have no table for → 'en'. */
export function pickLang(tag: string | undefined): Lang {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGS.find(lang => lang === primary) ?? 'en';
}

/** True when a string exists for the key in English (every key must have English text). */
export function hasString(key: string): boolean {
  return Object.hasOwn(en, key);
}

/** One param as text (numbers rounded, lists joined): the shared UI renders each inside its own <bdi>. */
export function renderParam(value: EvidenceParams[string]): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  return value.join(', ');
}

/**
 * The text for `key` in `lang`, with {name} placeholders filled from `params`. A key the language lacks
 * falls back to English; an unknown key comes back as itself so a gap is visible, never blank.
 * A placeholder with no param stays as written ("{host}"), again so a gap is visible.
 */
export function format(key: string, params: EvidenceParams = {}, lang: Lang = 'en'): string {
  const template = tables[lang][key] ?? en[key];
  if (template === undefined) {
    return key;
  }
  return template.replace(/\{([a-zA-Z0-9_-]+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? whole : renderParam(value);
  });
}

/**
 * The strings-table key of one piece of evidence: `evidence.<signal>.<variant>` when the signal names a
 * variant in its params (one signal can say several things), else `evidence.<signal>.<direction>`.
 */
export function evidenceKey(evidence: Pick<Evidence, 'signal' | 'direction' | 'params'>): string {
  const variant = evidence.params['variant'];
  return `evidence.${evidence.signal}.${typeof variant === 'string' ? variant : evidence.direction}`;
}

/** Evidence as one line of text in `lang`. */
export function formatEvidence(evidence: Evidence, lang: Lang = 'en'): string {
  return format(evidenceKey(evidence), evidence.params, lang);
}
