// The background page's time budget (issue 8 §1), with a fake worker: it answers after a delay, never
// for a message that says STALL (as a backtracking regex would), or fails to load.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { analyze, type Analysis } from '../../../shared/src/index';
import { BudgetedAnalyzer, type WorkerLike } from './engine-budget';

const enc = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

class FakeWorker implements WorkerLike {
  static started = 0;
  static terminated = 0;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(private readonly broken = false) {
    FakeWorker.started++;
  }
  postMessage(message: unknown): void {
    const { id, bytes } = message as { id: number; bytes: Uint8Array };
    if (this.broken) {
      setTimeout(() => this.onerror?.(new Error('load failed')), 10);
      return;
    }
    if (text(bytes).includes('STALL')) {
      return;
    }
    void analyze(bytes).then(analysis => setTimeout(() => this.onmessage?.({ data: { id, analysis } }), 100));
  }
  terminate(): void {
    FakeWorker.terminated++;
  }
}

const message = (subject: string) => enc.encode(`From: a@example.org\nSubject: ${subject}\n\nhello\n`);

beforeEach(() => {
  vi.useFakeTimers();
  FakeWorker.started = 0;
  FakeWorker.terminated = 0;
});
afterEach(() => vi.useRealTimers());

describe('BudgetedAnalyzer', () => {
  test('over budget: `other` with a warning, the worker replaced, the next message analysed', async () => {
    const fallback = vi.fn((bytes: Uint8Array) => analyze(bytes));
    const engine = new BudgetedAnalyzer(() => new FakeWorker(), fallback, 2000);
    const results: Analysis[] = [];
    const all = Promise.all(
      [message('one'), message('STALL'), message('three')].map(m =>
        engine.analyze(m).then(a => results.push(a)),
      ),
    );
    await vi.advanceTimersByTimeAsync(2500);
    await vi.advanceTimersByTimeAsync(500);
    await all;
    expect(results.map(a => [a.kind, a.subject, a.warnings])).toEqual([
      ['other', 'one', []],
      ['other', undefined, ['time-limit']],
      ['other', 'three', []],
    ]);
    expect(FakeWorker.terminated).toBe(1);
    expect(FakeWorker.started).toBe(2);
    expect(fallback).not.toHaveBeenCalled();
  });

  test('a shown message is analysed before the background messages still waiting', async () => {
    const engine = new BudgetedAnalyzer(() => new FakeWorker(), analyze, 2000);
    const order: string[] = [];
    const all = Promise.all([
      ...['sweep-1', 'sweep-2', 'sweep-3'].map(subject =>
        engine.analyze(message(subject)).then(a => order.push(a.subject ?? '')),
      ),
      engine.analyze(message('shown-1'), true).then(a => order.push(a.subject ?? '')),
      engine.analyze(message('shown-2'), true).then(a => order.push(a.subject ?? '')),
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    await all;
    // sweep-1 was already in the worker; the shown ones go next, in their own order.
    expect(order).toEqual(['sweep-1', 'shown-1', 'shown-2', 'sweep-2', 'sweep-3']);
  });

  test('a worker that cannot load: analysed in this thread instead', async () => {
    const engine = new BudgetedAnalyzer(() => new FakeWorker(true), analyze, 2000);
    const result = engine.analyze(message('x'));
    await vi.advanceTimersByTimeAsync(50);
    expect((await result).subject).toBe('x');
  });

  test('no Worker at all: analysed in this thread', async () => {
    const engine = new BudgetedAnalyzer(() => {
      throw new Error('Worker is not defined');
    }, analyze);
    expect((await engine.analyze(message('y'))).subject).toBe('y');
  });
});
