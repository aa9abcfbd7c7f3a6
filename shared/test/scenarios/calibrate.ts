// `npm run calibrate`: sets the verdict's weights from measured separation, on the tuning split only
// (never the frozen one, split.ts). For every weight in thresholds.ts it counts, over the tuning split's
// labelled bounces decided as a shell would, how often the evidence that weight scores fires on forged
// (backscatter) and on genuine (legitimate) mail, and turns that into points: log2 of the likelihood
// ratio toward the evidence's own direction (Laplace-smoothed), in quarter points, at most 3.5 so that
// no single item other than the Sent folder can decide. Evidence never seen on the tuning split keeps
// its prior and says so. The backscatter threshold is then the smallest that keeps every genuine
// message of the tuning split below it, with a margin of one point, and never below 4.
// Writes shared/src/verdict/calibration.json (the numbers, read by thresholds.ts), calibration-sources.json
// (the one-line source of each) and the README's table, and prints the table.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { WEIGHTS } from '../../src/verdict/thresholds';
import { weigh } from '../../src/verdict/decide';
import { readLabels } from './evaluate';
import { bySide, corpusOutcomes, corpusSide, scenarioOutcomes, writeReadmeBlock } from './method';

/** Weights that are policy, not measurement: the Sent folder's and the user's own server's word. */
const POLICY: Record<string, string> = {
  sentFound: 'policy: the original is in Sent, the user sent it (decides alone)',
  replyFound: 'policy: the answered message (In-Reply-To) is in Sent (decides alone)',
  entryOwnSubmission: 'policy: the user’s own server took it from the user’s account (decides alone)',
};
const CAP = 3.5;
/** Points the backscatter threshold keeps above the worst genuine tuning message. */
const MARGIN = 0.25;

const weights = WEIGHTS as unknown as Record<string, number>;
const names = Object.keys(weights);
const prior = { ...weights };
// Probe: give every weight a value no other weight has, so each piece of evidence names its weight.
names.forEach((name, i) => {
  weights[name] = 1000 + i;
});
const rows = bySide(await scenarioOutcomes('sent', readLabels()), 'tuning');
const nameOf = (w: number) =>
  Number.isInteger(w) && w >= 1000 && w < 1000 + names.length ? names[w - 1000] : undefined;

// Real genuine mail: the tuning half of test/corpus, each bounce the addressee's own, no Sent folder.
const real = corpusSide(await corpusOutcomes(), 'tuning');

const fired = new Map<string, { forged: number; genuine: number; real: number; direction: string }>();
const forged = rows.filter(o => o.row.truth === 'backscatter');
const genuine = rows.filter(o => o.row.truth === 'legitimate');
const count = (
  evidence: readonly { weight: number; direction: string }[],
  side: 'forged' | 'genuine' | 'real',
) => {
  for (const name of new Set(evidence.map(e => nameOf(e.weight)).filter(n => n !== undefined))) {
    const e = evidence.find(x => nameOf(x.weight) === name)!;
    const f = fired.get(name) ?? { forged: 0, genuine: 0, real: 0, direction: e.direction };
    f[side]++;
    fired.set(name, f);
  }
};
for (const o of forged) {
  count(o.decision.evidence, 'forged');
}
for (const o of genuine) {
  count(o.decision.evidence, 'genuine');
}
for (const o of real) {
  count(o.decision.evidence, 'real');
}

interface Measured {
  points: number;
  source: string;
}
const out: Record<string, Measured> = {};
const quarter = (x: number) => Math.round(x * 4) / 4;
for (const name of names) {
  const f = fired.get(name);
  if (POLICY[name] !== undefined) {
    out[name] = { points: prior[name]!, source: POLICY[name] };
    continue;
  }
  if (f === undefined || f.forged + f.genuine + f.real === 0) {
    // No points written: thresholds.ts keeps its prior.
    out[name] = { points: Number.NaN, source: 'prior: never fired on the tuning split' };
    continue;
  }
  const pForged = (f.forged + 0.5) / (forged.length + 1);
  // Backscatter evidence: the genuine rate is the larger of the scenario set's and real mail's, since
  // a generator cannot know how often real genuine mail shows it (the cheap side to be wrong on).
  const pGenuine = Math.max(
    (f.genuine + 0.5) / (genuine.length + 1),
    f.direction === 'backscatter' ? (f.real + 0.5) / (real.length + 1) : 0,
  );
  const ratio = f.direction === 'backscatter' ? pForged / pGenuine : pGenuine / pForged;
  const points = Math.min(CAP, Math.max(0.25, quarter(Math.log2(ratio))));
  out[name] = {
    points,
    source: `${f.direction}: fires on ${f.forged}/${forged.length} forged, ${f.genuine}/${genuine.length} genuine scenarios, ${f.real}/${real.length} real bounces (tuning); log2 LR ${Math.log2(ratio).toFixed(2)}`,
  };
}

// The thresholds, from the calibrated weights: re-weigh every tuning message's evidence.
names.forEach(name => {
  weights[name] = Number.isNaN(out[name]!.points) ? prior[name]! : out[name]!.points;
});
const reweighed = await scenarioOutcomes('sent', readLabels());
const realReweighed = corpusSide(await corpusOutcomes(), 'tuning');
let worstGenuine = -Infinity;
for (const o of [
  ...bySide(reweighed, 'tuning').filter(o => o.row.truth === 'legitimate'),
  ...realReweighed,
]) {
  let back = 0;
  let legit = 0;
  for (const e of o.decision.evidence) {
    back += e.direction === 'backscatter' ? e.weight : 0;
    legit += e.direction === 'legitimate' ? e.weight : 0;
  }
  if (weigh(o.decision.evidence.map(e => ({ ...e }))).verdict !== 'legitimate') {
    worstGenuine = Math.max(worstGenuine, back - legit);
  }
}
const backscatter = Math.max(4, quarter(worstGenuine) + MARGIN);

const dir = path.resolve(import.meta.dirname, '../../src/verdict');
const thresholdSource = `largest raw margin of a genuine tuning message not decided legitimate: ${worstGenuine.toFixed(2)}, plus ${MARGIN}, at least 4`;
const tuning = { forged: forged.length, genuine: genuine.length, realBounces: real.length };
const generated =
  'Written by `npm run calibrate` (shared/test/scenarios/calibrate.ts) from the tuning split only. Do not edit by hand.';
// The numbers the engine reads (thresholds.ts), and apart from them the one-line source of each: the
// engine ships in the shells' bundles, the prose is for the README and reviews (issue 12: the Outlook
// pane carried ~2 KB gzip of it). NaN (never fired) is written as null: thresholds.ts then keeps its prior.
const json = {
  '//': `${generated} Sources: calibration-sources.json.`,
  tuning,
  thresholds: { backscatter },
  weights: Object.fromEntries(names.map(name => [name, out[name]!.points])),
};
const sources = {
  '//': generated,
  tuning,
  thresholds: { backscatter: thresholdSource },
  weights: Object.fromEntries(names.map(name => [name, out[name]!.source])),
};
const write = (file: string, value: unknown) =>
  writeFileSync(
    path.join(dir, file),
    `${JSON.stringify(value, (_k, v: unknown) => (Number.isNaN(v) ? null : v), 2)}\n`,
  );
write('calibration.json', json);
write('calibration-sources.json', sources);
for (const name of names) {
  console.log(
    `${name.padEnd(26)} ${String(prior[name]).padStart(5)} → ${String(out[name]!.points).padStart(5)}  ${out[name]!.source}`,
  );
}
console.log(`backscatter threshold → ${backscatter}`);

// The README's weights table, from the same numbers (shared/src/verdict/README.md, between markers).
const table = [
  `Backscatter threshold: ${backscatter} points (${thresholdSource}). Tuning split: ${forged.length} forged, ${genuine.length} genuine scenarios, ${real.length} real bounces. Generated by \`npm run calibrate\`.`,
  '',
  '| weight | points | source |',
  '| --- | --- | --- |',
  ...names.map(name => {
    const m = out[name]!;
    return `| ${name} | ${Number.isNaN(m.points) ? `${prior[name]} (prior)` : m.points} | ${m.source} |`;
  }),
].join('\n');
writeReadmeBlock('weights', 'Weights', table);
