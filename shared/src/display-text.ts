// The one place where text taken from a message is made safe to show. Every string in the engine's
// output (Analysis, and through it Decision's evidence and explanation params) passes through
// `displayText` once, when analyze() returns; shells pass what they read elsewhere (a Graph listing's
// subject and sender) through the same function.
//
// Why: a subject, address or diagnostic is written by whoever sent the message. Control characters in
// it can hide or rewrite the product's own words:
// - C0/C1 controls and DEL: ESC starts terminal escape sequences, CR rewrites a terminal line, NUL
//   ends strings in native code (CVE-2021-42574 describes the bidi variant below).
// - Explicit bidi formatting (Unicode UAX #9 §2.1–2.2): LRE/RLE/PDF/LRO/RLO U+202A–U+202E and the
//   isolates LRI/RLI/FSI/PDI U+2066–U+2069. An RLO in a subject reverses everything after it, the
//   product's own sentence included ("…bob.tsixe ton seod…").
// - U+2028/U+2029 (line and paragraph separators) start a new bidi paragraph in plain-text views.
// These become U+FFFD, visibly: the reader sees that something was there. The implicit marks
// LRM/RLM/ALM (U+200E, U+200F, U+061C) cannot override; they are dropped, because right-to-left
// subjects carry them legitimately and a replacement character in every one would be noise.
// TAB and LF stay: diagnostics are multi-line text, and every UI renders them as white space.
// One character class, no quantifier over it: linear in the input (no backtracking possible).

const VISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
const INVISIBLE = /[\u061c\u200e\u200f]/g;

/** U+FFFD REPLACEMENT CHARACTER: shows where a control character was. */
export const REPLACED = '\ufffd';

// Non-global twins for a cheap test: most strings carry nothing to replace and are kept as they are.
const ANY =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;

/** `text` with every control and bidi formatting character made visible or removed (see above). */
export function displayText(text: string): string {
  return ANY.test(text) ? text.replace(VISIBLE, REPLACED).replace(INVISIBLE, '') : text;
}

/**
 * Lists whose every string consists of a text's characters and spaces, with that text: a header block's
 * fields as parseHeaderBlock() read them (names and values are slices of the block, unfolded lines are
 * joined by one space). When the text holds nothing displayText() changes, neither does the list: one
 * search of the block instead of a walk of every field (most of a result with a returned original).
 * Weak: a list is forgotten with its result.
 */
const SOURCE_TEXT = new WeakMap<readonly unknown[], string>();

/** The last text cleanSource() searched and its answer: an original's lists share one. */
let lastSource: string | undefined;
let lastClean = false;

function cleanSource(text: string): boolean {
  if (text !== lastSource) {
    lastSource = text;
    lastClean = !ANY.test(text);
  }
  return lastClean;
}

/**
 * Records that every string in `list` (at any depth) is made of `text`'s characters (or their upper- or
 * lower-case forms, none of which is a character displayText() changes) and spaces.
 */
export function madeFromText(list: readonly unknown[], text: string): void {
  SOURCE_TEXT.set(list, text);
}

/** Bounds the walk: engine output is a few levels deep; anything deeper is not ours. */
const MAX_DEPTH = 12;

/**
 * `value` with `displayText` applied to every string in it (object values and array items, not keys).
 * Plain data only: the engine's output types are JSON-shaped. Objects and arrays with nothing to
 * change are returned as they are (no copy), so clean output costs one scan of its strings.
 */
export function displaySafe<T>(value: T, depth = 0): T {
  if (typeof value === 'string') {
    return displayText(value) as T;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) {
    return value;
  }
  // Index loops, no entries() pairs or callbacks: this runs over every result, and the pairs were 10%
  // of the engine's allocations.
  if (Array.isArray(value)) {
    const source = SOURCE_TEXT.get(value);
    if (source !== undefined && cleanSource(source)) {
      return value;
    }
    let out: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const safe = displaySafe(item, depth + 1);
      if (safe !== item) {
        out ??= value.slice();
        out[index] = safe;
      }
    }
    return (out ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  // for-in, not Object.keys(): no key array per object (every header field of a quoted original is one);
  // V8 reads the keys from the map's enum cache. The engine's objects are literals, whose prototype has
  // no enumerable keys, so both visit the same keys in the same order (5.183 → 5.145 G instructions).
  for (const key in record) {
    const item = record[key];
    const safe = displaySafe(item, depth + 1);
    if (safe !== item) {
      out ??= { ...record };
      out[key] = safe;
    }
  }
  return (out ?? value) as T;
}
