// The guard for speed work: every message the repository holds (test/corpus, the fixture folders, the
// corpus mboxes split into their messages, the hostile cases at their test size) through analyze() and
// decide(), written as one JSON file. Run it on main and on a branch, then compare the two files: a
// faster engine must answer byte for byte the same.
//
//   npx tsx shared/bench/snapshot.ts /tmp/before.json
//   npx tsx shared/bench/snapshot.ts /tmp/after.json && cmp /tmp/before.json /tmp/after.json
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  SentIndex,
  analyze,
  decide,
  learnProfile,
  looksLikeMbox,
  splitMbox,
  summarizeHeaders,
} from '../src/index';
import { HOSTILE_CASES } from '../test/hostile/cases';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const ROOTS = [
  'test/corpus',
  'shared/test/fixtures',
  'shared/test/scenarios',
  'extension/test/e2e/fixtures',
  'samples',
];

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap(name => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (out === undefined) {
    throw new Error('usage: snapshot.ts OUT.json');
  }
  const inputs: { id: string; bytes: Uint8Array }[] = [];
  for (const root of ROOTS) {
    for (const file of filesUnder(path.join(repoRoot, root))) {
      const id = path.relative(repoRoot, file);
      const bytes = new Uint8Array(readFileSync(file));
      inputs.push({ id, bytes });
      if (looksLikeMbox(bytes)) {
        splitMbox(bytes).forEach((m, i) => inputs.push({ id: `${id}#${i + 1}`, bytes: m }));
      }
    }
  }
  for (const c of HOSTILE_CASES) {
    inputs.push({ id: `hostile:${c.id}`, bytes: c.build(c.n) });
  }
  // A Sent folder holding the originals of a third of the inputs, as the bench builds it.
  const analyses = await Promise.all(inputs.map(i => analyze(i.bytes)));
  const enc = new TextEncoder();
  const sent = analyses
    .flatMap((a, i) => (i % 3 === 0 && a.original?.messageId ? [a.original.messageId] : []))
    .slice(0, 300)
    .map((id, i) =>
      enc.encode(
        `From: Shironeko <shironeko@example.jp>\r\nTo: friend${i}@example.org\r\nSubject: message ${i}\r\n` +
          `Date: Mon, 14 Sep 2015 09:00:00 +0900\r\nMessage-Id: <${id}>\r\nMime-Version: 1.0\r\n` +
          `Content-Type: text/plain; charset=us-ascii\r\n\r\nhello\r\n`,
      ),
    );
  const profile = learnProfile(sent, ['shironeko@example.jp']);
  const index = new SentIndex(sent.map(b => summarizeHeaders(b)));
  const records = inputs.map(({ id }, i) => {
    const analysis = analyses[i]!;
    return { id, analysis, decision: decide(analysis, profile, index.answer(analysis.lookups)) };
  });
  writeFileSync(out, records.map(r => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${records.length} messages → ${out}`);
}

await main();
