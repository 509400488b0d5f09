/** Who may see what in a report: the period of a query and the filter a caller may have. */
import { and, eq } from 'drizzle-orm';
import { isUuid } from '../../../sdk/uuid.js';
import { locations, organisations } from '../../db/schema.js';
import type { Principal } from '../../http/auth.js';
import { scopeOf } from '../../http/auth.js';
import { invalid, notFound } from '../../http/problem.js';
import type { Deps } from '../../types.js';
import { resolvePeriod, type Period } from './periods.js';
import type { ReportFilter } from './queries.js';

type Caller = Exclude<Principal, { kind: 'anonymous' }>;
/** Whether an id can be a uuid at all (anything else must never reach a uuid cast). */
export { isUuid };

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
    if (!isUuid(q.organisationId)) throw notFound();
    if (scope && q.organisationId !== scope) throw notFound();
    if (!scope) {
      const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, q.organisationId)).limit(1);
      if (!org) throw notFound();
    }
    organisationId = q.organisationId;
  }
  if (q.locationId !== undefined) {
    if (!isUuid(q.locationId)) throw notFound();
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
