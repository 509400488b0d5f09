/**
 * `ido-server import <file.xlsx|csv> --organisation ID [--location ID] [--mapping mapping.json] [--dry-run]`:
 * the file import of `POST /api/v1/imports` from the command line, with progress on the terminal.
 * Exit codes: 0 imported without row errors, 3 imported with row errors (listed), 1 the file or
 * the import failed, 2 wrong arguments.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { createDeps } from './bootstrap.js';
import { openDatabase, type Database } from './db/client.js';
import { organisations } from './db/schema.js';
import { readConfig, type Config } from './env.js';
import type { Lang } from './http/messages.js';
import { ApiError } from './http/problem.js';
import { memoryRateLimiter } from './http/rate-limit.js';
import {
  ImportFileError,
  createImportRecord,
  executeImport,
  importMessage,
  prepareImport,
  presentImport,
  type Progress,
} from './services/imports.js';
import { isUuid } from './services/registrations.js';
import { describeError } from './log.js';

export const IMPORT_USAGE =
  'ido-server import <file.xlsx|csv> --organisation ID [--location ID] [--mapping mapping.json] [--dry-run] [--lang nl|en]';

export interface ImportCommandIo {
  /** An open database to use (tests); otherwise opened from the environment and closed afterwards. */
  database?: Database;
  config?: Config;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Progress lines overwrite each other (a terminal); default: when stdout is a TTY. */
  tty?: boolean;
}

/** Formats progress the way the command prints it: "Rij 1200 van 5000 (24 %)". */
export function progressLine(p: Pick<Progress, 'rowsDone' | 'rows' | 'fraction'>, lang: Lang = 'nl'): string {
  const percent = Math.floor(p.fraction * 100);
  return lang === 'nl' ? `Rij ${p.rowsDone} van ${p.rows} (${percent} %)` : `Row ${p.rowsDone} of ${p.rows} (${percent}%)`;
}

/** Runs the command; resolves with the exit code. */
export async function runImportCommand(args: string[], io: ImportCommandIo = {}): Promise<number> {
  const out =
    io.out ??
    ((line: string) => {
      process.stdout.write(line + '\n');
    });
  const err =
    io.err ??
    ((line: string) => {
      process.stderr.write(line + '\n');
    });
  const usage = (text: string) => {
    err(`${text}\nUsage: ${IMPORT_USAGE}`);
    return 2;
  };

  let values: { organisation?: string; location?: string; mapping?: string; 'dry-run'?: boolean; lang?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        organisation: { type: 'string' },
        location: { type: 'string' },
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean' },
        lang: { type: 'string' },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (positionals.length !== 1) return usage('import needs one file: ido-server import registraties.xlsx --organisation ID');
  const organisationId = values.organisation?.trim();
  if (!organisationId) return usage('import needs --organisation ID (see: ido-server list-organisations)');
  if (values.lang !== undefined && values.lang !== 'nl' && values.lang !== 'en') return usage('--lang is nl or en');
  const lang: Lang = (values.lang as Lang | undefined) ?? 'nl';
  const file = positionals[0];

  let bytes: Uint8Array;
  let mapping: unknown;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    err(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  if (values.mapping !== undefined) {
    try {
      mapping = JSON.parse(await readFile(values.mapping, 'utf8'));
    } catch (error) {
      err(`Cannot read the mapping ${values.mapping}: ${(error as Error).message}`);
      return 1;
    }
  }

  const config = io.config ?? readConfig();
  const database = io.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, max: 2 }));
  try {
    const deps = await createDeps(config, {
      database,
      rateLimiter: memoryRateLimiter(),
      logger: { info: () => {}, error: (fields) => err(JSON.stringify(fields)) },
    });
    const org = isUuid(organisationId)
      ? (await database.db.select().from(organisations).where(eq(organisations.id, organisationId.toLowerCase())).limit(1))[0]
      : undefined;
    if (!org) return usage(`No organisation with id ${organisationId} (see: ido-server list-organisations)`);

    const caller = { kind: 'secret' as const, keyId: 'cli', organisationId: org.id, actor: 'cli:import' };
    const dryRun = values['dry-run'] === true;
    let prepared: Awaited<ReturnType<typeof prepareImport>>;
    try {
      prepared = await prepareImport(deps, {
        organisationId: org.id,
        caller,
        fileName: basename(file),
        bytes,
        mapping,
        defaultLocationId: values.location,
        lang,
      });
    } catch (error) {
      if (!(error instanceof ApiError) && !(error instanceof ImportFileError)) throw error;
      err(error.detail?.[lang] ?? (lang === 'nl' ? 'De mapping klopt niet.' : 'The mapping is not valid.'));
      for (const issue of error.issues ?? []) err(`  ${issue.path}: ${importMessage(issue.code, lang, issue.params)}`);
      return 1;
    }
    out(
      `${dryRun ? (lang === 'nl' ? 'Proefimport' : 'Dry run') : 'Import'}: ${basename(file)}, ${prepared.rows} ${lang === 'nl' ? 'rijen' : 'rows'}, ${org.name}`,
    );
    const tty = io.tty ?? process.stdout.isTTY === true;
    let last = -1;
    const record = await createImportRecord(deps, prepared, { dryRun, actor: caller.actor });
    const done = await executeImport(deps, record.id, prepared, {
      dryRun,
      lang,
      onProgress: (p) => {
        const percent = Math.floor(p.fraction * 100);
        if (percent === last) return;
        last = percent;
        if (tty) process.stdout.write(`\r${progressLine(p, lang)}   ${p.fraction === 1 ? '\n' : ''}`);
        else out(progressLine(p, lang));
      },
    });
    const shown = presentImport(done, lang);
    for (const e of shown.errors) out(`  ${lang === 'nl' ? 'Rij' : 'Row'} ${e.row}: ${e.message}`);
    const s = shown.summary;
    out(
      lang === 'nl'
        ? `${dryRun ? 'Zou importeren' : 'Geïmporteerd'}: ${s.visits} bezoeken met ${s.questions} vragen; ${s.duplicates} al aanwezig; ${shown.errors.length} fouten. Import-id ${shown.id}.`
        : `${dryRun ? 'Would import' : 'Imported'}: ${s.visits} visits with ${s.questions} questions; ${s.duplicates} already there; ${shown.errors.length} errors. Import id ${shown.id}.`,
    );
    return shown.errors.length ? 3 : 0;
  } catch (error) {
    err(describeError(error).message);
    return 1;
  } finally {
    if (!io.database) await database.close();
  }
}
