// Learning in the pane without Graph: a message the user sent, opened from Sent Items (no internet
// headers), is learned into roaming settings; the same message arriving in the Inbox (a scam forged
// with the user's own address as From) is not; nor is someone else's message.
import { afterEach, describe, expect, test } from 'vitest';
import { roamingSettings } from '../src/office/roaming';
import { learnedLookup, profileWith } from '../src/profile/learned';
import { createLearnedStore } from '../src/profile/store';
import { checkCurrentItem } from '../src/taskpane/check-item';
import { noticesFor } from '../src/taskpane/notices';
import { makeAssess } from '../src/verdict/assess';
import { engine } from '../src/verdict/engine';
import { createFakeOffice, type FakeMessage } from './fake-office';

const USER = 'user@example.org';
const sent = (from: string): string =>
  [
    `From: User <${from}>`,
    'To: friend@example.net',
    'Subject: Lunch',
    'Date: Mon, 2 Nov 2026 10:00:00 +0000',
    'Message-ID: <A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF@example.org>',
    'User-Agent: Mozilla Thunderbird',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'See you at noon.',
    '',
  ].join('\r\n');

function setup(item: FakeMessage, mailbox = '1.14') {
  const host = createFakeOffice({ mailbox, userAddress: USER, item });
  (globalThis as Record<string, unknown>)['Office'] = host.Office;
  const store = createLearnedStore(roamingSettings());
  const addresses = () => [USER];
  const assess = makeAssess(engine, () => ({
    profile: profileWith(addresses(), store.state()),
    lookup: learnedLookup(store.state()),
  }));
  const check = () =>
    checkCurrentItem({
      assess,
      lang: 'en',
      store,
      addresses,
      notices: a =>
        noticesFor(a, { graph: 'not-configured', connected: false, learnedSamples: store.state().samples }),
    });
  return { host, store, check };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>)['Office'];
});

describe('learning from the user’s own messages', () => {
  test('opened from Sent Items: learned and saved to roaming settings', async () => {
    const { host, store, check } = setup({ itemId: 's1', subject: 'Lunch', eml: sent(USER), folder: 'sent' });
    const state = await check();
    expect(state).toMatchObject({ kind: 'result', learned: true });
    expect(store.state().samples).toBe(1);
    expect(store.state().ids).toEqual(['a1b2c3d4-e5f6-4711-8899-aabbccddeeff@example.org']);
    expect(JSON.parse(host.roaming.saved ?? '{}')).toHaveProperty('learnedProfile.samples', 1);
  });

  // Without getAsFileAsync the message is rebuilt from its internet headers, and a Sent item has none:
  // its From, To, Date and Message-ID come from the item's properties (before, it was never learned).
  test('opened from Sent Items on Mailbox 1.8 (rebuilt from properties): learned too', async () => {
    const { host, store, check } = setup(
      { itemId: 's1', subject: 'Lunch', eml: sent(USER), folder: 'sent' },
      '1.8',
    );
    const state = await check();
    expect(state).toMatchObject({ kind: 'result', learned: true, source: 'rebuilt' });
    expect(store.state().ids).toEqual(['a1b2c3d4-e5f6-4711-8899-aabbccddeeff@example.org']);
    expect(host.calls).not.toContain('getAsFileAsync');
  });

  test.each([
    {
      name: 'forged with the user’s address, arrived in the Inbox',
      item: { folder: 'inbox' as const, from: USER },
    },
    {
      name: 'someone else’s message in Sent Items',
      item: { folder: 'sent' as const, from: 'other@example.net' },
    },
  ])('$name: not learned', async ({ item }) => {
    const { host, store, check } = setup({
      itemId: 'x',
      subject: 'Lunch',
      eml: sent(item.from),
      folder: item.folder,
    });
    const state = await check();
    expect(state).toMatchObject({ kind: 'result', learned: false });
    expect(store.state().samples).toBe(0);
    expect(host.roaming.saved).toBeUndefined();
  });
});
