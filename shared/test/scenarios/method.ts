// The measurements behind the verdict's numbers (verdict issue, "How to set the numbers"): run the
// scenario set on either side of the frozen split and the real corpus, with and without a Sent folder,
// and count what the goals count. Shared by `npm run eval`, `npm run calibrate` and the
// ablation report, so the three always measure the same thing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, decide, emptyProfile } from '../../src/index';
import type { Analysis, Decision, Evidence, Verdict } from '../../src/types';
import { type Outcome, type Row, evaluate, historyFor, readLabels, scenarioDir } from './evaluate';
import { type Redecidable, withCoArrival } from './coarrival';
import { PERSONAS } from './personas';
import { type Side, heldOutCorpusFile, sideOf } from './split';

export type Mode = 'sent' | 'no-sent';

/** The scenario set, every row, decided as a shell would (`sent`) or with no Sent folder and no profile. */
export async function scenarioOutcomes(mode: Mode, rows: readonly Row[] = readLabels()): Promise<Outcome[]> {
  if (mode === 'sent') {
    return evaluate(rows);
  }
  const out: Redecidable[] = [];
  for (const row of rows) {
    const persona = PERSONAS.find(p => p.id === row.persona)!;
    const analysis = await analyze(
      new Uint8Array(readFileSync(path.join(scenarioDir, 'messages', row.file))),
    );
    // No Sent folder (Outlook without Graph, Outlook.com): nothing learned, every lookup unavailable.
    const profile = emptyProfile([persona.address]);
    const history = historyFor(row);
    out.push({
      row,
      analysis,
      decision: decide(analysis, profile, {}, history),
      profile,
      lookups: {},
      history,
    });
  }
  return withCoArrival(out);
}

export interface CorpusOutcome {
  file: string;
  analysis: Analysis;
  decision: Decision;
}

const corpus = path.resolve(scenarioDir, '../../../test/corpus');

/** Every real bounce in test/corpus, as the bounce's addressee's own, with no Sent folder. */
export async function corpusOutcomes(): Promise<CorpusOutcome[]> {
  const out: CorpusOutcome[] = [];
  for (const dir of ['sisimai/maildir/bsd', 'bounceparser']) {
    for (const f of readdirSync(path.join(corpus, dir)).filter(f => f !== 'LICENSE')) {
      const analysis = await analyze(new Uint8Array(readFileSync(path.join(corpus, dir, f))));
      const decision = decide(analysis, emptyProfile(analysis.to.map(m => m.address)), {});
      out.push({ file: `${dir}/${f}`, analysis, decision });
    }
  }
  return out;
}

export interface Figures {
  messages: number;
  legitimate: number;
  legitimateCalledBackscatter: number;
  person: number;
  personCalledBackscatter: number;
  /** Person-written mail that got any verdict at all (it must get none). */
  personWithVerdict: number;
  backscatter: number;
  backscatterCaught: number;
  /** Of messages with a verdict whose truth is backscatter or legitimate. */
  decided: number;
  unsure: number;
}

export const recall = (f: Figures): number => (f.backscatter === 0 ? 1 : f.backscatterCaught / f.backscatter);
export const unsureRate = (f: Figures): number => (f.decided === 0 ? 0 : f.unsure / f.decided);

export function figures(items: readonly { truth: Row['truth']; verdict: Verdict | undefined }[]): Figures {
  const f: Figures = {
    messages: items.length,
    legitimate: 0,
    legitimateCalledBackscatter: 0,
    person: 0,
    personCalledBackscatter: 0,
    personWithVerdict: 0,
    backscatter: 0,
    backscatterCaught: 0,
    decided: 0,
    unsure: 0,
  };
  for (const { truth, verdict } of items) {
    if (truth === 'legitimate') {
      f.legitimate++;
      f.legitimateCalledBackscatter += verdict === 'backscatter' ? 1 : 0;
    } else if (truth === 'backscatter') {
      f.backscatter++;
      f.backscatterCaught += verdict === 'backscatter' ? 1 : 0;
    } else if (truth === 'person') {
      f.person++;
      f.personCalledBackscatter += verdict === 'backscatter' ? 1 : 0;
      f.personWithVerdict += verdict === undefined ? 0 : 1;
    }
    if ((truth === 'legitimate' || truth === 'backscatter') && verdict !== undefined) {
      f.decided++;
      f.unsure += verdict === 'unsure' ? 1 : 0;
    }
  }
  return f;
}

export const bySide = <T extends { row: Row }>(outcomes: readonly T[], side: Side): T[] =>
  outcomes.filter(o => sideOf(o.row) === side);

export const truthVerdict = (o: Outcome) => ({ truth: o.row.truth, verdict: o.decision.verdict });

/** Evidence with one signal's items taken out, for the ablation report. */
export const without = (evidence: readonly Evidence[], signal: string): Evidence[] =>
  evidence.filter(e => e.signal !== signal).map(e => ({ ...e }));

export const corpusSide = (outcomes: readonly CorpusOutcome[], side: Side): CorpusOutcome[] =>
  outcomes.filter(o => heldOutCorpusFile(o.file) === (side === 'frozen'));

/**
 * Replaces the block between `<!-- NAME:start -->` and `<!-- NAME:end -->` in shared/src/verdict/README.md
 * (appended under `heading` when the markers are missing), so the README's tables are the scripts' output.
 */
export function writeReadmeBlock(name: string, heading: string, content: string): void {
  const readme = path.resolve(scenarioDir, '../../src/verdict/README.md');
  const text = readFileSync(readme, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const block = `${start}\n\n${content}\n\n${end}`;
  writeFileSync(
    readme,
    i === -1 || j === -1
      ? `${text.trimEnd()}\n\n## ${heading}\n\n${block}\n`
      : text.slice(0, i) + block + text.slice(j + end.length),
  );
}
