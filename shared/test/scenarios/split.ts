// The frozen evaluation split of the scenario set (verdict issue, "How to set the numbers"). Chosen
// before any weight was changed and never tuned on: `npm run calibrate` reads only the tuning rows, and
// `npm run eval` reports both. Whole shells (one real bounce from one MTA, in every persona) and whole
// personas are held out, so the frozen figures measure mail from an MTA, or a user, that tuning never saw.
// The rule is a hash of the name, not a list, so a shell or persona added later falls on a side of its
// own without anyone choosing; `split.tsv` records the sides of everything that existed when it was frozen
// (`split.test.ts` checks the rule still gives them).

/** FNV-1a, 32 bit, over the UTF-8 bytes: stable across runtimes and versions. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const SALT = 'bsg-frozen-eval-v1';

/** About one shell in three is held out. */
export const heldOutShell = (shell: string): boolean => fnv1a(`${SALT}|shell|${shell}`) % 3 === 0;

/** About one persona in four is held out (with all its messages, whatever the shell). */
export const heldOutPersona = (persona: string): boolean => fnv1a(`${SALT}|persona|${persona}`) % 4 === 0;

export type Side = 'frozen' | 'tuning';

export function sideOf(row: { persona: string; shell: string }): Side {
  return heldOutShell(row.shell) || heldOutPersona(row.persona) ? 'frozen' : 'tuning';
}

/**
 * The real corpus (test/corpus: real bounces of mail that was really sent) is split the same way, file
 * by file: the frozen half is only ever evaluated; the tuning half tells calibration how often each piece
 * of backscatter evidence fires on real genuine mail, which no generator can (added when the first
 * calibration, on synthetic mail alone, called 21 real bounces backscatter).
 */
export const heldOutCorpusFile = (file: string): boolean => fnv1a(`${SALT}|corpus|${file}`) % 2 === 0;
