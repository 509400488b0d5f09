/**
 * Keeping the report aggregates (docs/aggregates.md) on the write path: the upserts that add what a
 * visit contributes (`aggregateDeltas`), in the statement or transaction of the registration write.
 */
import { sql, type SQL } from 'drizzle-orm';
import { reportCodes, reportTotals } from '../../db/schema.js';
import type { Deltas } from './aggregate-math.js';
import { rowsOf, type Writer } from './sql.js';

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
  if (!deltas.totals.length && !deltas.codes.length) return;
  const u = deltaUpserts(deltas);
  await rowsOf(writer, sql`with t as (${u.totals}), c as (${u.codes}) select 1 as done`);
}
