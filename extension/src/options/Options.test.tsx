import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { localize } from '../test-support/fake-messenger';
import { scenario } from '../test-support/scenario';
import type { Ask } from '../ui/port';
import { Options } from './Options';

afterEach(cleanup);

const i18n = { t: (key: string, subs?: string[]) => localize(key, subs) || key, lang: 'en' as const };

const askOf = (s: ReturnType<typeof scenario>) =>
  ((request: Parameters<typeof s.app.service.handle>[0]) => s.app.service.handle(request, {})) as Ask;

/** The options page, opened after a bounce was checked (which learns the profile from Sent). */
async function openedAfterABounce() {
  const s = scenario();
  await s.app.checker.check(s.messages.backscatter.id);
  const { container } = render(<Options ask={askOf(s)} i18n={i18n} />);
  await waitFor(() => screen.getByText('Tag backscatter'));
  return { s, container };
}

test('options: mode, addresses and relays are saved; the learned profile is shown and can be reset', async () => {
  const { s, container } = await openedAfterABounce();
  expect((container.querySelector('input[value="tag"]') as HTMLInputElement).checked).toBe(true);
  expect(container.querySelector('[data-profile="learned"]')?.textContent).toContain(
    'me@example.test, other@example.org',
  );

  fireEvent.click(container.querySelector('input[value="tag-and-move"]') as HTMLElement);
  fireEvent.input(container.querySelector('textarea[name="extraAddresses"]') as HTMLElement, {
    target: { value: 'alias@example.test\n\n' },
  });
  fireEvent.input(container.querySelector('textarea[name="trustedRelays"]') as HTMLElement, {
    target: { value: 'smtp.example.test, relay.example.test' },
  });
  fireEvent.click(screen.getByText('Save'));
  await waitFor(() => screen.getByText('Saved.'));
  expect(await s.app.store.settings()).toEqual({
    autoScan: 'tag-and-move',
    extraAddresses: ['alias@example.test'],
    trustedRelays: ['smtp.example.test', 'relay.example.test'],
  });
  // New addresses and relays: the profile learned without them is to be learned again, and says so.
  expect(container.querySelector('[data-profile-learned="stale"]')?.textContent).toBe(
    '1 sent messages; to be learned again when the next bounce is checked',
  );

  await s.app.checker.check(s.messages.legit.id);
  fireEvent.click(screen.getByText('Forget and learn again'));
  await waitFor(() => expect(container.querySelector('[data-profile="none"]')).not.toBeNull());
  expect(await s.app.store.profile()).toBeUndefined();
});

test('options: saving another mode only keeps the learned profile and its date', async () => {
  const { container } = await openedAfterABounce();
  const learned = container.querySelector('[data-profile-learned="yes"]')?.textContent;
  expect(learned).toMatch(/^1 sent messages, on /);
  fireEvent.click(container.querySelector('input[value="off"]') as HTMLElement);
  fireEvent.click(screen.getByText('Save'));
  await waitFor(() => screen.getByText('Saved.'));
  expect(container.querySelector('[data-profile-learned="yes"]')?.textContent).toBe(learned);
});

test('options: the counts of what was moved and undone', async () => {
  const s = scenario();
  await s.app.service.handle({ type: 'move-to-junk', messageIds: [s.messages.backscatter.id] }, {});
  render(<Options ask={askOf(s)} i18n={i18n} />);
  await waitFor(() =>
    screen.getByText(
      'Moved to the junk folder: 1 · undone: 0 · tagged automatically: 0 · moved automatically: 0',
    ),
  );
});
