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
    text: 'Echte Unzustellbarkeit',
    title: 'Wahrscheinlichkeit: 90 %',
  },
  {
    verdict: 'legitimate' as const,
    confidence: 0.9,
    lang: 'en' as const,
    kind: 'auto-reply' as const,
    text: 'Auto-reply',
    title: 'Confidence: 90%',
  },
  {
    verdict: 'legitimate' as const,
    confidence: 0.9,
    lang: 'en' as const,
    kind: 'delay' as const,
    text: 'Delayed',
    title: 'Confidence: 90%',
  },
])('$verdict $kind ($lang) → $text', ({ verdict, confidence, lang, text, title, ...rest }) => {
  const kind = 'kind' in rest ? rest.kind : undefined;
  const { container } = render(
    <VerdictBadge
      verdict={verdict}
      {...(confidence !== undefined ? { confidence } : {})}
      {...(kind !== undefined ? { kind } : {})}
      lang={lang}
    />,
  );
  const span = container.querySelector('span');
  expect(span?.textContent).toBe(text);
  expect(span?.getAttribute('title')).toBe(title);
  expect(span?.getAttribute('data-verdict')).toBe(verdict ?? 'none');
});
