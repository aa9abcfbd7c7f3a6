import { expect, test } from 'vitest';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { readMessageBytes } from './read-message';

test('getRaw’s File becomes the exact bytes, 8-bit and CR included', async () => {
  const tb = new FakeThunderbird();
  tb.addAccount('a', ['me@example.test'], [{ path: 'INBOX', specialUse: ['inbox'] }]);
  const raw = new Uint8Array([0x53, 0x3a, 0x20, 0xe4, 0xfc, 0x0d, 0x0a, 0x0d, 0x0a, 0xff, 0x00, 0x80]);
  const message = tb.deliver(tb.folder('a', 'INBOX').id, raw, { headerMessageId: 'x@y' });
  expect(await readMessageBytes(tb.messenger, message.id)).toEqual(raw);
});
