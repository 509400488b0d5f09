/**
 * `GET|POST /api/v1/keys`, `DELETE /api/v1/keys/:id`: desk keys (publishable, for the widget, bound
 * to origins and optionally a location) and secret keys (server to server). A key is shown once,
 * at creation; lists show its prefix only. A deleted key is refused from the next request on.
 */
import { Hono } from 'hono';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { createKey as createKeyOp, listKeys, revokeKey } from '../../../sdk/operations/keys.js';
import { isUuid } from '../../../sdk/uuid.js';
import { apiKeys } from '../../db/schema.js';
import { scopeOf } from '../../http/auth.js';
import { mount } from '../../http/mount.js';
import { invalid, type FieldIssue } from '../../http/problem.js';
import { createKey } from '../../services/accounts.js';
import { liveResource } from '../../services/crud.js';
import { findLiveLocation, gather, organisationOfNew, presentKey, unknownId, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

/** A key is never updated; revoking it is its soft delete. */
const stored = liveResource<typeof apiKeys.$inferSelect>({
  table: apiKeys,
  entity: 'key',
  id: apiKeys.id,
  owner: apiKeys.organisationId,
  ownerOf: (row) => row.organisationId,
  gone: apiKeys.revokedAt,
  present: (row) => ({ ...presentKey(row) }),
});

/** The form a browser sends in `Origin`: lower-case scheme and host, no default port. */
function normaliseOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

export const keyRoutes = new Hono<AppEnv>();

mount(keyRoutes, listKeys, async ({ c, caller, query: q }) => {
  const organisationId = listOrganisation(scopeOf(caller), q.organisationId);
  if (organisationId === false) return c.json({ items: [] });
  if (q.locationId !== undefined && !isUuid(q.locationId)) return c.json({ items: [] });
  const rows = await c.var.deps.database.db
    .select()
    .from(apiKeys)
    .where(
      and(
        isNull(apiKeys.revokedAt),
        organisationId ? eq(apiKeys.organisationId, organisationId) : undefined,
        q.kind ? eq(apiKeys.kind, q.kind) : undefined,
        q.locationId ? eq(apiKeys.locationId, q.locationId) : undefined,
      ),
    )
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
  return c.json({ items: rows.map(presentKey) });
});

mount(keyRoutes, createKeyOp, async ({ c, caller: p, body: input }) => {
  const { db } = c.var.deps.database;
  const issues: FieldIssue[] = [];
  const organisationId = await gather(issues, () => organisationOfNew(db, p, input.organisationId));
  const origins: string[] = [];
  if (input.kind === 'secret') {
    // A secret key is used server to server: it has no location and no browser origins.
    if (input.locationId !== undefined) issues.push({ path: 'locationId', code: 'invalid-value' });
    if (input.origins?.length) issues.push({ path: 'origins', code: 'invalid-value' });
  } else {
    if (input.locationId !== undefined && organisationId && !(await findLiveLocation(db, input.locationId, organisationId)))
      issues.push(unknownId('locationId', input.locationId));
    input.origins?.forEach((origin, i) => {
      const normal = normaliseOrigin(origin);
      if (!normal) issues.push({ path: `origins.${i}`, code: 'invalid-format' });
      else if (!origins.includes(normal)) origins.push(normal);
    });
  }
  if (issues.length || !organisationId) throw invalid(issues);
  // createKey stores the hash and writes the audit row.
  const created = await createKey(c.var.deps.database, {
    organisationId,
    kind: input.kind,
    locationId: input.locationId ?? null,
    origins,
    name: input.name ?? null,
    actor: p.actor,
  });
  c.header('Location', `/api/v1/keys/${created.id}`);
  c.header('Cache-Control', 'no-store');
  return c.json(created, 201);
});

mount(
  keyRoutes,
  revokeKey,
  async ({ c, caller, row: existing }) => {
    await stored.remove(c.var.deps.database.db, existing, {
      actor: caller.actor,
      at: c.var.deps.clock(),
      changes: { kind: existing.kind, prefix: existing.prefix },
    });
    return c.body(null, 204);
  },
  { load: stored.load },
);
