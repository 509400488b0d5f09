/**
 * `GET|POST /api/v1/partners`, `GET|PATCH|DELETE /api/v1/partners/:id`: the sociale kaart, the
 * local partners an IDO refers visitors to. `?topic=huurtoeslag` lists the partners that take that
 * topic, including those that take its parent (`toeslagen`). Desk keys may read.
 */
import { Hono, type Context } from 'hono';
import { and, arrayOverlaps, asc, eq, isNull, sql } from 'drizzle-orm';
import type * as z from 'zod/mini';
import { createPartner, deletePartner, getPartner, listPartners, updatePartner } from '../../../sdk/operations/partners.js';
import type { PartnerPatch } from '../../../sdk/schemas/resources.js';
import { isUuid } from '../../../sdk/uuid.js';
import type { Db } from '../../db/client.js';
import { partners } from '../../db/schema.js';
import { scopeOf } from '../../http/auth.js';
import { mount } from '../../http/mount.js';
import { invalid, type FieldIssue } from '../../http/problem.js';
import { liveResource } from '../../services/crud.js';
import { gather, liveLocationIds, organisationOfNew, presentPartner, unknownId, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

const stored = liveResource<typeof partners.$inferSelect>({
  table: partners,
  entity: 'partner',
  id: partners.id,
  owner: partners.organisationId,
  ownerOf: (row) => row.organisationId,
  gone: partners.deletedAt,
  touched: partners.updatedAt,
  present: presentPartner,
});

type Fields = z.output<typeof PartnerPatch>;

/** Codes from the value lists; linked locations must be live locations of the partner's organisation. */
async function checkRules(c: Context<AppEnv>, db: Db, input: Fields, organisationId: string): Promise<FieldIssue[]> {
  const { taxonomy } = c.var.deps;
  const issues: FieldIssue[] = [];
  if (input.kind !== undefined && !taxonomy.has('partnerKinds', input.kind))
    issues.push({ path: 'kind', code: 'unknown-code', params: { code: input.kind, list: 'partnerKinds' } });
  input.topics?.forEach((code, i) => {
    if (!taxonomy.has('topics', code)) issues.push({ path: `topics.${i}`, code: 'unknown-code', params: { code, list: 'topics' } });
  });
  if (input.locationIds?.length) {
    const live = await liveLocationIds(db, input.locationIds, organisationId);
    input.locationIds.forEach((id, i) => {
      if (!live.has(id)) issues.push(unknownId(`locationIds.${i}`, id));
    });
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

/** The topic and its parent, so that a partner taking `toeslagen` is found for `huurtoeslag`; retired codes are mapped. */
function topicAndParent(c: Context<AppEnv>, code: string): string[] {
  const { taxonomy } = c.var.deps;
  const current = taxonomy.currentCode(code);
  if (!taxonomy.has('topics', current)) throw invalid([{ path: 'topic', code: 'unknown-code', params: { code, list: 'topics' } }]);
  const parent = taxonomy.view(c.var.lang)?.topics.find((t) => t.code === current)?.parent;
  return parent ? [current, parent] : [current];
}

export const partnerRoutes = new Hono<AppEnv>();

mount(partnerRoutes, listPartners, async ({ c, caller, query: q }) => {
  const topics = q.topic !== undefined ? topicAndParent(c, q.topic) : undefined;
  if (q.kind !== undefined && !c.var.deps.taxonomy.has('partnerKinds', q.kind))
    throw invalid([{ path: 'kind', code: 'unknown-code', params: { code: q.kind, list: 'partnerKinds' } }]);
  const organisationId = listOrganisation(scopeOf(caller), q.organisationId);
  if (organisationId === false) return c.json({ items: [] });
  if (q.locationId !== undefined && !isUuid(q.locationId)) return c.json({ items: [] });
  const rows = await c.var.deps.database.db
    .select()
    .from(partners)
    .where(
      and(
        isNull(partners.deletedAt),
        organisationId ? eq(partners.organisationId, organisationId) : undefined,
        topics ? arrayOverlaps(partners.topics, topics) : undefined,
        q.kind ? eq(partners.kind, q.kind) : undefined,
        q.locationId ? arrayOverlaps(partners.locationIds, [q.locationId]) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${partners.name})`), asc(partners.id));
  return c.json({ items: rows.map(presentPartner) });
});

mount(partnerRoutes, createPartner, async ({ c, caller, body: input }) => {
  const { db } = c.var.deps.database;
  const issues: FieldIssue[] = [];
  const organisationId = await gather(issues, () => organisationOfNew(db, caller, input.organisationId));
  // Without a valid organisation, linked locations cannot be checked: they are reported once it is.
  issues.push(...(await checkRules(c, db, organisationId ? input : { ...input, locationIds: undefined }, organisationId ?? '')));
  if (issues.length || !organisationId) throw invalid(issues);
  const row = await stored.create(db, { ...columns(input), organisationId }, { actor: caller.actor, at: c.var.deps.clock() });
  c.header('Location', `/api/v1/partners/${row.id}`);
  return c.json(presentPartner(row), 201);
});

mount(partnerRoutes, getPartner, ({ c, row }) => c.json(presentPartner(row)), { load: stored.load });

mount(
  partnerRoutes,
  updatePartner,
  async ({ c, caller, body: input, row: existing }) => {
    const { db } = c.var.deps.database;
    const issues = await checkRules(c, db, input, existing.organisationId);
    if (issues.length) throw invalid(issues);
    const set = columns(input);
    if (!Object.keys(set).length) return c.json(presentPartner(existing));
    return c.json(presentPartner(await stored.update(db, existing, set, { actor: caller.actor, at: c.var.deps.clock() })));
  },
  { load: stored.load },
);

mount(
  partnerRoutes,
  deletePartner,
  async ({ c, caller, row: existing }) => {
    await stored.remove(c.var.deps.database.db, existing, {
      actor: caller.actor,
      at: c.var.deps.clock(),
      changes: { name: existing.name },
    });
    return c.body(null, 204);
  },
  { load: stored.load },
);
