// Hostile input (issue 2 §4): analyze() never rejects and always returns a valid Analysis, whatever the
// bytes. Correctness only; time and memory per case are measured by `npm run bench`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyze, decide, emptyProfile, lookupKey, summarizeHeaders, type Lookups } from '../src/index';
import { HOSTILE_CASES, backtrackBait } from './hostile/cases';
import { analysisProblems } from './hostile/valid';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const maildir = path.resolve(repoRoot, 'test/corpus/sisimai/maildir');

// Every 8th corpus file of each line-ending variant: enough variety, bounded run time.
const seeds: Uint8Array[] = ['bsd', 'dos', 'mac', 'err', 'not'].flatMap(d =>
  readdirSync(path.join(maildir, d))
    .sort()
    .filter((_f, i) => d === 'not' || d === 'err' || i % 8 === 0)
    .map(f => new Uint8Array(readFileSync(path.join(maildir, d, f)))),
);

const profile = emptyProfile(['me@example.org']);

// Whatever analyze() returned, decide() must digest it (with lookups both ways), and summarizeHeaders(), which the
// shells run on Sent mail, must digest the same bytes.
async function expectValid(bytes: Uint8Array): Promise<void> {
  const analysis = await analyze(bytes);
  expect(analysisProblems(analysis)).toEqual([]);
  for (const answer of ['found', 'not-found'] as const) {
    const lookups: Lookups = Object.fromEntries(analysis.lookups.map(l => [lookupKey(l), answer]));
    const decision = decide(analysis, profile, lookups);
    expect([undefined, 'backscatter', 'legitimate', 'unsure']).toContain(decision.verdict);
    expect(decision.confidence).toBeGreaterThanOrEqual(0);
    expect(decision.confidence).toBeLessThanOrEqual(1);
  }
  const summary = summarizeHeaders(bytes);
  expect(Array.isArray(summary.received) && Array.isArray(summary.from)).toBe(true);
}

type Mutation =
  | { op: 'flip'; at: number; value: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; times: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'truncate'; at: number }
  | { op: 'eol'; to: 'cr' | 'lf' | 'crlf' | 'none' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 300 }),
    times: fc.integer({ min: 2, max: 40 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.constantFrom(
        ...[
          '\r\n\r\n',
          '\n--',
          'Content-Type: message/rfc822\n\n',
          'Content-Type: multipart/mixed; boundary=x\n\n--x\n',
          '=?utf-8?B?',
          '=?iso-2022-jp?Q?=1B$B',
          '\u0000',
          '\r',
          'From ',
          '>From ',
        ].map(s => new TextEncoder().encode(s)),
      ),
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('eol' as const),
    to: fc.constantFrom('cr' as const, 'lf' as const, 'crlf' as const, 'none' as const),
  }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : ('at' in m ? m.at : 0) % (bytes.length + 1);
  const concat = (...parts: Uint8Array[]): Uint8Array => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  switch (m.op) {
    case 'flip': {
      const out = bytes.slice();
      if (out.length > 0) {
        out[Math.min(at, out.length - 1)] = m.value;
      }
      return out;
    }
    case 'delete':
      return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    case 'duplicate': {
      const piece = bytes.subarray(at, at + m.length);
      return concat(
        bytes.subarray(0, at),
        ...Array.from({ length: m.times }, () => piece),
        bytes.subarray(at),
      );
    }
    case 'insert':
      return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    case 'truncate':
      return bytes.subarray(0, at);
    case 'eol': {
      const text = new TextDecoder('latin1')
        .decode(bytes)
        .replace(/\r\n?|\n/g, { cr: '\r', lf: '\n', crlf: '\r\n', none: '' }[m.to]);
      return Uint8Array.from(text, c => c.charCodeAt(0) & 0xff);
    }
  }
}

describe('properties', () => {
  test('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), expectValid), { numRuns: 300 });
  });

  test('random bytes after a bounce header (past the cheap gate)', async () => {
    const head = new TextEncoder().encode(
      'From: MAILER-DAEMON@mx.example.net\r\nSubject: Undelivered Mail Returned to Sender\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async tail => {
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        await expectValid(bytes);
      }),
      { numRuns: 300 },
    );
  });

  test('mutated corpus files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        async (i, mutations) => {
          await expectValid(mutations.reduce(apply, seeds[i] ?? new Uint8Array()));
        },
      ),
      { numRuns: 400 },
    );
  });

  test('text-like headers and bodies from a bounce vocabulary', async () => {
    const token = fc.constantFrom(
      'Final-Recipient: rfc822; ',
      'Action: failed',
      'Status: 5.1.1',
      '550',
      '<',
      '>',
      '@',
      '.',
      ' ',
      '\t',
      '\r\n',
      '\n',
      ';',
      'Received: from ',
      'by ',
      '[192.0.2.1]',
      'Content-Type: ',
      'message/rfc822',
      'text/rfc822-headers',
      'boundary=',
      '--',
      '=?utf-8?B?',
      '?=',
      'Message-ID: ',
      'MAILER-DAEMON',
      'Undelivered',
      ':',
      '"',
      '(',
      ')',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 400 }), async tokens => {
        await expectValid(
          new TextEncoder().encode(
            'From: MAILER-DAEMON@x.example\r\nSubject: Undelivered Mail\r\n' + tokens.join(''),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('explicit cases at the sizes the issue names', () => {
  test.each(HOSTILE_CASES.map(c => [c.id, c] as const))('%s', async (_id, c) => {
    await expectValid(c.build(c.n));
  });

  test('the deep multipart still finds the report when it is within the depth limit', async () => {
    const shallow = HOSTILE_CASES.find(c => c.id === 'multipart-depth-10000')?.build(3);
    expect((await analyze(shallow ?? new Uint8Array())).kind).toBe('ndr');
  });

  test.each([1_000, 10_000, 100_000, 1_000_000])('backtracking bait at run length %i', async run => {
    await expectValid(backtrackBait(run));
  });
});

test('the validator itself rejects broken shapes', async () => {
  const good = await analyze(seeds[0] ?? new Uint8Array());
  expect(analysisProblems(good)).toEqual([]);
  expect(analysisProblems({ ...good, kind: 'bogus' as never })).toContain('kind bogus');
  expect(
    analysisProblems({
      ...good,
      recipients: [{ ...(good.recipients[0] ?? { address: 'x' }), reason: 'nope' } as never],
    }).length,
  ).toBeGreaterThan(0);
  expect(analysisProblems({ ...good, warnings: [1 as never] })).toContain('warnings');
});
