/**
 * `GET|POST /api/v1/organisations`, `GET|PATCH /api/v1/organisations/:id`: the library
 * organisations that run IDOs. National users create and see all of them; coordinators and secret
 * keys see (and edit) only their own; desk keys nothing.
 */
import { Hono, type Context } from 'hono';
import { asc, eq, sql } from 'drizzle-orm';
import { OrganisationInput, OrganisationPatch } from '../../../sdk/schemas/resources.js';
import { organisations } from '../../db/schema.js';
import { requireNational, requireStaff, scopeOf } from '../../http/auth.js';
import { notFound } from '../../http/problem.js';
import { body } from '../../http/validate.js';
import { audit, diff } from '../../services/audit.js';
import { invalidatePublicLocations } from '../../services/nearest.js';
import { isUuid, presentOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

async function findVisible(c: Context<AppEnv>, id: string, scope: string | null) {
  if (!isUuid(id) || (scope && id !== scope)) throw notFound();
  const [row] = await c.var.deps.database.db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

export const organisationRoutes = new Hono<AppEnv>();

organisationRoutes
  .get('/', async (c) => {
    const scope = scopeOf(requireStaff(c));
    const rows = await c.var.deps.database.db.select().from(organisations)
      .where(scope ? eq(organisations.id, scope) : undefined)
      .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id));
    return c.json({ items: rows.map(presentOrganisation) });
  })
  .post('/', async (c) => {
    const p = requireNational(c);
    const input = await body(c, OrganisationInput);
    const now = c.var.deps.clock();
    const row = await c.var.deps.database.db.transaction(async (tx) => {
      const [created] = await tx.insert(organisations).values({
        name: input.name,
        municipality: input.municipality ?? null,
        province: input.province ?? null,
        createdAt: now,
        updatedAt: now,
      }).returning();
      await audit(tx, { organisationId: created.id, entity: 'organisation', entityId: created.id, action: 'create', actor: p.actor, changes: presentOrganisation(created), at: now });
      return created;
    });
    c.header('Location', `/api/v1/organisations/${row.id}`);
    return c.json(presentOrganisation(row), 201);
  })
  .get('/:id', async (c) => {
    const scope = scopeOf(requireStaff(c));
    return c.json(presentOrganisation(await findVisible(c, c.req.param('id'), scope)));
  })
  .patch('/:id', async (c) => {
    const p = requireStaff(c);
    const existing = await findVisible(c, c.req.param('id'), scopeOf(p));
    const input = await body(c, OrganisationPatch);
    const set: Partial<typeof organisations.$inferInsert> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.municipality !== undefined) set.municipality = input.municipality;
    if (input.province !== undefined) set.province = input.province;
    const before = presentOrganisation(existing);
    if (!Object.keys(set).length) return c.json(before);
    const now = c.var.deps.clock();
    const row = await c.var.deps.database.db.transaction(async (tx) => {
      const [updated] = await tx.update(organisations).set({ ...set, updatedAt: now }).where(eq(organisations.id, existing.id)).returning();
      await audit(tx, { organisationId: updated.id, entity: 'organisation', entityId: updated.id, action: 'update', actor: p.actor, changes: diff(before, presentOrganisation(updated)), at: now });
      return updated;
    });
    // The public locator shows the organisation's name with each location.
    invalidatePublicLocations(c.var.deps.database);
    return c.json(presentOrganisation(row));
  });
