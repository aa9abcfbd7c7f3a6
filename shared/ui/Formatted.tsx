// Formatted: a strings-table text with its {placeholders} filled, each value from the message inside
// its own <bdi>. The text around it is the product's; the values (addresses, hosts, subjects, the
// server's words) are the sender's. Isolating each value (HTML <bdi>, CSS unicode-bidi: isolate, UAX #9
// isolates) keeps right-to-left text in a value from reordering the sentence around it; the engine
// already made bidi control characters visible (shared/src/display-text.ts), so this guards against
// ordinary right-to-left letters and digits.
//
// Props (Formatted):   k (strings key), params, lang; the template comes from shared/i18n.
// Props (FormattedText): template (already in the user's language), params: for a shell's own table.
// Renders text nodes and <bdi> elements only: nothing here sets HTML.
import { renderParam, tables, type Lang } from '../i18n/index';
import type { EvidenceParams } from '../src/types';

// One placeholder; no quantifier can overlap another (linear).
const PLACEHOLDER = /\{([a-zA-Z0-9_-]+)\}/g;

export interface FormattedTextProps {
  template: string;
  params: EvidenceParams;
}

export function FormattedText({ template, params }: FormattedTextProps) {
  const parts: Array<string | preact.JSX.Element> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    parts.push(template.slice(last, match.index));
    // A placeholder with no param stays visible as written, as format() does.
    parts.push(value === undefined ? match[0] : <bdi key={parts.length}>{renderParam(value)}</bdi>);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return <>{parts}</>;
}

export interface FormattedProps {
  k: string;
  params?: EvidenceParams;
  lang?: Lang;
}

export function Formatted({ k, params = {}, lang = 'en' }: FormattedProps) {
  const template = tables[lang][k] ?? tables.en[k];
  return template === undefined ? <>{k}</> : <FormattedText template={template} params={params} />;
}
