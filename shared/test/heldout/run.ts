// Held-out measure: bounce and ordinary mail from public projects' test sets that this team never wrote
// (issue 10). Measured once before any change (README.md, "before"); issue 10's fixes were then made from
// its misses, so from then on it guards against regressions rather than measuring unseen mail. The messages stay outside the repository (README.md says which
// repositories and commits, and how to rebuild the set); this script and the expectation table
// (expected.tsv: project/file → expected kind → where the expectation comes from) are all we keep.
//
//   npx tsx shared/test/heldout/run.ts /tmp/heldout/sets [--expected FILE] [--json OUT.json] [--misses]
//
// DIR holds one folder per project. A file that is an mbox (a "From " line first) is split as the CLI
// splits it; each of its messages is reported as FILE#n. Prints per project: messages, kind counts, how
// many read as automated, how many as the expected kind, and ordinary mail read as automated; where a
// project's own tests name the failed recipients (expected-recipients.tsv), how many sets are equal.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AUTOMATED_KINDS, analyze } from '../../src/index';
import type { MessageKind } from '../../src/types';
import {
  EXPECTED_TSV,
  type Expectation,
  addressSet,
  heldoutMessages,
  pct,
  printTable,
  projectsOf,
  readExpectations,
  readRecipients,
  sameSet,
  setsArgs,
} from './sets';

interface Result {
  id: string;
  project: string;
  kind: MessageKind;
  recipients: string[];
  format: string | undefined;
  mta: string | undefined;
  expected: Expectation | undefined;
}

async function main(): Promise<void> {
  const args = setsArgs('run.ts DIR [--expected FILE] [--json OUT.json] [--misses]', ['expected', 'json']);
  const expectedFile = args.values['expected'] ?? EXPECTED_TSV;
  const table = readExpectations(expectedFile);
  const recipientTable = readRecipients(path.join(path.dirname(expectedFile), 'expected-recipients.tsv'));
  const results: Result[] = [];
  const projects = projectsOf(args.dir);
  for (const { id, project, bytes } of heldoutMessages(args.dir, projects)) {
    const a = await analyze(bytes);
    results.push({
      id,
      project,
      kind: a.kind,
      recipients: addressSet(a.recipients.map(r => r.address)),
      format: a.format,
      mta: a.mta,
      expected: table.get(id),
    });
  }

  const automated = (k: MessageKind): boolean => AUTOMATED_KINDS.includes(k);
  const rows: string[][] = [
    [
      'project',
      'messages',
      'kinds',
      'automated',
      'with expectation',
      'kind as expected',
      'ordinary → automated',
    ],
  ];
  const summarise = (label: string, rs: Result[]): void => {
    const kinds = new Map<string, number>();
    for (const r of rs) {
      kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    }
    const withExp = rs.filter(r => r.expected !== undefined);
    const right = withExp.filter(r => r.expected!.kind === r.kind);
    const ordinary = withExp.filter(r => r.expected!.kind === 'other');
    const wrongAuto = ordinary.filter(r => automated(r.kind));
    rows.push([
      label,
      String(rs.length),
      [...kinds].map(([k, n]) => `${k} ${n}`).join(', '),
      String(rs.filter(r => automated(r.kind)).length),
      String(withExp.length),
      `${right.length} (${pct(right.length, withExp.length)})`,
      `${wrongAuto.length} of ${ordinary.length}`,
    ]);
  };
  for (const project of projects) {
    summarise(
      project,
      results.filter(r => r.project === project),
    );
  }
  summarise('all', results);
  const automatedExpected = results.filter(r => r.expected !== undefined && r.expected.kind !== 'other');
  const autoRight = automatedExpected.filter(r => r.expected!.kind === r.kind);
  printTable(rows);
  console.log(
    `\nautomated mail (expected kind ≠ other): kind right ${autoRight.length} of ${automatedExpected.length} (${pct(autoRight.length, automatedExpected.length)})`,
  );
  const compared = results.filter(r => recipientTable.has(r.id));
  const recipientMisses = compared.filter(r => !sameSet(r.recipients, recipientTable.get(r.id)!));
  if (compared.length > 0) {
    console.log(
      `failed recipients equal to the project's own expectation: ${compared.length - recipientMisses.length} of ${compared.length} (${pct(compared.length - recipientMisses.length, compared.length)})`,
    );
  }
  const unexpected = results.filter(r => r.expected === undefined).map(r => r.id);
  if (unexpected.length > 0) {
    console.log(
      `no expectation: ${unexpected.length} (${unexpected.slice(0, 5).join(', ')}${unexpected.length > 5 ? ', …' : ''})`,
    );
  }
  const missing = [...table.keys()].filter(id => !results.some(r => r.id === id));
  if (missing.length > 0) {
    console.log(`expectation without a message: ${missing.length} (${missing.slice(0, 5).join(', ')})`);
  }
  if (args.misses) {
    console.log('\nmisses (expected → got, format/mta):');
    for (const r of results) {
      if (r.expected !== undefined && r.expected.kind !== r.kind) {
        console.log(`  ${r.id}\t${r.expected.kind} → ${r.kind}\t${r.format ?? '-'}/${r.mta ?? '-'}`);
      }
    }
  }
  if (args.misses && recipientMisses.length > 0) {
    console.log('\nrecipients (expected → got):');
    for (const r of recipientMisses) {
      console.log(`  ${r.id}\t${recipientTable.get(r.id)!.join(',')} → ${r.recipients.join(',') || '-'}`);
    }
  }
  if (args.values['json'] !== undefined) {
    writeFileSync(args.values['json'], `${JSON.stringify(results, null, 1)}\n`);
  }
}

await main();
