import { describe, expect, test } from 'vitest';
import { analysisOf, testMessage } from '../test-support/fake-engine';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { listSentFolders } from './sent-folders';
import { lookUpInSent } from './sent-lookup';

function mailbox(options: {
  ownSent?: 'synced' | 'unsynced' | 'empty' | 'none';
  otherSent?: 'synced' | 'unsynced';
}) {
  const tb = new FakeThunderbird();
  const own = options.ownSent ?? 'synced';
  tb.addAccount(
    'own',
    ['me@example.test'],
    [
      { path: 'INBOX', specialUse: ['inbox'] },
      ...(own === 'none'
        ? []
        : [{ path: 'Sent', specialUse: ['sent' as const], unsynced: own === 'unsynced' }]),
    ],
  );
  tb.addAccount(
    'other',
    ['me@example.org'],
    [{ path: 'Sent', specialUse: ['sent'], unsynced: options.otherSent === 'unsynced' }],
  );
  if (own === 'synced' || own === 'unsynced') {
    tb.deliver(tb.folder('own', 'Sent').id, testMessage('sent', 'mine@example.test'), {
      headerMessageId: 'mine@example.test',
    });
  }
  tb.deliver(tb.folder('other', 'Sent').id, testMessage('sent', 'other@example.org'), {
    headerMessageId: 'other@example.org',
  });
  return tb;
}

async function look(tb: FakeThunderbird, id: string) {
  const sent = await listSentFolders(tb.messenger);
  const requests = analysisOf('ndr', [id]).lookups;
  return (await lookUpInSent(tb.messenger, requests, sent, 'own'))[id];
}

describe('lookUpInSent', () => {
  test.each([
    { name: 'in the own synced Sent', setup: {}, id: 'mine@example.test', expected: 'found' },
    { name: 'in another account’s Sent', setup: {}, id: 'other@example.org', expected: 'found' },
    { name: 'in no Sent, own Sent synced', setup: {}, id: 'forged@spammer.example', expected: 'not-found' },
    {
      name: 'own Sent never synced',
      setup: { ownSent: 'unsynced' as const },
      id: 'mine@example.test',
      expected: 'unavailable',
    },
    {
      name: 'own Sent empty',
      setup: { ownSent: 'empty' as const },
      id: 'forged@spammer.example',
      expected: 'unavailable',
    },
    {
      name: 'no own Sent, other synced',
      setup: { ownSent: 'none' as const },
      id: 'forged@spammer.example',
      expected: 'not-found',
    },
    {
      name: 'no own Sent, other unsynced',
      setup: { ownSent: 'none' as const, otherSent: 'unsynced' as const },
      id: 'forged@spammer.example',
      expected: 'unavailable',
    },
    {
      name: 'found though another Sent is unsynced',
      setup: { otherSent: 'unsynced' as const },
      id: 'mine@example.test',
      expected: 'found',
    },
  ])('$name → $expected', async ({ setup, id, expected }) => {
    expect(await look(mailbox(setup), id)).toBe(expected);
  });

  test('an id given with angle brackets is looked up without them', async () => {
    const tb = mailbox({});
    const sent = await listSentFolders(tb.messenger);
    const lookups = await lookUpInSent(
      tb.messenger,
      [{ messageId: '<mine@example.test>', role: 'original' }],
      sent,
      'own',
    );
    expect(lookups['<mine@example.test>']).toBe('found');
  });
});
