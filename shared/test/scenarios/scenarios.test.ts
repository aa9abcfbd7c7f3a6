// The scenario harness: analyze → decide on every labelled message, as a shell would (profile learned
// from the persona's Sent folder, ids looked up there or `unavailable`), against the targets of the
// verdict issue. Labels say only the truth (did the persona send it?). Regenerate the set with
// `npx tsx shared/test/scenarios/generate.ts`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { evidenceKey } from '../../i18n/index';
import { analyze, decide, emptyProfile } from '../../src/index';
import { evaluate, type Outcome, readLabels, scenarioDir } from './evaluate';
import { bySide } from './method';
import { PERSONAS } from './personas';

const rows = readLabels();
let outcomes: Outcome[] = [];

beforeAll(async () => {
  outcomes = await evaluate(rows);
});

const legitimate = () => outcomes.filter(o => o.row.truth === 'legitimate');
const backscatter = () => outcomes.filter(o => o.row.truth === 'backscatter');
const describeRow = (o: Outcome) =>
  `${o.row.file}: ${String(o.decision.verdict)} [${o.decision.evidence.map(e => `${e.signal}:${e.direction}:${e.weight}`).join(' ')}]`;

describe('the set', () => {
  test('has at least 400 messages, 6 personas, and a row for every file and a file for every row', () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(new Set(rows.map(r => r.persona)).size).toBeGreaterThanOrEqual(6);
    const files = readdirSync(path.join(scenarioDir, 'messages')).sort();
    expect(files).toEqual(rows.map(r => r.file).sort());
  });

  test('wraps at least 8 different real bounces', () => {
    const real = rows
      .map(r => r.shell)
      .filter(s => s.startsWith('sisimai-') || s.startsWith('bounceparser-'));
    expect(new Set(real).size).toBeGreaterThanOrEqual(8);
  });

  test('every shell is in the repository', () => {
    for (const shell of new Set(rows.map(r => r.shell).filter(s => s !== '-' && !s.startsWith('written-')))) {
      expect(existsSync(path.join(scenarioDir, 'shells', shell)), shell).toBe(true);
    }
  });

  test('the engine finds the original that was put in (the set is what its labels say)', () => {
    const wrong = outcomes.filter(
      o => o.row.originalId !== '-' && o.analysis.original?.messageId !== o.row.originalId,
    );
    expect(wrong.map(o => `${o.row.file}: ${String(o.analysis.original?.messageId)}`)).toEqual([]);
  });

  test('hard negatives are ordinary mail', () => {
    const called = outcomes.filter(
      o => o.row.truth === 'none' && (o.analysis.kind !== 'other' || o.decision.verdict !== undefined),
    );
    expect(called.map(describeRow)).toEqual([]);
  });
});

describe('targets', () => {
  test('no legitimate message is called backscatter', () => {
    expect(
      legitimate()
        .filter(o => o.decision.verdict === 'backscatter')
        .map(describeRow),
    ).toEqual([]);
  });

  test('no message written by a person gets a verdict (forwarded bounces)', () => {
    const people = outcomes.filter(o => o.row.truth === 'person');
    expect(people.length).toBeGreaterThan(0);
    expect(people.filter(o => o.decision.verdict !== undefined).map(describeRow)).toEqual([]);
  });

  test('backscatter with nothing to check is never called legitimate', () => {
    const thin = backscatter().filter(o => o.row.category === 'forged-no-original');
    expect(thin.length).toBeGreaterThan(0);
    expect(thin.filter(o => o.decision.verdict === 'legitimate').map(describeRow)).toEqual([]);
  });

  // The goals hold on the frozen split, which calibration never sees (split.ts). Recall is a regression
  // floor, not the goal: the issue asks for 95%, measured 93.5% here (shared/src/verdict/README.md).
  test('frozen split: recall at least 92%', () => {
    const frozen = bySide(backscatter(), 'frozen');
    const hit = frozen.filter(o => o.decision.verdict === 'backscatter').length;
    expect(
      hit / frozen.length,
      frozen
        .filter(o => o.decision.verdict !== 'backscatter')
        .map(describeRow)
        .join('\n'),
    ).toBeGreaterThanOrEqual(0.92);
  });

  test('frozen split: at most 10% unsure overall and 12% for every persona', () => {
    const decided = bySide(outcomes, 'frozen').filter(
      o =>
        o.decision.verdict !== undefined && (o.row.truth === 'legitimate' || o.row.truth === 'backscatter'),
    );
    const rate = (set: Outcome[]) => set.filter(o => o.decision.verdict === 'unsure').length / set.length;
    expect(rate(decided)).toBeLessThanOrEqual(0.1);
    for (const persona of new Set(decided.map(o => o.row.persona))) {
      expect(rate(decided.filter(o => o.row.persona === persona)), persona).toBeLessThanOrEqual(0.12);
    }
  });

  test('every verdict carries evidence', () => {
    expect(
      outcomes
        .filter(o => o.decision.verdict !== undefined && o.decision.evidence.length === 0)
        .map(describeRow),
    ).toEqual([]);
  });

  test('every evidence and explanation key has English and German text', () => {
    const keys = new Set(
      outcomes.flatMap(o => [
        ...o.decision.evidence.map(evidenceKey),
        ...o.decision.explanation.flatMap(e => [e.key, `${e.key}.action`]),
      ]),
    );
    expect([...keys].filter(key => en[key] === undefined || de[key] === undefined)).toEqual([]);
  });

  test('legitimate bounces get an explanation for every failed recipient', () => {
    const missing = legitimate().filter(
      o =>
        o.decision.verdict === 'legitimate' &&
        o.analysis.kind === 'ndr' &&
        o.decision.explanation.length !== o.analysis.recipients.length,
    );
    expect(missing.map(describeRow)).toEqual([]);
  });
});

describe('without any Sent folder (not synced, nothing learned: only the user’s address)', () => {
  test('still no legitimate message is called backscatter', async () => {
    const wrong: string[] = [];
    for (const row of rows.filter(r => r.truth === 'legitimate')) {
      const persona = PERSONAS.find(p => p.id === row.persona)!;
      const analysis = await analyze(
        new Uint8Array(readFileSync(path.join(scenarioDir, 'messages', row.file))),
      );
      if (decide(analysis, emptyProfile([persona.address]), {}).verdict === 'backscatter') {
        wrong.push(row.file);
      }
    }
    expect(wrong).toEqual([]);
  });
});
