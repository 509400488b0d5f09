/**
 * `GET|POST /api/v1/courses`, `GET|PATCH|DELETE /api/v1/courses/:id`: course runs (Digisterker,
 * Klik & Tik, …) per location, with participants enrolled and completed. Not for desk keys. A
 * course belongs to the organisation of its location.
 */
import { Hono, type Context } from 'hono';
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type * as z from 'zod/mini';
import { createCourse, deleteCourse, getCourse, listCourses, updateCourse } from '../../../sdk/operations/courses.js';
import { findPersonalData, personalDataLabel } from '../../../sdk/personal-data.js';
import type { CoursePatch } from '../../../sdk/schemas/resources.js';
import { isUuid } from '../../../sdk/uuid.js';
import { courses } from '../../db/schema.js';
import { scopeOf } from '../../http/auth.js';
import { mount } from '../../http/mount.js';
import { ifMatchOf, jsonWithEtag } from '../../http/etag.js';
import { invalid, type FieldIssue } from '../../http/problem.js';
import { liveResource } from '../../services/crud.js';
import { findLiveLocation, presentCourse, unknownId, listOrganisation } from '../../services/present.js';
import type { AppEnv } from '../../types.js';

const stored = liveResource<typeof courses.$inferSelect>({
  table: courses,
  entity: 'course',
  id: courses.id,
  owner: courses.organisationId,
  ownerOf: (row) => row.organisationId,
  gone: courses.deletedAt,
  touched: courses.updatedAt,
  present: presentCourse,
});

type Fields = z.output<typeof CoursePatch>;

/** Rules beyond the schema, checked on the merged course: codes, completed ≤ enrolled, no personal data in the note. */
function checkRules(c: Context<AppEnv>, input: Fields, merged: { enrolled: number; completed?: number | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.type !== undefined && !c.var.deps.taxonomy.has('courseTypes', input.type))
    issues.push({ path: 'type', code: 'unknown-code', params: { code: input.type, list: 'courseTypes' } });
  if (merged.completed != null && merged.completed > merged.enrolled) {
    issues.push({
      path: input.completed !== undefined ? 'completed' : 'enrolled',
      code: input.completed !== undefined ? 'too-big' : 'too-small',
      params: input.completed !== undefined ? { maximum: merged.enrolled } : { minimum: merged.completed },
    });
  }
  if (input.note) {
    const found = findPersonalData(input.note, { now: c.var.deps.clock() });
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

export const courseRoutes = new Hono<AppEnv>();

mount(courseRoutes, listCourses, async ({ c, caller, query: q }) => {
  if (q.from && q.to && q.from > q.to) throw invalid([{ path: 'from', code: 'time-order' }]);
  const organisationId = listOrganisation(scopeOf(caller), q.organisationId);
  if (organisationId === false) return c.json({ items: [] });
  if (q.locationId !== undefined && !isUuid(q.locationId)) return c.json({ items: [] });
  const rows = await c.var.deps.database.db
    .select()
    .from(courses)
    .where(
      and(
        isNull(courses.deletedAt),
        organisationId ? eq(courses.organisationId, organisationId) : undefined,
        q.locationId ? eq(courses.locationId, q.locationId) : undefined,
        q.from ? gte(courses.startDate, q.from) : undefined,
        q.to ? lte(courses.startDate, q.to) : undefined,
        q.type ? eq(courses.type, q.type) : undefined,
      ),
    )
    .orderBy(asc(courses.startDate), asc(courses.createdAt), asc(courses.id));
  return c.json({ items: rows.map(presentCourse) });
});

mount(courseRoutes, createCourse, async ({ c, caller, body: input }) => {
  const { db } = c.var.deps.database;
  const issues = checkRules(c, input, input);
  const location = await findLiveLocation(db, input.locationId, scopeOf(caller));
  if (!location) issues.unshift(unknownId('locationId', input.locationId));
  if (issues.length) throw invalid(issues);
  const row = await stored.create(
    db,
    { ...columns(input), organisationId: location!.organisationId },
    { actor: caller.actor, at: c.var.deps.clock() },
  );
  c.header('Location', `/api/v1/courses/${row.id}`);
  return jsonWithEtag(c, presentCourse(row), 201);
});

mount(courseRoutes, getCourse, ({ c, row }) => jsonWithEtag(c, presentCourse(row)), { load: stored.load });

mount(
  courseRoutes,
  updateCourse,
  async ({ c, caller, body: input, row: existing }) => {
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
    const updated = await stored.update(db, existing, columns(input), {
      actor: caller.actor,
      at: c.var.deps.clock(),
      ifMatch: ifMatchOf(c),
    });
    return jsonWithEtag(c, presentCourse(updated));
  },
  { load: stored.load },
);

mount(
  courseRoutes,
  deleteCourse,
  async ({ c, caller, row: existing }) => {
    await stored.remove(c.var.deps.database.db, existing, {
      actor: caller.actor,
      at: c.var.deps.clock(),
      changes: { type: existing.type, startDate: existing.startDate },
      ifMatch: ifMatchOf(c),
    });
    return c.body(null, 204);
  },
  { load: stored.load },
);
