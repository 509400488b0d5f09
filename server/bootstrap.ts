/** Wires the server's dependencies from its configuration: database, value lists, first user, demo data. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { openDatabase, type Database } from './db/client.js';
import { users } from './db/schema.js';
import { hashPassword } from './crypto.js';
import type { Config } from './env.js';
import { memoryRateLimiter, type RateLimiter } from './http/rate-limit.js';
import { createGeocoder } from './services/geocoder.js';
import { createReports } from './services/reports/index.js';
import { ensureAggregateFormat } from './services/reports/rebuild.js';
import { createVisitWriter } from './services/visit-writer.js';
import { loadTaxonomy, seedTaxonomy } from './services/taxonomy.js';
import { jsonLogger } from './log.js';
import type { Deps, Logger } from './types.js';

export { jsonLogger };

/**
 * Creates the first national user from IDO_ADMIN_EMAIL/IDO_ADMIN_PASSWORD, once. A single insert
 * that does nothing when the e-mail is taken, so that servers starting together make one user.
 */
export async function ensureAdmin(database: Database, email: string, password: string): Promise<boolean> {
  const normalised = email.trim().toLowerCase();
  // Most starts find the user: skip hashing the password then.
  const existing = await database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, normalised), isNull(users.deletedAt)))
    .limit(1);
  if (existing.length) return false;
  const created = await database.db
    .insert(users)
    .values({ email: normalised, passwordHash: await hashPassword(password), role: 'national', organisationId: null })
    .onConflictDoNothing({ target: users.email, where: sql`${users.deletedAt} is null` })
    .returning({ id: users.id });
  return created.length > 0;
}

export interface BootstrapOverrides {
  database?: Database;
  clock?: () => Date;
  logger?: Logger;
  rateLimiter?: RateLimiter;
  fetch?: typeof fetch;
}

/** Opens (and migrates) the database and builds every dependency `createApp` needs. */
export async function createDeps(config: Config, overrides: BootstrapOverrides = {}): Promise<Deps> {
  const database =
    overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, max: config.dbPool }));
  await seedTaxonomy(database);
  const taxonomy = await loadTaxonomy(database);
  const logger = overrides.logger ?? jsonLogger(config.log === 'json');
  const started = performance.now();
  if (await ensureAggregateFormat(database, taxonomy)) {
    logger.info({ msg: 'rebuilt report aggregates for this version', ms: Math.round(performance.now() - started) });
  }
  if (config.adminEmail && config.adminPassword) {
    if (await ensureAdmin(database, config.adminEmail, config.adminPassword))
      logger.info({ msg: 'created national user', email: config.adminEmail });
  }
  const rateLimiter = overrides.rateLimiter ?? (config.redisUrl ? await redisLimiter(config.redisUrl) : memoryRateLimiter());
  return {
    database,
    config,
    clock: overrides.clock ?? (() => new Date()),
    logger,
    rateLimiter,
    taxonomy,
    reports: createReports(database, taxonomy, { aggregates: config.reportAggregates }),
    visitWriter: createVisitWriter(database, { groupCommit: config.groupCommit }),
    geocoder: createGeocoder({
      database,
      pdokUrl: config.pdokUrl,
      fetch: overrides.fetch,
      onError: (error, where) => logger.error({ msg: 'geocoder', where, error }),
    }),
  };
}

async function redisLimiter(url: string): Promise<RateLimiter> {
  const { redisRateLimiter } = await import('./http/rate-limit-redis.js');
  return redisRateLimiter(url);
}
