/** The server's configuration, read from the environment with zod; fails fast with a clear message. */
import * as z from 'zod/mini';
import { parseTrustProxy, type TrustProxy } from './http/client-address.js';

const flag = z.pipe(
  z.optional(z.string()),
  z.transform((v) => v === '1' || v === 'true'),
);

export const EnvSchema = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(65535)), 3000),
  HOST: z._default(z.string(), '0.0.0.0'),
  DATABASE_URL: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://'))),
  IDO_DATA_DIR: z._default(z.string(), './data'),
  IDO_ADMIN_EMAIL: z.optional(z.string().check(z.email())),
  IDO_ADMIN_PASSWORD: z.optional(z.string().check(z.minLength(12, 'IDO_ADMIN_PASSWORD needs at least 12 characters'))),
  IDO_DEMO: flag,
  IDO_PDOK_URL: z._default(z.string(), 'https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
  IDO_PC4_FILE: z.optional(z.string()),
  REDIS_URL: z.optional(z.string()),
  IDO_PUBLIC_RATE_LIMIT: z._default(z.coerce.number().check(z.int(), z.gte(1)), 120),
  IDO_LOGIN_RATE_LIMIT: z._default(z.coerce.number().check(z.int(), z.gte(1)), 10),
  IDO_SESSION_HOURS: z._default(z.coerce.number().check(z.gte(0.01), z.lte(24 * 30)), 12),
  IDO_PUBLIC_URL: z.optional(z.string()),
  IDO_LOG: z._default(z.enum(['json', 'off']), 'json'),
  IDO_REPORT_AGGREGATES: z._default(z.enum(['on', 'off']), 'on'),
  IDO_GROUP_COMMIT: z._default(z.enum(['on', 'off']), 'off'),
  IDO_FOLD_INTERVAL_MS: z._default(z.coerce.number().check(z.int(), z.gte(10), z.lte(600_000)), 2000),
  IDO_SMTP_URL: z.optional(z.string().check(z.regex(/^$|^smtps?:\/\//, 'IDO_SMTP_URL must start with smtp:// or smtps://'))),
  IDO_MAIL_FROM: z._default(z.string().check(z.minLength(3)), 'IDO-rapportage <noreply@localhost>'),
  IDO_REPORT_MAIL_INTERVAL_MS: z._default(z.coerce.number().check(z.int(), z.gte(10), z.lte(3_600_000)), 60_000),
  IDO_DB_POOL: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 10),
  IDO_TRUST_PROXY: z.optional(z.string()),
});

/** Runs the parser of a setting zod does not read itself; a value it refuses becomes one of the problems listed at start. */
function parsed<T>(name: string, parse: () => T, problems: string[]): T | undefined {
  try {
    return parse();
  } catch (error) {
    problems.push(`  ${name}: ${(error as Error).message}`);
    return undefined;
  }
}

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  demo: boolean;
  /** PDOK Locatieserver base URL, or null when switched off. */
  pdokUrl: string | null;
  pc4File?: string;
  redisUrl?: string;
  publicRateLimit: number;
  loginRateLimit: number;
  sessionHours: number;
  /** The server's own public origin, when it differs from what requests show (behind a proxy). */
  publicUrl?: string;
  log: 'json' | 'off';
  /** PostgreSQL connections per server process. */
  dbPool: number;
  /** Answer reports from the incrementally kept aggregates (default) or, when false, from raw rows. */
  reportAggregates: boolean;
  /** Store the single creates of concurrent requests in one statement (docs/aggregates.md#group-commit). */
  groupCommit: boolean;
  /** How often each server folds the queued visits into the report aggregates (docs/aggregates.md). */
  foldIntervalMs: number;
  /** The mail server for scheduled reports; unset: none are sent (docs/operations.md#mail). */
  smtpUrl?: string;
  /** The sender of scheduled report mails. */
  mailFrom: string;
  /** How often each server looks for report mails that are due. */
  reportMailIntervalMs: number;
  /** Which proxies' `X-Forwarded-For` is believed for the client's address (`IDO_TRUST_PROXY`). */
  trustProxy: TrustProxy;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = z.safeParse(EnvSchema, env);
  const lines = result.success ? [] : result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  const trustProxy = parsed('IDO_TRUST_PROXY', () => parseTrustProxy(env.IDO_TRUST_PROXY), lines);
  if (!result.success || !trustProxy) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.IDO_DATA_DIR,
    adminEmail: e.IDO_ADMIN_EMAIL,
    adminPassword: e.IDO_ADMIN_PASSWORD,
    demo: e.IDO_DEMO,
    pdokUrl: e.IDO_PDOK_URL === 'off' ? null : e.IDO_PDOK_URL,
    pc4File: e.IDO_PC4_FILE,
    redisUrl: e.REDIS_URL,
    publicRateLimit: e.IDO_PUBLIC_RATE_LIMIT,
    loginRateLimit: e.IDO_LOGIN_RATE_LIMIT,
    sessionHours: e.IDO_SESSION_HOURS,
    publicUrl: e.IDO_PUBLIC_URL,
    log: e.IDO_LOG,
    dbPool: e.IDO_DB_POOL,
    reportAggregates: e.IDO_REPORT_AGGREGATES === 'on',
    foldIntervalMs: e.IDO_FOLD_INTERVAL_MS,
    groupCommit: e.IDO_GROUP_COMMIT === 'on',
    smtpUrl: e.IDO_SMTP_URL || undefined,
    mailFrom: e.IDO_MAIL_FROM,
    reportMailIntervalMs: e.IDO_REPORT_MAIL_INTERVAL_MS,
    trustProxy,
  };
}
