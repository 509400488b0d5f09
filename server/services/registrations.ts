/**
 * Registrations (one visit with its questions): the rules a visit must meet, idempotent storage by
 * client id, reading with scopes and keyset pages, corrections, soft deletes and the audit trail.
 * The routes in `server/routes/registrations` stay thin; everything that decides lives here.
 */
import { createHash, randomUUID } from 'node:crypto';
import { isUuid } from '../../sdk/uuid.js';
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type * as z from 'zod/mini';
import { findPersonalData, personalDataLabel } from '../../sdk/personal-data.js';
import { amsterdamInstant } from '../../sdk/opening-hours.js';
import type { Question, RegistrationInput, RegistrationPatch, RegistrationQuery } from '../../sdk/schemas/registration.js';
import type { TaxonomyList } from '../../sdk/schemas/taxonomy.js';
import type { Db } from '../db/client.js';
import { auditLog, questions as questionsTable, registrations } from '../db/schema.js';
import type { Principal } from '../http/auth.js';
import type { Lang } from '../http/messages.js';
import { ApiError, notFound, type FieldIssue } from '../http/problem.js';
import type { Deps } from '../types.js';
import { audit } from './audit.js';
import { queueChanged } from './reports/pending.js';
import type { VisitRow } from './visit-writer.js';

export type Caller = Exclude<Principal, { kind: 'anonymous' }>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type CreateInput = z.output<typeof RegistrationInput>;
export type PatchInput = z.output<typeof RegistrationPatch>;
export type ListQuery = z.output<typeof RegistrationQuery>;

/** Desk clocks drift; a visit stamped a little ahead of the server's clock is not "in the future". */
export const CLOCK_SKEW_MS = 2 * 60_000;
/** Desk keys may read, correct and delete only what was made in this window (contract). */
export const DESK_WINDOW_MS = 24 * 3600_000;
export const LIST_LIMIT_DEFAULT = 50;
/**
 * Backdating is allowed, but not to before the IDOs existed: a typo such as year 0026 would
 * otherwise be stored (and year 0000, which PostgreSQL does not have, would fail as a 500).
 */
export const OCCURRED_MIN = '2000-01-01';

// Whether a string can be given to PostgreSQL as a uuid: anything else must never reach a uuid cast (it would be a 500).
export { isUuid };

/** Ids are compared as PostgreSQL prints them: lower case. */
const normId = (id: string) => (isUuid(id) ? id.toLowerCase() : id);

/** Raw rows from the database or a transaction: postgres-js answers an array, PGlite `{ rows }`. */
async function rowsOf<T>(writer: Db | Tx, query: SQL): Promise<T[]> {
  const out = (await writer.execute(query)) as unknown;
  return (Array.isArray(out) ? out : (out as { rows: T[] }).rows) as T[];
}

// ---------------------------------------------------------------------------------------------
// The shape the API answers with.

export interface StoredQuestion {
  type: string;
  topic: string;
  agencies: string[];
  help: string[];
  referral: { partnerId: string | null; partnerKind: string | null; warm: boolean | null } | null;
  digid: string | null;
}

export interface StoredRegistration {
  id: string;
  organisationId: string;
  locationId: string;
  occurredAt: string;
  channel: string;
  duration: string;
  questions: StoredQuestion[];
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

type RegistrationRow = typeof registrations.$inferSelect;
type QuestionRow = typeof questionsTable.$inferSelect;

/** A question as given (defaults applied) in the one shape used for answers, hashes and diffs. */
export function storedQuestion(q: Question): StoredQuestion {
  return {
    type: q.type,
    topic: q.topic,
    agencies: [...q.agencies],
    help: [...q.help],
    referral: q.referral
      ? {
          partnerId: q.referral.partnerId !== undefined ? normId(q.referral.partnerId) : null,
          partnerKind: q.referral.partnerKind ?? null,
          warm: q.referral.warm ?? null,
        }
      : null,
    digid: q.digid ?? null,
  };
}

function questionFromRow(row: QuestionRow): StoredQuestion {
  // A referral always names a partner or a kind (schema rule), so a row with neither had none.
  const hasReferral = row.referralPartnerId !== null || row.referralPartnerKind !== null;
  return {
    type: row.type,
    topic: row.topic,
    agencies: row.agencies,
    help: row.help,
    referral: hasReferral ? { partnerId: row.referralPartnerId, partnerKind: row.referralPartnerKind, warm: row.referralWarm } : null,
    digid: row.digid,
  };
}

function questionRows(registrationId: string, list: StoredQuestion[]) {
  return list.map((q, position) => ({
    registrationId,
    position,
    type: q.type,
    topic: q.topic,
    agencies: q.agencies,
    help: q.help,
    referralPartnerId: q.referral?.partnerId ?? null,
    referralPartnerKind: q.referral?.partnerKind ?? null,
    referralWarm: q.referral?.warm ?? null,
    digid: q.digid,
  }));
}

function present(row: RegistrationRow, list: StoredQuestion[]): StoredRegistration {
  return {
    id: row.id,
    organisationId: row.organisationId,
    locationId: row.locationId,
    occurredAt: row.occurredAt.toISOString(),
    channel: row.channel,
    duration: row.duration,
    questions: list,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An empty or blank note is no note. */
const normNote = (note: string | null | undefined) => (note && note.trim() ? note : null);

// ---------------------------------------------------------------------------------------------
// Canonical body hash (idempotency).

/** JSON with object keys sorted at every level and undefined dropped, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * SHA-256 of the validated visit in canonical form: defaults applied, the location as resolved for
 * this caller, `occurredAt` as an instant. A missing `occurredAt` is hashed as null, never as "now",
 * so an offline queue that replays the same body an hour later still matches.
 */
export function bodyHash(v: {
  locationId: string;
  occurredAt: Date | null;
  channel: string;
  duration: string;
  questions: StoredQuestion[];
  note: string | null;
}): string {
  const canonical = canonicalJson({
    locationId: v.locationId,
    occurredAt: v.occurredAt ? v.occurredAt.toISOString() : null,
    channel: v.channel,
    duration: v.duration,
    questions: v.questions,
    note: v.note,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Rules beyond the schema.

interface RuleContext {
  deps: Deps;
  lang: Lang;
  now: Date;
}

/** Live locations and partners named in bodies: id → organisation id. */
export interface Refs {
  locations: Map<string, string>;
  partners: Map<string, string>;
}

/** A registration stored under an id a request names. */
interface Existing {
  organisationId: string;
  bodyHash: string;
  deletedAt: Date | string | null;
}

/** uuids as one array parameter (a list of parameters would make a new statement text per length). */
const uuidArray = (ids: string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const uuidsOf = (ids: Iterable<string | null | undefined>) => [...new Set([...ids].filter(isUuid).map(normId))];

/**
 * Looks up, in one query, which of the named locations and partners exist and are not deleted, and
 * what is stored under the named registration ids. Ids that are not uuids are left out (they cannot
 * exist, and must not reach a uuid cast).
 */
async function lookUp(
  db: Db,
  named: {
    locations?: Iterable<string | null | undefined>;
    partners?: Iterable<string | null | undefined>;
    registrations?: Iterable<string>;
  },
) {
  const [loc, part, reg] = [uuidsOf(named.locations ?? []), uuidsOf(named.partners ?? []), uuidsOf(named.registrations ?? [])];
  const refs: Refs = { locations: new Map(), partners: new Map() };
  const existing = new Map<string, Existing>();
  if (!loc.length && !part.length && !reg.length) return { refs, existing };
  const rows = await rowsOf<{
    kind: 'l' | 'p' | 'r';
    id: string;
    organisation_id: string;
    body_hash: string | null;
    deleted_at: Date | string | null;
  }>(
    db,
    sql`
    select 'l' as kind, id::text as id, organisation_id::text as organisation_id, null::text as body_hash, null::timestamptz as deleted_at
      from locations where id = any(${uuidArray(loc)}) and deleted_at is null
    union all select 'p', id::text, organisation_id::text, null, null from partners where id = any(${uuidArray(part)}) and deleted_at is null
    union all select 'r', id::text, organisation_id::text, body_hash, deleted_at from registrations where id = any(${uuidArray(reg)})`,
  );
  for (const r of rows) {
    if (r.kind === 'l') refs.locations.set(r.id, r.organisation_id);
    else if (r.kind === 'p') refs.partners.set(r.id, r.organisation_id);
    else existing.set(r.id, { organisationId: r.organisation_id, bodyHash: r.body_hash!, deletedAt: r.deleted_at });
  }
  return { refs, existing };
}

/** Which of the named locations and partners exist and are not deleted (one query). */
export async function loadRefs(
  db: Db,
  locationIds: Iterable<string | null | undefined>,
  partnerIds: Iterable<string | null | undefined>,
): Promise<Refs> {
  return (await lookUp(db, { locations: locationIds, partners: partnerIds })).refs;
}

const partnerIdsOf = (list: readonly Question[] | undefined) => (list ?? []).map((q) => q.referral?.partnerId);

function codeIssue(issues: FieldIssue[], deps: Deps, list: TaxonomyList, code: string | undefined, path: string) {
  if (code !== undefined && !deps.taxonomy.has(list, code)) issues.push({ path, code: 'unknown-code', params: { code, list } });
}

/** Every code must exist in the current value lists; each unknown one is reported at its dotted path. */
function checkCodes(issues: FieldIssue[], deps: Deps, v: { channel?: string; duration?: string; questions?: readonly Question[] }) {
  codeIssue(issues, deps, 'channels', v.channel, 'channel');
  codeIssue(issues, deps, 'durations', v.duration, 'duration');
  (v.questions ?? []).forEach((q, i) => {
    const at = `questions.${i}`;
    codeIssue(issues, deps, 'questionTypes', q.type, `${at}.type`);
    codeIssue(issues, deps, 'topics', q.topic, `${at}.topic`);
    q.agencies.forEach((code, j) => {
      codeIssue(issues, deps, 'agencies', code, `${at}.agencies.${j}`);
    });
    q.help.forEach((code, j) => {
      codeIssue(issues, deps, 'help', code, `${at}.help.${j}`);
    });
    codeIssue(issues, deps, 'digid', q.digid, `${at}.digid`);
    codeIssue(issues, deps, 'partnerKinds', q.referral?.partnerKind, `${at}.referral.partnerKind`);
  });
}

/**
 * A referral's partner must be a live partner of the visit's organisation. When the organisation
 * is not known (a national user named an unknown location) only partners that do not exist at all
 * are reported, so the answer never depends on another organisation's data.
 */
function checkPartners(issues: FieldIssue[], refs: Refs, organisationId: string | null, list: readonly Question[] | undefined) {
  (list ?? []).forEach((q, i) => {
    const id = q.referral?.partnerId;
    if (id === undefined) return;
    const owner = isUuid(id) ? refs.partners.get(normId(id)) : undefined;
    if (owner === undefined || (organisationId !== null && owner !== organisationId)) {
      issues.push({ path: `questions.${i}.referral.partnerId`, code: 'unknown-id', params: { id } });
    }
  });
}

function checkTime(issues: FieldIssue[], occurredAt: Date | null, now: Date) {
  if (!occurredAt) return;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) issues.push({ path: 'occurredAt', code: 'future' });
  else if (occurredAt.getTime() < amsterdamInstant(OCCURRED_MIN, '00:00').getTime())
    issues.push({ path: 'occurredAt', code: 'too-small', params: { minimum: OCCURRED_MIN } });
}

/**
 * Personal data in the note: one issue per kind found (two phone numbers are one problem to fix),
 * with the kind named in the request's language because the message template only fills in `{kind}`.
 */
function checkNote(issues: FieldIssue[], note: string | null | undefined, lang: Lang, now: Date) {
  if (!note) return;
  // Characters PostgreSQL cannot store were refused with every other text (server/http/characters.ts).
  const kinds = new Set(findPersonalData(note, { now }).map((m) => m.kind));
  for (const kind of kinds) issues.push({ path: 'note', code: 'personal-data', params: { kind: personalDataLabel(kind, lang) } });
}

/** A date-time from the schema as an instant; the schema's pattern already refuses impossible dates. */
function instant(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// ---------------------------------------------------------------------------------------------
// Creating.

/** A validated-by-schema visit, with its location resolved for the caller and its hash. */
interface Draft {
  id: string;
  /** The client gave the id, so the request is idempotent. */
  clientId: boolean;
  locationId: string | null;
  occurredAt: Date | null;
  channel: string;
  duration: string;
  questions: StoredQuestion[];
  input: CreateInput;
  note: string | null;
  bodyHash: string | null;
}

function draftOf(caller: Caller, input: CreateInput): Draft {
  // A desk key bound to a location registers there unless it names one (which is then checked).
  const named = input.locationId !== undefined ? normId(input.locationId) : null;
  const locationId = named ?? (caller.kind === 'desk' ? caller.locationId : null);
  const occurredAt = instant(input.occurredAt);
  const list = input.questions.map(storedQuestion);
  const note = normNote(input.note);
  return {
    id: input.id ? input.id.toLowerCase() : randomUUID(),
    clientId: input.id !== undefined,
    locationId,
    occurredAt,
    channel: input.channel,
    duration: input.duration,
    questions: list,
    input,
    note,
    bodyHash: locationId
      ? bodyHash({ locationId, occurredAt, channel: input.channel, duration: input.duration, questions: list, note })
      : null,
  };
}

/** Checks every rule of a new visit, collecting all issues; returns the organisation it belongs to when it passes. */
function checkCreate(caller: Caller, draft: Draft, refs: Refs, ctx: RuleContext): { issues: FieldIssue[]; organisationId: string | null } {
  const issues: FieldIssue[] = [];
  const named = draft.input.locationId;
  let organisationId: string | null = caller.kind === 'user' && caller.role === 'national' ? null : caller.organisationId;
  if (!draft.locationId) {
    issues.push({ path: 'locationId', code: 'location-required' });
  } else {
    const owner = refs.locations.get(draft.locationId);
    const boundElsewhere = caller.kind === 'desk' && caller.locationId !== null && draft.locationId !== caller.locationId;
    if (owner === undefined || boundElsewhere || (organisationId !== null && owner !== organisationId)) {
      issues.push({ path: 'locationId', code: 'unknown-id', params: { id: named ?? draft.locationId } });
    } else {
      organisationId = owner;
    }
  }
  checkTime(issues, draft.occurredAt, ctx.now);
  checkCodes(issues, ctx.deps, draft.input);
  checkPartners(issues, refs, organisationId, draft.input.questions);
  checkNote(issues, draft.note, ctx.lang, ctx.now);
  return { issues, organisationId: issues.length ? null : organisationId };
}

export type CreateStatus = 'created' | 'duplicate' | 'conflict' | 'invalid';

export interface CreateResult {
  id: string | null;
  status: CreateStatus;
  issues?: FieldIssue[];
  /** Filled for 'created', and for 'duplicate' when asked for. */
  registration?: StoredRegistration;
}

/** One item for `createRegistrations`: a schema-valid input, or the schema's issues. */
export type CreateItem = { input: CreateInput } | { issues: FieldIssue[]; id: string | null };

/**
 * Whether a stored row with the same id is this very visit again. Another organisation's row, a
 * deleted one, or other content is a conflict; nothing about the other row is revealed.
 */
function isReplay(existing: Existing, caller: Caller, draft: Draft): boolean {
  const scope = caller.kind === 'user' && caller.role === 'national' ? null : caller.organisationId;
  return existing.deletedAt === null && existing.bodyHash === draft.bodyHash && (scope === null || existing.organisationId === scope);
}

/** Visits per insert statement in a batch: one commit (one disk flush) per chunk instead of per visit, short enough not to hold up other requests. */
const INSERT_CHUNK = 50;

/**
 * Creates visits in order, each judged on its own: a replay of a stored visit is a duplicate, a
 * visit that breaks a rule is invalid (every issue listed), an id taken by other content (or by a
 * deleted visit, or another organisation) is a conflict. Lookups (existing ids, locations,
 * partners) are one query for all items. The visits are then stored by one atomic statement per
 * {@link INSERT_CHUNK} (registrations, questions, audit entries, the reports' queue); each id is
 * claimed with `insert … on conflict (id) do nothing`, so concurrent requests with one id store one
 * row, and a loser reads the winner back and compares body hashes.
 *
 * Should a chunk fail on something unexpected, nothing of it is stored and the request fails; that
 * is safe because every item is idempotent by id, so the client's retry stores the rest without doubles.
 */
export async function createRegistrations(
  deps: Deps,
  caller: Caller,
  items: CreateItem[],
  lang: Lang,
  options: { loadDuplicates?: boolean } = {},
): Promise<CreateResult[]> {
  const { db } = deps.database;
  const drafts = items.map((item) => ('input' in item ? draftOf(caller, item.input) : null));
  const live = drafts.filter((d): d is Draft => d !== null);
  const { existing, refs } = await lookUp(db, {
    locations: live.map((d) => d.locationId),
    partners: live.flatMap((d) => partnerIdsOf(d.input.questions)),
    registrations: live.filter((d) => d.clientId).map((d) => d.id),
  });
  const now = deps.clock();
  const ctx: RuleContext = { deps, lang, now };
  const results: CreateResult[] = [];
  const toInsert: { index: number; draft: Draft; organisationId: string }[] = [];

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const draft = drafts[i];
    if (!draft) {
      results.push({ id: 'issues' in item ? item.id : null, status: 'invalid', issues: (item as { issues: FieldIssue[] }).issues });
      continue;
    }
    const before = existing.get(draft.id);
    // A replay is answered from what is stored, before the rules: it passed them when it was made,
    // and an offline queue must not be stuck on a rule that changed since (a deleted location).
    if (before && isReplay(before, caller, draft)) {
      results.push({ id: draft.id, status: 'duplicate' });
      continue;
    }
    const checked = checkCreate(caller, draft, refs, ctx);
    if (checked.issues.length) {
      results.push({ id: draft.id, status: 'invalid', issues: checked.issues });
      continue;
    }
    if (before) {
      results.push({ id: draft.id, status: 'conflict' });
      continue;
    }
    // Claimed here already, so the same id later in this batch is judged against this item.
    existing.set(draft.id, { organisationId: checked.organisationId!, bodyHash: draft.bodyHash!, deletedAt: null });
    results.push({ id: draft.id, status: 'created' });
    toInsert.push({ index: i, draft, organisationId: checked.organisationId! });
  }

  for (let start = 0; start < toInsert.length; start += INSERT_CHUNK) {
    const chunk = toInsert.slice(start, start + INSERT_CHUNK);
    const stored = await insertVisits(db, deps, caller, chunk, now);
    const lost = chunk.filter(({ draft }) => !stored.has(draft.id));
    for (const { index, draft } of chunk) results[index].registration = stored.get(draft.id);
    if (!lost.length) continue;
    // Lost a race: another request stored these ids after our look-up. Its transaction has
    // committed (the insert waited for it), so this query sees its rows.
    const { existing: winners } = await lookUp(db, { registrations: lost.map(({ draft }) => draft.id) });
    for (const { index, draft } of lost) {
      const winner = winners.get(draft.id);
      results[index].status = winner && isReplay(winner, caller, draft) ? 'duplicate' : 'conflict';
    }
  }

  if (options.loadDuplicates) {
    for (const r of results) if (r.status === 'duplicate' && r.id) r.registration = (await loadRegistration(db, r.id))?.registration;
  }
  return results;
}

/** Stores visits (`Deps.visitWriter`: one statement) and answers those stored, by id. */
async function insertVisits(
  db: Db,
  deps: Deps,
  caller: Caller,
  visits: { draft: Draft; organisationId: string }[],
  now: Date,
): Promise<Map<string, StoredRegistration>> {
  const presented = new Map<string, StoredRegistration>();
  const rows = visits.map(({ draft, organisationId }): VisitRow => {
    const row: RegistrationRow = {
      id: draft.id,
      organisationId,
      locationId: draft.locationId!,
      occurredAt: draft.occurredAt ?? now,
      channel: draft.channel,
      duration: draft.duration,
      note: draft.note,
      taxonomyVersion: deps.taxonomy.current(),
      bodyHash: draft.bodyHash!,
      createdBy: caller.actor,
      // From the injected clock, not the database's now(): the desk's 24-hour window is measured by it.
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    const registration = present(row, draft.questions);
    presented.set(row.id, registration);
    return {
      id: row.id,
      organisation_id: organisationId,
      location_id: row.locationId,
      occurred_at: row.occurredAt.toISOString(),
      channel: row.channel,
      duration: row.duration,
      note: row.note,
      taxonomy_version: row.taxonomyVersion,
      body_hash: row.bodyHash,
      created_by: row.createdBy,
      created_at: now.toISOString(),
      questions: questionRows(row.id, draft.questions).map(({ registrationId: _, ...q }) => q),
      audit: registration,
      queue: deps.reports.keepAggregates,
    };
  });
  const claimed = await deps.visitWriter.insert(db, rows);
  return new Map([...claimed].map((id) => [id, presented.get(id)!]));
}

// ---------------------------------------------------------------------------------------------
// Reading.

async function questionsOf(db: Db | Tx, ids: string[]): Promise<Map<string, StoredQuestion[]>> {
  const out = new Map<string, StoredQuestion[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db
    .select()
    .from(questionsTable)
    .where(inArray(questionsTable.registrationId, ids))
    .orderBy(asc(questionsTable.registrationId), asc(questionsTable.position));
  for (const r of rows) out.get(r.registrationId)!.push(questionFromRow(r));
  return out;
}

/** A registration by id, deleted or not, with its questions; null when there is none. The id must be a uuid. */
export async function loadRegistration(db: Db, id: string): Promise<{ row: RegistrationRow; registration: StoredRegistration } | null> {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id)).limit(1);
  if (!row) return null;
  const list = (await questionsOf(db, [row.id])).get(row.id)!;
  return { row, registration: present(row, list) };
}

/** Whether the caller may see this row at all: its organisation, and for desk keys its location and the last 24 hours. */
export function canAccess(caller: Caller, row: Pick<RegistrationRow, 'organisationId' | 'locationId' | 'createdAt'>, now: Date): boolean {
  if (caller.kind === 'user' && caller.role === 'national') return true;
  if (row.organisationId !== caller.organisationId) return false;
  if (caller.kind !== 'desk') return true;
  if (caller.locationId !== null && row.locationId !== caller.locationId) return false;
  return row.createdAt.getTime() >= now.getTime() - DESK_WINDOW_MS;
}

/**
 * A live registration the caller may see, or a 404 for anything else: a malformed id, another
 * organisation's, a deleted one, or (for a desk key) one outside its location or window.
 */
export async function getRegistration(deps: Deps, caller: Caller, id: string): Promise<StoredRegistration> {
  if (!isUuid(id)) throw notFound();
  const found = await loadRegistration(deps.database.db, id.toLowerCase());
  if (!found || found.row.deletedAt || !canAccess(caller, found.row, deps.clock())) throw notFound();
  return found.registration;
}

const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T00:00:00Z');

/** The keyset cursor: the last item's occurredAt and id, base64url, opaque to clients. */
export function encodeCursor(occurredAt: Date, id: string): string {
  return Buffer.from(`${occurredAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one we made is a 400 (a query string we cannot read). */
export function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const bad = () =>
    new ApiError('bad-request', {
      detail: { nl: 'De cursor is ongeldig. Begin opnieuw zonder cursor.', en: 'The cursor is not valid. Start again without a cursor.' },
    });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(at ?? '');
  if (rest.length || !isUuid(id) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at ?? '') || Number.isNaN(occurredAt.getTime()))
    throw bad();
  return { occurredAt, id: id.toLowerCase() };
}

/**
 * A page of registrations, newest first by (occurredAt, id), in the caller's scope: their
 * organisation; everything for national users; for desk keys only their location (when bound)
 * and only what was made in the last 24 hours. `from`/`to` are inclusive Amsterdam dates.
 */
export async function listRegistrations(
  deps: Deps,
  caller: Caller,
  q: ListQuery,
): Promise<{ items: StoredRegistration[]; nextCursor: string | null }> {
  const { db } = deps.database;
  const limit = q.limit ?? LIST_LIMIT_DEFAULT;
  const cursor = q.cursor !== undefined ? decodeCursor(q.cursor) : null;
  if (q.from && q.to && q.from > q.to) throw new ApiError('validation', { issues: [{ path: 'to', code: 'time-order' }] });
  const empty = { items: [], nextCursor: null };
  const where: SQL[] = [isNull(registrations.deletedAt)];
  if (!(caller.kind === 'user' && caller.role === 'national')) where.push(eq(registrations.organisationId, caller.organisationId!));
  if (caller.kind === 'desk') {
    if (caller.locationId !== null) where.push(eq(registrations.locationId, caller.locationId));
    where.push(gte(registrations.createdAt, new Date(deps.clock().getTime() - DESK_WINDOW_MS)));
  }
  if (q.locationId !== undefined) {
    if (!isUuid(q.locationId)) return empty; // cannot exist; never cast it
    where.push(eq(registrations.locationId, q.locationId.toLowerCase()));
  }
  // Clamped to what PostgreSQL can hold, so that from=0000-01-01 or to=9999-12-31 are no 500.
  if (q.from) where.push(gte(registrations.occurredAt, new Date(Math.max(amsterdamInstant(q.from, '00:00').getTime(), EARLIEST))));
  if (q.to) where.push(lt(registrations.occurredAt, new Date(Math.min(amsterdamInstant(q.to, '24:00').getTime(), LATEST))));
  if (q.topic) {
    where.push(
      sql`exists (select 1 from ${questionsTable} where ${questionsTable.registrationId} = ${registrations.id} and ${questionsTable.topic} = ${q.topic})`,
    );
  }
  if (cursor) {
    where.push(
      sql`(${registrations.occurredAt}, ${registrations.id}) < (${cursor.occurredAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(registrations)
    .where(and(...where))
    .orderBy(desc(registrations.occurredAt), desc(registrations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const lists = await questionsOf(
    db,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) => present(r, lists.get(r.id)!)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Correcting and deleting.

/** The live row, locked for this transaction, when the caller may touch it; a 404 otherwise. */
async function lockForChange(tx: Tx, caller: Caller, id: string, now: Date): Promise<RegistrationRow> {
  if (!isUuid(id)) throw notFound();
  const [row] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, id.toLowerCase()), isNull(registrations.deletedAt)))
    .limit(1)
    .for('update');
  if (!row || !canAccess(caller, row, now)) throw notFound();
  return row;
}

/**
 * Applies a correction: top-level fields merged, `questions` replaced whole, `note: null` clears.
 * Only the fields given are checked against the rules (an old visit with a retired code can still
 * have its duration corrected). The audit entry holds before and after of each changed field.
 * The body hash is kept: it identifies the original create, so an offline queue replaying that
 * create after a correction gets a 200, not a conflict.
 */
export async function patchRegistration(
  deps: Deps,
  caller: Caller,
  id: string,
  patch: PatchInput,
  lang: Lang,
): Promise<StoredRegistration> {
  if (!isUuid(id)) throw notFound();
  const now = deps.clock();
  const { db } = deps.database;
  const refs = await loadRefs(db, [patch.locationId], partnerIdsOf(patch.questions));
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, caller, id, now);
    const current = present(row, (await questionsOf(tx, [row.id])).get(row.id)!);

    const issues: FieldIssue[] = [];
    let locationId = row.locationId;
    if (patch.locationId !== undefined) {
      const wanted = normId(patch.locationId);
      const owner = isUuid(wanted) ? refs.locations.get(wanted) : undefined;
      const boundElsewhere = caller.kind === 'desk' && caller.locationId !== null && wanted !== caller.locationId;
      // A visit stays with its organisation: it may move only to another of that organisation's locations.
      if (owner !== row.organisationId || boundElsewhere)
        issues.push({ path: 'locationId', code: 'unknown-id', params: { id: patch.locationId } });
      else locationId = wanted;
    }
    const occurredAt = patch.occurredAt !== undefined ? instant(patch.occurredAt) : row.occurredAt;
    if (patch.occurredAt !== undefined) checkTime(issues, occurredAt, now);
    checkCodes(issues, deps, { channel: patch.channel, duration: patch.duration, questions: patch.questions });
    checkPartners(issues, refs, row.organisationId, patch.questions);
    if (patch.note !== undefined) checkNote(issues, patch.note, lang, now);
    if (issues.length) throw new ApiError('validation', { issues });

    const next = {
      locationId,
      occurredAt: (occurredAt ?? row.occurredAt).toISOString(),
      channel: patch.channel ?? row.channel,
      duration: patch.duration ?? row.duration,
      questions: patch.questions ? patch.questions.map(storedQuestion) : current.questions,
      note: patch.note !== undefined ? normNote(patch.note) : row.note,
    };
    // `{ field: { from, to } }`, the shape every resource's audit trail uses (services/audit.ts).
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (canonicalJson(next[key]) !== canonicalJson(current[key])) changes[key] = { from: current[key], to: next[key] };
    }
    if (!Object.keys(changes).length) return current; // nothing changed: no write, no audit noise
    // The reports: the visit as the aggregates hold it, queued before it changes (a note is not counted).
    if (deps.reports.keepAggregates && Object.keys(changes).some((key) => key !== 'note')) {
      await queueChanged(tx, row.id, { ...row, questions: current.questions });
    }

    const [updated] = await tx
      .update(registrations)
      .set({
        locationId: next.locationId,
        occurredAt: new Date(next.occurredAt),
        channel: next.channel,
        duration: next.duration,
        note: next.note,
        updatedAt: now,
      })
      .where(eq(registrations.id, row.id))
      .returning();
    if (changes.questions) {
      await tx.delete(questionsTable).where(eq(questionsTable.registrationId, row.id));
      await tx.insert(questionsTable).values(questionRows(row.id, next.questions));
    }
    await audit(tx, {
      organisationId: row.organisationId,
      entity: 'registration',
      entityId: row.id,
      action: 'update',
      actor: caller.actor,
      at: now,
      changes,
    });
    return present(updated, next.questions);
  });
}

/**
 * Soft-deletes: the row stays (with `deleted_at`) so its id can never be reused for other
 * content, and the audit trail keeps who deleted it. Reports and lists leave it out.
 */
export async function deleteRegistration(deps: Deps, caller: Caller, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const now = deps.clock();
  await deps.database.db.transaction(async (tx) => {
    const row = await lockForChange(tx, caller, id, now);
    if (deps.reports.keepAggregates) await queueChanged(tx, row.id, { ...row, questions: (await questionsOf(tx, [row.id])).get(row.id)! });
    await tx.update(registrations).set({ deletedAt: now, updatedAt: now }).where(eq(registrations.id, row.id));
    await audit(tx, {
      organisationId: row.organisationId,
      entity: 'registration',
      entityId: row.id,
      action: 'delete',
      actor: caller.actor,
      at: now,
      changes: { deletedAt: now.toISOString() },
    });
  });
}

/**
 * The audit trail of a registration in its organisation, oldest first. It stays readable after a
 * delete (that is when it matters most); another organisation's id is a 404.
 */
export async function auditTrail(deps: Deps, caller: Caller, id: string) {
  if (!isUuid(id)) throw notFound();
  const { db } = deps.database;
  const [row] = await db
    .select({ organisationId: registrations.organisationId })
    .from(registrations)
    .where(eq(registrations.id, id.toLowerCase()))
    .limit(1);
  const scope = caller.kind === 'user' && caller.role === 'national' ? null : caller.organisationId;
  if (!row || (scope !== null && row.organisationId !== scope)) throw notFound();
  const entries = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'registration'), eq(auditLog.entityId, id.toLowerCase())))
    .orderBy(asc(auditLog.id)); // write order, even if clocks disagree
  return { items: entries.map((e) => ({ at: e.at.toISOString(), action: e.action, actor: e.actor, changes: e.changes ?? null })) };
}
