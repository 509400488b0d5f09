/**
 * `GET|POST /api/v1/locations`, `GET|PATCH|DELETE /api/v1/locations/:id`: an organisation's IDO
 * locations. Desk keys may read their organisation's; coordinators and secret keys manage their
 * own; national users see all and name `organisationId` when they create one.
 */
import { Hono } from 'hono';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod/mini';
import { DEFAULT_CLOSED_ON_HOLIDAYS } from '../../../sdk/holidays.js';
import { createLocation, deleteLocation, getLocation, listLocations, updateLocation } from '../../../sdk/operations/locations.js';
import type { LocationPatch } from '../../../sdk/schemas/location.js';
import { locations } from '../../db/schema.js';
import { scopeOf } from '../../http/auth.js';
import { mount } from '../../http/mount.js';
import { ifMatchOf, jsonWithEtag } from '../../http/etag.js';
import { invalid, type FieldIssue } from '../../http/problem.js';
import { liveResource } from '../../services/crud.js';
import { gather, organisationOfNew, presentLocation, listOrganisation } from '../../services/present.js';
import type { TaxonomyService } from '../../services/taxonomy.js';
import type { AppEnv } from '../../types.js';
import { invalidatePublicLocations } from '../../services/nearest.js';

type Fields = z.output<typeof LocationPatch>;

const stored = liveResource<typeof locations.$inferSelect>({
  table: locations,
  entity: 'location',
  id: locations.id,
  owner: locations.organisationId,
  ownerOf: (row) => row.organisationId,
  gone: locations.deletedAt,
  touched: locations.updatedAt,
  present: presentLocation,
});

/** The rules beyond the schema: holiday codes from the value list, exception times in order, one exception a date. */
function checkRules(input: Fields, taxonomy: TaxonomyService): FieldIssue[] {
  const issues: FieldIssue[] = [];
  input.closedOnHolidays?.forEach((code, i) => {
    if (!taxonomy.has('holidays', code))
      issues.push({ path: `closedOnHolidays.${i}`, code: 'unknown-code', params: { code, list: 'holidays' } });
  });
  const seen = new Set<string>();
  input.exceptions?.forEach((e, i) => {
    if ('opens' in e && e.opens !== undefined && e.closes !== undefined && e.opens >= e.closes)
      issues.push({ path: `exceptions.${i}`, code: 'time-order' });
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
  if (input.coordinates !== undefined) {
    out.lat = input.coordinates.lat;
    out.lon = input.coordinates.lon;
  }
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

export const locationRoutes = new Hono<AppEnv>();

mount(locationRoutes, listLocations, async ({ c, caller, query }) => {
  const organisationId = listOrganisation(scopeOf(caller), query.organisationId);
  if (organisationId === false) return c.json({ items: [] });
  const rows = await c.var.deps.database.db
    .select()
    .from(locations)
    .where(and(isNull(locations.deletedAt), organisationId ? eq(locations.organisationId, organisationId) : undefined))
    .orderBy(asc(sql`lower(${locations.name})`), asc(locations.id));
  return c.json({ items: rows.map(presentLocation) });
});

mount(locationRoutes, createLocation, async ({ c, caller, body: input }) => {
  const { db } = c.var.deps.database;
  const issues: FieldIssue[] = [];
  const organisationId = await gather(issues, () => organisationOfNew(db, caller, input.organisationId));
  issues.push(...checkRules(input, c.var.deps.taxonomy));
  if (issues.length || !organisationId) throw invalid(issues);
  const row = await stored.create(
    db,
    {
      ...columns(input),
      closedOnHolidays: input.closedOnHolidays ? [...new Set(input.closedOnHolidays)] : [...DEFAULT_CLOSED_ON_HOLIDAYS],
      organisationId,
    },
    { actor: caller.actor, at: c.var.deps.clock() },
  );
  c.header('Location', `/api/v1/locations/${row.id}`);
  invalidatePublicLocations(c.var.deps.database);
  return jsonWithEtag(c, presentLocation(row), 201);
});

mount(locationRoutes, getLocation, ({ c, row }) => jsonWithEtag(c, presentLocation(row)), { load: stored.load });

mount(
  locationRoutes,
  updateLocation,
  async ({ c, caller, body: input, row: existing }) => {
    const issues = checkRules(input, c.var.deps.taxonomy);
    if (issues.length) throw invalid(issues);
    const set = columns(input);
    const row = await stored.update(c.var.deps.database.db, existing, set, {
      actor: caller.actor,
      at: c.var.deps.clock(),
      ifMatch: ifMatchOf(c),
    });
    if (Object.keys(set).length) invalidatePublicLocations(c.var.deps.database);
    return jsonWithEtag(c, presentLocation(row));
  },
  { load: stored.load },
);

mount(
  locationRoutes,
  deleteLocation,
  async ({ c, caller, row: existing }) => {
    await stored.remove(c.var.deps.database.db, existing, {
      actor: caller.actor,
      at: c.var.deps.clock(),
      changes: { name: existing.name },
      ifMatch: ifMatchOf(c),
    });
    invalidatePublicLocations(c.var.deps.database);
    return c.body(null, 204);
  },
  { load: stored.load },
);
