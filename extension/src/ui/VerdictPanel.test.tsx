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

const buttons = () => screen.queryAllByRole('button').map(button => button.textContent);

describe('VerdictPanel', () => {
  test.each([
    {
      verdict: 'backscatter' as const,
      decision: backscatterDecision,
      title: 'Backscatter: you did not send this',
      actions: ['Move to Junk', 'Not backscatter'],
    },
    {
      verdict: 'unsure' as const,
      decision: unsureDecision,
      title: 'Not sure whether you sent this',
      actions: ['Move to Junk', 'Not backscatter'],
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

  test('Move to Junk, then Undo, through the background', async () => {
    const { ask, calls } = fakeAsk({
      'move-to-junk': { moved: [record], failed: [] },
      'undo-move': { restored: [record.headerMessageId], failed: [] },
    });
    render(
      <VerdictPanel
        view={{ result: result('backscatter', backscatterDecision), lastMove: undefined }}
        ask={ask}
        i18n={i18n}
      />,
    );
    fireEvent.click(screen.getByText('Move to Junk'));
    await waitFor(() => screen.getByText('Moved to Junk.'));
    expect(buttons()).toEqual(['Undo']);
    fireEvent.click(screen.getByText('Undo'));
    await waitFor(() => screen.getByText('Moved back, and the Junk mark removed.'));
    expect(calls).toEqual([
      { type: 'move-to-junk', messageIds: [42] },
      { type: 'undo-move', headerMessageIds: ['bounce@mx.example'] },
    ]);
  });

  test('an account without Junk folder: says so, keeps the buttons', async () => {
    const { ask } = fakeAsk({
      'move-to-junk': { moved: [], failed: [{ messageId: 42, reason: 'no-junk-folder' }] },
    });
    render(
      <VerdictPanel
        view={{ result: result('backscatter', backscatterDecision), lastMove: undefined }}
        ask={ask}
        i18n={i18n}
      />,
    );
    fireEvent.click(screen.getByText('Move to Junk'));
    await waitFor(() => screen.getByText(/This account has no Junk folder/));
    expect(buttons()).toContain('Move to Junk');
  });

  test('Not backscatter: the answer replaces the verdict', async () => {
    const overridden = result('legitimate', backscatterDecision, { userOverride: true });
    const { ask } = fakeAsk({ 'not-backscatter': overridden });
    render(
      <VerdictPanel
        view={{ result: result('backscatter', backscatterDecision), lastMove: undefined }}
        ask={ask}
        i18n={i18n}
      />,
    );
    fireEvent.click(screen.getByText('Not backscatter'));
    await waitFor(() => screen.getByText(/Marked as not backscatter/));
    expect(buttons()).toEqual([]);
  });

  test('unsure because Sent could not be searched: the banner says so', () => {
    render(
      <VerdictPanel
        view={{ result: result('unsure', unsureDecision, { sentCoverage: 'partial' }), lastMove: undefined }}
        ask={fakeAsk({}).ask}
        i18n={i18n}
      />,
    );
    expect(screen.getByText(/Sent folder is empty or not synchronised/)).toBeTruthy();
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
    expect(screen.getByText('Moved “Earlier bounce” to Junk.')).toBeTruthy();
    expect(buttons()).toEqual(['Undo']);
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
