// Walks the test corpus (test/corpus in this repository; provenance and licences in its README) in a fixed order: every file of
// sisimai/maildir/{bsd,dos,mac,err,not,tmp}, every message of sisimai/mailbox/*, and bounceparser/.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitMbox } from '../../src/mbox';

export const CORPUS = resolve(import.meta.dirname, '../../../test/corpus');

export interface CorpusMessage {
  /** Path relative to the corpus root; "#N" (1-based) for the Nth message of an mbox. */
  id: string;
  bytes: Uint8Array;
}

const MAILDIRS = ['bsd', 'dos', 'mac', 'err', 'not', 'tmp'];

export function* corpusMessages(): Generator<CorpusMessage> {
  for (const dir of MAILDIRS) {
    const base = join(CORPUS, 'sisimai/maildir', dir);
    for (const f of readdirSync(base).sort()) {
      yield { id: `sisimai/maildir/${dir}/${f}`, bytes: new Uint8Array(readFileSync(join(base, f))) };
    }
  }
  const mailbox = join(CORPUS, 'sisimai/mailbox');
  for (const f of readdirSync(mailbox).sort()) {
    const messages = splitMbox(new Uint8Array(readFileSync(join(mailbox, f))));
    for (const [i, m] of messages.entries()) {
      yield { id: `sisimai/mailbox/${f}#${i + 1}`, bytes: m };
    }
  }
  const bp = join(CORPUS, 'bounceparser');
  for (const f of readdirSync(bp).sort()) {
    if (f.endsWith('.msg')) {
      yield { id: `bounceparser/${f}`, bytes: new Uint8Array(readFileSync(join(bp, f))) };
    }
  }
}
