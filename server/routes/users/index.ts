/**
 * `GET|POST /api/v1/users`, `DELETE /api/v1/users/:id`: logins. National users manage everyone;
 * coordinators (and secret keys, which act as their organisation's coordinator) manage the
 * coordinators of their own organisation. Password hashes never leave the server.
 */
import { Hono } from 'hono';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { createUser, deleteUser, listUsers } from '../../../sdk/operations/users.js';
import { hashPassword } from '../../crypto.js';
import { sessions, users } from '../../db/schema.js';
import { organisationForCreate, scopeOf } from '../../http/auth.js';
import { mount } from '../../http/mount.js';
import { forbidden, invalid } from '../../http/problem.js';
import { audit } from '../../services/audit.js';
import { liveResource } from '../../services/crud.js';
import { conflict, isUniqueViolation, organisationOfNew, presentUser, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

const stored = liveResource<typeof users.$inferSelect>({
  table: users,
  entity: 'user',
  id: users.id,
  owner: users.organisationId,
  ownerOf: (row) => row.organisationId,
  gone: users.deletedAt,
  present: presentUser,
});

const emailTaken = () =>
  conflict({ nl: 'Er is al een gebruiker met dit e-mailadres.', en: 'A user with this e-mail address already exists.' });

export const userRoutes = new Hono<AppEnv>();

mount(userRoutes, listUsers, async ({ c, caller, query: q }) => {
  const organisationId = listOrganisation(scopeOf(caller), q.organisationId);
  if (organisationId === false) return c.json({ items: [] });
  const rows = await c.var.deps.database.db
    .select()
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        organisationId ? eq(users.organisationId, organisationId) : undefined,
        q.role ? eq(users.role, q.role) : undefined,
      ),
    )
    .orderBy(asc(users.email), asc(users.id));
  return c.json({ items: rows.map(presentUser) });
});

mount(userRoutes, createUser, async ({ c, caller: p, body: input }) => {
  const { db } = c.var.deps.database;
  let organisationId: string | null;
  if (scopeOf(p)) {
    if (input.role !== 'coordinator')
      throw forbidden({
        nl: 'Alleen een landelijke gebruiker mag landelijke gebruikers maken.',
        en: 'Only a national user may create national users.',
      });
    organisationId = organisationForCreate(p, input.organisationId);
  } else if (input.role === 'national') {
    if (input.organisationId) throw invalid([{ path: 'organisationId', code: 'invalid-value' }]);
    organisationId = null;
  } else {
    organisationId = await organisationOfNew(db, p, input.organisationId);
  }
  const taken = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, input.email), isNull(users.deletedAt)))
    .limit(1);
  if (taken.length) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  const now = c.var.deps.clock();
  const row = await db
    .transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, role: input.role, organisationId, createdAt: now })
        .returning();
      await audit(tx, {
        organisationId,
        entity: 'user',
        entityId: created.id,
        action: 'create',
        actor: p.actor,
        changes: { email: created.email, role: created.role, organisationId },
        at: now,
      });
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    });
  c.header('Location', `/api/v1/users/${row.id}`);
  return c.json(presentUser(row), 201);
});

mount(
  userRoutes,
  deleteUser,
  async ({ c, caller: p, row: existing }) => {
    if (p.kind === 'user' && p.userId === existing.id) {
      throw conflict({
        nl: 'U kunt uw eigen account niet verwijderen. Vraag dit aan een andere beheerder.',
        en: 'You cannot delete your own account. Ask another administrator.',
      });
    }
    await stored.remove(c.var.deps.database.db, existing, {
      actor: p.actor,
      at: c.var.deps.clock(),
      changes: { email: existing.email, role: existing.role },
      // Their sessions stop working at once (authentication also refuses deleted users).
      also: (tx) => tx.delete(sessions).where(eq(sessions.userId, existing.id)),
    });
    return c.body(null, 204);
  },
  { load: stored.load },
);
