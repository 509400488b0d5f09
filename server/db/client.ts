/** Opens the database: PostgreSQL when a URL is given, embedded PGlite otherwise; migrates on open. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Rows of a raw query, the same shape on both drivers. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Rows of a fixed SQL text with `$1…` parameters, past the ORM (a prepared statement on PostgreSQL).
   * For the few hot paths where building the query through drizzle costs more than running it.
   */
  query<T = Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]>;
  /** Closes the connections (or the embedded database). */
  close(): Promise<void>;
  /** PGlite only: a copy of the data dir, to clone the database cheaply (tests). */
  dumpDataDir?(): Promise<Blob>;
}

/** An arbitrary, fixed key for pg_advisory_lock: "IDO" migrations. */
const MIGRATION_LOCK = 4_902_001;

/**
 * PostgreSQL's memory settings inside PGlite's WebAssembly heap, which the process keeps as long
 * as it runs (docs/performance.md, "Memory"). PostgreSQL's defaults are for a server of its own:
 * 128 MB of shared buffers alone doubles the process. PGlite reads its files through the
 * operating system's cache, so a smaller buffer pool costs little: 16 MB holds the hot pages of
 * the demo year and of a library's registrations.
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB', 'temp_buffers=2MB', 'work_mem=4MB', 'maintenance_work_mem=32MB'];

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** `postgres://…`; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Directory for PGlite; `memory://` for an in-memory database. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | File;
  /** Connection pool size for PostgreSQL. */
  max?: number;
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl, options.max ?? 10) : await openPglite(options);
  if (options.migrate !== false) await migrateDatabase(database, options.databaseUrl);
  return database;
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max, onnotice: () => {}, connection: { TimeZone: 'UTC' } });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    rows: async (query) => (await db.execute(query)) as unknown as never[],
    query: async (text, params) => (await client.unsafe(text, params as never[], { prepare: true })) as unknown as never[],
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    if (!options.loadDataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await initialiseInChild(dataDir);
  }
  const client = new PGlite(dataDir, {
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ['-c', setting])],
  });
  await client.waitReady;
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    rows: async (query) => ((await db.execute(query)) as unknown as { rows: never[] }).rows,
    query: async (text, params) => (await client.query<never>(text, params)).rows,
    close: () => client.close(),
    dumpDataDir: async () => (await client.dumpDataDir('none')) as Blob,
  };
}

/**
 * Creates a new PGlite data directory (initdb) in a short-lived child process. initdb grows
 * WebAssembly and malloc heaps to about 570 MB, and a process does not give all of that back to
 * the system once it is garbage: a server that ran it would keep some 100 MB more for as long as it
 * runs than one that opened an existing directory (docs/performance.md, "Memory").
 */
async function initialiseInChild(dataDir: string): Promise<void> {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  // The same settings: initdb starts a second PGlite of its own with them.
  const script = `import { PGlite } from ${JSON.stringify(pglite)};
const db = new PGlite(process.argv[1], { startParams: [...PGlite.defaultStartParams, ...${JSON.stringify(PGLITE_SETTINGS.flatMap((setting) => ['-c', setting]))}] });
await db.waitReady;
await db.close();`;
  const { execFile } = await import('node:child_process');
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--liftoff-only', '--input-type=module', '-e', script, dataDir],
      { timeout: 300_000 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`Could not create the PGlite data directory ${dataDir}: ${stderr || error.message}`));
        else resolve();
      },
    );
  });
}

/** Applies the committed drizzle-kit migrations; a no-op when they are applied already. */
export async function migrateDatabase(database: Database, databaseUrl?: string): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
    return;
  }
  // One connection holding an advisory lock, so that servers starting together migrate one at a time.
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
