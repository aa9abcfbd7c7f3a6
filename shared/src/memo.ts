// Bounded memos for pure functions of a string that the engine asks about again and again (an address, a
// host name). Every key comes from a message, which an attacker writes: only keys of a bounded length are
// kept, and a memo is emptied when full, so its memory stays bounded whatever the messages hold.

/**
 * `compute` with its answers remembered: at most `entries` keys of at most `maxKeyLength` characters
 * (longer keys are computed every time). `compute` must be a pure function of its key.
 */
export function rememberAnswers<V>(
  compute: (key: string) => V,
  entries: number,
  maxKeyLength: number,
): (key: string) => V {
  const memo = new Map<string, V>();
  return key => {
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) {
      return known as V;
    }
    const value = compute(key);
    if (key.length <= maxKeyLength) {
      if (memo.size >= entries) {
        memo.clear();
      }
      memo.set(key, value);
    }
    return value;
  };
}
