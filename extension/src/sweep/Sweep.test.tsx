import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { DisplayedView } from '../protocol';
import { scenario } from '../test-support/scenario';
import { localize } from '../test-support/fake-messenger';
import type { Ask } from '../ui/port';
import { Sweep } from './Sweep';
import { Popup } from '../popup/Popup';

afterEach(cleanup);

const i18n = { t: (key: string, subs?: string[]) => localize(key, subs) || key, lang: 'en' as const };

/** The page talks to the real background logic over a fake Thunderbird. */
function wired() {
  const s = scenario();
  const ask = ((request: Parameters<typeof s.app.service.handle>[0]) =>
    s.app.service.handle(request, {})) as Ask;
  return { ...s, ask };
}

test('sweep: checks every message with progress, preselects backscatter only, moves it, undoes it', async () => {
  const s = wired();
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={undefined} />);
  await waitFor(() => expect(container.querySelector('main')?.dataset['finished']).toBe('yes'));
  expect(screen.getByText('Checked 4 of 4 messages')).toBeTruthy();
  const rows = [...container.querySelectorAll('tr[data-verdict]')].map(row => [
    (row as HTMLElement).dataset['messageId'],
    (row as HTMLElement).dataset['verdict'],
    (row.querySelector('input') as HTMLInputElement).checked,
  ]);
  expect(rows).toEqual([
    ['bounce-1@mx.victim.example', 'backscatter', true],
    ['bounce-2@mx.partner.example', 'legitimate', false],
    ['ooo-1@partner.example', 'legitimate', false],
  ]);
  fireEvent.click(screen.getByText('Move 1 selected to Junk'));
  await waitFor(() => screen.getByText(/Moved 1 to Junk/));
  expect(s.tb.inFolder(s.junk).map(m => m.headerMessageId)).toEqual(['bounce-1@mx.victim.example']);
  fireEvent.click(screen.getByText('Undo'));
  // The scenario's account is IMAP: Undo gives Junk a moment to replace a placeholder (junk.ts).
  await waitFor(() => screen.getByText('Moved 1 back.'), { timeout: 4000 });
  expect(s.tb.inFolder(s.junk)).toEqual([]);
});

test('sweep: a selection can be changed before moving', async () => {
  const s = wired();
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} />);
  await waitFor(() => expect(container.querySelector('main')?.dataset['finished']).toBe('yes'));
  const checkboxes = screen.getAllByRole('checkbox');
  fireEvent.click(checkboxes[0] as HTMLElement);
  expect(screen.getByText('Move 0 selected to Junk').hasAttribute('disabled')).toBe(true);
});

test.each([
  {
    name: 'ordinary mail',
    view: { result: undefined, lastMove: undefined },
    text: 'This is ordinary mail, not a bounce or an automatic reply.',
  },
])('popup for $name', ({ view, text }) => {
  const s = wired();
  render(<Popup view={view as DisplayedView} ask={s.ask} i18n={i18n} openSweep={() => undefined} />);
  expect(screen.getByText(text)).toBeTruthy();
});

test('popup: the full evidence for the displayed message and a sweep of its folder', async () => {
  const s = wired();
  s.tb.displayed.set(1, [s.messages.backscatter.id]);
  const view = await s.app.service.handle({ type: 'check-displayed', tabId: 1 }, {});
  const opened: (string | undefined)[] = [];
  const { container } = render(
    <Popup view={view} ask={s.ask} i18n={i18n} openSweep={folderId => opened.push(folderId)} />,
  );
  expect(container.querySelectorAll('.bg-verdict__reasons li').length).toBeGreaterThan(0);
  fireEvent.click(screen.getByText('Sweep this folder…'));
  expect(opened).toEqual([s.inbox]);
});
