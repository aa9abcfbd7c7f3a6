import { describe, expect, test } from 'vitest';
import type { DisplayedView, MoveHistory, MoveReport, UndoMovesReport } from '../protocol';
import { scenario } from '../test-support/scenario';
import { BUTTON_AFTER_BANNER_MS } from './service';

const sender = (tabId: number) => ({ tab: { id: tabId, active: true } });

describe('the background service', () => {
  test.each([
    { message: 'backscatter', verdict: 'backscatter', badge: '✗', label: 'Backscatter' },
    { message: 'legit', verdict: 'legitimate', badge: '!', label: 'Real bounce' },
    // An auto-reply is no "Real bounce", and nothing to act on: blue "i".
    { message: 'autoreply', verdict: 'legitimate', badge: 'i', label: 'Auto-reply' },
    { message: 'ordinary', verdict: undefined, badge: '', label: '' },
  ] as const)(
    'displaying $message: banner view says $verdict, header button badge "$badge"',
    async ({ message, verdict, badge, label }) => {
      const s = scenario();
      const id = s.messages[message].id;
      s.tb.displayed.set(7, [id]);
      const view = (await s.app.service.handle({ type: 'check-displayed' }, sender(7))) as DisplayedView;
      expect(view.result?.verdict).toBe(verdict);
      expect(view.result?.message.id).toBe(id);
      await s.app.service.onDisplayed(
        { id: 7, active: true },
        await s.tb.messenger.messageDisplay.getDisplayedMessages(7),
      );
      expect(s.tb.badges.get(7)?.text).toBe(badge);
      expect(s.tb.badges.get(7)?.label).toBe(label);
    },
  );

  test('a displayed message that cannot be read gets no badge, and the display event does not fail', async () => {
    const s = scenario();
    s.tb.messenger.messages.getRaw = async id => {
      throw new Error(`Error reading message ${id}`);
    };
    s.tb.displayed.set(6, [s.messages.backscatter.id]);
    await expect(
      s.app.service.onDisplayed(
        { id: 6, active: true },
        await s.tb.messenger.messageDisplay.getDisplayedMessages(6),
      ),
    ).resolves.toBeUndefined();
    expect(s.tb.badges.get(6)).toMatchObject({ text: '', label: '' });
  });

  test('a closed tab is forgotten: nothing is kept for it, and a check that answers later sets nothing', async () => {
    const s = scenario();
    const tab = { id: 12, active: true };
    s.tb.displayed.set(12, [s.messages.legit.id]);
    await s.app.service.onDisplayed(tab, await s.tb.messenger.messageDisplay.getDisplayedMessages(12));
    expect(s.tb.badges.get(12)?.text).toBe('!');
    s.tb.displayed.set(12, [s.messages.backscatter.id]);
    const late = s.app.service.onDisplayed(tab, await s.tb.messenger.messageDisplay.getDisplayedMessages(12));
    s.tb.events.onTabRemoved.fire(12);
    await late;
    // The badge was cleared as the second message was shown; its answer came after the tab closed.
    expect(s.tb.badges.get(12)?.text).toBe('');
    const service = s.app.service as unknown as Record<string, Map<number, unknown>>;
    for (const perTab of ['displays', 'answered', 'answerWaiters', 'buttons']) {
      expect(service[perTab]?.has(12), perTab).toBe(false);
    }
  });

  test('a slow check of an earlier message does not overwrite the button of the message shown now', async () => {
    const s = scenario();
    const tab = { id: 4, active: true };
    s.tb.displayed.set(4, [s.messages.autoreply.id]);
    const first = s.app.service.onDisplayed(tab, await s.tb.messenger.messageDisplay.getDisplayedMessages(4));
    s.tb.displayed.set(4, [s.messages.ordinary.id]);
    await s.app.service.onDisplayed(tab, await s.tb.messenger.messageDisplay.getDisplayedMessages(4));
    await first;
    expect(s.tb.badges.get(4)).toMatchObject({ text: '', label: '' });
  });

  test('the header button is set only where it changes, straight to the answer when it is ready', async () => {
    const s = scenario();
    const tab = { id: 2, active: true };
    const calls: string[] = [];
    const action = s.tb.messenger.messageDisplayAction;
    for (const name of ['setBadgeText', 'setBadgeBackgroundColor', 'setTitle', 'setLabel'] as const) {
      const set = action[name] as (details: object) => Promise<void>;
      action[name] = (details: object) => {
        const value = Object.entries(details).find(([key]) => key !== 'tabId')?.[1];
        calls.push(`${name} ${JSON.stringify(value)}`);
        return set(details);
      };
    }
    const show = async (message: 'ordinary' | 'backscatter' | 'legit') => {
      calls.length = 0;
      s.tb.displayed.set(2, [s.messages[message].id]);
      await s.app.service.onDisplayed(tab, await s.tb.messenger.messageDisplay.getDisplayedMessages(2));
      return [...calls];
    };
    expect(await show('ordinary')).toEqual([
      'setBadgeText ""',
      'setTitle "Backscatter Guard"',
      'setLabel ""',
    ]);
    // Ordinary mail after ordinary mail: nothing to change (it was six calls).
    expect(await show('ordinary')).toEqual([]);
    // Not checked yet: the button is cleared while the check runs (here: already clear), then set.
    expect(await show('backscatter')).toEqual([
      'setBadgeText "✗"',
      'setBadgeBackgroundColor "#B45309"',
      'setTitle "Backscatter Guard: Backscatter"',
      'setLabel "Backscatter"',
    ]);
    // Already checked (the automatic scan saw it arrive): no clearing first, one change to the answer.
    await s.app.checker.check(s.messages.legit.id);
    const legit = await show('legit');
    expect(legit.filter(call => call.startsWith('setBadgeText'))).toEqual(['setBadgeText "!"']);
    expect(s.tb.badges.get(2)).toMatchObject({ text: '!', label: 'Real bounce' });
  });

  test('the header button changes after the banner has its answer, not before (one thread does both)', async () => {
    const s = scenario();
    const tab = { id: 2, active: true };
    const order: string[] = [];
    const setBadgeText = s.tb.messenger.messageDisplayAction.setBadgeText;
    s.tb.messenger.messageDisplayAction.setBadgeText = details => {
      order.push(`badge ${JSON.stringify(details.text)}`);
      return setBadgeText(details);
    };
    s.tb.displayed.set(2, [s.messages.backscatter.id]);
    // As in Thunderbird: the banner's request arrives first, then the display event.
    const answer = s.app.service.handle({ type: 'check-displayed' }, sender(2)).then(view => {
      order.push('answer');
      return view as DisplayedView;
    });
    const displayed = s.app.service.onDisplayed(
      tab,
      await s.tb.messenger.messageDisplay.getDisplayedMessages(2),
    );
    expect((await answer).result?.verdict).toBe('backscatter');
    await displayed;
    // (The previous message's badge is cleared at the display, before either.)
    expect(order.filter(entry => entry !== 'badge ""')).toEqual(['answer', 'badge "✗"']);
  });

  test('a banner that never asks does not keep the header button from its answer', async () => {
    const s = scenario();
    s.tb.displayed.set(2, [s.messages.legit.id]);
    const started = Date.now();
    await s.app.service.onDisplayed(
      { id: 2, active: true },
      await s.tb.messenger.messageDisplay.getDisplayedMessages(2),
    );
    expect(s.tb.badges.get(2)).toMatchObject({ text: '!', label: 'Real bounce' });
    expect(Date.now() - started).toBeLessThan(BUTTON_AFTER_BANNER_MS + 500);
  });

  test('several messages displayed: no verdict, no badge', async () => {
    const s = scenario();
    s.tb.displayed.set(3, [s.messages.backscatter.id, s.messages.legit.id]);
    expect(await s.app.service.handle({ type: 'check-displayed' }, sender(3))).toMatchObject({
      result: undefined,
    });
    await s.app.service.onDisplayed(
      { id: 3, active: true },
      await s.tb.messenger.messageDisplay.getDisplayedMessages(3),
    );
    expect(s.tb.badges.get(3)).toMatchObject({ text: '', title: 'Backscatter Guard' });
  });

  test('move to junk then undo, with counts and the move offered for Undo on the next message only', async () => {
    const s = scenario();
    const report = (await s.app.service.handle(
      { type: 'move-to-junk', messageIds: [s.messages.backscatter.id] },
      sender(1),
    )) as MoveReport;
    expect(report.moved.map(r => r.headerMessageId)).toEqual(['bounce-1@mx.victim.example']);
    expect(s.tb.inFolder(s.junk)).toHaveLength(1);
    s.tb.displayed.set(1, [s.messages.legit.id]);
    const view = (await s.app.service.handle({ type: 'check-displayed' }, sender(1))) as DisplayedView;
    expect(view.lastMove?.headerMessageId).toBe('bounce-1@mx.victim.example');

    const undo = await s.app.service.handle(
      { type: 'undo-move', headerMessageIds: ['bounce-1@mx.victim.example'] },
      {},
    );
    expect(undo).toEqual({ restored: ['bounce-1@mx.victim.example'], failed: [] });
    expect(s.tb.inFolder(s.junk)).toEqual([]);
    expect(await s.app.store.stats()).toMatchObject({ junked: 1, undone: 1 });
    expect(
      ((await s.app.service.handle({ type: 'check-displayed' }, sender(1))) as DisplayedView).lastMove,
    ).toBeUndefined();
    // The history keeps it, restored; and Undo counts as the user's "not backscatter".
    const history = (await s.app.service.handle({ type: 'move-history' }, {})) as MoveHistory;
    expect(history.moves.map(move => move.state)).toEqual(['restored']);
    expect(await s.app.store.overrides()).toContain('bounce-1@mx.victim.example');
  });

  test('the Undo offer shows on the message shown in the moved one’s place, not on any later one', async () => {
    const s = scenario();
    await s.app.service.handle({ type: 'move-to-junk', messageIds: [s.messages.backscatter.id] }, sender(1));
    const shownOn = async (messageId: number, tabId = 1) => {
      s.tb.displayed.set(tabId, [messageId]);
      return ((await s.app.service.handle({ type: 'check-displayed' }, sender(tabId))) as DisplayedView)
        .lastMove;
    };
    expect(await shownOn(s.messages.legit.id, 2)).toBeUndefined();
    expect(await shownOn(s.messages.legit.id)).toBeDefined();
    expect(await shownOn(s.messages.legit.id)).toBeDefined();
    expect(await shownOn(s.messages.ordinary.id)).toBeUndefined();
    expect(await shownOn(s.messages.legit.id)).toBeUndefined();
  });

  test('undo by move id: two moves of one Message-ID are two records, each undone on its own', async () => {
    const s = scenario();
    const twin = s.tb.deliver(s.inbox, s.tb.rawOf(s.messages.backscatter.id), {
      headerMessageId: 'bounce-1@mx.victim.example',
      subject: 'Twin',
    });
    const report = (await s.app.service.handle(
      { type: 'move-to-junk', messageIds: [s.messages.backscatter.id, twin.id] },
      {},
    )) as MoveReport;
    expect(new Set(report.moved.map(move => move.moveId)).size).toBe(2);
    const second = report.moved[1];
    const undone = (await s.app.service.handle(
      { type: 'undo-moves', moveIds: [second?.moveId ?? ''] },
      {},
    )) as UndoMovesReport;
    expect(undone.restored.map(move => move.subject)).toEqual(['Twin']);
    expect(s.tb.inFolder(s.junk)).toHaveLength(1);
    expect(
      s.tb.inFolder(s.inbox).filter(m => m.headerMessageId === 'bounce-1@mx.victim.example'),
    ).toHaveLength(1);
    const history = (await s.app.service.handle({ type: 'move-history' }, {})) as MoveHistory;
    expect(history.moves.map(move => move.state).sort()).toEqual(['in-junk', 'restored']);
  });

  test('a failed move leaves the message unmarked and deletes no other move’s record', async () => {
    const s = scenario();
    const twin = s.tb.deliver(s.inbox, s.tb.rawOf(s.messages.backscatter.id), {
      headerMessageId: 'bounce-1@mx.victim.example',
    });
    await s.app.service.handle({ type: 'move-to-junk', messageIds: [s.messages.backscatter.id] }, {});
    s.tb.failMoves = true;
    const report = (await s.app.service.handle(
      { type: 'move-to-junk', messageIds: [twin.id] },
      {},
    )) as MoveReport;
    expect(report.failed).toEqual([{ messageId: twin.id, reason: 'failed' }]);
    expect(await s.tb.messenger.messages.get(twin.id)).toMatchObject({ junk: false });
    expect((await s.app.store.moves()).map(move => move.state)).toEqual(['in-junk']);
  });

  test('a failed undo is reported, kept as undo-failed, and can be tried again', async () => {
    const s = scenario();
    const report = (await s.app.service.handle(
      { type: 'move-to-junk', messageIds: [s.messages.backscatter.id] },
      {},
    )) as MoveReport;
    const moveId = report.moved[0]?.moveId ?? '';
    s.tb.failMoves = true;
    const failed = (await s.app.service.handle(
      { type: 'undo-moves', moveIds: [moveId] },
      {},
    )) as UndoMovesReport;
    expect(failed.failed.map(f => f.reason)).toEqual(['failed']);
    expect((await s.app.store.moves())[0]).toMatchObject({ state: 'undo-failed', undoFailure: 'failed' });
    s.tb.failMoves = false;
    const retried = (await s.app.service.handle(
      { type: 'undo-moves', moveIds: [moveId] },
      {},
    )) as UndoMovesReport;
    expect(retried.restored).toHaveLength(1);
    expect((await s.app.store.moves())[0]?.state).toBe('restored');
  });

  test('a move older than the undo window is no longer offered', async () => {
    let now = 0;
    const s = scenario({ clock: () => now });
    await s.app.service.handle({ type: 'move-to-junk', messageIds: [s.messages.backscatter.id] }, sender(1));
    now = 6 * 60_000;
    s.tb.displayed.set(1, [s.messages.legit.id]);
    expect(
      ((await s.app.service.handle({ type: 'check-displayed' }, sender(1))) as DisplayedView).lastMove,
    ).toBeUndefined();
  });

  test('moving a message of an account without Junk reports why', async () => {
    const s = scenario();
    const pop = s.tb.deliver(s.tb.folder('account2', 'Inbox').id, 'x', { headerMessageId: 'p@x' });
    expect(await s.app.service.handle({ type: 'move-to-junk', messageIds: [pop.id, 9999] }, {})).toEqual({
      moved: [],
      failed: [
        { messageId: pop.id, reason: 'no-junk-folder' },
        { messageId: 9999, reason: 'not-found' },
      ],
    });
  });

  test('"not backscatter" turns the verdict into legitimate and is remembered', async () => {
    const s = scenario();
    const result = await s.app.service.handle(
      { type: 'not-backscatter', messageId: s.messages.backscatter.id },
      {},
    );
    expect(result).toMatchObject({
      verdict: 'legitimate',
      userOverride: true,
      decision: { verdict: 'backscatter' },
    });
    expect(await s.app.store.overrides()).toEqual(['bounce-1@mx.victim.example']);
  });

  test('sweep-start without a folder sweeps the Inbox; sweep-poll hands out the rows found since `from`', async () => {
    const s = scenario();
    const started = await s.app.service.handle({ type: 'sweep-start' }, {});
    expect(started.folder).toEqual({ id: s.inbox, name: 'INBOX', accountId: 'account1' });
    await s.app.sweeper.finished(started.sweepId);
    const all = await s.app.service.handle({ type: 'sweep-poll', sweepId: started.sweepId, from: 0 }, {});
    expect(all).toMatchObject({ phase: 'done', listed: 4, total: 4, rowCount: 3 });
    const rest = await s.app.service.handle({ type: 'sweep-poll', sweepId: started.sweepId, from: 2 }, {});
    expect(rest?.rows).toEqual(all?.rows.slice(2));
    expect(await s.app.service.handle({ type: 'sweep-poll', sweepId: 'gone', from: 0 }, {})).toBeUndefined();
  });

  test('options: saving only the mode of the automatic scan keeps the learned profile', async () => {
    const s = scenario();
    s.tb.displayed.set(1, [s.messages.legit.id]);
    await s.app.service.handle({ type: 'check-displayed' }, sender(1));
    const before = await s.app.service.handle({ type: 'get-options' }, {});
    expect(before.profile).toMatchObject({ sampleSize: 1 });
    expect(before.profileLearnedAt).toBeGreaterThan(0);
    const learned = s.engine.learned.length;
    const saved = await s.app.service.handle(
      { type: 'save-settings', settings: { ...before.settings, autoScan: 'tag-and-move' } },
      {},
    );
    expect(saved).toMatchObject({
      settings: { autoScan: 'tag-and-move' },
      profileLearnedAt: before.profileLearnedAt,
    });
    expect(saved.profile).toEqual(before.profile);
    await s.app.service.handle({ type: 'check-message', messageId: s.messages.backscatter.id }, {});
    expect(s.engine.learned).toHaveLength(learned);
  });

  test.each([
    ['relays only', { extraAddresses: [], trustedRelays: ['smtp.example.test'] }, true],
    [
      'a duplicate line replaced by a new alias',
      { extraAddresses: ['a@example.test', 'b@example.test'], trustedRelays: [] },
      true,
    ],
    [
      'the same lines reordered and repeated',
      { extraAddresses: ['a@example.test', 'a@example.test'], trustedRelays: [] },
      false,
    ],
  ] as const)('options: saving %s — profile stale: %s', async (_what, lists, stale) => {
    const s = scenario();
    await s.app.store.saveSettings({
      autoScan: 'tag',
      extraAddresses: ['a@example.test', 'a@example.test'],
      trustedRelays: [],
    });
    s.tb.displayed.set(1, [s.messages.legit.id]);
    await s.app.service.handle({ type: 'check-displayed' }, sender(1));
    const saved = await s.app.service.handle(
      {
        type: 'save-settings',
        settings: {
          autoScan: 'tag',
          ...lists,
          extraAddresses: [...lists.extraAddresses],
          trustedRelays: [...lists.trustedRelays],
        },
      },
      {},
    );
    expect(saved.profileLearnedAt === 0).toBe(stale);
  });

  test('options: new addresses make the profile stale, its confirmed facts kept for the relearn', async () => {
    const s = scenario();
    s.tb.displayed.set(1, [s.messages.legit.id]);
    await s.app.service.handle({ type: 'check-displayed' }, sender(1));
    const stored = await s.app.store.profile();
    const confirmed = { count: 1, entryHosts: ['smtp.example.test'] };
    await s.app.store.saveProfile({ profile: { ...stored!.profile, confirmed } as never, learnedAt: 1 });
    const saved = await s.app.service.handle(
      {
        type: 'save-settings',
        settings: { autoScan: 'tag', extraAddresses: ['alias@example.test'], trustedRelays: [] },
      },
      {},
    );
    expect(saved.profileLearnedAt).toBe(0);
    expect(saved.profile?.confirmed).toEqual(confirmed);
    await s.app.service.handle({ type: 'check-message', messageId: s.messages.legit.id }, {});
    expect(s.engine.learned.at(-1)).toMatchObject({
      addresses: expect.arrayContaining(['alias@example.test']),
      confirmed,
    });
  });

  test('options: save validates; new addresses and relays make the profile stale; reset-profile forgets it', async () => {
    const s = scenario();
    s.tb.displayed.set(1, [s.messages.backscatter.id]);
    await s.app.service.handle({ type: 'check-displayed' }, sender(1));
    expect((await s.app.service.handle({ type: 'get-options' }, {})).profile).toMatchObject({
      addresses: ['me@example.test', 'other@example.org'],
      sampleSize: 1,
    });
    const saved = await s.app.service.handle(
      {
        type: 'save-settings',
        settings: {
          autoScan: 'tag-and-move',
          extraAddresses: ['alias@example.test'],
          trustedRelays: ['smtp.example.test'],
        },
      },
      {},
    );
    expect(saved).toMatchObject({
      settings: { autoScan: 'tag-and-move', extraAddresses: ['alias@example.test'] },
      profileLearnedAt: 0,
    });
    await s.app.service.handle({ type: 'check-message', messageId: s.messages.legit.id }, {});
    expect(s.engine.learned.at(-1)).toMatchObject({
      addresses: ['alias@example.test', 'me@example.test', 'other@example.org'],
      trustedRelays: ['smtp.example.test'],
    });
    expect(await s.app.service.handle({ type: 'reset-profile' }, {})).toMatchObject({ profile: undefined });
  });

  test('without a verdict module, messages are analysed but not judged', async () => {
    const s = scenario({ withVerdict: false });
    const result = await s.app.service.handle(
      { type: 'check-message', messageId: s.messages.backscatter.id },
      {},
    );
    expect(result).toMatchObject({ automated: true, verdict: undefined, decision: undefined });
  });

  test('concurrent checks of one message read it once', async () => {
    const s = scenario();
    let reads = 0;
    const getRaw = s.tb.messenger.messages.getRaw;
    s.tb.messenger.messages.getRaw = async (id, options) => {
      reads += 1;
      return getRaw(id, options);
    };
    const id = s.messages.legit.id;
    await Promise.all([
      s.app.checker.check(id),
      s.app.checker.check(id),
      s.app.service.handle({ type: 'check-message', messageId: id }, {}),
    ]);
    // one read for the message; the profile's Sent sample costs one more
    expect(reads).toBe(2);
  });
});
