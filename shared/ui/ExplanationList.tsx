// ExplanationList: what went wrong with a real bounce, per recipient, and what to do about it.
//
// Props:
//   items   ExplanationItem[] from decide() (Decision.explanation).
//   lang?   'en' | 'de' (default 'en').
//
// Each item renders the key's text ("The address … does not exist."), the key's ".action" text ("Check
// the spelling…"), the status code when known, and the server's own words when the item carries them
// (params.diagnostic). Renders nothing for an empty list. Text only; every value from the message in its
// own <bdi> (Formatted).
import { hasString, type Lang } from '../i18n/index';
import { Formatted } from './Formatted';
import type { ExplanationItem } from '../src/types';

export interface ExplanationListProps {
  items: readonly ExplanationItem[];
  lang?: Lang;
}

export function ExplanationList({ items, lang = 'en' }: ExplanationListProps) {
  if (items.length === 0) {
    return null;
  }
  return (
    <ul class="bg-explanation">
      {items.map((item, index) => {
        const params = { recipient: item.recipient ?? '', ...item.params };
        const diagnostic = item.params['diagnostic'];
        return (
          <li
            key={`${item.recipient ?? ''}-${index}`}
            class="bg-explanation__item"
            data-key={item.key}
            data-reason={item.reason}
          >
            <p class="bg-explanation__what">
              <Formatted k={item.key} params={params} lang={lang} />
            </p>
            {hasString(`${item.key}.action`) ? (
              <p class="bg-explanation__action">
                <Formatted k={`${item.key}.action`} params={params} lang={lang} />
              </p>
            ) : null}
            {item.status !== undefined ? (
              <p class="bg-explanation__status">
                <Formatted k="ui.status" params={{ status: item.status }} lang={lang} />
              </p>
            ) : null}
            {typeof diagnostic === 'string' && diagnostic !== '' ? (
              <p class="bg-explanation__diagnostic">
                <Formatted k="explain.server-said" params={{ diagnostic }} lang={lang} />
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
