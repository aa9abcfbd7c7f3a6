// Sisimai on the held-out sets (issue 10, "the tools we must beat"): the same messages as run.ts (sets.ts
// walks and splits them), each given to Sisimai 4 (Debian's libsisimai-perl) by sisimai.pl, and scored
// with the same expectation tables beside the engine's answers on the same messages.
//
//   npx tsx shared/test/heldout/sisimai.ts /tmp/heldout/sets [--engine-json FILE] [--json OUT.json] [--misses]
//
// --engine-json FILE: compare with the engine's answers saved by `run.ts --json FILE` (an older engine,
// for the README's "before" column) instead of running this checkout's engine.
// --json OUT.json: every message's expected kind, Sisimai's records and answer, and the engine's answer.
// --misses: also list every message Sisimai reads differently from the expectation.
//
// Not part of `npm test`: the sets are not in the repository (build.sh), and perl with Sisimai is a
// system package. Either missing stops the script with a message that says so.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SISIMAI_INSTALL, sisimaiVersion } from '../../bench/sisimai';
import { AUTOMATED_KINDS, analyze } from '../../src/index';
import type { MessageKind } from '../../src/types';
import {
  EXPECTED_TSV,
  type HeldoutMessage,
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

/** One Sisimai::Data record (one recipient of one message), the fields sisimai.pl passes on. */
interface SisimaiRecord {
  reason: string;
  action: string;
  recipient: string;
  deliverystatus: string;
  feedbacktype: string;
  smtpagent: string;
}

interface Answer {
  kind: MessageKind;
  /** The recipients the answer names, as one set (addressSet). */
  recipients: string[];
}

interface Row {
  id: string;
  project: string;
  expected: MessageKind | undefined;
  sisimai: Answer & { records: SisimaiRecord[]; error: string | undefined };
  engine: Answer;
}

/**
 * The kinds Sisimai 4.25 can answer with. It has no reason for a challenge ("confirm you are a real
 * sender"), a read receipt (it does not parse RFC 8098 MDNs) or a virus notice (its `virusdetected` is a
 * bounce whose cause is a virus, which is our `ndr`): a message we expect to be one of those is counted
 * in "automated mail found" but not in "kind right".
 */
const SISIMAI_KINDS: readonly MessageKind[] = [
  'ndr',
  'delay',
  'delivery-receipt',
  'auto-reply',
  'feedback-report',
  'other',
];

/**
 * Our kind for one Sisimai record. Sisimai's `reason` names why mail failed (userunknown, mailboxfull,
 * expired, …) except for three reasons that are not failures:
 *   vacation  → auto-reply        (Sisimai::RFC3834 and its auto-reply detection)
 *   feedback  → feedback-report   (Sisimai::ARF: RFC 5965 reports)
 *   delivered → delivery-receipt  (a 2.x.x status; returned only with the `delivered` option)
 * Every other reason is a failure record; it is a delay when Sisimai's `action` says "delayed". Sisimai
 * takes `action` from the DSN's Action: field, and sets "delayed" itself when a report has no Action:
 * field and the reason is `expired` (Sisimai::Data): that is Sisimai's own answer, so it is scored as
 * given.
 */
function recordKind(r: SisimaiRecord): MessageKind {
  switch (r.reason) {
    case 'vacation':
      return 'auto-reply';
    case 'feedback':
      return 'feedback-report';
    case 'delivered':
      return 'delivery-receipt';
    default:
      return r.action === 'delayed' ? 'delay' : 'ndr';
  }
}

/**
 * The message's kind from its records: no record is `other` (Sisimai did not read it as a bounce); one
 * failure record makes the message `ndr`, whatever else the report lists (what a sender must know first);
 * otherwise the first kind among its records in the order delay, delivery-receipt, auto-reply,
 * feedback-report. The recipients are those of the records of that kind, so a delivered recipient of a
 * mixed report is not counted as failed. (On these sets no message mixes kinds.)
 */
function sisimaiAnswer(records: SisimaiRecord[]): Answer {
  const kinds = records.map(recordKind);
  const kind =
    (['ndr', 'delay', 'delivery-receipt', 'auto-reply', 'feedback-report'] as const).find(k =>
      kinds.includes(k),
    ) ?? 'other';
  return { kind, recipients: addressSet(records.filter((_, i) => kinds[i] === kind).map(r => r.recipient)) };
}

/** Runs sisimai.pl once over every message (framed on stdin) and returns its records per message id. */
function runSisimai(messages: HeldoutMessage[]): Map<string, { records: SisimaiRecord[]; error?: string }> {
  const frames: Buffer[] = [];
  for (const m of messages) {
    frames.push(Buffer.from(`${m.id}\t${m.bytes.length}\n`, 'utf8'), Buffer.from(m.bytes));
  }
  const run = spawnSync('perl', [path.join(import.meta.dirname, 'sisimai.pl')], {
    input: Buffer.concat(frames),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`sisimai.pl failed (exit ${run.status}): ${run.stderr.toString('utf8').slice(0, 2000)}`);
  }
  const out = new Map<string, { records: SisimaiRecord[]; error?: string }>();
  for (const line of run.stdout.toString('utf8').split('\n')) {
    if (line !== '') {
      const { id, ...rest } = JSON.parse(line) as { id: string; records?: SisimaiRecord[]; error?: string };
      out.set(id, {
        records: rest.records ?? [],
        ...(rest.error === undefined ? {} : { error: rest.error }),
      });
    }
  }
  return out;
}

/** The engine's answers: this checkout's analyze(), or those saved by `run.ts --json`. */
async function engineAnswers(
  messages: HeldoutMessage[],
  json: string | undefined,
): Promise<Map<string, Answer>> {
  const out = new Map<string, Answer>();
  if (json !== undefined) {
    for (const r of JSON.parse(readFileSync(json, 'utf8')) as {
      id: string;
      kind: MessageKind;
      recipients: string[];
    }[]) {
      out.set(r.id, { kind: r.kind, recipients: addressSet(r.recipients) });
    }
    return out;
  }
  for (const m of messages) {
    const a = await analyze(m.bytes);
    out.set(m.id, { kind: a.kind, recipients: addressSet(a.recipients.map(r => r.address)) });
  }
  return out;
}

const isAutomated = (k: MessageKind): boolean => AUTOMATED_KINDS.includes(k);

/** The measures for a group of rows, Sisimai's and the engine's side by side. */
function measures(rows: Row[]): string[] {
  const automated = rows.filter(r => r.expected !== undefined && r.expected !== 'other');
  const comparable = automated.filter(r => SISIMAI_KINDS.includes(r.expected!));
  const ordinary = rows.filter(r => r.expected === 'other');
  const both = (count: (a: Answer) => boolean, of: Row[]): string => {
    const s = of.filter(r => count(r.sisimai)).length;
    const e = of.filter(r => count(r.engine)).length;
    return `${s} / ${e} of ${of.length}`;
  };
  const kinds = new Map<string, number>();
  for (const r of rows) {
    kinds.set(r.sisimai.kind, (kinds.get(r.sisimai.kind) ?? 0) + 1);
  }
  return [
    String(rows.length),
    [...kinds].map(([k, n]) => `${k} ${n}`).join(', '),
    both(a => isAutomated(a.kind), automated),
    kindRight(comparable),
    both(a => isAutomated(a.kind), ordinary),
    String(rows.filter(r => r.sisimai.error !== undefined).length),
  ];
}

function kindRight(rows: Row[]): string {
  const s = rows.filter(r => r.sisimai.kind === r.expected).length;
  const e = rows.filter(r => r.engine.kind === r.expected).length;
  return `${s} / ${e} of ${rows.length}`;
}

async function main(): Promise<void> {
  const args = setsArgs(
    'sisimai.ts DIR [--expected FILE] [--engine-json FILE] [--json OUT.json] [--misses]',
    ['expected', 'engine-json', 'json'],
  );
  const expectedFile = args.values['expected'] ?? EXPECTED_TSV;
  const engineJson = args.values['engine-json'];
  const version = sisimaiVersion();
  if (version === undefined) {
    throw new Error(`perl with Sisimai is not installed here (${SISIMAI_INSTALL}): no Sisimai figures`);
  }
  const projects = projectsOf(args.dir);
  const messages = heldoutMessages(args.dir, projects);
  const expected = readExpectations(expectedFile);
  const recipientTable = readRecipients(path.join(path.dirname(expectedFile), 'expected-recipients.tsv'));
  const sisimai = runSisimai(messages);
  const engine = await engineAnswers(messages, engineJson);
  const rows: Row[] = messages.map(m => {
    const s = sisimai.get(m.id);
    const e = engine.get(m.id);
    if (s === undefined || e === undefined) {
      throw new Error(`${m.id}: no answer from ${s === undefined ? 'Sisimai' : 'the engine'}`);
    }
    return {
      id: m.id,
      project: m.project,
      expected: expected.get(m.id)?.kind,
      sisimai: { ...sisimaiAnswer(s.records), records: s.records, error: s.error },
      engine: e,
    };
  });

  console.log(
    `Sisimai ${version} (options: delivered => 1) vs the engine (${engineJson ?? 'this checkout'}); cells are "Sisimai / engine of N"\n`,
  );
  const table: string[][] = [
    [
      'project',
      'messages',
      'Sisimai kinds',
      'automated found',
      'kind right (comparable)',
      'ordinary → automated',
      'Sisimai errors',
    ],
  ];
  for (const project of projects) {
    table.push([project, ...measures(rows.filter(r => r.project === project))]);
  }
  table.push(['all', ...measures(rows)]);
  printTable(table);
  console.log(
    '\nautomated found: expected kind ≠ other, and the answer is any automated kind (Sisimai: returns a record).',
  );
  console.log(
    `kind right (comparable): expected kind ≠ other and one Sisimai has (${SISIMAI_KINDS.filter(k => k !== 'other').join(', ')}); the answer is that kind.`,
  );
  const withExpectation = rows.filter(r => r.expected !== undefined && SISIMAI_KINDS.includes(r.expected));
  console.log(
    `kind as expected, every message whose expected kind Sisimai has: ${kindRight(withExpectation)} (${pct(
      withExpectation.filter(r => r.sisimai.kind === r.expected).length,
      withExpectation.length,
    )} / ${pct(withExpectation.filter(r => r.engine.kind === r.expected).length, withExpectation.length)})`,
  );

  const compared = rows.filter(r => recipientTable.has(r.id));
  const recipientsRight = (r: Row, a: Answer): boolean => sameSet(a.recipients, recipientTable.get(r.id)!);
  console.log('\nfailed recipients equal to the project\'s own tests ("Sisimai / engine of N"):');
  for (const project of projects) {
    const of = compared.filter(r => r.project === project);
    if (of.length > 0) {
      const s = of.filter(r => recipientsRight(r, r.sisimai)).length;
      const e = of.filter(r => recipientsRight(r, r.engine)).length;
      console.log(`  ${project}: ${s} / ${e} of ${of.length}`);
    }
  }
  const sAll = compared.filter(r => recipientsRight(r, r.sisimai)).length;
  const eAll = compared.filter(r => recipientsRight(r, r.engine)).length;
  console.log(`  all: ${sAll} / ${eAll} of ${compared.length}`);

  const detail = (r: Row): string =>
    r.sisimai.error !== undefined
      ? `error: ${r.sisimai.error.trim()}`
      : r.sisimai.records.map(x => `${x.reason}/${x.action || '-'}/${x.smtpagent}`).join(' ') || 'no record';
  console.log('\nSisimai right, engine wrong (kind):');
  for (const r of rows.filter(r => r.sisimai.kind === r.expected && r.engine.kind !== r.expected)) {
    console.log(`  ${r.id}\texpected ${r.expected}; engine ${r.engine.kind}; Sisimai ${detail(r)}`);
  }
  console.log('Sisimai right, engine wrong (failed recipients):');
  for (const r of compared.filter(r => recipientsRight(r, r.sisimai) && !recipientsRight(r, r.engine))) {
    console.log(
      `  ${r.id}\texpected ${recipientTable.get(r.id)!.join(',')}; engine ${r.engine.recipients.join(',') || '-'}`,
    );
  }
  if (args.misses) {
    console.log('\nSisimai misses (expected → Sisimai; its records reason/action/agent):');
    for (const r of rows.filter(r => r.expected !== undefined && r.sisimai.kind !== r.expected)) {
      console.log(`  ${r.id}\t${r.expected} → ${r.sisimai.kind}\t${detail(r)}`);
    }
    console.log('Sisimai recipients (expected → Sisimai):');
    for (const r of compared.filter(r => !recipientsRight(r, r.sisimai))) {
      console.log(
        `  ${r.id}\t${recipientTable.get(r.id)!.join(',')} → ${r.sisimai.recipients.join(',') || '-'}\t${detail(r)}`,
      );
    }
  }
  if (args.values['json'] !== undefined) {
    writeFileSync(args.values['json'], `${JSON.stringify(rows, null, 1)}\n`);
  }
}

try {
  await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
