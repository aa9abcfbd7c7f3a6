// The Graph client and the Inbox sweep against an in-memory fetch that answers with the documented
// JSON shapes ({value, @odata.nextLink}, error {code, message}, 429 + Retry-After).
import { describe, expect, test, vi } from 'vitest';
import type { Analysis, History } from '../../shared/src/index';
import { recipientLookup } from '../../shared/src/verdict/testing';
import { parseConfig } from '../src/config';
import { GraphClient, GraphError, retryAfterSeconds } from '../src/graph/client';
import { createGraphPort } from '../src/graph/port';
import {
  defaultSelection,
  HISTORY_WINDOW_HOURS,
  historyAt,
  inboxQuery,
  looksAutomated,
  sentItemsLookup,
  sweepInbox,
  type GraphMessageSummary,
} from '../src/graph/sweep';
import type { AssessFn } from '../src/verdict/assess';

const BASE = 'https://graph.example.test/v1.0';
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function client(
  handler: (url: URL, init: RequestInit | undefined) => Response | Promise<Response>,
  sleeps: number[] = [],
) {
  return new GraphClient({
    baseUrl: BASE,
    getToken: async () => 'token-1',
    fetch: async (input, init) => handler(new URL(String(input)), init),
    sleep: async ms => {
      sleeps.push(ms);
    },
  });
}

describe('retryAfterSeconds', () => {
  test.each([
    ['5', 5],
    [' 0 ', 0],
    ['Fri, 27 Nov 2026 00:00:10 GMT', 10],
    ['Fri, 27 Nov 2026 00:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %j', (header, seconds) => {
    expect(retryAfterSeconds(header, Date.parse('Fri, 27 Nov 2026 00:00:00 GMT'))).toBe(seconds);
  });
});

describe('GraphClient', () => {
  test('waits Retry-After seconds on 429, then succeeds; sends the bearer token', async () => {
    const sleeps: number[] = [];
    const seen: string[] = [];
    let calls = 0;
    const graph = client((url, init) => {
      seen.push(String(new Headers(init?.headers).get('Authorization')));
      calls += 1;
      return calls === 1
        ? json({ error: { code: 'TooManyRequests', message: 'slow down' } }, 429, { 'Retry-After': '3' })
        : json({ value: [1] });
    }, sleeps);
    expect(await graph.json('/me/messages')).toEqual({ value: [1] });
    expect(sleeps).toEqual([3000]);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1']);
  });

  test('503 without Retry-After backs off exponentially and gives up after maxRetries', async () => {
    const sleeps: number[] = [];
    const graph = new GraphClient({
      baseUrl: BASE,
      getToken: async () => 't',
      fetch: async () => json({ error: { code: 'ServiceUnavailable', message: 'down' } }, 503),
      sleep: async ms => {
        sleeps.push(ms);
      },
      maxRetries: 3,
    });
    await expect(graph.json('/me')).rejects.toMatchObject({ status: 503, code: 'ServiceUnavailable' });
    expect(sleeps).toEqual([2000, 4000, 8000]);
  });

  test('caps a huge Retry-After', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const graph = client(
      () => (++calls === 1 ? json({}, 429, { 'Retry-After': '86400' }) : json({ value: [] })),
      sleeps,
    );
    await graph.json('/me/messages');
    expect(sleeps).toEqual([120_000]);
  });

  test('pages through @odata.nextLink and refuses links to another origin', async () => {
    const graph = client(url =>
      url.searchParams.get('page') === '2'
        ? json({ value: ['c'], '@odata.nextLink': 'https://evil.example/steal' })
        : json({ value: ['a', 'b'], '@odata.nextLink': `${BASE}/me/messages?page=2` }),
    );
    const pages: string[][] = [];
    await expect(
      (async () => {
        for await (const page of graph.pages<string>('/me/messages')) {
          pages.push(page);
        }
      })(),
    ).rejects.toBeInstanceOf(GraphError);
    expect(pages).toEqual([['a', 'b'], ['c']]);
  });

  test('$value returns the bytes untouched', async () => {
    const bytes = Uint8Array.from([0x46, 0x72, 0xc3, 0xbc, 0xff, 0x0d, 0x0a]);
    const graph = client(url => {
      expect(url.pathname).toBe('/v1.0/me/messages/AAMk%3D%3D/$value');
      return new Response(bytes, { status: 200 });
    });
    expect([...(await graph.mime('AAMk=='))]).toEqual([...bytes]);
  });

  test('move posts destinationId and returns the new id', async () => {
    const graph = client(async (url, init) => {
      expect(init?.method).toBe('POST');
      expect(url.pathname).toBe('/v1.0/me/messages/old-id/move');
      expect(JSON.parse(String(init?.body))).toEqual({ destinationId: 'junkemail' });
      return json({ id: 'new-id', parentFolderId: 'junk' }, 201);
    });
    expect(await graph.move('old-id', 'junkemail')).toBe('new-id');
  });

  test('an error body becomes a GraphError with code and message', async () => {
    const graph = client(() =>
      json(
        { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } },
        404,
      ),
    );
    await expect(graph.move('gone', 'inbox')).rejects.toThrow(
      'Graph 404 ErrorItemNotFound: The specified object was not found in the store.',
    );
  });
});

const summary = (id: string, over: Partial<GraphMessageSummary> = {}): GraphMessageSummary => ({
  id,
  subject: 'Hello',
  from: { emailAddress: { name: 'Erin', address: 'erin@example.net' } },
  receivedDateTime: '2026-11-27T08:00:00Z',
  ...over,
});

describe('the cheap pre-filter', () => {
  describe('picks', () => {
    test.each([
      [
        'an NDR by message class',
        summary('1', {
          subject: 'Whatever',
          singleValueExtendedProperties: [{ id: 'String 0x1a', value: 'REPORT.IPM.Note.NDR' }],
        }),
      ],
      [
        'MAILER-DAEMON',
        summary('2', { from: { emailAddress: { address: 'MAILER-DAEMON@mx.example.net' } } }),
      ],
      ['postmaster', summary('3', { from: { emailAddress: { address: 'postmaster@example.com' } } })],
      ['Undeliverable:', summary('4', { subject: 'Undeliverable: Meet for lunch?' })],
      ['Automatic reply:', summary('5', { subject: 'Automatic reply: Offer' })],
      ['German', summary('6', { subject: 'Unzustellbar: Angebot' })],
      ['a challenge', summary('7', { subject: 'Please confirm your message' })],
      // The engine's hints (shared/src/screen.ts hinted()), as the Thunderbird sweep reads them.
      [
        'no sender address (From: <>)',
        summary('10', { from: { emailAddress: { name: 'MTA', address: '' } } }),
      ],
      ['no sender at all', summary('11', { from: null })],
      ['an ARF sender', summary('12', { from: { emailAddress: { address: 'abuse@isp.example' } } })],
      ['an auto-reply by its wording', summary('13', { subject: 'Away until May 5' })],
    ])('%s', (_name, message) => {
      expect(looksAutomated(message)).toBe(true);
    });
  });
  describe('skips', () => {
    test.each([
      ['ordinary mail', summary('8')],
      [
        'a read receipt class is still a report',
        summary('9', { singleValueExtendedProperties: [{ id: 'String 0x001A', value: 'IPM.Note' }] }),
      ],
    ])('%s', (_name, message) => {
      expect(looksAutomated(message)).toBe(false);
    });
  });

  test('the Inbox query asks for few fields, the date window and the message class', () => {
    const url = new URL(`${BASE}${inboxQuery(7, new Date('2026-11-27T12:00:00.000Z'))}`);
    expect(url.pathname).toBe('/v1.0/me/mailFolders/inbox/messages');
    expect(url.searchParams.get('$filter')).toBe('receivedDateTime ge 2026-11-20T12:00:00Z');
    expect(url.searchParams.get('$select')).toBe('id,subject,from,receivedDateTime,internetMessageId');
    expect(url.searchParams.get('$expand')).toBe(
      "singleValueExtendedProperties($filter=id eq 'String 0x001A')",
    );
  });
});

describe('sentItemsLookup', () => {
  /** A fake Sent Items: the folder's count, its oldest message, id queries, and date-window listings. */
  function sentItems(options: {
    count?: number;
    items?: Array<{ to: string; subject: string; sent: string }>;
    pageSize?: number;
    calls?: string[];
  }) {
    const items = options.items ?? [];
    return client(url => {
      const filter = url.searchParams.get('$filter') ?? '';
      options.calls?.push(`${url.pathname} ${filter}`);
      if (url.pathname.endsWith('/sentitems')) {
        return json({ totalItemCount: options.count ?? items.length });
      }
      if (url.searchParams.get('$orderby') === 'sentDateTime asc') {
        const oldest = [...items].sort((a, b) => a.sent.localeCompare(b.sent))[0];
        return json({ value: oldest ? [{ sentDateTime: oldest.sent }] : [] });
      }
      if (filter.includes('broken')) {
        return json({ error: { code: 'x', message: 'y' } }, 500);
      }
      if (filter.startsWith('internetMessageId')) {
        return json({
          value: filter.includes('mine@')
            ? [{ id: 's1', subject: 'Re: Lunch on Friday', sentDateTime: '2026-11-23T11:58:00Z' }]
            : [],
        });
      }
      const m = /sentDateTime ge (\S+) and sentDateTime le (\S+)/.exec(filter);
      const inWindow = items.filter(i => m && i.sent >= m[1]! && i.sent <= m[2]!);
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const size = options.pageSize ?? 100;
      const page = inWindow.slice(skip, skip + size).map(i => ({
        subject: i.subject,
        sentDateTime: i.sent,
        toRecipients: [{ emailAddress: { address: i.to } }],
      }));
      const nextUrl = new URL(url);
      nextUrl.searchParams.set('$skip', String(skip + size));
      return json({
        value: page,
        ...(skip + size < inWindow.length ? { '@odata.nextLink': nextUrl.toString() } : {}),
      });
    });
  }

  test('found / not-found / unavailable, with OData quoting and a cache', async () => {
    const calls: string[] = [];
    const lookup = sentItemsLookup(sentItems({ count: 5, calls }));
    const result = await lookup([
      { messageId: 'mine@example.org', role: 'original' },
      { messageId: "o'brien@example.org", role: 'references' },
      { messageId: 'broken@example.org', role: 'in-reply-to' },
      { messageId: 'mine@example.org', role: 'references' },
    ]);
    expect(result).toEqual({
      'mine@example.org': 'found',
      "o'brien@example.org": 'not-found',
      'broken@example.org': 'unavailable',
    });
    expect(calls.filter(f => f.includes('mine@'))).toHaveLength(1);
    expect(calls).toContain(
      "/v1.0/me/mailFolders/sentitems/messages internetMessageId eq '<o''brien@example.org>'",
    );
  });

  // Issue 8 §6: the reply veto compares the answered message's date and subject with the auto-reply's,
  // and a bounced original decides only when the bounce arrived within a queue lifetime of the copy.
  test('the id an auto-reply answers or a bounce returns: found with the copy’s date and subject, one query per id', async () => {
    const calls: string[] = [];
    const lookup = sentItemsLookup(sentItems({ count: 5, calls }));
    const copy = { result: 'found', date: '2026-11-23T11:58:00Z', subject: 'Re: Lunch on Friday' };
    expect(await lookup([{ messageId: 'mine@example.org', role: 'references' }])).toEqual({
      'mine@example.org': 'found',
    });
    // The same id asked again (another message): from the cache, with the copy's facts.
    expect(await lookup([{ messageId: 'mine@example.org', role: 'in-reply-to' }])).toEqual({
      'mine@example.org': copy,
    });
    expect(await lookup([{ messageId: 'mine@example.org', role: 'original' }])).toEqual({
      'mine@example.org': copy,
    });
    expect(calls.filter(f => f.includes('mine@'))).toHaveLength(1);
  });

  test('an empty Sent Items folder proves nothing: unavailable, not not-found (issue 8 §5)', async () => {
    const lookup = sentItemsLookup(sentItems({ count: 0 }));
    expect(await lookup([{ messageId: 'forged@spam.example', role: 'original' }])).toEqual({
      'forged@spam.example': 'unavailable',
    });
  });

  const request = recipientLookup;
  const items = [
    { to: 'carol@else.example', subject: 'Old', sent: '2026-10-01T09:00:00Z' },
    { to: 'Bob@Remote.example', subject: 'RE: Lunch', sent: '2026-11-23T08:00:00Z' },
  ];

  test.each([
    { name: 'to the address, same subject, in the window', r: request(), expected: 'found' },
    {
      name: 'nobody by that address in the window',
      r: request({ address: 'eve@remote.example' }),
      expected: 'not-found',
    },
    { name: 'to the address, another subject', r: request({ subject: 'invoice' }), expected: 'unavailable' },
    {
      name: 'a window before the oldest sent message',
      r: request({ date: '2026-01-01T00:00:00.000Z' }),
      expected: 'unavailable',
    },
  ])('by recipient: $name → $expected', async ({ r, expected }) => {
    expect((await sentItemsLookup(sentItems({ items }))([r]))['r']).toBe(expected);
  });

  test('by recipient: a window with more pages than are read can find, never miss', async () => {
    const busy = Array.from({ length: 1200 }, (_, i) => ({
      to: `x${i}@else.example`,
      subject: 'x',
      sent: new Date(Date.parse('2026-11-23T00:00:00Z') + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }));
    const graph = sentItems({ items: [items[0]!, ...busy], pageSize: 100 });
    expect((await sentItemsLookup(graph)([request({ address: 'eve@remote.example' })]))['r']).toBe(
      'unavailable',
    );
  });

  test('by recipient: an empty Sent Items folder is unavailable too', async () => {
    expect((await sentItemsLookup(sentItems({ count: 0 }))([request()]))['r']).toBe('unavailable');
  });

  // Issue 8 §5: an empty Sent Items folder proves nothing (Thunderbird says the same).
  test.each([
    { name: 'empty Sent Items', folder: () => json({ totalItemCount: 0 }) },
    { name: 'folder unreadable', folder: () => json({ error: { code: 'x', message: 'y' } }, 403) },
  ])('$name: every id is unavailable, never not-found', async ({ folder }) => {
    const searched: string[] = [];
    const graph = client(url => {
      if (url.pathname.endsWith('/mailFolders/sentitems')) {
        return folder();
      }
      searched.push(url.search);
      return json({ value: [] });
    });
    const result = await sentItemsLookup(graph)([{ messageId: 'x@example.org', role: 'original' }]);
    expect(result).toEqual({ 'x@example.org': 'unavailable' });
    expect(searched).toEqual([]);
  });
});

// Cast, not annotated: the engine adds Analysis fields over time (the contract only grows).
const analysisFor = (kind: Analysis['kind']): Analysis =>
  ({
    kind,
    format: undefined,
    subject: undefined,
    from: undefined,
    to: [],
    date: undefined,
    messageId: undefined,
    reportingMta: undefined,
    recipients: [],
    original: undefined,
    answering: undefined,
    challengeVendor: undefined,
    lookups: [],
    warnings: [],
    mta: undefined,
  }) as Analysis;

describe('sweepInbox', () => {
  test('lists every page, fetches MIME of candidates only, reports progress, preselects backscatter only', async () => {
    const mimeFetched: string[] = [];
    const graph = client(url => {
      if (url.pathname.endsWith('/$value')) {
        const id = decodeURIComponent(url.pathname.split('/').at(-2)!);
        mimeFetched.push(id);
        return new Response(`X-Verdict: ${id.split('-')[0]}\r\n\r\n`);
      }
      if (url.searchParams.get('page') === '2') {
        return json({
          value: [summary('unsure-4', { subject: 'Returned mail: see transcript' }), summary('ordinary-5')],
        });
      }
      return json({
        value: [
          summary('backscatter-1', {
            singleValueExtendedProperties: [{ id: 'String 0x001A', value: 'REPORT.IPM.Note.NDR' }],
          }),
          summary('ordinary-2'),
          summary('legitimate-3', { from: { emailAddress: { address: 'mailer-daemon@example.com' } } }),
        ],
        '@odata.nextLink': `${BASE}/me/mailFolders/inbox/messages?page=2`,
      });
    });
    const assess: AssessFn = async bytes => {
      const verdict = /X-Verdict: (\w+)/.exec(new TextDecoder().decode(bytes))![1] as
        'backscatter' | 'legitimate' | 'unsure';
      return {
        analysis: analysisFor('ndr'),
        decision: { verdict, confidence: 0.8, evidence: [], explanation: [] },
      };
    };
    const progress: string[] = [];
    const items = await sweepInbox(graph, assess, {
      days: 30,
      onProgress: p => progress.push(`${p.phase}:${p.listed}/${p.candidates}/${p.checked}`),
    });
    expect(items.map(item => item.id)).toEqual(['backscatter-1', 'legitimate-3', 'unsure-4']);
    expect(mimeFetched).toEqual(['backscatter-1', 'legitimate-3', 'unsure-4']);
    expect(items[0]?.messageClass).toBe('REPORT.IPM.Note.NDR');
    expect(progress).toEqual([
      'listing:0/0/0',
      'listing:3/2/0',
      'listing:5/3/0',
      'checking:5/3/0',
      'checking:5/3/1',
      'checking:5/3/2',
      'checking:5/3/3',
      'done:5/3/3',
    ]);
    expect([...defaultSelection(items)]).toEqual(['backscatter-1']);
  });

  test('a message whose MIME fails is kept with its error; the rest go on', async () => {
    const graph = client(url =>
      url.pathname.endsWith('/$value')
        ? json({ error: { code: 'ErrorItemNotFound', message: 'gone' } }, 404)
        : json({ value: [summary('a', { subject: 'Undeliverable: x' })] }),
    );
    const items = await sweepInbox(graph, vi.fn() as unknown as AssessFn, { days: 1 });
    expect(items[0]?.error).toContain('ErrorItemNotFound');
    expect(defaultSelection(items).size).toBe(0);
  });
});

describe('configuration', () => {
  const ID = '0f1e2d3c-aaaa-bbbb-cccc-111122223333';
  const GRAPH = 'https://graph.microsoft.com/v1.0';
  test.each([
    {
      name: 'a GUID, trimmed',
      input: { graphClientId: ` ${ID} ` },
      output: { graphClientId: ID, graphBaseUrl: GRAPH },
    },
    { name: 'not a GUID', input: { graphClientId: 'x' }, output: { graphClientId: '', graphBaseUrl: GRAPH } },
    {
      name: 'loopback in a real build',
      input: { graphClientId: ID, graphBaseUrl: 'http://127.0.0.1:9999/v1.0' },
      output: { graphClientId: ID, graphBaseUrl: GRAPH },
    },
    {
      name: 'another HTTPS host',
      input: { graphBaseUrl: 'https://graph.evil.example/v1.0' },
      output: { graphClientId: '', graphBaseUrl: GRAPH },
    },
    {
      name: 'http',
      input: { graphBaseUrl: 'http://evil.example/v1.0' },
      output: { graphClientId: '', graphBaseUrl: GRAPH },
    },
    { name: 'null', input: null, output: { graphClientId: '', graphBaseUrl: GRAPH } },
  ])('$name', ({ input, output }) => {
    expect(parseConfig(input, '')).toEqual(output);
  });

  test('the e2e build accepts its own stand-in origin, nothing else', () => {
    const origin = 'http://127.0.0.1:9999';
    expect(parseConfig({ graphBaseUrl: `${origin}/v1.0` }, origin).graphBaseUrl).toBe(`${origin}/v1.0`);
    expect(parseConfig({ graphBaseUrl: 'http://127.0.0.1:1/v1.0' }, origin).graphBaseUrl).toBe(GRAPH);
  });

  test.each([
    ['', true, 'not-configured'],
    ['id', false, 'not-supported'],
    ['id', true, 'available'],
  ])('client id %j, NAA %s → %s', (clientId, supported, availability) => {
    const port = createGraphPort({
      clientId,
      baseUrl: BASE,
      engine: { analyze: async () => analysisFor('other') },
      context: () => ({
        profile: {
          addresses: [],
          messageIdDomains: [],
          messageIdShapes: [],
          dkimDomains: [],
          userAgents: [],
          relays: [],
          providers: [],
          returnPathTags: [],
          sampleSize: 0,
        },
      }),
      supported: () => supported,
    });
    expect(port.availability).toBe(availability);
  });

  test('a failed sign-in surfaces as GraphUnavailableError and can be retried', async () => {
    const connect = vi
      .fn()
      .mockResolvedValueOnce({ state: 'failed', message: 'consent denied' })
      .mockResolvedValueOnce({ state: 'ready', getToken: async () => 't' });
    const port = createGraphPort({
      clientId: 'id',
      baseUrl: BASE,
      engine: { analyze: async () => analysisFor('other') },
      context: () => ({ profile: parseProfile() }),
      supported: () => true,
      connect,
    });
    await expect(port.connect()).rejects.toThrow('consent denied');
    await expect(port.connect()).resolves.toHaveProperty('client');
    expect(connect).toHaveBeenCalledTimes(2);
  });
});

function parseProfile() {
  return {
    addresses: [],
    messageIdDomains: [],
    messageIdShapes: [],
    dkimDomains: [],
    userAgents: [],
    relays: [],
    providers: [],
    returnPathTags: [],
    sampleSize: 0,
  };
}

describe('campaign history in the sweep', () => {
  const ndrTo = (domain: string): Analysis =>
    ({
      ...analysisFor('ndr'),
      recipients: [
        {
          address: `x@${domain}`,
          action: 'failed',
          status: '5.1.1',
          replyCode: undefined,
          diagnostic: undefined,
          remoteMta: undefined,
          reason: 'user-unknown',
        },
      ],
    }) as Analysis;

  test('historyAt counts automated messages and recipient domains in the 24 hours before each message', () => {
    const entries = [
      { received: '2026-11-27T00:00:00Z', analysis: ndrTo('a.example') },
      { received: '2026-11-27T10:00:00Z', analysis: ndrTo('b.example') },
      { received: '2026-11-27T11:00:00Z', analysis: analysisFor('other') },
      { received: '2026-11-27T12:00:00Z', analysis: ndrTo('a.example') },
      { received: '2026-11-28T11:00:00Z', analysis: ndrTo('c.example') },
      { received: undefined, analysis: ndrTo('d.example') },
    ];
    expect(HISTORY_WINDOW_HOURS).toBe(24);
    expect(historyAt(3, entries)).toEqual({
      automatedInWindow: 3,
      distinctRecipientDomains: 2,
      windowHours: 24,
    });
    expect(historyAt(4, entries)).toEqual({
      automatedInWindow: 2,
      distinctRecipientDomains: 2,
      windowHours: 24,
    });
    expect(historyAt(0, entries)).toEqual({
      automatedInWindow: 1,
      distinctRecipientDomains: 1,
      windowHours: 24,
    });
    expect(historyAt(5, entries).automatedInWindow).toBe(0);
  });

  test('a wave is decided again with its history; a lone bounce is not', async () => {
    const wave = Array.from({ length: 25 }, (_, i) =>
      summary(`w${i}`, {
        subject: 'Undeliverable: offer',
        receivedDateTime: new Date(Date.UTC(2026, 10, 27) + i * 1_800_000).toISOString(),
      }),
    );
    const graph = client(url =>
      url.pathname.endsWith('/$value')
        ? new Response(`To: x@d${url.pathname.split('/').at(-2)}.example\r\n\r\n`)
        : json({ value: wave }),
    );
    const seen: Array<number | undefined> = [];
    const judged = (analysis: Analysis, history: History | undefined) => {
      seen.push(history?.automatedInWindow);
      return {
        analysis,
        decision: {
          verdict:
            history && history.automatedInWindow >= 20 ? ('backscatter' as const) : ('unsure' as const),
          confidence: 0.5,
          evidence: [],
          explanation: [],
        },
      };
    };
    let bytesSeen = 0;
    const assess: AssessFn = async (bytes, history) => {
      bytesSeen += 1;
      return judged(ndrTo(/To: x@(\S+)/.exec(new TextDecoder().decode(bytes))![1]!), history);
    };
    // The second pass decides again on the kept analysis: no message bytes are kept or read again.
    assess.again = async (analysis, history) => judged(analysis, history);
    const items = await sweepInbox(graph, assess, { days: 30, now: new Date('2026-11-28T00:00:00Z') });
    // First pass without history (25 calls), second with it for every message that had company.
    expect(seen.slice(0, 25).every(h => h === undefined)).toBe(true);
    expect(seen.slice(25)).toHaveLength(24);
    expect(bytesSeen).toBe(25);
    expect(Math.max(...(seen.slice(25) as number[]))).toBe(25);
    expect(items.filter(item => item.assessment?.decision?.verdict === 'backscatter').length).toBeGreaterThan(
      0,
    );
  });
});

describe('sign-in order', () => {
  test('a click during the silent attempt at start follows it with an interactive one', async () => {
    let releaseSilent: (access: { state: 'needs-sign-in' }) => void = () => undefined;
    const connect = vi.fn((_clientId: string, interactive: boolean) =>
      interactive
        ? Promise.resolve({ state: 'ready' as const, getToken: async () => 't' })
        : new Promise<{ state: 'needs-sign-in' }>(resolve => (releaseSilent = resolve)),
    );
    const port = createGraphPort({
      clientId: 'id',
      baseUrl: BASE,
      engine: { analyze: async () => analysisFor('other') },
      context: () => ({ profile: parseProfile() }),
      supported: () => true,
      connect,
    });
    const silent = port.connect(false);
    const click = port.connect(true);
    releaseSilent({ state: 'needs-sign-in' });
    await expect(silent).rejects.toMatchObject({ state: 'needs-sign-in' });
    await expect(click).resolves.toHaveProperty('client');
    expect(connect.mock.calls.map(call => call[1])).toEqual([false, true]);
    expect(port.current?.()).toBeDefined();
  });
});
