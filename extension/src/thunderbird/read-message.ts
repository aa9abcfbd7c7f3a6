// The single place that reads message content: messages.getRaw → bytes for analyze().
// Asked as a "binary string" (one character per byte, 0–255), not MV3's default File: for the File,
// Thunderbird reads that same string, copies it byte by byte into an array in a JavaScript loop and
// wraps the array in a File (`getRaw` in ext-messages.js), and reading the File back is one more
// asynchronous step — all on Thunderbird's one main thread, which is drawing the message the user just
// opened while its banner waits for this read (issue 11: display → banner). The string is turned into
// bytes here, character by character, so 8-bit bodies keep their exact bytes (a string is never
// re-encoded: TextEncoder would write UTF-8).
//
// The engine reads at most MAX_MESSAGE_BYTES of a message (shared/src/limits.ts): only that and one byte
// more are copied into the array, so the engine still notes that it cut the message ('size-limit').
// No MailExtension API reads part of a message (thunderbird-platform.md §A2): Thunderbird holds the
// whole string either way.
import { MAX_MESSAGE_BYTES } from '../../../shared/src/limits';
import type { Messenger, MessageId } from './api';

export const READ_LIMIT = MAX_MESSAGE_BYTES + 1;

export async function readMessageBytes(api: Messenger, messageId: MessageId): Promise<Uint8Array> {
  return binaryStringBytes(await api.messages.getRaw(messageId, { data_format: 'BinaryString' }));
}

/** The bytes of a binary string, at most READ_LIMIT of them (a character above 255 keeps its low byte). */
export function binaryStringBytes(text: string): Uint8Array {
  const n = Math.min(text.length, READ_LIMIT);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    bytes[i] = text.charCodeAt(i);
  }
  return bytes;
}
