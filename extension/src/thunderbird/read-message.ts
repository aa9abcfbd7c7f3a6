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
