// Random input for the property tests that compare a fast reader with the one it replaces.
import fc from 'fast-check';

/** Texts of up to `maxLength` pieces, each one of `pieces`: the characters and words a reader cares about. */
export const textFrom = (pieces: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pieces), { maxLength }).map(parts => parts.join(''));
