/**
 * The report aggregates recomputed from the raw rows (docs/aggregates.md): for data written around the
 * write path, new value-list mappings and new dimensions; and the format check at start.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { reportCodes, reportFormat, reportTotals } from '../../db/schema.js';
import type { TaxonomyService } from '../taxonomy.js';
import { codeMapOf, sqlCodeMapper } from './code-map.js';
import { codeRows, heldVersions, perQuestion, questionCodes, totalsRows, withCounts } from './contributions.js';
import { DIMENSIONS, NIL_UUID, UNITS, grainOf } from './grains.js';
import { rowsOf, type Writer } from './sql.js';

/**
 * Recomputes the aggregates from the raw rows: everything, or one organisation's. For data written
 * around the write path (the demo seeder, bulk loads, repairs) and after a new value-list version
 * maps more retired codes. Runs in one transaction; readers see the old figures until it commits.
 *
 * What it counts is what the folder would have folded by now: every live visit that is not queued,
 * and of a queued one the version the aggregates hold (`heldVersions`); the queue itself is left
 * alone, so writes may go on meanwhile. It takes `report_format` in EXCLUSIVE mode *before* its one
 * snapshot (REPEATABLE READ: all its statements see the same rows), so no fold runs in between.
 */
export async function rebuildAggregates(
  database: Database,
  options: { organisationId?: string; taxonomy?: Pick<TaxonomyService, 'versions' | 'currentCode'>; onlyIfStale?: boolean } = {},
): Promise<boolean> {
  const taxonomy = options.taxonomy ?? (await (await import('../taxonomy.js')).loadTaxonomy(database));
  const map = sqlCodeMapper(codeMapOf(taxonomy));
  const orgOnly = options.organisationId ? sql`where organisation_id = ${options.organisationId}::uuid` : sql``;
  const held = heldVersions(options.organisationId);
  return database.db.transaction(
    async (tx) => {
      // One rebuild (or fold) at a time, also between servers that start together and each find the format stale.
      await tx.execute(sql`lock table ${reportFormat} in exclusive mode`);
      if (database.kind === 'postgres') await tx.execute(sql`select set_config('work_mem', '256MB', true), set_config('jit', 'off', true)`);
      if (options.onlyIfStale && (await aggregateFormatOf(tx)) === AGGREGATE_FORMAT) return false;
      await tx.execute(sql`delete from ${reportCodes} ${orgOnly}`);
      await tx.execute(sql`delete from ${reportTotals} ${orgOnly}`);
      // One row per visit version, computed once, with its question count and whether it has a referral.
      await tx.execute(sql`drop table if exists pg_temp.aggregate_visits`);
      await tx.execute(sql`create temporary table aggregate_visits on commit drop as ${withCounts(held.visits, sql`(${held.questions})`)}`);
      await tx.execute(sql`analyze aggregate_visits`); // temporary tables get no statistics otherwise, and the joins below need them
      // Locations and organisations from the visits; the country as the sum of the organisations
      // (so that rebuilding one organisation also corrects the national rows).
      for (const scope of ['location', 'organisation'] as const) {
        for (const unit of UNITS.totals) {
          await tx.execute(sql`
          insert into ${reportTotals} (grain, period, location_id, organisation_id, visits, questions, referred)
          select * from (${totalsRows(sql`aggregate_visits`, [{ scope, unit }])}) x`);
        }
      }
      // Per dimension, the codes of every version once (the heavy part: a pass over all questions),
      // then its rows at each grain of the locations and organisations.
      for (const dimension of DIMENSIONS) {
        await tx.execute(sql`drop table if exists pg_temp.aggregate_codes`);
        if (perQuestion(dimension)) {
          await tx.execute(
            sql`create temporary table aggregate_codes on commit drop as ${questionCodes(dimension, sql`(${held.questions})`, map)}`,
          );
          await tx.execute(sql`analyze aggregate_codes`);
        }
        for (const scope of ['location', 'organisation'] as const) {
          for (const unit of UNITS.codes) {
            const codes = perQuestion(dimension) ? sql`aggregate_codes` : undefined;
            await tx.execute(sql`
            insert into ${reportCodes} (grain, dimension, period, location_id, code, organisation_id, visits, questions)
            select * from (${codeRows(dimension, sql`aggregate_visits`, sql`(${held.questions})`, [{ scope, unit }], map, codes)}) x`);
          }
        }
      }
      for (const unit of UNITS.totals) {
        const [national, organisation] = [grainOf('national', unit), grainOf('organisation', unit)];
        await tx.execute(sql`delete from ${reportTotals} where grain = ${national}`);
        await tx.execute(sql`
        insert into ${reportTotals} (grain, period, location_id, organisation_id, visits, questions, referred)
        select ${national}, period, ${NIL_UUID}::uuid, ${NIL_UUID}::uuid, sum(visits), sum(questions), sum(referred)
        from ${reportTotals} where grain = ${organisation} group by 2 having sum(visits) <> 0 or sum(questions) <> 0 or sum(referred) <> 0`);
      }
      for (const unit of UNITS.codes) {
        const [national, organisation] = [grainOf('national', unit), grainOf('organisation', unit)];
        await tx.execute(sql`delete from ${reportCodes} where grain = ${national}`);
        await tx.execute(sql`
        insert into ${reportCodes} (grain, dimension, period, location_id, code, organisation_id, visits, questions)
        select ${national}, dimension, period, ${NIL_UUID}::uuid, code, ${NIL_UUID}::uuid, sum(visits), sum(questions)
        from ${reportCodes} where grain = ${organisation} group by 2, 3, 5 having sum(visits) <> 0 or sum(questions) <> 0`);
      }
      if (!options.organisationId) await recordAggregateFormat(tx);
      return true;
    },
    { isolationLevel: 'repeatable read' },
  );
}

/**
 * What the aggregates hold, as a number: raise it whenever a write starts keeping something a full
 * rebuild would add (a dimension, a grain), so that a database built by an older server is rebuilt
 * once, at start, instead of answering with an empty table. 1: totals and codes per topic, agency,
 * help, channel, duration and weekday-hour; 2: referral targets and each visit's set of targets;
 * 3: the week unit (of the totals).
 */
export const AGGREGATE_FORMAT = 3;

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
