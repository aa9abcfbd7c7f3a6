// Hard limits on what the engine reads. Every input is assumed hostile: these bound time and memory
// whatever the message does. Values are generous for real mail (the largest Sisimai sample is 90 KB).

/** Bytes of a message the engine looks at at all; the rest is never scanned (a 25 MB attachment). */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** Bytes of one header block (RFC 5322 sets no limit; postal-mime stops at 2 MB and throws). */
export const MAX_HEADER_BYTES = 256 * 1024;
/** Header fields kept from one block. */
export const MAX_HEADER_FIELDS = 2000;
/** Bytes of one unfolded header value. */
export const MAX_HEADER_VALUE = 16 * 1024;
/** MIME nesting depth followed (postal-mime throws past 256; real reports nest 3–4 deep). */
export const MAX_MIME_DEPTH = 24;
/** MIME parts recorded in one message. */
export const MAX_MIME_PARTS = 512;
/** Characters of decoded text read from one part. */
export const MAX_TEXT_CHARS = 256 * 1024;
/** Bytes handed to postal-mime for one part's decoding. */
export const MAX_DECODE_BYTES = 512 * 1024;
/** Recipients reported per message (a 20,000-recipient DSN is an attack, not a bounce). */
export const MAX_RECIPIENTS = 500;
/** Received hops parsed from an original. */
export const MAX_RECEIVED = 64;
/** Characters of one diagnostic kept. */
export const MAX_DIAGNOSTIC = 1000;
/** Nested bounced originals followed ("Fwd:" of a bounce of a bounce). */
export const MAX_ORIGINAL_DEPTH = 3;
