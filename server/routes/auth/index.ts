/**
 * `POST /api/v1/auth/login` (rate limited) and `POST /api/v1/auth/logout`: user sessions with expiring tokens;
 * `GET /api/v1/auth/me`: who the credential sent is (for a desk key: the location it is bound to).
 */
import { Hono } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import { login, logout, me } from '../../../sdk/operations/auth.js';
import type { Me } from '../../../sdk/schemas/resources.js';
import { DUMMY_PASSWORD_HASH, newSecret, sha256, verifyPassword } from '../../crypto.js';
import { sessions, users } from '../../db/schema.js';
import { mount } from '../../http/mount.js';
import { unauthorized } from '../../http/problem.js';
import type { AppEnv } from '../../types.js';

export const authRoutes = new Hono<AppEnv>();

mount(authRoutes, login, async ({ c, body: input }) => {
  const { db } = c.var.deps.database;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, input.email), isNull(users.deletedAt)))
    .limit(1);
  // Verify against a dummy hash when there is no such user, so the answer time does not tell.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH).catch(() => false);
  if (!user || !ok)
    throw unauthorized({ nl: 'Het e-mailadres of wachtwoord klopt niet.', en: 'The e-mail address or password is not correct.' });
  const token = newSecret('ido_st_');
  const expiresAt = new Date(c.var.deps.clock().getTime() + c.var.deps.config.sessionHours * 3600_000);
  await db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt });
  return c.json({
    token,
    expiresAt: expiresAt.toISOString(),
    user: { id: user.id, email: user.email, role: user.role, organisationId: user.organisationId },
  });
});

mount(authRoutes, me, async ({ c, caller: p }) => {
  if (p.kind === 'desk') return c.json<Me>({ kind: 'desk', organisationId: p.organisationId, locationId: p.locationId });
  if (p.kind === 'secret') return c.json<Me>({ kind: 'secret', organisationId: p.organisationId, locationId: null });
  const [user] = await c.var.deps.database.db
    .select({ id: users.id, email: users.email, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, p.userId))
    .limit(1);
  // The session was resolved a moment ago; a user deleted in between is a session that ended.
  if (!user) throw unauthorized();
  return c.json<Me>({ kind: 'user', user });
});

mount(authRoutes, logout, async ({ c, caller: p }) => {
  if (p.kind === 'user') {
    const token = c.req.header('authorization')!.replace(/^Bearer\s+/i, '');
    await c.var.deps.database.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
  }
  return c.body(null, 204);
});
