// Moves to Junk and back (issue 8 §7): the POST is never repeated on 503/504; after an error the
// copy is looked for in the destination; Undo goes to the folder the message came from; the Undo list
// is keyed by move, persisted, and survives a new store (a reopened pane).
import { describe, expect, test } from 'vitest';
import { GraphClient } from '../src/graph/client';
import { moveBatchToJunk, moveToJunk, undoMove } from '../src/graph/moves';
import { createUndoStore, lastBatch, UNDO_KEY } from '../src/graph/undo-store';

const BASE = 'https://graph.example.test/v1.0';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

interface Message {
  id: string;
  folder: string;
  internetMessageId: string;
}

/** A mailbox behind a Graph-shaped fetch; `failAfterMove` answers 503 to a move it did carry out. */
function mailbox(messages: Message[], opts: { failAfterMove?: number; retries?: number[] } = {}) {
  let moves = 0;
  let next = 1;
  const posts: string[] = [];
  const graph = new GraphClient({
    baseUrl: BASE,
    getToken: async () => 't',
    sleep: async ms => {
      opts.retries?.push(ms);
    },
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const path = decodeURIComponent(url.pathname.replace('/v1.0', ''));
      const move = /^\/me\/messages\/([^/]+)\/move$/.exec(path);
      if (move && init?.method === 'POST') {
        posts.push(move[1]!);
        const message = messages.find(m => m.id === move[1]);
        if (!message) {
          return json({ error: { code: 'ErrorItemNotFound', message: 'not found' } }, 404);
        }
        message.folder = (JSON.parse(String(init.body)) as { destinationId: string }).destinationId;
        message.id = `id${next++}`;
        moves += 1;
        if (opts.failAfterMove === moves) {
          return json({ error: { code: 'ServiceUnavailable', message: 'try later' } }, 503);
        }
        return json({ id: message.id }, 201);
      }
      const one = /^\/me\/messages\/([^/]+)$/.exec(path);
      if (one) {
        const message = messages.find(m => m.id === one[1]);
        return message
          ? json({
              id: message.id,
              parentFolderId: message.folder,
              internetMessageId: message.internetMessageId,
            })
          : json({ error: { code: 'ErrorItemNotFound', message: 'x' } }, 404);
      }
      const list = /^\/me\/mailFolders\/([^/]+)\/messages$/.exec(path);
      if (list) {
        const wanted = /'(.*)'/.exec(url.searchParams.get('$filter') ?? '')?.[1]?.replace(/''/g, "'");
        return json({
          value: messages
            .filter(m => m.folder === list[1] && m.internetMessageId === wanted)
            .map(m => ({ id: m.id })),
        });
      }
      return json({ error: { code: 'BadRequest', message: path } }, 400);
    },
  });
  return { graph, posts, messages };
}

describe('moves', () => {
  test('a 503 after the move was done: no second POST, the copy is found in Junk and recorded', async () => {
    const retries: number[] = [];
    const box = mailbox([{ id: 'a', folder: 'folder-archive', internetMessageId: '<x@y>' }], {
      failAfterMove: 1,
      retries,
    });
    const record = await moveToJunk(box.graph, 'a', 'b1');
    expect(box.posts).toEqual(['a']);
    expect(retries).toEqual([]);
    expect(record.junkId).toBe(box.messages[0]!.id);
    expect(box.messages[0]!.folder).toBe('junkemail');
    expect(record.fromFolderId).toBe('folder-archive');
  });

  test('Undo puts the message back into the folder it came from, not the Inbox', async () => {
    const box = mailbox([{ id: 'a', folder: 'folder-archive', internetMessageId: '<x@y>' }]);
    const record = await moveToJunk(box.graph, 'a', 'b1');
    const back = await undoMove(box.graph, record);
    expect(box.messages[0]).toMatchObject({ id: back, folder: 'folder-archive' });
  });

  test('a batch moves exactly the ids given; a failure costs one message', async () => {
    const box = mailbox([
      { id: 'a', folder: 'inbox', internetMessageId: '<a@y>' },
      { id: 'c', folder: 'inbox', internetMessageId: '<c@y>' },
    ]);
    const outcome = await moveBatchToJunk(box.graph, ['a', 'missing', 'c']);
    expect(outcome.moved.map(r => r.fromId)).toEqual(['a', 'c']);
    expect(new Set(outcome.moved.map(r => r.batchId)).size).toBe(1);
    expect(new Set(outcome.moved.map(r => r.moveId)).size).toBe(2);
    expect([...outcome.failed.keys()]).toEqual(['missing']);
  });

  test('a GET is still retried on 503 (it is idempotent)', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const graph = new GraphClient({
      baseUrl: BASE,
      getToken: async () => 't',
      sleep: async ms => void sleeps.push(ms),
      fetch: async () => (++calls === 1 ? json({}, 503) : json({ value: [] })),
    });
    await graph.json('/me/messages');
    expect(calls).toBe(2);
  });

  test('mime() reads at most maxBytes and cancels the rest', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1000).fill(65));
        if (pulled > 1000) {
          controller.close();
        }
      },
    });
    const graph = new GraphClient({
      baseUrl: BASE,
      getToken: async () => 't',
      fetch: async () => new Response(stream, { status: 200 }),
    });
    const bytes = await graph.mime('m', undefined, 2500);
    expect(bytes.length).toBe(2500);
    expect(pulled).toBeLessThan(10);
  });
});

describe('the Undo store', () => {
  const record = (moveId: string, batchId: string, at = Date.now()) => ({
    moveId,
    batchId,
    fromId: `from-${moveId}`,
    junkId: `junk-${moveId}`,
    fromFolderId: 'inbox',
    internetMessageId: '<same@id>',
    subject: 's',
    at,
  });

  test('keyed by move: two moves of the same Message-ID are two records; persisted across a reopen', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    const store = createUndoStore(storage);
    store.add([record('m1', 'b1'), record('m2', 'b1')]);
    store.add(Array.from({ length: 250 }, (_, i) => record(`n${i}`, 'b2')));
    const reopened = createUndoStore(storage);
    expect(reopened.list()).toHaveLength(252);
    expect(lastBatch(reopened.list())).toHaveLength(250);
    expect(JSON.parse(data.get(UNDO_KEY)!)).toHaveLength(252);
  });

  test('restored records leave; the id a message has after several Undos is followed', () => {
    const store = createUndoStore(undefined);
    const first = record('m1', 'b1');
    store.add([first]);
    store.restored([{ record: first, id: 'back-1' }]);
    expect(store.list()).toEqual([]);
    store.add([{ ...record('m2', 'b2'), fromId: 'back-1' }]);
    store.restored([{ record: { ...record('m2', 'b2'), fromId: 'back-1' }, id: 'back-2' }]);
    expect(store.currentId('from-m1')).toBe('back-2');
  });

  test('old moves expire', () => {
    const store = createUndoStore(undefined, () => Date.UTC(2026, 11, 1));
    store.add([record('old', 'b', Date.UTC(2026, 9, 1)), record('new', 'b', Date.UTC(2026, 10, 30))]);
    expect(store.list().map(r => r.moveId)).toEqual(['new']);
  });
});
