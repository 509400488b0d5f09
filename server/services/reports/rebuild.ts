/**
 * The report aggregates recomputed from the raw rows (docs/aggregates.md): for data written around the
 * write path, new value-list mappings and new dimensions; and the format check at start.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { reportCodes, reportFormat, reportTotals } from '../../db/schema.js';
import type { TaxonomyService } from '../taxonomy.js';
import { DIMENSIONS, NIL_UUID, UNITS, grainOf, type Dimension, type Unit } from './aggregate-math.js';
import { codeMapOf, sqlCodeMapper } from './code-map.js';
import { AMSTERDAM, hasReferral, rowsOf, type Writer } from './sql.js';

/**
 * Recomputes the aggregates from the raw rows: everything, or one organisation's. For data written
 * around the write path (the demo seeder, bulk loads, repairs) and after a new value-list version
 * maps more retired codes. Runs in one transaction; readers see the old figures until it commits.
 */
export async function rebuildAggregates(
  database: Database,
  options: { organisationId?: string; taxonomy?: Pick<TaxonomyService, 'versions' | 'currentCode'>; onlyIfStale?: boolean } = {},
): Promise<boolean> {
  const taxonomy = options.taxonomy ?? (await (await import('../taxonomy.js')).loadTaxonomy(database));
  const map = sqlCodeMapper(codeMapOf(taxonomy));
  const org = options.organisationId ? sql`and r.organisation_id = ${options.organisationId}::uuid` : sql``;
  const orgOnly = options.organisationId ? sql`where organisation_id = ${options.organisationId}::uuid` : sql``;
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
