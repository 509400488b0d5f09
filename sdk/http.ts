/**
 * The core of the IDO client: one ky instance per client, the request and parse helpers and the
 * mapping of failures to the SDK's errors. Each namespace of the API (`sdk/api/*.ts`) is a small
 * factory over this core, so a bundle that uses a few namespaces keeps only their schemas;
 * `createIdoClient` (sdk/client.ts) composes them all.
 */
import ky, { isHTTPError, isTimeoutError, type ShouldRetryState } from 'ky';
import * as z from 'zod/mini';
import { IdoHttpError, IdoNetworkError, IdoSchemaError, IdoTimeoutError } from './errors.js';
import { Problem, type Lang } from './schemas/common.js';
import { uuid } from './uuid.js';
import type { Answer, MediaAnswer, Operation } from './operations/operation.js';

/** Options of `createIdoClient`. */
export interface IdoClientOptions {
  /**
   * The server's origin (and path, when it is mounted below one), without `/api/v1`.
   * @example 'https://ido.example.nl'
   */
  baseUrl: string;
  /**
   * A secret key (`ido_sk_…`, server to server) or desk key (`ido_dk_…`, the widget).
   * @default undefined
   */
  apiKey?: string;
  /**
   * A session token from `auth.login`; wins over `apiKey`.
   * @default undefined
   */
  token?: string;
  /**
   * Language of problem documents and value-list labels (`Accept-Language`).
   * @default 'nl'
   */
  lang?: Lang;
  /**
   * Milliseconds to wait for each attempt before an `IdoTimeoutError`.
   * @default 10000
   */
  timeout?: number;
  /**
   * How many times a safe request is retried after a network error or a 408, 429, 502, 503 or
   * 504 (waiting as `Retry-After` says). Safe: GET and HEAD, a registration create (it always
   * carries an id) and the batch; never another POST, PATCH or DELETE. `0` switches retries off.
   * @default 2
   */
  retry?: number;
  /**
   * The `fetch` to use (instrumentation, tests).
   * @default globalThis.fetch
   */
  fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}

/** Options every method accepts. */
export interface RequestOptions {
  /**
   * Aborts the call; the promise then rejects with the signal's reason (an `AbortError`).
   * @default undefined
   * @example
   * ```ts
   * const controller = new AbortController();
   * ido.locations.nearest({ postcode: '3511AB' }, { signal: controller.signal });
   * controller.abort();
   * ```
   */
  signal?: AbortSignal;
  /**
   * Sent as `If-Match` on an update or delete: the ETag of the version you read (from `onEtag`).
   * When someone else changed it meanwhile, the call fails with `IdoHttpError` 412 and nothing
   * changes. Resources with ETags: one location (contract v3).
   * @default undefined
   */
  ifMatch?: string;
  /**
   * Called with the answer's `ETag` (null when it has none), for a later `ifMatch`.
   * @default undefined
   * @example
   * ```ts
   * let etag: string | null = null;
   * const location = await ido.locations.get(id, { onEtag: (e) => (etag = e) });
   * await ido.locations.update(id, { exceptions: [...location.exceptions, closure] }, { ifMatch: etag ?? undefined });
   * ```
   */
  onEtag?: (etag: string | null) => void;
}

export { uuid };

/** One call: what `send` and `request` need besides the method and the path. */
export interface Call extends RequestOptions {
  json?: unknown;
  query?: object;
  /** A POST that is safe to repeat (it carries ids). */
  idempotent?: boolean;
}

/** The shared core of a client: what every namespace factory of `sdk/api` is built on. */
export interface Http {
  /** The options the client was made with. */
  readonly options: IdoClientOptions;
  /** `baseUrl` without trailing slashes. */
  readonly base: string;
  /** The credentials sent as `Authorization: Bearer` (a session token or the API key). */
  token: string | undefined;
  /** Sends a request and answers the body as text (or a Blob); failures become the SDK's errors. */
  send(method: string, path: string | URL, call: Call, as?: 'text' | 'blob'): Promise<string | Blob>;
  /** Sends a request and parses the JSON answer with `schema` (an `IdoSchemaError` when it does not match). */
  request<S extends z.ZodMiniType>(method: string, path: string | URL, schema: S, call?: Call): Promise<z.output<S>>;
}

/** Seconds from a `Retry-After` header (seconds or HTTP date). */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

/** The item with an `id`: its own, or a new UUID (which makes a create idempotent). */
export const withId = <T extends { id?: string }>(item: T): T & { id: string } =>
  (item.id ? item : { ...item, id: uuid() }) as T & { id: string };

/** A query object as search parameters: `undefined` left out, coordinates as `lat,lon`. */
export function search(query: object = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'object' ? `${value.lat},${value.lon}` : String(value);
  }
  return out;
}

/** `base/id`, the id escaped. */
export const at = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/**
 * Creates the core of a client: the ky instance with the client's timeout, retries and
 * language, and the credentials. `createIdoClient` does this for you; use it directly with the
 * namespace factories of `sdk/api` to bundle only what you call.
 *
 * @example
 * ```ts
 * const http = createHttp({ baseUrl: 'https://ido.example.nl' });
 * const locations = locationsApi(http);
 * const near = await locations.nearest({ postcode: '3511AB' });
 * ```
 */
export function createHttp(options: IdoClientOptions): Http {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeout = options.timeout ?? 10_000;

  // A Retry-After longer than one attempt may wait is the caller's to decide (it is on the error).
  const shouldRetry = ({ error }: ShouldRetryState) =>
    isHTTPError(error) && (retryAfterSeconds(error.response.headers) ?? 0) * 1000 > timeout ? false : undefined;

  const api = ky.create({
    prefixUrl: `${base}/api/v1`,
    timeout,
    headers: { accept: 'application/json', 'accept-language': options.lang ?? 'nl' },
    retry: {
      limit: options.retry ?? 2,
      methods: ['get', 'head'],
      statusCodes: [408, 429, 502, 503, 504],
      afterStatusCodes: [429, 503],
      shouldRetry,
    },
    fetch: options.fetch,
  });

  const http: Http = {
    options,
    base,
    token: options.token ?? options.apiKey,
    async send(method, path, call, as = 'text') {
      // ky's timeout ends when the headers arrive; a body that stops half-way would hang the call
      // (and an outbox flush waiting for it) for ever, so reading the body has the same timeout.
      const body = new AbortController();
      const forward = () => body.abort(call.signal?.reason);
      call.signal?.addEventListener('abort', forward, { once: true });
      if (call.signal?.aborted) forward();
      let bodyTimer: ReturnType<typeof setTimeout> | undefined;
      try {
        const response = await api(path, {
          method,
          json: call.json,
          searchParams: search(call.query),
          signal: body.signal,
          headers: { authorization: http.token ? `Bearer ${http.token}` : undefined, 'if-match': call.ifMatch },
          // Arrays merge: this adds POST to the retried methods for this call only.
          retry: call.idempotent ? { methods: ['post'] } : {},
        });
        bodyTimer = setTimeout(() => body.abort(new IdoTimeoutError(timeout)), timeout);
        if (call.onEtag) {
          const answer = await response;
          call.onEtag(answer.headers.get('etag'));
          return as === 'blob' ? await answer.blob() : await answer.text();
        }
        return as === 'blob' ? await response.blob() : await response.text();
      } catch (error) {
        if (call.signal?.aborted) throw call.signal.reason;
        if (body.signal.aborted) throw new IdoTimeoutError(timeout, { cause: error });
        if (isHTTPError(error)) {
          const json = /json/.test(error.response.headers.get('content-type') ?? '');
          const parsed = json ? z.safeParse(Problem, await error.response.json().catch(() => undefined)) : undefined;
          throw new IdoHttpError(
            error.response.status,
            parsed?.success ? parsed.data : undefined,
            retryAfterSeconds(error.response.headers),
          );
        }
        if (isTimeoutError(error)) throw new IdoTimeoutError(timeout, { cause: error });
        // fetch reports every failure to reach the server, or to read its answer, as a TypeError.
        if (error instanceof TypeError) throw new IdoNetworkError(undefined, { cause: error });
        throw error;
      } finally {
        clearTimeout(bodyTimer);
        call.signal?.removeEventListener('abort', forward);
      }
    },
    async request(method, path, schema, call = {}) {
      const text = (await http.send(method, path, call)) as string;
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new IdoSchemaError(String(path), [], text);
      }
      const result = z.safeParse(schema, body);
      if (!result.success) throw new IdoSchemaError(String(path), result.error.issues, body);
      return result.data;
    },
  };
  return http;
}

/**
 * A query as a caller writes it: the `z.input` of the operation's query schema, where a `true` or
 * `false` parameter may also be a boolean and a number parameter a number (the SDK writes them as
 * text, as a query string holds them).
 */
export type QueryInput<S extends z.ZodMiniType> = { [K in keyof z.input<S>]: WireValue<z.input<S>[K]> };
type WireValue<V> = unknown extends V ? number | string : V extends 'true' | 'false' ? V | boolean : V;

/** What `call` sends: the path's parameters, the query, the JSON body. */
export interface CallInput extends RequestOptions {
  path?: Record<string, string>;
  query?: object;
  body?: unknown;
}

/** What a declared operation answers, as `call` gives it. */
type Parsed<A> = A extends z.ZodMiniType ? z.output<A> : A extends MediaAnswer ? Blob : undefined;

/**
 * Calls a declared operation (sdk/operations): fills in the path, sends the query and body, and
 * parses the answer of its first success status with that status's schema (a file is a Blob, no
 * body is `undefined`). It reads only the declaration's method, path, answers and `idempotent`, so
 * a bundle keeps nothing of what only the server needs (access, request schemas, problem statuses).
 */
export async function call<O extends Operation>(
  http: Http,
  op: O,
  input: CallInput = {},
): Promise<Parsed<O['responses'][keyof O['responses']]>> {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.path?.[name] ?? ''));
  // Paths below the API go through ky's prefix; `/healthz` sits beside it.
  const target = path.startsWith(API) ? path.slice(API.length) : new URL(`${http.base}${path}`, globalThis.location?.href);
  const answer: Answer = Object.values(op.responses)[0];
  const request: Call = {
    query: input.query,
    json: input.body,
    signal: input.signal,
    idempotent: op.idempotent,
    ifMatch: input.ifMatch,
    onEtag: input.onEtag,
  };
  if (answer === null) {
    await http.send(op.method, target, request);
    return undefined as never;
  }
  if ('media' in answer) return (await http.send(op.method, target, request, 'blob')) as never;
  return http.request(op.method, target, answer, request) as never;
}

const API = '/api/v1/';
