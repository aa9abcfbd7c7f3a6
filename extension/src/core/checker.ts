// Checks one message: raw bytes → analyze → Sent lookups → decide. Results are cached per message
// id and concurrent requests for the same message share one run (the banner, the header button
// and the automatic scan all ask about the message that was just displayed or received).
import { AUTOMATED_KINDS } from '../../../shared/src/index';
import type { Analysis, Decision, Lookups, Verdict } from '../../../shared/src/index';
import type { MessageHeader, MessageId, Messenger } from '../thunderbird/api';
import { listSentFolders, type SentFolder } from '../thunderbird/sent-folders';
import { coverage, lookUpInSent, sendersOf } from '../thunderbird/sent-lookup';
import { readWithRetry } from '../sweep/sweeper';
import type { Engine } from './engine';
import { Foreground } from './foreground';
import type { AutomatedHistory } from './history';
import type { ProfileCache } from './profile';
import type { Store } from './settings';

export interface MessageSummary {
  id: MessageId;
  headerMessageId: string;
  subject: string;
  author: string;
  folderId: string | undefined;
  accountId: string | undefined;
  inJunk: boolean;
  /** The name the user's Thunderbird gives this account's Junk folder ("Spam" in 153), if any. */
  junkFolderName?: string;
}

export interface CheckResult {
  message: MessageSummary;
  analysis: Analysis;
  automated: boolean;
  lookups: Lookups;
  /** `partial`: some Sent folder that matters is empty or not synced, so a miss proves nothing. */
  sentCoverage: 'complete' | 'partial';
  decision: Decision | undefined;
  /** The engine's verdict, or `legitimate` when the user said "not backscatter". */
  verdict: Verdict | undefined;
  userOverride: boolean;
  elapsedMs: number;
}

const CACHE_SIZE = 300;

/**
 * The raw read of a displayed or new message is tried again when it fails: getRaw of an IMAP
 * message fails now and then while Thunderbird streams that message for display (the first display
 * of a message with no offline copy: `streamMessage` NS_ERROR_FAILURE in the 153 log, "Error reading
 * message 12" in the 140 ESR run) and works when asked again a moment later.
 */
const pause = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** See Checker.check. */
export interface SweepOrder {
  bytes?: Promise<Uint8Array>;
  turn?: Promise<unknown>;
  /** The message's header as the folder listing gave it: no `messages.get` per candidate. */
  header?: MessageHeader;
  /** Read once per sweep rather than once per candidate (see SweepContext). */
  context?: SweepContext;
}

/**
 * What every candidate of one sweep would otherwise ask Thunderbird for again: the Sent folders
 * (four API calls each time) and the user's "not backscatter" list. Every WebExtension call is a
 * message through Thunderbird's main thread, which also delivers the IMAP reads the sweep waits on.
 * A sweep is a snapshot: a Sent folder that syncs while it runs counts from the next sweep on.
 */
export interface SweepContext {
  sent: Promise<SentFolder[]>;
  overrides: Promise<string[]>;
}

export function summarize(message: MessageHeader): MessageSummary {
  return {
    id: message.id,
    headerMessageId: message.headerMessageId,
    subject: message.subject,
    author: message.author,
    folderId: message.folder?.id,
    accountId: message.folder?.accountId,
    inJunk: message.folder?.specialUse?.includes('junk') ?? false,
  };
}

export class Checker {
  private readonly cache = new Map<MessageId, Promise<CheckResult>>();
  private readonly foreground = new Foreground();

  constructor(
    private readonly api: Messenger,
    private readonly engine: Engine,
    private readonly store: Store,
    private readonly profiles: ProfileCache | undefined,
    private readonly history: AutomatedHistory,
    private readonly clock: () => number,
  ) {}

  /** For a sweep: the Sent folders and overrides, read once (see SweepContext). */
  sweepContext(): SweepContext {
    const sent = listSentFolders(this.api);
    const overrides = this.store.overrides();
    // Awaited by each check; one that fails before the first check must not go unhandled.
    sent.catch(() => undefined);
    overrides.catch(() => undefined);
    return { sent, overrides };
  }

  /**
   * A message the user is shown or has just selected, or asks about from its banner or popup:
   * checked at once, and counted as foreground work, so background checks wait for it
   * (foreground.ts). `message` may be the header Thunderbird's event carried: no `messages.get` then.
   */
  checkShown(message: MessageId | MessageHeader): Promise<CheckResult> {
    const id = typeof message === 'number' ? message : message.id;
    const cached = this.cache.get(id);
    if (cached) {
      // A background check of this very message waiting for the foreground goes first now (it
      // would otherwise wait for itself).
      this.gates.get(id)?.();
      return this.foreground.track(cached);
    }
    return this.foreground.track(
      this.start(id, typeof message === 'number' ? undefined : { header: message }, true),
    );
  }

  /**
   * A background check (automatic scan, startup scan, sweep): it starts once no shown message is
   * being checked (foreground.ts).
   *
   * `order` is for the folder sweep, which checks several messages at once: `bytes` is the raw
   * message it has already started reading, and the message enters the wave history and is decided
   * only after `turn` (the previous message's check) — in folder order, as one-at-a-time checks did.
   */
  check(messageId: MessageId, order?: SweepOrder): Promise<CheckResult> {
    return this.cache.get(messageId) ?? this.start(messageId, order, false);
  }

  /** The answer for this message if its check has already finished and is cached. */
  settled(messageId: MessageId): CheckResult | undefined {
    const pending = this.cache.get(messageId);
    return pending && this.answers.get(pending);
  }

  private readonly answers = new WeakMap<Promise<CheckResult>, CheckResult>();

  /** Resolves once the first shown message's check has answered, or after `ms`. */
  afterFirstShown(ms: number): Promise<void> {
    return this.foreground.firstAnswered(ms);
  }

  private start(messageId: MessageId, order: SweepOrder | undefined, shown: boolean): Promise<CheckResult> {
    const pending = this.run(messageId, order, shown);
    this.cache.set(messageId, pending);
    // A result that could not search some Sent folder, or that was reached while some Sent
    // folder was not synced (the profile is learned from Sent too), is not kept: once Sent has
    // synced, the next look at the message must search again rather than repeat "unsure".
    pending.then(
      result => {
        this.answers.set(pending, result);
        if (Object.values(result.lookups).includes('unavailable') || result.sentCoverage === 'partial') {
          this.cache.delete(messageId);
        }
      },
      () => this.cache.delete(messageId),
    );
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) {
        this.cache.delete(oldest);
      }
    }
    return pending;
  }

  /** Background checks waiting for the foreground, by message: calling one lets it go at once. */
  private readonly gates = new Map<MessageId, () => void>();

  private async yieldToShown(messageId: MessageId): Promise<void> {
    if (this.foreground.idleNow) {
      return;
    }
    await new Promise<void>(resolve => {
      this.gates.set(messageId, resolve);
      void this.foreground.idle().then(resolve);
    });
    this.gates.delete(messageId);
  }

  /** Settings, profile or overrides changed: verdicts must be recomputed. */
  forget(messageId?: MessageId): void {
    if (messageId === undefined) {
      this.cache.clear();
      this.junkNames.clear();
    } else {
      this.cache.delete(messageId);
    }
  }

  private readonly junkNames = new Map<string, Promise<string | undefined>>();

  /**
   * The name Thunderbird shows for the account's junk folder ("Junk", "Spam"). Folder names change
   * rarely; a failed look-up is asked again next time.
   */
  junkFolderName(accountId: string | undefined): Promise<string | undefined> {
    if (accountId === undefined) {
      return Promise.resolve(undefined);
    }
    let name = this.junkNames.get(accountId);
    if (!name) {
      name = this.api.folders
        .query({ accountId, specialUse: ['junk'] })
        .then(folders => folders[0]?.name)
        .catch(() => undefined);
      this.junkNames.set(accountId, name);
      void name.then(value => (value === undefined ? this.junkNames.delete(accountId) : undefined));
    }
    return name;
  }

  private async run(
    messageId: MessageId,
    order: SweepOrder | undefined,
    shown: boolean,
  ): Promise<CheckResult> {
    if (!shown) {
      await this.yieldToShown(messageId);
    }
    const started = this.clock();
    // A shown message's Sent folders are listed while it is read and analysed, not after: five
    // calls (2–10 ms in the e2e trace) off the banner's path, wasted only on ordinary mail.
    const sentEarly = shown && !order?.context ? listSentFolders(this.api) : undefined;
    sentEarly?.catch(() => undefined);
    const header = order?.header ?? (await this.api.messages.get(messageId));
    const analysis = await this.engine.analyze(
      await (order?.bytes ?? readWithRetry(this.api, messageId, pause)),
      shown,
    );
    const message = summarize(header);
    const junkFolderName = await this.junkFolderName(message.accountId);
    if (junkFolderName !== undefined) {
      message.junkFolderName = junkFolderName;
    }
    const automated = AUTOMATED_KINDS.includes(analysis.kind);
    const verdictEngine = this.engine.verdict;
    if (!automated || !verdictEngine || !this.profiles) {
      return {
        message,
        analysis,
        automated,
        lookups: {},
        sentCoverage: 'complete',
        decision: undefined,
        verdict: undefined,
        userOverride: false,
        elapsedMs: this.clock() - started,
      };
    }
    // Counted at the time the message arrived, not when it was checked: a sweep of an old folder
    // must not look like a campaign happening now.
    const receivedAt = new Date(header.date).getTime();
    const sent = await (order?.context?.sent ?? sentEarly ?? listSentFolders(this.api));
    const [lookups, profile, overrides] = await Promise.all([
      lookUpInSent(this.api, analysis.lookups, sent, message.accountId, sendersOf(analysis)),
      this.profiles.get(),
      order?.context?.overrides ?? this.store.overrides(),
    ]);
    // Recorded right before the decision, so a message's verdict sees exactly the automated mail
    // checked before it (itself included), however many checks are in flight.
    await order?.turn;
    this.history.record(header.headerMessageId, analysis, Number.isFinite(receivedAt) ? receivedAt : started);
    const decision = verdictEngine.decide(analysis, profile, lookups, this.history.snapshot(started));
    // Ground truth for the profile: the original was found in Sent (the engine checks that). Not
    // awaited: the verdict does not depend on it, and its storage read and write (9–10 ms in the e2e
    // trace of a real bounce) would delay the banner.
    void this.profiles.confirm(analysis, lookups).catch(() => undefined);
    const userOverride = overrides.includes(header.headerMessageId);
    return {
      message,
      analysis,
      automated,
      lookups,
      sentCoverage: coverage(sent, message.accountId, sendersOf(analysis)),
      decision,
      verdict: userOverride ? 'legitimate' : decision.verdict,
      userOverride,
      elapsedMs: this.clock() - started,
    };
  }
}
