/**
 * Imports of earlier registrations from a CSV or XLSX file: the import record, the checks, storing in
 * chunks with progress, dry runs, and reading an import back.
 *
 * Reading the file and turning rows into visits is `import-parse.ts` (no I/O). Every visit is then
 * judged and stored by `createRegistrations` (`services/registrations.ts`), the same rules and the
 * same storage as `POST /api/v1/registrations/batch`: this file holds no copy of those rules.
 *
 * Idempotency: each visit's id is derived (uuid v5-style, from SHA-256) from the organisation, the
 * visit's canonical content (the body hash the registrations service uses) and how many identical
 * visits came before it in the file. Importing the same file again finds every id stored with the same
 * content: all duplicates, nothing added.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql, TransactionRollbackError } from 'drizzle-orm';
import { RegistrationInput } from '../../sdk/schemas/registration.js';
import type { Db } from '../db/client.js';
import { imports, locations, partners } from '../db/schema.js';
import { fieldMessage, type Lang } from '../http/messages.js';
import { ApiError, notFound, problemBody, type FieldIssue } from '../http/problem.js';
import { check, tryCheck } from '../http/validate.js';
import type { Deps } from '../types.js';
import {
  ImportFileError,
  ImportMapping,
  codeLookup,
  describePlan,
  planColumns,
  planVisits,
  readTable,
  type Lookups,
  type RowError,
  type Table,
} from './import-parse.js';
import {
  bodyHash,
  canonicalJson,
  createRegistrations,
  isUuid,
  storedQuestion,
  type Caller,
  type CreateInput,
  type CreateItem,
  type CreateResult,
} from './registrations.js';

/** Visits per chunk: progress is written after each. */
export const IMPORT_CHUNK = 100;
/** Up to this many visits the request waits for the import (201); larger imports run on after a 202. */
export const SYNC_MAX_VISITS = 2_000;

export type ImportStatus = 'dry-run' | 'running' | 'done' | 'failed';
type ImportRow = typeof imports.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Messages of the import's own error codes (the contract's codes use `server/http/messages.ts`).

const MESSAGES: Record<string, { nl: string; en: string }> = {
  'unknown-column': { nl: 'Het bestand heeft geen kolom "{column}".', en: 'The file has no column "{column}".' },
  'column-required': {
    nl: 'Geef aan welke kolom "{field}" bevat (mapping.columns.{field}), of geef een standaardwaarde (mapping.defaults).',
    en: 'Say which column holds "{field}" (mapping.columns.{field}), or give a default (mapping.defaults).',
  },
  'column-skipped': {
    nl: 'De kolom "{column}" is geen onderwerp en wordt overgeslagen.',
    en: 'The column "{column}" is not a topic and is skipped.',
  },
  'unknown-code': {
    nl: 'Onbekende waarde "{code}" (lijst {list}). Gebruik een code of omschrijving uit de lijst, of vertaal hem in mapping.values.',
    en: 'Unknown value "{code}" (list {list}). Use a code or label from the list, or translate it in mapping.values.',
  },
  'invalid-date': {
    nl: 'Deze datum kunnen we niet lezen. Gebruik bijvoorbeeld 28-11-2026 of 2026-11-28 10:15.',
    en: 'This date cannot be read. Use for example 28-11-2026 or 2026-11-28 10:15.',
  },
  'invalid-time': {
    nl: 'Deze tijd kunnen we niet lezen. Gebruik bijvoorbeeld 10:15.',
    en: 'This time cannot be read. Use for example 10:15.',
  },
  'unknown-location': {
    nl: 'De locatie "{id}" bestaat niet in uw organisatie.',
    en: 'The location "{id}" does not exist in your organisation.',
  },
  'ambiguous-location': {
    nl: 'Er zijn meer locaties met de naam "{id}". Gebruik het id van de locatie.',
    en: 'More than one location is called "{id}". Use the location\'s id.',
  },
  'unknown-partner': {
    nl: 'De partner "{id}" bestaat niet in uw organisatie.',
    en: 'The partner "{id}" does not exist in your organisation.',
  },
  'invalid-count': {
    nl: '"{value}" is geen aantal. Gebruik een heel getal, 0 of meer.',
    en: '"{value}" is not a count. Use a whole number, 0 or more.',
  },
  'count-in-visit': {
    nl: 'Een aantal kan niet bij een bezoek met meer rijen: laat het aantal weg of maak het 1.',
    en: 'A count cannot go with a visit of several rows: leave it out or make it 1.',
  },
  'visit-skipped': {
    nl: 'Overgeslagen: rij {rows} van hetzelfde bezoek heeft een fout.',
    en: 'Skipped: row {rows} of the same visit has an error.',
  },
  conflict: {
    nl: 'Dit bezoek is al eerder geïmporteerd en daarna verwijderd; het wordt niet opnieuw opgeslagen.',
    en: 'This visit was imported before and deleted since; it is not stored again.',
  },
  internal: {
    nl: 'De import is afgebroken door een fout bij ons. Importeer het bestand opnieuw: wat al is opgeslagen, komt er niet dubbel in.',
    en: 'The import stopped because of an error on our side. Import the file again: what was stored already is not stored twice.',
  },
};

function message(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const own = MESSAGES[code];
  return own ? own[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : fieldMessage(code, lang, params);
}

/** A message of the import's own codes or, for the contract's codes, the API's wording. */
export function importMessage(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  return message(code, lang, params);
}

/** A row error as the API answers it: `{ row, path, column?, code, message }`. */
export function renderError(e: RowError, lang: Lang) {
  const text = message(e.code, lang, e.params);
  return {
    row: e.row,
    path: e.path,
    ...(e.column ? { column: e.column } : {}),
    code: e.code,
    message: e.column ? `${lang === 'nl' ? 'Kolom' : 'Column'} "${e.column}": ${text}` : text,
  };
}

// ---------------------------------------------------------------------------------------------
// Preparing: the file read, its columns understood, each visit made ready with its id.

export interface ImportRequest {
  organisationId: string;
  /** Who asks; a national user acts as the organisation's coordinator. */
  caller: Caller;
  fileName: string | null;
  bytes: Uint8Array;
  /** The `mapping` JSON (already parsed), or undefined to guess from the header. */
  mapping?: unknown;
  /** A location (id or name) for rows that name none. */
  defaultLocationId?: string;
  lang: Lang;
}

interface ReadyVisit {
  row: number;
  questionRows: number[];
  input: { input: CreateInput };
  questions: number;
  /** Only judged, never stored: rows with errors, with stand-ins for `ignore` (row → fields). */
  probe?: Record<number, string[]>;
}

export interface PreparedImport {
  organisationId: string;
  caller: Caller;
  fileName: string | null;
  fileHash: string;
  /** Data rows in the file. */
  rows: number;
  /** The mapping as applied (guessed or given). */
  mapping: Record<string, unknown>;
  visits: ReadyVisit[];
  /** Row errors found before storing (unreadable values, unknown labels, other organisations' locations). */
  errors: RowError[];
  header: string[];
  columns: Partial<Record<string, number>>;
}

export { ImportFileError };

/**
 * The 422 problem document of a file that cannot be imported as a whole (unreadable, or columns not
 * understood), with the import's own field messages.
 */
export function fileProblemBody(error: ImportFileError, lang: Lang) {
  return {
    ...problemBody(new ApiError('validation', { detail: error.detail }), lang),
    errors: error.issues.map((i) => ({ path: i.path, code: i.code, message: message(i.code, lang, i.params) })),
  };
}

/**
 * Reads, understands and checks the file; nothing is written. Throws `ImportFileError` for a file
 * that cannot be imported at all (see `fileProblemBody`), a 422 `ApiError` for a mapping that breaks its schema.
 */
export async function prepareImport(deps: Deps, req: ImportRequest): Promise<PreparedImport> {
  const mapping = req.mapping === undefined ? undefined : check(ImportMapping, req.mapping, ['mapping']);
  const lookups = await loadLookups(deps, req.organisationId);
  const table: Table = await readTable(req.bytes);
  const plan = planColumns(table, mapping, lookups, { defaultLocationId: req.defaultLocationId });
  const planned = planVisits(table, plan, lookups);

  const caller = actingFor(req.caller, req.organisationId);
  const errors = [...planned.errors];
  const seen = new Map<string, number>();
  const visits: ReadyVisit[] = [];
  for (const v of planned.visits) {
    const ignore = v.probe?.ignore;
    const parsed = tryCheck(RegistrationInput, v.input);
    if (!parsed.data) {
      for (const issue of parsed.issues) {
        const e = rowErrorOf(issue, v, table.header, plan.columns);
        if (!ignore?.[e.row]?.includes(e.path)) errors.push(e);
      }
      continue;
    }
    const data = parsed.data;
    if (ignore) {
      visits.push({
        row: v.row,
        questionRows: v.questionRows,
        input: { input: { ...data, id: randomUUID() } },
        questions: data.questions.length,
        probe: ignore,
      });
      continue;
    }
    const note = data.note && data.note.trim() ? data.note : null;
    const hash = bodyHash({
      locationId: v.input.locationId,
      occurredAt: new Date(data.occurredAt!),
      channel: data.channel,
      duration: data.duration,
      questions: data.questions.map(storedQuestion),
      note,
    });
    const occurrence = seen.get(hash) ?? 0;
    seen.set(hash, occurrence + 1);
    const id = visitId(req.organisationId, hash, occurrence);
    visits.push({ row: v.row, questionRows: v.questionRows, input: { input: { ...data, id } }, questions: data.questions.length });
  }
  return {
    organisationId: req.organisationId,
    caller,
    fileName: req.fileName,
    fileHash: createHash('sha256').update(req.bytes).digest('hex'),
    rows: table.rows.length,
    mapping: describePlan(plan, table.header),
    visits,
    errors: dedupe(errors),
    header: table.header,
    columns: plan.columns,
  };
}

/**
 * The id of an imported visit: SHA-256 of organisation, canonical content and occurrence index, as a
 * uuid with the version nibble 5 and the RFC 4122 variant (the layout of a v5 uuid, with SHA-256).
 */
export function visitId(organisationId: string, contentHash: string, occurrence: number): string {
  const digest = createHash('sha256')
    .update(canonicalJson({ organisationId, contentHash, occurrence, kind: 'ido-import' }))
    .digest();
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A national user imports for the organisation it names, with that organisation's scope. */
function actingFor(caller: Caller, organisationId: string): Caller {
  if (caller.kind === 'user' && caller.role === 'national') return { ...caller, role: 'coordinator', organisationId };
  return caller;
}

async function loadLookups(deps: Deps, organisationId: string): Promise<Lookups> {
  const { db } = deps.database;
  const [locs, parts] = await Promise.all([
    db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(and(eq(locations.organisationId, organisationId), isNull(locations.deletedAt))),
    db
      .select({ id: partners.id, name: partners.name, kind: partners.kind })
      .from(partners)
      .where(and(eq(partners.organisationId, organisationId), isNull(partners.deletedAt))),
  ]);
  return { codes: codeLookup(deps.taxonomy), locations: locs, partners: parts };
}

/** The field of a registration path (`questions.1.agencies.0`) as an import field, and the row it is on. */
const FIELD_OF: Record<string, string> = {
  locationId: 'location',
  'referral.partnerId': 'referralPartner',
  'referral.partnerKind': 'referralKind',
  referral: 'referralKind',
};

function rowErrorOf(
  issue: FieldIssue,
  visit: { row: number; questionRows: number[] },
  header: string[],
  columns: Partial<Record<string, number>>,
): RowError {
  const parts = issue.path.split('.');
  let row = visit.row;
  let field = issue.path;
  if (parts[0] === 'questions' && /^\d+$/.test(parts[1] ?? '')) {
    row = visit.questionRows[Number(parts[1])] ?? visit.row;
    const rest = parts
      .slice(2)
      .filter((p) => !/^\d+$/.test(p))
      .join('.');
    field = rest || 'questions';
  }
  field = FIELD_OF[field] ?? field;
  const index =
    columns[field] ?? (field === 'location' ? columns.locationId : field === 'referralPartner' ? columns.referralKind : undefined);
  return {
    row,
    path: field,
    ...(index !== undefined ? { column: header[index] } : {}),
    code: issue.code,
    ...(issue.params ? { params: issue.params } : {}),
  };
}

function dedupe(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const key = `${e.row}|${e.path}|${e.code}|${JSON.stringify(e.params ?? {})}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.row - b.row || a.path.localeCompare(b.path));
}

// ---------------------------------------------------------------------------------------------
// Running

export async function createImportRecord(
  deps: Deps,
  prepared: PreparedImport,
  options: { dryRun: boolean; actor: string },
): Promise<ImportRow> {
  const [row] = await deps.database.db
    .insert(imports)
    .values({
      organisationId: prepared.organisationId,
      status: options.dryRun ? 'dry-run' : 'running',
      fileName: prepared.fileName,
      fileHash: prepared.fileHash,
      mapping: prepared.mapping,
      rows: prepared.rows,
      errors: prepared.errors as unknown as Record<string, unknown>[],
      progress: 0,
      createdBy: options.actor,
      createdAt: deps.clock(),
    })
    .returning();
  return row;
}

export interface Progress {
  visitsDone: number;
  visits: number;
  rowsDone: number;
  rows: number;
  fraction: number;
}

/**
 * Judges (dry run) or stores the prepared visits in chunks, writing progress to the import record
 * after each chunk; at the end the record holds every row error and the summary. An unexpected
 * failure marks the import `failed` and is rethrown (a retry is safe: stored visits are duplicates).
 */
export async function executeImport(
  deps: Deps,
  importId: string,
  prepared: PreparedImport,
  options: { dryRun: boolean; lang: Lang; onProgress?: (p: Progress) => void; chunk?: number },
): Promise<ImportRow> {
  const { db } = deps.database;
  const chunk = options.chunk ?? IMPORT_CHUNK;
  const errors = [...prepared.errors];
  const summary = { visits: 0, questions: 0, duplicates: 0 };
  const total = prepared.visits.length;
  const report = async (done: number) => {
    const fraction = total ? done / total : 1;
    options.onProgress?.({
      visitsDone: done,
      visits: total,
      rowsDone: Math.round(fraction * prepared.rows),
      rows: prepared.rows,
      fraction,
    });
    if (done < total) {
      await db
        .update(imports)
        .set({ progress: fraction, imported: options.dryRun ? 0 : summary.visits, duplicates: summary.duplicates })
        .where(eq(imports.id, importId));
    }
  };
  try {
    await report(0);
    for (let start = 0; start < total; start += chunk) {
      const slice = prepared.visits.slice(start, start + chunk);
      // Visits that may be stored, and probes of rows with errors, which are only ever judged.
      const store = options.dryRun ? [] : slice.filter((v) => !v.probe);
      const judge = options.dryRun ? slice : slice.filter((v) => v.probe);
      const [stored, judged] = [
        store.length
          ? await createRegistrations(
              deps,
              prepared.caller,
              store.map((v) => v.input),
              options.lang,
            )
          : [],
        judge.length
          ? await judgeWithoutStoring(
              deps,
              prepared.caller,
              judge.map((v) => v.input),
              options.lang,
            )
          : [],
      ];
      const outcomes: [ReadyVisit, CreateResult][] = [
        ...store.map((v, i) => [v, stored[i]] as [ReadyVisit, CreateResult]),
        ...judge.map((v, i) => [v, judged[i]] as [ReadyVisit, CreateResult]),
      ];
      for (const [visit, result] of outcomes) {
        if (result.status === 'invalid') {
          for (const issue of result.issues ?? []) {
            const e = rowErrorOf(issue, visit, prepared.header, prepared.columns);
            if (!visit.probe?.[e.row]?.includes(e.path)) errors.push(e);
          }
        } else if (visit.probe) {
          // Judged only: its rows are listed already.
        } else if (result.status === 'created') {
          summary.visits++;
          summary.questions += visit.questions;
        } else if (result.status === 'duplicate') {
          summary.duplicates++;
        } else {
          errors.push({ row: visit.row, path: 'visit', code: 'conflict' });
        }
      }
      await report(Math.min(total, start + chunk));
      // Let other requests in between chunks: PGlite answers in microtasks and would otherwise hold the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const [row] = await db
      .update(imports)
      .set({
        status: options.dryRun ? 'dry-run' : 'done',
        progress: 1,
        imported: options.dryRun ? 0 : summary.visits,
        duplicates: summary.duplicates,
        summary,
        errors: dedupe(errors) as unknown as Record<string, unknown>[],
        finishedAt: deps.clock(),
      })
      .where(eq(imports.id, importId))
      .returning();
    return row;
  } catch (error) {
    deps.logger.error({ msg: 'import failed', importId, error });
    await db
      .update(imports)
      .set({
        status: 'failed',
        imported: options.dryRun ? 0 : summary.visits,
        duplicates: summary.duplicates,
        summary,
        errors: [...dedupe(errors), { row: 0, path: 'file', code: 'internal' }] as unknown as Record<string, unknown>[],
        finishedAt: deps.clock(),
      })
      .where(eq(imports.id, importId))
      .catch(() => {});
    throw error;
  }
}

/**
 * What `createRegistrations` would answer, without keeping anything: it runs inside a transaction
 * that is rolled back, so the rules, the look-ups of stored duplicates and the in-file claims are
 * exactly those of a real import.
 * TODO(lead): when `createRegistrations` gets a `dryRun` option (skip the insert loop), call that instead.
 */
async function judgeWithoutStoring(deps: Deps, caller: Caller, items: CreateItem[], lang: Lang): Promise<CreateResult[]> {
  let results: CreateResult[] = [];
  try {
    await deps.database.db.transaction(async (tx) => {
      const scoped: Deps = { ...deps, database: { ...deps.database, db: tx as unknown as Db } };
      results = await createRegistrations(scoped, caller, items, lang);
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return results;
}

// Imports that run on after their request answered; awaited by `waitForImports` (shutdown, tests).
const background = new Set<Promise<unknown>>();

/** Runs an import after the response; its failure is recorded on the import (and logged), never thrown. */
export function runInBackground(deps: Deps, importId: string, prepared: PreparedImport, lang: Lang): void {
  const task = executeImport(deps, importId, prepared, { dryRun: false, lang }).catch(() => {});
  background.add(task);
  void task.finally(() => background.delete(task));
}

/** Resolves when every import running in the background has finished. */
export async function waitForImports(): Promise<void> {
  while (background.size) await Promise.all([...background]);
}

// ---------------------------------------------------------------------------------------------
// Reading back

export function presentImport(row: ImportRow, lang: Lang) {
  return {
    id: row.id,
    organisationId: row.organisationId,
    status: row.status,
    fileName: row.fileName,
    rows: row.rows,
    imported: row.imported,
    duplicates: row.duplicates,
    progress: row.progress,
    summary: row.summary,
    errors: (row.errors as unknown as RowError[]).map((e) => renderError(e, lang)),
    mapping: row.mapping,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/** An import of the caller's organisation (any, for national users); a 404 for anything else. */
export async function getImport(deps: Deps, caller: Caller, id: string): Promise<ImportRow> {
  if (!isUuid(id)) throw notFound();
  const [row] = await deps.database.db.select().from(imports).where(eq(imports.id, id.toLowerCase())).limit(1);
  const scope = caller.kind === 'user' && caller.role === 'national' ? null : caller.organisationId;
  if (!row || (scope !== null && row.organisationId !== scope)) throw notFound();
  return row;
}

/** The latest imports of the caller's organisation (or, for national users, of the one named, or all), without their errors. */
export async function listImports(deps: Deps, caller: Caller, organisationId: string | undefined, limit = 50) {
  const scope = caller.kind === 'user' && caller.role === 'national' ? (organisationId ?? null) : caller.organisationId;
  if (scope !== null && !isUuid(scope)) return [];
  const rows = await deps.database.db
    .select({
      id: imports.id,
      organisationId: imports.organisationId,
      status: imports.status,
      fileName: imports.fileName,
      rows: imports.rows,
      imported: imports.imported,
      duplicates: imports.duplicates,
      progress: imports.progress,
      summary: imports.summary,
      errorCount: sql<number>`jsonb_array_length(${imports.errors})`.mapWith(Number),
      createdAt: imports.createdAt,
      finishedAt: imports.finishedAt,
    })
    .from(imports)
    .where(scope !== null ? eq(imports.organisationId, scope) : undefined)
    .orderBy(sql`${imports.createdAt} desc, ${imports.id} desc`)
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null }));
}
