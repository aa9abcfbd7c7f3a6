import { describe, expect, test } from 'vitest';
import { rememberAnswers } from './memo';

describe('rememberAnswers', () => {
  const counting = () => {
    const calls: string[] = [];
    const f = rememberAnswers(
      (key: string) => {
        calls.push(key);
        return key === 'none' ? undefined : key.toUpperCase();
      },
      3,
      8,
    );
    return { f, calls };
  };

  test('a key is computed once, an undefined answer too', () => {
    const { f, calls } = counting();
    expect([f('a'), f('a'), f('none'), f('none')]).toEqual(['A', 'A', undefined, undefined]);
    expect(calls).toEqual(['a', 'none']);
  });

  test('keys longer than the limit are computed every time', () => {
    const { f, calls } = counting();
    expect([f('123456789'), f('123456789')]).toEqual(['123456789', '123456789']);
    expect(calls).toEqual(['123456789', '123456789']);
  });

  test('a full memo is emptied, and its answers stay right', () => {
    const { f, calls } = counting();
    for (const k of ['a', 'b', 'c', 'd', 'a', 'd']) {
      expect(f(k)).toBe(k.toUpperCase());
    }
    // a, b, c fill it; d empties it and is kept; a is computed again; d is still known.
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
