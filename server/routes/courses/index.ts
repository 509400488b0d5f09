/**
 * `GET|POST /api/v1/courses`, `GET|PATCH|DELETE /api/v1/courses/:id`: course runs (Digisterker,
 * Klik & Tik, …) per location, with participants enrolled and completed. Not for desk keys. A
 * course belongs to the organisation of its location.
 */
import { Hono, type Context } from 'hono';
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import * as z from 'zod/mini';
import { findPersonalData, personalDataLabel } from '../../../sdk/personal-data.js';
import { Code, Id, LocalDate } from '../../../sdk/schemas/common.js';
import { CourseInput, CoursePatch } from '../../../sdk/schemas/resources.js';
import { courses } from '../../db/schema.js';
import { requireStaff, scopeOf } from '../../http/auth.js';
import { invalid, notFound, type FieldIssue } from '../../http/problem.js';
import { body, query } from '../../http/validate.js';
import { checkIfMatch, etagOf, ifMatchOf } from '../../http/etag.js';
import { audit, diff } from '../../services/audit.js';
import { findLiveLocation, isUuid, presentCourse, unknownId, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

const ListQuery = z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
  type: z.optional(Code),
});

type Fields = z.output<typeof CoursePatch>;

/** Rules beyond the schema, checked on the merged course: codes, completed ≤ enrolled, no personal data in the note. */
function checkRules(c: Context<AppEnv>, input: Fields, merged: { enrolled: number; completed?: number | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.type !== undefined && !c.var.deps.taxonomy.has('courseTypes', input.type)) issues.push({ path: 'type', code: 'unknown-code', params: { code: input.type, list: 'courseTypes' } });
  if (merged.completed != null && merged.completed > merged.enrolled) {
    issues.push({ path: input.completed !== undefined ? 'completed' : 'enrolled', code: input.completed !== undefined ? 'too-big' : 'too-small', params: input.completed !== undefined ? { maximum: merged.enrolled } : { minimum: merged.completed } });
  }
  if (input.note) {
    const found = findPersonalData(input.note);
    if (found.length) issues.push({ path: 'note', code: 'personal-data', params: { kind: personalDataLabel(found[0].kind, c.var.lang) } });
  }
  return issues;
}

function columns(input: Fields): Partial<typeof courses.$inferInsert> {
  const out: Partial<typeof courses.$inferInsert> = {};
  if (input.locationId !== undefined) out.locationId = input.locationId;
  if (input.type !== undefined) out.type = input.type;
  if (input.startDate !== undefined) out.startDate = input.startDate;
  if (input.sessions !== undefined) out.sessions = input.sessions;
  if (input.enrolled !== undefined) out.enrolled = input.enrolled;
  if (input.completed !== undefined) out.completed = input.completed;
  if (input.note !== undefined) out.note = input.note;
  return out;
}

async function findVisible(c: Context<AppEnv>, id: string, scope: string | null) {
  if (!isUuid(id)) throw notFound();
  const [row] = await c.var.deps.database.db.select().from(courses)
    .where(and(eq(courses.id, id), isNull(courses.deletedAt), scope ? eq(courses.organisationId, scope) : undefined))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export const courseRoutes = new Hono<AppEnv>();

courseRoutes
  .get('/', async (c) => {
    const scope = scopeOf(requireStaff(c));
    const q = query(c, ListQuery);
    if (q.from && q.to && q.from > q.to) throw invalid([{ path: 'from', code: 'time-order' }]);
    const organisationId = listOrganisation(scope, q.organisationId);
    if (organisationId === false) return c.json({ items: [] });
    if (q.locationId !== undefined && !isUuid(q.locationId)) return c.json({ items: [] });
    const rows = await c.var.deps.database.db.select().from(courses)
      .where(and(
        isNull(courses.deletedAt),
        organisationId ? eq(courses.organisationId, organisationId) : undefined,
        q.locationId ? eq(courses.locationId, q.locationId) : undefined,
        q.from ? gte(courses.startDate, q.from) : undefined,
        q.to ? lte(courses.startDate, q.to) : undefined,
        q.type ? eq(courses.type, q.type) : undefined,
      ))
      .orderBy(asc(courses.startDate), asc(courses.createdAt), asc(courses.id));
    return c.json({ items: rows.map(presentCourse) });
  })
  .post('/', async (c) => {
    const p = requireStaff(c);
    const input = await body(c, CourseInput);
    const { db } = c.var.deps.database;
    const issues = checkRules(c, input, input);
    const location = await findLiveLocation(db, input.locationId, scopeOf(p));
    if (!location) issues.unshift(unknownId('locationId', input.locationId));
    if (issues.length) throw invalid(issues);
    const organisationId = location!.organisationId;
    const now = c.var.deps.clock();
    const row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(courses).values({
        ...(columns(input) as typeof courses.$inferInsert),
        organisationId,
        createdAt: now,
        updatedAt: now,
      }).returning();
      await audit(tx, { organisationId, entity: 'course', entityId: created.id, action: 'create', actor: p.actor, changes: presentCourse(created), at: now });
      return created;
    });
    c.header('Location', `/api/v1/courses/${row.id}`);
    const presented = presentCourse(row);
    c.header('ETag', etagOf(presented));
    return c.json(presented, 201);
  })
  .get('/:id', async (c) => {
    const scope = scopeOf(requireStaff(c));
    const presented = presentCourse(await findVisible(c, c.req.param('id'), scope));
    c.header('ETag', etagOf(presented));
    return c.json(presented);
  })
  .patch('/:id', async (c) => {
    const p = requireStaff(c);
    const existing = await findVisible(c, c.req.param('id'), scopeOf(p));
    const input = await body(c, CoursePatch);
    const { db } = c.var.deps.database;
    const issues = checkRules(c, input, {
      enrolled: input.enrolled ?? existing.enrolled,
      completed: input.completed !== undefined ? input.completed : existing.completed,
    });
    // A course may move to another location of the same organisation only.
    if (input.locationId !== undefined && !(await findLiveLocation(db, input.locationId, existing.organisationId))) {
      issues.unshift(unknownId('locationId', input.locationId));
    }
    if (issues.length) throw invalid(issues);
    const set = columns(input);
    const ifMatch = ifMatchOf(c);
    const now = c.var.deps.clock();
    const row = await db.transaction(async (tx) => {
      // The row as it is now, locked until the change is stored: If-Match is checked against this one (contract v3).
      const [current] = await tx.select().from(courses)
        .where(and(eq(courses.id, existing.id), isNull(courses.deletedAt))).for('update');
      if (!current) throw notFound();
      const before = presentCourse(current);
      checkIfMatch(ifMatch, etagOf(before));
      if (!Object.keys(set).length) return current;
      const [updated] = await tx.update(courses).set({ ...set, updatedAt: now })
        .where(and(eq(courses.id, existing.id), isNull(courses.deletedAt))).returning();
      if (!updated) throw notFound();
      const { updatedAt: _a, ...after } = presentCourse(updated);
      const { updatedAt: _b, ...was } = before;
      await audit(tx, { organisationId: updated.organisationId, entity: 'course', entityId: updated.id, action: 'update', actor: p.actor, changes: diff(was, after), at: now });
      return updated;
    });
    const presented = presentCourse(row);
    c.header('ETag', etagOf(presented));
    return c.json(presented);
  })
  .delete('/:id', async (c) => {
    const p = requireStaff(c);
    const existing = await findVisible(c, c.req.param('id'), scopeOf(p));
    const ifMatch = ifMatchOf(c);
    const now = c.var.deps.clock();
    await c.var.deps.database.db.transaction(async (tx) => {
      if (ifMatch) {
        const [current] = await tx.select().from(courses)
          .where(and(eq(courses.id, existing.id), isNull(courses.deletedAt))).for('update');
        if (!current) throw notFound();
        checkIfMatch(ifMatch, etagOf(presentCourse(current)));
      }
      const done = await tx.update(courses).set({ deletedAt: now, updatedAt: now })
        .where(and(eq(courses.id, existing.id), isNull(courses.deletedAt))).returning({ id: courses.id });
      if (!done.length) throw notFound();
      await audit(tx, { organisationId: existing.organisationId, entity: 'course', entityId: existing.id, action: 'delete', actor: p.actor, changes: { type: existing.type, startDate: existing.startDate }, at: now });
    });
    return c.body(null, 204);
  });
