// The sweep panel's states, with ports instead of Graph (the Graph path itself is in graph.test.ts
// and, in Chromium against a stand-in, in e2e/run.mjs).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { GraphClient } from '../src/graph/client';
import { GraphUnavailableError, type GraphPort } from '../src/graph/port';
import { counts, ItemBadge, SweepPanel, type SweepVerdict } from '../src/sweep/SweepPanel';
import type { SweepItem } from '../src/graph/sweep';
import { createUndoStore } from '../src/graph/undo-store';

afterEach(cleanup);

const never: GraphPort['connect'] = () => new Promise(() => undefined);

describe('SweepPanel', () => {
  test.each([
    ['not-configured', /not set up for your organisation. Ask your administrator/],
    ['not-supported', /needs a Microsoft 365 work or school account/],
  ] as const)('%s: explains itself and offers no button', (availability, text) => {
    const { container } = render(
      <SweepPanel lang="en" graph={{ availability, connect: never }} undo={createUndoStore(undefined)} />,
    );
    expect(screen.getByText(text)).toBeTruthy();
    expect(container.querySelector('[data-action="sweep"]')).toBeNull();
  });

  test('a refused sign-in is reported in words', async () => {
    const graph: GraphPort = {
      availability: 'available',
      connect: () =>
        Promise.reject(
          new GraphUnavailableError({ state: 'failed', message: 'AADSTS65001: consent required' }),
        ),
    };
    const { container } = render(<SweepPanel lang="en" graph={graph} undo={createUndoStore(undefined)} />);
    fireEvent.click(container.querySelector('[data-action="sweep"]')!);
    // A plain sentence: the identity platform's code stays out of the user's sight.
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Signing in for the Inbox sweep did not work. Try again later.',
      ),
    );
  });

  test('Stop while listing returns to idle and cancels the request in flight', async () => {
    let aborted = false;
    const client = new GraphClient({
      getToken: async () => 't',
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          }),
        ),
    });
    const graph: GraphPort = {
      availability: 'available',
      connect: async () => ({ client, assess: () => Promise.reject(new Error('unused')) }),
    };
    const { container } = render(<SweepPanel lang="en" graph={graph} undo={createUndoStore(undefined)} />);
    fireEvent.click(container.querySelector('[data-action="sweep"]')!);
    await waitFor(() => expect(container.querySelector('.bsg-progress')).not.toBeNull());
    fireEvent.click(container.querySelector('[data-action="sweep-stop"]')!);
    await waitFor(() =>
      expect(container.querySelector('.bsg-sweep')?.getAttribute('data-state')).toBe('idle'),
    );
    expect(aborted).toBe(true);
  });

  // shared/ui/tone.ts, as in the task pane and the Thunderbird shell: a real failure red ("act on it"), a
  // real auto-reply or delay blue and called what it is, not "real" (issue 11 items 4 and 5).
  test.each([
    ['backscatter', 'ndr', 'Backscatter', 'backscatter'],
    ['legitimate', 'ndr', 'Real bounce', 'failure'],
    ['legitimate', 'auto-reply', 'Auto-reply', 'info'],
    ['legitimate', 'delay', 'Delayed', 'info'],
    ['unsure', 'ndr', 'Unsure', 'unsure'],
    ['none', 'other', 'other', undefined],
    ['error', undefined, 'not checked', undefined],
  ] as const)('a %s %s reads "%s" in tone %s', (verdict, kind, label, tone) => {
    const item: SweepItem = {
      id: '1',
      subject: '',
      from: '',
      received: undefined,
      messageClass: undefined,
      error: kind === undefined ? 'x' : undefined,
      assessment: kind === undefined ? undefined : ({ analysis: { kind }, decision: undefined } as never),
    };
    const { container } = render(<ItemBadge item={item} verdict={verdict as SweepVerdict} lang="en" />);
    const badge = container.firstElementChild as HTMLElement;
    expect(badge.textContent).toBe(label);
    expect(badge.dataset['tone']).toBe(tone);
  });

  test('counts by verdict, unchecked messages counted as not checked', () => {
    const item = (verdict: 'backscatter' | 'legitimate' | undefined, error?: string): SweepItem => ({
      id: String(Math.random()),
      subject: '',
      from: '',
      received: undefined,
      messageClass: undefined,
      error,
      assessment: error
        ? undefined
        : ({ analysis: {}, decision: { verdict, confidence: 1, evidence: [], explanation: [] } } as never),
    });
    expect(
      counts([
        item('backscatter'),
        item('backscatter'),
        item('legitimate'),
        item(undefined),
        item(undefined, 'x'),
      ]),
    ).toEqual({
      backscatter: 2,
      legitimate: 1,
      unsure: 0,
      none: 1,
      error: 1,
    });
  });
});
