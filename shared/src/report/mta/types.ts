// An MTA recogniser: which software (or provider) wrote this report. It decides nothing about the
// kind or the recipients (the format modules do); it names the writer, cheaply, from the top header
// block and the first lines of the report's text, so evidence and the UI can say "Exchange said …".
export interface Signature {
  subject: string;
  /** The bounce's From address, lower-case ('' when none). */
  from: string;
  /** Lower-case names of the top header fields. */
  headers: ReadonlySet<string>;
  /** The first few KB of the report's own text. */
  body: string;
  /**
   * `body` lower-cased, once for all recognisers: their phrases are compared case-insensitively with
   * `includes` (one literal search each, where a case-insensitive regex tried every position).
   */
  text: string;
}

export interface Mta {
  /** Stable id: the file name. */
  id: string;
  recognise(sig: Signature): boolean;
}
