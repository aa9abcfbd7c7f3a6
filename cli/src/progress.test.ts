import { describe, expect, test } from 'vitest';
import { PROGRESS_MIN_BYTES, ProgressBar, renderProgress, wantsProgress } from './progress';

describe('wantsProgress', () => {
  test.each<[number, number, boolean, boolean, boolean]>([
    [PROGRESS_MIN_BYTES, 1, true, true, true],
    [1000, 600, true, true, true],
    [1000, 3, true, true, false], // small input
    [PROGRESS_MIN_BYTES * 10, 1, false, true, false], // stderr is not a terminal
    [PROGRESS_MIN_BYTES * 10, 1, true, false, false], // --no-progress
  ])('%i bytes, %i files, tty=%s, enabled=%s → %s', (bytes, files, tty, enabled, expected) => {
    expect(wantsProgress(bytes, files, tty, enabled)).toBe(expected);
  });
});

describe('renderProgress', () => {
  test('half way', () => {
    const line = renderProgress(5 * 1024 * 1024, 10 * 1024 * 1024, 1234, 80);
    expect(line).toMatch(/^\[#+\.+\]\s+50% {2}5\.0\/10\.0 MB {2}1,234 messages$/);
    expect(line.length).toBeLessThanOrEqual(80);
    const bar = /\[(#*)(\.*)\]/.exec(line);
    expect(bar?.[1]?.length).toBe(bar?.[2]?.length);
  });
  test('clamps and handles an empty total', () => {
    expect(renderProgress(20, 10, 1, 80)).toContain('100%');
    expect(renderProgress(0, 0, 0, 80)).toContain('100%');
    expect(renderProgress(0, 10, 1, 80)).toContain(' 0%  0.0/0.0 MB  1 message');
  });
});

test('ProgressBar throttles redraws and clears its line', () => {
  const out: string[] = [];
  let now = 0;
  const bar = new ProgressBar(
    t => out.push(t),
    100,
    80,
    () => now,
    100,
  );
  bar.update(10, 1);
  now = 50;
  bar.update(20, 2); // too soon
  now = 200;
  bar.update(30, 3);
  bar.clear();
  bar.clear(); // nothing drawn: no second erase
  expect(out).toHaveLength(3);
  expect(out[0]).toMatch(/^\r\[.*10%/);
  expect(out[1]).toMatch(/30%/);
  expect(out[2]).toBe('\r\u001b[K');
});
