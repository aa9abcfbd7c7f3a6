// The CLI's one V8 setting, also used by the bench's engine-alone process (shared/bench/cold-process.ts)
// so that the two figures differ by the CLI only.
import { setFlagsFromString } from 'node:v8';

/**
 * V8 sends a function to its optimising compiler once it has run a budget of bytecode (67,584 bytes in
 * Node 20's V8). A scan runs one engine over thousands of messages: with the default, the compiler took
 * ~39% of a cold run's instructions (valgrind, `--single-threaded`, bsd corpus ×5), recompiling functions
 * that were not yet settled. A larger budget optimises fewer, better-known functions: 7.81 → 6.96 G
 * instructions for the whole CLI run at 400,000 (800,000: 7.05 G; 1,600,000: 7.17 G). Only on the Node
 * line it was measured on (the flag is V8's, not Node's: another V8 may read it differently or not at all,
 * and an unknown flag is reported on standard error).
 */
export function tuneCompiler(): void {
  if (process.versions.node.startsWith('20.')) {
    setFlagsFromString('--interrupt-budget=400000');
    // A regular expression runs first in V8's regexp interpreter and is compiled to machine code after
    // some runs: each of the engine's patterns compiled twice, and the early runs interpreted. The
    // engine's patterns run thousands of times in a scan, so they are compiled to machine code at their
    // first run (a pattern is compiled when first run, so this holds for those created at load too):
    // 5.39 → 5.26 G instructions over the bench's mbox.
    setFlagsFromString('--no-regexp-tier-up');
  }
}
