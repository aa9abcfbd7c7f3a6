// Learns the user's sending profile once (identities + a sample of Sent headers) and caches it in
// storage.local; the options page shows it and can reset it. Relearned after a week, or when the
// user changes addresses or relays (saving them marks it stale: Store.markProfileStale). Bounces whose original is found in
// Sent teach it the user's route too (confirm(), issue 9 §5); those facts (profile.confirmed) are
// stored with it and carried over every relearn.
import {
  lookupResult,
  type Analysis,
  type Lookups,
  type OriginalMessage,
  type Profile,
} from '../../../shared/src/index';
import type { Messenger } from '../thunderbird/api';
import { ownAddresses } from '../thunderbird/identities';
import { readMessageBytes } from '../thunderbird/read-message';
import { listSentFolders } from '../thunderbird/sent-folders';
import type { VerdictEngine } from './engine';
import type { Store } from './settings';

const MAX_AGE_MS = 7 * 24 * 3600_000;
/** Enough messages to see the user's Message-ID shape, mailer and relays; each costs one getRaw. */
const SAMPLE_PER_FOLDER = 25;

export class ProfileCache {
  private pending: Promise<Profile> | undefined;

  constructor(
    private readonly api: Messenger,
    private readonly engine: VerdictEngine,
    private readonly summarize: (bytes: Uint8Array) => OriginalMessage,
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async get(): Promise<Profile> {
    const stored = await this.store.profile();
    if (stored && this.now() - stored.learnedAt < MAX_AGE_MS && stored.profile.sampleSize > 0) {
      return stored.profile;
    }
    this.pending ??= this.learn().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /**
   * A checked bounce: if its original was found in Sent, what it shows about the user's route is kept.
   * A profile not worth caching yet (no Sent sample) is stored as stale, so the next get() relearns
   * from Sent and carries these facts over.
   */
  async confirm(analysis: Analysis, lookups: Lookups): Promise<void> {
    if (!Object.values(lookups).some(answer => lookupResult(answer) === 'found')) {
      return; // the common case: nothing in Sent, nothing to learn (and no storage read)
    }
    const current = await this.get();
    const next = this.engine.learnFromConfirmed(current, analysis, lookups);
    if (next === current) {
      return;
    }
    const stored = await this.store.profile();
    const fresh = stored !== undefined && stored.profile.sampleSize > 0 && next.sampleSize > 0;
    await this.store.saveProfile({ profile: next, learnedAt: fresh ? stored.learnedAt : 0 });
  }

  private async learn(): Promise<Profile> {
    const settings = await this.store.settings();
    const addresses = await ownAddresses(this.api, settings.extraAddresses);
    const folders = (await listSentFolders(this.api)).filter(folder => folder.searchable);
    const sent = [];
    for (const folder of folders) {
      const page = await this.api.messages.list(folder.id).catch(() => ({ id: null, messages: [] }));
      for (const message of page.messages.slice(0, SAMPLE_PER_FOLDER)) {
        const bytes = await readMessageBytes(this.api, message.id).catch(() => undefined);
        if (bytes) {
          sent.push(this.summarize(bytes));
        }
      }
    }
    // Read last: a bounce confirmed while the sample was being read is kept too.
    const confirmed = (await this.store.profile())?.profile.confirmed;
    const profile = this.engine.learnProfile({
      addresses,
      sent,
      trustedRelays: settings.trustedRelays,
      confirmed,
    });
    // An unsynced Sent folder gives a profile of identities only: do not cache it for a week (stored
    // stale when it carries confirmed facts, so they are not lost).
    if (profile.sampleSize > 0 || confirmed !== undefined) {
      await this.store.saveProfile({ profile, learnedAt: profile.sampleSize > 0 ? this.now() : 0 });
    }
    return profile;
  }
}
