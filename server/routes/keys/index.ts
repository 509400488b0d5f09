/**
 * `GET|POST /api/v1/keys`, `DELETE /api/v1/keys/:id`: desk keys (publishable, for the widget, bound
 * to origins and optionally a location) and secret keys (server to server). A key is shown once,
 * at creation; lists show its prefix only. A deleted key is refused from the next request on.
 */
import { Hono } from 'hono';
import { and, asc, eq, isNull } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Id } from '../../../sdk/schemas/common.js';
import { KeyInput, KeyKind } from '../../../sdk/schemas/resources.js';
import { apiKeys } from '../../db/schema.js';
import { requireStaff, scopeOf } from '../../http/auth.js';
import { invalid, notFound, type FieldIssue } from '../../http/problem.js';
import { body, query } from '../../http/validate.js';
import { createKey } from '../../services/accounts.js';
import { audit } from '../../services/audit.js';
import { findLiveLocation, gather, isUuid, organisationOfNew, presentKey, unknownId, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

const ListQuery = z.strictObject({ organisationId: z.optional(Id), kind: z.optional(KeyKind), locationId: z.optional(Id) });

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

keyRoutes
  .get('/', async (c) => {
    const scope = scopeOf(requireStaff(c));
    const q = query(c, ListQuery);
    const organisationId = listOrganisation(scope, q.organisationId);
    if (organisationId === false) return c.json({ items: [] });
    if (q.locationId !== undefined && !isUuid(q.locationId)) return c.json({ items: [] });
    const rows = await c.var.deps.database.db.select().from(apiKeys)
      .where(and(
        isNull(apiKeys.revokedAt),
        organisationId ? eq(apiKeys.organisationId, organisationId) : undefined,
        q.kind ? eq(apiKeys.kind, q.kind) : undefined,
        q.locationId ? eq(apiKeys.locationId, q.locationId) : undefined,
      ))
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
    return c.json({ items: rows.map(presentKey) });
  })
  .post('/', async (c) => {
    const p = requireStaff(c);
    const input = await body(c, KeyInput);
    const { db } = c.var.deps.database;
    const issues: FieldIssue[] = [];
    const organisationId = await gather(issues, () => organisationOfNew(db, p, input.organisationId));
    const origins: string[] = [];
    if (input.kind === 'secret') {
      // A secret key is used server to server: it has no location and no browser origins.
      if (input.locationId !== undefined) issues.push({ path: 'locationId', code: 'invalid-value' });
      if (input.origins?.length) issues.push({ path: 'origins', code: 'invalid-value' });
    } else {
      if (input.locationId !== undefined && organisationId && !(await findLiveLocation(db, input.locationId, organisationId))) issues.push(unknownId('locationId', input.locationId));
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
  })
  .delete('/:id', async (c) => {
    const p = requireStaff(c);
    const id = c.req.param('id');
    if (!isUuid(id)) throw notFound();
    const scope = scopeOf(p);
    const { db } = c.var.deps.database;
    const now = c.var.deps.clock();
    await db.transaction(async (tx) => {
      const [revoked] = await tx.update(apiKeys).set({ revokedAt: now })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt), scope ? eq(apiKeys.organisationId, scope) : undefined))
        .returning();
      if (!revoked) throw notFound();
      await audit(tx, { organisationId: revoked.organisationId, entity: 'key', entityId: revoked.id, action: 'delete', actor: p.actor, changes: { kind: revoked.kind, prefix: revoked.prefix }, at: now });
    });
    return c.body(null, 204);
  });
