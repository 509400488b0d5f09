/** The `ido-server` command: start | migrate | import-postcodes | create-user | create-key (and create-organisation, list-organisations). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { and, asc, eq, isNull } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Email, KeyKind, Origin, Role } from '../sdk/schemas/resources.js';
import { readConfig, type Config } from './env.js';
import { openDatabase, type Database } from './db/client.js';
import { withStartupLock } from './db/startup-lock.js';
import { describeError } from './log.js';
import { loadTaxonomy, seedTaxonomy } from './services/taxonomy.js';
import { rebuildAggregates } from './services/reports/rebuild.js';
import { importPostcodesFile } from './services/postcodes.js';
import { createUser, createKey } from './services/accounts.js';
import { locations, organisations, users } from './db/schema.js';
import { IMPORT_USAGE, runImportCommand } from './cli-import.js';
import { isUuid } from '../sdk/uuid.js';

const USAGE = `Usage: ido-server <command> [options]

Commands:
  start                                   Run the server (PORT, DATABASE_URL, IDO_DATA_DIR, IDO_DEMO, ...)
  migrate                                 Apply the database migrations and seed the value lists
  import-postcodes <file.csv>             Import PC4 centroids (pc4,lat,lon)
  create-user --email E --password P --role national|coordinator [--organisation ID]
  create-key --organisation ID --kind desk|secret [--location ID] [--origin URL]... [--name NAME]
  create-organisation --name NAME [--municipality M] [--province P]
  list-organisations                      Show organisations with their ids
  send-reports [--at <ISO date-time>]     Send the scheduled report mails due at that moment
                                          (default now; needs IDO_SMTP_URL) and exit
  rebuild-aggregates [--organisation ID]  Recount the report aggregates from the registrations
                                          (after bulk SQL loads or new value-list mappings)
  ${IMPORT_USAGE.replace('ido-server ', '')}
                                          Import a legacy Excel or CSV sheet of registrations

The database is PostgreSQL when DATABASE_URL is set, otherwise PGlite in IDO_DATA_DIR (./data).
With PGlite, stop the server before running other commands on the same data directory.
Configuration is read from the environment; see README.md.`;

class UsageError extends Error {}

/** parseArgs, with its errors (unknown or malformed options) reported as usage errors. */
function options<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function need<T>(value: T | undefined, message: string): T {
  if (value === undefined || value === '') throw new UsageError(message);
  return value;
}

/** Checks a value with a contract schema; `expected` says what would have been right. */
function valid<T extends z.ZodMiniType>(schema: T, value: unknown, expected: string): z.output<T> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new UsageError(`${expected}, not "${String(value)}"`);
  return result.data;
}

async function findOrganisation(database: Database, id: string) {
  if (!isUuid(id)) throw new UsageError(`No organisation with id ${id} (see: ido-server list-organisations)`);
  const [org] = await database.db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  if (!org) throw new UsageError(`No organisation with id ${id} (see: ido-server list-organisations)`);
  return org;
}

const out = (text: string): void => {
  process.stdout.write(text + '\n');
};

type Task = (database: Database) => Promise<void>;

/** Checks a command's arguments before any database is opened, and returns the work to do. */
function prepare(command: string, rest: string[], config: Config): Task {
  switch (command) {
    case 'migrate':
      return async (database) => {
        out(`Database (${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}) is up to date.`);
      };

    case 'import-postcodes': {
      const file = need(rest[0], 'import-postcodes needs a file: ido-server import-postcodes pc4.csv');
      return async (database) => {
        const count = await importPostcodesFile(database, file);
        out(`Imported ${count} postcodes from ${file}.`);
      };
    }

    case 'create-user': {
      const v = options(rest, {
        email: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        organisation: { type: 'string' },
      });
      const email = need(v.email, 'create-user needs --email').trim().toLowerCase();
      const password = need(v.password, 'create-user needs --password (at least 12 characters)');
      if (password.length < 12) throw new UsageError('--password needs at least 12 characters');
      const role = valid(Role, need(v.role, 'create-user needs --role national|coordinator'), '--role is national or coordinator');
      valid(Email, email, '--email is an e-mail address');
      if (role === 'coordinator') need(v.organisation, 'A coordinator belongs to an organisation: give --organisation ID');
      else if (v.organisation) throw new UsageError('A national user belongs to no organisation: leave out --organisation');
      return async (database) => {
        const organisationId = role === 'coordinator' ? (await findOrganisation(database, v.organisation!)).id : null;
        const [taken] = await database.db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.email, email), isNull(users.deletedAt)))
          .limit(1);
        if (taken) throw new UsageError(`A user with e-mail ${email} exists already`);
        const user = await createUser(database, { email, password, role, organisationId });
        out(`Created ${user.role} user ${user.email} (${user.id}).`);
      };
    }

    case 'create-key': {
      const v = options(rest, {
        organisation: { type: 'string' },
        kind: { type: 'string' },
        location: { type: 'string' },
        origin: { type: 'string', multiple: true },
        name: { type: 'string' },
      });
      const organisationId = need(v.organisation, 'create-key needs --organisation ID');
      const kind = valid(KeyKind, need(v.kind, 'create-key needs --kind desk|secret'), '--kind is desk or secret');
      const origins = (v.origin ?? []).map((o) =>
        valid(Origin, o.replace(/\/+$/, ''), '--origin is an origin like https://www.bibliotheek.nl or http://localhost:8080'),
      );
      if (kind === 'secret' && (v.location || origins.length)) throw new UsageError('--location and --origin are for desk keys only');
      return async (database) => {
        const org = await findOrganisation(database, organisationId);
        let locationId: string | null = null;
        if (v.location) {
          const [loc] = isUuid(v.location)
            ? await database.db
                .select({ id: locations.id })
                .from(locations)
                .where(and(eq(locations.id, v.location), eq(locations.organisationId, org.id), isNull(locations.deletedAt)))
                .limit(1)
            : [];
          if (!loc) throw new UsageError(`No location ${v.location} in organisation ${org.name}`);
          locationId = loc.id;
        }
        const key = await createKey(database, { organisationId: org.id, kind, locationId, origins, name: v.name ?? null, actor: 'cli' });
        out(
          `Created ${key.kind} key ${key.id} for ${org.name}${origins.length ? `, accepted from ${origins.join(', ')}` : kind === 'desk' ? ', accepted only from requests without an Origin' : ''}.`,
        );
        out('The key is shown only now; store it safely:');
        out(key.key);
      };
    }

    case 'create-organisation': {
      const v = options(rest, { name: { type: 'string' }, municipality: { type: 'string' }, province: { type: 'string' } });
      const name = need(v.name?.trim(), 'create-organisation needs --name');
      return async (database) => {
        const [org] = await database.db
          .insert(organisations)
          .values({ name, municipality: v.municipality ?? null, province: v.province ?? null })
          .returning();
        out(`Created organisation ${org.name}:`);
        out(org.id);
      };
    }

    case 'rebuild-aggregates': {
      const v = options(rest, { organisation: { type: 'string' } });
      return async (database) => {
        await rebuildAggregates(database, { organisationId: v.organisation, taxonomy: await loadTaxonomy(database) });
        out(`Report aggregates rebuilt from the registrations${v.organisation ? ` of ${v.organisation}` : ''}.`);
      };
    }

    case 'send-reports': {
      const v = options(rest, { at: { type: 'string' } });
      const at = v.at === undefined ? new Date() : new Date(v.at);
      if (Number.isNaN(at.getTime()) || (v.at !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(v.at)))
        throw new UsageError(`--at is an ISO date-time like 2027-01-01T07:00:00+01:00, not "${v.at}"`);
      return async (database) => {
        if (!config.smtpUrl) {
          out('IDO_SMTP_URL is not set: no report mails sent (see docs/operations.md#mail).');
          return;
        }
        const { sendReportsOnce } = await import('./services/report-mail/once.js');
        const result = await sendReportsOnce(database, config, at);
        out(
          `Report mails due at ${at.toISOString()}: ${result.sent} sent${result.failed ? `, ${result.failed} failed (tried again later)` : ''}.`,
        );
        if (result.failed) throw new Error('A report mail could not be sent; it stays queued and is tried again.');
      };
    }

    case 'list-organisations':
      return async (database) => {
        const rows = await database.db.select().from(organisations).orderBy(asc(organisations.name));
        if (!rows.length) out('No organisations yet (create-organisation --name NAME).');
        for (const org of rows) out(`${org.id}  ${org.name}${org.municipality ? ` (${org.municipality})` : ''}`);
      };

    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function run(task: Task, config: Config): Promise<number> {
  // Migrating and seeding take the servers' start-up lock: `migrate` may run while servers start.
  const database = await withStartupLock(config.databaseUrl, async () => {
    const opened = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, max: 2 });
    try {
      await seedTaxonomy(opened);
    } catch (error) {
      await opened.close();
      throw error;
    }
    return opened;
  });
  try {
    await task(database);
    return 0;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number | null> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const config = readConfig();
  if (command === 'start') {
    const { start } = await import('./main.js');
    await start(config);
    return null; // keeps running until SIGTERM/SIGINT
  }
  if (command === 'import') return runImportCommand(rest);
  return run(prepare(command, rest, config), config);
}

/** What a failed command prints: the error and its database cause, never a query's parameters. */
function failure(error: unknown): string {
  const { message, cause } = describeError(error);
  if (!cause) return message;
  return `${message}\n${[cause.message, cause.code && `(SQLSTATE ${cause.code})`, cause.constraint && `constraint ${cause.constraint}`].filter(Boolean).join(' ')}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error) => {
    process.stderr.write(`${error instanceof UsageError ? `${error.message}\nRun "ido-server help" for the commands.` : failure(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
