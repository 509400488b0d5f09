/**
 * The folder (docs/aggregates.md): takes the visits queued in `report_pending`, adds what changed
 * to `report_totals`/`report_codes` and empties their queue rows, in one transaction per batch. One
 * folder at a time, across every server on the database: it holds `report_format` in EXCLUSIVE mode
 * (as the rebuild does), and a server that finds it taken leaves the turn to the other.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { reportCodes, reportFormat, reportPending, reportTotals } from '../../db/schema.js';
import type { Logger } from '../../types.js';
import { sqlCodeMapper } from './code-map.js';
import { codeRows, queuedChange, totalsRows, withCounts } from './contributions.js';
import { DIMENSIONS, GRAINS } from './grains.js';
import type { FoldResult } from './queries.js';
import { rowsOf, type Writer } from './sql.js';

/**
 * Visits per fold transaction: about 50 upserted rows each, so a batch is a fraction of a second,
 * which is also the longest a correction of a visit being folded waits for its queue row.
 */
export const FOLD_BATCH = 200;

/** Whether `error` is PostgreSQL's "lock not available" (55P03), as postgres-js or drizzle hands it over. */
function lockNotAvailable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '55P03') return true;
  }
  return false;
}

/**
 * One batch. The queue rows are claimed first (`for update skip locked`: a change still being
 * written holds its row, and is left for the next fold); the visits are then read by a *later*
 * statement, whose snapshot holds every change committed before its row could be claimed. A change
 * that starts after the claim waits on the row until this transaction ends, then queues the visit
 * anew with the version folded here. Nothing is counted twice or lost, however commits interleave.
 */
async function foldBatch(tx: Writer, codeMap: ReadonlyMap<string, string>, batch: number): Promise<number> {
  const claimed = await rowsOf<{ id: string }>(
    tx,
    sql`
    select registration_id::text as id from ${reportPending} limit ${batch} for update skip locked`,
  );
  if (!claimed.length) return 0;
  const ids = sql`string_to_array(${claimed.map((c) => c.id).join(',')}, ',')::uuid[]`;
  const change = queuedChange(sql`p.registration_id = any(${ids})`);
  const map = sqlCodeMapper(codeMap);
  const codes = DIMENSIONS.map((d) => codeRows(d, sql`fold_v`, sql`fold_q`, GRAINS.codes, map));
  await rowsOf(
    tx,
    sql`
    with fold_q as materialized (${change.questions}),
    fold_v as materialized (${withCounts(change.visits, sql`fold_q`)}),
    t as (
      insert into ${reportTotals} (grain, period, location_id, organisation_id, visits, questions, referred)
      select * from (${totalsRows(sql`fold_v`, GRAINS.totals)}) x
      on conflict (grain, period, location_id) do update set
        visits = report_totals.visits + excluded.visits, questions = report_totals.questions + excluded.questions,
        referred = report_totals.referred + excluded.referred
    ),
    c as (
      insert into ${reportCodes} (grain, dimension, period, location_id, code, organisation_id, visits, questions)
      select * from (${sql.join(codes, sql` union all `)}) x
      on conflict (grain, dimension, period, location_id, code) do update set
        visits = report_codes.visits + excluded.visits, questions = report_codes.questions + excluded.questions
    ),
    d as (delete from ${reportPending} where registration_id = any(${ids}) returning 1)
    select count(*)::int as folded from d`,
  );
  return claimed.length;
}

/**
 * Folds the queue until it is empty (or holds only rows being written), a batch per transaction.
 * Returns at once, with `busy`, when another folder or a rebuild has the turn.
 */
export async function foldPending(
  database: Database,
  codeMap: ReadonlyMap<string, string>,
  options: { batch?: number } = {},
): Promise<FoldResult> {
  const batch = options.batch ?? FOLD_BATCH;
  let folded = 0;
  for (;;) {
    let n: number;
    try {
      n = await database.db.transaction(async (tx) => {
        await tx.execute(sql`lock table ${reportFormat} in exclusive mode nowait`);
        if (database.kind === 'postgres') await tx.execute(sql`select set_config('jit', 'off', true)`);
        return foldBatch(tx, codeMap, batch);
      });
    } catch (error) {
      if (lockNotAvailable(error)) return { folded, busy: true };
      throw error;
    }
    folded += n;
    if (n < batch) return { folded, busy: false };
  }
}

/** A folder that runs every `intervalMs` in the background of a server. */
export interface Folder {
  /** Stops the timer and waits for a fold in progress. */
  stop(): Promise<void>;
}

export function startFolder(fold: () => Promise<FoldResult>, options: { intervalMs: number; logger: Logger }): Folder {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // the previous fold is still busy (a bulk import): it continues, this turn is skipped
    running = fold()
      .then(
        () => undefined,
        (error: unknown) => options.logger.error({ msg: 'folding the report aggregates failed', error }),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
