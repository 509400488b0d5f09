/**
 * Report aggregates (docs/aggregates.md): `report_totals` and `report_codes`, kept up to date by
 * every registration write in the same statement or transaction, rebuilt from raw rows on demand,
 * and a `ReportQueries` implementation that answers the summary and the accountability tables from them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SummaryGroupBy } from '../../sdk/schemas/reports.js';
import type { Database, Db } from '../db/client.js';
import { partners, reportCodes, reportFormat, reportTotals } from '../db/schema.js';
import { DIMENSIONS, NIL_UUID, UNITS, grainOf, splitRange, type Deltas, type Dimension, type Scope, type Unit } from './aggregate-math.js';
import { mappingClosure } from './report-math.js';
import type {
  AccountabilityPeriod, PeriodCodeDimension, PeriodCodeRow, PeriodLocationTopicRow, RawGroup, ReferralKindRow, ReportFilter, ReportQueries, Totals,
} from './reports.js';
import type { TaxonomyService } from './taxonomy.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Writer = Db | Tx;

async function rowsOf<T>(writer: Writer, query: SQL): Promise<T[]> {
  const out = (await writer.execute(query)) as unknown;
  return (Array.isArray(out) ? out : (out as { rows: T[] }).rows) as T[];
}

const closures = new WeakMap<TaxonomyService, Map<string, string>>();

/** Retired code → current code, for every version's mappings (cached per taxonomy service). */
export function codeMapOf(taxonomy: Pick<TaxonomyService, 'versions' | 'currentCode'>): Map<string, string> {
  const key = taxonomy as TaxonomyService;
  let map = closures.get(key);
  if (!map) {
    map = mappingClosure(taxonomy.versions().map((v) => v.mappings ?? {}), taxonomy.currentCode);
    closures.set(key, map);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Writing deltas

/**
 * Whether registration writes maintain the aggregates. Always on in the product; the write-cost
 * benchmark (tests/bench/summary.ts) turns it off to measure the write path without it. Turned off,
 * the aggregates go stale until {@link rebuildAggregates}.
 */
export const aggregateMaintenance = { enabled: true };

const totalsJson = (d: Deltas) => JSON.stringify(d.totals.map((t) => ({
  g: t.grain, p: t.period, l: t.locationId, o: t.organisationId, v: t.visits, q: t.questions, r: t.referred,
})));
const codesJson = (d: Deltas) => JSON.stringify(d.codes.map((c) => ({
  g: c.grain, d: c.dimension, p: c.period, l: c.locationId, c: c.code, o: c.organisationId, v: c.visits, q: c.questions,
})));

/**
 * The two upserts that add `deltas`, as SQL to use as data-modifying CTEs. With `from`, a row
 * source (e.g. the CTE that claimed the registration), they add only when it gave a row.
 * `with ordinality … order by` keeps the (sorted) order of the deltas, so writers lock rows in one order.
 */
export function deltaUpserts(deltas: Deltas, from?: SQL): { totals: SQL; codes: SQL } {
  const guard = from ? sql`${from}, ` : sql``;
  return {
    totals: sql`insert into ${reportTotals} (grain, period, location_id, organisation_id, visits, questions, referred)
      select x.v->>'g', (x.v->>'p')::date, (x.v->>'l')::uuid, (x.v->>'o')::uuid, (x.v->>'v')::int, (x.v->>'q')::int, (x.v->>'r')::int
      from ${guard}jsonb_array_elements(${totalsJson(deltas)}::jsonb) with ordinality as x(v, n)
      order by x.n
      on conflict (grain, period, location_id) do update set
        visits = report_totals.visits + excluded.visits, questions = report_totals.questions + excluded.questions,
        referred = report_totals.referred + excluded.referred`,
    codes: sql`insert into ${reportCodes} (grain, dimension, period, location_id, code, organisation_id, visits, questions)
      select x.v->>'g', x.v->>'d', (x.v->>'p')::date, (x.v->>'l')::uuid, x.v->>'c', (x.v->>'o')::uuid, (x.v->>'v')::int, (x.v->>'q')::int
      from ${guard}jsonb_array_elements(${codesJson(deltas)}::jsonb) with ordinality as x(v, n)
      order by x.n
      on conflict (grain, dimension, period, location_id, code) do update set
        visits = report_codes.visits + excluded.visits, questions = report_codes.questions + excluded.questions`,
  };
}

/** Adds merged deltas in one statement (both tables). */
export async function applyDeltas(writer: Writer, deltas: Deltas): Promise<void> {
  if (!aggregateMaintenance.enabled || (!deltas.totals.length && !deltas.codes.length)) return;
  const u = deltaUpserts(deltas);
  await rowsOf(writer, sql`with t as (${u.totals}), c as (${u.codes}) select 1 as done`);
}

// ---------------------------------------------------------------------------------------------
// Rebuilding from raw rows

const AMSTERDAM = sql.raw(`'Europe/Amsterdam'`);

function mapper(codeMap: ReadonlyMap<string, string>) {
  return (expr: SQL): SQL => {
    if (!codeMap.size) return expr;
    const whens = [...codeMap].map(([from, to]) => sql`when ${from} then ${to}`);
    return sql`(case ${expr} ${sql.join(whens, sql` `)} else ${expr} end)`;
  };
}

/**
 * Recomputes the aggregates from the raw rows: everything, or one organisation's. For data written
 * around the write path (the demo seeder, bulk loads, repairs) and after a new value-list version
 * maps more retired codes. Runs in one transaction; readers see the old figures until it commits.
 */
export async function rebuildAggregates(
  database: Database,
  options: { organisationId?: string; taxonomy?: Pick<TaxonomyService, 'versions' | 'currentCode'>; onlyIfStale?: boolean } = {},
): Promise<boolean> {
  const taxonomy = options.taxonomy ?? (await (await import('./taxonomy.js')).loadTaxonomy(database));
  const map = mapper(codeMapOf(taxonomy));
  const org = options.organisationId ? sql`and r.organisation_id = ${options.organisationId}::uuid` : sql``;
  const orgOnly = options.organisationId ? sql`where organisation_id = ${options.organisationId}::uuid` : sql``;
  const hasReferral = sql`(q.referral_partner_id is not null or q.referral_partner_kind is not null)`;
  const period = (unit: Unit) => (unit === 'day' ? sql`(v.lt)::date` : sql`date_trunc('month', v.lt)::date`);
  return database.db.transaction(async (tx) => {
    if (database.kind === 'postgres') {
      // One rebuild at a time, also between servers that start together and each find the format stale.
      await tx.execute(sql`select pg_advisory_xact_lock(${AGGREGATES_LOCK})`);
      await tx.execute(sql`select set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`);
    }
    if (options.onlyIfStale && (await aggregateFormatOf(tx)) === AGGREGATE_FORMAT) return false;
    await tx.execute(sql`delete from ${reportCodes} ${orgOnly}`);
    await tx.execute(sql`delete from ${reportTotals} ${orgOnly}`);
    // One row per live visit, computed once: its local time, mapped channel and duration, question
    // count and whether a question has a referral.
    await tx.execute(sql`drop table if exists pg_temp.aggregate_visits`);
    await tx.execute(sql`create temporary table aggregate_visits on commit drop as
      select r.id, r.organisation_id, r.location_id, (r.occurred_at at time zone ${AMSTERDAM}) as lt,
             ${map(sql`r.channel`)} as channel, ${map(sql`r.duration`)} as duration,
             coalesce(q.n, 0)::int as n, coalesce(q.ref, false) as ref
      from registrations r
      left join (select q.registration_id, count(*) as n, bool_or(${hasReferral}) as ref from questions q group by 1) q on q.registration_id = r.id
      where r.deleted_at is null ${org}`);
    // Locations and organisations from the visits; the country as the sum of the organisations
    // (so that rebuilding one organisation also corrects the national rows).
    for (const scope of ['location', 'organisation'] as const) {
      const place = scope === 'location' ? sql`v.location_id` : sql`v.organisation_id`;
      for (const unit of UNITS) {
        const grain = grainOf(scope, unit);
        const p = period(unit);
        await tx.execute(sql`
          insert into ${reportTotals} (grain, period, location_id, organisation_id, visits, questions, referred)
          select ${grain}, ${p}, ${place}, v.organisation_id, count(*), sum(v.n), count(*) filter (where v.ref)
          from aggregate_visits v group by 2, 3, 4`);
        for (const dimension of DIMENSIONS) {
          const select = (code: SQL, from: SQL, counts: SQL) => sql`
            insert into ${reportCodes} (grain, dimension, period, location_id, code, organisation_id, visits, questions)
            select ${grain}, ${dimension}, ${p}, ${place}, ${code}, v.organisation_id, ${counts}
            from aggregate_visits v ${from} group by 3, 4, 5, 6`;
          const perVisit = sql`count(*), sum(v.n)`;
          const perQuestion = sql`count(distinct v.id), count(*)`;
          await tx.execute(dimensionQuery(dimension, select, map, perVisit, perQuestion));
        }
      }
    }
    for (const unit of UNITS) {
      const [national, organisation] = [grainOf('national', unit), grainOf('organisation', unit)];
      await tx.execute(sql`delete from ${reportTotals} where grain = ${national}`);
      await tx.execute(sql`delete from ${reportCodes} where grain = ${national}`);
      await tx.execute(sql`
        insert into ${reportTotals} (grain, period, location_id, organisation_id, visits, questions, referred)
        select ${national}, period, ${NIL_UUID}::uuid, ${NIL_UUID}::uuid, sum(visits), sum(questions), sum(referred)
        from ${reportTotals} where grain = ${organisation} group by 2 having sum(visits) <> 0 or sum(questions) <> 0 or sum(referred) <> 0`);
      await tx.execute(sql`
        insert into ${reportCodes} (grain, dimension, period, location_id, code, organisation_id, visits, questions)
        select ${national}, dimension, period, ${NIL_UUID}::uuid, code, ${NIL_UUID}::uuid, sum(visits), sum(questions)
        from ${reportCodes} where grain = ${organisation} group by 2, 3, 5 having sum(visits) <> 0 or sum(questions) <> 0`);
    }
    if (!options.organisationId) await recordAggregateFormat(tx);
    return true;
  });
}

/**
 * What the aggregates hold, as a number: raise it whenever a write starts keeping something a full
 * rebuild would add (a dimension, a grain), so that a database built by an older server is rebuilt
 * once, at start, instead of answering with an empty table. 1: totals and codes per topic, agency,
 * help, channel, duration and weekday-hour; 2: referral targets and each visit's set of targets.
 */
export const AGGREGATE_FORMAT = 2;
const AGGREGATES_LOCK = 4_902_002;

/**
 * Records that the aggregates hold what `AGGREGATE_FORMAT` says (the table keeps one row). Safe when
 * two servers record it at once: the insert does nothing when the row is there already.
 */
async function recordAggregateFormat(writer: Writer): Promise<void> {
  await writer.delete(reportFormat).where(sql`${reportFormat.format} <> ${AGGREGATE_FORMAT}`);
  await writer.insert(reportFormat).values({ format: AGGREGATE_FORMAT }).onConflictDoNothing();
}

async function aggregateFormatOf(writer: Writer): Promise<number | null> {
  const [row] = await rowsOf<{ format: number }>(writer, sql`select max(format) as format from ${reportFormat}`);
  return row?.format ?? null;
}

/**
 * At start: rebuild the aggregates when they were built for an older format (or never, in a
 * database that already holds visits). A database with no visits only records the format.
 * Answers whether a rebuild ran.
 */
export async function ensureAggregateFormat(
  database: Database,
  taxonomy: Pick<TaxonomyService, 'versions' | 'currentCode'>,
): Promise<boolean> {
  if ((await aggregateFormatOf(database.db)) === AGGREGATE_FORMAT) return false;
  const [any] = await rowsOf<{ one: number }>(database.db, sql`select 1 as one from registrations limit 1`);
  if (!any) {
    await recordAggregateFormat(database.db);
    return false;
  }
  return rebuildAggregates(database, { taxonomy, onlyIfStale: true });
}

function dimensionQuery(dimension: Dimension, select: (code: SQL, from: SQL, counts: SQL) => SQL, map: (e: SQL) => SQL, perVisit: SQL, perQuestion: SQL): SQL {
  switch (dimension) {
    case 'topic':
      return select(sql`${map(sql`q.topic`)}`, sql`join questions q on q.registration_id = v.id`, perQuestion);
    case 'agency':
    case 'help': {
      const column = sql.raw(dimension === 'agency' ? 'q.agencies' : 'q.help');
      return select(sql`x.code`, sql`join questions q on q.registration_id = v.id
        cross join lateral (select distinct ${map(sql`c`)} as code from unnest(${column}) as c) x`, perQuestion);
    }
    case 'channel':
      return select(sql`v.channel`, sql``, perVisit);
    case 'duration':
      return select(sql`v.duration`, sql``, perVisit);
    case 'weekday-hour':
      return select(sql`to_char(v.lt, 'ID-HH24')`, sql``, perVisit);
    case 'referral':
    case 'referral-warm': {
      const warm = dimension === 'referral-warm' ? sql`and q.referral_warm` : sql``;
      return select(sql`x.code`, sql`join questions q on q.registration_id = v.id
        cross join lateral (select ${referralTargetSql(map)} as code) x where x.code is not null ${warm}`, perQuestion);
    }
    case 'referral-set':
      // The visit's distinct targets in code-unit order, as `referralSetCode` joins them.
      return select(sql`s.code`, sql`join (
          select q.registration_id as rid, string_agg(distinct x.code collate "C", ' ' order by x.code collate "C") as code, count(*) as n
          from questions q cross join lateral (select ${referralTargetSql(map)} as code) x
          where x.code is not null group by 1
        ) s on s.rid = v.id`, sql`count(*), sum(s.n)`);
  }
}

/** `referralTarget` in SQL, on a question row `q`. */
const referralTargetSql = (map: (e: SQL) => SQL): SQL => sql`case
  when q.referral_partner_kind is not null then 'k:' || ${map(sql`q.referral_partner_kind`)}
  when q.referral_partner_id is not null then 'p:' || q.referral_partner_id::text end`;

// ---------------------------------------------------------------------------------------------
// Reading: the summary from the aggregates

const int = (v: unknown) => Number(v ?? 0);

/**
 * A `ReportQueries` that answers from the aggregates whatever they hold the grain of: totals, the
 * summary for every `groupBy`, and the accountability tables of visits and questions (period ×
 * location × topic, period × agency, referrals per kind of partner). From `raw`: courses (their own
 * small table, no aggregates) and the question export (a row per question).
 * @param codeMap Retired code → current code, for the kinds of partners looked up when read.
 */
export function aggregateReportQueries(database: Database, raw: ReportQueries, codeMap: ReadonlyMap<string, string> = new Map()): ReportQueries {
  async function run<T>(query: SQL): Promise<T[]> {
    if (database.kind !== 'postgres') return database.rows<T>(query);
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('jit', 'off', true)`);
      return rowsOf<T>(tx, query);
    });
  }

  /**
   * The scope a report reads: the country when nothing narrows it, an organisation's rows for an
   * organisation (or grouped by organisation), the locations' rows for anything about locations.
   */
  function scopeFor(f: ReportFilter, groupBy?: SummaryGroupBy): Scope {
    if (f.locationId || f.municipality || f.province || groupBy === 'location') return 'location';
    if (f.organisationId || groupBy === 'organisation') return 'organisation';
    return 'national';
  }

  function filterWhere(f: ReportFilter, scope: Scope): SQL {
    if (scope === 'national') return sql``;
    if (scope === 'organisation') return f.organisationId ? sql`and a.location_id = ${f.organisationId}::uuid` : sql``;
    const parts: SQL[] = [];
    if (f.organisationId) parts.push(sql`and a.organisation_id = ${f.organisationId}::uuid`);
    if (f.locationId) parts.push(sql`and a.location_id = ${f.locationId}::uuid`);
    const place: SQL[] = [];
    if (f.municipality) place.push(sql`lower(coalesce(l.municipality, l.address->>'municipality')) = lower(${f.municipality.trim()})`);
    if (f.province) place.push(sql`lower(coalesce(l.province, l.address->>'province')) = lower(${f.province.trim()})`);
    if (place.length) parts.push(sql`and a.location_id in (select l.id from locations l where ${sql.join(place, sql` and `)})`);
    return sql.join(parts, sql` `);
  }

  /**
   * Rows of one table over the filter's period, in the scope: whole months from the month grain,
   * the days around them from the day grain (or, with `dayOnly`, every day from the day grain).
   * Each part is a range of the primary key. `cols` are the columns to select from alias `a`.
   */
  function ranges(table: 'totals' | 'codes', f: ReportFilter, scope: Scope, cols: SQL, options: { dimension?: Dimension; dayOnly?: boolean } = {}): SQL {
    const t = table === 'totals' ? reportTotals : reportCodes;
    const dim = options.dimension ? sql`and a.dimension = ${options.dimension}` : sql``;
    const where = filterWhere(f, scope);
    const split = options.dayOnly ? { months: null, days: [[f.from, f.to]] as [string, string][] } : splitRange(f.from, f.to);
    const parts: SQL[] = [];
    const month = grainOf(scope, 'month');
    const day = grainOf(scope, 'day');
    if (split.months) parts.push(sql`select ${cols} from ${t} a where a.grain = ${month} ${dim} and a.period between ${split.months[0]}::date and ${split.months[1]}::date ${where}`);
    for (const [a, b] of split.days) parts.push(sql`select ${cols} from ${t} a where a.grain = ${day} ${dim} and a.period between ${a}::date and ${b}::date ${where}`);
    return sql.join(parts, sql` union all `);
  }

  async function totals(f: ReportFilter): Promise<Totals> {
    const [row] = await run<Totals>(sql`
      select coalesce(sum(visits), 0)::int as visits, coalesce(sum(questions), 0)::int as questions, coalesce(sum(referred), 0)::int as referred
      from (${ranges('totals', f, scopeFor(f), sql`a.visits, a.questions, a.referred`)}) t`);
    return { visits: int(row?.visits), questions: int(row?.questions), referred: int(row?.referred) };
  }

  const PERIOD_FORMAT: Record<string, string> = { day: 'YYYY-MM-DD', week: 'IYYY-"W"IW', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };
  const periodKey = (period: AccountabilityPeriod) => sql`to_char(p, ${sql.raw(`'${PERIOD_FORMAT[period]}'`)})`;

  async function groups(f: ReportFilter, groupBy: SummaryGroupBy): Promise<RawGroup[]> {
    let query: SQL;
    const scope = scopeFor(f, groupBy);
    switch (groupBy) {
      case 'topic': case 'agency': case 'help': case 'channel': case 'duration': case 'weekday-hour':
        query = sql`select code as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges('codes', f, scope, sql`a.code, a.visits, a.questions`, { dimension: groupBy })}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      case 'organisation': case 'location': {
        const col = sql.raw(groupBy === 'organisation' ? 'a.organisation_id' : 'a.location_id'); // in the organisation scope both are the organisation
        query = sql`select k::text as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges('totals', f, scope, sql`${col} as k, a.visits, a.questions`)}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      }
      case 'day': case 'week': case 'month': {
        const format = sql.raw(`'${PERIOD_FORMAT[groupBy]}'`);
        query = sql`select to_char(p, ${format}) as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges('totals', f, scope, sql`a.period as p, a.visits, a.questions`, { dayOnly: groupBy !== 'month' })}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      }
      default:
        return raw.groups(f, groupBy);
    }
    const rows = await run<RawGroup>(query);
    return rows.map((r) => ({ key: String(r.key), visits: int(r.visits), questions: int(r.questions) }));
  }

  /**
   * Period × location × topic from the location scope's topic rows. A visit is in one period and
   * one location, so its "at least one question on this topic" adds up over days, months and quarters.
   */
  async function periodLocationTopic(f: ReportFilter, period: AccountabilityPeriod): Promise<PeriodLocationTopicRow[]> {
    const rows = await run<{ period: string; location_id: string; code: string; visits: number; questions: number }>(sql`
      select ${periodKey(period)} as period, l::text as location_id, code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges('codes', f, 'location', sql`a.period as p, a.location_id as l, a.code, a.visits, a.questions`, { dimension: 'topic' })}) t
      group by 1, 2, 3 having sum(visits) > 0 or sum(questions) > 0`);
    return rows.map((r) => ({ period: r.period, locationId: r.location_id, topic: r.code, visits: int(r.visits), questions: int(r.questions) }));
  }

  async function periodCodes(f: ReportFilter, period: AccountabilityPeriod, dimension: PeriodCodeDimension): Promise<PeriodCodeRow[]> {
    const rows = await run<PeriodCodeRow>(sql`
      select ${periodKey(period)} as period, code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges('codes', f, scopeFor(f), sql`a.period as p, a.code, a.visits, a.questions`, { dimension })}) t
      group by 1, 2 having sum(visits) > 0 or sum(questions) > 0`);
    return rows.map((r) => ({ period: r.period, code: r.code, visits: int(r.visits), questions: int(r.questions) }));
  }

  /**
   * Referrals per kind of partner. The aggregates hold targets (`k:<kind>` or `p:<partner id>`,
   * see `referralTarget`); partners' kinds are read now, as the raw count joins them. Questions and
   * warm ones add up per target; visits come from each visit's set of targets, so a visit referred
   * to two partners of one kind counts once under it.
   */
  async function referralsByKind(f: ReportFilter): Promise<ReferralKindRow[]> {
    const scope = scopeFor(f);
    const read = (dimension: Dimension) => run<{ code: string; visits: number; questions: number }>(sql`
      select code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges('codes', f, scope, sql`a.code, a.visits, a.questions`, { dimension })}) t
      group by 1 having sum(visits) > 0 or sum(questions) > 0`);
    const [targets, warm, sets] = await Promise.all([read('referral'), read('referral-warm'), read('referral-set')]);
    const ids = new Set<string>();
    for (const r of [...targets, ...sets]) for (const t of String(r.code).split(' ')) if (t.startsWith('p:')) ids.add(t.slice(2));
    const partnerKinds = new Map<string, string>();
    if (ids.size) {
      const found = await run<{ id: string; kind: string }>(sql`select id::text as id, kind from ${partners} where id in (${sql.join([...ids].map((id) => sql`${id}::uuid`), sql`, `)})`);
      for (const p of found) partnerKinds.set(p.id, p.kind);
    }
    const map = (code: string) => codeMap.get(code) ?? code;
    const kindOf = (target: string) => (target.startsWith('k:') ? target.slice(2) : map(partnerKinds.get(target.slice(2)) ?? 'overig'));
    const out = new Map<string, ReferralKindRow>();
    const row = (kind: string) => {
      let r = out.get(kind);
      if (!r) out.set(kind, (r = { kind, visits: 0, questions: 0, warm: 0 }));
      return r;
    };
    for (const s of sets) for (const kind of new Set(String(s.code).split(' ').map(kindOf))) row(kind).visits += int(s.visits);
    for (const t of targets) row(kindOf(String(t.code))).questions += int(t.questions);
    for (const w of warm) row(kindOf(String(w.code))).warm += int(w.questions);
    return [...out.values()].filter((r) => r.visits || r.questions);
  }

  return {
    totals,
    groups,
    async summary(f, groupBy) {
      const [t, g] = await Promise.all([totals(f), groupBy ? groups(f, groupBy) : Promise.resolve([])]);
      return { totals: t, groups: g };
    },
    // Courses have a table of their own, a row per course run: few enough to count directly.
    courseTotals: (f) => raw.courseTotals(f),
    courseGroups: (f, g) => raw.courseGroups(f, g),
    coursesByTypeAndLocation: (f) => raw.coursesByTypeAndLocation(f),
    periodLocationTopic,
    periodCodes,
    referralsByKind,
    // A row per question: only the raw rows hold them.
    questionPages: (f, size) => raw.questionPages(f, size),
  };
}
