// The single place that reads message content: messages.getRaw → bytes for analyze().
// MV3 getRaw() resolves to a DOM File (MV2 defaulted to a "binary string"; the engine must never
// see one, because a string would have to be re-encoded and 8-bit bodies would be mangled).
//
// The engine reads at most MAX_MESSAGE_BYTES of a message (shared/src/limits.ts). No MailExtension
// API reads part of a message (getRaw, getFull and getAttachmentFile all take the whole message or
// part; thunderbird-platform.md §A2), but the File is a Blob: slicing it before arrayBuffer() copies
// only what the engine uses into the extension's memory, whatever the message's size. One byte more
// than the limit is read so the engine still notes that it cut the message ('size-limit').
import { MAX_MESSAGE_BYTES } from '../../../shared/src/limits';
import type { Messenger, MessageId } from './api';

export const READ_LIMIT = MAX_MESSAGE_BYTES + 1;

export async function readMessageBytes(api: Messenger, messageId: MessageId): Promise<Uint8Array> {
  const file = await api.messages.getRaw(messageId);
  const part = file.size > READ_LIMIT ? file.slice(0, READ_LIMIT) : file;
  return new Uint8Array(await part.arrayBuffer());
}

const READ_ATTEMPTS = 3;
const READ_PAUSE_MS = 150;

/**
 * readMessageBytes for a message being displayed or just received: getRaw of an IMAP message fails
 * now and then while Thunderbird itself streams that message (the first display of a message with no
 * offline copy: `nsIMsgMessageService.streamMessage` NS_ERROR_FAILURE in the e2e log, "Error reading
 * message 12" in the 140 ESR run) and works when asked again a moment later. Two more tries.
 */
export async function readMessageBytesRetrying(
  api: Messenger,
  messageId: MessageId,
  sleep: (ms: number) => Promise<void> = ms => new Promise(resolve => setTimeout(resolve, ms)),
): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await readMessageBytes(api, messageId);
    } catch (error) {
      if (attempt >= READ_ATTEMPTS) {
        throw error;
      }
      await sleep(READ_PAUSE_MS * attempt);
    }
  }
}
