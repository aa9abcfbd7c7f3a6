// What learning from confirmed bounces (learnFromConfirmed, issue 9 §5) buys when there is no Sent
// folder to ask. Per persona, the profile is taught by the persona's bounces whose original's id is
// in its Sent folder; every other message is then decided with all lookups `unavailable` (Outlook
// without Graph, an unsynced Sent), once with the address-only profile and once with the taught one.
// The bounces learned from are not scored. Run: npx tsx shared/test/scenarios/learn-confirmed.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  analyze,
  decide,
  emptyProfile,
  learnFromConfirmed,
  lookupResult,
  unavailableLookups,
} from '../../src/index';
import type { Analysis, History, Profile } from '../../src/types';
import { loadPersona, readLabels, scenarioDir } from './evaluate';
import { PERSONAS } from './personas';

const WAVE: History = { automatedInWindow: 140, distinctRecipientDomains: 95, windowHours: 6 };

const rows = readLabels();
const analyses = new Map<string, Analysis>();
for (const r of rows) {
  analyses.set(
    r.file,
    await analyze(new Uint8Array(readFileSync(path.join(scenarioDir, 'messages', r.file)))),
  );
}

for (const learn of [false, true]) {
  let backscatter = 0;
  let caught = 0;
  let legitimate = 0;
  let wrong = 0;
  let decided = 0;
  let unsure = 0;
  const perPersona: string[] = [];
  for (const persona of PERSONAS) {
    const mail = loadPersona(persona.id);
    let profile: Profile = { ...emptyProfile([persona.address]), relays: [...persona.relays] };
    const mine = rows.filter(r => r.persona === persona.id);
    const taught = new Set<string>();
    if (learn) {
      for (const r of mine) {
        const a = analyses.get(r.file)!;
        const next = learnFromConfirmed(
          profile,
          a,
          r.sent === 'available' ? mail.sent.answer(a.lookups) : {},
        );
        if (next !== profile) {
          taught.add(r.file);
        }
        profile = next;
      }
    }
    let n = 0;
    let u = 0;
    for (const r of mine) {
      const a = analyses.get(r.file)!;
      const answers = r.sent === 'available' ? mail.sent.answer(a.lookups) : {};
      const isTeacher = a.lookups.some(
        l =>
          l.kind !== 'by-recipient' &&
          l.role === 'original' &&
          lookupResult(answers[l.messageId]) === 'found',
      );
      if (isTeacher) {
        continue; // scored neither way, so both runs score the same messages
      }
      const d = decide(a, profile, unavailableLookups(a.lookups), r.campaign ? WAVE : undefined);
      if (d.verdict === undefined) {
        continue;
      }
      decided++;
      n++;
      if (d.verdict === 'unsure') {
        unsure++;
        u++;
      }
      if (r.truth === 'backscatter') {
        backscatter++;
        caught += d.verdict === 'backscatter' ? 1 : 0;
      } else if (r.truth === 'legitimate') {
        legitimate++;
        wrong += d.verdict === 'backscatter' ? 1 : 0;
      }
    }
    perPersona.push(`${persona.id} ${((100 * u) / Math.max(1, n)).toFixed(0)}%`);
  }
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(
    `${learn ? 'taught by confirmed bounces' : 'address only'}: recall ${caught}/${backscatter} ${pct(caught, backscatter)}, ` +
      `unsure ${unsure}/${decided} ${pct(unsure, decided)}, legitimate called backscatter ${wrong}/${legitimate}; ` +
      `unsure per persona: ${perPersona.join(', ')}`,
  );
}
