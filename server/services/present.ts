/**
 * Stored rows → the API's shapes (the sdk schemas), and the tenant-safe look-ups the resource routes
 * share: ids that are not UUIDs are never sent to the database, another organisation's rows are
 * "not found".
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Location } from '../../sdk/schemas/location.js';
import type { Course, Organisation, Partner, User } from '../../sdk/schemas/resources.js';
import { isUuid } from '../../sdk/uuid.js';
import type { Db } from '../db/client.js';
import { courses, locations, organisations, partners, users } from '../db/schema.js';
import { organisationForCreate, type Principal } from '../http/auth.js';
import { ApiError, invalid, type FieldIssue } from '../http/problem.js';

export { presentKey } from './accounts.js';

export { isUuid };

const iso = (d: Date) => d.toISOString();

export function presentLocation(row: typeof locations.$inferSelect): Location {
  const address = row.address as Record<string, string | undefined>;
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    address: {
      street: address.street ?? '',
      postcode: address.postcode ?? '',
      city: address.city ?? '',
      municipality: row.municipality ?? null,
      province: row.province ?? null,
    },
    coordinates: { lat: row.lat, lon: row.lon },
    walkInHours: row.walkInHours,
    openingHours: row.openingHours,
    exceptions: row.exceptions as Location['exceptions'],
    closedOnHolidays: row.closedOnHolidays,
    accessibility: row.accessibility,
    contact: row.contact,
    variant: row.variant,
    insideLibrary: row.insideLibrary,
    languages: row.languages,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPartner(row: typeof partners.$inferSelect): Partner {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name,
    kind: row.kind,
    topics: row.topics,
    spreekuur: row.spreekuur,
    address: row.address,
    contact: row.contact,
    description: row.description,
    locationIds: row.locationIds,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentCourse(row: typeof courses.$inferSelect): Course {
  return {
    id: row.id,
    organisationId: row.organisationId,
    locationId: row.locationId,
    type: row.type,
    startDate: row.startDate,
    sessions: row.sessions,
    enrolled: row.enrolled,
    completed: row.completed,
    note: row.note,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentOrganisation(row: typeof organisations.$inferSelect): Organisation {
  return { id: row.id, name: row.name, municipality: row.municipality, province: row.province, createdAt: iso(row.createdAt) };
}

/** Never the password hash. */
export function presentUser(row: typeof users.$inferSelect): User {
  return { id: row.id, email: row.email, role: row.role, organisationId: row.organisationId, createdAt: iso(row.createdAt) };
}

// ---------------------------------------------------------------------------------------------
// Look-ups

export const unknownId = (path: string, id: unknown): FieldIssue => ({ path, code: 'unknown-id', params: { id: String(id) } });

/** A live (not deleted) location, limited to one organisation unless `scope` is null (national). */
export async function findLiveLocation(db: Db, id: string, scope: string | null) {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(locations)
    .where(and(eq(locations.id, id), isNull(locations.deletedAt), scope ? eq(locations.organisationId, scope) : undefined))
    .limit(1);
  return row;
}

/** Which of the ids are live locations of the organisation. */
export async function liveLocationIds(db: Db, ids: string[], organisationId: string): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (!wanted.length) return new Set();
  const rows = await db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.organisationId, organisationId), isNull(locations.deletedAt)));
  const live = new Set(rows.map((r) => r.id));
  return new Set(wanted.filter((id) => live.has(id)));
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows.length > 0;
}

/**
 * The organisation a new resource belongs to (see `organisationForCreate`), checked to exist when a
 * national user names it: 422 `unknown-id` at `organisationId` otherwise.
 */
export async function organisationOfNew(
  db: Db,
  p: Exclude<Principal, { kind: 'anonymous' }>,
  named: string | undefined | null,
): Promise<string> {
  const organisationId = organisationForCreate(p, named);
  if (named && !(await organisationExists(db, organisationId))) throw invalid([unknownId('organisationId', named)]);
  return organisationId;
}

/**
 * Runs a check that throws a 422, adding its field errors to `issues` instead, so that one answer
 * lists every broken field. Other errors pass through.
 */
export async function gather<T>(issues: FieldIssue[], check: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof ApiError && error.type === 'validation' && error.issues) {
      issues.push(...error.issues);
      return undefined;
    }
    throw error;
  }
}

/** Whether a database error is a unique-constraint violation (either driver, wrapped by drizzle or not). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** A 409 with a sentence saying what collides. */
export const conflict = (detail: { nl: string; en: string }) => new ApiError('conflict', { detail });

/**
 * The organisation a list is filtered to: the caller's own (coordinators, secret keys), the one a
 * national user names, or null for all. `false` when the filter can match nothing (another
 * organisation's id, or no id at all): the list is then empty, never an error.
 */
export function listOrganisation(scope: string | null, requested: string | undefined): string | null | false {
  if (requested !== undefined && (!isUuid(requested) || (scope && requested !== scope))) return false;
  return scope ?? requested ?? null;
}
