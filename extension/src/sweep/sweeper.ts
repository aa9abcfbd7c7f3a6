// The folder sweep, background half. One job per opened sweep page:
//
// 1. List the folder page by page and screen every header on the fields the list already gives
//    (author, subject) with the engine's screen() — the same gate analyze() opens with. Ordinary mail
//    (97% of a real folder) is never fetched: on IMAP without offline copies every getRaw is a
//    server round trip.
// 2. Check only the candidates (raw message → analyze → Sent lookups → decide, the Checker the
//    banner uses) while listing goes on, several at once (each waits mostly on Thunderbird: getRaw
//    over IMAP, Sent lookups). The decisions still happen in folder order: a backscatter wave is
//    judged from the automated mail seen before, and free-running checks gave other verdicts near
//    the wave threshold (scenario set, four at once: 2 of 463 went from unsure to backscatter).
// 3. The page polls for what is new since its last poll: rows are appended to an array and handed
//    out by index, so each poll costs what it returns, not what was found before (issue 14: the old
//    sweep re-sent and re-rendered everything per message and slowed down as the folder went on).
//
// Stop ends listing and checking and keeps every row found so far.
import { hinted, screen, worthReading } from '../../../shared/src/screen';
import type { FloodItem } from '../../../shared/src/flood/types';
import type { Verdict } from '../../../shared/src/index';
import type { MessageKind } from '../../../shared/src/types';
import type { MailFolder, MessageHeader, MessageId, MessageList, Messenger } from '../thunderbird/api';
import type { Checker, SweepContext, SweepOrder } from '../core/checker';
import { readMessageBytes } from '../thunderbird/read-message';
import { parseAuthor } from './author';

export interface SweepRow {
  messageId: MessageId;
  headerMessageId: string;
  subject: string;
  author: string;
  kind: MessageKind;
  /** `none` when no verdict module is wired (the message is automated but not judged). */
  verdict: Verdict | 'none';
  /** The user said "not backscatter" (the verdict is then `legitimate`): shown as their choice. */
  userOverride: boolean;
}

export interface SweepFolder {
  id: string;
  name: string;
  accountId: string;
}

export type SweepPhase = 'listing' | 'checking' | 'done' | 'stopped' | 'failed';

export interface SweepStatus {
  sweepId: string;
  folder: SweepFolder | undefined;
  phase: SweepPhase;
  /** Messages in the folder (Thunderbird's count before listing ends, then the number listed). */
  total: number;
  listed: number;
  /** Messages the screen let through, and how many of them were checked so far. */
  candidates: number;
  checked: number;
  /** Rows from the index the poll asked for; `rowCount` is the number found so far. */
  rows: SweepRow[];
  rowCount: number;
  /** Candidates that could not be read or analysed. */
  unreadable: number;
  elapsedMs: number;
  /** How long listing and screening the whole folder took, once it is over. */
  listingMs: number | undefined;
  /** An estimate of the time left; undefined before there is enough to go on. */
  remainingMs: number | undefined;
  error?: string;
  /**
   * The name Thunderbird shows for the swept account's junk folder ("Junk", "Spam", "Junk-E-Mail"), once a
   * checked message brought it: the page names the folder it moves to (issue 11 item 6).
   */
  junkFolderName?: string;
  /**
   * The decided automated messages for the flood report (issue 13), once the sweep is over (done or
   * stopped): sent once at the end, not with every poll.
   */
  flood?: FloodItem[];
}

/**
 * Candidates checked at once. Thunderbird serves getRaw from one IMAP folder one after another
 * (measured in the bench, `--probe-reads`: 115–140 reads/s with 1, 2, 3, 6 or 12 in flight, the
 * latency growing with the count), so more in flight only queues; three keep a read waiting while
 * the one before is analysed and looked up in Sent.
 */
const IN_FLIGHT = 3;
const READ_ATTEMPTS = 3;
const READ_RETRY_MS = 400;
/** How long Undo's re-listing waits for restored messages to appear in an IMAP folder. */
const RECHECK_WAIT_MS = 6_000;
const RECHECK_POLL_MS = 300;
/** Messages per page of the folder listing. */
const LIST_PAGE = 1000;
/** Sweeps kept for polling; a page that was closed leaves its job behind, the oldest goes first. */
const MAX_JOBS = 4;

export function screenHeader(header: Pick<MessageHeader, 'author' | 'subject'>): boolean {
  const { name, address } = parseAuthor(header.author ?? '');
  return screen({ fromAddress: address || undefined, fromName: name || undefined, subject: header.subject });
}

/** The engine's `hinted()` over the list fields Thunderbird gives: such messages are read as well. */
export function hintedHeader(header: Pick<MessageHeader, 'author' | 'subject'>): boolean {
  const { address } = parseAuthor(header.author ?? '');
  return hinted({ fromAddress: address || undefined, subject: header.subject });
}

/** The engine's worthReading() over Thunderbird's list fields (the author parsed once). */
function worthReadingHeader(header: Pick<MessageHeader, 'author' | 'subject'>): boolean {
  const { name, address } = parseAuthor(header.author ?? '');
  return worthReading({
    fromAddress: address || undefined,
    fromName: name || undefined,
    subject: header.subject,
  });
}

/** Which messages a sweep reads: the screen's candidates and hinted ones, or every message. */
export type SweepReach = 'candidates' | 'every';

class SweepJob {
  phase: SweepPhase = 'listing';
  total = 0;
  listed = 0;
  checked = 0;
  unreadable = 0;
  readonly rows: SweepRow[] = [];
  private readonly flood: FloodItem[] = [];
  private junkFolderName: string | undefined;
  /** The candidates, with the header the listing gave (the check needs no `messages.get`). */
  private readonly queue: MessageHeader[] = [];
  /** Sent folders and overrides, read once for the whole sweep when the first candidate is found. */
  private context: SweepContext | undefined;
  /** Index in `queue` of the next candidate to check. */
  private next = 0;
  private inFlight = 0;
  /** Settles when the last check started has finished: the next one's turn to decide. */
  private previous: Promise<unknown> = Promise.resolve();
  private listingDone = false;
  private listingEndedAt: number | undefined;
  private checkedAtListingEnd = 0;
  private error: string | undefined;
  private readonly started: number;
  private settle: (() => void) | undefined;
  readonly finished: Promise<void>;

  constructor(
    readonly id: string,
    readonly folder: SweepFolder | undefined,
    private readonly api: Messenger,
    private readonly checker: Checker,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly reach: SweepReach = 'candidates',
  ) {
    this.started = clock();
    this.finished = new Promise(resolve => (this.settle = resolve));
  }

  async run(): Promise<void> {
    if (!this.folder) {
      this.finish('done');
      return;
    }
    // The page names the folder its button moves to from the first poll, not only once a candidate
    // was checked ("Move 0 selected to Junk" on a Thunderbird whose folder is "Spam").
    void this.checker.junkFolderName(this.folder.accountId).then(name => {
      this.junkFolderName ??= name;
    });
    try {
      // query() rather than list(): list() hands out pages of 100 and waits 25 ms before each next
      // page (Thunderbird 153 ExtensionMessages.sys.mjs, MessageList.allowPagesToResolve): 5 s of
      // waiting alone for 20,000 messages. An empty query over one folder lists the same messages
      // in pages of our size.
      let page: MessageList | undefined = await this.api.messages.query({
        folderId: this.folder.id,
        messagesPerPage: LIST_PAGE,
        autoPaginationTimeout: 0,
      });
      while (page && this.phase === 'listing') {
        for (const message of page.messages) {
          if (this.reach === 'every' || worthReadingHeader(message)) {
            this.queue.push(message);
          }
        }
        this.listed += page.messages.length;
        this.pump();
        page =
          page.id && this.phase === 'listing' ? await this.api.messages.continueList(page.id) : undefined;
      }
    } catch (error) {
      this.error = String(error instanceof Error ? error.message : error);
      this.finish('failed');
      return;
    }
    this.listingDone = true;
    this.listingEndedAt = this.clock();
    this.checkedAtListingEnd = this.checked;
    this.total = Math.max(this.total, this.listed);
    if (this.phase === 'listing') {
      this.total = this.listed;
      this.phase = 'checking';
    }
    this.pump();
  }

  stop(): void {
    if (this.running) {
      this.finish('stopped');
    }
  }

  private finish(phase: SweepPhase): void {
    this.phase = phase;
    this.settle?.();
  }

  private get running(): boolean {
    return this.phase === 'listing' || this.phase === 'checking';
  }

  /** Starts checks up to the window; ends the job when everything is listed and checked. */
  private pump(): void {
    while (this.running && this.inFlight < IN_FLIGHT && this.next < this.queue.length) {
      const header = this.queue[this.next] as MessageHeader;
      const messageId = header.id;
      this.next += 1;
      this.inFlight += 1;
      // Each check may decide only after the one before it: the wave history sees folder order.
      const turn = this.previous;
      const bytes = readWithRetry(this.api, messageId, this.sleep);
      bytes.catch(() => undefined); // awaited by the check; one that fails earlier must not leave it unhandled
      this.context ??= this.checker.sweepContext();
      const check = checkRow(this.checker, messageId, { bytes, turn, header, context: this.context });
      // Settles after this check and every one before it, also when this one failed before its turn.
      this.previous = Promise.allSettled([turn, check]);
      void check
        .then(
          row => this.took(row),
          (error: unknown) => {
            console.warn('backscatter-guard: sweep could not check message', messageId, error);
            this.took(null);
          },
        )
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
    if (
      this.inFlight === 0 &&
      this.listingDone &&
      this.phase === 'checking' &&
      this.next >= this.queue.length
    ) {
      this.finish('done');
    }
  }

  private took(checked: CheckedRow | undefined | null): void {
    if (!this.running) {
      return; // stopped while this one was in flight: what was shown stays as it was
    }
    this.checked += 1;
    if (checked === null) {
      this.unreadable += 1;
    } else if (checked) {
      this.rows.push(checked.row);
      this.junkFolderName ??= checked.junkFolderName;
      if (checked.flood) {
        this.flood.push(checked.flood);
      }
    }
  }

  status(from: number): SweepStatus {
    const now = this.clock();
    return {
      sweepId: this.id,
      folder: this.folder,
      phase: this.phase,
      total: this.total,
      listed: this.listed,
      candidates: this.queue.length,
      checked: this.checked,
      rows: this.rows.slice(Math.max(0, from)),
      rowCount: this.rows.length,
      unreadable: this.unreadable,
      elapsedMs: now - this.started,
      listingMs: this.listingEndedAt === undefined ? undefined : this.listingEndedAt - this.started,
      remainingMs: this.remaining(now),
      ...(this.error ? { error: this.error } : {}),
      ...(this.junkFolderName !== undefined ? { junkFolderName: this.junkFolderName } : {}),
      ...(this.running ? {} : { flood: this.flood }),
    };
  }

  /**
   * Listing goes at a steady rate, so the rest of it takes what the part done took per message
   * (checks run alongside); once listing is over, the candidates left at the rate checked so far.
   */
  private remaining(now: number): number | undefined {
    if (!this.running) {
      return 0;
    }
    const elapsed = now - this.started;
    if (!this.listingDone) {
      return this.listed < 100 || this.total <= this.listed
        ? undefined
        : Math.round((elapsed * (this.total - this.listed)) / this.listed);
    }
    const checkingFor = now - (this.listingEndedAt ?? now);
    const checkedSince = this.checked - this.checkedAtListingEnd;
    return checkedSince <= 0 || checkingFor <= 0
      ? undefined
      : Math.round(((this.queue.length - this.checked) * checkingFor) / checkedSince);
  }
}

/**
 * getRaw over IMAP sometimes fails under load ("Error reading message", 5–10 of 606 in the 20k bench
 * on a busy machine) and works when asked again: two more tries, a moment apart.
 */
export async function readWithRetry(
  api: Messenger,
  messageId: MessageId,
  sleep: (ms: number) => Promise<void>,
): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readMessageBytes(api, messageId);
    } catch (error) {
      if (attempt >= READ_ATTEMPTS) {
        throw error;
      }
      await sleep(READ_RETRY_MS * attempt);
    }
  }
}

interface CheckedRow {
  row: SweepRow;
  /** Only when the message was decided (a verdict module is wired). */
  flood: FloodItem | undefined;
  /** The junk folder's name in the message's account, as the check found it. */
  junkFolderName: string | undefined;
}

/** One candidate → its row, `undefined` when it is not automated after all. */
async function checkRow(
  checker: Checker,
  messageId: MessageId,
  order?: SweepOrder,
): Promise<CheckedRow | undefined> {
  const result = await checker.check(messageId, order);
  if (!result.automated) {
    return undefined;
  }
  return {
    row: {
      messageId,
      headerMessageId: result.message.headerMessageId,
      subject: result.message.subject,
      author: result.message.author,
      kind: result.analysis.kind,
      verdict: result.verdict ?? 'none',
      userOverride: result.userOverride,
    },
    flood: result.decision ? { analysis: result.analysis, decision: result.decision } : undefined,
    junkFolderName: result.message.junkFolderName,
  };
}

export class Sweeper {
  private readonly jobs = new Map<string, SweepJob>();
  private counter = 0;

  constructor(
    private readonly api: Messenger,
    private readonly checker: Checker,
    private readonly clock: () => number,
    private readonly sleep: (ms: number) => Promise<void> = ms =>
      new Promise(resolve => setTimeout(resolve, ms)),
  ) {}

  /**
   * Starts a sweep of the folder, or of the displayed folder (the Inbox when none). `every` reads
   * every message, not only the candidates: what the bench compares the screened sweep with.
   */
  async start(folderId: string | undefined, reach: SweepReach = 'candidates'): Promise<SweepStatus> {
    const folder = await this.resolveFolder(folderId);
    this.counter += 1;
    const job = new SweepJob(
      `sweep-${this.clock()}-${this.counter}`,
      folder,
      this.api,
      this.checker,
      this.clock,
      this.sleep,
      reach,
    );
    this.jobs.set(job.id, job);
    for (const old of this.jobs.keys()) {
      if (this.jobs.size <= MAX_JOBS) {
        break;
      }
      this.jobs.get(old)?.stop();
      this.jobs.delete(old);
    }
    // The folder's count first, so the page never shows "0 of 0" while the listing starts.
    if (folder) {
      const info = await this.api.folders.getFolderInfo(folder.id).catch(() => undefined);
      job.total = info?.totalMessageCount ?? 0;
    }
    void job.run();
    return job.status(0);
  }

  poll(sweepId: string, from: number): SweepStatus | undefined {
    return this.jobs.get(sweepId)?.status(from);
  }

  stop(sweepId: string, from: number): SweepStatus | undefined {
    const job = this.jobs.get(sweepId);
    job?.stop();
    return job?.status(from);
  }

  /** For tests and the bench: resolves when the job has finished, stopped or failed. */
  finished(sweepId: string): Promise<void> {
    return this.jobs.get(sweepId)?.finished ?? Promise.resolve();
  }

  /**
   * Messages moved back by Undo have new ids: finds them in the folder by Message-ID and checks them
   * again, so the page can list them again. A message that shares the Message-ID and never left is
   * returned too; the page keeps the row it already has for that id.
   */
  async recheck(folderId: string, headerMessageIds: string[]): Promise<SweepRow[]> {
    const rows: SweepRow[] = [];
    const listed = new Set<MessageId>();
    let missing = [...new Set(headerMessageIds)];
    // On IMAP a message moved back shows up in the folder once Thunderbird has updated it, first as
    // a placeholder that cannot be read: seen in the real-window run, one of three restored
    // messages was missing from the list. Whatever is not found, or not readable yet, is asked for
    // again a moment later.
    for (let waited = 0; missing.length > 0; waited += RECHECK_POLL_MS) {
      const stillMissing: string[] = [];
      for (const headerMessageId of missing) {
        const ids = await this.find(folderId, headerMessageId);
        let complete = ids.length > 0;
        for (const id of ids.filter(found => !listed.has(found))) {
          // Read here so an empty read counts as not readable yet: right after an IMAP move back,
          // getRaw gave 0 bytes for a restored message with its real UID (real-window run, 153.8),
          // which the engine would take for "not automated" and the list would lose.
          const bytes = readMessageBytes(this.api, id).then(read => {
            if (read.length === 0) {
              throw new Error(`empty read of message ${id}`);
            }
            return read;
          });
          bytes.catch(() => undefined);
          const checked = await checkRow(this.checker, id, { bytes }).catch(() => null);
          if (checked === null) {
            complete = false;
          } else {
            listed.add(id);
            if (checked) {
              rows.push(checked.row);
            }
          }
        }
        if (!complete) {
          stillMissing.push(headerMessageId);
        }
      }
      missing = stillMissing;
      if (missing.length === 0 || waited >= RECHECK_WAIT_MS) {
        break;
      }
      await this.sleep(RECHECK_POLL_MS);
    }
    return rows;
  }

  private async find(folderId: string, headerMessageId: string): Promise<MessageId[]> {
    const ids: MessageId[] = [];
    let page: MessageList | undefined = await this.api.messages
      .query({ headerMessageId, folderId: [folderId] })
      .catch(() => undefined);
    while (page) {
      ids.push(...page.messages.map(message => message.id));
      page = page.id ? await this.api.messages.continueList(page.id) : undefined;
    }
    return ids;
  }

  private async resolveFolder(folderId: string | undefined): Promise<SweepFolder | undefined> {
    let folder: MailFolder | undefined = folderId
      ? (await this.api.folders.query({ folderId }).catch(() => []))[0]
      : undefined;
    if (!folder) {
      const current = await this.api.mailTabs.getCurrent().catch(() => undefined);
      folder = current?.displayedFolder;
    }
    if (!folder || folder.isRoot) {
      folder = (await this.api.folders.query({ specialUse: ['inbox'] }).catch(() => []))[0];
    }
    return folder
      ? { id: folder.id, name: folder.name ?? folder.path, accountId: folder.accountId }
      : undefined;
  }
}
