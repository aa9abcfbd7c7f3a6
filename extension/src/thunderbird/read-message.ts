// The single place that reads message content: messages.getRaw → bytes for analyze().
// MV3 getRaw() resolves to a DOM File (MV2 defaulted to a "binary string"; the engine must never
// see one, because a string would have to be re-encoded and 8-bit bodies would be mangled).
import type { Messenger, MessageId } from './api';

export async function readMessageBytes(api: Messenger, messageId: MessageId): Promise<Uint8Array> {
  const file = await api.messages.getRaw(messageId);
  return new Uint8Array(await file.arrayBuffer());
}
