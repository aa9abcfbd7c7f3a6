import PostalMime from 'postal-mime';
import { describe, expect, test } from 'vitest';
import { createApp } from '../core/app';
import { sharedEngine } from '../core/engine-shared';
import { testMessage } from '../test-support/fake-engine';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { addImapAccount, NOW, scenario } from '../test-support/scenario';
import { hintedHeader, screenHeader, Sweeper, type SweepRow } from './sweeper';

// The labelled scenario set (bounces, auto-replies, challenges of seven providers) and ordinary mail.
const FIXTURES = import.meta.glob<string>(
  ['../../../shared/test/scenarios/messages/*.eml', '../../../shared/test/fixtures/not-bounce/*'],
  { eager: true, query: '?raw', import: 'default' },
);

describe('screenHeader: the list fields Thunderbird gives, through the engine’s screen()', () => {
  test.each([
    ['Mail Delivery System <MAILER-DAEMON@mx.example>', 'Undelivered Mail Returned to Sender', true],
    ['postmaster@example.org', 'Hello', true],
    ['Bob <bob@partner.example>', 'Automatic reply: Quarterly report', true],
    ['"Neko, Nyaan" <neko@example.jp>', 'Lunch tomorrow?', false],
    ['Alice <alice@example.org>', 'Quarterly figures (12)', false],
    ['', '', false],
  ])('%s / %s → %s', (author, subject, candidate) => {
    expect(screenHeader({ author, subject })).toBe(candidate);
  });
});

describe('hintedHeader: the engine’s hinted() over Thunderbird’s author field', () => {
  test.each([
    ['', 'Nyaan', true], // From: <> (sisimai lhost-surfcontrol-02)
    ['<>', 'X', true],
    ['Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.com>', 'Fw: Nyaaaaaaaan', true],
    ['John Smith <john@a.b.c>', 'Thank you for your e-mail', true],
    ['<noreply@example.com>', 'AutoRespons :Nyaan?', true],
    ['Alice <alice@example.org>', 'Quarterly figures (12)', false],
    ['"Neko, Nyaan" <neko@example.jp>', 'Fwd: travel plans', false],
  ])('%s / %s → %s', (author, subject, hinted) => {
    expect(hintedHeader({ author, subject })).toBe(hinted);
  });
});

describe('a sweep over the scenario mailbox', () => {
  test('reads only the candidates: ordinary mail is never fetched', async () => {
    const s = scenario();
    const fetched: number[] = [];
    const getRaw = s.tb.messenger.messages.getRaw;
    s.tb.messenger.messages.getRaw = (id, options) => {
      fetched.push(id);
      return getRaw(id, options);
    };
    const started = await s.app.sweeper.start(s.inbox);
    expect(started).toMatchObject({ phase: 'listing', total: 4, listed: 0 });
    await s.app.sweeper.finished(started.sweepId);
    const done = s.app.sweeper.poll(started.sweepId, 0);
    expect(done).toMatchObject({ phase: 'done', listed: 4, candidates: 3, checked: 3, rowCount: 3 });
    expect(fetched).not.toContain(s.messages.ordinary.id);
    expect(started.flood).toBeUndefined(); // not with every poll, only once it is over
    expect(done?.flood?.map(item => [item.analysis.kind, item.decision.verdict])).toEqual(
      expect.arrayContaining([
        ['ndr', 'backscatter'],
        ['ndr', 'legitimate'],
        ['auto-reply', 'legitimate'],
      ]),
    );
    expect(done?.flood).toHaveLength(3);
    expect(done?.rows.map(row => [row.headerMessageId, row.verdict])).toEqual(
      expect.arrayContaining([
        ['bounce-1@mx.victim.example', 'backscatter'],
        ['bounce-2@mx.partner.example', 'legitimate'],
        ['ooo-1@partner.example', 'legitimate'],
      ]),
    );
  });

  test('per candidate Thunderbird is asked for the raw message and Sent only: no messages.get, the Sent folders once a sweep', async () => {
    const asked = async (extraBounces: number) => {
      const s = scenario();
      for (let index = 0; index < extraBounces; index += 1) {
        s.tb.deliver(s.inbox, testMessage('backscatter', `bounce-x${index}@mx.victim.example`), {
          headerMessageId: `bounce-x${index}@mx.victim.example`,
          subject: 'Undelivered Mail',
        });
      }
      const count = { get: 0, accounts: 0 };
      const get = s.tb.messenger.messages.get;
      s.tb.messenger.messages.get = id => {
        count.get += 1;
        return get(id);
      };
      const list = s.tb.messenger.accounts.list;
      s.tb.messenger.accounts.list = includeFolders => {
        count.accounts += 1; // each listing of the Sent folders asks once
        return list(includeFolders);
      };
      const started = await s.app.sweeper.start(s.inbox);
      await s.app.sweeper.finished(started.sweepId);
      expect(s.app.sweeper.poll(started.sweepId, 0)).toMatchObject({
        phase: 'done',
        checked: 3 + extraBounces,
      });
      return count;
    };
    const few = await asked(0);
    expect(few.get).toBe(0);
    expect(await asked(5)).toEqual(few);
  });

  test('reach every reads every message; by default a hinted one is read too and ordinary mail is not', async () => {
    const read = async (reach?: 'every') => {
      const s = scenario();
      const hinted = s.tb.deliver(s.inbox, testMessage('ordinary', 'away-1@example.org'), {
        headerMessageId: 'away-1@example.org',
        subject: 'Away until Monday',
        author: 'Bob <bob@example.org>',
      });
      const fetched: number[] = [];
      const getRaw = s.tb.messenger.messages.getRaw;
      s.tb.messenger.messages.getRaw = (id, options) => {
        fetched.push(id);
        return getRaw(id, options);
      };
      const started = await s.app.sweeper.start(s.inbox, reach);
      await s.app.sweeper.finished(started.sweepId);
      const done = s.app.sweeper.poll(started.sweepId, 0);
      return { fetched, hinted: hinted.id, ordinary: s.messages.ordinary.id, done };
    };
    const screened = await read();
    expect(screened.fetched).toContain(screened.hinted);
    expect(screened.fetched).not.toContain(screened.ordinary);
    // Read, but not automated: no row.
    expect(screened.done).toMatchObject({ candidates: 4, checked: 4, rowCount: 3 });
    const every = await read('every');
    expect(every.fetched).toEqual(expect.arrayContaining([every.hinted, every.ordinary]));
    expect(every.done).toMatchObject({ candidates: 5, rowCount: 3 });
  });

  test('a raw read that fails is tried again; one that keeps failing is counted as unreadable', async () => {
    const s = scenario();
    const getRaw = s.tb.messenger.messages.getRaw;
    const failures = new Map([
      [s.messages.backscatter.id, 1],
      [s.messages.legit.id, 5],
    ]);
    s.tb.messenger.messages.getRaw = async (id, options) => {
      const left = failures.get(id) ?? 0;
      if (left > 0) {
        failures.set(id, left - 1);
        throw new Error(`Error reading message ${id}`);
      }
      return getRaw(id, options);
    };
    const sweeper = new Sweeper(
      s.tb.messenger,
      s.app.checker,
      () => NOW,
      async () => undefined,
    );
    const started = await sweeper.start(s.inbox);
    await sweeper.finished(started.sweepId);
    const done = sweeper.poll(started.sweepId, 0);
    expect(done).toMatchObject({ checked: 3, unreadable: 1, rowCount: 2 });
    expect(done?.rows.map(row => row.headerMessageId)).toEqual([
      'bounce-1@mx.victim.example',
      'ooo-1@partner.example',
    ]);
  });

  test('Stop keeps what was found and checks nothing more', async () => {
    const s = scenario();
    let release: () => void = () => undefined;
    const gate = new Promise<void>(resolve => (release = resolve));
    const getRaw = s.tb.messenger.messages.getRaw;
    let reads = 0;
    s.tb.messenger.messages.getRaw = async (id, options) => {
      reads += 1;
      if (reads > 1) {
        await gate;
      }
      return getRaw(id, options);
    };
    const started = await s.app.sweeper.start(s.inbox);
    await new Promise(resolve => setTimeout(resolve, 20));
    const stopped = s.app.sweeper.stop(started.sweepId, 0);
    release();
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(stopped?.phase).toBe('stopped');
    const after = s.app.sweeper.poll(started.sweepId, 0);
    expect(after?.phase).toBe('stopped');
    expect(after?.rowCount).toBe(stopped?.rowCount);
    expect(after?.rowCount).toBeLessThan(3);
  });

  test('recheck finds messages moved back under new ids, also ones that show up late, and checks them again', async () => {
    const s = scenario();
    const sweeper = new Sweeper(
      s.tb.messenger,
      s.app.checker,
      () => NOW,
      async () => {
        // Thunderbird updates the IMAP folder while the sweep waits: the message appears.
        if (!s.tb.inFolder(s.inbox).some(message => message.headerMessageId === 'late@mx.victim.example')) {
          s.tb.deliver(s.inbox, testMessage('backscatter', 'late@mx.victim.example'), {
            headerMessageId: 'late@mx.victim.example',
          });
        }
      },
    );
    const rows = await sweeper.recheck(s.inbox, ['bounce-1@mx.victim.example', 'late@mx.victim.example']);
    expect(rows.map(row => [row.headerMessageId, row.verdict])).toEqual([
      ['bounce-1@mx.victim.example', 'backscatter'],
      ['late@mx.victim.example', 'backscatter'],
    ]);
    // Found at once, but a placeholder that cannot be read until the folder is updated.
    const placeholder = s.tb.deliver(s.inbox, testMessage('backscatter', 'ph@mx.victim.example'), {
      headerMessageId: 'ph@mx.victim.example',
    });
    const getRaw = s.tb.messenger.messages.getRaw;
    let unreadable = 2;
    s.tb.messenger.messages.getRaw = async (id, options) => {
      if (id === placeholder.id && unreadable-- > 0) {
        throw new Error(`Error reading message ${id}`);
      }
      return getRaw(id, options);
    };
    expect((await sweeper.recheck(s.inbox, ['ph@mx.victim.example'])).map(row => row.messageId)).toEqual([
      placeholder.id,
    ]);
    // Found with its real id, but read as nothing at first (Thunderbird 153 right after an IMAP move
    // back): read again, not taken for "not automated".
    const empty = s.tb.deliver(s.inbox, testMessage('backscatter', 'empty@mx.victim.example'), {
      headerMessageId: 'empty@mx.victim.example',
    });
    let emptyReads = 2;
    s.tb.messenger.messages.getRaw = async (id, options) =>
      id === empty.id && emptyReads-- > 0 ? '' : getRaw(id, options);
    expect((await sweeper.recheck(s.inbox, ['empty@mx.victim.example'])).map(row => row.messageId)).toEqual([
      empty.id,
    ]);
    let waits = 0;
    const patient = new Sweeper(
      s.tb.messenger,
      s.app.checker,
      () => NOW,
      async () => {
        waits += 1;
      },
    );
    expect(await patient.recheck(s.inbox, ['nowhere@example'])).toEqual([]);
    expect(waits).toBe(20);
  });

  test('an unknown folder id falls back to the Inbox; a folder that cannot be listed fails with a reason', async () => {
    const s = scenario();
    expect((await s.app.sweeper.start('account9://nowhere')).folder?.id).toBe(s.inbox);
    s.tb.messenger.messages.query = async () => {
      throw new Error('Folder not found');
    };
    const started = await s.app.sweeper.start(s.inbox);
    await s.app.sweeper.finished(started.sweepId);
    expect(s.app.sweeper.poll(started.sweepId, 0)).toMatchObject({
      phase: 'failed',
      error: 'Folder not found',
    });
  });
});

/** Thunderbird's list fields for a raw message: decoded From as `Name <address>`, decoded Subject. */
async function listFields(raw: Uint8Array): Promise<{ author: string; subject: string; messageId: string }> {
  // Thunderbird stores mail with LF or CRLF line ends; the corpus has CR-only copies too.
  const text = new TextDecoder().decode(raw).replace(/\r\n?/g, '\n');
  const parsed = await PostalMime.parse(text).catch(() => undefined);
  const from = parsed?.from;
  const author = from?.address
    ? from.name
      ? `"${from.name}" <${from.address}>`
      : from.address
    : (from?.name ?? '');
  return {
    author,
    subject: parsed?.subject ?? '',
    messageId: (parsed?.messageId ?? '').replace(/^<|>$/g, ''),
  };
}

/** A folder of real mail in the fake Thunderbird, with the real engine behind the checker. */
async function realFolder(files: [string, string][]) {
  const tb = new FakeThunderbird();
  addImapAccount(tb);
  const inbox = tb.folder('account1', 'INBOX').id;
  tb.deliver(tb.folder('account1', 'Sent').id, 'Message-ID: <s@example.test>\r\n\r\nx\r\n', {
    headerMessageId: 's@example.test',
  });
  for (const [name, text] of files) {
    const raw = new TextEncoder().encode(text);
    const fields = await listFields(raw);
    tb.deliver(inbox, raw, { headerMessageId: fields.messageId || name, ...fields });
  }
  return { tb, inbox };
}

/** Today's sweep before issue 14: every message read and checked, one after the other. */
async function checkEverything(files: [string, string][]): Promise<Map<string, string>> {
  const { tb, inbox } = await realFolder(files);
  const app = createApp(tb.messenger, sharedEngine, () => NOW);
  const rows = new Map<string, string>();
  for (const message of tb.inFolder(inbox)) {
    const result = await app.checker.check(message.id);
    if (result.automated) {
      rows.set(String(message.id), result.verdict ?? 'none');
    }
  }
  return rows;
}

async function screenFirst(files: [string, string][]): Promise<Map<string, string>> {
  const { tb, inbox } = await realFolder(files);
  const app = createApp(tb.messenger, sharedEngine, () => NOW);
  const started = await app.sweeper.start(inbox);
  await app.sweeper.finished(started.sweepId);
  const rows: SweepRow[] = app.sweeper.poll(started.sweepId, 0)?.rows ?? [];
  return new Map(rows.map(row => [String(row.messageId), row.verdict]));
}

test('same rows and verdicts as checking every message, on the labelled scenario set and ordinary mail', async () => {
  const files = Object.entries(FIXTURES);
  expect(files.length).toBeGreaterThan(600);
  const everything = await checkEverything(files);
  const screened = await screenFirst(files);
  expect(everything.size).toBeGreaterThan(450);
  expect(Object.fromEntries(screened)).toEqual(Object.fromEntries(everything));
}, 120_000);
