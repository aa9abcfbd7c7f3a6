// What the background does for each protocol request, and the per-tab header button state.
// background.ts only wires these to Thunderbird events; everything here is testable with a fake
// messenger.
import { pickLang } from '../../../shared/i18n/index';
import { shortLabel, TONES, verdictTone } from '../../../shared/ui/tone';
import type {
  DisplayedView,
  MoveReport,
  OptionsView,
  Request,
  Response,
  RequestType,
  UndoMovesReport,
  UndoReport,
} from '../protocol';
import type { MessageList, MessageSender, Messenger, Tab } from '../thunderbird/api';
import { moveToJunk, undoMove, type MoveRecord } from '../thunderbird/junk';
import type { Sweeper } from '../sweep/sweeper';
import type { Checker, CheckResult } from './checker';
import type { Store } from './settings';

/**
 * After a move from a banner, Thunderbird shows the next message in its place; that message's
 * banner offers Undo for this long, and no other message's does.
 */
const UNDO_OFFER_MS = 5 * 60_000;

/** A header button's badge, colour, tooltip and label (see Service.setButton). */
interface ButtonState {
  text: string;
  color?: string | undefined;
  title: string;
  label: string;
}
/**
 * How long a display's header button waits for that tab's banner to have its answer (onDisplayed):
 * the button's calls re-render the message header on the thread that also delivers the answer and
 * draws the banner. A banner that never asks does not hold the button back for longer.
 */
export const BUTTON_AFTER_BANNER_MS = 100;
const UNDO_SETTLE_MS = 5_000;
const UNDO_POLL_MS = 250;

export class Service {
  constructor(
    private readonly api: Messenger,
    private readonly checker: Checker,
    private readonly store: Store,
    private readonly t: (key: string, substitutions?: string[]) => string,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void> = ms =>
      new Promise(resolve => setTimeout(resolve, ms)),
    private readonly sweeper?: Sweeper,
  ) {}

  handle<T extends RequestType>(request: Request<T>, sender: MessageSender): Promise<Response<T>>;
  async handle(request: Request, sender: MessageSender): Promise<unknown> {
    switch (request.type) {
      case 'check-displayed':
        return this.checkDisplayed(request.tabId ?? sender.tab?.id);
      case 'check-message':
        return this.checker.checkShown(request.messageId);
      case 'move-to-junk':
        return this.moveToJunk(request.messageIds, sender.tab?.id);
      case 'undo-move':
        return this.undoByMessageId(request.headerMessageIds);
      case 'undo-moves':
        return this.undoMoves(request.moveIds);
      case 'move-history':
        return { moves: (await this.store.moves()).reverse() };
      case 'not-backscatter': {
        const header = await this.api.messages.get(request.messageId);
        await this.store.addOverride(header.headerMessageId);
        this.checker.forget(request.messageId);
        const result = await this.checker.checkShown(request.messageId);
        // The header button of the tab it was clicked in changes at once, not at the next display.
        const tabId = sender.tab?.id ?? request.tabId;
        if (tabId !== undefined) {
          await this.showButton(tabId, result);
        }
        return result;
      }
      case 'sweep-start':
      case 'sweep-poll':
      case 'sweep-stop':
      case 'sweep-recheck':
        return this.sweep(request);
      case 'get-options':
        return this.options();
      case 'save-settings': {
        const before = await this.store.settings();
        const after = await this.store.saveSettings(request.settings);
        // Addresses and relays feed the profile and every verdict: learn it again at the next check and
        // check again. Only then: the mode of the automatic scan changes neither, and dropping the
        // profile for it threw away what confirmed bounces had taught (found in the e2e: the options
        // page said "Nothing learned yet" right after the mode was saved).
        if (
          !sameList(before.extraAddresses, after.extraAddresses) ||
          !sameList(before.trustedRelays, after.trustedRelays)
        ) {
          await this.store.markProfileStale();
          this.checker.forget();
        }
        return this.options();
      }
      case 'reset-profile':
        await this.store.resetProfile();
        this.checker.forget();
        return this.options();
    }
  }

  /**
   * A closed tab's entries (tabs.onRemoved): each tab ever shown kept four map entries for the life of
   * the background page. A check still running for it finds no token and changes nothing; a waiter
   * for its banner is woken so its promise settles.
   */
  forgetTab(tabId: number): void {
    this.displays.delete(tabId);
    this.answered.delete(tabId);
    this.buttons.delete(tabId);
    const waiters = this.answerWaiters.get(tabId) ?? [];
    this.answerWaiters.delete(tabId);
    for (const waiter of [...waiters]) {
      waiter.wake();
    }
  }

  /** Per tab, the latest display: a slower check of an earlier message must not overwrite it. */
  private readonly displays = new Map<number, number>();

  async onDisplayed(tab: Tab, displayed: MessageList): Promise<void> {
    const [only, ...more] = displayed.messages;
    const token = (this.displays.get(tab.id) ?? 0) + 1;
    this.displays.set(tab.id, token);
    const pending = only && more.length === 0 ? this.checker.checkShown(only) : undefined;
    // The previous message's badge and label go at once: a stale "Backscatter" must never sit
    // next to the next message while its check runs. Not when the answer is already there (the
    // automatic scan checked the new message before the user opened it): the button then changes
    // once, straight to it.
    if (!only || !this.checker.settled(only.id)) {
      await this.showButton(tab.id, undefined);
    }
    // A message that cannot be read is shown without a verdict, and that is no error: after an IMAP
    // move Thunderbird reports the displayed message as the placeholder in Junk for a moment, whose
    // getRaw fails ("Error reading message 12" in the e2e runs of 140 and 153).
    const result = pending
      ? await pending.catch((error: unknown) => {
          console.warn('backscatter-guard: the displayed message could not be read', error);
          return undefined;
        })
      : undefined;
    // Seen in the real window: the auto-reply's check (its Sent lookup waiting on an unsynced
    // folder) finished after the next, ordinary message was shown, and put "Auto-reply" back.
    if (result && this.displays.get(tab.id) === token) {
      // The banner first: its answer leaves before the button's four calls are made. Made at the
      // moment the check answered, they were handled before the answer on the one main thread
      // (e2e trace and Gecko profile of the stretch between the answer and the banner).
      await this.bannerAnswered(tab.id, result.message.id);
      if (this.displays.get(tab.id) === token) {
        await this.showButton(tab.id, result);
      }
    }
  }

  /** Per tab, the message its banner (or popup) was last answered about. */
  private readonly answered = new Map<number, number | undefined>();
  private readonly answerWaiters = new Map<number, { messageId: number; wake: () => void }[]>();

  private noteAnswered(tabId: number, messageId: number | undefined): void {
    this.answered.set(tabId, messageId);
    for (const waiter of [...(this.answerWaiters.get(tabId) ?? [])]) {
      if (waiter.messageId === messageId) {
        waiter.wake();
      }
    }
  }

  /**
   * Resolves a task after this tab's banner has been answered about this message (so the answer is
   * sent first), or after BUTTON_AFTER_BANNER_MS.
   */
  private bannerAnswered(tabId: number, messageId: number): Promise<void> {
    return new Promise(resolve => {
      const waiters = this.answerWaiters.get(tabId) ?? [];
      this.answerWaiters.set(tabId, waiters);
      const waiter = {
        messageId,
        wake: () => {
          clearTimeout(timer);
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
          }
          setTimeout(resolve, 0);
        },
      };
      const timer = setTimeout(waiter.wake, BUTTON_AFTER_BANNER_MS);
      waiters.push(waiter);
      if (this.answered.get(tabId) === messageId) {
        waiter.wake();
      }
    });
  }

  /**
   * The header button for one tab: badge, colour and tooltip by tone (shared/ui/tone.ts), a label
   * only for automated mail (by kind: an auto-reply is no "Real bounce"), none on ordinary mail
   * (the manifest's default_label is empty, so Thunderbird's own buttons keep their row).
   */
  private async showButton(tabId: number, result: CheckResult | undefined): Promise<void> {
    const verdict = result?.verdict;
    if (!result || verdict === undefined) {
      // '' and not null for the label: null falls back to the global label, and Thunderbird 153
      // then kept the previous message's label on the button (e2e, real window).
      await this.setButton(tabId, { text: '', title: this.t('actionTitle'), label: '' });
      return;
    }
    const kind = result.analysis.kind;
    const tone = TONES[verdictTone(verdict, kind, result.userOverride)];
    const label = shortLabel(result.decision?.verdict ?? verdict, kind, this.lang(), result.userOverride);
    await this.setButton(tabId, {
      text: tone.badge,
      color: tone.accent,
      title: `${this.t('actionTitle')}: ${label}`,
      label,
    });
  }

  /**
   * What each tab's button was last set to (Thunderbird keeps it per tab until changed). Only what
   * differs is set: each call re-renders the message header on the thread that also draws the
   * message and its banner, and ordinary mail after ordinary mail needs none (6 calls a display before).
   */
  private readonly buttons = new Map<number, ButtonState>();

  private async setButton(tabId: number, next: ButtonState): Promise<void> {
    const shown = this.buttons.get(tabId);
    const action = this.api.messageDisplayAction;
    const calls: Promise<void>[] = [];
    if (shown?.text !== next.text) {
      calls.push(action.setBadgeText({ tabId, text: next.text }));
    }
    if (next.color !== undefined && shown?.color !== next.color) {
      calls.push(action.setBadgeBackgroundColor({ tabId, color: next.color }));
    }
    if (shown?.title !== next.title) {
      calls.push(action.setTitle({ tabId, title: next.title }));
    }
    if (shown?.label !== next.label) {
      calls.push(action.setLabel({ tabId, label: next.label }));
    }
    // Recorded before the calls settle (a later display compares with what is being set), and
    // forgotten if one fails, so the next display sets everything again.
    this.buttons.set(tabId, { ...next, color: next.color ?? shown?.color });
    await Promise.all(calls).catch((error: unknown) => {
      this.buttons.delete(tabId);
      throw error;
    });
  }

  private lang() {
    return pickLang(this.api.i18n.getUILanguage());
  }

  private async checkDisplayed(tabId: number | undefined): Promise<DisplayedView> {
    if (tabId === undefined) {
      return { result: undefined, lastMove: undefined };
    }
    // Read while Thunderbird looks up the displayed message: every call here is on the banner's path.
    const offer = this.store.undoOffer();
    offer.catch(() => undefined);
    const displayed = await this.api.messageDisplay.getDisplayedMessages(tabId);
    const [only, ...more] = displayed.messages;
    const shown = only && more.length === 0 ? only : undefined;
    const result = shown ? this.checker.checkShown(shown) : undefined;
    result?.catch(() => undefined); // awaited below, after the Undo offer
    const lastMove = await this.offeredUndo(tabId, shown?.id, offer);
    const view = { result: result ? await result : undefined, lastMove };
    this.noteAnswered(tabId, shown?.id);
    return view;
  }

  /**
   * The move this tab's banner made, offered for Undo on the one message Thunderbird shows next in
   * its place, within a few minutes; not on any message after that.
   */
  private async offeredUndo(
    tabId: number,
    messageId: number | undefined,
    stored = this.store.undoOffer(),
  ): Promise<MoveRecord | undefined> {
    const offer = await stored;
    if (!offer || offer.tabId !== tabId || this.clock() - offer.at > UNDO_OFFER_MS) {
      return undefined;
    }
    if (offer.shownFor !== undefined && offer.shownFor !== messageId) {
      await this.store.setUndoOffer(undefined);
      return undefined;
    }
    if (offer.shownFor === undefined && messageId !== undefined) {
      await this.store.setUndoOffer({ ...offer, shownFor: messageId });
    }
    const moves = await this.store.moves();
    return moves.find(move => offer.moveIds.includes(move.moveId) && move.state === 'in-junk');
  }

  private async moveToJunk(messageIds: number[], tabId: number | undefined): Promise<MoveReport> {
    const report: MoveReport = { moved: [], failed: [] };
    for (const messageId of messageIds) {
      const header = await this.api.messages.get(messageId).catch(() => undefined);
      const outcome = header
        ? await moveToJunk(this.api, header, this.clock(), record => this.store.recordMoves([record]))
        : ({ ok: false, reason: 'not-found' } as const);
      if (outcome.ok) {
        report.moved.push(outcome.record);
        this.checker.forget(messageId);
      } else {
        report.failed.push({ messageId, reason: outcome.reason });
        if ('moveId' in outcome && outcome.moveId !== undefined) {
          await this.store.forgetMove(outcome.moveId);
        }
      }
    }
    if (report.moved.length > 0) {
      await this.store.count('junked', report.moved.length);
      if (tabId !== undefined && messageIds.length === 1) {
        await this.store.setUndoOffer({
          tabId,
          moveIds: report.moved.map(record => record.moveId),
          at: this.clock(),
        });
      }
    }
    return report;
  }

  /** messages.onMoved: remember the real copies of what we moved to Junk, for Undo. */
  async onMoved(moved: MessageList): Promise<void> {
    const copies = [];
    let page: MessageList | undefined = moved;
    while (page) {
      copies.push(
        ...page.messages
          .filter(message => message.folder)
          .map(message => ({
            headerMessageId: message.headerMessageId,
            folderId: message.folder?.id ?? '',
            id: message.id,
          })),
      );
      page = page.id ? await this.api.messages.continueList(page.id) : undefined;
    }
    await this.store.noteMovedCopies(copies);
  }

  /** The first protocol's Undo: the newest move of each Message-ID that is still in Junk. */
  private async undoByMessageId(headerMessageIds: string[]): Promise<UndoReport> {
    const moves = await this.store.moves();
    const moveIds: string[] = [];
    const report: UndoReport = { restored: [], failed: [] };
    for (const headerMessageId of headerMessageIds) {
      const record = [...moves]
        .reverse()
        .find(move => move.headerMessageId === headerMessageId && move.state !== 'restored');
      if (record) {
        moveIds.push(record.moveId);
      } else {
        report.failed.push({ headerMessageId, reason: 'not-found' });
      }
    }
    const undone = await this.undoMoves(moveIds);
    report.restored.push(...undone.restored.map(record => record.headerMessageId));
    report.failed.push(
      ...undone.failed.map(failure => ({ headerMessageId: failure.headerMessageId, reason: failure.reason })),
    );
    return report;
  }

  /**
   * Undoes exactly these moves. Each is reported: restored (its copy left Junk, checked), or failed
   * with its reason, and kept in the history as undo-failed so it can be tried again. An undone
   * message counts as the user's "not backscatter": it is never tagged or moved automatically again.
   */
  private async undoMoves(moveIds: string[]): Promise<UndoMovesReport> {
    // An Undo clicked right after the move may come before onMoved has reported the copy in Junk;
    // give it a few seconds rather than move an IMAP placeholder (see junk.ts).
    for (let waited = 0; waited < UNDO_SETTLE_MS; waited += UNDO_POLL_MS) {
      const pending = (await this.store.moves()).filter(
        move =>
          moveIds.includes(move.moveId) &&
          move.movedId === undefined &&
          this.clock() - move.at < UNDO_SETTLE_MS,
      );
      if (pending.length === 0) {
        break;
      }
      await this.sleep(UNDO_POLL_MS);
    }
    const moves = await this.store.moves();
    const report: UndoMovesReport = { restored: [], failed: [] };
    const patches = new Map<string, Partial<MoveRecord>>();
    for (const moveId of moveIds) {
      const record = moves.find(move => move.moveId === moveId);
      if (!record || record.state === 'restored') {
        report.failed.push({
          moveId,
          headerMessageId: record?.headerMessageId ?? '',
          subject: record?.subject ?? '',
          reason: 'not-found',
        });
        continue;
      }
      const outcome = await undoMove(this.api, record, this.sleep);
      if (outcome.ok) {
        const restored: MoveRecord = {
          ...record,
          ...(outcome.restoredId !== undefined ? { restoredId: outcome.restoredId } : {}),
          state: 'restored',
          undoneAt: this.clock(),
        };
        delete restored.undoFailure;
        patches.set(moveId, { state: 'restored', undoneAt: this.clock() });
        report.restored.push(restored);
        await this.store.addOverride(record.headerMessageId);
      } else {
        patches.set(moveId, { state: 'undo-failed', undoFailure: outcome.reason });
        report.failed.push({
          moveId,
          headerMessageId: record.headerMessageId,
          subject: record.subject,
          reason: outcome.reason,
        });
      }
    }
    if (patches.size > 0) {
      await this.store.updateMoves(patches);
    }
    if (report.restored.length > 0) {
      this.checker.forget();
      await this.store.count('undone', report.restored.length);
    }
    return report;
  }

  private async sweep(
    request: Request<'sweep-start' | 'sweep-poll' | 'sweep-stop' | 'sweep-recheck'>,
  ): Promise<unknown> {
    if (!this.sweeper) {
      throw new Error('no sweeper');
    }
    switch (request.type) {
      case 'sweep-start':
        return this.sweeper.start(request.folderId, request.reach);
      case 'sweep-poll':
        return this.sweeper.poll(request.sweepId, request.from);
      case 'sweep-stop':
        return this.sweeper.stop(request.sweepId, request.from);
      case 'sweep-recheck':
        return this.sweeper.recheck(request.folderId, request.headerMessageIds);
    }
  }

  private async options(): Promise<OptionsView> {
    const [settings, stored, stats] = await Promise.all([
      this.store.settings(),
      this.store.profile(),
      this.store.stats(),
    ]);
    return { settings, profile: stored?.profile, profileLearnedAt: stored?.learnedAt, stats };
  }
}

/** The same entries, in any order, repeats aside (parseSettings has trimmed them, not deduplicated). */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every(item => right.has(item));
}
