/**
 * Test contexts: the real app on a fresh real database, PGlite always and PostgreSQL when
 * TEST_DATABASE_URL is set. Each context has its own database, so tests cannot disturb each other.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createApp } from '../../server/app.js';
import { createDeps, ensureAdmin } from '../../server/bootstrap.js';
import { openDatabase, type Database } from '../../server/db/client.js';
import { readConfig, type Config } from '../../server/env.js';
import { seedTaxonomy } from '../../server/services/taxonomy.js';
import type { Deps } from '../../server/types.js';

export type Backend = 'pglite' | 'postgres';

/** The databases the suite runs on. */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let template: Promise<Blob> | undefined;

/** A migrated, seeded PGlite database, dumped once per process and cloned per test (about 0.5 s). */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    await seedTaxonomy(db);
    const dump = await db.dumpDataDir!();
    await db.close();
    return dump;
  })();
  return template;
}

async function freshDatabase(backend: Backend): Promise<{ database: Database; drop: () => Promise<void>; url?: string }> {
  if (backend === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate(), migrate: false });
    return { database, drop: async () => {} };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `ido_test_${randomBytes(6).toString('hex')}`;
  const { default: postgres } = await import('postgres');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), max: 10 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface TestContext {
  backend: Backend;
  deps: Deps;
  app: ReturnType<typeof createApp>;
  database: Database;
  /** The PostgreSQL URL of this context's database (postgres backend only). */
  databaseUrl?: string;
  /** In-process request with JSON helpers; `token` becomes a Bearer header. */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** Rows of a raw SQL query on this context's database. */
  rows<T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]>;
  close(): Promise<void>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body sent as is (for malformed-input tests). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface ContextOptions {
  config?: Partial<Config>;
  clock?: () => Date;
  fetch?: typeof fetch;
}

export async function createTestContext(backend: Backend, options: ContextOptions = {}): Promise<TestContext> {
  const { database, drop, url } = await freshDatabase(backend);
  const config: Config = { ...readConfig({ IDO_LOG: 'off', IDO_PDOK_URL: 'off' }), ...options.config };
  const deps = await createDeps(config, { database, clock: options.clock, fetch: options.fetch });
  const app = createApp(deps);
  return {
    backend,
    deps,
    app,
    database,
    databaseUrl: url,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: BodyInit | undefined;
      if (opts.raw !== undefined) body = opts.raw as BodyInit;
      else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await app.request(path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    rows: (query) => database.rows(query),
    async close() {
      await database.close();
      await drop();
    },
  };
}

export const ADMIN = { email: 'admin@ido.test', password: 'correct horse battery staple' };

/**
 * Two organisations, each with a coordinator, two locations, a secret key, a desk key bound to a
 * location and origin, and a partner; plus a national user. Made through the API where the API can.
 */
export async function seedTenants(ctx: TestContext) {
  await ensureAdmin(ctx.database, ADMIN.email, ADMIN.password);
  const login = async (email: string, password: string) => {
    const r = await ctx.call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.text}`);
    return r.body.token as string;
  };
  const national = await login(ADMIN.email, ADMIN.password);
  const must = async (method: string, path: string, token: string, body: unknown) => {
    const r = await ctx.call(method, path, { token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.body;
  };
  const org = async (n: 'a' | 'b', city: string) => {
    const organisation = await must('POST', '/api/v1/organisations', national, {
      name: `Bibliotheek ${city}`,
      municipality: city,
      province: n === 'a' ? 'Utrecht' : 'Noord-Holland',
    });
    const email = `coordinator-${n}@ido.test`;
    await must('POST', '/api/v1/users', national, {
      email,
      password: 'een lang wachtwoord',
      role: 'coordinator',
      organisationId: organisation.id,
    });
    const coordinator = await login(email, 'een lang wachtwoord');
    const loc = (name: string, lat: number, lon: number) =>
      must('POST', '/api/v1/locations', coordinator, {
        name,
        address: {
          street: 'Kerkplein 1',
          postcode: n === 'a' ? '3511 AB' : '1011 AB',
          city,
          municipality: city,
          province: organisation.province,
        },
        coordinates: { lat, lon },
        walkInHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
      });
    const location = await loc(`${city} Centrum`, n === 'a' ? 52.09 : 52.37, n === 'a' ? 5.12 : 4.9);
    const location2 = await loc(`${city} Noord`, n === 'a' ? 52.11 : 52.39, n === 'a' ? 5.11 : 4.91);
    const secret = await must('POST', '/api/v1/keys', coordinator, { kind: 'secret' });
    const desk = await must('POST', '/api/v1/keys', coordinator, {
      kind: 'desk',
      locationId: location.id,
      origins: [`https://${n}.bieb.test`],
    });
    const deskNoOrigin = await must('POST', '/api/v1/keys', coordinator, { kind: 'desk', locationId: location.id });
    const partner = await must('POST', '/api/v1/partners', coordinator, {
      name: `Sociaal raadslieden ${city}`,
      kind: 'sociaal-raadslieden',
      topics: ['huurtoeslag', 'zorgtoeslag'],
    });
    return {
      organisation,
      coordinator,
      location,
      location2,
      partner,
      secretKey: secret.key as string,
      secretKeyId: secret.id as string,
      deskKey: desk.key as string,
      deskKeyId: desk.id as string,
      deskOrigin: `https://${n}.bieb.test`,
      deskKeyNoOrigin: deskNoOrigin.key as string,
    };
  };
  const a = await org('a', 'Utrecht');
  const b = await org('b', 'Amsterdam');
  return { national, a, b };
}

/** A minimal valid visit. */
export function visit(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'balie',
    duration: '5-15',
    questions: [{ type: 'digitale-overheid', topic: 'huurtoeslag', agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] }],
    ...overrides,
  };
}
