// The flood report above the sweep's list (issue 13), over the real background logic and a fake
// Thunderbird, as Sweep.test.tsx wires it.
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { scenario } from '../test-support/scenario';
import { localize } from '../test-support/fake-messenger';
import type { Ask } from '../ui/port';
import { Sweep } from './Sweep';

afterEach(cleanup);

test('sweep: the report answers above the list once the folder is checked', async () => {
  const s = scenario();
  const ask = ((request: Parameters<typeof s.app.service.handle>[0]) =>
    s.app.service.handle(request, {})) as Ask;
  const i18n = { t: (key: string, subs?: string[]) => localize(key, subs) || key, lang: 'en' as const };
  const { container } = render(<Sweep ask={ask} i18n={i18n} folderId={undefined} />);
  await waitFor(() => expect(container.querySelector('[data-answer]')).not.toBeNull());
  const report = container.querySelector('[data-answer]')!;
  expect(report.getAttribute('data-answer')).toBe('forged');
  expect(report.textContent).toContain('None of these 1 bounced messages was sent from your account');
  expect(report.querySelector('svg[role="img"]')).not.toBeNull();
  // Above the list.
  const table = container.querySelector('table')!;
  expect(report.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});
