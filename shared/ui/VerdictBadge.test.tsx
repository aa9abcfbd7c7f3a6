import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { VerdictBadge } from './VerdictBadge';

afterEach(cleanup);

test.each([
  {
    verdict: 'backscatter' as const,
    confidence: 0.934,
    lang: 'en' as const,
    text: 'Backscatter',
    title: 'Confidence: 93%',
  },
  {
    verdict: 'legitimate' as const,
    confidence: 0.9,
    lang: 'en' as const,
    text: 'Real bounce',
    title: 'Confidence: 90%',
  },
  { verdict: 'unsure' as const, confidence: 0.6, lang: 'en' as const, text: 'Unsure', title: null },
  { verdict: undefined, confidence: undefined, lang: 'en' as const, text: 'Not automated', title: null },
  {
    verdict: 'legitimate' as const,
    confidence: 0.9,
    lang: 'de' as const,
    text: 'Echte Meldung',
    title: 'Sicherheit: 90 %',
  },
])('$verdict ($lang) → $text', ({ verdict, confidence, lang, text, title }) => {
  const { container } = render(
    <VerdictBadge verdict={verdict} {...(confidence !== undefined ? { confidence } : {})} lang={lang} />,
  );
  const span = container.querySelector('span');
  expect(span?.textContent).toBe(text);
  expect(span?.getAttribute('title')).toBe(title);
  expect(span?.getAttribute('data-verdict')).toBe(verdict ?? 'none');
});
