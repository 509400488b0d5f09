/**
 * `GET|POST /api/v1/locations`, `GET|PATCH|DELETE /api/v1/locations/:id`: an organisation's IDO
 * locations. Desk keys may read their organisation's; coordinators and secret keys manage their
 * own; national users see all and name `organisationId` when they create one.
 */
import { Hono, type Context } from 'hono';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { DEFAULT_CLOSED_ON_HOLIDAYS } from '../../../sdk/holidays.js';
import { Id } from '../../../sdk/schemas/common.js';
import { LocationInput, LocationPatch } from '../../../sdk/schemas/location.js';
import { locations } from '../../db/schema.js';
import { requireCaller, requireStaff, scopeOf } from '../../http/auth.js';
import { invalid, notFound, type FieldIssue } from '../../http/problem.js';
import { body, query } from '../../http/validate.js';
import { checkIfMatch, etagOf, ifMatchOf } from '../../http/etag.js';
import { audit, diff } from '../../services/audit.js';
import { gather, isUuid, organisationOfNew, presentLocation, listOrganisation } from '../../services/present.js';
import type { TaxonomyService } from '../../services/taxonomy.js';
import type { AppEnv } from '../../types.js';
import { invalidatePublicLocations } from '../../services/nearest.js';

const ListQuery = z.strictObject({ organisationId: z.optional(Id) });

type Fields = z.output<typeof LocationPatch>;

/** The rules beyond the schema: holiday codes from the value list, exception times in order, one exception a date. */
function checkRules(input: Fields, taxonomy: TaxonomyService): FieldIssue[] {
  const issues: FieldIssue[] = [];
  input.closedOnHolidays?.forEach((code, i) => {
    if (!taxonomy.has('holidays', code)) issues.push({ path: `closedOnHolidays.${i}`, code: 'unknown-code', params: { code, list: 'holidays' } });
  });
  const seen = new Set<string>();
  input.exceptions?.forEach((e, i) => {
    if ('opens' in e && e.opens !== undefined && e.closes !== undefined && e.opens >= e.closes) issues.push({ path: `exceptions.${i}`, code: 'time-order' });
    if (seen.has(e.date)) issues.push({ path: `exceptions.${i}.date`, code: 'exists' });
    seen.add(e.date);
  });
  return issues;
}

/** Input fields → column values; only the fields given. */
function columns(input: Fields): Partial<typeof locations.$inferInsert> {
  const out: Partial<typeof locations.$inferInsert> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.address !== undefined) {
    out.address = { ...input.address };
    out.municipality = input.address.municipality ?? null;
    out.province = input.address.province ?? null;
  }
  if (input.coordinates !== undefined) { out.lat = input.coordinates.lat; out.lon = input.coordinates.lon; }
  if (input.walkInHours !== undefined) out.walkInHours = input.walkInHours;
  if (input.openingHours !== undefined) out.openingHours = input.openingHours;
  if (input.exceptions !== undefined) out.exceptions = input.exceptions as Record<string, unknown>[];
  if (input.closedOnHolidays !== undefined) out.closedOnHolidays = [...new Set(input.closedOnHolidays)];
  if (input.accessibility !== undefined) out.accessibility = input.accessibility;
  if (input.contact !== undefined) out.contact = input.contact;
  if (input.variant !== undefined) out.variant = input.variant;
  if (input.insideLibrary !== undefined) out.insideLibrary = input.insideLibrary;
  if (input.languages !== undefined) out.languages = [...new Set(input.languages)];
  return out;
}

/** One live location the caller may see, or 404. */
async function findVisible(c: Context<AppEnv>, id: string, scope: string | null) {
  if (!isUuid(id)) throw notFound();
  const [row] = await c.var.deps.database.db.select().from(locations)
    .where(and(eq(locations.id, id), isNull(locations.deletedAt), scope ? eq(locations.organisationId, scope) : undefined))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export const locationRoutes = new Hono<AppEnv>();

locationRoutes
  .get('/', async (c) => {
    const scope = scopeOf(requireCaller(c));
    const q = query(c, ListQuery);
    const organisationId = listOrganisation(scope, q.organisationId);
    if (organisationId === false) return c.json({ items: [] });
    const rows = await c.var.deps.database.db.select().from(locations)
      .where(and(isNull(locations.deletedAt), organisationId ? eq(locations.organisationId, organisationId) : undefined))
      .orderBy(asc(sql`lower(${locations.name})`), asc(locations.id));
    return c.json({ items: rows.map(presentLocation) });
  })
  .post('/', async (c) => {
    const p = requireStaff(c);
    const input = await body(c, LocationInput);
    const { db } = c.var.deps.database;
    const issues: FieldIssue[] = [];
    const organisationId = await gather(issues, () => organisationOfNew(db, p, input.organisationId));
    issues.push(...checkRules(input, c.var.deps.taxonomy));
    if (issues.length || !organisationId) throw invalid(issues);
    const now = c.var.deps.clock();
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(locations).values({
        ...(columns(input) as typeof locations.$inferInsert),
        closedOnHolidays: input.closedOnHolidays ? [...new Set(input.closedOnHolidays)] : [...DEFAULT_CLOSED_ON_HOLIDAYS],
        organisationId,
        createdAt: now,
        updatedAt: now,
      }).returning();
      await audit(tx, { organisationId, entity: 'location', entityId: created.id, action: 'create', actor: p.actor, changes: presentLocation(created), at: now });
      return created;
    });
    c.header('Location', `/api/v1/locations/${row.id}`);
    invalidatePublicLocations(c.var.deps.database);
    const presented = presentLocation(row);
    c.header('ETag', etagOf(presented));
    return c.json(presented, 201);
  })
  .get('/:id', async (c) => {
    const scope = scopeOf(requireCaller(c));
    const presented = presentLocation(await findVisible(c, c.req.param('id'), scope));
    c.header('ETag', etagOf(presented));
    return c.json(presented);
  })
  .patch('/:id', async (c) => {
    const p = requireStaff(c);
    const existing = await findVisible(c, c.req.param('id'), scopeOf(p));
    const input = await body(c, LocationPatch);
    const issues = checkRules(input, c.var.deps.taxonomy);
    if (issues.length) throw invalid(issues);
    const set = columns(input);
    const ifMatch = ifMatchOf(c);
    const now = c.var.deps.clock();
    let changed = false;
    const row = await c.var.deps.database.db.transaction(async (tx) => {
      // The row as it is now, locked until the change is stored: the ETag is checked against this one.
      const [current] = await tx.select().from(locations)
        .where(and(eq(locations.id, existing.id), isNull(locations.deletedAt))).for('update');
      if (!current) throw notFound();
      const before = presentLocation(current);
      checkIfMatch(ifMatch, etagOf(before));
      if (!Object.keys(set).length) return current;
      const [updated] = await tx.update(locations).set({ ...set, updatedAt: now })
        .where(and(eq(locations.id, existing.id), isNull(locations.deletedAt))).returning();
      if (!updated) throw notFound();
      changed = true;
      const after = presentLocation(updated);
      const { updatedAt: _a, ...afterFields } = after;
      const { updatedAt: _b, ...beforeFields } = before;
      await audit(tx, { organisationId: updated.organisationId, entity: 'location', entityId: updated.id, action: 'update', actor: p.actor, changes: diff(beforeFields, afterFields), at: now });
      return updated;
    });
    if (changed) invalidatePublicLocations(c.var.deps.database);
    const presented = presentLocation(row);
    c.header('ETag', etagOf(presented));
    return c.json(presented);
  })
  .delete('/:id', async (c) => {
    const p = requireStaff(c);
    const existing = await findVisible(c, c.req.param('id'), scopeOf(p));
    const ifMatch = ifMatchOf(c);
    const now = c.var.deps.clock();
    await c.var.deps.database.db.transaction(async (tx) => {
      if (ifMatch) {
        const [current] = await tx.select().from(locations)
          .where(and(eq(locations.id, existing.id), isNull(locations.deletedAt))).for('update');
        if (!current) throw notFound();
        checkIfMatch(ifMatch, etagOf(presentLocation(current)));
      }
      const done = await tx.update(locations).set({ deletedAt: now, updatedAt: now })
        .where(and(eq(locations.id, existing.id), isNull(locations.deletedAt))).returning({ id: locations.id });
      if (!done.length) throw notFound();
      await audit(tx, { organisationId: existing.organisationId, entity: 'location', entityId: existing.id, action: 'delete', actor: p.actor, changes: { name: existing.name }, at: now });
    });
    invalidatePublicLocations(c.var.deps.database);
    return c.body(null, 204);
  });
