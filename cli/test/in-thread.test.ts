// The time budget on the CLI's own thread (in-thread.ts, issue 8 §1 and issue 10 §4): a message that runs
// over it is answered `other` with a warning, this thread's engine is not used again, and the rest goes
// to the fallback — a recording fake here, the real worker pool in the last test.
import { describe, expect, test } from 'vitest';
import { analyzeSync, type Analysis } from '../../shared/src/index';
import { AnalysisPool } from '../src/analysis-pool';
import { InThreadAnalyzer, type Fallback } from '../src/in-thread';
import { bounce, stall, withHeader } from './budget-mail';

/** A bounce the test engine takes `ms` over (blocking, as a slow parse would). */
const slow = (id: string, ms: number) => withHeader(`X-Slow: ${ms}`, bounce(id));

/** The real engine, except on the test markers; counts its calls. */
function testEngine() {
  const calls: string[] = [];
  const analyze = (bytes: Uint8Array): Analysis => {
    const text = new TextDecoder('latin1').decode(bytes);
    calls.push(/Final-Recipient: rfc822; (\w+)/.exec(text)?.[1] ?? (text.includes('STALL') ? 'STALL' : '?'));
    const ms = Number(/^X-Slow: (\d+)/.exec(text)?.[1] ?? 0);
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy, like real work
    }
    if (text.includes('STALL')) {
      for (;;) {
        // never returns
      }
    }
    return analyzeSync(bytes);
  };
  return { analyze, calls };
}

/** A fallback that answers with the real engine and records what it was given. */
function recordingFallback() {
  const given: string[][] = [];
  let made = 0;
  let closed = false;
  const fallback = (): Fallback => {
    made++;
    return {
      analyzeMany: messages => {
        given.push(
          messages.map(
            m => /Final-Recipient: rfc822; (\w+)/.exec(new TextDecoder('latin1').decode(m))?.[1] ?? '?',
          ),
        );
        return Promise.resolve(messages.map(analyzeSync));
      },
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    };
  };
  return { fallback, given, made: () => made, closed: () => closed };
}

const addresses = (out: Analysis[]) => out.map(a => a.recipients[0]?.address ?? a.warnings.join());

describe('InThreadAnalyzer', () => {
  test('analyses in order on this thread, as analyzeSync does, and never starts the fallback', async () => {
    const engine = testEngine();
    const fb = recordingFallback();
    const guard = new InThreadAnalyzer({ analyze: engine.analyze, budgetMs: 5000, fallback: fb.fallback });
    const messages = [bounce('a'), bounce('b'), bounce('c')];
    const out = await guard.analyzeMany(messages);
    expect(out).toEqual(messages.map(analyzeSync));
    expect(addresses(await guard.analyzeMany([bounce('d')]))).toEqual(['d@example.net']);
    expect(fb.made()).toBe(0);
    expect(guard.hasStopped).toBe(false);
    await guard.close();
  });

  test('a batch whose first message runs over is answered `other` with time-limit; the rest goes to the fallback', async () => {
    const engine = testEngine();
    const fb = recordingFallback();
    const guard = new InThreadAnalyzer({ analyze: engine.analyze, budgetMs: 300, fallback: fb.fallback });
    const start = performance.now();
    const out = await guard.analyzeMany([stall, bounce('b'), bounce('c')]);
    expect(out.map(a => a.kind)).toEqual(['other', 'ndr', 'ndr']);
    expect(out[0]?.warnings).toEqual(['time-limit']);
    expect(addresses(out).slice(1)).toEqual(['b@example.net', 'c@example.net']);
    expect(fb.given).toEqual([['b', 'c']]);
    // One budget spent, not an endless wait.
    expect(performance.now() - start).toBeLessThan(10_000);
    // This thread's engine is not used again: later batches go to the fallback.
    expect(addresses(await guard.analyzeMany([bounce('d')]))).toEqual(['d@example.net']);
    expect(fb.given).toEqual([['b', 'c'], ['d']]);
    expect(engine.calls).toEqual(['STALL']);
    expect(guard.hasStopped).toBe(true);
    await guard.close();
    expect(fb.closed()).toBe(true);
  });

  test('a message stopped after others used part of the budget gets a budget of its own in the fallback', async () => {
    const engine = testEngine();
    const fb = recordingFallback();
    const guard = new InThreadAnalyzer({ analyze: engine.analyze, budgetMs: 1000, fallback: fb.fallback });
    // 400 + 400 + 400 ms: each fits the budget, the three together do not.
    const out = await guard.analyzeMany([slow('a', 400), slow('b', 400), slow('c', 400), bounce('d')]);
    expect(addresses(out)).toEqual(['a@example.net', 'b@example.net', 'c@example.net', 'd@example.net']);
    expect(out.every(a => a.kind === 'ndr')).toBe(true);
    expect(fb.given).toEqual([['c', 'd']]);
    await guard.close();
  });

  test('a stalled message in the middle of a batch costs at most two budgets and is answered over budget by the pool', async () => {
    const engine = testEngine();
    const guard = new InThreadAnalyzer({
      analyze: engine.analyze,
      budgetMs: 1500,
      fallback: () =>
        new AnalysisPool({ workerUrl: new URL('./slow-worker.mjs', import.meta.url), budgetMs: 1500 }),
    });
    const start = performance.now();
    const out = await guard.analyzeMany([bounce('a'), stall, bounce('c')]);
    expect(out.map(a => a.kind)).toEqual(['ndr', 'other', 'ndr']);
    expect(out[1]?.warnings).toEqual(['time-limit']);
    expect(addresses(out)[2]).toBe('c@example.net');
    expect(performance.now() - start).toBeLessThan(30_000);
    await guard.close();
  }, 60_000);

  test('analyzeEach hands each analysis to finish as it is made, with its index, on both sides of a stop', async () => {
    const engine = testEngine();
    const fb = recordingFallback();
    const guard = new InThreadAnalyzer({ analyze: engine.analyze, budgetMs: 300, fallback: fb.fallback });
    /** How many messages the engine had been given when each finish ran. */
    const finished: number[] = [];
    const finish = (a: Analysis, k: number) => {
      finished.push(engine.calls.length);
      return `${k}:${a.kind}:${a.recipients[0]?.address ?? a.warnings.join()}`;
    };
    expect(await guard.analyzeEach([bounce('a'), bounce('b')], finish)).toEqual([
      '0:ndr:a@example.net',
      '1:ndr:b@example.net',
    ]);
    // Made one by one, inside the run (not after the batch): the engine's calls and finish interleave.
    expect(finished).toEqual([1, 2]);
    // The stop: the first message over budget, the rest finished from the fallback's answers.
    expect(await guard.analyzeEach([stall, bounce('c'), bounce('d')], finish)).toEqual([
      '0:other:time-limit',
      '1:ndr:c@example.net',
      '2:ndr:d@example.net',
    ]);
    expect(await guard.analyzeEach([bounce('e')], finish)).toEqual(['0:ndr:e@example.net']);
    expect(fb.given).toEqual([['c', 'd'], ['e']]);
    await guard.close();
  });

  test('an engine that throws (it promises not to) answers that message with the error; the rest goes on', async () => {
    const fb = recordingFallback();
    const guard = new InThreadAnalyzer({
      analyze: bytes => {
        if (new TextDecoder('latin1').decode(bytes).includes('b@')) {
          throw new Error('boom');
        }
        return analyzeSync(bytes);
      },
      budgetMs: 5000,
      fallback: fb.fallback,
    });
    const out = await guard.analyzeMany([bounce('a'), bounce('b'), bounce('c')]);
    expect(out.map(a => a.kind)).toEqual(['ndr', 'other', 'ndr']);
    expect(out[1]?.warnings).toEqual(['internal-error: boom']);
    expect(fb.given).toEqual([['c']]);
    await guard.close();
  });
});
