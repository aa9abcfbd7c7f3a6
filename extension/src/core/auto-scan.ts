// Automatic scan of new mail (messages.onNewMailReceived) and of mail that arrived while
// Thunderbird was closed (startup scan). Both paths go through one queue keyed by the message's id
// (not its Message-ID: two messages may share one, and each must be tagged), so a message is
// handled once even though, on the first sync of an IMAP inbox, onNewMailReceived fires for the
// same messages the startup scan is already looking at (thunderbird-platform.md §A2).
//
// Only a `backscatter` verdict is ever acted on, and it is moved only when at least one Sent lookup
// was made and every one came back `not-found`: a verdict with no lookup at all (the quoted original
// has no Message-ID) is tagged, never moved. A message whose Sent lookup was `unavailable` (Sent not
// synced yet) is not marked done, so a later event can look at it again.
//
// Both are background work: each message's check waits while a message the user is shown is being
// checked (Checker.check, foreground.ts), and they check one message at a time.
import { lookupResult } from '../../../shared/src/index';
import type { MailFolder, MessageHeader, MessageList, Messenger } from '../thunderbird/api';
import { moveToJunk, tagMessage } from '../thunderbird/junk';
import type { Checker } from './checker';
import type { Store } from './settings';

const STARTUP_WINDOW_MS = 3 * 24 * 3600_000;
/**
 * At a start Thunderbird shows the message that was open when it closed: the startup scan's query
 * (a walk over every inbox header) and reads wait until that message has its banner, or this long.
 */
export const STARTUP_GRACE_MS = 3000;
/**
 * Right after a start the accounts may not be loaded yet: `folders.query({specialUse: ['inbox']})` was
 * seen answering `[]` at a first start (Thunderbird 153, e2e trace), and a scan that gave up then left
 * mail that arrived while Thunderbird was closed to `onNewMailReceived`, whose event can fire before the
 * event page listens. The Inbox is looked for again, this often, this far apart.
 */
export const INBOX_TRIES = 10;
export const INBOX_RETRY_MS = 1000;

/** At least one Sent lookup was made, and none found the original (nor was unable to look). */
export const sentSaysNotMine = (lookups: readonly string[]): boolean =>
  lookups.length > 0 && lookups.every(result => result === 'not-found');

export interface ScanOutcome {
  headerMessageId: string;
  verdict: string;
  action: 'none' | 'tagged' | 'moved' | 'skipped-duplicate' | 'error';
}

export class AutoScanner {
  private readonly done = new Set<string>();
  private readonly inFlight = new Map<string, Promise<ScanOutcome>>();
  readonly log: ScanOutcome[] = [];

  constructor(
    private readonly api: Messenger,
    private readonly checker: Checker,
    private readonly store: Store,
    private readonly tagLabel: () => string,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void> = ms =>
      new Promise(resolve => setTimeout(resolve, ms)),
  ) {}

  async onNewMail(folder: MailFolder, list: MessageList): Promise<ScanOutcome[]> {
    if (
      (await this.store.settings()).autoScan === 'off' ||
      folder.specialUse?.some(use => use === 'junk' || use === 'sent' || use === 'trash')
    ) {
      return [];
    }
    const outcomes = [];
    let page: MessageList | undefined = list;
    while (page) {
      for (const message of page.messages) {
        outcomes.push(await this.handle(message));
      }
      page = page.id ? await this.api.messages.continueList(page.id) : undefined;
    }
    return outcomes;
  }

  async startupScan(): Promise<ScanOutcome[]> {
    if ((await this.store.settings()).autoScan === 'off') {
      return [];
    }
    await this.checker.afterFirstShown(STARTUP_GRACE_MS);
    let inboxes: MailFolder[] = [];
    for (let attempt = 1; attempt <= INBOX_TRIES; attempt++) {
      inboxes = await this.api.folders.query({ specialUse: ['inbox'] }).catch(() => []);
      if (inboxes.length > 0 || attempt === INBOX_TRIES) {
        break;
      }
      await this.sleep(INBOX_RETRY_MS);
    }
    if (inboxes.length === 0) {
      return [];
    }
    const outcomes = [];
    let page: MessageList | undefined = await this.api.messages.query({
      folderId: inboxes.map(folder => folder.id),
      read: false,
      fromDate: new Date(this.clock() - STARTUP_WINDOW_MS),
    });
    while (page) {
      for (const message of page.messages) {
        outcomes.push(await this.handle(message));
      }
      page = page.id ? await this.api.messages.continueList(page.id) : undefined;
    }
    return outcomes;
  }

  private handle(message: MessageHeader): Promise<ScanOutcome> {
    const key = `id:${message.id}`;
    if (this.done.has(key)) {
      return Promise.resolve({ headerMessageId: key, verdict: '', action: 'skipped-duplicate' });
    }
    let pending = this.inFlight.get(key);
    if (pending) {
      // The check in flight may end undecided (Sent not searchable yet, e.g. the startup scan right
      // after a start): then this later request checks again instead of sharing that outcome.
      return pending.then(outcome =>
        this.done.has(key) ? { ...outcome, action: 'skipped-duplicate' as const } : this.handle(message),
      );
    }
    pending = this.process(message, key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, pending);
    return pending;
  }

  private async process(message: MessageHeader, key: string): Promise<ScanOutcome> {
    let outcome: ScanOutcome;
    try {
      const result = await this.checker.check(message.id);
      const settings = await this.store.settings();
      const lookedUp = Object.values(result.lookups).map(lookupResult);
      if (!lookedUp.includes('unavailable') || result.verdict === 'backscatter') {
        this.done.add(key);
      }
      if (result.verdict !== 'backscatter' || result.userOverride || settings.autoScan === 'off') {
        outcome = {
          headerMessageId: message.headerMessageId,
          verdict: result.verdict ?? 'none',
          action: 'none',
        };
      } else {
        await tagMessage(this.api, message, this.tagLabel());
        await this.store.count('autoTagged');
        // Moving without having searched Sent is never automatic, whatever else the verdict rests
        // on (a campaign, a forged-looking original): the user can still move it from the banner.
        if (settings.autoScan === 'tag-and-move' && sentSaysNotMine(lookedUp)) {
          const moved = await moveToJunk(this.api, message, this.clock(), record =>
            this.store.recordMoves([record]),
          );
          if (moved.ok) {
            await this.store.count('autoMoved');
          } else if ('moveId' in moved && moved.moveId !== undefined) {
            await this.store.forgetMove(moved.moveId);
          }
          outcome = {
            headerMessageId: message.headerMessageId,
            verdict: 'backscatter',
            action: moved.ok ? 'moved' : 'tagged',
          };
        } else {
          outcome = { headerMessageId: message.headerMessageId, verdict: 'backscatter', action: 'tagged' };
        }
      }
    } catch (error) {
      console.warn('backscatter-guard: automatic scan failed', key, error);
      outcome = { headerMessageId: key, verdict: '', action: 'error' };
    }
    this.log.push(outcome);
    if (this.log.length > 100) {
      this.log.shift();
    }
    return outcome;
  }
}
