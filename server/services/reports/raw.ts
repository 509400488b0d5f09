/**
 * The query layer on raw rows: every count from registrations and questions (and courses) with one
 * aggregate query each. What `IDO_REPORT_AGGREGATES=off` answers with, the oracle the aggregates are
 * tested against, and what the aggregates themselves defer to for courses and the question export.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SummaryGroupBy } from '../../../sdk/schemas/reports.js';
import type { Database } from '../../db/client.js';
import { sqlCodeMapper } from './code-map.js';
import { isPeriodGroup } from './periods.js';
import type {
  CourseTotals,
  CourseTypeLocationRow,
  PeriodCodeRow,
  PeriodLocationTopicRow,
  QuestionRow,
  RawCourseGroup,
  RawGroup,
  ReferralKindRow,
  ReportFilter,
  ReportQueries,
  Totals,
} from './queries.js';
import { AMSTERDAM, hasReferral, int } from './sql.js';

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
  const parts: SQL[] = [sql`c.deleted_at is null`, sql`c.start_date >= ${f.from}::date`, sql`c.start_date <= ${f.to}::date`];
  if (f.organisationId) parts.push(sql`c.organisation_id = ${f.organisationId}::uuid`);
  if (f.locationId) parts.push(sql`c.location_id = ${f.locationId}::uuid`);
  const place = placeWhere(f);
  if (place) parts.push(sql`c.location_id in (select l.id from locations l where ${place})`);
  return sql.join(parts, sql` and `);
}

/** Per report query on PostgreSQL: enough for the hash joins of ten million questions to stay in memory. */
const WORK_MEM = '64MB';

/**
 * Counts from the raw rows. `codeMap` maps retired value-list codes onto current ones (the
 * closure of every version's mappings), so that series over several versions add up.
 */
export function sqlReportQueries(database: Database, codeMap: Map<string, string>): ReportQueries {
  const mapCode = sqlCodeMapper(codeMap);
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
    if (groupBy === 'topic')
      return sql`select q.registration_id as rid, q.position as pos, ${mapCode(sql`q.topic`)} as key from questions q`;
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
    const key =
      groupBy === 'organisation'
        ? sql`r.organisation_id::text`
        : groupBy === 'location'
          ? sql`r.location_id::text`
          : groupBy === 'channel'
            ? mapCode(sql`r.channel`)
            : groupBy === 'duration'
              ? mapCode(sql`r.duration`)
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
  const countQuestions = (where: SQL) =>
    countOne(sql`
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
      const key =
        groupBy === 'type'
          ? mapCode(sql`c.type`)
          : groupBy === 'location'
            ? sql`c.location_id::text`
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
      return rows.map((r) => ({
        period: r.period,
        locationId: r.location_id,
        topic: r.topic,
        visits: int(r.visits),
        questions: int(r.questions),
      }));
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
      return rows.map((r) => ({
        locationId: r.location_id,
        type: r.type,
        runs: int(r.runs),
        enrolled: int(r.enrolled),
        completed: int(r.completed),
      }));
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
          if (id !== previous) {
            previous = id;
            position = 0;
            visits++;
          }
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
