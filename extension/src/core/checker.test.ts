import { describe, expect, test } from 'vitest';
import { scenario } from '../test-support/scenario';

describe('Checker', () => {
  test('a verdict reached without searching Sent is not cached: once Sent syncs, the next look searches', async () => {
    const s = scenario();
    s.tb.folder('account1', 'Sent').unsynced = true;
    const first = await s.app.checker.check(s.messages.backscatter.id);
    expect(first).toMatchObject({
      verdict: 'unsure',
      sentCoverage: 'partial',
      lookups: { 'forged-123@spammer.example': 'unavailable' },
    });
    s.tb.folder('account1', 'Sent').unsynced = false;
    expect(await s.app.checker.check(s.messages.backscatter.id)).toMatchObject({
      verdict: 'backscatter',
      sentCoverage: 'complete',
    });
  });

  // The 140 ESR e2e run logged "onMessagesDisplayed Error reading message 12": getRaw of an IMAP
  // message fails now and then while Thunderbird streams it for display, and works when asked again.
  test('a raw read that fails once is asked again, so the displayed message still gets its verdict', async () => {
    const s = scenario();
    const getRaw = s.tb.messenger.messages.getRaw;
    let failures = 1;
    s.tb.messenger.messages.getRaw = async (id, options) => {
      if (failures-- > 0) {
        throw new Error(`Error reading message ${id}`);
      }
      return getRaw(id, options);
    };
    expect(await s.app.checker.check(s.messages.backscatter.id)).toMatchObject({ verdict: 'backscatter' });
  });

  test('a verdict from a searched Sent folder is cached', async () => {
    const s = scenario();
    const first = await s.app.checker.check(s.messages.legit.id);
    s.tb.folder('account1', 'Sent').unsynced = true;
    expect(await s.app.checker.check(s.messages.legit.id)).toBe(first);
  });

  test('ordinary mail is analysed, not looked up or judged', async () => {
    const s = scenario();
    expect(await s.app.checker.check(s.messages.ordinary.id)).toMatchObject({
      automated: false,
      verdict: undefined,
      decision: undefined,
      lookups: {},
    });
    expect(s.engine.learned).toEqual([]);
  });

  test('the profile is learned from identities and the Sent sample, then reused', async () => {
    const s = scenario();
    await s.app.checker.check(s.messages.backscatter.id);
    await s.app.checker.check(s.messages.legit.id);
    expect(s.engine.learned).toHaveLength(1);
    expect(s.engine.learned[0]).toMatchObject({
      addresses: ['me@example.test', 'other@example.org'],
      sent: [{ messageId: 'real-456@example.test' }],
    });
  });
});
