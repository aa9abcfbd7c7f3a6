// Hand-made flood reports and items for tests (the export's, the component's, the shells'): plain data,
// no mail to read, so they work in any test environment.
import type { Decision, Verdict } from '../types';
import { analysis as sampleAnalysis } from '../verdict/testing';
import type { FloodItem, FloodReport } from './types';

export const SAMPLE_START = Date.UTC(2026, 11, 3, 10);
const HOUR = 3_600_000;

export interface SampleOptions {
  /** Backscatter per hour, then real bounces per hour (same length or shorter). */
  backscatter?: readonly number[];
  legitimate?: readonly number[];
  subject?: string;
  host?: string;
  claimed?: string;
  admin?: FloodReport['admin'];
}

export function sampleReport(o: SampleOptions = {}): FloodReport {
  const back = o.backscatter ?? [2];
  const legit = o.legitimate ?? [];
  const buckets = back.map((n, i) => ({
    start: SAMPLE_START + i * HOUR,
    backscatter: n,
    legitimate: legit[i] ?? 0,
    unsure: 0,
  }));
  const b = back.reduce((x, y) => x + y, 0);
  const l = legit.reduce((x, y) => x + y, 0);
  const peak = buckets.reduce((best, x) =>
    x.backscatter + x.legitimate > best.backscatter + best.legitimate ? x : best,
  );
  return {
    total: b + l + 1,
    automated: b + l,
    verdicts: { backscatter: b, legitimate: l, unsure: 0 },
    kinds: { ndr: { backscatter: b, legitimate: l, unsure: 0 } },
    first: SAMPLE_START,
    last: SAMPLE_START + (back.length - 1) * HOUR,
    timeline: {
      unit: 'hour',
      utcOffsetMinutes: 0,
      buckets,
      peak: { start: peak.start, count: peak.backscatter + peak.legitimate, backscatter: peak.backscatter },
      undated: 0,
    },
    campaign: {
      messages: b,
      subjects: [{ text: o.subject ?? 'Cheap meds', count: b }],
      distinctSubjects: 1,
      bouncingDomains: b,
      entryHosts: [
        {
          host: o.host ?? '192.0.2.1',
          ip: '192.0.2.1',
          claimed: o.claimed ?? 'example.org',
          count: b,
          botLike: true,
        },
      ],
      distinctEntryHosts: 1,
      botEntries: b,
      traced: b,
    },
    answer: {
      id: 'forged',
      params: { count: b },
      evidence: [{ id: 'not-in-sent', params: { count: b, total: b } }],
      notes: [],
      accountMessageIds: [],
    },
    domain: {
      domain: 'example.org',
      kind: 'own',
      provider: undefined,
      dmarc: { policy: 'none', seen: b, counts: { none: b }, failed: b },
      spf: { result: 'softfail', seen: b },
      dkim: { realMailSignedBy: ['example.org'], forgedPassed: 0 },
      steps: [{ id: 'dmarc-none-to-reject', params: { domain: 'example.org' } }],
    },
    relays: ['mail.example.org'],
    admin: o.admin ?? [],
  };
}

/** A decided bounce without an original, addressed to `to`. */
export function sampleItem(verdict: Verdict, to: string, arrived = SAMPLE_START): FloodItem {
  const analysis = sampleAnalysis({ to: [{ name: undefined, address: to }] });
  const decision: Decision = { verdict, confidence: 0.9, evidence: [], explanation: [] };
  return { analysis, decision, arrived };
}
