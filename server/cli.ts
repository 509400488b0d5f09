/** The `ido-server` command: start | migrate | import-postcodes | create-user | create-key. */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { readConfig } from './env.js';
import { openDatabase } from './db/client.js';
import { seedTaxonomy } from './services/taxonomy.js';
import { importPostcodesFile } from './services/postcodes.js';
import { createUser, createKey } from './services/accounts.js';
import { organisations } from './db/schema.js';

const USAGE = `Usage: ido-server <command> [options]

Commands:
  start                                   Run the server (PORT, DATABASE_URL, IDO_DATA_DIR, ...)
  migrate                                 Apply database migrations and seed the value lists
  import-postcodes <file.csv>             Import PC4 centroids (pc4,lat,lon)
  create-user --email E --password P --role national|coordinator [--organisation ID]
  create-key --organisation ID --kind desk|secret [--location ID] [--origin URL]...

Configuration is read from the environment; see README.md.`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 1;
  }
  const config = readConfig();
  if (command === 'start') {
    const { start } = await import('./main.js');
    await start(config);
    return null; // keeps running
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await seedTaxonomy(database);
    switch (command) {
      case 'migrate':
        process.stdout.write('Database is up to date.\n');
        return 0;
      case 'import-postcodes': {
        const file = rest[0];
        if (!file) throw new UsageError('import-postcodes needs a file: ido-server import-postcodes pc4.csv');
        const count = await importPostcodesFile(database, file);
        process.stdout.write(`Imported ${count} postcodes from ${file}.\n`);
        return 0;
      }
      case 'create-user': {
        const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' } } });
        const user = await createUser(database, { email: values.email!, password: values.password!, role: values.role as 'national', organisationId: values.organisation ?? null });
        process.stdout.write(`Created ${user.role} user ${user.email} (${user.id}).\n`);
        return 0;
      }
      case 'create-key': {
        const { values } = parseArgs({ args: rest, options: { organisation: { type: 'string' }, kind: { type: 'string' }, location: { type: 'string' }, origin: { type: 'string', multiple: true }, name: { type: 'string' } } });
        if (!values.organisation) throw new UsageError('create-key needs --organisation ID');
        const [org] = await database.db.select().from(organisations).where(eq(organisations.id, values.organisation)).limit(1).catch(() => []);
        if (!org) throw new UsageError(`No organisation with id ${values.organisation}`);
        const key = await createKey(database, { organisationId: org.id, kind: values.kind as 'desk', locationId: values.location ?? null, origins: values.origin ?? [], name: values.name ?? null, actor: 'cli' });
        process.stdout.write(`Created ${key.kind} key ${key.id}. It is shown only now:\n${key.key}\n`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } finally {
    await database.close();
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => { if (code !== null) process.exit(code); },
  (error) => {
    process.stderr.write(`${error instanceof UsageError ? error.message + '\n\n' + USAGE : error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
