/**
 * `GET|POST /api/v1/partners`, `GET|PATCH|DELETE /api/v1/partners/:id`: the sociale kaart, the
 * local partners an IDO refers visitors to. `?topic=huurtoeslag` lists the partners that take that
 * topic, including those that take its parent (`toeslagen`). Desk keys may read.
 */
import { Hono, type Context } from 'hono';
import { and, arrayOverlaps, asc, eq, isNull, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Code, Id } from '../../../sdk/schemas/common.js';
import { PartnerInput, PartnerPatch } from '../../../sdk/schemas/resources.js';
import type { Db } from '../../db/client.js';
import { partners } from '../../db/schema.js';
import { requireCaller, requireStaff, scopeOf } from '../../http/auth.js';
import { invalid, notFound, type FieldIssue } from '../../http/problem.js';
import { body, query } from '../../http/validate.js';
import { audit, diff } from '../../services/audit.js';
import { gather, isUuid, liveLocationIds, organisationOfNew, presentPartner, unknownId, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

const ListQuery = z.strictObject({
  organisationId: z.optional(Id),
  topic: z.optional(Code),
  kind: z.optional(Code),
  locationId: z.optional(Id),
});

type Fields = z.output<typeof PartnerPatch>;

/** Codes from the value lists; linked locations must be live locations of the partner's organisation. */
async function checkRules(c: Context<AppEnv>, db: Db, input: Fields, organisationId: string): Promise<FieldIssue[]> {
  const { taxonomy } = c.var.deps;
  const issues: FieldIssue[] = [];
  if (input.kind !== undefined && !taxonomy.has('partnerKinds', input.kind)) issues.push({ path: 'kind', code: 'unknown-code', params: { code: input.kind, list: 'partnerKinds' } });
  input.topics?.forEach((code, i) => {
    if (!taxonomy.has('topics', code)) issues.push({ path: `topics.${i}`, code: 'unknown-code', params: { code, list: 'topics' } });
  });
  if (input.locationIds?.length) {
    const live = await liveLocationIds(db, input.locationIds, organisationId);
    input.locationIds.forEach((id, i) => { if (!live.has(id)) issues.push(unknownId(`locationIds.${i}`, id)); });
  }
  return issues;
}

function columns(input: Fields): Partial<typeof partners.$inferInsert> {
  const out: Partial<typeof partners.$inferInsert> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.topics !== undefined) out.topics = [...new Set(input.topics)];
  if (input.spreekuur !== undefined) out.spreekuur = input.spreekuur;
  if (input.address !== undefined) out.address = input.address;
  if (input.contact !== undefined) out.contact = input.contact;
  if (input.description !== undefined) out.description = input.description;
  if (input.locationIds !== undefined) out.locationIds = [...new Set(input.locationIds)];
  return out;
}

async function findVisible(c: Context<AppEnv>, id: string, scope: string | null) {
  if (!isUuid(id)) throw notFound();
  const [row] = await c.var.deps.database.db.select().from(partners)
    .where(and(eq(partners.id, id), isNull(partners.deletedAt), scope ? eq(partners.organisationId, scope) : undefined))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** The topic and its parent, so that a partner taking `toeslagen` is found for `huurtoeslag`; retired codes are mapped. */
function topicAndParent(c: Context<AppEnv>, code: string): string[] {
  const { taxonomy } = c.var.deps;
  const current = taxonomy.currentCode(code);
  if (!taxonomy.has('topics', current)) throw invalid([{ path: 'topic', code: 'unknown-code', params: { code, list: 'topics' } }]);
  const parent = taxonomy.view(c.var.lang)?.topics.find((t) => t.code === current)?.parent;
  return parent ? [current, parent] : [current];
}

export const partnerRoutes = new Hono<AppEnv>();

partnerRoutes
  .get('/', async (c) => {
    const scope = scopeOf(requireCaller(c));
    const q = query(c, ListQuery);
    const topics = q.topic !== undefined ? topicAndParent(c, q.topic) : undefined;
    if (q.kind !== undefined && !c.var.deps.taxonomy.has('partnerKinds', q.kind)) throw invalid([{ path: 'kind', code: 'unknown-code', params: { code: q.kind, list: 'partnerKinds' } }]);
    const organisationId = listOrganisation(scope, q.organisationId);
    if (organisationId === false) return c.json({ items: [] });
    if (q.locationId !== undefined && !isUuid(q.locationId)) return c.json({ items: [] });
    const rows = await c.var.deps.database.db.select().from(partners)
      .where(and(
        isNull(partners.deletedAt),
        organisationId ? eq(partners.organisationId, organisationId) : undefined,
        topics ? arrayOverlaps(partners.topics, topics) : undefined,
        q.kind ? eq(partners.kind, q.kind) : undefined,
        q.locationId ? arrayOverlaps(partners.locationIds, [q.locationId]) : undefined,
      ))
      .orderBy(asc(sql`lower(${partners.name})`), asc(partners.id));
    return c.json({ items: rows.map(presentPartner) });
  })
  .post('/', async (c) => {
    const p = requireStaff(c);
    const input = await body(c, PartnerInput);
    const { db } = c.var.deps.database;
    const issues: FieldIssue[] = [];
    const organisationId = await gather(issues, () => organisationOfNew(db, p, input.organisationId));
    // Without a valid organisation, linked locations cannot be checked: they are reported once it is.
    issues.push(...await checkRules(c, db, organisationId ? input : { ...input, locationIds: undefined }, organisationId ?? ''));
    if (issues.length || !organisationId) throw invalid(issues);
    const now = c.var.deps.clock();
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(partners).values({
        ...(columns(input) as typeof partners.$inferInsert),
        organisationId,
        createdAt: now,
        updatedAt: now,
      }).returning();
      await audit(tx, { organisationId, entity: 'partner', entityId: created.id, action: 'create', actor: p.actor, changes: presentPartner(created), at: now });
      return created;
    });
    c.header('Location', `/api/v1/partners/${row.id}`);
    return c.json(presentPartner(row), 201);
  })
  .get('/:id', async (c) => {
    const scope = scopeOf(requireCaller(c));
    return c.json(presentPartner(await findVisible(c, c.req.param('id'), scope)));
  })
  .patch('/:id', async (c) => {
    const p = requireStaff(c);
    const existing = await findVisible(c, c.req.param('id'), scopeOf(p));
    const input = await body(c, PartnerPatch);
    const { db } = c.var.deps.database;
    const issues = await checkRules(c, db, input, existing.organisationId);
    if (issues.length) throw invalid(issues);
    const set = columns(input);
    const before = presentPartner(existing);
    if (!Object.keys(set).length) return c.json(before);
    const now = c.var.deps.clock();
    const row = await db.transaction(async (tx) => {
      const [updated] = await tx.update(partners).set({ ...set, updatedAt: now })
        .where(and(eq(partners.id, existing.id), isNull(partners.deletedAt))).returning();
      if (!updated) throw notFound();
      const { updatedAt: _a, ...after } = presentPartner(updated);
      const { updatedAt: _b, ...was } = before;
      await audit(tx, { organisationId: updated.organisationId, entity: 'partner', entityId: updated.id, action: 'update', actor: p.actor, changes: diff(was, after), at: now });
      return updated;
    });
    return c.json(presentPartner(row));
  })
  .delete('/:id', async (c) => {
    const p = requireStaff(c);
    const existing = await findVisible(c, c.req.param('id'), scopeOf(p));
    const now = c.var.deps.clock();
    await c.var.deps.database.db.transaction(async (tx) => {
      const done = await tx.update(partners).set({ deletedAt: now, updatedAt: now })
        .where(and(eq(partners.id, existing.id), isNull(partners.deletedAt))).returning({ id: partners.id });
      if (!done.length) throw notFound();
      await audit(tx, { organisationId: existing.organisationId, entity: 'partner', entityId: existing.id, action: 'delete', actor: p.actor, changes: { name: existing.name }, at: now });
    });
    return c.body(null, 204);
  });
