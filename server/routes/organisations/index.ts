/**
 * `GET|POST /api/v1/organisations`, `GET|PATCH /api/v1/organisations/:id`: the library
 * organisations that run IDOs. National users create and see all of them; coordinators and secret
 * keys see (and edit) only their own; desk keys nothing.
 */
import { Hono } from 'hono';
import { asc, eq, sql } from 'drizzle-orm';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from '../../../sdk/operations/organisations.js';
import { organisations } from '../../db/schema.js';
import { scopeOf } from '../../http/auth.js';
import { mount } from '../../http/mount.js';
import { liveResource } from '../../services/crud.js';
import { invalidatePublicLocations } from '../../services/nearest.js';
import { presentOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

/** An organisation is never deleted, and a coordinator's scope is the organisation itself. */
const stored = liveResource<typeof organisations.$inferSelect>({
  table: organisations,
  entity: 'organisation',
  id: organisations.id,
  owner: organisations.id,
  ownerOf: (row) => row.id,
  touched: organisations.updatedAt,
  present: presentOrganisation,
});

export const organisationRoutes = new Hono<AppEnv>();

mount(organisationRoutes, listOrganisations, async ({ c, caller }) => {
  const scope = scopeOf(caller);
  const rows = await c.var.deps.database.db
    .select()
    .from(organisations)
    .where(scope ? eq(organisations.id, scope) : undefined)
    .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id));
  return c.json({ items: rows.map(presentOrganisation) });
});

mount(organisationRoutes, createOrganisation, async ({ c, caller, body: input }) => {
  const row = await stored.create(
    c.var.deps.database.db,
    {
      name: input.name,
      municipality: input.municipality ?? null,
      province: input.province ?? null,
    },
    { actor: caller.actor, at: c.var.deps.clock() },
  );
  c.header('Location', `/api/v1/organisations/${row.id}`);
  return c.json(presentOrganisation(row), 201);
});

mount(organisationRoutes, getOrganisation, ({ c, row }) => c.json(presentOrganisation(row)), { load: stored.load });

mount(
  organisationRoutes,
  updateOrganisation,
  async ({ c, caller, body: input, row: existing }) => {
    const set: Partial<typeof organisations.$inferInsert> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.municipality !== undefined) set.municipality = input.municipality;
    if (input.province !== undefined) set.province = input.province;
    if (!Object.keys(set).length) return c.json(presentOrganisation(existing));
    const row = await stored.update(c.var.deps.database.db, existing, set, { actor: caller.actor, at: c.var.deps.clock() });
    // The public locator shows the organisation's name with each location.
    invalidatePublicLocations(c.var.deps.database);
    return c.json(presentOrganisation(row));
  },
  { load: stored.load },
);
