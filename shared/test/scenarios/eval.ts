// `npm run eval`: the verdict's figures against the goals, in one table. On the frozen split
// (never tuned on), the tuning split and the real corpus (test/corpus: real bounces of mail that was
// really sent, so every "backscatter" there is a mistake); with the persona's Sent folder, and without
// any (Sent `unavailable`, nothing learned). `--markdown` prints the README table.
import {
  corpusSide,
  type CorpusOutcome,
  type Figures,
  bySide,
  corpusOutcomes,
  figures,
  recall,
  scenarioOutcomes,
  truthVerdict,
  unsureRate,
  writeReadmeBlock,
} from './method';
import type { Outcome } from './evaluate';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const write = process.argv.includes('--write');
const markdown = write || process.argv.includes('--markdown');
const printed: string[] = [];
const log = (text: string) => {
  printed.push(text);
  if (!write) {
    console.log(text);
  }
};

function line(name: string, f: Figures): string[] {
  return [
    name,
    String(f.messages),
    `${f.legitimateCalledBackscatter} of ${f.legitimate}`,
    `${f.personCalledBackscatter} of ${f.person}`,
    `${pct(recall(f))} (${f.backscatterCaught}/${f.backscatter})`,
    `${pct(unsureRate(f))} (${f.unsure}/${f.decided})`,
  ];
}

function print(title: string, rows: string[][]): void {
  const head = ['set', 'messages', 'legitimate → backscatter', 'person → backscatter', 'recall', 'unsure'];
  if (markdown) {
    log(`\n**${title}**\n`);
    log(`| ${head.join(' | ')} |`);
    log(`|${head.map(() => ' --- ').join('|')}|`);
    for (const r of rows) {
      log(`| ${r.join(' | ')} |`);
    }
    return;
  }
  log(`\n== ${title}`);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  log(fmt(head));
  for (const r of rows) {
    log(fmt(r));
  }
}

function perPersona(outcomes: readonly Outcome[]): string[][] {
  const personas = [...new Set(outcomes.map(o => o.row.persona))].sort();
  return personas.map(p =>
    line(
      markdown ? `↳ ${p}` : `  ${p}`,
      figures(outcomes.filter(o => o.row.persona === p).map(truthVerdict)),
    ),
  );
}

function corpusLine(name: string, c: readonly CorpusOutcome[]): string[] {
  const f = figures(c.map(o => ({ truth: 'legitimate' as const, verdict: o.decision.verdict })));
  return line(`real corpus, ${name} (no Sent)`, f);
}

const withSent = await scenarioOutcomes('sent');
const noSent = await scenarioOutcomes('no-sent');
const corpus = await corpusOutcomes();

for (const side of ['frozen', 'tuning'] as const) {
  const s = bySide(withSent, side);
  const n = bySide(noSent, side);
  print(`${side} split`, [
    line('with Sent folder', figures(s.map(truthVerdict))),
    ...perPersona(s),
    line('no Sent folder', figures(n.map(truthVerdict))),
    ...perPersona(n),
  ]);
}
print('real corpus', [
  corpusLine('frozen half', corpusSide(corpus, 'frozen')),
  corpusLine('tuning half', corpusSide(corpus, 'tuning')),
  corpusLine('all', corpus),
]);
const called = corpus.filter(o => o.decision.verdict === 'backscatter').map(o => o.file);
if (called.length > 0) {
  log(`real corpus called backscatter: ${called.join(', ')}`);
}

if (write) {
  writeReadmeBlock('eval', 'Measured', printed.join('\n').trim());
}
