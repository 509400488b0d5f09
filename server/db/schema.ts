/** The database schema (drizzle). Every tenant-owned row carries `organisation_id`. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  date,
  bigserial,
} from 'drizzle-orm/pg-core';

const ts = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: 'date' }) : timestamp({ withTimezone: true, mode: 'date' });
const created = () => ts().notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  municipality: text(),
  province: text(),
  createdAt: created(),
  updatedAt: created(),
});

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    role: text().notNull().$type<'national' | 'coordinator'>(),
    organisationId: uuid().references(() => organisations.id),
    createdAt: created(),
    deletedAt: ts(),
  },
  (t) => [uniqueIndex('users_email_live').on(t.email).where(sql`${t.deletedAt} is null`)],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    expiresAt: ts().notNull(),
    createdAt: created(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull().$type<'desk' | 'secret'>(),
    name: text(),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    locationId: uuid(),
    origins: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: created(),
    revokedAt: ts(),
  },
  (t) => [uniqueIndex('api_keys_hash').on(t.keyHash), index('api_keys_org').on(t.organisationId)],
);

export const taxonomyVersions = pgTable('taxonomy_versions', {
  version: text().primaryKey(),
  validFrom: date({ mode: 'string' }).notNull(),
  replaces: text(),
  current: boolean().notNull().default(false),
  mappings: jsonb().notNull().$type<Record<string, string>>().default({}),
});

export const taxonomyEntries = pgTable(
  'taxonomy_entries',
  {
    version: text()
      .notNull()
      .references(() => taxonomyVersions.version),
    list: text().notNull(),
    code: text().notNull(),
    position: integer().notNull(),
    /** Everything but the code: labels per language, parent, agencies, links, keywords. */
    data: jsonb().notNull().$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.version, t.list, t.code] })],
);

export const locations = pgTable(
  'locations',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    address: jsonb().notNull().$type<Record<string, string | undefined>>(),
    municipality: text(),
    province: text(),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
    walkInHours: jsonb().notNull().$type<{ day: number; opens: string; closes: string }[]>().default([]),
    openingHours: jsonb().notNull().$type<{ day: number; opens: string; closes: string }[]>().default([]),
    exceptions: jsonb().notNull().$type<Record<string, unknown>[]>().default([]),
    closedOnHolidays: text().array().notNull(),
    accessibility: jsonb().notNull().$type<Record<string, unknown>>().default({}),
    contact: jsonb().notNull().$type<Record<string, unknown>>().default({}),
    variant: text().notNull().default('inloop'),
    insideLibrary: boolean().notNull().default(true),
    languages: text().array().notNull().default(sql`'{nl}'::text[]`),
    createdAt: created(),
    updatedAt: created(),
    deletedAt: ts(),
  },
  (t) => [
    index('locations_org').on(t.organisationId),
    // The locator's bounding-box prefilter.
    index('locations_lat_lon').on(t.lat, t.lon).where(sql`${t.deletedAt} is null`),
  ],
);

export const partners = pgTable(
  'partners',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    kind: text().notNull(),
    topics: text().array().notNull(),
    spreekuur: text(),
    address: text(),
    contact: jsonb().notNull().$type<Record<string, unknown>>().default({}),
    description: text(),
    locationIds: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: created(),
    updatedAt: created(),
    deletedAt: ts(),
  },
  (t) => [index('partners_org').on(t.organisationId), index('partners_topics').using('gin', t.topics)],
);

export const courses = pgTable(
  'courses',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    locationId: uuid()
      .notNull()
      .references(() => locations.id),
    type: text().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    sessions: integer().notNull(),
    enrolled: integer().notNull(),
    completed: integer(),
    note: text(),
    createdAt: created(),
    updatedAt: created(),
    deletedAt: ts(),
  },
  (t) => [index('courses_org_date').on(t.organisationId, t.startDate)],
);

export const registrations = pgTable(
  'registrations',
  {
    id: uuid().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    locationId: uuid()
      .notNull()
      .references(() => locations.id),
    occurredAt: ts().notNull(),
    channel: text().notNull(),
    duration: text().notNull(),
    note: text(),
    taxonomyVersion: text().notNull(),
    /** SHA-256 of the canonical request body: an idempotent replay must match it. */
    bodyHash: text().notNull(),
    createdBy: text().notNull(),
    createdAt: created(),
    updatedAt: created(),
    deletedAt: ts(),
  },
  (t) => [
    index('registrations_org_occurred').on(t.organisationId, t.occurredAt, t.id),
    index('registrations_location_occurred').on(t.locationId, t.occurredAt),
  ],
);

export const questions = pgTable(
  'questions',
  {
    registrationId: uuid()
      .notNull()
      .references(() => registrations.id),
    position: smallint().notNull(),
    type: text().notNull(),
    topic: text().notNull(),
    agencies: text().array().notNull(),
    help: text().array().notNull(),
    referralPartnerId: uuid(),
    referralPartnerKind: text(),
    referralWarm: boolean(),
    digid: text(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.position] }), index('questions_topic').on(t.topic)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    organisationId: uuid(),
    entity: text().notNull(),
    entityId: text().notNull(),
    action: text().notNull().$type<'create' | 'update' | 'delete'>(),
    actor: text().notNull(),
    at: created(),
    changes: jsonb(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId)],
);

export const postcodes = pgTable('postcodes', {
  pc4: text().primaryKey(),
  lat: doublePrecision().notNull(),
  lon: doublePrecision().notNull(),
  source: text().notNull(),
});

export const geocodeCache = pgTable('geocode_cache', {
  query: text().primaryKey(),
  lat: doublePrecision(),
  lon: doublePrecision(),
  label: text(),
  fetchedAt: created(),
});

export const searchDemand = pgTable(
  'search_demand',
  {
    pc4: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    searches: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.pc4] })],
);

/**
 * File imports of earlier registrations (CSV/XLSX): one row per upload, dry runs included. `errors`
 * holds every row error (`{ row, path, column?, code, params? }`, rendered in the reader's language);
 * `progress` (0..1) is updated per chunk so that `GET /api/v1/imports/:id` can show it.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    status: text().notNull().$type<'dry-run' | 'running' | 'done' | 'failed'>(),
    fileName: text(),
    /** SHA-256 (hex) of the uploaded bytes. */
    fileHash: text().notNull(),
    mapping: jsonb().$type<Record<string, unknown>>(),
    rows: integer().notNull().default(0),
    imported: integer().notNull().default(0),
    duplicates: integer().notNull().default(0),
    errors: jsonb().notNull().$type<Record<string, unknown>[]>().default([]),
    /** What the import did, or for a dry run would do: `{ visits, questions, duplicates }`. */
    summary: jsonb()
      .notNull()
      .$type<{ visits: number; questions: number; duplicates: number }>()
      .default({ visits: 0, questions: 0, duplicates: 0 }),
    progress: real().notNull().default(0),
    createdBy: text().notNull(),
    createdAt: created(),
    finishedAt: ts(),
  },
  (t) => [index('imports_org_created').on(t.organisationId, t.createdAt)],
);

/**
 * Report aggregates (server/services/reports/, docs/aggregates.md): what the folder has folded in of
 * the registrations; a report adds the visits still in `report_pending`. `grain` is a period and a
 * scope: `day`/`week`/`month` per location (`location_id` is the location), `org-day`/`org-week`/
 * `org-month` per organisation (`location_id` holds the organisation id) and `nat-day`/`nat-week`/
 * `nat-month` for the country (`location_id` and `organisation_id` are the nil uuid); weeks in
 * `report_totals` only. `period` is the Amsterdam date, the Monday of the ISO week or the first of the month. Counts are of live visits; a
 * visit belongs to exactly one period and location, so they add up.
 */
export const reportTotals = pgTable(
  'report_totals',
  {
    grain: text().notNull(),
    period: date({ mode: 'string' }).notNull(),
    locationId: uuid().notNull(),
    organisationId: uuid().notNull(),
    visits: integer().notNull().default(0),
    questions: integer().notNull().default(0),
    /** Visits with at least one referral. */
    referred: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.locationId, t.period] }),
    // Every location over a period (`groupBy=location`): the key's order would scan every location's rows of the grain.
    index('report_totals_grain_period').on(t.grain, t.period),
  ],
);

/**
 * Per code: `dimension` is topic, agency, help, channel, duration (codes mapped onto the current
 * value lists when written) or weekday-hour (`1-09`). `visits` = visits with at least one question
 * in the group; `questions` = questions in it (for channel, duration and weekday-hour: the visit's questions).
 * Referrals: `referral` and `referral-warm` per target (`k:<kind>` or `p:<partner id>`; questions with
 * a (warm) referral to it), `referral-set` per visit's set of targets (docs/aggregates.md).
 */
export const reportCodes = pgTable(
  'report_codes',
  {
    grain: text().notNull(),
    dimension: text().notNull(),
    locationId: uuid().notNull(),
    period: date({ mode: 'string' }).notNull(),
    code: text().notNull(),
    organisationId: uuid().notNull(),
    visits: integer().notNull().default(0),
    questions: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.grain, t.dimension, t.locationId, t.period, t.code] })],
);

/**
 * Which shape of `report_totals`/`report_codes` the rows were last rebuilt for: one row, written by a
 * full `rebuildAggregates`. A server whose code keeps more in the aggregates than the database was
 * built with (`AGGREGATE_FORMAT` in server/services/reports/rebuild.ts) rebuilds them once at start.
 */
export const reportFormat = pgTable('report_format', {
  format: integer().primaryKey(),
});

/**
 * Visits whose changes the aggregates do not hold yet (docs/aggregates.md): a create, a correction or
 * a delete adds its visit here in the same statement or transaction; the folder folds them into
 * `report_totals`/`report_codes` and deletes them in one transaction, and a report adds what is left.
 * `folded` is the version of the visit that the aggregates hold (null: none, a new visit), written
 * once, by the first change after the visit was last folded (`AggregateVisit` as JSON).
 */
export const reportPending = pgTable('report_pending', {
  registrationId: uuid().primaryKey(),
  folded: jsonb().$type<Record<string, unknown>>(),
  /** When the visit was queued: how far behind the folder is (operations, the lag figure). */
  queuedAt: created(),
});

/**
 * Scheduled reports by mail (contract v3, docs/operations.md#mail). `organisationId` null: the whole
 * country (national users only). Unsubscribing sets `deletedAt`; its jobs not yet sent are then dropped.
 */
export const reportSubscriptions = pgTable(
  'report_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid().references(() => organisations.id),
    locationId: uuid().references(() => locations.id),
    email: text().notNull(),
    frequency: text().notNull().$type<'month' | 'quarter' | 'year'>(),
    format: text().notNull().$type<'xlsx' | 'csv'>(),
    createdBy: text().notNull(),
    /** From the injected clock: the first period mailed is the one this falls in. */
    createdAt: ts().notNull(),
    deletedAt: ts(),
  },
  (t) => [index('report_subscriptions_organisation').on(t.organisationId)],
);

/**
 * One mail per subscription and period: the primary key makes a second row for the same period
 * impossible, whatever the number of servers. A sender claims a due row (`FOR UPDATE SKIP LOCKED`)
 * by setting `claimedUntil`, sends, and sets `sentAt`; a failure sets `nextAttemptAt` (backoff).
 */
export const reportMailJobs = pgTable(
  'report_mail_jobs',
  {
    subscriptionId: uuid()
      .notNull()
      .references(() => reportSubscriptions.id),
    /** `2026-11`, `2026-Q4` or `2026`. */
    period: text().notNull(),
    /** When the period's report becomes due: the first day of the next period, 07:00 Europe/Amsterdam. */
    dueAt: ts().notNull(),
    nextAttemptAt: ts().notNull(),
    claimedUntil: ts(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: ts(),
  },
  (t) => [
    primaryKey({ columns: [t.subscriptionId, t.period] }),
    index('report_mail_jobs_due').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
  ],
);
