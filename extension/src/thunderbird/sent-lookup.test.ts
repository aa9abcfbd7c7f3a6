import { describe, expect, test } from 'vitest';
import { analysisOf, testMessage } from '../test-support/fake-engine';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { listSentFolders } from './sent-folders';
import { coverage, lookUpInSent, sendersOf } from './sent-lookup';
import { recipientLookup } from '../../../shared/src/verdict/testing';
import { lookupResult } from '../../../shared/src/sent-index';

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
  // found / not-found / unavailable (a found original carries the copy's date: tested below).
  return lookupResult((await lookUpInSent(tb.messenger, requests, sent, 'own'))[id]);
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
    // With the copy's date: a bounced original decides only when the bounce arrived within a queue
    // lifetime of it (issue 8 §6, the bounce side).
    expect(lookups['<mine@example.test>']).toMatchObject({ result: 'found', date: expect.any(String) });
  });

  // Issue 8 §6: the reply veto compares the answered message's date and subject with the auto-reply's.
  test('the id an auto-reply answers: found with the Sent copy’s date and subject', async () => {
    const tb = mailbox({});
    tb.deliver(tb.folder('own', 'Sent').id, testMessage('sent', 'lunch@example.test'), {
      headerMessageId: 'lunch@example.test',
      subject: 'Re: Lunch on Friday',
      received: new Date('2026-11-23T11:58:00Z'),
    });
    const sent = await listSentFolders(tb.messenger);
    const lookups = await lookUpInSent(
      tb.messenger,
      [
        { messageId: 'lunch@example.test', role: 'in-reply-to' },
        { messageId: 'mine@example.test', role: 'references' },
      ],
      sent,
      'own',
    );
    expect(lookups).toEqual({
      'lunch@example.test': {
        result: 'found',
        date: '2026-11-23T11:58:00.000Z',
        subject: 'Re: Lunch on Friday',
      },
      'mine@example.test': 'found',
    });
  });
});

describe('a bounce received in one account about mail from another (issue 8 §5)', () => {
  test.each([
    { otherSent: 'unsynced' as const, senders: ['me@example.org'], expected: 'unavailable' },
    { otherSent: 'synced' as const, senders: ['me@example.org'], expected: 'not-found' },
    // From an address no account has: the receiving account's Sent decides, as before.
    { otherSent: 'unsynced' as const, senders: ['me@example.test'], expected: 'not-found' },
  ])(
    'sender’s account Sent $otherSent, From $senders → $expected',
    async ({ otherSent, senders, expected }) => {
      const tb = mailbox({ otherSent });
      const sent = await listSentFolders(tb.messenger);
      const lookups = await lookUpInSent(
        tb.messenger,
        [{ messageId: 'forged@spammer.example', role: 'original' }],
        sent,
        'own',
        senders,
      );
      expect(lookups['forged@spammer.example']).toBe(expected);
      expect(coverage(sent, 'own', senders)).toBe(expected === 'unavailable' ? 'partial' : 'complete');
    },
  );

  test('the senders are the original’s From, or with no original the notice’s To', () => {
    const mb = (address: string) => ({ name: undefined, address });
    expect(sendersOf({ original: undefined, to: [mb('Me@Example.org')] })).toEqual(['me@example.org']);
    expect(
      sendersOf({
        original: { ...analysisOf('ndr', ['x']).original!, from: [mb('a@b.example')] },
        to: [mb('c@d.example')],
      }),
    ).toEqual(['a@b.example']);
  });
});

describe('by recipient: a notice without an id', () => {
  const request = () => recipientLookup({ date: '2026-11-27T12:00:00.000Z' });

  function withSentTo(fields: {
    recipients?: string[];
    ccList?: string[];
    subject?: string;
    received?: Date;
  }) {
    const tb = mailbox({});
    // A Sent folder that reaches back before the window: absence in it means something.
    tb.deliver(tb.folder('own', 'Sent').id, testMessage('sent', 'old@example.test'), {
      headerMessageId: 'old@example.test',
      recipients: ['carol@else.example'],
      received: new Date('2026-09-01T09:00:00Z'),
    });
    tb.deliver(tb.folder('own', 'Sent').id, testMessage('sent', 'lunch@example.test'), {
      headerMessageId: 'lunch@example.test',
      subject: fields.subject ?? 'Re: Lunch',
      recipients: fields.recipients ?? [],
      ccList: fields.ccList ?? [],
      received: fields.received ?? new Date('2026-11-27T09:00:00Z'),
    });
    return tb;
  }

  test.each([
    {
      name: 'To, same subject, in the window',
      tb: () => withSentTo({ recipients: ['Bob <Bob@remote.example>'] }),
      expected: 'found',
    },
    { name: 'Cc counts too', tb: () => withSentTo({ ccList: ['bob@remote.example'] }), expected: 'found' },
    {
      name: 'to someone else',
      tb: () => withSentTo({ recipients: ['eve@remote.example'] }),
      expected: 'not-found',
    },
    {
      name: 'to them, about something else: proves neither',
      tb: () => withSentTo({ recipients: ['bob@remote.example'], subject: 'Invoice' }),
      expected: 'unavailable',
    },
    {
      name: 'to them, long before the window',
      tb: () =>
        withSentTo({ recipients: ['bob@remote.example'], received: new Date('2026-10-01T09:00:00Z') }),
      expected: 'not-found',
    },
  ])('$name → $expected', async ({ tb, expected }) => {
    const thunderbird = tb();
    const sent = await listSentFolders(thunderbird.messenger);
    expect((await lookUpInSent(thunderbird.messenger, [request()], sent, 'own'))['r']).toBe(expected);
  });

  test('a window older than every Sent message is not covered: unavailable', async () => {
    const tb = mailbox({});
    const sent = await listSentFolders(tb.messenger);
    // The fake's Sent messages are all dated 27 Nov 2026; this window ends on 2 Oct.
    const old = recipientLookup({ date: '2026-10-01T12:00:00.000Z' });
    expect((await lookUpInSent(tb.messenger, [old], sent, 'own'))['r']).toBe('unavailable');
  });

  test('an unsynced Sent of the receiving account: unavailable, never not-found', async () => {
    const tb = mailbox({ ownSent: 'unsynced' });
    const sent = await listSentFolders(tb.messenger);
    expect((await lookUpInSent(tb.messenger, [request()], sent, 'own'))['r']).toBe('unavailable');
  });
});
