// Counts recent automated mail so decide() can see a campaign: a forged-sender run produces many
// bounces for many unrelated domains in a few hours. Kept in memory: an event-page restart only
// forgets the window, which makes the verdict more cautious, never less.
import type { Analysis, History } from '../../../shared/src/index';

const WINDOW_HOURS = 24;
const MAX_ENTRIES = 2000;

interface Seen {
  key: string;
  at: number;
  domains: string[];
}

export class AutomatedHistory {
  private entries: Seen[] = [];

  record(key: string, analysis: Analysis, now: number): void {
    if (this.entries.some(entry => entry.key === key)) {
      return;
    }
    const domains = analysis.recipients
      .map(recipient => recipient.address.split('@').pop() ?? '')
      .filter(Boolean);
    this.entries.push({ key, at: now, domains });
    if (this.entries.length > MAX_ENTRIES) {
      this.entries = this.entries.slice(-MAX_ENTRIES);
    }
  }

  snapshot(now: number): History {
    const since = now - WINDOW_HOURS * 3600_000;
    const recent = this.entries.filter(entry => entry.at >= since);
    return {
      automatedInWindow: recent.length,
      distinctRecipientDomains: new Set(recent.flatMap(entry => entry.domains)).size,
      windowHours: WINDOW_HOURS,
    };
  }
}
