// File-system side of the CLI: turns PATH arguments into messages. Everything that touches the disk or
// standard input is here; what to do with a message is not.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { looksLikeMbox, splitMbox } from '../../shared/src/index';

/** One file to read (or standard input), found by walking the PATH arguments. */
export type PlannedInput =
  | { type: 'file'; path: string; size: number }
  | { type: 'stdin' }
  | { type: 'error'; path: string; error: string };

export type InputMessage =
  | { source: string; bytes: Uint8Array; error?: undefined }
  | { source: string; bytes?: undefined; error: string };

// Files that sit in mail folders but are not mail: mail-store indexes, editors' and OS droppings, and
// documents. A message file has no extension (maildir), .eml, .msg, .txt, .mbox or anything else.
const NOT_MAIL =
  /\.(?:md|json|jsonl|tsv|csv|js|mjs|ts|html?|css|png|jpe?g|gif|pdf|zip|gz|bz2|xz|msf|sqlite|db|lock|index|cache|log)$/i;
const NOT_MAIL_NAME =
  /^(?:LICEN[CS]E|COPYING|README|dovecot[-.].*|courierimap.*|maildirfolder|subscriptions|\.DS_Store|Thumbs\.db)$/i;

const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message.replace(/^[A-Z]+: /, '')}` : error.message;
  }
  return String(error);
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** A maildir holds cur/ and new/ (and tmp/, which a reader must ignore: deliveries in progress, maildir(5)). */
async function isMaildir(dir: string): Promise<boolean> {
  return (await isDirectory(path.join(dir, 'cur'))) && (await isDirectory(path.join(dir, 'new')));
}

async function walk(dir: string, seen: Set<string>, out: PlannedInput[]): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    out.push({ type: 'error', path: dir, error: describe(error) });
    return;
  }
  if (seen.has(real)) {
    return; // a symlink loop, or the same folder given twice
  }
  seen.add(real);
  let names: string[];
  try {
    names = (await readdir(dir)).sort(byName);
  } catch (error) {
    out.push({ type: 'error', path: dir, error: describe(error) });
    return;
  }
  const maildir = await isMaildir(dir);
  for (const name of names) {
    const full = path.join(dir, name);
    if (maildir && name === 'tmp') {
      continue;
    }
    let info;
    try {
      info = await stat(full);
    } catch (error) {
      out.push({ type: 'error', path: full, error: describe(error) });
      continue;
    }
    if (info.isDirectory()) {
      // Hidden folders are skipped (.git, .cache) unless they are Maildir++ sub-folders (".Sent", ".Trash").
      if (name.startsWith('.') && !(await isMaildir(full))) {
        continue;
      }
      await walk(full, seen, out);
    } else if (info.isFile()) {
      if (name.startsWith('.') || NOT_MAIL.test(name) || NOT_MAIL_NAME.test(name)) {
        continue;
      }
      if (maildir) {
        continue; // files at a maildir's top level are the store's own metadata; mail is in cur/ and new/
      }
      out.push({ type: 'file', path: full, size: info.size });
    }
  }
}

/** Expand PATH arguments, in the order given, directories walked in name order. Never throws. */
export async function planInputs(paths: readonly string[]): Promise<PlannedInput[]> {
  const out: PlannedInput[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    if (p === '-') {
      out.push({ type: 'stdin' });
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch (error) {
      out.push({ type: 'error', path: p, error: describe(error) });
      continue;
    }
    if (info.isDirectory()) {
      await walk(p, seen, out);
    } else {
      out.push({ type: 'file', path: p, size: info.size });
    }
  }
  return out;
}

/** The messages in one file's bytes: an mbox gives `path#1`, `path#2`, …; anything else is one message. */
export function messagesIn(source: string, bytes: Uint8Array): InputMessage[] {
  if (!looksLikeMbox(bytes)) {
    return [{ source, bytes }];
  }
  return splitMbox(bytes).map((message, i) => ({ source: `${source}#${i + 1}`, bytes: message }));
}

export type ReadStdin = () => Promise<Uint8Array>;

export async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : (chunk as Buffer));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Read one planned input into its messages. A read failure becomes one error item; never throws. */
export async function readPlanned(input: PlannedInput, readStdin: ReadStdin): Promise<InputMessage[]> {
  if (input.type === 'error') {
    return [{ source: input.path, error: input.error }];
  }
  try {
    const bytes = input.type === 'stdin' ? await readStdin() : new Uint8Array(await readFile(input.path));
    return messagesIn(input.type === 'stdin' ? '-' : input.path, bytes);
  } catch (error) {
    return [{ source: input.type === 'stdin' ? '-' : input.path, error: describe(error) }];
  }
}
