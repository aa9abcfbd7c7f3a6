import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Decision, Verdict } from '../../../shared/src/index';
import { backscatterDecision, legitimateDecision, unsureDecision } from '../../../shared/ui/fixtures';
import type { CheckResult } from '../core/checker';
import type { DisplayedView } from '../protocol';
import { analysisOf } from '../test-support/fake-engine';
import { localize } from '../test-support/fake-messenger';
import type { MoveRecord } from '../thunderbird/junk';
import type { Ask } from './port';
import { VerdictPanel } from './VerdictPanel';

afterEach(cleanup);

const i18n = { t: (key: string, subs?: string[]) => localize(key, subs) || key, lang: 'en' as const };

function result(verdict: Verdict, decision: Decision, overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    message: {
      id: 42,
      headerMessageId: 'bounce@mx.example',
      subject: 'Undelivered',
      author: 'MAILER-DAEMON',
      folderId: 'account1://INBOX',
      accountId: 'account1',
      inJunk: false,
      junkFolderName: 'Spam',
    },
    analysis: analysisOf('ndr', ['orig@example.test']),
    automated: true,
    lookups: {},
    sentCoverage: 'complete',
    decision,
    verdict,
    userOverride: false,
    elapsedMs: 3,
    ...overrides,
  };
}

const record: MoveRecord = {
  moveId: 'move-1',
  state: 'in-junk',
  junkFolderName: 'Spam',
  fromFolderName: 'Inbox',
  headerMessageId: 'bounce@mx.example',
  subject: 'Undelivered',
  fromFolderId: 'account1://INBOX',
  junkFolderId: 'account1://Junk',
  at: 1,
};

function fakeAsk(answers: Partial<Record<string, unknown>>) {
  const calls: unknown[] = [];
  const ask = vi.fn(async (request: { type: string }) => {
    calls.push(request);
    return answers[request.type];
  }) as unknown as Ask;
  return { ask, calls };
}

/** The banner for a backscatter verdict, wired to `ask`. */
const renderBackscatter = (ask: Ask) =>
  render(
    <VerdictPanel
      view={{ result: result('backscatter', backscatterDecision), lastMove: undefined }}
      ask={ask}
      i18n={i18n}
    />,
  );

const buttons = () => screen.queryAllByRole('button').map(button => button.textContent);

describe('VerdictPanel', () => {
  test.each([
    {
      verdict: 'backscatter' as const,
      decision: backscatterDecision,
      title: 'Backscatter: you did not send this',
      actions: ['Move to Spam', 'Not backscatter'],
    },
    {
      verdict: 'unsure' as const,
      decision: unsureDecision,
      title: 'Not sure whether you sent this',
      actions: ['Move to Spam', 'Not backscatter'],
    },
    {
      verdict: 'legitimate' as const,
      decision: legitimateDecision,
      title: 'A real delivery failure about your message',
      actions: [],
    },
  ])('$verdict: "$title" with $actions', ({ verdict, decision, title, actions }) => {
    const view: DisplayedView = { result: result(verdict, decision), lastMove: undefined };
    render(<VerdictPanel view={view} ask={fakeAsk({}).ask} i18n={i18n} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(title);
    expect(buttons()).toEqual(actions);
  });

  test('Move to Spam (the folder’s own name), then Undo by move id, each notice naming the message', async () => {
    const { ask, calls } = fakeAsk({
      'move-to-junk': { moved: [record], failed: [] },
      'undo-moves': { restored: [{ ...record, state: 'restored' }], failed: [] },
    });
    renderBackscatter(ask);
    fireEvent.click(screen.getByText('Move to Spam'));
    await waitFor(() => screen.getByText('Moved “Undelivered” to Spam.'));
    expect(buttons()).toEqual(['Undo']);
    fireEvent.click(screen.getByText('Undo'));
    await waitFor(() => screen.getByText('Moved “Undelivered” back to Inbox and removed the junk mark.'));
    expect(calls).toEqual([
      { type: 'move-to-junk', messageIds: [42] },
      { type: 'undo-moves', moveIds: ['move-1'] },
    ]);
  });

  test('an Undo that did not take says so and keeps Undo to try again', async () => {
    const { ask } = fakeAsk({
      'move-to-junk': { moved: [record], failed: [] },
      'undo-moves': {
        restored: [],
        failed: [
          {
            moveId: 'move-1',
            headerMessageId: record.headerMessageId,
            subject: 'Undelivered',
            reason: 'unverified',
          },
        ],
      },
    });
    renderBackscatter(ask);
    fireEvent.click(screen.getByText('Move to Spam'));
    await waitFor(() => screen.getByText('Undo'));
    fireEvent.click(screen.getByText('Undo'));
    await waitFor(() => screen.getByText(/did not leave Spam, so it is not restored/));
    expect(buttons()).toEqual(['Undo']);
  });

  test('an account without Junk folder: says so, keeps the buttons', async () => {
    const { ask } = fakeAsk({
      'move-to-junk': { moved: [], failed: [{ messageId: 42, reason: 'no-junk-folder' }] },
    });
    renderBackscatter(ask);
    fireEvent.click(screen.getByText('Move to Spam'));
    await waitFor(() => screen.getByText(/This account has no junk folder/));
    expect(buttons()).toContain('Move to Spam');
  });

  test('a message already in the junk folder: the notice names that folder as Thunderbird shows it', async () => {
    const { ask } = fakeAsk({
      'move-to-junk': { moved: [], failed: [{ messageId: 42, reason: 'already-in-junk' }] },
    });
    renderBackscatter(ask);
    fireEvent.click(screen.getByText('Move to Spam'));
    await waitFor(() => screen.getByText('This message is already in Spam.'));
  });

  test('Not backscatter: the answer replaces the verdict', async () => {
    const overridden = result('legitimate', backscatterDecision, { userOverride: true });
    const { ask } = fakeAsk({ 'not-backscatter': overridden });
    renderBackscatter(ask);
    fireEvent.click(screen.getByText('Not backscatter'));
    await waitFor(() => screen.getByText(/Marked as not backscatter/));
    expect(buttons()).toEqual([]);
  });

  test.each([
    {
      name: 'a lookup was unavailable',
      overrides: { lookups: { 'a@b': 'unavailable' as const }, sentCoverage: 'partial' as const },
      hint: 'sent-unavailable',
      text: /Sent folder is not synchronised yet/,
    },
    // Issue 11 item 1: no lookup at all is no reason to blame Sent, however Sent looks.
    {
      name: 'no Message-ID to look up, Sent partly synced',
      overrides: { lookups: {}, sentCoverage: 'partial' as const },
      hint: 'no-message-id',
      text: /quotes no Message-ID/,
    },
    {
      name: 'not found, but too little else',
      overrides: { lookups: { 'a@b': 'not-found' as const } },
      hint: 'thin-evidence',
      text: /too thin/,
    },
  ])('unsure says what is missing: $name', ({ overrides, hint, text }) => {
    const { container } = render(
      <VerdictPanel
        view={{ result: result('unsure', unsureDecision, overrides), lastMove: undefined }}
        ask={fakeAsk({}).ask}
        i18n={i18n}
      />,
    );
    expect([...container.querySelectorAll('[data-hint]')].map(el => el.getAttribute('data-hint'))).toEqual([
      hint,
    ]);
    expect(screen.getByText(text)).toBeTruthy();
    expect(container.textContent).not.toMatch(hint === 'sent-unavailable' ? /quotes no/ : /not synchronised/);
  });

  test('the banner (compact): one line arrives; the unsure hint is in the part the user opens', () => {
    const { container } = render(
      <VerdictPanel
        view={{
          result: result('unsure', unsureDecision, { lookups: { 'a@b': 'unavailable' as const } }),
          lastMove: undefined,
        }}
        ask={fakeAsk({}).ask}
        i18n={i18n}
        compact
      />,
    );
    expect(container.querySelector('.bg-verdict__line')?.textContent).toContain('Move to');
    // The opened part is drawn only when the user opens it (every bounce shown draws a banner).
    expect(container.querySelector('[data-hint]')).toBeNull();
    expect(container.querySelector('[data-action="not-backscatter"]')).toBeNull();
    const toggle = container.querySelector<HTMLButtonElement>('.bg-verdict__toggle');
    fireEvent.click(toggle!);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const hint = container.querySelector('[data-hint]');
    expect(hint?.getAttribute('data-hint')).toBe('sent-unavailable');
    expect(hint?.closest('.bg-verdict__more')?.hasAttribute('hidden')).toBe(false);
    expect(container.querySelector('.bg-verdict__line [data-action="not-backscatter"]')).toBeNull();
    expect(container.querySelector('.bg-verdict__more [data-action="not-backscatter"]')).not.toBeNull();
  });

  test('a move made from another message is offered for Undo', () => {
    const other = { ...record, headerMessageId: 'earlier@mx.example', subject: 'Earlier bounce' };
    render(
      <VerdictPanel
        view={{ result: result('legitimate', legitimateDecision), lastMove: other }}
        ask={fakeAsk({}).ask}
        i18n={i18n}
      />,
    );
    expect(screen.getByText('Moved “Earlier bounce” to Spam.')).toBeTruthy();
    expect(buttons()).toEqual(['Undo']);
  });

  // Issue 11 item 7: a notice must not push the card down. The Undo offer's line stays the one line
  // in the flow, and the outcome replaces its text; a notice on a banner without that line is an
  // overlay (banner.css hangs it below the card).
  test('Undo of an earlier move: the outcome replaces the offer in the same line, nothing is added', async () => {
    const other = { ...record, headerMessageId: 'earlier@mx.example', subject: 'Earlier bounce' };
    const { ask } = fakeAsk({ 'undo-moves': { restored: [{ ...other, state: 'restored' }], failed: [] } });
    const { container } = render(
      <VerdictPanel
        view={{ result: result('legitimate', legitimateDecision), lastMove: other }}
        ask={ask}
        i18n={i18n}
      />,
    );
    const lines = () =>
      [...container.querySelectorAll('.bsg-panel > *')].map(
        el => `${el.getAttribute('data-notice') ?? el.className}:${el.getAttribute('data-slot') ?? ''}`,
      );
    expect(lines()[0]).toBe('earlier-move:flow');
    const before = lines().length;
    fireEvent.click(screen.getByText('Undo'));
    await waitFor(() => screen.getByText(/back to Inbox/));
    expect(lines()[0]).toBe('restored:flow');
    expect(lines()).toHaveLength(before);
  });

  test('a notice on a banner that had none is an overlay, not a line above the card', async () => {
    const { ask } = fakeAsk({ 'move-to-junk': { moved: [record], failed: [] } });
    const { container } = renderBackscatter(ask);
    fireEvent.click(screen.getByText('Move to Spam'));
    await waitFor(() => screen.getByText('Moved “Undelivered” to Spam.'));
    expect(container.querySelector('[data-notice="moved"]')?.getAttribute('data-slot')).toBe('overlay');
  });

  test('message text is rendered as text, never as HTML', () => {
    const hostile = { ...record, subject: '<img src=x onerror=alert(1)>' };
    const { container } = render(
      <VerdictPanel view={{ result: undefined, lastMove: hostile }} ask={fakeAsk({}).ask} i18n={i18n} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
