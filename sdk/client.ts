/**
 * The typed client of the IDO API: one ky instance, every response parsed with the contract's own
 * schemas. `createIdoClient` composes the namespace factories of `sdk/api/*` over the core in
 * `sdk/http.ts`; code that needs a few namespaces can import those factories instead, so that
 * its bundle keeps only their schemas.
 */
import type * as z from 'zod/mini';
import { createHttp, type IdoClientOptions, type RequestOptions } from './http.js';
import type {
  AuditEntry as AuditEntrySchema, BatchResult, Registration,
  RegistrationInput, RegistrationPatch, RegistrationQuery,
} from './schemas/registration.js';
import type { Location, LocationInput, LocationPatch } from './schemas/location.js';
import type {
  ApiKey, Course, CourseInput, CoursePatch, KeyInput, Organisation, OrganisationInput, OrganisationPatch,
  Me, Partner, PartnerInput, PartnerPatch, Session, User, UserInput,
} from './schemas/resources.js';
import type { Taxonomy, TaxonomyVersions as TaxonomyVersionsSchema } from './schemas/taxonomy.js';
import type {
  CourseReport, CourseReportQuery, PublicLocation, PublicLocations, SearchDemand as SearchDemandSchema, Summary,
  SummaryQuery,
} from './schemas/reports.js';
import type { Lang } from './schemas/common.js';
import { registrationsApi } from './api/registrations.js';
import { locationsApi } from './api/locations.js';
import { partnersApi } from './api/partners.js';
import { coursesApi } from './api/courses.js';
import { organisationsApi } from './api/organisations.js';
import { usersApi } from './api/users.js';
import { keysApi } from './api/keys.js';
import { taxonomyApi } from './api/taxonomy.js';
import { reportsApi } from './api/reports.js';
import { authApi } from './api/auth.js';
import { healthApi } from './api/health.js';
import { geocodeApi } from './api/geocode.js';
import type { GeocodedAddress, GeocodeQuery } from './schemas/geocode.js';

export { createHttp, uuid, type Http, type IdoClientOptions, type RequestOptions } from './http.js';

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
  /** User sessions, and who the credential is. */
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
    /**
     * Who the credential this client sends is (`GET /api/v1/auth/me`): for a desk or secret key
     * its organisation and the location it is bound to (`locationId`, null when not bound), for a
     * session its user. A desk uses it to find its own location in one request.
     * @example
     * ```ts
     * const me = await ido.auth.me();
     * if (me.kind === 'desk' && me.locationId) console.log('registers at', me.locationId);
     * ```
     */
    me(options?: RequestOptions): Promise<Me>;
  };
  /**
   * Whether the server runs and reaches its database (`GET /healthz`).
   * @example
   * ```ts
   * const { status } = await ido.health();
   * ```
   */
  health(options?: RequestOptions): Promise<Health>;
  /**
   * The address at a postcode and house number (`GET /api/v1/geocode`, staff only): PDOK's when
   * it is reachable, else the postcode area or the PC4 centroid (`precision` says which; what it
   * cannot know is null). An `IdoHttpError` 422 when nothing is found.
   * @example
   * ```ts
   * const a = await ido.geocode({ postcode: '3511AB', number: '11' });
   * if (a.precision === 'pc4') console.warn('only the area is known: check the pin');
   * ```
   */
  geocode(query: GeocodeQuery, options?: RequestOptions): Promise<GeocodedAddress>;
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
  const http = createHttp(options);
  return {
    registrations: registrationsApi(http),
    locations: locationsApi(http),
    partners: partnersApi(http),
    courses: coursesApi(http),
    organisations: organisationsApi(http),
    users: usersApi(http),
    keys: keysApi(http),
    taxonomy: taxonomyApi(http),
    reports: reportsApi(http),
    auth: authApi(http),
    health: healthApi(http),
    geocode: geocodeApi(http),
  };
}
