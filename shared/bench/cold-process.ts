// Entry of the "same engine, fresh process, no CLI" figure (whole-process.ts builds it into
// dist/bench-cold/ and runs it): reads one mbox, splits it and analyses every message once, in order,
// on the main thread (as the CLI does, without its time budget), and prints the time of each pass over
// `per` messages (the bsd corpus is repeated five times in the bench's mbox, so pass 1 meets every format
// cold and the later ones run warmer code).
import { readFileSync } from 'node:fs';
import { tuneCompiler } from '../../cli/src/compiler';
import { analyzeSync, splitMbox } from '../src/index';

// The CLI's compiler setting, so the two figures differ by the CLI only.
tuneCompiler();

const started = performance.now();
const file = process.argv[2];
const per = Number(process.argv[3]);
if (file === undefined || !(per > 0)) {
  throw new Error('usage: cold-process.cjs MBOX MESSAGES-PER-PASS');
}
const messages = splitMbox(new Uint8Array(readFileSync(file)));
const passes: number[] = [];
let t = performance.now();
for (let i = 0; i < messages.length; i++) {
  analyzeSync(messages[i]!);
  if ((i + 1) % per === 0 || i === messages.length - 1) {
    const n = performance.now();
    passes.push(n - t);
    t = n;
  }
}
process.stdout.write(
  JSON.stringify({ messages: messages.length, passesMs: passes, totalMs: performance.now() - started }) +
    '\n',
);
