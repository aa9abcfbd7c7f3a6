// The message the user looks at comes first (foreground.ts): background checks (automatic scan,
// startup scan, sweep) wait while a shown message is being checked, and the startup scan waits for
// the first shown message.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { MessageHeader } from '../thunderbird/api';
import { scenario } from '../test-support/scenario';
import { MAX_YIELD_MS, TAIL_MS } from './foreground';
import { STARTUP_GRACE_MS } from './auto-scan';

afterEach(() => vi.useRealTimers());

/**
 * getRaw of `held` answers only when released; every getRaw of an Inbox message is logged in call
 * order (the Sent sample the profile is learned from is read too, once).
 */
function holdRead(s: ReturnType<typeof scenario>, held: MessageHeader) {
  const getRaw = s.tb.messenger.messages.getRaw;
  const inbox = new Set(s.tb.inFolder(s.inbox).map(header => header.id));
  const reads: number[] = [];
  let release = () => {};
  const gate = new Promise<void>(resolve => (release = resolve));
  s.tb.messenger.messages.getRaw = async (id, options) => {
    if (inbox.has(id)) {
      reads.push(id);
    }
    if (id === held.id) {
      await gate;
    }
    return getRaw(id, options);
  };
  return { reads, release };
}

const inboxFolder = (s: ReturnType<typeof scenario>) => s.tb.folders.find(folder => folder.id === s.inbox)!;

/** Lets every pending promise chain run (the fake messenger answers in microtasks). */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the shown message comes first', () => {
  test('new mail is not read while the displayed message is being checked, and is read after', async () => {
    vi.useFakeTimers();
    const s = scenario();
    const { reads, release } = holdRead(s, s.messages.backscatter);
    s.tb.displayed.set(1, [s.messages.backscatter.id]);
    s.tb.events.onMessagesDisplayed.fire(
      { id: 1, active: true },
      await s.tb.messenger.messageDisplay.getDisplayedMessages(1),
    );
    const banner = s.app.service.handle({ type: 'check-displayed' }, { tab: { id: 1, active: true } });
    await settle();
    const scan = s.app.scanner.onNewMail(inboxFolder(s), {
      id: null,
      messages: [s.messages.legit, s.messages.autoreply],
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(reads).toEqual([s.messages.backscatter.id]);
    release();
    await settle();
    expect((await banner).result?.verdict).toBe('backscatter');
    expect(s.tb.badges.get(1)?.text).toBe('✗');
    // The banner is still being drawn for a moment after the answer.
    expect(reads).toEqual([s.messages.backscatter.id]);
    await vi.advanceTimersByTimeAsync(TAIL_MS);
    const outcomes = await scan;
    expect(reads).toEqual([s.messages.backscatter.id, s.messages.legit.id, s.messages.autoreply.id]);
    expect(outcomes.map(o => o.verdict)).toEqual(['legitimate', 'legitimate']);
  });

  test('a shown message whose check never answers holds the scan back for MAX_YIELD_MS, no longer', async () => {
    vi.useFakeTimers();
    const s = scenario();
    const { reads } = holdRead(s, s.messages.backscatter);
    void s.app.checker.checkShown(s.messages.backscatter);
    await settle();
    const scan = s.app.scanner.onNewMail(inboxFolder(s), { id: null, messages: [s.messages.legit] });
    await vi.advanceTimersByTimeAsync(MAX_YIELD_MS - 1);
    expect(reads).toEqual([s.messages.backscatter.id]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await scan).map(o => o.verdict)).toEqual(['legitimate']);
  });

  test('a message the scan was about to check is checked at once when the user opens it', async () => {
    vi.useFakeTimers();
    const s = scenario();
    holdRead(s, s.messages.backscatter);
    void s.app.checker.checkShown(s.messages.backscatter);
    await settle();
    // The scan's check of the auto-reply waits for the backscatter's; then the user opens the auto-reply.
    void s.app.scanner.onNewMail(inboxFolder(s), { id: null, messages: [s.messages.autoreply] });
    await settle();
    const shown = s.app.checker.checkShown(s.messages.autoreply);
    await settle();
    await expect(shown).resolves.toMatchObject({ verdict: 'legitimate' });
  });

  test('a shown message’s Sent folders are listed while it is still being read', async () => {
    vi.useFakeTimers();
    const s = scenario();
    const { release } = holdRead(s, s.messages.backscatter);
    const query = vi.spyOn(s.tb.messenger.folders, 'query');
    const shown = s.app.checker.checkShown(s.messages.backscatter);
    await settle();
    expect(query.mock.calls.map(([info]) => info.specialUse)).toContainEqual(['sent']);
    release();
    await expect(shown).resolves.toMatchObject({ verdict: 'backscatter' });
  });

  test('the startup scan waits for the first shown message’s check, or STARTUP_GRACE_MS', async () => {
    vi.useFakeTimers();
    const waited = scenario();
    const started = waited.app.scanner.startupScan();
    await vi.advanceTimersByTimeAsync(STARTUP_GRACE_MS - 1);
    expect(waited.tb.calls).toEqual([]);
    const query = vi.spyOn(waited.tb.messenger.messages, 'query');
    expect(query).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(query).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(TAIL_MS);
    expect((await started).map(o => o.action)).toContain('tagged');

    const shownFirst = scenario();
    const queried = vi.spyOn(shownFirst.tb.messenger.messages, 'query');
    const scan = shownFirst.app.scanner.startupScan();
    await settle();
    expect(queried).not.toHaveBeenCalled();
    await shownFirst.app.checker.checkShown(shownFirst.messages.ordinary);
    await settle();
    expect(queried).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(TAIL_MS);
    expect((await scan).map(o => o.action)).toContain('tagged');
  });
});
