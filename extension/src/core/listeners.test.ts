import { describe, expect, test } from 'vitest';
import { createApp } from './app';
import { registerListeners } from './listeners';
import { fakeEngine } from '../test-support/fake-engine';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { CASES, scenario } from '../test-support/scenario';

describe('background listeners', () => {
  test('every listener exists as soon as registerListeners returns, before any await', () => {
    const tb = new FakeThunderbird();
    void registerListeners(tb.messenger, createApp(tb.messenger, fakeEngine(CASES)), () => undefined);
    const counts = Object.fromEntries(
      Object.entries(tb.events).map(([name, event]) => [name, event.listeners.length]),
    );
    expect(counts).toEqual({
      onMessage: 1,
      onStartup: 1,
      onInstalled: 1,
      onNewMailReceived: 1,
      onMoved: 1,
      onMessagesDisplayed: 1,
      onActionClicked: 1,
      onTabRemoved: 1,
    });
    // monitorAllFolders=false: Junk, Sent and Trash are not watched.
    expect(tb.events.onNewMailReceived.extras[0]).toEqual([false]);
  });

  test('the banner script is registered once, also when the event page starts again', async () => {
    const tb = new FakeThunderbird();
    const errors: unknown[] = [];
    await registerListeners(tb.messenger, createApp(tb.messenger, fakeEngine(CASES)), (_where, error) =>
      errors.push(error),
    );
    await registerListeners(tb.messenger, createApp(tb.messenger, fakeEngine(CASES)), (_where, error) =>
      errors.push(error),
    );
    expect(tb.scripts).toEqual([{ id: 'banner', js: ['banner-en.js'], runAt: 'document_end' }]);
    expect(errors).toEqual([]);
    // Thunderbird prints an error for a filtered id that is not registered (first start).
    expect(tb.consoleErrors).toEqual([]);
  });

  // Every message document evaluates the banner script: it carries one language's strings, so the
  // one for Thunderbird's UI language is registered (build.mjs builds banner-<lang>.js).
  test.each([
    ['en-US', 'banner-en.js'],
    ['en-GB', 'banner-en.js'],
    ['de', 'banner-de.js'],
    ['de-AT', 'banner-de.js'],
    ['fr', 'banner-en.js'],
    ['', 'banner-en.js'],
  ])('UI language %j: the banner script registered is %s', async (uiLanguage, file) => {
    const tb = new FakeThunderbird();
    tb.uiLanguage = uiLanguage;
    const errors: unknown[] = [];
    await registerListeners(tb.messenger, createApp(tb.messenger, fakeEngine(CASES)), (_where, error) =>
      errors.push(error),
    );
    expect(tb.scripts).toEqual([{ id: 'banner', js: [file], runAt: 'document_end' }]);
    expect(errors).toEqual([]);
  });

  test.each([['banner.js'], ['banner-de.js']])(
    "a registration of %s (an older version, another language) is replaced by the UI language's",
    async old => {
      const tb = new FakeThunderbird();
      tb.scripts.push({ id: 'banner', js: [old], runAt: 'document_end' });
      const errors: unknown[] = [];
      await registerListeners(tb.messenger, createApp(tb.messenger, fakeEngine(CASES)), (_where, error) =>
        errors.push(error),
      );
      expect(tb.scripts).toEqual([{ id: 'banner', js: ['banner-en.js'], runAt: 'document_end' }]);
      expect(errors).toEqual([]);
      expect(tb.consoleErrors).toEqual([]);
    },
  );

  test('the dispatcher answers our requests and leaves anything else to other listeners', async () => {
    const s = scenario();
    const [listener] = s.tb.events.onMessage.listeners;
    expect(listener?.({ type: 'nonsense' }, {})).toBe(false);
    expect(listener?.('get-options', {})).toBe(false);
    expect(listener?.({ type: 'move-to-junk', messageIds: ['1'] }, {})).toBe(false);
    await expect(listener?.({ type: 'get-options' }, {})).resolves.toMatchObject({
      settings: { autoScan: 'tag' },
    });
  });

  test('display → header button badge through the onMessagesDisplayed listener', async () => {
    const s = scenario();
    s.tb.displayed.set(5, [s.messages.backscatter.id]);
    s.tb.events.onMessagesDisplayed.fire(
      { id: 5, active: true },
      await s.tb.messenger.messageDisplay.getDisplayedMessages(5),
    );
    await expect.poll(() => s.tb.badges.get(5)?.text).toBe('✗');
    expect(s.tb.badges.get(5)?.title).toBe('Backscatter Guard: Backscatter');
  });

  test('IMAP: Undo waits for the real copy in Junk instead of moving the placeholder onMoved reported', async () => {
    const s = scenario();
    s.tb.imapPlaceholders = true;
    await s.app.service.handle({ type: 'move-to-junk', messageIds: [s.messages.backscatter.id] }, {});
    await expect.poll(async () => (await s.app.store.moves())[0]?.movedId).toBeDefined();
    const first = (
      await s.tb.messenger.messages.query({ headerMessageId: 'bounce-1@mx.victim.example', folderId: s.junk })
    ).messages[0];
    expect(s.tb.placeholders.has(first?.id ?? -1)).toBe(true);
    expect(
      await s.app.service.handle({ type: 'undo-move', headerMessageIds: ['bounce-1@mx.victim.example'] }, {}),
    ).toEqual({ restored: ['bounce-1@mx.victim.example'], failed: [] });
    expect(
      s.tb
        .onServer(s.inbox)
        .filter(m => m.headerMessageId === 'bounce-1@mx.victim.example')
        .map(m => m.junk),
    ).toEqual([false]);
    expect(s.tb.onServer(s.junk)).toEqual([]);
  });

  test('the toolbar button sweeps the folder shown in its tab, or the Inbox', async () => {
    const s = scenario();
    s.tb.mailTabFolders.set(1, s.sent);
    s.tb.events.onActionClicked.fire({ id: 1, active: true });
    s.tb.events.onActionClicked.fire({ id: 9, active: true, type: 'content' });
    await expect.poll(() => s.tb.openedTabs.length).toBe(2);
    expect(s.tb.openedTabs.sort()).toEqual(
      [
        `moz-extension://fake/sweep.html?folder=${encodeURIComponent(s.sent)}`,
        'moz-extension://fake/sweep.html',
      ].sort(),
    );
  });
});
