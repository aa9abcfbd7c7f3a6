// One fake terminal for the CLI tests: what the command wrote to standard output and error, kept as lists.
import type { Terminal } from '../src/scan';

export function fakeTerminal(over: Partial<Terminal> = {}): Terminal & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: t => out.push(t),
    stderr: t => err.push(t),
    stdoutIsTty: false,
    stderrIsTty: false,
    columns: undefined,
    env: {},
    readStdin: () => Promise.resolve(new Uint8Array()),
    ...over,
  };
}
