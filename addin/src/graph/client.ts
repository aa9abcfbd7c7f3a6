// A small Microsoft Graph client for the few calls the add-in makes. Graph throttles with 429 and a
// Retry-After header in seconds ("wait the number of seconds specified in the Retry-After header",
// graph/throttling); 503/504 may carry it too. Collections come in pages linked by @odata.nextLink
// (graph/paging). Nothing here deletes: the only write is `move`.

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

export class GraphError extends Error {
  readonly status: number;
  readonly code: string | undefined;

  constructor(status: number, code: string | undefined, message: string) {
    super(`Graph ${status}${code ? ` ${code}` : ''}: ${message}`);
    this.name = 'GraphError';
    this.status = status;
    this.code = code;
  }
}

export interface GraphClientOptions {
  baseUrl?: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Told before each wait, so the UI can say why it pauses. */
  onThrottle?: (seconds: number) => void;
  maxRetries?: number;
  /** Upper bound for one wait, so a hostile or broken header cannot stall the pane for hours. */
  maxWaitSeconds?: number;
}

export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

const RETRY_STATUS = new Set([429, 503, 504]);

/** setTimeout as a Promise that a Stop (AbortSignal) ends early. */
function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** Retry-After: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(header: string | null, nowMs = Date.now()): number | undefined {
  if (header == null || header.trim() === '') {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export class GraphClient {
  readonly baseUrl: string;
  private readonly options: GraphClientOptions;

  constructor(options: GraphClientOptions) {
    this.options = options;
    this.baseUrl = (options.baseUrl ?? GRAPH_V1).replace(/\/+$/, '');
  }

  private url(pathOrUrl: string): string {
    // nextLink values are absolute; accept them only on our own Graph origin.
    if (/^https?:\/\//i.test(pathOrUrl)) {
      if (new URL(pathOrUrl).origin !== new URL(this.baseUrl).origin) {
        throw new GraphError(
          0,
          'ForeignLink',
          `refusing to follow a link off ${new URL(this.baseUrl).origin}`,
        );
      }
      return pathOrUrl;
    }
    return `${this.baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
  }

  async request(method: string, pathOrUrl: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    const sleep = this.options.sleep ?? (ms => abortableDelay(ms, signal));
    const maxRetries = this.options.maxRetries ?? 5;
    const maxWait = this.options.maxWaitSeconds ?? 120;
    const url = this.url(pathOrUrl);
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { Authorization: `Bearer ${await this.options.getToken()}` };
      if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
      }
      const init: RequestInit = { method, headers };
      if (signal) {
        init.signal = signal;
      }
      if (body !== undefined) {
        init.body = JSON.stringify(body);
      }
      const response = await doFetch(url, init);
      // 429 means Graph did not process the request, so any method may be sent again. 503/504 may come
      // after the work was done: only a GET is repeated. A POST …/move that was carried out would fail
      // on retry with 404 and strand the message in Junk without its new id (callers look it up instead).
      const retryable = response.status === 429 || (method === 'GET' && RETRY_STATUS.has(response.status));
      if (retryable && attempt < maxRetries) {
        // Without Retry-After, back off exponentially from 2 s.
        const seconds = Math.min(
          maxWait,
          retryAfterSeconds(response.headers.get('Retry-After')) ?? 2 ** (attempt + 1),
        );
        this.options.onThrottle?.(seconds);
        await sleep(seconds * 1000);
        signal?.throwIfAborted();
        continue;
      }
      if (!response.ok) {
        let code: string | undefined;
        let message = response.statusText;
        try {
          const json = (await response.json()) as { error?: { code?: string; message?: string } };
          code = json.error?.code;
          message = json.error?.message ?? message;
        } catch {
          // Not JSON: keep the status text.
        }
        throw new GraphError(response.status, code, message);
      }
      return response;
    }
  }

  async json<T>(pathOrUrl: string, signal?: AbortSignal): Promise<T> {
    return (await (await this.request('GET', pathOrUrl, undefined, signal)).json()) as T;
  }

  /** Every page of a collection, following @odata.nextLink until there is none. */
  async *pages<T>(pathOrUrl: string, signal?: AbortSignal): AsyncGenerator<T[]> {
    let next: string | undefined = pathOrUrl;
    while (next !== undefined) {
      const page: GraphPage<T> = await this.json<GraphPage<T>>(next, signal);
      yield page.value;
      next = page['@odata.nextLink'];
    }
  }

  /**
   * The message as MIME (GET /me/messages/{id}/$value, graph/outlook-get-mime-message), at most
   * `maxBytes` of it: the rest of the stream is cancelled, so a 25 MB attachment is never held.
   */
  async mime(id: string, signal?: AbortSignal, maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
    const response = await this.request(
      'GET',
      `/me/messages/${encodeURIComponent(id)}/$value`,
      undefined,
      signal,
    );
    if (!Number.isFinite(maxBytes) || !response.body) {
      const all = new Uint8Array(await response.arrayBuffer());
      return all.length > maxBytes ? all.slice(0, maxBytes) : all;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(value.length > maxBytes - size ? value.subarray(0, maxBytes - size) : value);
      size += Math.min(value.length, maxBytes - size);
    }
    await reader.cancel().catch(() => undefined);
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /**
   * POST /me/messages/{id}/move. Graph "creates a new copy of the message in the destination folder
   * and removes the original", so the returned id replaces the old one (needed for Undo).
   */
  async move(id: string, destinationId: string): Promise<string> {
    const response = await this.request('POST', `/me/messages/${encodeURIComponent(id)}/move`, {
      destinationId,
    });
    const moved = (await response.json()) as { id?: unknown };
    if (typeof moved.id !== 'string') {
      throw new GraphError(response.status, 'NoId', 'move answered without the new message id');
    }
    return moved.id;
  }
}
