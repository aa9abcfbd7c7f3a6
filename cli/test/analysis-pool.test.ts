// The time budget of the CLI's analysis worker (issue 8 §1): a message that runs over it is answered
// `other` with a warning, the stuck worker is replaced, and the other messages are analysed as usual.
import { describe, expect, test } from 'vitest';
import { AnalysisPool } from '../src/analysis-pool';
import { bounce, stall, withHeader } from './budget-mail';

/** A bounce the test worker takes 700 ms over. */
const slow = (id: string) => withHeader('X-Test: SLOW', bounce(id));

function pool(budgetMs: number, printOnly = false) {
  return new AnalysisPool({
    workerUrl: new URL('./slow-worker.mjs', import.meta.url),
    budgetMs,
    printOnly,
  });
}

describe('AnalysisPool', () => {
  test('analyses a batch in order', { timeout: 60_000 }, async () => {
    const p = pool(20_000);
    const out = await p.analyzeMany([bounce('a'), bounce('b')]);
    expect(out.map(a => a.recipients[0]?.address)).toEqual(['a@example.net', 'b@example.net']);
    await p.close();
  });

  test(
    'for printing only, the original comes back without its header list; for a verdict, with it',
    { timeout: 60_000 },
    async () => {
      const withOriginal = new TextEncoder().encode(
        `From: MAILER-DAEMON@mx.example.net\nTo: me@example.org\nSubject: Undelivered Mail Returned to Sender\n` +
          `Content-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\nContent-Type: text/plain\n\nfailed\n` +
          `--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.net\n` +
          `Action: failed\nStatus: 5.1.1\n\n--B\nContent-Type: text/rfc822-headers\n\nFrom: me@example.org\nTo: a@example.net\n` +
          `Subject: Lunch\nMessage-ID: <lunch-1@example.org>\n\n--B--\n`,
      );
      const printing = pool(20_000, true);
      const deciding = pool(20_000, false);
      const [printed] = await printing.analyzeMany([withOriginal]);
      const [decided] = await deciding.analyzeMany([withOriginal]);
      expect(printed?.original?.messageId).toBe('lunch-1@example.org');
      expect(printed?.original?.headers).toEqual([]);
      expect(decided?.original?.headers.map(h => h.name)).toEqual(['from', 'to', 'subject', 'message-id']);
      await printing.close();
      await deciding.close();
    },
  );

  test(
    'a message over budget is `other` with a warning; the rest of the batch and later batches go on',
    { timeout: 60_000 },
    async () => {
      const p = pool(1500);
      const start = performance.now();
      const out = await p.analyzeMany([bounce('a'), stall, bounce('c'), stall, bounce('e')]);
      expect(out.map(a => a.kind)).toEqual(['ndr', 'other', 'ndr', 'other', 'ndr']);
      expect(out[1]?.warnings).toEqual(['time-limit']);
      expect(out[4]?.recipients[0]?.address).toBe('e@example.net');
      // Two budgets spent, not an endless wait; a new batch still works on the replaced worker.
      expect(performance.now() - start).toBeLessThan(30_000);
      expect((await p.analyzeMany([bounce('f')]))[0]?.kind).toBe('ndr');
      await p.close();
    },
  );

  test(
    'the budget is per message: three messages of 700 ms each fit a 1,500 ms budget',
    { timeout: 60_000 },
    async () => {
      const p = pool(1500);
      const out = await p.analyzeMany([slow('a'), slow('b'), slow('c')]);
      expect(out.map(a => a.recipients[0]?.address)).toEqual([
        'a@example.net',
        'b@example.net',
        'c@example.net',
      ]);
      await p.close();
    },
  );

  test(
    'messages that are views of one buffer (an mbox) arrive whole, and the caller keeps its bytes',
    { timeout: 60_000 },
    async () => {
      const parts = ['a', 'b', 'c'].map(bounce);
      const file = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
      const views: Uint8Array[] = [];
      let at = 0;
      for (const b of parts) {
        file.set(b, at);
        views.push(file.subarray(at, at + b.length));
        at += b.length;
      }
      const p = pool(20_000);
      const out = await p.analyzeMany([views[2]!, views[0]!, views[1]!]);
      expect(out.map(a => a.recipients[0]?.address)).toEqual([
        'c@example.net',
        'a@example.net',
        'b@example.net',
      ]);
      expect(file.byteLength).toBe(at); // not transferred away (a detached buffer reads as length 0)
      await p.close();
    },
  );
});
