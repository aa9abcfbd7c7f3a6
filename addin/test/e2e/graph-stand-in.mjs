// A local stand-in for the few Microsoft Graph v1.0 endpoints the add-in calls, on 127.0.0.1, answering
// with the documented shapes: collections as {value, @odata.nextLink} (server-driven paging, graph/paging),
// errors as {error: {code, message}}, throttling as 429 + Retry-After (graph/throttling), MIME from
// /messages/{id}/$value, and POST /messages/{id}/move returning the moved message with a new id
// (api/message-move: "creates a new copy … and removes the original").
import { createServer } from 'node:http';

/**
 * @param {{ token: string, inbox: Array<{id: string, mime: Uint8Array, subject: string, from: string, messageClass: string, internetMessageId: string}>,
 *           sent: Array<{id: string, mime: Uint8Array, internetMessageId: string}>, pageSize?: number, throttleOnce?: string,
 *           failMoveOnce?: string }} data
 * failMoveOnce: that message's first move is carried out but answered 503 (Graph's move is not
 * idempotent: the add-in must find the copy in the destination instead of repeating the POST).
 */
export async function startGraphStandIn(data) {
  const messages = new Map();
  for (const m of data.inbox) {
    messages.set(m.id, { ...m, folder: 'inbox', received: new Date(Date.now() - 3_600_000).toISOString() });
  }
  for (const m of data.sent) {
    // A Sent item's sentDateTime is when it was sent: its own Date header (the engine compares it with
    // the bounce's arrival; "now" would make a bounce that arrived days ago look like a replay).
    const date = /^Date:[ \t]*(.+)$/im.exec(Buffer.from(m.mime).toString('latin1'))?.[1];
    const sent = date === undefined ? new Date() : new Date(date);
    messages.set(m.id, {
      ...m,
      subject: 'sent',
      from: '',
      messageClass: 'IPM.Note',
      folder: 'sentitems',
      received: sent.toISOString(),
    });
  }
  const log = [];
  const moves = [];
  const throttled = new Set();
  const failedMoves = new Set();
  let counter = 0;
  const pageSize = data.pageSize ?? 3;

  const send = (response, status, body, headers = {}) => {
    response.writeHead(status, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'Retry-After',
      ...(body instanceof Uint8Array
        ? { 'Content-Type': 'message/rfc822' }
        : { 'Content-Type': 'application/json' }),
      ...headers,
    });
    response.end(body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body));
  };
  const error = (response, status, code, message, headers) =>
    send(response, status, { error: { code, message } }, headers);

  const summary = m => ({
    id: m.id,
    subject: m.subject,
    from: { emailAddress: { name: m.from, address: m.from } },
    receivedDateTime: m.received,
    sentDateTime: m.received,
    internetMessageId: m.internetMessageId,
    // Graph answers extended property ids in the short form.
    singleValueExtendedProperties: [{ id: 'String 0x1a', value: m.messageClass }],
  });

  const server = createServer((request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const entry = {
      at: Date.now(),
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    };
    log.push(entry);
    if (request.headers.authorization !== `Bearer ${data.token}`) {
      error(response, 401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
      return;
    }
    let body = '';
    request.on('data', chunk => (body += chunk));
    request.on('end', () => {
      const folderItself = /^\/v1\.0\/me\/mailFolders\/(inbox|sentitems|junkemail)$/.exec(url.pathname);
      if (request.method === 'GET' && folderItself) {
        const count = [...messages.values()].filter(m => m.folder === folderItself[1]).length;
        send(response, 200, { id: folderItself[1], totalItemCount: count });
        return;
      }
      const one = /^\/v1\.0\/me\/messages\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'GET' && one) {
        const message = messages.get(decodeURIComponent(one[1]));
        if (!message) {
          error(response, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
          return;
        }
        send(response, 200, {
          id: message.id,
          parentFolderId: message.folder,
          internetMessageId: message.internetMessageId,
          subject: message.subject,
        });
        return;
      }
      const folderList = /^\/v1\.0\/me\/mailFolders\/(inbox|sentitems|junkemail)\/messages$/.exec(
        url.pathname,
      );
      if (request.method === 'GET' && folderList) {
        const folder = folderList[1];
        let list = [...messages.values()].filter(m => m.folder === folder);
        const filter = url.searchParams.get('$filter') ?? '';
        const byId = /^internetMessageId eq '((?:[^']|'')*)'$/.exec(filter);
        const sentWindow = /^sentDateTime ge (\S+) and sentDateTime le (\S+)$/.exec(filter);
        if (url.searchParams.get('$orderby') === 'sentDateTime asc') {
          list.sort((a, b) => a.received.localeCompare(b.received));
        }
        if (sentWindow) {
          list = list.filter(m => m.received >= sentWindow[1] && m.received <= sentWindow[2]);
        } else if (byId) {
          const wanted = byId[1].replace(/''/g, "'");
          list = list.filter(m => m.internetMessageId === wanted);
        } else if (filter && !/^receivedDateTime ge \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(filter)) {
          error(response, 400, 'BadRequest', `Invalid filter clause: ${filter}`);
          return;
        }
        const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
        const page = list.slice(skip, skip + pageSize);
        const next = skip + pageSize < list.length ? new URL(url) : undefined;
        next?.searchParams.set('$skiptoken', String(skip + pageSize));
        entry.returned = page.map(m => m.id);
        send(response, 200, {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('me')/mailFolders('${folder}')/messages`,
          value: page.map(summary),
          ...(next
            ? { '@odata.nextLink': `http://${request.headers.host}${next.pathname}${next.search}` }
            : {}),
        });
        return;
      }
      const value = /^\/v1\.0\/me\/messages\/([^/]+)\/\$value$/.exec(url.pathname);
      if (request.method === 'GET' && value) {
        const id = decodeURIComponent(value[1]);
        if (id === data.throttleOnce && !throttled.has(id)) {
          throttled.add(id);
          entry.status = 429;
          error(response, 429, 'TooManyRequests', 'Application is over its MailboxConcurrency limit.', {
            'Retry-After': '1',
          });
          return;
        }
        const message = messages.get(id);
        if (!message) {
          error(response, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
          return;
        }
        send(response, 200, message.mime);
        return;
      }
      const move = /^\/v1\.0\/me\/messages\/([^/]+)\/move$/.exec(url.pathname);
      if (request.method === 'POST' && move) {
        const id = decodeURIComponent(move[1]);
        const message = messages.get(id);
        let destinationId;
        try {
          destinationId = JSON.parse(body).destinationId;
        } catch {
          destinationId = undefined;
        }
        if (!message) {
          error(response, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
          return;
        }
        if (!['junkemail', 'inbox', 'sentitems'].includes(destinationId)) {
          error(response, 400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
          return;
        }
        const newId = `${id.split('~')[0]}~${++counter}`;
        messages.delete(id);
        messages.set(newId, { ...message, id: newId, folder: destinationId });
        moves.push({ from: id, to: newId, destinationId });
        if (id === data.failMoveOnce && !failedMoves.has(id)) {
          failedMoves.add(id);
          entry.status = 503;
          error(response, 503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
          return;
        }
        send(response, 201, { ...summary({ ...message, id: newId }), parentFolderId: destinationId });
        return;
      }
      error(response, 400, 'BadRequest', `Unsupported: ${request.method} ${url.pathname}`);
    });
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    log,
    moves,
    folderOf: id => messages.get(id)?.folder,
    idsIn: folder => [...messages.values()].filter(m => m.folder === folder).map(m => m.id),
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
