// Negatives are first-class (issue 2 §4): ordinary mail, newsletters, mailing-list mail that quotes bounce
// text, spam and phishing that imitate bounces, DMARC and TLS reports, invitations, attached .eml — none
// may be called automated. Provenance: fixtures/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../src/index';
import { generateNotBounce } from './not-bounce/generate';
import { KNOWN_FAILING } from './not-bounce/known-failing';

const dir = path.resolve(import.meta.dirname, 'fixtures/not-bounce');
const files = readdirSync(dir)
  .filter(f => f.endsWith('.eml'))
  .sort();

test('the set is large enough and spans the categories', () => {
  expect(files.length).toBeGreaterThanOrEqual(100);
  const categories = new Set(files.map(f => /^(?:gen|hand)-([a-z]+(?:-eml)?)/.exec(f)?.[1]));
  for (const c of [
    'personal',
    'newsletter',
    'list',
    'phish',
    'dmarc',
    'tlsrpt',
    'calendar',
    'attached-eml',
    'notify',
    'receipt',
  ]) {
    expect(categories).toContain(c);
  }
});

test('the committed gen-* files are exactly what the generator writes (regenerate after editing it)', () => {
  const generated = generateNotBounce();
  expect(files.filter(f => f.startsWith('gen-'))).toEqual(generated.map(g => g.name).sort());
  for (const g of generated) {
    expect(Buffer.from(readFileSync(path.join(dir, g.name))).equals(Buffer.from(g.bytes)), g.name).toBe(true);
  }
});

const isOrdinary = async (file: string): Promise<void> => {
  const analysis = await analyze(new Uint8Array(readFileSync(path.join(dir, file))));
  expect({ kind: analysis.kind, recipients: analysis.recipients.length }).toEqual({
    kind: 'other',
    recipients: 0,
  });
};

describe('analyze() calls none of them automated', () => {
  test.each(files.filter(f => !(f in KNOWN_FAILING)))('%s', isOrdinary);
});

// Each file in the two line-ending conventions it does not already use (LF, CRLF, CR-only): a negative
// must not turn into a bounce because of how its lines end.
const EOLS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
describe('nor in the other line endings', () => {
  test.each(files.filter(f => !(f in KNOWN_FAILING)))('%s', async file => {
    const text = readFileSync(path.join(dir, file)).toString('latin1');
    for (const [name, eol] of Object.entries(EOLS)) {
      const analysis = await analyze(new Uint8Array(Buffer.from(text.replace(/\r\n|\r|\n/g, eol), 'latin1')));
      expect({ eol: name, kind: analysis.kind, recipients: analysis.recipients.length }).toEqual({
        eol: name,
        kind: 'other',
        recipients: 0,
      });
    }
  });
});

describe('known failures (engine work left; see not-bounce/known-failing.ts)', () => {
  test('every listed file exists', () => {
    expect(Object.keys(KNOWN_FAILING).filter(f => !files.includes(f))).toEqual([]);
  });
  test.fails.each(Object.keys(KNOWN_FAILING))('%s is still called automated', isOrdinary);
});
