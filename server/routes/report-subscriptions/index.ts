/**
 * `GET|POST /api/v1/report-subscriptions`, `DELETE /api/v1/report-subscriptions/:id` (contract v3):
 * scheduled reports by mail, mounted from their declarations (sdk/operations/report-subscriptions.ts).
 * Staff only: a coordinator (or secret key) for its own organisation and its locations, a national
 * user for any organisation or the whole country. Sending: services/report-mail.
 */
import { Hono } from 'hono';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  createReportSubscription,
  deleteReportSubscription,
  listReportSubscriptions,
} from '../../../sdk/operations/report-subscriptions.js';
import type { ReportSubscription } from '../../../sdk/schemas/report-subscriptions.js';
import { reportMailJobs, reportSubscriptions } from '../../db/schema.js';
import { scopeOf } from '../../http/auth.js';
import { mount } from '../../http/mount.js';
import { invalid, type FieldIssue } from '../../http/problem.js';
import { audit } from '../../services/audit.js';
import { liveResource } from '../../services/crud.js';
import { findLiveLocation, organisationExists, unknownId } from '../../services/present.js';
import { dropUnsentJobs } from '../../services/report-mail/jobs.js';
import type { AppEnv } from '../../types.js';

type Row = typeof reportSubscriptions.$inferSelect;

function present(row: Row, lastSentPeriod: string | null): ReportSubscription {
  return {
    id: row.id,
    email: row.email,
    frequency: row.frequency,
    format: row.format,
    organisationId: row.organisationId,
    locationId: row.locationId,
    lastSentPeriod,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The find (a 404 for another organisation's, a deleted or a non-UUID id) and the audited soft
 * delete. The create is the route's own: its audit row leaves the address out.
 */
const stored = liveResource<Row>({
  table: reportSubscriptions,
  entity: 'report-subscription',
  id: reportSubscriptions.id,
  owner: reportSubscriptions.organisationId,
  ownerOf: (row) => row.organisationId,
  gone: reportSubscriptions.deletedAt,
  present: (row) => ({ ...present(row, null) }),
});

/** The last period mailed, per subscription (period keys of one frequency sort as text). */
const lastSent = sql<
  string | null
>`(select max(j.period) from ${reportMailJobs} j where j.subscription_id = ${reportSubscriptions.id} and j.sent_at is not null)`;

export const reportSubscriptionRoutes = new Hono<AppEnv>();

mount(reportSubscriptionRoutes, listReportSubscriptions, async ({ c, caller }) => {
  const scope = scopeOf(caller);
  const rows = await c.var.deps.database.db
    .select({ row: reportSubscriptions, lastSent })
    .from(reportSubscriptions)
    .where(and(isNull(reportSubscriptions.deletedAt), scope ? eq(reportSubscriptions.organisationId, scope) : undefined))
    .orderBy(asc(reportSubscriptions.createdAt), asc(reportSubscriptions.id));
  return c.json({ items: rows.map((r) => present(r.row, r.lastSent)) });
});

mount(reportSubscriptionRoutes, createReportSubscription, async ({ c, caller: p, body: input }) => {
  const scope = scopeOf(p);
  const { db } = c.var.deps.database;
  const issues: FieldIssue[] = [];
  let organisationId: string | null = scope;
  if (input.organisationId !== undefined) {
    // Another organisation's id inside a body is an unknown id (422), as everywhere else.
    if (scope ? input.organisationId !== scope : !(await organisationExists(db, input.organisationId)))
      issues.push(unknownId('organisationId', input.organisationId));
    else organisationId = input.organisationId;
  }
  let locationId: string | null = null;
  if (input.locationId !== undefined) {
    const location = await findLiveLocation(db, input.locationId, organisationId);
    if (!location) issues.push(unknownId('locationId', input.locationId));
    else {
      locationId = location.id;
      organisationId = location.organisationId;
    }
  }
  if (issues.length) throw invalid(issues);
  const now = c.var.deps.clock();
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportSubscriptions)
      .values({
        organisationId,
        locationId,
        email: input.email,
        frequency: input.frequency,
        format: input.format,
        createdBy: p.actor,
        createdAt: now,
      })
      .returning();
    await audit(tx, {
      organisationId: row.organisationId,
      entity: 'report-subscription',
      entityId: row.id,
      action: 'create',
      actor: p.actor,
      changes: { frequency: row.frequency, format: row.format, locationId: row.locationId },
      at: now,
    });
    return row;
  });
  c.header('Location', `/api/v1/report-subscriptions/${created.id}`);
  return c.json(present(created, null), 201);
});

mount(
  reportSubscriptionRoutes,
  deleteReportSubscription,
  async ({ c, caller, row: existing }) => {
    // A job being sent at this moment still goes; none after it (the claim skips deleted subscriptions).
    await stored.remove(c.var.deps.database.db, existing, {
      actor: caller.actor,
      at: c.var.deps.clock(),
      changes: { frequency: existing.frequency, format: existing.format },
      also: (tx) => dropUnsentJobs(tx, existing.id),
    });
    return c.body(null, 204);
  },
  { load: stored.load },
);
