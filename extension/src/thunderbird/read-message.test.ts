import { expect, test } from 'vitest';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { READ_LIMIT, binaryStringBytes, readMessageBytes } from './read-message';

test('getRaw’s binary string becomes the exact bytes, 8-bit and CR included', async () => {
  const tb = new FakeThunderbird();
  tb.addAccount('a', ['me@example.test'], [{ path: 'INBOX', specialUse: ['inbox'] }]);
  const raw = new Uint8Array([0x53, 0x3a, 0x20, 0xe4, 0xfc, 0x0d, 0x0a, 0x0d, 0x0a, 0xff, 0x00, 0x80]);
  const message = tb.deliver(tb.folder('a', 'INBOX').id, raw, { headerMessageId: 'x@y' });
  expect(await readMessageBytes(tb.messenger, message.id)).toEqual(raw);
});

test('a message larger than the engine reads: only the limit and one byte are copied out', async () => {
  const tb = new FakeThunderbird();
  tb.addAccount('a', ['me@example.test'], [{ path: 'INBOX', specialUse: ['inbox'] }]);
  const raw = new Uint8Array(READ_LIMIT + 5 * 1024 * 1024).fill(0x41);
  const message = tb.deliver(tb.folder('a', 'INBOX').id, raw, { headerMessageId: 'big@y' });
  const bytes = await readMessageBytes(tb.messenger, message.id);
  expect(bytes.length).toBe(READ_LIMIT);
  expect(bytes.buffer.byteLength).toBe(READ_LIMIT);
});

test('a binary string becomes one byte per character, whatever the byte', () => {
  const every = Uint8Array.from({ length: 256 }, (_, i) => i);
  expect(binaryStringBytes(String.fromCharCode(...every))).toEqual(every);
  expect(binaryStringBytes('')).toEqual(new Uint8Array(0));
});

test('getRaw is asked for the binary string, never the File Thunderbird builds from it', async () => {
  const tb = new FakeThunderbird();
  tb.addAccount('a', ['me@example.test'], [{ path: 'INBOX', specialUse: ['inbox'] }]);
  const message = tb.deliver(tb.folder('a', 'INBOX').id, new Uint8Array([0x41]), { headerMessageId: 'f@y' });
  const asked: unknown[] = [];
  const getRaw = tb.messenger.messages.getRaw;
  tb.messenger.messages.getRaw = async (id, options) => {
    asked.push(options);
    return getRaw(id, options);
  };
  await readMessageBytes(tb.messenger, message.id);
  expect(asked).toEqual([{ data_format: 'BinaryString' }]);
});
