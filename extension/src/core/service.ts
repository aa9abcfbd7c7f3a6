// What the background does for each protocol request, and the per-tab header button state.
// background.ts only wires these to Thunderbird events; everything here is testable with a fake
// messenger.
import type { Verdict } from '../../../shared/src/index';
import type {
  DisplayedView,
  MoveReport,
  OptionsView,
  Request,
  Response,
  RequestType,
  UndoReport,
} from '../protocol';
import type { MessageList, MessageSender, Messenger, Tab } from '../thunderbird/api';
import { moveToJunk, undoMove } from '../thunderbird/junk';
import type { Sweeper } from '../sweep/sweeper';
import type { Checker } from './checker';
import type { Store } from './settings';

/** An Undo offered in the banner after a move stays available this long. */
const UNDO_WINDOW_MS = 10 * 60_000;
const UNDO_SETTLE_MS = 5_000;
const UNDO_POLL_MS = 250;

const BADGE: Record<Verdict, { text: string; color: string }> = {
  backscatter: { text: '!', color: '#B91C1C' },
  unsure: { text: '?', color: '#B45309' },
  legitimate: { text: '✓', color: '#15803D' },
};

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
        return this.checker.check(request.messageId);
      case 'move-to-junk':
        return this.moveToJunk(request.messageIds);
      case 'undo-move':
        return this.undo(request.headerMessageIds);
      case 'not-backscatter': {
        const header = await this.api.messages.get(request.messageId);
        await this.store.addOverride(header.headerMessageId);
        this.checker.forget(request.messageId);
        return this.checker.check(request.messageId);
      }
      case 'sweep-start':
      case 'sweep-poll':
      case 'sweep-stop':
      case 'sweep-recheck':
        return this.sweep(request);
      case 'get-options':
        return this.options();
      case 'save-settings':
        await this.store.saveSettings(request.settings);
        // Addresses and relays feed the profile: learn it again on the next check.
        await this.store.resetProfile();
        this.checker.forget();
        return this.options();
      case 'reset-profile':
        await this.store.resetProfile();
        this.checker.forget();
        return this.options();
    }
  }

  async onDisplayed(tab: Tab, displayed: MessageList): Promise<void> {
    const [only, ...more] = displayed.messages;
    const verdict = only && more.length === 0 ? (await this.checker.check(only.id)).verdict : undefined;
    const badge = verdict ? BADGE[verdict] : undefined;
    await this.api.messageDisplayAction.setBadgeText({ tabId: tab.id, text: badge?.text ?? '' });
    if (badge) {
      await this.api.messageDisplayAction.setBadgeBackgroundColor({ tabId: tab.id, color: badge.color });
    }
    await this.api.messageDisplayAction.setTitle({
      tabId: tab.id,
      title: verdict ? this.t(`verdict_${verdict}`) : this.t('actionTitle'),
    });
    await this.api.messageDisplayAction.setLabel({
      tabId: tab.id,
      label: verdict ? this.t(`label_${verdict}`) : null,
    });
  }

  private async checkDisplayed(tabId: number | undefined): Promise<DisplayedView> {
    const lastMove = await this.lastMove();
    if (tabId === undefined) {
      return { result: undefined, lastMove };
    }
    const displayed = await this.api.messageDisplay.getDisplayedMessages(tabId);
    const [only, ...more] = displayed.messages;
    if (!only || more.length > 0) {
      return { result: undefined, lastMove };
    }
    return { result: await this.checker.check(only.id), lastMove };
  }

  private async lastMove() {
    const moves = await this.store.moves();
    const last = moves[moves.length - 1];
    return last && this.clock() - last.at < UNDO_WINDOW_MS ? last : undefined;
  }

  private async moveToJunk(messageIds: number[]): Promise<MoveReport> {
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
        if (header && outcome.reason === 'failed') {
          await this.store.forgetMoves([header.headerMessageId]);
        }
      }
    }
    if (report.moved.length > 0) {
      await this.store.count('junked', report.moved.length);
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

  private async undo(headerMessageIds: string[]): Promise<UndoReport> {
    // An Undo clicked right after the move may come before onMoved has reported the copy in Junk;
    // give it a few seconds rather than move an IMAP placeholder (see junk.ts).
    for (let waited = 0; waited < UNDO_SETTLE_MS; waited += UNDO_POLL_MS) {
      const moves = await this.store.moves();
      const pending = moves.filter(
        move =>
          headerMessageIds.includes(move.headerMessageId) &&
          move.movedId === undefined &&
          this.clock() - move.at < UNDO_SETTLE_MS,
      );
      if (pending.length === 0) {
        break;
      }
      await this.sleep(UNDO_POLL_MS);
    }
    const moves = await this.store.moves();
    const report: UndoReport = { restored: [], failed: [] };
    for (const headerMessageId of headerMessageIds) {
      const record = moves.find(move => move.headerMessageId === headerMessageId);
      const outcome = record
        ? await undoMove(this.api, record)
        : ({ ok: false, reason: 'not-found' } as const);
      if (outcome.ok) {
        report.restored.push(headerMessageId);
      } else {
        report.failed.push({ headerMessageId, reason: outcome.reason });
      }
    }
    if (report.restored.length > 0) {
      await this.store.forgetMoves(report.restored);
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
        return this.sweeper.start(request.folderId);
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
