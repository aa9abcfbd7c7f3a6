// The shell's part for a scenario: learn the profile from Sent, answer the lookups from it, count the
// wave each message arrived in, analyse and decide every message: what a folder sweep does.
import {
  SentIndex,
  analyze,
  decide,
  historyAt,
  learnProfile,
  summarizeHeaders,
  waveDomains,
  type Lookups,
  type Profile,
  type WaveEntry,
} from '../../src/index';
import type { FloodItem } from '../../src/flood/types';
import type { Scenario, Truth } from './scenario';

export interface Decided {
  items: FloodItem[];
  truths: Truth[];
  profile: Profile;
}

export async function decideScenario(s: Scenario): Promise<Decided> {
  const profile = learnProfile(s.sent, [s.persona.address], { relays: s.persona.relays });
  // The engine's own Sent index, as every shell answers lookups (ids and by-recipient windows).
  const sent = new SentIndex(s.sent.map(b => summarizeHeaders(b)));
  const analyses = await Promise.all(s.messages.map(m => analyze(m.bytes)));
  const wave: WaveEntry[] = [];
  analyses.forEach((a, i) => {
    const domains = waveDomains(a);
    if (domains !== undefined) {
      wave.push({ at: s.messages[i]!.arrived, domains });
    }
  });
  const items = analyses.map((analysis, i): FloodItem => {
    const lookups: Lookups = sent.answer(analysis.lookups);
    const at = s.messages[i]!.arrived;
    return {
      analysis,
      decision: decide(analysis, profile, lookups, historyAt(wave, at)),
      arrived: at,
    };
  });
  return { items, truths: s.messages.map(m => m.truth), profile };
}
