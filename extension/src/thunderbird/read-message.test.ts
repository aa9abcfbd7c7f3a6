import { expect, test } from 'vitest';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { READ_LIMIT, readMessageBytes } from './read-message';

test('getRaw’s File becomes the exact bytes, 8-bit and CR included', async () => {
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
