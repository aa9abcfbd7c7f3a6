import { describe, expect, test } from 'vitest';
import { TAG_KEY } from '../thunderbird/junk';
import { testMessage } from '../test-support/fake-engine';
import { NOW, scenario } from '../test-support/scenario';
import type { AutoScanMode } from './settings';
import { AutoScanner, INBOX_RETRY_MS } from './auto-scan';

async function withMode(mode: AutoScanMode) {
  const s = scenario();
  await s.app.store.saveSettings({ autoScan: mode, extraAddresses: [], trustedRelays: [] });
  return s;
}

const inboxFolder = (s: ReturnType<typeof scenario>) => s.tb.folders.find(folder => folder.id === s.inbox)!;

/** At a start Thunderbird shows the last open message; the startup scan waits for its banner. */
const shownAtStart = (s: ReturnType<typeof scenario>) => s.app.checker.checkShown(s.messages.ordinary);

describe('automatic scan of new mail', () => {
  test('defaults to "tag": backscatter is tagged, nothing is moved', async () => {
    const s = scenario();
    expect((await s.app.store.settings()).autoScan).toBe('tag');
    const list = await s.tb.messenger.messages.list(s.inbox);
    const outcomes = await s.app.scanner.onNewMail(inboxFolder(s), list);
    expect(outcomes.map(o => [o.headerMessageId, o.action])).toEqual([
      ['normal-1@example.org', 'none'],
      ['bounce-1@mx.victim.example', 'tagged'],
      ['bounce-2@mx.partner.example', 'none'],
      ['ooo-1@partner.example', 'none'],
    ]);
    expect(s.tb.inFolder(s.junk)).toEqual([]);
    expect(
      s.tb.inFolder(s.inbox).find(m => m.headerMessageId === 'bounce-1@mx.victim.example')?.tags,
    ).toEqual([TAG_KEY]);
    expect((await s.app.store.stats()).autoTagged).toBe(1);
  });

  test('"tag and move" moves exactly the backscatter; legitimate bounces and auto-replies stay', async () => {
    const s = await withMode('tag-and-move');
    await s.app.scanner.onNewMail(inboxFolder(s), await s.tb.messenger.messages.list(s.inbox));
    expect(s.tb.inFolder(s.junk).map(m => [m.headerMessageId, m.junk, m.tags])).toEqual([
      ['bounce-1@mx.victim.example', true, [TAG_KEY]],
    ]);
    expect(s.tb.inFolder(s.inbox).map(m => m.headerMessageId)).toEqual([
      'normal-1@example.org',
      'bounce-2@mx.partner.example',
      'ooo-1@partner.example',
    ]);
    expect(await s.app.store.stats()).toMatchObject({ autoTagged: 1, autoMoved: 1 });
    expect((await s.app.store.moves()).map(m => m.headerMessageId)).toEqual(['bounce-1@mx.victim.example']);
  });

  test('"tag and move": backscatter with no Sent lookup at all is tagged, never moved', async () => {
    const s = await withMode('tag-and-move');
    const message = s.tb.deliver(s.inbox, testMessage('backscatter-no-lookup', 'campaign-1@mx.example'), {
      headerMessageId: 'campaign-1@mx.example',
    });
    const outcomes = await s.app.scanner.onNewMail(inboxFolder(s), {
      id: null,
      messages: [await s.tb.messenger.messages.get(message.id)],
    });
    expect(outcomes.map(o => [o.verdict, o.action])).toEqual([['backscatter', 'tagged']]);
    expect(s.tb.inFolder(s.junk)).toEqual([]);
  });

  test('two messages sharing a Message-ID are each tagged (issue 11 item 10)', async () => {
    const s = scenario();
    const raw = s.tb.rawOf(s.messages.backscatter.id);
    s.tb.deliver(s.inbox, raw, { headerMessageId: 'bounce-1@mx.victim.example' });
    await s.app.scanner.onNewMail(inboxFolder(s), await s.tb.messenger.messages.list(s.inbox));
    const tagged = s.tb
      .inFolder(s.inbox)
      .filter(m => m.headerMessageId === 'bounce-1@mx.victim.example')
      .map(m => m.tags);
    expect(tagged).toEqual([[TAG_KEY], [TAG_KEY]]);
  });

  test('an undone move is not moved again by the next scan (Undo is the user’s "not backscatter")', async () => {
    const s = await withMode('tag-and-move');
    await s.app.scanner.onNewMail(inboxFolder(s), await s.tb.messenger.messages.list(s.inbox));
    const [move] = await s.app.store.moves();
    await s.app.service.handle({ type: 'undo-moves', moveIds: [move?.moveId ?? ''] }, {});
    expect(s.tb.inFolder(s.junk)).toEqual([]);
    // The next start looks at the unread Inbox again: the restored copy (a new id) is checked anew.
    await shownAtStart(s);
    const again = await s.app.scanner.startupScan();
    expect(again.filter(o => o.action === 'moved')).toEqual([]);
    expect(s.tb.inFolder(s.junk)).toEqual([]);
  });

  test('"off" does nothing at all', async () => {
    const s = await withMode('off');
    expect(
      await s.app.scanner.onNewMail(inboxFolder(s), await s.tb.messenger.messages.list(s.inbox)),
    ).toEqual([]);
    expect(await s.app.scanner.startupScan()).toEqual([]);
    expect(s.tb.calls).toEqual([]);
  });

  test('an unsynced Sent folder gives unsure: never moved, and looked at again later', async () => {
    const s = await withMode('tag-and-move');
    s.tb.folder('account1', 'Sent').unsynced = true;
    const first = await s.app.scanner.onNewMail(inboxFolder(s), await s.tb.messenger.messages.list(s.inbox));
    expect(first.find(o => o.headerMessageId === 'bounce-1@mx.victim.example')).toMatchObject({
      verdict: 'unsure',
      action: 'none',
    });
    expect(s.tb.inFolder(s.junk)).toEqual([]);
    // Sent syncs; the next event for the same message is not swallowed by the dedupe.
    s.tb.folder('account1', 'Sent').unsynced = false;
    s.app.checker.forget();
    const again = await s.app.scanner.onNewMail(
      inboxFolder(s),
      await s.tb.messenger.messages.query({ headerMessageId: 'bounce-1@mx.victim.example' }),
    );
    expect(again).toEqual([
      { headerMessageId: 'bounce-1@mx.victim.example', verdict: 'backscatter', action: 'moved' },
    ]);
  });

  test('a backscatter verdict reached without searching Sent is tagged but never moved', async () => {
    const s = await withMode('tag-and-move');
    s.tb.folder('account1', 'Sent').unsynced = true;
    // An engine confident without Sent (say, a campaign): backscatter although the lookup was unavailable.
    const verdict = s.engine.verdict!;
    const decide = verdict.decide;
    verdict.decide = (analysis, profile, lookups, history) => ({
      ...decide(analysis, profile, lookups, history),
      verdict: 'backscatter',
    });
    const outcomes = await s.app.scanner.onNewMail(
      inboxFolder(s),
      await s.tb.messenger.messages.query({ headerMessageId: 'bounce-1@mx.victim.example' }),
    );
    expect(outcomes).toEqual([
      { headerMessageId: 'bounce-1@mx.victim.example', verdict: 'backscatter', action: 'tagged' },
    ]);
    expect(s.tb.calls.filter(call => call.startsWith('move'))).toEqual([]);
  });

  // Seen after a restart in the e2e run: the startup scan checked a new backscatter while Sent was
  // not searchable yet (unsure, not final), and onNewMailReceived for it shared that outcome.
  test('a request that meets an undecided check in flight checks again once it is over', async () => {
    const s = await withMode('tag-and-move');
    const sent = s.tb.folder('account1', 'Sent');
    const check = s.app.checker.check.bind(s.app.checker);
    let first = true;
    s.app.checker.check = async id => {
      if (!first) {
        return check(id);
      }
      first = false;
      sent.unsynced = true;
      try {
        return await check(id);
      } finally {
        sent.unsynced = false;
      }
    };
    const list = { id: null, messages: [s.messages.backscatter] };
    const [early, later] = await Promise.all([
      s.app.scanner.onNewMail(inboxFolder(s), list),
      s.app.scanner.onNewMail(inboxFolder(s), list),
    ]);
    expect(early.map(o => o.action)).toEqual(['none']);
    expect(later.map(o => o.action)).toEqual(['moved']);
    expect(s.tb.inFolder(s.junk)).toHaveLength(1);
  });

  test('startup scan and onNewMailReceived racing on the same messages act once', async () => {
    const s = await withMode('tag-and-move');
    await shownAtStart(s);
    const [fromStartup, fromEvent] = await Promise.all([
      s.app.scanner.startupScan(),
      s.app.scanner.onNewMail(inboxFolder(s), await s.tb.messenger.messages.list(s.inbox)),
    ]);
    const all = [...fromStartup, ...fromEvent].filter(
      o => o.headerMessageId === 'bounce-1@mx.victim.example',
    );
    expect(all.map(o => o.action).sort()).toEqual(['moved', 'skipped-duplicate']);
    expect(s.tb.calls.filter(call => call.startsWith('move'))).toHaveLength(1);
    expect(s.tb.inFolder(s.junk)).toHaveLength(1);
  });

  test('the startup scan only looks at unread mail of the last days in inboxes', async () => {
    const s = await withMode('tag');
    s.tb.deliver(s.inbox, testMessage('backscatter', 'old@x'), {
      headerMessageId: 'old@x',
      received: new Date(0),
    });
    s.tb.deliver(s.inbox, testMessage('backscatter', 'read@x'), { headerMessageId: 'read@x', read: true });
    s.tb.deliver(s.inbox, testMessage('backscatter', 'unread@x'), { headerMessageId: 'unread@x' });
    await shownAtStart(s);
    const outcomes = await s.app.scanner.startupScan();
    expect(outcomes.map(o => o.headerMessageId)).toContain('unread@x');
    expect(outcomes.map(o => o.headerMessageId)).not.toContain('old@x');
    expect(outcomes.map(o => o.headerMessageId)).not.toContain('read@x');
  });

  test('the startup scan waits for the accounts: an Inbox not listed yet is looked for again', async () => {
    const s = await withMode('tag');
    s.tb.deliver(s.inbox, testMessage('backscatter', 'while-closed@x'), {
      headerMessageId: 'while-closed@x',
    });
    // Thunderbird 153 answered [] here at a first start, before its accounts were loaded.
    const query = s.tb.messenger.folders.query.bind(s.tb.messenger.folders);
    let asked = 0;
    s.tb.messenger.folders.query = async info =>
      info.specialUse?.includes('inbox') === true && ++asked <= 2 ? [] : query(info);
    // The same scanner as the app's, with its pauses recorded instead of waited for.
    const slept: number[] = [];
    const scanner = new AutoScanner(
      s.tb.messenger,
      s.app.checker,
      s.app.store,
      () => 'Backscatter',
      () => NOW,
      async ms => {
        slept.push(ms);
      },
    );
    await shownAtStart(s);
    const outcomes = await scanner.startupScan();
    expect(asked).toBe(3); // two empty answers, then the Inbox
    expect(slept).toEqual([INBOX_RETRY_MS, INBOX_RETRY_MS]);
    expect(outcomes.map(o => o.headerMessageId)).toContain('while-closed@x');
  });

  test('mail arriving in Junk, Sent or Trash is not scanned', async () => {
    const s = await withMode('tag-and-move');
    const junkFolder = s.tb.folders.find(folder => folder.id === s.junk)!;
    expect(
      await s.app.scanner.onNewMail(junkFolder, { id: null, messages: [s.messages.backscatter] }),
    ).toEqual([]);
  });

  test('a message the user declared "not backscatter" is never tagged or moved', async () => {
    const s = await withMode('tag-and-move');
    await s.app.store.addOverride('bounce-1@mx.victim.example');
    const outcomes = await s.app.scanner.onNewMail(
      inboxFolder(s),
      await s.tb.messenger.messages.list(s.inbox),
    );
    expect(outcomes.every(o => o.action === 'none')).toBe(true);
    expect(s.tb.calls).toEqual([]);
  });
});
