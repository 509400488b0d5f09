/**
 * Reports: the summary, course figures, public statistics and accountability exports.
 *
 * Two layers. `ReportQueries` is the query layer: raw counts by code or id, no labels, no access
 * rules. `sqlReportQueries` computes them from the raw rows (registrations and questions) with
 * one aggregate query each; `aggregateReportQueries` (services/aggregates.ts) answers totals and the
 * summary from incrementally maintained aggregates and is the default (see `reportQueries`). Everything
 * above it (scoping, labels, sorting, suppression, CSV and XLSX) is shared.
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { toAmsterdamIso, amsterdamParts } from '../../sdk/opening-hours.js';
import type { SummaryGroupBy } from '../../sdk/schemas/reports.js';
import type { TaxonomyList } from '../../sdk/schemas/taxonomy.js';
import type { Database } from '../db/client.js';
import { locations, organisations } from '../db/schema.js';
import type { Principal } from '../http/auth.js';
import { scopeOf } from '../http/auth.js';
import type { Lang } from '../http/messages.js';
import { invalid, notFound } from '../http/problem.js';
import type { Deps } from '../types.js';
import { aggregateReportQueries } from './aggregates.js';
import {
  CSV_BOM, SUPPRESSION_THRESHOLD, csvLine, isPeriodGroup, mappingClosure, periodLabel, resolvePeriod, safeText,
  sortGroups, suppressCount, tableCount, type CsvValue, type Period,
} from './report-math.js';

// ---------------------------------------------------------------------------------------------
// Types

/** What a report covers: a period and, optionally, one organisation, location, municipality or province. */
export interface ReportFilter extends Period {
  organisationId?: string;
  locationId?: string;
  /** Of the location where the visit took place (case-insensitive). */
  municipality?: string;
  province?: string;
}

export interface Totals { visits: number; questions: number; referred: number }
export interface RawGroup { key: string; visits: number; questions: number }
export interface CourseTotals { runs: number; enrolled: number; completed: number }
export interface RawCourseGroup extends CourseTotals { key: string }
export type CourseGroupBy = 'type' | 'location' | 'month';
export type AccountabilityPeriod = 'month' | 'quarter' | 'year';

/** One question of the `view=questions` export, codes already mapped onto the current value lists. */
export interface QuestionRow {
  registrationId: string;
  occurredAt: Date;
  organisationId: string;
  locationId: string;
  locationName: string | null;
  channel: string;
  duration: string;
  /** 1-based position of the question within its visit. */
  position: number;
  type: string;
  topic: string;
  agencies: string[];
  help: string[];
  referralPartnerId: string | null;
  referralPartnerKind: string | null;
  referralWarm: boolean | null;
  digid: string | null;
  note: string | null;
}

export interface PeriodLocationTopicRow { period: string; locationId: string; topic: string; visits: number; questions: number }
/** A question-level dimension of the period tables: a question counts once under each distinct value it names. */
export type PeriodCodeDimension = 'topic' | 'agency' | 'help';
export interface PeriodCodeRow { period: string; code: string; visits: number; questions: number }
export interface CourseTypeLocationRow { locationId: string; type: string; runs: number; enrolled: number; completed: number }
export interface ReferralKindRow { kind: string; visits: number; questions: number; warm: number }

/** The query layer: counts from whatever store answers fastest. Keys are current codes or ids. */
export interface ReportQueries {
  totals(filter: ReportFilter): Promise<Totals>;
  groups(filter: ReportFilter, groupBy: SummaryGroupBy): Promise<RawGroup[]>;
  /** Totals and groups together, so that an implementation can derive one from the other. */
  summary(filter: ReportFilter, groupBy: SummaryGroupBy | undefined): Promise<{ totals: Totals; groups: RawGroup[] }>;
  courseTotals(filter: ReportFilter): Promise<CourseTotals>;
  courseGroups(filter: ReportFilter, groupBy: CourseGroupBy): Promise<RawCourseGroup[]>;
  periodLocationTopic(filter: ReportFilter, period: AccountabilityPeriod): Promise<PeriodLocationTopicRow[]>;
  /** Visits and questions per period and code of one dimension (e.g. per agency). */
  periodCodes(filter: ReportFilter, period: AccountabilityPeriod, dimension: PeriodCodeDimension): Promise<PeriodCodeRow[]>;
  coursesByTypeAndLocation(filter: ReportFilter): Promise<CourseTypeLocationRow[]>;
  referralsByKind(filter: ReportFilter): Promise<ReferralKindRow[]>;
  /** Every question in the filter, oldest visit first, in pages (keyset-paged, so memory stays flat). */
  questionPages(filter: ReportFilter, pageSize?: number): AsyncIterable<QuestionRow[]>;
}

// ---------------------------------------------------------------------------------------------
// The query layer on raw rows

const AMSTERDAM = sql.raw(`'Europe/Amsterdam'`);
const localTime = sql`(r.occurred_at at time zone ${AMSTERDAM})`;

/**
 * Period keys: rows are grouped on a cheap bucket (`date_trunc` of the Amsterdam wall clock) and only
 * the buckets are formatted with `to_char` (slow per row), giving the strings `isoWeek` and friends
 * give. `weekday-hour` buckets by hour; hours of the same weekday and hour then merge.
 */
const PERIODS: Record<string, { unit: string; format: string }> = {
  day: { unit: 'day', format: 'YYYY-MM-DD' },
  week: { unit: 'week', format: 'IYYY-"W"IW' },
  month: { unit: 'month', format: 'YYYY-MM' },
  'weekday-hour': { unit: 'hour', format: 'ID-HH24' },
  quarter: { unit: 'quarter', format: 'YYYY-"Q"Q' },
  year: { unit: 'year', format: 'YYYY' },
};
const periodBucket = (period: string) => sql`date_trunc(${sql.raw(`'${PERIODS[period].unit}'`)}, ${localTime})`;
const periodFormat = (period: string, bucket: SQL) => sql`to_char(${bucket}, ${sql.raw(`'${PERIODS[period].format}'`)})`;

function registrationWhere(f: ReportFilter): SQL {
  const parts: SQL[] = [
    sql`r.deleted_at is null`,
    sql`r.occurred_at >= ${f.start.toISOString()}::timestamptz`,
    sql`r.occurred_at < ${f.end.toISOString()}::timestamptz`,
  ];
  if (f.organisationId) parts.push(sql`r.organisation_id = ${f.organisationId}::uuid`);
  if (f.locationId) parts.push(sql`r.location_id = ${f.locationId}::uuid`);
  const place = placeWhere(f);
  if (place) parts.push(sql`r.location_id in (select l.id from locations l where ${place})`);
  return sql.join(parts, sql` and `);
}

function placeWhere(f: ReportFilter): SQL | null {
  const parts: SQL[] = [];
  if (f.municipality) parts.push(sql`lower(coalesce(l.municipality, l.address->>'municipality')) = lower(${f.municipality.trim()})`);
  if (f.province) parts.push(sql`lower(coalesce(l.province, l.address->>'province')) = lower(${f.province.trim()})`);
  return parts.length ? sql.join(parts, sql` and `) : null;
}

function courseWhere(f: ReportFilter): SQL {
  const parts: SQL[] = [
    sql`c.deleted_at is null`,
    sql`c.start_date >= ${f.from}::date`,
    sql`c.start_date <= ${f.to}::date`,
  ];
  if (f.organisationId) parts.push(sql`c.organisation_id = ${f.organisationId}::uuid`);
  if (f.locationId) parts.push(sql`c.location_id = ${f.locationId}::uuid`);
  const place = placeWhere(f);
  if (place) parts.push(sql`c.location_id in (select l.id from locations l where ${place})`);
  return sql.join(parts, sql` and `);
}

/** Per report query on PostgreSQL: enough for the hash joins of ten million questions to stay in memory. */
const WORK_MEM = '64MB';

const hasReferral = sql`(q.referral_partner_id is not null or q.referral_partner_kind is not null)`;
const int = (v: unknown) => Number(v ?? 0);

/**
 * Counts from the raw rows. `codeMap` maps retired value-list codes onto current ones (the
 * closure of every version's mappings), so that series over several versions add up.
 */
export function sqlReportQueries(database: Database, codeMap: Map<string, string>): ReportQueries {
  const mapCode = (expr: SQL): SQL => {
    if (!codeMap.size) return expr;
    const whens = [...codeMap].map(([from, to]) => sql`when ${from} then ${to}`);
    return sql`(case ${expr} ${sql.join(whens, sql` `)} else ${expr} end)`;
  };
  const mapJs = (code: string) => codeMap.get(code) ?? code;
  const mapList = (codes: string[]) => [...new Set(codes.map(mapJs))];

  /** Rows of a query; on PostgreSQL with room for the hash joins and without JIT (planning cost, no gain here). */
  async function run<T>(query: SQL): Promise<T[]> {
    if (database.kind !== 'postgres') return database.rows<T>(query);
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('work_mem', ${WORK_MEM}, true), set_config('jit', 'off', true)`);
      const result = (await tx.execute(query)) as unknown;
      return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
    });
  }

  /**
   * The values a question names for a question-level grouping, one row per question and value:
   * (rid, pos, key). A list that names a value twice (a retired and a current code) gives one row;
   * the per-question DISTINCT is memoised by PostgreSQL per distinct list, so it costs next to nothing.
   */
  function questionKeys(groupBy: 'topic' | 'agency' | 'help'): SQL {
    if (groupBy === 'topic') return sql`select q.registration_id as rid, q.position as pos, ${mapCode(sql`q.topic`)} as key from questions q`;
    const column = sql.raw(groupBy === 'agency' ? 'q.agencies' : 'q.help');
    return sql`select q.registration_id as rid, q.position as pos, v.key
      from questions q cross join lateral (select distinct ${mapCode(sql`c`)} as key from unnest(${column}) as c) v`;
  }

  /**
   * Group counts with single-level aggregates only (a two-level "per visit, then per group"
   * aggregate is several times slower: it hashes a row per visit).
   *
   * Question-level keys (topic, agency, help): questions per key are the (question, key) rows; visits
   * per key are those rows minus the *repeats*, rows whose key an earlier question of the same visit
   * already named. Only questions after the first can repeat, and repeats are rare, so the second
   * query joins a fraction of the rows and aggregates fewer still.
   *
   * Registration-level keys (channel, duration, location, organisation, periods): a visit is in
   * exactly one group, so visits are counted on registrations and questions on the join.
   */
  async function groupCounts(groupBy: SummaryGroupBy, f: ReportFilter): Promise<RawGroup[]> {
    const where = registrationWhere(f);
    if (groupBy === 'topic' || groupBy === 'agency' || groupBy === 'help') {
      const k = questionKeys(groupBy);
      const [counted, repeats] = await Promise.all([
        run<{ key: string; n: number }>(sql`
          select e.key, count(*)::int as n
          from registrations r join (${k}) e on e.rid = r.id
          where ${where} group by 1`),
        run<{ key: string; n: number }>(sql`
          select key, count(*)::int as n from (
            select distinct p.rid, p.pos, p.key
            from registrations r
            join (${k}) p on p.rid = r.id
            join (${k}) o on o.rid = p.rid and o.key = p.key and o.pos < p.pos
            where ${where} and p.pos > 0
          ) t group by 1`),
      ]);
      const repeated = new Map(repeats.map((r) => [String(r.key), int(r.n)]));
      return counted.map((c) => ({ key: String(c.key), visits: int(c.n) - (repeated.get(String(c.key)) ?? 0), questions: int(c.n) }));
    }
    const period = isPeriodGroup(groupBy);
    const key = groupBy === 'organisation' ? sql`r.organisation_id::text`
      : groupBy === 'location' ? sql`r.location_id::text`
      : groupBy === 'channel' ? mapCode(sql`r.channel`)
      : groupBy === 'duration' ? mapCode(sql`r.duration`)
      : periodBucket(groupBy);
    const rows = await run<{ key: string; visits: number; questions: number }>(sql`
      select ${period ? periodFormat(groupBy, sql`b`) : sql`b`} as key, sum(visits)::int as visits, sum(questions)::int as questions from (
        select ${key} as b, count(*) as visits, 0 as questions from registrations r where ${where} group by 1
        union all
        select ${key} as b, 0 as visits, count(*) as questions
        from registrations r join questions q on q.registration_id = r.id where ${where} group by 1
      ) t group by 1`);
    return rows.map((r) => ({ key: String(r.key), visits: int(r.visits), questions: int(r.questions) }));
  }

  const countOne = async (query: SQL) => int((await run<{ n: number }>(query))[0]?.n);
  const countQuestions = (where: SQL) => countOne(sql`
    select count(*)::int as n from registrations r join questions q on q.registration_id = r.id where ${where}`);
  /**
   * Visits, and visits with a referral. The referral test is a semi-join (EXISTS), which the planner
   * answers with a hash of the few questions with a referral nationally, or index look-ups for one
   * organisation; an IN in the same scan as the visit count could not choose.
   */
  async function countVisits(where: SQL): Promise<{ visits: number; referred: number }> {
    const [visits, referred] = await Promise.all([
      countOne(sql`select count(*)::int as n from registrations r where ${where}`),
      countOne(sql`select count(*)::int as n from registrations r
        where ${where} and exists (select 1 from questions q where q.registration_id = r.id and ${hasReferral})`),
    ]);
    return { visits, referred };
  }

  async function totals(f: ReportFilter): Promise<Totals> {
    const where = registrationWhere(f);
    const [{ visits, referred }, questions] = await Promise.all([countVisits(where), countQuestions(where)]);
    return { visits, questions, referred };
  }

  return {
    totals,
    groups: (f, groupBy) => groupCounts(groupBy, f),

    async summary(f, groupBy) {
      if (!groupBy) return { totals: await totals(f), groups: [] };
      const where = registrationWhere(f);
      const sum = (groups: RawGroup[], field: 'visits' | 'questions') => groups.reduce((n, g) => n + g[field], 0);
      if (groupBy === 'agency' || groupBy === 'help') {
        const [t, groups] = await Promise.all([totals(f), groupCounts(groupBy, f)]);
        return { totals: t, groups };
      }
      if (groupBy === 'topic') {
        // Every question has one topic: the questions add up; visits do not (a visit may have two topics).
        const [{ visits, referred }, groups] = await Promise.all([countVisits(where), groupCounts(groupBy, f)]);
        return { totals: { visits, questions: sum(groups, 'questions'), referred }, groups };
      }
      // A visit is in exactly one group of a registration-level grouping: both add up.
      const [{ referred }, groups] = await Promise.all([countVisits(where), groupCounts(groupBy, f)]);
      return { totals: { visits: sum(groups, 'visits'), questions: sum(groups, 'questions'), referred }, groups };
    },

    async courseTotals(f) {
      const [row] = await run<CourseTotals>(sql`
        select count(*)::int as runs, coalesce(sum(c.enrolled), 0)::int as enrolled, coalesce(sum(c.completed), 0)::int as completed
        from courses c where ${courseWhere(f)}`);
      return { runs: int(row?.runs), enrolled: int(row?.enrolled), completed: int(row?.completed) };
    },

    async courseGroups(f, groupBy) {
      const key = groupBy === 'type' ? mapCode(sql`c.type`)
        : groupBy === 'location' ? sql`c.location_id::text`
        : sql`to_char(c.start_date, 'YYYY-MM')`;
      const rows = await run<RawCourseGroup>(sql`
        select ${key} as key, count(*)::int as runs, coalesce(sum(c.enrolled), 0)::int as enrolled, coalesce(sum(c.completed), 0)::int as completed
        from courses c where ${courseWhere(f)} group by 1`);
      return rows.map((r) => ({ key: String(r.key), runs: int(r.runs), enrolled: int(r.enrolled), completed: int(r.completed) }));
    },

    async periodLocationTopic(f, period) {
      // Small output; a two-level aggregate on the bucket (not the formatted key) is fine for an export.
      const rows = await run<PeriodLocationTopicRow & { location_id: string; bucket: unknown }>(sql`
        select ${periodFormat(period, sql`bucket`)} as period, location_id, topic, count(*)::int as visits, sum(n)::int as questions from (
          select q.registration_id, ${periodBucket(period)} as bucket, r.location_id::text as location_id,
                 ${mapCode(sql`q.topic`)} as topic, count(*) as n
          from registrations r join questions q on q.registration_id = r.id
          where ${registrationWhere(f)}
          group by 1, 2, 3, 4
        ) t group by 1, 2, 3`);
      return rows.map((r) => ({ period: r.period, locationId: r.location_id, topic: r.topic, visits: int(r.visits), questions: int(r.questions) }));
    },

    async periodCodes(f, period, dimension) {
      const rows = await run<PeriodCodeRow & { bucket: unknown }>(sql`
        select ${periodFormat(period, sql`bucket`)} as period, key as code, count(*)::int as visits, sum(n)::int as questions from (
          select e.rid, ${periodBucket(period)} as bucket, e.key, count(*) as n
          from registrations r join (${questionKeys(dimension)}) e on e.rid = r.id
          where ${registrationWhere(f)}
          group by 1, 2, 3
        ) t group by 1, 2`);
      return rows.map((r) => ({ period: r.period, code: r.code, visits: int(r.visits), questions: int(r.questions) }));
    },

    async coursesByTypeAndLocation(f) {
      const rows = await run<CourseTypeLocationRow & { location_id: string }>(sql`
        select c.location_id::text as location_id, ${mapCode(sql`c.type`)} as type, count(*)::int as runs,
               coalesce(sum(c.enrolled), 0)::int as enrolled, coalesce(sum(c.completed), 0)::int as completed
        from courses c where ${courseWhere(f)} group by 1, 2`);
      return rows.map((r) => ({ locationId: r.location_id, type: r.type, runs: int(r.runs), enrolled: int(r.enrolled), completed: int(r.completed) }));
    },

    async referralsByKind(f) {
      const rows = await run<ReferralKindRow>(sql`
        select kind, count(*)::int as visits, sum(n)::int as questions, sum(warm)::int as warm from (
          select q.registration_id, ${mapCode(sql`coalesce(q.referral_partner_kind, p.kind, 'overig')`)} as kind,
                 count(*) as n, count(*) filter (where q.referral_warm) as warm
          from registrations r join questions q on q.registration_id = r.id
          left join partners p on p.id = q.referral_partner_id
          where ${registrationWhere(f)} and ${hasReferral}
          group by 1, 2
        ) t group by 1`);
      return rows.map((r) => ({ kind: r.kind, visits: int(r.visits), questions: int(r.questions), warm: int(r.warm) }));
    },

    async *questionPages(f, pageSize = 5000) {
      const where = registrationWhere(f);
      let cursor: { at: string; id: string } | null = null;
      for (;;) {
        const after: SQL = cursor ? sql`and (r.occurred_at, r.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : sql``;
        const rows = await database.rows<Record<string, unknown>>(sql`
          select r.id::text as registration_id, r.occurred_at::text as cursor_at,
                 (extract(epoch from r.occurred_at) * 1000)::float8 as at_ms,
                 r.organisation_id::text as organisation_id, r.location_id::text as location_id, l.name as location_name,
                 r.channel, r.duration, r.note, q.position, q.type, q.topic, q.agencies, q.help,
                 q.referral_partner_id::text as referral_partner_id, q.referral_partner_kind, q.referral_warm, q.digid
          from (select r.* from registrations r where ${where} ${after} order by r.occurred_at, r.id limit ${pageSize}) r
          join questions q on q.registration_id = r.id
          left join locations l on l.id = r.location_id
          order by r.occurred_at, r.id, q.position`);
        if (!rows.length) return;
        let previous = '';
        let position = 0;
        let visits = 0;
        const page = rows.map((r): QuestionRow => {
          const id = String(r.registration_id);
          if (id !== previous) { previous = id; position = 0; visits++; }
          position++;
          return {
            registrationId: id,
            occurredAt: new Date(Number(r.at_ms)),
            organisationId: String(r.organisation_id),
            locationId: String(r.location_id),
            locationName: (r.location_name as string | null) ?? null,
            channel: mapJs(String(r.channel)),
            duration: mapJs(String(r.duration)),
            position,
            type: mapJs(String(r.type)),
            topic: mapJs(String(r.topic)),
            agencies: mapList(pgArray(r.agencies)),
            help: mapList(pgArray(r.help)),
            referralPartnerId: (r.referral_partner_id as string | null) ?? null,
            referralPartnerKind: r.referral_partner_kind ? mapJs(String(r.referral_partner_kind)) : null,
            referralWarm: (r.referral_warm as boolean | null) ?? null,
            digid: r.digid ? mapJs(String(r.digid)) : null,
            note: (r.note as string | null) ?? null,
          };
        });
        yield page;
        const last = rows[rows.length - 1];
        cursor = { at: String(last.cursor_at), id: String(last.registration_id) };
        if (visits < pageSize) return;
      }
    },
  };
}

/** A text[] as both drivers may return it: an array, or PostgreSQL's `{a,b}` literal. */
function pgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('{')) {
    const inner = value.slice(1, -1);
    return inner ? inner.split(',').map((s) => s.replace(/^"(.*)"$/, '$1')) : [];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Which query layer answers: the incrementally maintained aggregates (docs/aggregates.md) for totals,
// the summary and the accountability tables of visits and questions, raw rows for courses and the
// question export; `IDO_REPORT_AGGREGATES=off` (config.reportAggregates) answers everything from raw rows.

const installed = new WeakMap<Database, ReportQueries>();

/** Installs another query layer for a database (e.g. one on incrementally maintained aggregates). */
export function setReportQueries(database: Database, queries: ReportQueries): void {
  installed.set(database, queries);
}

export function reportQueries(deps: Pick<Deps, 'database' | 'taxonomy'> & { config?: Pick<Deps['config'], 'reportAggregates'> }): ReportQueries {
  let queries = installed.get(deps.database);
  if (!queries) {
    const closure = mappingClosure(deps.taxonomy.versions().map((v) => v.mappings ?? {}), deps.taxonomy.currentCode);
    const raw = sqlReportQueries(deps.database, closure);
    queries = deps.config?.reportAggregates === false ? raw : aggregateReportQueries(deps.database, raw, closure);
    installed.set(deps.database, queries);
  }
  return queries;
}

// ---------------------------------------------------------------------------------------------
// Who may see what

type Caller = Exclude<Principal, { kind: 'anonymous' }>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FilterQuery {
  from?: string;
  to?: string;
  organisationId?: string;
  locationId?: string;
  municipality?: string;
  province?: string;
}

/** The period of a query, or a 422 when `from` is after `to`. */
export function periodOf(deps: Pick<Deps, 'clock'>, q: { from?: string; to?: string }): Period {
  const period = resolvePeriod(deps.clock(), q.from, q.to);
  if (!period) throw invalid([{ path: 'to', code: 'time-order' }]);
  return period;
}

/**
 * The filter a caller may have: national users see everything and filter freely; coordinators and
 * secret keys only their own organisation, and another organisation or its location named in the
 * query is answered 404, as if it did not exist. Desk keys are checked by the route.
 */
export async function resolveFilter(deps: Pick<Deps, 'clock' | 'database'>, caller: Caller, q: FilterQuery): Promise<ReportFilter> {
  const period = periodOf(deps, q);
  const scope = scopeOf(caller);
  const { db } = deps.database;
  let organisationId = scope ?? undefined;
  if (q.organisationId !== undefined) {
    if (!UUID.test(q.organisationId)) throw notFound();
    if (scope && q.organisationId !== scope) throw notFound();
    if (!scope) {
      const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, q.organisationId)).limit(1);
      if (!org) throw notFound();
    }
    organisationId = q.organisationId;
  }
  if (q.locationId !== undefined) {
    if (!UUID.test(q.locationId)) throw notFound();
    const where = scope ? and(eq(locations.id, q.locationId), eq(locations.organisationId, scope)) : eq(locations.id, q.locationId);
    const [location] = await db.select({ id: locations.id }).from(locations).where(where).limit(1);
    if (!location) throw notFound();
  }
  return {
    ...period,
    organisationId,
    locationId: q.locationId,
    municipality: q.municipality?.trim() || undefined,
    province: q.province?.trim() || undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Labels

const TAXONOMY_GROUP_LIST: Partial<Record<SummaryGroupBy, TaxonomyList>> = {
  topic: 'topics', agency: 'agencies', help: 'help', channel: 'channels', duration: 'durations',
};

async function namesOf(database: Database, table: 'locations' | 'organisations', ids: string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter((id) => UUID.test(id));
  if (!valid.length) return new Map();
  const t = table === 'locations' ? locations : organisations;
  const rows = await database.db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, valid));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type Labeller = (key: string) => string;

async function labellerFor(deps: Pick<Deps, 'database' | 'taxonomy'>, groupBy: SummaryGroupBy, keys: string[], lang: Lang): Promise<Labeller> {
  const list = TAXONOMY_GROUP_LIST[groupBy];
  if (list) return (key) => deps.taxonomy.label(list, key, lang);
  if (groupBy === 'location' || groupBy === 'organisation') {
    const names = await namesOf(deps.database, groupBy === 'location' ? 'locations' : 'organisations', keys);
    return (key) => names.get(key) ?? key;
  }
  if (isPeriodGroup(groupBy)) return (key) => periodLabel(groupBy, key, lang);
  return (key) => key;
}

// ---------------------------------------------------------------------------------------------
// Summary, courses, public stats

export interface SummaryGroup { key: string; label: string; visits: number; questions: number }
export interface SummaryResult extends Totals { groups: SummaryGroup[] }

export async function summaryReport(deps: Pick<Deps, 'database' | 'taxonomy'>, filter: ReportFilter, groupBy: SummaryGroupBy | undefined, lang: Lang): Promise<SummaryResult> {
  const { totals, groups: raw } = await reportQueries(deps).summary(filter, groupBy);
  if (!groupBy) return { ...totals, groups: [] };
  const label = await labellerFor(deps, groupBy, raw.map((g) => g.key), lang);
  const groups = sortGroups(groupBy, raw).map((g) => ({ key: g.key, label: label(g.key), visits: g.visits, questions: g.questions }));
  return { ...totals, groups };
}

export interface CourseGroup extends RawCourseGroup { label: string }
export interface CourseResult extends CourseTotals { groups: CourseGroup[] }

export async function courseReport(deps: Pick<Deps, 'database' | 'taxonomy'>, filter: ReportFilter, groupBy: CourseGroupBy | undefined, lang: Lang): Promise<CourseResult> {
  const queries = reportQueries(deps);
  const [totals, raw] = await Promise.all([queries.courseTotals(filter), groupBy ? queries.courseGroups(filter, groupBy) : Promise.resolve([])]);
  if (!groupBy) return { ...totals, groups: [] };
  const names = groupBy === 'location' ? await namesOf(deps.database, 'locations', raw.map((g) => g.key)) : null;
  const label = (key: string) => groupBy === 'type' ? deps.taxonomy.label('courseTypes', key, lang)
    : groupBy === 'location' ? names!.get(key) ?? key
    : periodLabel('month', key, lang);
  const sorted = [...raw].sort(groupBy === 'month'
    ? (a, b) => a.key.localeCompare(b.key)
    : (a, b) => b.runs - a.runs || b.enrolled - a.enrolled || a.key.localeCompare(b.key));
  return { ...totals, groups: sorted.map((g) => ({ key: g.key, label: label(g.key), runs: g.runs, enrolled: g.enrolled, completed: g.completed })) };
}

export interface PublicGroup { key: string; label: string; visits: number | null; questions: number | null; suppressed?: true }
export interface PublicStats { visits: number | null; questions: number | null; referred: number | null; suppressed?: true; groups: PublicGroup[] }

/** National figures for anyone: every count under 5 becomes null, flagged `suppressed: true`. */
export async function publicStats(deps: Pick<Deps, 'database' | 'taxonomy'>, filter: ReportFilter, groupBy: 'topic' | 'month' | undefined, lang: Lang): Promise<PublicStats> {
  const summary = await summaryReport(deps, { ...filter, organisationId: undefined, locationId: undefined }, groupBy, lang);
  const visits = suppressCount(summary.visits);
  const questions = suppressCount(summary.questions);
  const referred = suppressCount(summary.referred);
  const groups = summary.groups.map((g): PublicGroup => {
    const gv = suppressCount(g.visits);
    const gq = suppressCount(g.questions);
    return { key: g.key, label: g.label, visits: gv, questions: gq, ...(gv === null || gq === null ? { suppressed: true as const } : {}) };
  });
  return {
    visits, questions, referred,
    ...(visits === null || questions === null || referred === null ? { suppressed: true as const } : {}),
    groups,
  };
}

// ---------------------------------------------------------------------------------------------
// Exports

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel's last row is 1,048,576; one header row per sheet. */
const XLSX_MAX_ROWS = 1_048_575;

const QUESTION_COLUMNS = [
  'registrationId', 'occurredAt', 'date', 'time', 'organisationId', 'locationId', 'location', 'channel', 'duration',
  'position', 'type', 'topic', 'agencies', 'help', 'referralPartnerId', 'referralPartnerKind', 'referralWarm', 'digid', 'note',
] as const;

/** A question as a row of the export: the field names of the API, local date and time beside the instant. */
function questionValues(q: QuestionRow): CsvValue[] {
  const local = amsterdamParts(q.occurredAt);
  return [
    q.registrationId, toAmsterdamIso(q.occurredAt), local.date, local.time, q.organisationId, q.locationId, q.locationName,
    q.channel, q.duration, q.position, q.type, q.topic, q.agencies.join(','), q.help.join(','),
    q.referralPartnerId, q.referralPartnerKind, q.referralWarm, q.digid, q.note,
  ];
}

const encoder = new TextEncoder();

/**
 * A CSV record of an export. Text that a spreadsheet would run as a formula (a note or a name that
 * starts with `=`, `+`, `-` or `@`) gets a leading apostrophe; codes, ids and dates never start so.
 * XLSX needs no such guard: its cells are typed, text is never a formula.
 */
const csvRecord = (values: CsvValue[]) => csvLine(values.map((v) => (typeof v === 'string' ? safeText(v) : v)));

/** `view=questions` as CSV, streamed page by page (the database is read as the client reads). */
export function questionsCsv(deps: Pick<Deps, 'database' | 'taxonomy' | 'logger'>, filter: ReportFilter): ReadableStream<Uint8Array> {
  const pages = reportQueries(deps).questionPages(filter)[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine([...QUESTION_COLUMNS])));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) { controller.close(); return; }
        controller.enqueue(encoder.encode(next.value.map((q) => csvRecord(questionValues(q))).join('')));
      } catch (error) {
        deps.logger.error({ msg: 'csv export failed', error: String(error) });
        controller.error(error);
      }
    },
    async cancel() { await pages.return?.(); },
  });
}

/** `view=questions` as XLSX, streamed with exceljs' workbook writer; a new sheet every 1,048,575 rows. */
export function questionsXlsx(deps: Pick<Deps, 'database' | 'taxonomy' | 'logger'>, filter: ReportFilter, lang: Lang): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheetName = lang === 'nl' ? 'Vragen' : 'Questions';
  (async () => {
    let sheets = 1;
    let sheet = workbook.addWorksheet(sheetName);
    sheet.addRow([...QUESTION_COLUMNS]).commit();
    let rows = 0;
    for await (const page of reportQueries(deps).questionPages(filter)) {
      for (const q of page) {
        if (rows === XLSX_MAX_ROWS) {
          sheet.commit();
          sheet = workbook.addWorksheet(`${sheetName} ${++sheets}`);
          sheet.addRow([...QUESTION_COLUMNS]).commit();
          rows = 0;
        }
        sheet.addRow(questionValues(q).map(cell)).commit();
        rows++;
      }
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => {
    deps.logger.error({ msg: 'xlsx export failed', error: String(error) });
    out.destroy(error as Error);
  });
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

const cell = (v: CsvValue) => (v === undefined ? null : v);

/** One table of the accountability export. */
export interface Table { name: string; title: string; columns: string[]; rows: (string | number | boolean | null)[][] }

/**
 * The accountability tables: totals; visits and questions per period × location × topic and per
 * period × agency; courses per type and location; referrals per partner kind. With `suppress`,
 * counts under 5 read `< 5`. Every count comes from the same query layer as the summary (the
 * aggregates by default, docs/aggregates.md), so an export and the dashboard agree.
 */
export async function accountabilityTables(
  deps: Pick<Deps, 'database' | 'taxonomy'>, filter: ReportFilter, options: { lang: Lang; suppress: boolean; period: AccountabilityPeriod },
): Promise<Table[]> {
  const { lang, suppress, period } = options;
  const queries = reportQueries(deps);
  const [totals, courseTotals, plt, agencies, courses, referrals] = await Promise.all([
    queries.totals(filter), queries.courseTotals(filter), queries.periodLocationTopic(filter, period),
    queries.periodCodes(filter, period, 'agency'), queries.coursesByTypeAndLocation(filter), queries.referralsByKind(filter),
  ]);
  const names = await namesOf(deps.database, 'locations', [...plt.map((r) => r.locationId), ...courses.map((r) => r.locationId)]);
  const locationName = (id: string) => names.get(id) ?? id;
  const n = (v: number) => tableCount(v, suppress);
  const nl = lang === 'nl';
  const byText = (a: string, b: string) => a.localeCompare(b, 'nl');

  const pltRows = [...plt].sort((a, b) => byText(a.period, b.period) || byText(locationName(a.locationId), locationName(b.locationId)) || b.questions - a.questions || byText(a.topic, b.topic));
  const agencyRows = [...agencies].sort((a, b) => byText(a.period, b.period) || b.questions - a.questions || byText(a.code, b.code));
  const courseRows = [...courses].sort((a, b) => byText(locationName(a.locationId), locationName(b.locationId)) || byText(a.type, b.type));
  const referralRows = [...referrals].sort((a, b) => b.questions - a.questions || byText(a.kind, b.kind));

  return [
    {
      name: nl ? 'Totalen' : 'Totals',
      title: nl ? `IDO-verantwoording ${filter.from} t/m ${filter.to}` : `IDO accountability ${filter.from} to ${filter.to}`,
      columns: nl ? ['Van', 'Tot en met', 'Bezoeken', 'Vragen', 'Bezoeken met doorverwijzing', 'Cursussen', 'Cursisten ingeschreven', 'Cursisten afgerond']
        : ['From', 'To', 'Visits', 'Questions', 'Visits with a referral', 'Course runs', 'Participants enrolled', 'Participants completed'],
      rows: [[filter.from, filter.to, n(totals.visits), n(totals.questions), n(totals.referred), n(courseTotals.runs), n(courseTotals.enrolled), n(courseTotals.completed)]],
    },
    {
      name: nl ? 'Vragen' : 'Questions',
      title: nl ? 'Bezoeken en vragen per periode, locatie en onderwerp' : 'Visits and questions by period, location and topic',
      columns: nl ? ['Periode', 'Locatie-id', 'Locatie', 'Onderwerp (code)', 'Onderwerp', 'Bezoeken', 'Vragen']
        : ['Period', 'Location id', 'Location', 'Topic (code)', 'Topic', 'Visits', 'Questions'],
      rows: pltRows.map((r) => [r.period, r.locationId, locationName(r.locationId), r.topic, deps.taxonomy.label('topics', r.topic, lang), n(r.visits), n(r.questions)]),
    },
    {
      name: nl ? 'Instanties' : 'Agencies',
      title: nl ? 'Bezoeken en vragen per periode en instantie' : 'Visits and questions by period and government agency',
      columns: nl ? ['Periode', 'Instantie (code)', 'Instantie', 'Bezoeken', 'Vragen']
        : ['Period', 'Agency (code)', 'Agency', 'Visits', 'Questions'],
      rows: agencyRows.map((r) => [r.period, r.code, deps.taxonomy.label('agencies', r.code, lang), n(r.visits), n(r.questions)]),
    },
    {
      name: nl ? 'Cursussen' : 'Courses',
      title: nl ? 'Cursussen per soort en locatie' : 'Courses by type and location',
      columns: nl ? ['Locatie-id', 'Locatie', 'Soort (code)', 'Soort', 'Cursussen', 'Ingeschreven', 'Afgerond']
        : ['Location id', 'Location', 'Type (code)', 'Type', 'Runs', 'Enrolled', 'Completed'],
      rows: courseRows.map((r) => [r.locationId, locationName(r.locationId), r.type, deps.taxonomy.label('courseTypes', r.type, lang), n(r.runs), n(r.enrolled), n(r.completed)]),
    },
    {
      name: nl ? 'Doorverwijzingen' : 'Referrals',
      title: nl ? 'Doorverwijzingen per soort partner' : 'Referrals by kind of partner',
      columns: nl ? ['Soort partner (code)', 'Soort partner', 'Bezoeken', 'Vragen', 'Warm', 'Koud']
        : ['Partner kind (code)', 'Partner kind', 'Visits', 'Questions', 'Warm', 'Cold'],
      rows: referralRows.map((r) => [r.kind, deps.taxonomy.label('partnerKinds', r.kind, lang), n(r.visits), n(r.questions), n(r.warm), n(r.questions - r.warm)]),
    },
  ];
}

/** The tables as one CSV: a title line, a header and the rows per table, a blank line between. */
export function tablesCsv(tables: Table[]): string {
  return CSV_BOM + tables.map((t) => csvRecord([t.title]) + csvRecord(t.columns) + t.rows.map((r) => csvRecord(r)).join('')).join('\r\n');
}

/** The tables as a workbook, a sheet each. */
export async function tablesXlsx(tables: Table[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ido-registratie';
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.name);
    const header = sheet.addRow(t.columns);
    header.font = { bold: true };
    for (const row of t.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => { column.width = Math.min(50, Math.max(10, t.columns[i].length + 2)); });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}

export { SUPPRESSION_THRESHOLD };
