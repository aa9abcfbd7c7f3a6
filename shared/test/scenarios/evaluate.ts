// Runs analyze → decide over the scenario set exactly as a shell would: the profile is learned from the
// persona's Sent folder (sent/<persona>/), the original's ids are looked up in that folder (or are all
// `unavailable` when the label says the Sent folder could not be searched), and a campaign label
// becomes a History of a backscatter wave. Shared by the harness test and the report script.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  SentIndex,
  analyze,
  decide,
  learnProfileFromSummaries,
  summarizeHeaders,
  unavailableLookups,
} from '../../src/index';
import type { Analysis, Decision, History, Profile } from '../../src/types';
import { type Redecidable, withCoArrival } from './coarrival';
import { PERSONAS } from './personas';

export const scenarioDir = import.meta.dirname;

export interface Row {
  file: string;
  persona: string;
  truth: 'backscatter' | 'legitimate' | 'person' | 'none';
  category: string;
  sent: 'available' | 'unavailable';
  campaign: boolean;
  shell: string;
  originalId: string;
}

export interface Outcome {
  row: Row;
  analysis: Analysis;
  decision: Decision;
}

export function readLabels(): Row[] {
  const [header, ...lines] = readFileSync(path.join(scenarioDir, 'labels.tsv'), 'utf8').trimEnd().split('\n');
  const names = header!.split('\t');
  return lines.map(line => {
    const cells = Object.fromEntries(line.split('\t').map((v, i) => [names[i]!, v]));
    return { ...cells, campaign: cells['campaign'] === 'yes' } as unknown as Row;
  });
}

export interface PersonaMail {
  profile: Profile;
  /** The persona's Sent folder, as the shells index it (ids and by-recipient lookups). */
  sent: SentIndex;
}

export function loadPersona(id: string): PersonaMail {
  const persona = PERSONAS.find(p => p.id === id);
  if (persona === undefined) {
    throw new Error(`unknown persona ${id}`);
  }
  const dir = path.join(scenarioDir, 'sent', id);
  const sent = readdirSync(dir)
    .sort()
    .map(f => new Uint8Array(readFileSync(path.join(dir, f))));
  const summaries = sent.map(b => summarizeHeaders(b));
  const profile = learnProfileFromSummaries(summaries, [persona.address], { relays: persona.relays });
  return { profile, sent: new SentIndex(summaries) };
}

const WAVE: History = { automatedInWindow: 140, distinctRecipientDomains: 95, windowHours: 6 };

/** The recent automated mail a shell would count around this message (labels.tsv `campaign`). */
export function historyFor(row: Row): History | undefined {
  return row.campaign ? WAVE : undefined;
}

export async function evaluate(rows: readonly Row[]): Promise<Outcome[]> {
  const personas = new Map<string, PersonaMail>();
  const out: Redecidable[] = [];
  for (const row of rows) {
    let mail = personas.get(row.persona);
    if (mail === undefined) {
      mail = loadPersona(row.persona);
      personas.set(row.persona, mail);
    }
    const analysis = await analyze(
      new Uint8Array(readFileSync(path.join(scenarioDir, 'messages', row.file))),
    );
    const lookups =
      row.sent === 'unavailable' ? unavailableLookups(analysis.lookups) : mail.sent.answer(analysis.lookups);
    const history = historyFor(row);
    const decision = decide(analysis, mail.profile, lookups, history);
    out.push({ row, analysis, decision, profile: mail.profile, lookups, history });
  }
  // Second pass: co-arrival, from the first pass's own verdicts (coarrival.ts).
  return withCoArrival(out);
}
