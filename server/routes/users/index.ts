/**
 * `GET|POST /api/v1/users`, `DELETE /api/v1/users/:id`: logins. National users manage everyone;
 * coordinators (and secret keys, which act as their organisation's coordinator) manage the
 * coordinators of their own organisation. Password hashes never leave the server.
 */
import { Hono } from 'hono';
import { and, asc, eq, isNull } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Id } from '../../../sdk/schemas/common.js';
import { Role, UserInput } from '../../../sdk/schemas/resources.js';
import { hashPassword } from '../../crypto.js';
import { sessions, users } from '../../db/schema.js';
import { organisationForCreate, requireStaff, scopeOf } from '../../http/auth.js';
import { forbidden, invalid, notFound } from '../../http/problem.js';
import { body, query } from '../../http/validate.js';
import { audit } from '../../services/audit.js';
import { conflict, isUniqueViolation, isUuid, organisationOfNew, presentUser, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

const ListQuery = z.strictObject({ organisationId: z.optional(Id), role: z.optional(Role) });

const emailTaken = () => conflict({ nl: 'Er is al een gebruiker met dit e-mailadres.', en: 'A user with this e-mail address already exists.' });

export const userRoutes = new Hono<AppEnv>();

userRoutes
  .get('/', async (c) => {
    const scope = scopeOf(requireStaff(c));
    const q = query(c, ListQuery);
    const organisationId = listOrganisation(scope, q.organisationId);
    if (organisationId === false) return c.json({ items: [] });
    const rows = await c.var.deps.database.db.select().from(users)
      .where(and(
        isNull(users.deletedAt),
        organisationId ? eq(users.organisationId, organisationId) : undefined,
        q.role ? eq(users.role, q.role) : undefined,
      ))
      .orderBy(asc(users.email), asc(users.id));
    return c.json({ items: rows.map(presentUser) });
  })
  .post('/', async (c) => {
    const p = requireStaff(c);
    const input = await body(c, UserInput);
    const { db } = c.var.deps.database;
    let organisationId: string | null;
    if (scopeOf(p)) {
      if (input.role !== 'coordinator') throw forbidden({ nl: 'Alleen een landelijke gebruiker mag landelijke gebruikers maken.', en: 'Only a national user may create national users.' });
      organisationId = organisationForCreate(p, input.organisationId);
    } else if (input.role === 'national') {
      if (input.organisationId) throw invalid([{ path: 'organisationId', code: 'invalid-value' }]);
      organisationId = null;
    } else {
      organisationId = await organisationOfNew(db, p, input.organisationId);
    }
    const taken = await db.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), isNull(users.deletedAt))).limit(1);
    if (taken.length) throw emailTaken();
    const passwordHash = await hashPassword(input.password);
    const now = c.var.deps.clock();
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(users).values({ email: input.email, passwordHash, role: input.role, organisationId, createdAt: now }).returning();
      await audit(tx, { organisationId, entity: 'user', entityId: created.id, action: 'create', actor: p.actor, changes: { email: created.email, role: created.role, organisationId }, at: now });
      return created;
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    });
    c.header('Location', `/api/v1/users/${row.id}`);
    return c.json(presentUser(row), 201);
  })
  .delete('/:id', async (c) => {
    const p = requireStaff(c);
    const id = c.req.param('id');
    if (!isUuid(id)) throw notFound();
    const scope = scopeOf(p);
    const { db } = c.var.deps.database;
    const [existing] = await db.select().from(users)
      .where(and(eq(users.id, id), isNull(users.deletedAt), scope ? eq(users.organisationId, scope) : undefined))
      .limit(1);
    if (!existing) throw notFound();
    if (p.kind === 'user' && p.userId === existing.id) {
      throw conflict({ nl: 'U kunt uw eigen account niet verwijderen. Vraag dit aan een andere beheerder.', en: 'You cannot delete your own account. Ask another administrator.' });
    }
    const now = c.var.deps.clock();
    await db.transaction(async (tx) => {
      const done = await tx.update(users).set({ deletedAt: now }).where(and(eq(users.id, existing.id), isNull(users.deletedAt))).returning({ id: users.id });
      if (!done.length) throw notFound();
      // Their sessions stop working at once (authentication also refuses deleted users).
      await tx.delete(sessions).where(eq(sessions.userId, existing.id));
      await audit(tx, { organisationId: existing.organisationId, entity: 'user', entityId: existing.id, action: 'delete', actor: p.actor, changes: { email: existing.email, role: existing.role }, at: now });
    });
    return c.body(null, 204);
  });
