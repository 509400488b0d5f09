/** Who is calling: a desk key, a secret key, a user session, or nobody; and what that caller may see. */
import type { Context, MiddlewareHandler } from 'hono';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256 } from '../crypto.js';
import { apiKeys, sessions, users } from '../db/schema.js';
import type { AppEnv } from '../types.js';
import { ApiError, forbidden, unauthorized } from './problem.js';
import type { Principal } from './principal.js';

export type { Principal };

/**
 * Resolves the Bearer credential into `c.var.principal`. Invalid credentials are a 401 at once;
 * a missing one leaves the caller anonymous for routes that are public.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticate(c, next) {
    const header = c.req.header('authorization');
    if (!header) {
      c.set('principal', { kind: 'anonymous' });
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw unauthorized({ nl: 'Gebruik de kop Authorization: Bearer <sleutel>.', en: 'Use the header Authorization: Bearer <key>.' });
    c.set('principal', await resolve(c, match[1]));
    return next();
  };
}

async function resolve(c: Context<AppEnv>, credential: string): Promise<Principal> {
  const { db } = c.var.deps.database;
  const hash = sha256(credential);
  if (credential.startsWith('ido_dk_') || credential.startsWith('ido_sk_')) {
    const [key] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
      .limit(1);
    if (!key)
      throw unauthorized({ nl: 'Deze sleutel bestaat niet of is ingetrokken.', en: 'This key does not exist or has been revoked.' });
    if (key.kind === 'secret') return { kind: 'secret', keyId: key.id, organisationId: key.organisationId, actor: `key:${key.id}` };
    const origin = requestOrigin(c);
    const allowed = origin ? key.origins.includes(origin) : key.origins.length === 0;
    if (!allowed)
      throw forbidden({
        nl: 'Deze baliesleutel mag niet vanaf deze website worden gebruikt.',
        en: 'This desk key may not be used from this website.',
      });
    return { kind: 'desk', keyId: key.id, organisationId: key.organisationId, locationId: key.locationId, actor: `key:${key.id}` };
  }
  const [row] = await db
    .select({ userId: users.id, role: users.role, organisationId: users.organisationId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, c.var.deps.clock()), isNull(users.deletedAt)))
    .limit(1);
  if (!row) throw unauthorized({ nl: 'Uw sessie is verlopen. Log opnieuw in.', en: 'Your session has expired. Log in again.' });
  return { kind: 'user', userId: row.userId, role: row.role, organisationId: row.organisationId, actor: `user:${row.userId}` };
}

/**
 * The web origin a request comes from. Browsers leave `Origin` out of same-origin GETs but mark them
 * `Sec-Fetch-Site: same-origin` (a header scripts cannot set), so such a request comes from this
 * server's own origin: the demo pages use a desk key bound to it.
 */
function requestOrigin(c: Context<AppEnv>): string | undefined {
  const origin = c.req.header('origin');
  if (origin) return origin;
  if (c.req.header('sec-fetch-site') !== 'same-origin') return undefined;
  return c.var.deps.config.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
}

/** Any credential. */
export function requireCaller(c: Context<AppEnv>): Exclude<Principal, { kind: 'anonymous' }> {
  const p = c.var.principal;
  if (p.kind === 'anonymous') throw unauthorized();
  return p;
}

/** Coordinators, national users and secret keys: everyone but desks. */
export function requireStaff(c: Context<AppEnv>): Exclude<Principal, { kind: 'anonymous' } | { kind: 'desk' }> {
  const p = requireCaller(c);
  if (p.kind === 'desk') throw forbidden({ nl: 'Een baliesleutel mag dit niet.', en: 'A desk key may not do this.' });
  return p;
}

export function requireNational(c: Context<AppEnv>) {
  const p = requireCaller(c);
  if (p.kind !== 'user' || p.role !== 'national') throw forbidden();
  return p;
}

/** The organisation the caller is bound to, or null for national users (who see all). */
export function scopeOf(p: Exclude<Principal, { kind: 'anonymous' }>): string | null {
  return p.kind === 'user' && p.role === 'national' ? null : p.organisationId!;
}

/**
 * The organisation a new resource belongs to: the caller's own, or for national users the one
 * they name in the body (422 when they name none).
 */
export function organisationForCreate(p: Exclude<Principal, { kind: 'anonymous' }>, named: string | undefined | null): string {
  const scope = scopeOf(p);
  if (scope) {
    if (named && named !== scope)
      throw new ApiError('validation', { issues: [{ path: 'organisationId', code: 'unknown-id', params: { id: named } }] });
    return scope;
  }
  if (!named) throw new ApiError('validation', { issues: [{ path: 'organisationId', code: 'required' }] });
  return named;
}
