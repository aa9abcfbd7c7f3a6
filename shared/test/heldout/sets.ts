// What every held-out measure reads the same way (run.ts for the engine, sisimai.ts for Sisimai): the
// message list of the sets directory, mbox splitting, the expectation tables and how sets of addresses
// are compared. Kept in one place so the two measures cannot drift apart on which messages they count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { looksLikeMbox, splitMbox } from '../../src/index';
import type { MessageKind } from '../../src/types';

export interface Expectation {
  kind: MessageKind;
  source: string;
}

export interface HeldoutMessage {
  /** `project/file`, or `project/file#n` for the n-th message of an mbox file. */
  id: string;
  project: string;
  bytes: Uint8Array;
}

/** The kind table beside this file. */
export const EXPECTED_TSV = path.join(import.meta.dirname, 'expected.tsv');

/** project/file → the failed recipients the project's own tests expect, lower-cased and sorted. */
export function readRecipients(file: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return table;
  }
  for (const line of text.split('\n')) {
    const [id, list] = line.startsWith('#') ? [] : line.split('\t');
    if (id !== undefined && list !== undefined) {
      table.set(id, addressSet(list.split(',')));
    }
  }
  return table;
}

export function readExpectations(file: string): Map<string, Expectation> {
  const table = new Map<string, Expectation>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const [id, kind, source] = line.split('\t');
    if (id !== undefined && kind !== undefined) {
      table.set(id, { kind: kind as MessageKind, source: source ?? '' });
    }
  }
  return table;
}

/** The project folders of a sets directory, sorted; throws a message that says how to build them. */
export function projectsOf(dir: string): string[] {
  let projects: string[] = [];
  try {
    projects = readdirSync(dir).filter(p => statSync(path.join(dir, p)).isDirectory());
  } catch {
    // reported below
  }
  if (projects.length === 0) {
    throw new Error(
      `no held-out sets in ${dir}: build them with shared/test/heldout/build.sh ${dir} (needs git and github.com)`,
    );
  }
  return projects.sort();
}

/** Every message of the given projects, in a stable order; an mbox file is split as the CLI splits it. */
export function heldoutMessages(dir: string, projects: string[]): HeldoutMessage[] {
  const out: HeldoutMessage[] = [];
  for (const project of projects) {
    for (const name of readdirSync(path.join(dir, project)).sort()) {
      const bytes = new Uint8Array(readFileSync(path.join(dir, project, name)));
      const messages = looksLikeMbox(bytes) ? splitMbox(bytes) : [bytes];
      for (const [i, m] of messages.entries()) {
        out.push({ id: `${project}/${name}${messages.length > 1 ? `#${i + 1}` : ''}`, project, bytes: m });
      }
    }
  }
  return out;
}

/** Addresses as one comparable set: trimmed, lower-cased, without repeats, sorted. */
export function addressSet(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map(a => a.trim().toLowerCase()))].sort();
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function pct(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`;
}

/**
 * The command line of a measure: one sets directory, the named options that take a value, and --misses.
 * Throws the usage line when the directory is not given once.
 */
export function setsArgs(
  usage: string,
  valueOptions: readonly string[],
): { dir: string; values: Record<string, string | undefined>; misses: boolean } {
  const options: Record<string, { type: 'string' | 'boolean' }> = { misses: { type: 'boolean' } };
  for (const name of valueOptions) {
    options[name] = { type: 'string' };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true });
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\nusage: ${usage}`, { cause: e });
  }
  if (parsed.positionals.length !== 1) {
    throw new Error(`usage: ${usage}`);
  }
  const values: Record<string, string | undefined> = {};
  for (const name of valueOptions) {
    const v = parsed.values[name];
    values[name] = typeof v === 'string' ? v : undefined;
  }
  return { dir: parsed.positionals[0]!, values, misses: parsed.values['misses'] === true };
}

/** Prints rows as columns padded to their widest cell (the first row is the header). */
export function printTable(rows: readonly string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map(r => r[c]!.length)));
  for (const r of rows) {
    console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  }
}
