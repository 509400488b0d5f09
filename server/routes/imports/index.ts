/**
 * `/api/v1/imports`: import earlier registrations from a CSV or XLSX file (multipart/form-data, the
 * one request body of the API that is not JSON), check a file with a dry run, and follow an import's
 * progress. The work is done in `server/services/imports.ts`.
 */
import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema.js';
import { organisationForCreate } from '../../http/auth.js';
import { ApiError, type FieldIssue } from '../../http/problem.js';
import {
  ImportFileError,
  SYNC_MAX_VISITS,
  createImportRecord,
  fileProblemBody,
  executeImport,
  getImport,
  listImports,
  prepareImport,
  presentImport,
  runInBackground,
} from '../../services/imports.js';
import { createImport, getImport as getImportOp, listImports as listImportsOp } from '../../../sdk/operations/imports.js';
import { isUuid } from '../../../sdk/uuid.js';
import { mount } from '../../http/mount.js';
import type { AppEnv } from '../../types.js';
import { hasRefusedCharacter, visible } from '../../http/characters.js';

const FORM_FIELDS = new Set(['file', 'mapping', 'dryRun', 'organisationId', 'locationId', 'background']);
const MAPPING_MAX = 64 * 1024;

const invalid = (issues: FieldIssue[], detail?: { nl: string; en: string }) => new ApiError('validation', { issues, detail });

/** A `true`/`false` form field; absent is `fallback`. */
function flag(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw invalid([{ path, code: 'invalid-value' }]);
}

/** Reads the multipart form: 415 for another content type, 400 for a body that is not a readable form. */
async function readForm(c: Context<AppEnv>): Promise<Record<string, string | File>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new ApiError('unsupported-media-type', {
      detail: {
        nl: 'Stuur het bestand als multipart/form-data, met het bestand in het veld "file".',
        en: 'Send the file as multipart/form-data, with the file in the field "file".',
      },
    });
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('bad-request', {
      detail: { nl: 'Het formulier (multipart/form-data) kan niet worden gelezen.', en: 'The form (multipart/form-data) cannot be read.' },
    });
  }
  const issues: FieldIssue[] = [];
  const out: Record<string, string | File> = {};
  for (const [key, value] of Object.entries(form)) {
    if (!FORM_FIELDS.has(key)) issues.push({ path: visible(key), code: 'unknown-field' });
    else if (Array.isArray(value)) issues.push({ path: key, code: 'invalid-value' });
    // The same characters as in a JSON body are refused in a form field and in the file's name (which is stored).
    else if (hasRefusedCharacter(typeof value === 'string' ? value : (value.name ?? '')))
      issues.push({ path: key, code: 'invalid-character' });
    else out[key] = value;
  }
  if (issues.length) throw invalid(issues);
  return out;
}

async function mappingOf(value: string | File | undefined): Promise<unknown> {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : await value.text();
  if (!text.trim()) return undefined;
  if (text.length > MAPPING_MAX) throw invalid([{ path: 'mapping', code: 'too-long', params: { maximum: MAPPING_MAX } }]);
  try {
    return JSON.parse(text);
  } catch {
    throw invalid([{ path: 'mapping', code: 'invalid-format' }], {
      nl: 'De mapping is geen geldige JSON.',
      en: 'The mapping is not valid JSON.',
    });
  }
}

/**
 * The imports router, mounted at `/api/v1/imports`. Staff only: coordinators and secret keys import
 * into their own organisation, national users into the one they name in `organisationId`.
 */
export const importRoutes = new Hono<AppEnv>();

mount(importRoutes, createImport, async ({ c, caller }) => {
  const form = await readForm(c);
  const { deps, lang } = c.var;

  const issues: FieldIssue[] = [];
  const file = form.file;
  if (file === undefined) issues.push({ path: 'file', code: 'required' });
  else if (typeof file === 'string') issues.push({ path: 'file', code: 'invalid-type', params: { expected: 'file' } });
  for (const key of ['organisationId', 'locationId', 'dryRun', 'background'] as const) {
    if (form[key] !== undefined && typeof form[key] !== 'string')
      issues.push({ path: key, code: 'invalid-type', params: { expected: 'string' } });
  }
  if (issues.length) throw invalid(issues);
  const dryRun = flag(form.dryRun, 'dryRun', false);
  const background = form.background === undefined ? null : flag(form.background, 'background', false);
  const named = (form.organisationId as string | undefined)?.trim() || undefined;
  const organisationId = organisationForCreate(caller, named);
  if (!isUuid(organisationId)) throw invalid([{ path: 'organisationId', code: 'unknown-id', params: { id: organisationId } }]);
  const [org] = await deps.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId.toLowerCase()))
    .limit(1);
  if (!org) throw invalid([{ path: 'organisationId', code: 'unknown-id', params: { id: organisationId } }]);

  const upload = file as File;
  let prepared: Awaited<ReturnType<typeof prepareImport>>;
  try {
    prepared = await prepareImport(deps, {
      organisationId: org.id,
      caller,
      fileName: upload.name ? upload.name.slice(0, 255) : null,
      bytes: new Uint8Array(await upload.arrayBuffer()),
      mapping: await mappingOf(form.mapping),
      defaultLocationId: (form.locationId as string | undefined)?.trim() || undefined,
      lang,
    });
  } catch (error) {
    if (error instanceof ImportFileError)
      return c.body(JSON.stringify(fileProblemBody(error, lang)), 422, { 'Content-Type': 'application/problem+json; charset=utf-8' });
    throw error;
  }
  const record = await createImportRecord(deps, prepared, { dryRun, actor: caller.actor });
  c.header('Location', `/api/v1/imports/${record.id}`);

  if (dryRun) {
    const done = await executeImport(deps, record.id, prepared, { dryRun: true, lang });
    return c.json(presentImport(done, lang), 200);
  }
  if (background ?? prepared.visits.length > SYNC_MAX_VISITS) {
    runInBackground(deps, record.id, prepared, lang);
    return c.json(presentImport(record, lang), 202);
  }
  const done = await executeImport(deps, record.id, prepared, { dryRun: false, lang });
  return c.json(presentImport(done, lang), 201);
});

mount(importRoutes, listImportsOp, async ({ c, caller, query: q }) =>
  c.json({ items: await listImports(c.var.deps, caller, q.organisationId, q.limit) }),
);

mount(importRoutes, getImportOp, async ({ c, caller, params }) =>
  c.json(presentImport(await getImport(c.var.deps, caller, params.id), c.var.lang)),
);
