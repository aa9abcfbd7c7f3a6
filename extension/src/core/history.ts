// Counts recent automated mail so decide() can see a campaign: a forged-sender run produces many
// bounces for many unrelated domains in a few hours. What counts and how is the engine's rule
// (waveDomains, historyAt); this keeps the entries, in memory: an event-page restart only forgets the
// window, which makes the verdict more cautious, never less.
import {
  historyAt,
  waveDomains,
  type Analysis,
  type History,
  type WaveEntry,
} from '../../../shared/src/index';

const MAX_ENTRIES = 2000;

interface Seen extends WaveEntry {
  key: string;
}

export class AutomatedHistory {
  private entries: Seen[] = [];

  record(key: string, analysis: Analysis, now: number): void {
    const domains = waveDomains(analysis);
    if (domains === undefined || this.entries.some(entry => entry.key === key)) {
      return;
    }
    this.entries.push({ key, at: now, domains });
    if (this.entries.length > MAX_ENTRIES) {
      this.entries = this.entries.slice(-MAX_ENTRIES);
    }
  }

  snapshot(now: number): History {
    return historyAt(this.entries, now);
  }
}
