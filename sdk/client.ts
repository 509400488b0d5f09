/**
 * The typed client of the IDO API: one ky instance, every response parsed with the contract's own
 * schemas. `createIdoClient` composes the namespace factories of `sdk/api/*` over the core in
 * `sdk/http.ts`; each namespace calls the operations declared in `sdk/operations`, so its query
 * and body types are those of the server's own schemas. Code that needs a few namespaces can
 * import those factories instead, so that its bundle keeps only their schemas.
 */
import type * as z from 'zod/mini';
import { createHttp, type IdoClientOptions } from './http.js';
import type { AuditEntry as AuditEntrySchema } from './schemas/registration.js';
import type { CourseListQuery as CourseListQuerySchema } from './schemas/resources.js';
import type { TaxonomyVersions as TaxonomyVersionsSchema } from './schemas/taxonomy.js';
import type { SearchDemand as SearchDemandSchema } from './schemas/reports.js';
import { registrationsApi, type RegistrationsApi } from './api/registrations.js';
import { locationsApi, type LocationsApi } from './api/locations.js';
import { partnersApi, type PartnersApi } from './api/partners.js';
import { coursesApi, type CoursesApi } from './api/courses.js';
import { organisationsApi, type OrganisationsApi } from './api/organisations.js';
import { usersApi, type UsersApi } from './api/users.js';
import { keysApi, type KeysApi } from './api/keys.js';
import { reportSubscriptionsApi, type ReportSubscriptionsApi } from './api/report-subscriptions.js';
import { taxonomyApi, type TaxonomyApi } from './api/taxonomy.js';
import { reportsApi, type ReportsApi } from './api/reports.js';
import { authApi, type AuthApi } from './api/auth.js';
import { healthApi, type HealthApi } from './api/health.js';
import { geocodeApi, type GeocodeApi } from './api/geocode.js';

export { createHttp, call, uuid, type Http, type IdoClientOptions, type QueryInput, type RequestOptions } from './http.js';
export type { ListQuery, Page, Resource } from './api/resource.js';
export type { RegistrationListQuery } from './api/registrations.js';
export type { NearestQuery } from './api/locations.js';
export type { ExportQuery } from './api/reports.js';
export type { Health } from './schemas/health.js';

/** Filters of `courses.list`. */
export type CourseListQuery = z.input<typeof CourseListQuerySchema>;
/** One change in a registration's audit trail. */
export type AuditEntry = z.output<typeof AuditEntrySchema>;
/** The value-list versions with their code mappings. */
export type TaxonomyVersions = z.output<typeof TaxonomyVersionsSchema>;
/** Locator searches per PC4 area. */
export type SearchDemand = z.output<typeof SearchDemandSchema>;

/** What `createIdoClient` returns: a namespace per resource of the API. */
export interface IdoClient {
  /** Visits registered at a desk. */
  registrations: RegistrationsApi;
  /** The organisation's IDO locations, and the public locator. */
  locations: LocationsApi;
  /** The sociale kaart: partners to refer visitors to; `list({ topic })` finds those that take a topic. */
  partners: PartnersApi;
  /** Digital-skills courses run at the locations. */
  courses: CoursesApi;
  /** Library organisations (creating one is for national users). */
  organisations: OrganisationsApi;
  /** User accounts. */
  users: UsersApi;
  /** API keys. */
  keys: KeysApi;
  /** Scheduled reports by mail (`create`, `list`, `delete` to unsubscribe). */
  reportSubscriptions: ReportSubscriptionsApi;
  /** The value lists (codes and labels). */
  taxonomy: TaxonomyApi;
  /** Figures for accountability and for the desk. */
  reports: ReportsApi;
  /** User sessions, and who the credential is. */
  auth: AuthApi;
  /**
   * Whether the server runs and reaches its database (`GET /healthz`).
   * @example
   * ```ts
   * const { status } = await ido.health();
   * ```
   */
  health: HealthApi;
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
  geocode: GeocodeApi;
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
    reportSubscriptions: reportSubscriptionsApi(http),
    taxonomy: taxonomyApi(http),
    reports: reportsApi(http),
    auth: authApi(http),
    health: healthApi(http),
    geocode: geocodeApi(http),
  };
}
