// File-system side of the CLI: turns PATH arguments into messages. Everything that touches the disk or
// standard input is here; what to do with a message is not.
// Synchronous file-system calls, and fs.promises only for a file large enough to stream: node:fs/promises
// (with the readline modules it loads) was ~0.015 G instructions of every run's start (valgrind), and a
// scan has nothing to do while it waits for its inputs.
import { promises as fsPromises, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { lastSeparatorStart, looksLikeMbox, splitMbox } from '../../shared/src/index';

/** One file to read (or standard input), found by walking the PATH arguments. */
export type PlannedInput =
  | { type: 'file'; path: string; size: number }
  | { type: 'stdin' }
  | { type: 'error'; path: string; error: string };

/** One message (or a read failure); `position`: bytes of its file read so far, for the progress bar. */
export type InputMessage =
  | { source: string; bytes: Uint8Array; error?: undefined; position?: number }
  | { source: string; bytes?: undefined; error: string; position?: number };

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
    return statSync(p).isDirectory();
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
    real = realpathSync(dir);
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
    names = readdirSync(dir).sort(byName);
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
      info = statSync(full);
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
      info = statSync(p);
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
  // An input never disappears from the output: an empty file or an mbox without messages is reported.
  if (bytes.every(b => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return [{ source, error: 'empty file' }];
  }
  if (!looksLikeMbox(bytes)) {
    return [{ source, bytes }];
  }
  const messages = splitMbox(bytes);
  if (messages.length === 0) {
    return [{ source, error: 'mbox holds no message' }];
  }
  return messages.map((message, i) => ({ source: `${source}#${i + 1}`, bytes: message }));
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
  const out: InputMessage[] = [];
  for await (const message of readMessages(input, readStdin)) {
    out.push(message);
  }
  return out;
}

export interface StreamLimits {
  /** Files at least this large are read piece by piece (readFile stops at 2 GiB; mbox files get bigger). */
  streamFrom: number;
  /** Bytes read at a time. */
  chunk: number;
  /** Of a large file that is not an mbox, only this much is read: it is one message, and no engine reads more. */
  maxSingle: number;
}

export const STREAM_LIMITS: StreamLimits = {
  streamFrom: 64 * 1024 * 1024,
  chunk: 16 * 1024 * 1024,
  maxSingle: 64 * 1024 * 1024,
};

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Large mbox files, piece by piece: complete messages are split off at the last separator seen, the rest
 * waits for the next piece. Each byte is copied a bounded number of times (the search for a separator
 * looks only at the new piece plus a short overlap), so time stays linear even for one huge message.
 */
async function* streamFile(file: string, limits: StreamLimits): AsyncGenerator<InputMessage> {
  const handle = await fsPromises.open(file, 'r');
  try {
    const first = new Uint8Array(limits.chunk);
    const { bytesRead } = await handle.read(first, 0, limits.chunk, 0);
    let position = bytesRead;
    const head = first.subarray(0, bytesRead);
    if (!looksLikeMbox(head)) {
      const rest = Math.max(0, limits.maxSingle - bytesRead);
      const more = new Uint8Array(rest);
      const extra = rest > 0 ? (await handle.read(more, 0, rest, bytesRead)).bytesRead : 0;
      yield { source: file, bytes: concat([head, more.subarray(0, extra)]), position: bytesRead + extra };
      return;
    }
    let pending: Uint8Array[] = [head];
    let pendingLength = head.length;
    let n = 0;
    const emit = function* (bytes: Uint8Array): Generator<InputMessage> {
      for (const message of splitMbox(bytes)) {
        n++;
        yield { source: `${file}#${n}`, bytes: message, position };
      }
    };
    for (;;) {
      const piece = new Uint8Array(limits.chunk);
      const got = (await handle.read(piece, 0, limits.chunk, position)).bytesRead;
      if (got === 0) {
        break;
      }
      position += got;
      const chunk = piece.subarray(0, got);
      // The separator's line break may sit just before the new piece: look at a short overlap too.
      const last = pending[pending.length - 1] ?? new Uint8Array();
      const overlap = last.subarray(Math.max(0, last.length - 1024));
      const window = concat([overlap, chunk]);
      const cut = lastSeparatorStart(window);
      if (cut > 0) {
        const all = concat([...pending, chunk]);
        const at = pendingLength - overlap.length + cut;
        yield* emit(all.subarray(0, at));
        const carry = all.slice(at);
        pending = [carry];
        pendingLength = carry.length;
      } else {
        pending.push(chunk);
        pendingLength += chunk.length;
      }
    }
    yield* emit(concat(pending));
    if (n === 0) {
      yield { source: file, error: 'mbox holds no message', position };
    }
  } finally {
    await handle.close();
  }
}

/** The same bytes as a plain Uint8Array view (the engine takes Uint8Array; a Buffer is one, but its methods differ). */
function asBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The messages of one planned input, in order. Failures become error items; never throws. */
export async function* readMessages(
  input: PlannedInput,
  readStdin: ReadStdin,
  limits: StreamLimits = STREAM_LIMITS,
): AsyncGenerator<InputMessage> {
  if (input.type === 'error') {
    yield { source: input.path, error: input.error };
    return;
  }
  const source = input.type === 'stdin' ? '-' : input.path;
  let count = 0;
  try {
    if (input.type === 'file' && input.size >= limits.streamFrom) {
      for await (const message of streamFile(input.path, limits)) {
        count++;
        yield message;
      }
      return;
    }
    // A view of the Buffer the read made, not a copy of it (a 14 MB mbox was copied once more here). Read
    // at once: the promise API reads in 512 kB steps, each a round trip through libuv's thread pool
    // (14 ms for the bench's 14 MB mbox from the page cache, against 3 ms), and a scan has nothing else to
    // do meanwhile (a file this size is below streamFrom).
    const bytes = input.type === 'stdin' ? await readStdin() : asBytes(readFileSync(input.path));
    yield* messagesIn(source, bytes).map(m => ({ ...m, position: bytes.length }));
  } catch (error) {
    // A failure half-way through a large mbox still reports what was read before it.
    yield { source: count > 0 ? `${source}#${count + 1}` : source, error: describe(error) };
  }
}
