/** Types shared by the server's routes and middleware. */
import type { Database } from './db/client.js';
import type { Principal } from './http/principal.js';
import type { Lang } from './http/messages.js';
import type { Config } from './env.js';
import type { RateLimiter } from './http/rate-limiter.js';
import type { TaxonomyService } from './services/taxonomy.js';
import type { Geocoder } from './services/geocoder.js';
import type { Reports } from './services/reports/queries.js';
import type { VisitWriter } from './services/visit-writer.js';

export interface Logger {
  info(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

/** What `createApp` needs; tests pass their own database, clock and limits. */
export interface Deps {
  database: Database;
  config: Config;
  clock: () => Date;
  logger: Logger;
  rateLimiter: RateLimiter;
  taxonomy: TaxonomyService;
  geocoder: Geocoder;
  /** The reports' query layer and whether writes keep the aggregates (services/reports). */
  reports: Reports;
  /** How visits are stored: one statement per batch chunk, and with group commit across requests. */
  visitWriter: VisitWriter;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    principal: Principal;
    lang: Lang;
    requestId: string;
  };
}
