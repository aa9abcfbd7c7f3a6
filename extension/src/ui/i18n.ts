// Extension UI strings come from _locales/<lang>/messages.json through i18n.getMessage; verdict and
// evidence text comes from shared/i18n (the engine's keys). Both are chosen by Thunderbird's UI
// language. A missing key shows as the key itself, never as blank.
import { pickLang, type Lang } from '../../../shared/i18n/index';

export type Translate = (key: string, substitutions?: string[]) => string;

export interface I18n {
  t: Translate;
  lang: Lang;
}

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

export function browserI18n(api: I18nApi): I18n {
  return {
    t: (key, substitutions) => api.getMessage(key, substitutions) || key,
    lang: pickLang(api.getUILanguage()),
  };
}
