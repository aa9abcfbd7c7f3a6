// The learned profile in storage.local: bounces of the user's own mail (original found in Sent) teach
// it the route, and that survives a restart and a relearn from Sent (issue 9 §5).
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../shared/src/index';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { sharedEngine } from './engine-shared';
import { ProfileCache } from './profile';
import { Store } from './settings';
import m069 from '../../../shared/test/scenarios/messages/069-m365-genuine-in-sent.eml?raw';
import m070 from '../../../shared/test/scenarios/messages/073-m365-genuine-in-sent.eml?raw';

// Two scenario bounces of Bob's mail (ASCII files).
const files: Record<string, string> = {
  '069-m365-genuine-in-sent.eml': m069,
  '073-m365-genuine-in-sent.eml': m070,
};
const bounce = (file: string) => analyze(new TextEncoder().encode(files[file]));

function setup(now: { t: number }) {
  const tb = new FakeThunderbird();
  // A Microsoft 365 user with a custom domain whose Sent folder is not synced yet: no sample.
  tb.addAccount(
    'm365',
    ['bob.keller@contoso-example.com'],
    [
      { path: 'INBOX', specialUse: ['inbox'] },
      { path: 'Sent', specialUse: ['sent'], unsynced: true },
    ],
  );
  const store = new Store(tb.messenger.storage.local);
  const cache = () =>
    new ProfileCache(tb.messenger, sharedEngine.verdict!, sharedEngine.summarizeHeaders, store, () => now.t);
  return { tb, store, cache };
}

describe('ProfileCache.confirm', () => {
  test('a confirmed bounce is stored and carried over every relearn', async () => {
    const now = { t: Date.parse('2026-11-27T12:00:00Z') };
    const { store, cache } = setup(now);
    const first = await bounce('069-m365-genuine-in-sent.eml');
    // Found as lookUpInSent answers it: with the Sent copy's date (the bounce came minutes later).
    await cache().confirm(first, {
      [first.original!.messageId!]: { result: 'found', date: first.original!.date, subject: undefined },
    });
    const stored = await store.profile();
    expect(stored?.profile.confirmed?.entryHosts).toEqual([
      'mail-vi1eur05on2014.outbound.protection.outlook.com',
    ]);

    // A new background page (restart): the profile is relearned from Sent (still no sample) and keeps it.
    now.t += 60_000;
    const relearned = await cache().get();
    expect(relearned.relays).toContain('mail-vi1eur05on2014.outbound.protection.outlook.com');
    expect(relearned.confirmed?.count).toBe(1);

    // …and the next bounce of Bob's mail, with no Sent folder to ask, is recognised by its route.
    const next = await bounce('073-m365-genuine-in-sent.eml');
    expect(sharedEngine.verdict!.decide(next, relearned, {}, undefined).verdict).toBe('legitimate');
  });

  test('nothing found in Sent: nothing stored', async () => {
    const { store, cache } = setup({ t: 0 });
    const first = await bounce('069-m365-genuine-in-sent.eml');
    await cache().confirm(first, { [first.original!.messageId!]: 'not-found' });
    expect(await store.profile()).toBeUndefined();
  });
});
