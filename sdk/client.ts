/** The typed client of the IDO API: one ky instance, every response parsed with the contract's own schemas. */
import ky, { isHTTPError, isNetworkError, isTimeoutError, type ShouldRetryState } from 'ky';
import * as z from 'zod/mini';
import { IdoHttpError, IdoNetworkError, IdoSchemaError, IdoTimeoutError } from './errors.js';
import { Problem, list, page, type Lang } from './schemas/common.js';
import {
  AuditEntry as AuditEntrySchema, BatchResult, Registration,
  type RegistrationInput, type RegistrationPatch, type RegistrationQuery,
} from './schemas/registration.js';
import { Location, type LocationInput, type LocationPatch } from './schemas/location.js';
import {
  ApiKey, Course, Organisation, Partner, Session, User,
  type CourseInput, type CoursePatch, type KeyInput, type OrganisationInput, type OrganisationPatch,
  type PartnerInput, type PartnerPatch, type UserInput,
} from './schemas/resources.js';
import { Taxonomy, TaxonomyVersions as TaxonomyVersionsSchema } from './schemas/taxonomy.js';
import {
  CourseReport, PublicLocation, PublicLocations, SearchDemand as SearchDemandSchema, Summary,
  type CourseReportQuery, type SummaryQuery,
} from './schemas/reports.js';

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
}

/** One page of a list; `nextCursor` goes into the next call's `cursor` (null on the last page). */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** Where the next page starts; null or absent on the last page. @default null */
  nextCursor?: string | null;
}

/** Paging of a list. */
export interface ListQuery {
  /** @default the server's page size */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** Filters of `registrations.list`; dates are `YYYY-MM-DD`, inclusive, Europe/Amsterdam. */
export type RegistrationListQuery = Omit<RegistrationQuery, 'limit'> & { limit?: number };

/** Filters of `courses.list`. */
export interface CourseListQuery extends ListQuery {
  /** Only the courses of this location. @default undefined */
  locationId?: string;
  /** A `courseTypes` code. @default undefined */
  type?: string;
  /** First start date, `YYYY-MM-DD`. @default undefined */
  from?: string;
  /** Last start date, `YYYY-MM-DD`. @default undefined */
  to?: string;
}

/**
 * Where to search from for `locations.nearest`: a postcode, coordinates (the browser's location)
 * or a place name.
 */
export type NearestQuery = {
  /** @default the server's default (5) */
  limit?: number;
  /** Only locations open for walk-in right now. @default false */
  openNow?: boolean;
} & ({ postcode: string } | { near: { lat: number; lon: number } } | { q: string });

/** Query of the report export. */
export interface ExportQuery {
  /** `csv` (`;`, UTF-8 with BOM, for Dutch Excel) or `xlsx`. */
  format: 'csv' | 'xlsx';
  /** `questions`: a row per question (what an import reads back); `summary`: the accountability tables. */
  view: 'questions' | 'summary';
  /** First day, `YYYY-MM-DD`. @default undefined */
  from?: string;
  /** Last day, inclusive. @default undefined */
  to?: string;
  /** Counts under 5 shown as `< 5`. @default false */
  suppress?: boolean;
}

/** One change in a registration's audit trail. */
export type AuditEntry = z.output<typeof AuditEntrySchema>;
/** The value-list versions with their code mappings. */
export type TaxonomyVersions = z.output<typeof TaxonomyVersionsSchema>;
/** Locator searches per PC4 area. */
export type SearchDemand = z.output<typeof SearchDemandSchema>;
/** `GET /healthz`. */
export interface Health {
  /** `ok`. */
  status: string;
  /** `pglite` or `postgres`. */
  database?: string;
}

/** The create, read, update and delete calls of one resource. */
export interface Resource<T, I, P, Q = ListQuery> {
  /**
   * One page of the resource (`GET`).
   * @example
   * ```ts
   * const { items, nextCursor } = await ido.partners.list({ topic: 'huurtoeslag' });
   * ```
   */
  list(query?: Q, options?: RequestOptions): Promise<Page<T>>;
  /**
   * One by id; `IdoHttpError` 404 when it does not exist or belongs to another organisation.
   * @example
   * ```ts
   * const location = await ido.locations.get(id);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<T>;
  /**
   * Creates one (`POST`, 201) and answers it with its `id`. Not retried.
   * @example
   * ```ts
   * const partner = await ido.partners.create({ name: 'Humanitas', kind: 'humanitas', topics: ['huur'] });
   * ```
   */
  create(input: I, options?: RequestOptions): Promise<T>;
  /**
   * Merges the top-level fields given (a list given is replaced whole). Not retried.
   * @example
   * ```ts
   * await ido.locations.update(id, { variant: 'inloop' });
   * ```
   */
  update(id: string, patch: P, options?: RequestOptions): Promise<T>;
  /**
   * Deletes one (`204`); it is a 404 afterwards. Not retried.
   * @example
   * ```ts
   * await ido.courses.delete(id);
   * ```
   */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/** What `createIdoClient` returns: a namespace per resource of the API. */
export interface IdoClient {
  /** Visits registered at a desk. */
  registrations: Resource<Registration, RegistrationInput, RegistrationPatch, RegistrationListQuery> & {
    /**
     * Registers one visit. The client gives it an `id` (a UUID) when it has none, which makes the
     * create idempotent, so it is retried like a GET; the same id and body again answer the
     * stored registration, never a second row.
     * @example
     * ```ts
     * const saved = await ido.registrations.create({
     *   channel: 'balie', duration: '5-15',
     *   questions: [{ type: 'digitale-overheid', topic: 'huurtoeslag' }],
     * });
     * ```
     */
    create(input: RegistrationInput, options?: RequestOptions): Promise<Registration>;
    /**
     * Sends 1 to 500 visits at once (offline queues); one bad item does not fail the others.
     * Results come in order. Items without an `id` get one; retried like a GET.
     * @example
     * ```ts
     * const { results } = await ido.registrations.createBatch(queued);
     * ```
     */
    createBatch(items: RegistrationInput[], options?: RequestOptions): Promise<BatchResult>;
    /**
     * Every change to one registration.
     * @example
     * ```ts
     * const { items } = await ido.registrations.audit(id);
     * ```
     */
    audit(id: string, options?: RequestOptions): Promise<{ items: AuditEntry[] }>;
  };
  /** The organisation's IDO locations, and the public locator. */
  locations: Resource<Location, LocationInput, LocationPatch> & {
    /**
     * The public locator (`GET /api/v1/public/locations`, no credentials needed): locations
     * nearest to a postcode, coordinates or place, nearest first. A place that cannot be
     * resolved is an `IdoHttpError` 422.
     * @example
     * ```ts
     * const { origin, items } = await ido.locations.nearest({ postcode: '3511AB', limit: 5, openNow: true });
     * ```
     */
    nearest(query: NearestQuery, options?: RequestOptions): Promise<PublicLocations>;
    /**
     * One location's public details, with its schema.org `jsonLd`.
     * @example
     * ```ts
     * const location = await ido.locations.publicGet(id);
     * ```
     */
    publicGet(id: string, options?: RequestOptions): Promise<PublicLocation>;
  };
  /** The sociale kaart: partners to refer visitors to; `list({ topic })` finds those that take a topic. */
  partners: Resource<Partner, PartnerInput, PartnerPatch, ListQuery & { topic?: string }>;
  /** Digital-skills courses run at the locations. */
  courses: Resource<Course, CourseInput, CoursePatch, CourseListQuery>;
  /** Library organisations (creating one is for national users). */
  organisations: Omit<Resource<Organisation, OrganisationInput, z.input<typeof OrganisationPatch>>, 'delete'>;
  /** User accounts. */
  users: Pick<Resource<User, UserInput, never>, 'list' | 'create' | 'delete'>;
  /** API keys. */
  keys: Pick<Resource<ApiKey, KeyInput, never>, 'list' | 'create'> & {
    /**
     * Revokes a key at once.
     * @example
     * ```ts
     * await ido.keys.revoke(key.id);
     * ```
     */
    revoke(id: string, options?: RequestOptions): Promise<void>;
  };
  /** The value lists (codes and labels). */
  taxonomy: {
    /**
     * The value lists of one version (default the current one) in one language (default the client's).
     * @example
     * ```ts
     * const { topics } = await ido.taxonomy.get({ lang: 'en' });
     * ```
     */
    get(query?: { version?: string; lang?: Lang }, options?: RequestOptions): Promise<Taxonomy>;
    /**
     * Every version with its mapping of retired codes to current ones.
     * @example
     * ```ts
     * const { items } = await ido.taxonomy.versions();
     * ```
     */
    versions(options?: RequestOptions): Promise<TaxonomyVersions>;
  };
  /** Figures for accountability and for the desk. */
  reports: {
    /**
     * Visits, questions and referrals, grouped.
     * @example
     * ```ts
     * const s = await ido.reports.summary({ from: '2026-01-01', to: '2026-12-31', groupBy: 'topic' });
     * ```
     */
    summary(query?: SummaryQuery, options?: RequestOptions): Promise<Summary>;
    /**
     * Course runs, enrolments and completions.
     * @example
     * ```ts
     * const c = await ido.reports.courses({ groupBy: 'type' });
     * ```
     */
    courses(query?: z.input<typeof CourseReportQuery>, options?: RequestOptions): Promise<CourseReport>;
    /**
     * Locator searches per PC4 area: where people look for help.
     * @example
     * ```ts
     * const { items } = await ido.reports.searchDemand({ from: '2026-01-01' });
     * ```
     */
    searchDemand(query?: { from?: string; to?: string }, options?: RequestOptions): Promise<SearchDemand>;
    /**
     * The URL of an export. It needs the `Authorization` header, so a plain link does not work
     * with credentials; use `exportFile` to download it.
     * @example
     * ```ts
     * ido.reports.exportUrl({ format: 'csv', view: 'questions', from: '2026-01-01' });
     * ```
     */
    exportUrl(query: ExportQuery): string;
    /**
     * Downloads an export (CSV with BOM, or XLSX) as a Blob.
     * @example
     * ```ts
     * const blob = await ido.reports.exportFile({ format: 'xlsx', view: 'summary' });
     * link.href = URL.createObjectURL(blob);
     * ```
     */
    exportFile(query: ExportQuery, options?: RequestOptions): Promise<Blob>;
  };
  /** User sessions. */
  auth: {
    /**
     * Logs in; from then on the client sends the session token.
     * @example
     * ```ts
     * const { user } = await ido.auth.login({ email, password });
     * ```
     */
    login(input: { email: string; password: string }, options?: RequestOptions): Promise<Session>;
    /**
     * Ends the session on the server; the client forgets the token even when that fails.
     * @example
     * ```ts
     * await ido.auth.logout();
     * ```
     */
    logout(options?: RequestOptions): Promise<void>;
  };
  /**
   * Whether the server runs and reaches its database (`GET /healthz`).
   * @example
   * ```ts
   * const { status } = await ido.health();
   * ```
   */
  health(options?: RequestOptions): Promise<Health>;
}

const HealthSchema = z.object({ status: z.string(), database: z.optional(z.string()) });

/** A random UUID v4, also on plain-http pages where `crypto.randomUUID` is missing. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Seconds from a `Retry-After` header (seconds or HTTP date). */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

const withId = <T extends { id?: string }>(item: T): T & { id: string } => (item.id ? item : { ...item, id: uuid() }) as T & { id: string };

/** A query object as search parameters: `undefined` left out, coordinates as `lat,lon`. */
function search(query: object = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'object' ? `${value.lat},${value.lon}` : String(value);
  }
  return out;
}

const at = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

interface Call extends RequestOptions {
  json?: unknown;
  query?: object;
  /** A POST that is safe to repeat (it carries ids). */
  idempotent?: boolean;
}

/**
 * Creates a client of the IDO API.
 *
 * @example
 * ```ts
 * import { createIdoClient } from 'ido-registratie/sdk';
 * const ido = createIdoClient({ baseUrl: 'https://ido.example.nl', apiKey: 'ido_sk_…' });
 * const saved = await ido.registrations.create({ locationId, channel: 'balie', duration: '5-15', questions });
 * const near = await ido.locations.nearest({ postcode: '3511AB', limit: 5 });
 * ```
 */
export function createIdoClient(options: IdoClientOptions): IdoClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeout = options.timeout ?? 10_000;
  let token = options.token ?? options.apiKey;

  // A Retry-After longer than one attempt may wait is the caller's to decide (it is on the error).
  const shouldRetry = ({ error }: ShouldRetryState) =>
    isHTTPError(error) && (retryAfterSeconds(error.response.headers) ?? 0) * 1000 > timeout ? false : undefined;

  const api = ky.create({
    prefix: `${base}/api/v1`,
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

  async function send(method: string, path: string | URL, call: Call, as: 'text' | 'blob' = 'text') {
    try {
      const response = api(path, {
        method,
        json: call.json,
        searchParams: search(call.query),
        signal: call.signal,
        headers: { authorization: token ? `Bearer ${token}` : undefined },
        // Arrays merge: this adds POST to the retried methods for this call only.
        retry: call.idempotent ? { methods: ['post'] } : {},
      });
      return as === 'blob' ? await response.blob() : await response.text();
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      if (isHTTPError(error)) {
        const parsed = /json/.test(error.response.headers.get('content-type') ?? '') ? z.safeParse(Problem, error.data) : undefined;
        throw new IdoHttpError(error.response.status, parsed?.success ? parsed.data : undefined, retryAfterSeconds(error.response.headers));
      }
      if (isTimeoutError(error)) throw new IdoTimeoutError(timeout, { cause: error });
      // fetch reports every failure to reach the server, or to read its answer, as a TypeError.
      if (isNetworkError(error) || error instanceof TypeError) throw new IdoNetworkError(undefined, { cause: error });
      throw error;
    }
  }

  async function request<S extends z.ZodMiniType>(method: string, path: string | URL, schema: S, call: Call = {}): Promise<z.output<S>> {
    const text = (await send(method, path, call)) as string;
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new IdoSchemaError(String(path), [], text);
    }
    const result = z.safeParse(schema, body);
    if (!result.success) throw new IdoSchemaError(String(path), result.error.issues, body);
    return result.data;
  }

  const remove = async (path: string, o?: RequestOptions) => {
    await send('delete', path, { signal: o?.signal });
  };

  function resource<S extends z.ZodMiniType>(path: string, schema: S): Resource<z.output<S>, object, object, object> {
    return {
      list: (query, o) => request('get', path, page(schema), { query, signal: o?.signal }),
      get: (id, o) => request('get', at(path, id), schema, o),
      create: (json, o) => request('post', path, schema, { json, signal: o?.signal }),
      update: (id, json, o) => request('patch', at(path, id), schema, { json, signal: o?.signal }),
      delete: (id, o) => remove(at(path, id), o),
    };
  }

  const organisations = resource('organisations', Organisation);
  const users = resource('users', User);
  const keys = resource('keys', ApiKey);

  return {
    registrations: {
      ...resource('registrations', Registration),
      create: (input, o) => request('post', 'registrations', Registration, { json: withId(input), idempotent: true, signal: o?.signal }),
      createBatch: (items, o) =>
        request('post', 'registrations/batch', BatchResult, { json: { registrations: items.map(withId) }, idempotent: true, signal: o?.signal }),
      audit: (id, o) => request('get', `${at('registrations', id)}/audit`, list(AuditEntrySchema), o),
    },
    locations: {
      ...resource('locations', Location),
      nearest: (query, o) => request('get', 'public/locations', PublicLocations, { query, signal: o?.signal }),
      publicGet: (id, o) => request('get', at('public/locations', id), PublicLocation, o),
    },
    partners: resource('partners', Partner),
    courses: resource('courses', Course),
    organisations: { list: organisations.list, get: organisations.get, create: organisations.create, update: organisations.update },
    users: { list: users.list, create: users.create, delete: users.delete },
    keys: { list: keys.list, create: keys.create, revoke: keys.delete },
    taxonomy: {
      get: (query, o) => request('get', 'taxonomy', Taxonomy, { query, signal: o?.signal }),
      versions: (o) => request('get', 'taxonomy/versions', TaxonomyVersionsSchema, o),
    },
    reports: {
      summary: (query, o) => request('get', 'reports/summary', Summary, { query, signal: o?.signal }),
      courses: (query, o) => request('get', 'reports/courses', CourseReport, { query, signal: o?.signal }),
      searchDemand: (query, o) => request('get', 'reports/search-demand', SearchDemandSchema, { query, signal: o?.signal }),
      exportUrl: (query) => `${base}/api/v1/reports/export?${new URLSearchParams(search(query))}`,
      exportFile: async (query, o) => (await send('get', 'reports/export', { query, signal: o?.signal }, 'blob')) as Blob,
    },
    auth: {
      login: async (input, o) => {
        const session = await request('post', 'auth/login', Session, { json: input, signal: o?.signal });
        token = session.token;
        return session;
      },
      logout: async (o) => {
        try {
          await send('post', 'auth/logout', { signal: o?.signal });
        } finally {
          token = options.apiKey;
        }
      },
    },
    health: (o) => request('get', new URL(`${base}/healthz`, globalThis.location?.href), HealthSchema, o),
  };
}
