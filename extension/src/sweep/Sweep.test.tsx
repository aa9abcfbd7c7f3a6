import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { DisplayedView } from '../protocol';
import { scenario } from '../test-support/scenario';
import { localize, type FakeThunderbird } from '../test-support/fake-messenger';
import { testMessage } from '../test-support/fake-engine';
import type { Ask } from '../ui/port';
import { Sweep } from './Sweep';
import { Popup } from '../popup/Popup';

afterEach(cleanup);

const i18n = { t: (key: string, subs?: string[]) => localize(key, subs) || key, lang: 'en' as const };

/** The page talks to the real background logic over a fake Thunderbird. */
function wired(intercept?: (request: Parameters<Ask>[0]) => void) {
  const s = scenario();
  const asked: string[] = [];
  const ask = ((request: Parameters<typeof s.app.service.handle>[0]) => {
    asked.push(request.type);
    intercept?.(request);
    return s.app.service.handle(request, {});
  }) as Ask;
  return { ...s, ask, asked };
}

const rowsOf = (container: Element) =>
  [...container.querySelectorAll('tr[data-verdict]')].map(row => [
    (row as HTMLElement).dataset['messageId'],
    (row as HTMLElement).dataset['verdict'],
    (row.querySelector('input') as HTMLInputElement).checked,
  ]);

async function finished(container: Element) {
  await waitFor(() => expect(container.querySelector('main')?.dataset['finished']).toBe('yes'));
}

/** A second message with the Message-ID of the backscatter (a resend, a duplicate delivery). */
function twin(tb: FakeThunderbird, inbox: string) {
  return tb.deliver(inbox, testMessage('backscatter', 'bounce-1@mx.victim.example'), {
    headerMessageId: 'bounce-1@mx.victim.example',
    subject: 'Undelivered Mail',
    author: '"Neko, Nyaan" <MAILER-DAEMON@mx.victim.example>',
  });
}

test('sweep: "Listing" before the first answer, never "0 of 0"; then rows, counts and backscatter preselected', async () => {
  const s = wired();
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={undefined} pollMs={5} />);
  expect(container.textContent).toContain('Listing the folder…');
  expect(container.textContent).not.toMatch(/\b0 of 0\b/);
  await finished(container);
  expect(screen.getByText(/Done: looked at 4 messages in/)).toBeTruthy();
  expect(container.querySelector('[data-found]')?.textContent).toBe('3 bounces and automatic replies found');
  expect(rowsOf(container)).toEqual([
    ['bounce-1@mx.victim.example', 'backscatter', true],
    ['bounce-2@mx.partner.example', 'legitimate', false],
    ['ooo-1@partner.example', 'legitimate', false],
  ]);
  const counts = [...container.querySelectorAll('[data-count]')].map(label => [
    (label as HTMLElement).dataset['count'],
    label.querySelector('[data-total]')?.textContent,
  ]);
  expect(counts).toEqual([
    ['backscatter', '1'],
    ['legitimate', '2'],
  ]);
  // The action bar sits above the table, made sticky by sweep.css.
  const bar = container.querySelector('[data-sticky="action-bar"]');
  expect(bar?.querySelector('[data-action="move-selected"]')).not.toBeNull();
  expect(bar?.compareDocumentPosition(container.querySelector('table') as Node)).toBe(
    Node.DOCUMENT_POSITION_FOLLOWING,
  );
  expect(s.asked.filter(type => type === 'check-message')).toEqual([]);
});

test('sweep: a verdict’s checkbox selects all of that verdict; the header checkbox selects or clears all', async () => {
  const s = wired();
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  fireEvent.click(container.querySelector('[data-count="legitimate"] input') as HTMLElement);
  expect(screen.getByText('Move 3 selected to Junk')).toBeTruthy();
  fireEvent.click(container.querySelector('[data-count="backscatter"] input') as HTMLElement);
  expect(screen.getByText('Move 2 selected to Junk')).toBeTruthy();
  fireEvent.click(container.querySelector('[data-action="select-all"]') as HTMLElement);
  expect(screen.getByText('Move 3 selected to Junk')).toBeTruthy();
  fireEvent.click(container.querySelector('[data-action="select-all"]') as HTMLElement);
  expect(screen.getByText('Move 0 selected to Junk').hasAttribute('disabled')).toBe(true);
});

test('sweep: each row speaks the colour language of the banner and header badge, named by its kind', async () => {
  const s = wired();
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  const badges = [...container.querySelectorAll('tr[data-verdict] .bg-badge')].map(badge => [
    badge.closest('tr')?.dataset['messageId'],
    badge.textContent,
    (badge as HTMLElement).dataset['tone'],
  ]);
  // shared/ui/tone.ts: backscatter amber; a real delivery failure red ("act on it"); a real auto-reply
  // blue ("nothing to do") and called what it is, not "Real bounce" (issue 11 items 4 and 5).
  expect(badges).toEqual([
    ['bounce-1@mx.victim.example', 'Backscatter', 'backscatter'],
    ['bounce-2@mx.partner.example', 'Real bounce', 'failure'],
    ['ooo-1@partner.example', 'Auto-reply', 'info'],
  ]);
  expect(
    container.querySelector('tr[data-message-id="ooo-1@partner.example"] .bg-tone--info'),
  ).not.toBeNull();
  // The chip gathers both real messages: "Real", not "Real bounce".
  expect(container.querySelector('[data-count="legitimate"]')?.textContent?.trim()).toBe('Real 2');
  expect(
    container.querySelector('[data-count="backscatter"]')?.classList.contains('bg-tone--backscatter'),
  ).toBe(true);
});

test('sweep: a message the user marked "not backscatter" reads as their choice, in grey, not as a real bounce', async () => {
  const s = wired();
  await s.app.service.handle({ type: 'not-backscatter', messageId: s.messages.backscatter.id }, {});
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  const badge = container.querySelector(
    'tr[data-message-id="bounce-1@mx.victim.example"] .bg-badge',
  ) as HTMLElement;
  expect([badge.textContent, badge.dataset['tone']]).toEqual(['Not backscatter', 'user']);
});

test('sweep: the junk folder is named before any candidate is checked', async () => {
  const s = wired();
  s.tb.folder('account1', 'Junk').name = 'Spam';
  // Every read waits: the page polls while no row has been checked yet.
  s.tb.messenger.messages.getRaw = () => new Promise(() => undefined);
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await waitFor(() => screen.getByText('Move 0 selected to Spam'));
  expect(container.querySelectorAll('tr[data-verdict]')).toHaveLength(0);
});

test('sweep: the move names the junk folder as Thunderbird shows it ("Spam" in 153), before and after', async () => {
  const s = wired();
  s.tb.folder('account1', 'Junk').name = 'Spam';
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  expect(screen.getByText('Move 1 selected to Spam')).toBeTruthy();
  const box = container.querySelector('tr[data-message-id="bounce-1@mx.victim.example"] input');
  expect(box?.getAttribute('aria-label')).toBe('Select for moving to Spam');
  fireEvent.click(screen.getByText('Move 1 selected to Spam'));
  await waitFor(() => screen.getByText(/Moved 1 to Spam\./));
  expect(container.textContent).not.toMatch(/\bJunk\b/);
});

test('sweep: From shows the display name, the full address on hover', async () => {
  const s = wired();
  twin(s.tb, s.inbox);
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  const cell = screen.getByText('Neko, Nyaan').closest('td');
  expect(cell?.getAttribute('title')).toBe('"Neko, Nyaan" <MAILER-DAEMON@mx.victim.example>');
});

test('sweep: a bidi override in a subject or sender is shown as U+FFFD and isolated in <bdi>', async () => {
  const s = wired();
  s.tb.deliver(s.inbox, testMessage('backscatter', 'bounce-9@mx.victim.example'), {
    headerMessageId: 'bounce-9@mx.victim.example',
    subject: 'Undelivered \u202egnp.exe',
    author: '"\u2067Postmaster\u2069" <MAILER-DAEMON@mx.victim.example>',
  });
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  const row = container.querySelector('tr[data-message-id="bounce-9@mx.victim.example"]');
  const isolated = [...(row?.querySelectorAll('td > bdi') ?? [])].map(b => b.textContent);
  expect(isolated).toEqual(['Undelivered \ufffdgnp.exe', '\ufffdPostmaster\ufffd']);
  expect(row?.textContent).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
});

test('sweep: moving one of two messages with the same Message-ID leaves the other listed (rows keyed by message id)', async () => {
  const s = wired();
  const second = twin(s.tb, s.inbox);
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  expect(container.querySelectorAll('tr[data-message-id="bounce-1@mx.victim.example"]')).toHaveLength(2);
  // Keep the second one: unselect it, move the first.
  fireEvent.click(container.querySelector(`tr[data-id="${second.id}"] input`) as HTMLElement);
  fireEvent.click(screen.getByText('Move 1 selected to Junk'));
  await waitFor(() => screen.getByText(/Moved 1 to Junk/));
  const left = [...container.querySelectorAll('tr[data-message-id="bounce-1@mx.victim.example"]')];
  expect(left.map(row => (row as HTMLElement).dataset['id'])).toEqual([String(second.id)]);
  expect(s.tb.inFolder(s.junk).map(m => m.id)).not.toContain(second.id);
});

test('sweep: Undo shows its progress and lists the restored messages again', async () => {
  const s = wired();
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  fireEvent.click(container.querySelector('[data-count="legitimate"] input') as HTMLElement);
  fireEvent.click(screen.getByText('Move 3 selected to Junk'));
  await waitFor(() => screen.getByText(/Moved 3 to Junk/));
  expect(rowsOf(container)).toEqual([]);
  expect(s.tb.inFolder(s.junk)).toHaveLength(3);
  fireEvent.click(screen.getByText('Undo'));
  // Each Undo also finds the message back in its folder (junk.ts), in batches with progress.
  await waitFor(() =>
    expect(container.querySelector('[data-busy="undoing"]')?.textContent).toMatch(/Moving back: \d of 3/),
  );
  await waitFor(() => screen.getByText('Moved 3 back; they are listed again.'), { timeout: 8000 });
  expect(s.tb.inFolder(s.junk)).toEqual([]);
  const rows = [...container.querySelectorAll('tr[data-verdict]')] as HTMLElement[];
  expect(rows.map(row => [row.dataset['messageId'], row.dataset['restored']])).toEqual([
    ['bounce-1@mx.victim.example', 'yes'],
    ['bounce-2@mx.partner.example', 'yes'],
    ['ooo-1@partner.example', 'yes'],
  ]);
  // Listed under the ids they have now, so they can be moved again.
  const ids = rows.map(row => Number(row.dataset['id']));
  expect(ids.every(id => s.tb.inFolder(s.inbox).some(message => message.id === id))).toBe(true);
}, 15_000);

test('sweep over IMAP as Thunderbird 153 moves: Undo lists every restored message again, under an id that reads it, once', async () => {
  const s = wired();
  s.tb.imapPseudoMoves = true;
  const second = twin(s.tb, s.inbox);
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  // Move three (the backscatter, the real bounce, the auto-reply); the backscatter's twin stays.
  fireEvent.click(container.querySelector(`tr[data-id="${second.id}"] input`) as HTMLElement);
  fireEvent.click(container.querySelector('[data-count="legitimate"] input') as HTMLElement);
  fireEvent.click(screen.getByText('Move 3 selected to Junk'));
  await waitFor(() => screen.getByText(/Moved 3 to Junk/));
  fireEvent.click(screen.getByText('Undo'));
  await waitFor(() => screen.getByText('Moved 3 back; they are listed again.'), { timeout: 12_000 });
  expect(s.tb.onServer(s.junk)).toEqual([]);
  const rows = [...container.querySelectorAll('tr[data-verdict]')] as HTMLElement[];
  expect(
    rows.map(row => [row.dataset['messageId'], row.dataset['verdict'], row.dataset['restored']]),
  ).toEqual([
    ['bounce-1@mx.victim.example', 'backscatter', undefined],
    ['bounce-1@mx.victim.example', 'backscatter', 'yes'],
    ['bounce-2@mx.partner.example', 'legitimate', 'yes'],
    ['ooo-1@partner.example', 'legitimate', 'yes'],
  ]);
  // Each row names a message Thunderbird can read now (not a placeholder), and no id twice.
  const ids = rows.map(row => Number(row.dataset['id']));
  expect(new Set(ids).size).toBe(4);
  for (const row of rows) {
    const raw = new TextDecoder().decode(s.tb.rawOf(Number(row.dataset['id'])));
    expect(raw).toContain(row.dataset['messageId']);
  }
}, 20_000);

test('sweep: a restored message the background did not find at once is looked for; one not found again is said plainly', async () => {
  const s = scenario();
  const asked: string[] = [];
  let recheck: string[] = [];
  const ask = (async (request: Parameters<typeof s.app.service.handle>[0]) => {
    asked.push(request.type);
    if (request.type === 'sweep-recheck') {
      recheck = request.headerMessageIds;
      // The auto-reply shows up only now; the real bounce is not found at all.
      const rows = await s.app.service.handle(request, {});
      return rows.filter(row => row.headerMessageId === 'ooo-1@partner.example');
    }
    const answer = await s.app.service.handle(request, {});
    if (request.type === 'undo-moves') {
      // The background found only the backscatter back in the Inbox.
      const report = answer as Awaited<ReturnType<typeof s.app.service.handle<'undo-moves'>>>;
      return {
        ...report,
        restored: report.restored.map(record => {
          if (record.headerMessageId === 'bounce-1@mx.victim.example') {
            return record;
          }
          const { restoredId: _dropped, ...rest } = record;
          return rest;
        }),
      };
    }
    return answer;
  }) as Ask;
  const { container } = render(<Sweep ask={ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  fireEvent.click(container.querySelector('[data-count="legitimate"] input') as HTMLElement);
  fireEvent.click(screen.getByText('Move 3 selected to Junk'));
  await waitFor(() => screen.getByText(/Moved 3 to Junk/));
  fireEvent.click(screen.getByText('Undo'));
  await waitFor(() => expect(container.querySelector('[data-notice="restored"]')).toBeTruthy(), {
    timeout: 12_000,
  });
  expect(asked).toContain('sweep-recheck');
  expect(recheck.sort()).toEqual(['bounce-2@mx.partner.example', 'ooo-1@partner.example']);
  expect(container.querySelector('[data-notice="restored"]')?.textContent).toBe(
    'Moved 2 back; they are listed again. 1 moved back could not be listed again: look for them in “INBOX”.',
  );
  expect(rowsOf(container)).toEqual([
    ['bounce-1@mx.victim.example', 'backscatter', false],
    ['ooo-1@partner.example', 'legitimate', false],
  ]);
}, 20_000);

test('sweep: Stop keeps what was found', async () => {
  let hold: (() => void) | undefined;
  const s = wired();
  const getRaw = s.tb.messenger.messages.getRaw;
  s.tb.messenger.messages.getRaw = async (id, options) => {
    if (id === s.messages.legit.id || id === s.messages.autoreply.id) {
      await new Promise<void>(resolve => (hold = resolve));
    }
    return getRaw(id, options);
  };
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await waitFor(() => expect(rowsOf(container)).toHaveLength(1));
  fireEvent.click(container.querySelector('[data-action="stop"]') as HTMLElement);
  await finished(container);
  hold?.();
  expect(screen.getByText(/Stopped after 4 of 4 messages\. What was found stays listed\./)).toBeTruthy();
  expect(rowsOf(container)).toEqual([['bounce-1@mx.victim.example', 'backscatter', true]]);
});

test('sweep: a failed move shows an error notice and gives the buttons back', async () => {
  const s = wired(request => {
    if (request.type === 'move-to-junk') {
      throw new Error('Thunderbird is offline');
    }
  });
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await finished(container);
  fireEvent.click(screen.getByText('Move 1 selected to Junk'));
  await waitFor(() => screen.getByText('Something went wrong: Thunderbird is offline'));
  expect(screen.getByText('Move 1 selected to Junk').hasAttribute('disabled')).toBe(false);
  expect(rowsOf(container)).toHaveLength(3);
});

test('sweep: a background that lost the sweep (event page restarted) is said, not waited for', async () => {
  const s = wired(request => {
    if (request.type === 'sweep-poll') {
      s.app.sweeper.stop(request.sweepId, 0);
    }
  });
  s.app.sweeper.poll = () => undefined;
  const { container } = render(<Sweep ask={s.ask} i18n={i18n} folderId={s.inbox} pollMs={5} />);
  await waitFor(() => screen.getByText(/The sweep was interrupted/));
  expect(container.querySelector('main')?.dataset['finished']).toBe('yes');
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
