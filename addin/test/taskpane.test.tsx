// Task pane states and the Report handler against the fake Office host, with hand-made assessments
// (the engine has its own tests; here we check what the shell does with its answers).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Analysis, Decision } from '../../shared/src/index';
import { createSpamReportHandler, type SpamReportEvent } from '../src/commands/spam-report';
import { GraphClient } from '../src/graph/client';
import type { GraphPort } from '../src/graph/port';
import { onItemChanged } from '../src/office/item-changed';
import { NOTIFICATION_KEY } from '../src/office/notify';
import { createUndoStore } from '../src/graph/undo-store';
import { checkCurrentItem } from '../src/taskpane/check-item';
import { TaskPane } from '../src/taskpane/TaskPane';
import type { Assessment, AssessFn } from '../src/verdict/assess';
import { createFakeOffice, type FakeHost, type FakeMessage } from './fake-office';

// Cast, not annotated: the engine adds Analysis fields over time (the contract only grows).
const analysis = (over: Partial<Analysis> = {}): Analysis =>
  ({
    kind: 'ndr',
    format: 'rfc3464',
    subject: 'Undelivered Mail Returned to Sender',
    from: { name: undefined, address: 'mailer-daemon@mx.example.net' },
    to: [],
    date: undefined,
    messageId: undefined,
    reportingMta: 'mx.example.net',
    recipients: [
      {
        address: 'bob@example.net',
        action: 'failed',
        status: '5.1.1',
        replyCode: '550',
        diagnostic: undefined,
        remoteMta: undefined,
        reason: 'user-unknown',
      },
    ],
    original: undefined,
    answering: undefined,
    challengeVendor: undefined,
    lookups: [],
    warnings: [],
    mta: undefined,
    ...over,
  }) as Analysis;

const decision = (verdict: Decision['verdict']): Decision => ({
  verdict,
  confidence: 0.9,
  evidence: [
    {
      signal: 'sent-original',
      direction: verdict === 'legitimate' ? 'legitimate' : 'backscatter',
      weight: 3,
      params: { variant: 'not-found', messageId: 'x@y' },
    },
  ],
  explanation: [],
});

// Each fake message's Subject names the assessment to return, so the fake engine stays honest about
// which bytes it was given (the Subject survives both the EML and the rebuilt fallback path).
const ASSESSMENTS: Record<string, Assessment> = {
  backscatter: { analysis: analysis(), decision: decision('backscatter') },
  legitimate: { analysis: analysis(), decision: decision('legitimate') },
  autoreply: {
    analysis: analysis({ kind: 'auto-reply', recipients: [] }),
    decision: decision('backscatter'),
  },
  ordinary: {
    analysis: analysis({ kind: 'other', recipients: [] }),
    decision: { verdict: undefined, confidence: 0, evidence: [], explanation: [] },
  },
  analysis: { analysis: analysis(), decision: undefined },
};

const fakeAssess: AssessFn = async bytes => {
  const name = /^Subject: Subject (\S+)\r$/m.exec(new TextDecoder().decode(bytes))?.[1] ?? '';
  const found = ASSESSMENTS[name];
  if (!found) {
    throw new Error(`unexpected message ${JSON.stringify(name)}`);
  }
  return found;
};

const message = (name: string): FakeMessage => ({
  itemId: `id-${name}`,
  subject: `Subject ${name}`,
  eml: `From: someone@example.net\r\nSubject: Subject ${name}\r\n\r\n${name}\r\n`,
});

function install(options: Partial<Parameters<typeof createFakeOffice>[0]> = {}): FakeHost {
  const host = createFakeOffice({
    mailbox: '1.14',
    userAddress: 'user@example.org',
    item: message('backscatter'),
    ...options,
  });
  (globalThis as Record<string, unknown>)['Office'] = host.Office;
  return host;
}

afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>)['Office'];
});

describe('checkCurrentItem', () => {
  test.each([
    [
      'backscatter',
      'Likely backscatter: this delivery failure is about mail you did not send. You can move it to Junk.',
    ],
    [
      'legitimate',
      'Real bounce: your message to bob@example.net was not delivered. Open Backscatter Guard for what to do.',
    ],
    [
      'autoreply',
      'Likely backscatter: this automatic reply is about mail you did not send. You can move it to Junk.',
    ],
    ['analysis', 'Backscatter Guard: this is a delivery failure. Open the add-in for details.'],
  ])('%s: result state and the reading-pane notification', async (name, text) => {
    const host = install({ item: message(name) });
    const state = await checkCurrentItem({ assess: fakeAssess, lang: 'en' });
    expect(state.kind).toBe('result');
    expect(host.notifications.get(`id-${name}`)).toEqual([
      {
        key: NOTIFICATION_KEY,
        type: 'informationalMessage',
        message: text,
        icon: 'Icon.16',
        persistent: true,
      },
    ]);
  });

  test('ordinary mail gets no notification', async () => {
    const host = install({ item: message('ordinary') });
    const state = await checkCurrentItem({ assess: fakeAssess, lang: 'en' });
    expect(state).toMatchObject({ kind: 'result', notification: undefined });
    expect(host.notifications.get('id-ordinary') ?? []).toEqual([]);
  });

  test('German display language gives a German notification', async () => {
    const host = install({ displayLanguage: 'de-DE' });
    await checkCurrentItem({ assess: fakeAssess, lang: 'de' });
    expect(host.notifications.get('id-backscatter')?.[0]?.message).toMatch(/^Wahrscheinlich Backscatter/);
  });

  test.each([
    ['null item (pinned pane, nothing selected)', { item: null }, 'no-item'],
    ['compose item', { item: { ...message('backscatter'), compose: true } }, 'compose'],
    ['appointment', { item: { ...message('backscatter'), itemType: 'appointment' as const } }, 'not-message'],
    ['Mailbox 1.7', { mailbox: '1.7' }, 'unsupported'],
  ])('%s', async (_name, options, kind) => {
    install(options);
    expect((await checkCurrentItem({ assess: fakeAssess, lang: 'en' })).kind).toBe(kind);
  });

  test('Mailbox 1.8 reads through the fallback and still decides', async () => {
    const host = install({ mailbox: '1.8' });
    const state = await checkCurrentItem({ assess: fakeAssess, lang: 'en' });
    expect(state).toMatchObject({ kind: 'result', source: 'rebuilt' });
    expect(host.calls).not.toContain('getAsFileAsync');
  });

  test('a failing engine becomes an error state, not an exception', async () => {
    install({ item: message('unknown-body') });
    const state = await checkCurrentItem({ assess: fakeAssess, lang: 'en' });
    expect(state).toMatchObject({ kind: 'error' });
  });
});

const noGraph: GraphPort = {
  availability: 'not-configured',
  connect: () => Promise.reject(new Error('not configured')),
};

describe('TaskPane', () => {
  test('shows the verdict, then follows ItemChanged to another message and to no message', async () => {
    const host = install();
    const check = () => checkCurrentItem({ assess: fakeAssess, lang: 'en' });
    const { container } = render(
      <TaskPane
        lang="en"
        check={check}
        subscribe={onItemChanged}
        graph={noGraph}
        undo={createUndoStore(undefined)}
      />,
    );
    await waitFor(() => expect(container.querySelector('[data-verdict="backscatter"]')).not.toBeNull());
    expect(screen.getByText('Backscatter: you did not send this')).toBeTruthy();

    host.selectItem(message('legitimate'));
    await waitFor(() =>
      expect(
        container.querySelector('.bsg-result[data-item-id="id-legitimate"] [data-verdict="legitimate"]'),
      ).not.toBeNull(),
    );

    host.selectItem(null);
    await waitFor(() => expect(container.querySelector('main')?.getAttribute('data-state')).toBe('no-item'));
    expect(screen.getByText(/Select a message to check it/)).toBeTruthy();
    // Not configured: the sweep explains itself instead of offering a button.
    expect(container.querySelector('.bsg-sweep')?.getAttribute('data-state')).toBe('not-configured');
    expect(container.querySelector('[data-action="junk"]')).toBeNull();
  });

  test('Move to Junk and Undo through Graph, with the REST id; Undo returns it to its own folder', async () => {
    const fakeHost = install();
    const moves: Array<[string, string]> = [];
    const client = new GraphClient({
      getToken: async () => 't',
      fetch: async (url, init) => {
        const id = decodeURIComponent(String(url).split('/messages/')[1]!.split(/[/?]/)[0]!);
        if (init?.method !== 'POST') {
          // The message's folder and Message-ID, read before the move.
          return new Response(
            JSON.stringify({ id, parentFolderId: 'folder-projects', internetMessageId: '<m@x>' }),
          );
        }
        const { destinationId } = JSON.parse(String(init?.body)) as { destinationId: string };
        moves.push([id, destinationId]);
        return new Response(JSON.stringify({ id: `${destinationId}-${id}` }), { status: 201 });
      },
    });
    const graph: GraphPort = {
      availability: 'available',
      connect: async () => ({ client, assess: fakeAssess }),
    };
    const undoStore = createUndoStore(undefined);
    const { container } = render(
      <TaskPane
        lang="en"
        check={() => checkCurrentItem({ assess: fakeAssess, lang: 'en' })}
        subscribe={onItemChanged}
        graph={graph}
        undo={undoStore}
      />,
    );
    const junk = await waitFor(() => {
      const button = container.querySelector<HTMLButtonElement>('[data-action="junk"]');
      expect(button).not.toBeNull();
      return button!;
    });
    fireEvent.click(junk);
    await waitFor(() => expect(container.querySelector('[data-junk="moved"]')).not.toBeNull());
    // Undo lives at the pane's level: another message selected, and it is still offered.
    fakeHost.selectItem(message('legitimate'));
    await waitFor(() =>
      expect(container.querySelector('.bsg-result[data-item-id="id-legitimate"]')).not.toBeNull(),
    );
    const undo = await waitFor(() => {
      const button = container.querySelector<HTMLButtonElement>('[data-action="undo"]');
      expect(button).not.toBeNull();
      return button!;
    });
    fireEvent.click(undo);
    await waitFor(() =>
      expect(container.querySelector('[data-undo-note]')?.textContent).toMatch(/Moved back/),
    );
    // convertToRestId in the fake turns '/' into '-'.
    expect(moves).toEqual([
      ['id-backscatter', 'junkemail'],
      ['junkemail-id-backscatter', 'folder-projects'],
    ]);
    expect(undoStore.list()).toEqual([]);
  });

  test('a message that is not backscatter needs a second click before it moves', async () => {
    install({ item: message('legitimate') });
    const move = vi.fn(async () => 'new-id');
    const graph: GraphPort = {
      availability: 'available',
      connect: async () => ({
        client: {
          move,
          json: async () => ({ id: 'id-legitimate', parentFolderId: 'inbox' }),
        } as unknown as GraphClient,
        assess: fakeAssess,
      }),
    };
    const { container } = render(
      <TaskPane
        lang="en"
        check={() => checkCurrentItem({ assess: fakeAssess, lang: 'en' })}
        subscribe={onItemChanged}
        graph={graph}
        undo={createUndoStore(undefined)}
      />,
    );
    const junk = await waitFor(() => {
      const button = container.querySelector<HTMLButtonElement>('[data-action="junk"]');
      expect(button).not.toBeNull();
      return button!;
    });
    fireEvent.click(junk);
    await waitFor(() => expect(container.querySelector('[data-junk="confirm"]')).not.toBeNull());
    expect(move).not.toHaveBeenCalled();
    fireEvent.click(container.querySelector<HTMLButtonElement>('[data-action="junk"]')!);
    await waitFor(() => expect(move).toHaveBeenCalledWith('id-legitimate', 'junkemail'));
  });
});

describe('the Report (spam-reporting) handler', () => {
  const run = async (assess: AssessFn) => {
    const completed = vi.fn<SpamReportEvent['completed']>();
    await createSpamReportHandler(assess, () => 'en')({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    return completed.mock.calls[0]![0];
  };

  test('backscatter: moved to Junk, never deleted, and says what it was', async () => {
    install();
    expect(await run(fakeAssess)).toEqual({
      onErrorDeleteItem: false,
      moveItemTo: 'junkFolder',
      showPostProcessingDialog: {
        title: 'Backscatter Guard',
        description:
          'Moved to Junk Email. It was backscatter: a delivery failure about mail you did not send.',
      },
    });
  });

  test('a real bounce is still moved (the user asked) but the message says so', async () => {
    install({ item: message('legitimate') });
    const options = await run(fakeAssess);
    expect(options.moveItemTo).toBe('junkFolder');
    expect((options.showPostProcessingDialog as { description: string }).description).toMatch(
      /real delivery failure about a message you sent/,
    );
  });

  test('a failed check still completes the event', async () => {
    install();
    const options = await run(() => Promise.reject(new Error('boom')));
    expect(options).toMatchObject({ onErrorDeleteItem: false, moveItemTo: 'junkFolder' });
    // The user reads a plain sentence, not the exception.
    expect((options.showPostProcessingDialog as { description: string }).description).toBe(
      'Moved to Junk Email. The message could not be checked.',
    );
  });
});

describe('TaskPane and Graph sign-in', () => {
  test('the item is checked again once Graph is connected (Sent lookups, learned profile)', async () => {
    install();
    const { createGraphPort } = await import('../src/graph/port');
    const graph = createGraphPort({
      clientId: 'client',
      baseUrl: 'https://graph.example.test/v1.0',
      engine: { analyze: async () => analysis() },
      context: () => ({
        profile: {
          addresses: [],
          messageIdDomains: [],
          messageIdShapes: [],
          dkimDomains: [],
          userAgents: [],
          relays: [],
          providers: [],
          returnPathTags: [],
          sampleSize: 0,
        },
      }),
      supported: () => true,
      connect: async (_clientId, interactive) => {
        expect(interactive).toBe(false);
        return { state: 'ready', getToken: async () => 't' };
      },
    });
    const check = vi.fn(() =>
      checkCurrentItem({ assess: graph.current?.()?.assess ?? fakeAssess, lang: 'en' }),
    );
    render(
      <TaskPane
        lang="en"
        check={check}
        subscribe={onItemChanged}
        graph={graph}
        undo={createUndoStore(undefined)}
      />,
    );
    await waitFor(() => expect(check).toHaveBeenCalledTimes(2));
    expect(graph.current?.()).toBeDefined();
  });
});
