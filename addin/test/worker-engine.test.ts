// The pane's time budget for analyze(): a message that never finishes gets kind `other` with a
// warning, the stuck worker is ended, and the next message is analysed by a fresh one.
import { describe, expect, test } from 'vitest';
import { analyze, type Analysis } from '../../shared/src/index';
import { budgetedAnalyze, overBudget, type WorkerLike } from '../src/verdict/worker-engine';

/** A worker that answers at once, except for messages whose first byte is 0 (it hangs on those). */
function fakeWorkers() {
  const made: Array<WorkerLike & { terminated: boolean }> = [];
  const make = () => {
    const worker = {
      terminated: false,
      onmessage: null as ((event: MessageEvent) => void) | null,
      onerror: null as ((event: unknown) => void) | null,
      postMessage(message: unknown) {
        const { id, bytes } = message as { id: number; bytes: Uint8Array };
        if (bytes[0] === 0) {
          return;
        }
        const analysis = { ...overBudget({} as Analysis), kind: 'ndr', warnings: [] } as Analysis;
        setTimeout(() => {
          if (!worker.terminated) {
            worker.onmessage?.({ data: { id, analysis } } as MessageEvent);
          }
        }, 1);
      },
      terminate() {
        worker.terminated = true;
      },
    };
    made.push(worker);
    return worker;
  };
  return { made, make };
}

describe('analyze with a time budget', () => {
  test('over budget: kind other with a warning, the worker ended, the next message goes on', async () => {
    const { made, make } = fakeWorkers();
    const run = budgetedAnalyze(make, () => analyze(new Uint8Array(0)), 50);
    const stuck = await run(Uint8Array.of(0));
    expect(stuck.kind).toBe('other');
    expect(stuck.warnings).toEqual(['time-limit']);
    expect(stuck.recipients).toEqual([]);
    expect(made[0]?.terminated).toBe(true);
    const next = await run(Uint8Array.of(65));
    expect(next.kind).toBe('ndr');
    expect(made).toHaveLength(2);
  });

  test('within budget: one worker serves every message', async () => {
    const { made, make } = fakeWorkers();
    const run = budgetedAnalyze(make, () => analyze(new Uint8Array(0)), 1000);
    for (let i = 0; i < 5; i++) {
      expect((await run(Uint8Array.of(65))).kind).toBe('ndr');
    }
    expect(made).toHaveLength(1);
  });
});
