/**
 * Benchmark of the public locator on PostgreSQL (not a test):
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx tests/bench/nearest.ts
 * (TEST_DATABASE_URL works too). Creates a scratch database with 2,000 locations of 200 organisations
 * spread over the Netherlands like its postcodes, then measures
 *  (a) nearest-5 in process, calling `findNearest` directly (p50/p95/p99), with and without openNow;
 *  (b) requests/s over HTTP for GET /api/v1/public/locations?near=… (and ?postcode=…) on a listening
 *      server (loopback, port 0, rate limit raised), with concurrent fetch loops for ~10 s.
 * The scratch database is dropped at the end.
 * Options (environment): BENCH_LOCATIONS (2000), BENCH_CONCURRENCY (32), BENCH_SECONDS (10).
 *
 * Before/after on a busy machine: BENCH_BASELINE=<another checkout> (e.g. `git archive <commit> | tar -x -C
 * /tmp/base`, with node_modules linked) measures that checkout's `findNearest` and server too, on the same
 * data, interleaved with this one (blocks of calls in turn; HTTP rounds in the order A B B A …), so that
 * both see the same load and the ratio means something even when the absolute figures do not.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { DEFAULT_CLOSED_ON_HOLIDAYS } from '../../sdk/holidays.js';
import { createDeps } from '../../server/bootstrap.js';
import { openDatabase } from '../../server/db/client.js';
import { locations, organisations } from '../../server/db/schema.js';
import { readConfig } from '../../server/env.js';
import { findNearest } from '../../server/services/nearest.js';
import { bundledPc4File, importPostcodes, parsePc4Csv, type Pc4Row } from '../../server/services/postcodes.js';
import { searchDemandFor } from '../../server/services/search-demand.js';
import { httpRequest, startServer } from './lib.js';
import { prng } from '../../server/services/prng.js';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}
const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 2000);
const ORGANISATIONS = Math.max(1, Math.round(LOCATIONS / 10));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = 500_000;
const MONDAY_10 = new Date('2026-11-30T09:00:00Z');
const BASELINE = process.env.BENCH_BASELINE ? resolve(process.env.BENCH_BASELINE) : null;

const random = prng(20261130);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

/** The PC4 centroids the package ships: locations spread as Dutch postcodes are. */
const pc4Points = (): Pc4Row[] => parsePc4Csv(readFileSync(bundledPc4File, 'utf8'));

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
function summary(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `n=${s.length}  p50 ${ms(percentile(s, 50))}  p95 ${ms(percentile(s, 95))}  p99 ${ms(percentile(s, 99))}  mean ${ms(mean)}  max ${ms(s[s.length - 1])}`;
}

const { default: postgres } = await import('postgres');
const name = `ido_bench_${randomBytes(5).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;

let cleanup = async () => {};
try {
  const database = await openDatabase({ databaseUrl: url.toString() });
  const config = { ...readConfig({ IDO_LOG: 'off', IDO_PDOK_URL: 'off' }), publicRateLimit: 1_000_000_000 };
  const deps = await createDeps(config, { database, clock: () => MONDAY_10 });
  cleanup = async () => {
    await searchDemandFor(deps).stop();
    await database.close();
  };

  // ---- data ---------------------------------------------------------------------------------
  const points = pc4Points();
  await importPostcodes(database, points, 'bench');
  const orgs = await database.db
    .insert(organisations)
    .values(Array.from({ length: ORGANISATIONS }, (_, i) => ({ name: `Bibliotheek ${i + 1}` })))
    .returning({ id: organisations.id });
  const HOURS = [
    ['09:00', '12:00'],
    ['09:30', '12:30'],
    ['13:00', '16:00'],
    ['10:00', '17:00'],
    ['18:00', '20:00'],
  ] as const;
  const rows = Array.from({ length: LOCATIONS }, (_, i) => {
    const p = pick(points);
    const walkInHours = [1, 2, 3, 4, 5, 6]
      .filter(() => random() < 0.5)
      .map((day) => {
        const [opens, closes] = pick(HOURS);
        return { day, opens, closes };
      });
    return {
      organisationId: orgs[i % orgs.length].id,
      name: `IDO ${i + 1}`,
      address: { street: `Bibliotheekplein ${i + 1}`, postcode: `${p.pc4} AB`, city: `Plaats ${p.pc4}` },
      lat: p.lat + (random() - 0.5) * 0.02,
      lon: p.lon + (random() - 0.5) * 0.03,
      walkInHours,
      exceptions: random() < 0.3 ? [{ date: '2026-12-24', closed: true }] : [],
      closedOnHolidays: [...DEFAULT_CLOSED_ON_HOLIDAYS],
      contact: { phone: '030 123 4567', url: 'https://bibliotheek.example/ido' },
    };
  });
  for (let i = 0; i < rows.length; i += 500) await database.db.insert(locations).values(rows.slice(i, i + 500));
  // A few deleted ones, which must never be found.
  await database.rows(
    sql`update locations set deleted_at = now() where id in (select id from locations order by id limit ${Math.round(LOCATIONS / 100)})`,
  );
  await database.rows(sql`analyze`);

  const origins = Array.from({ length: 4000 }, () => {
    const p = pick(points);
    return { lat: Number((p.lat + (random() - 0.5) * 0.02).toFixed(4)), lon: Number((p.lon + (random() - 0.5) * 0.03).toFixed(4)) };
  });

  console.log(
    `\nPublic locator benchmark: PostgreSQL ${(await database.rows<{ v: string }>(sql`select current_setting('server_version') as v`))[0].v}, ` +
      `${LOCATIONS} locations of ${ORGANISATIONS} organisations, Node ${process.version}\n`,
  );

  const plan = await database.rows<{ 'QUERY PLAN': string }>(sql`explain select id, lat, lon, xmin::text as version from locations
    where deleted_at is null and lat between 52.0 and 52.18 and lon between 4.97 and 5.27`);
  console.log('Plan of a 10 km box:', plan.map((r) => r['QUERY PLAN'].trim()).join(' | '));

  // ---- (a) in process -----------------------------------------------------------------------
  type Find = typeof findNearest;
  const sides: { label: string; find: Find }[] = [{ label: 'now', find: findNearest }];
  if (BASELINE) {
    const before = (await import(pathToFileURL(join(BASELINE, 'server/services/nearest.ts')).href)) as { findNearest: Find };
    sides.push({ label: 'before', find: before.findNearest });
  }
  for (const side of sides) for (let i = 0; i < 200; i++) await side.find(database, { origin: origins[i], limit: 5, now: MONDAY_10 });
  /** `count` calls per side, in blocks of 100 taken in turn, so that every side sees the same machine. */
  const timed = async (count: number, openNow: boolean) => {
    const samples = sides.map(() => [] as number[]);
    for (let block = 0; block < count; block += 100) {
      for (const [s, side] of sides.entries()) {
        for (let i = block; i < Math.min(count, block + 100); i++) {
          const started = performance.now();
          const found = await side.find(database, { origin: origins[i % origins.length], limit: 5, openNow, now: MONDAY_10 });
          samples[s].push(performance.now() - started);
          if (found.length !== 5) throw new Error(`expected 5 results, got ${found.length}`);
        }
      }
    }
    return samples;
  };
  const p99 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      99,
    );
  console.log(`\n(a) findNearest in process, sequential${BASELINE ? ` (now and before, in turn; before = ${BASELINE})` : ''}`);
  for (const [label, count, openNow] of [
    ['nearest-5', 2000, false],
    ['nearest-5, openNow', 1000, true],
  ] as const) {
    const samples = await timed(count, openNow);
    for (const [s, side] of sides.entries())
      console.log(`    ${`${label}${BASELINE ? ` ${side.label}` : ''}`.padEnd(28)} ${summary(samples[s])}`);
    if (BASELINE) console.log(`    ${''.padEnd(28)} p99 before/now ${(p99(samples[1]) / p99(samples[0])).toFixed(2)}×`);
  }

  // ---- (b) over HTTP ------------------------------------------------------------------------
  // The server in a child process of its own, as in production; the load generator uses node:http.
  const env = { DATABASE_URL: url.toString(), IDO_PUBLIC_RATE_LIMIT: '100000000', IDO_PDOK_URL: 'off' };
  const servers = [{ label: 'now', server: await startServer(env) }];
  if (BASELINE) servers.push({ label: 'before', server: await startServer(env, BASELINE) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  interface Tally {
    ok: number;
    seconds: number;
    latencies: number[];
    failures: Map<number, number>;
  }
  const run = async (base: string, pathFor: (i: number) => string, seconds: number, tally: Tally) => {
    let next = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline && next < MAX_REQUESTS) {
          const i = next++;
          const t = performance.now();
          const status = await httpRequest(agent, new URL(base + pathFor(i)));
          tally.latencies.push(performance.now() - t);
          if (status === 200) tally.ok++;
          else tally.failures.set(status, (tally.failures.get(status) ?? 0) + 1);
        }
      }),
    );
    tally.seconds += (performance.now() - started) / 1000;
  };
  /** SECONDS per server; with a baseline in 4 rounds in the order A B B A A B B A. */
  const load = async (label: string, pathFor: (i: number) => string, seconds: number) => {
    const tallies = servers.map((): Tally => ({ ok: 0, seconds: 0, latencies: [], failures: new Map() }));
    const rounds = servers.length > 1 ? 4 : 1;
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? servers.map((_, i) => i) : servers.map((_, i) => i).reverse();
      for (const i of order) await run(servers[i].server.url, pathFor, seconds / rounds, tallies[i]);
    }
    for (const [i, t] of tallies.entries()) {
      const name = servers.length > 1 ? `${label} ${servers[i].label}` : label;
      console.log(
        `    ${name.padEnd(28)} ${(t.ok / t.seconds).toFixed(0)} req/s  (${t.ok} ok in ${t.seconds.toFixed(1)} s, ${CONCURRENCY} concurrent` +
          `${t.failures.size ? `, failures ${JSON.stringify(Object.fromEntries(t.failures))}` : ''})`,
      );
      console.log(`    ${''.padEnd(28)} latency ${summary(t.latencies)}`);
    }
    if (tallies.length > 1)
      console.log(
        `    ${''.padEnd(28)} req/s now/before ${(tallies[0].ok / tallies[0].seconds / (tallies[1].ok / tallies[1].seconds)).toFixed(2)}×`,
      );
  };

  console.log(`\n(b) HTTP on loopback to a server process, ${CONCURRENCY} concurrent keep-alive clients`);
  const near = (i: number) => `near=${origins[i % origins.length].lat},${origins[i % origins.length].lon}`;
  // Warm up connections and the JIT.
  await load('warm-up', (i) => `/api/v1/public/locations?${near(i)}`, 2);
  await load('?near=…&limit=5', (i) => `/api/v1/public/locations?${near(i)}&limit=5`, SECONDS);
  await load(
    '?postcode=PC4',
    (i) => `/api/v1/public/locations?postcode=${points[i % points.length].pc4}&limit=5`,
    Math.max(1, SECONDS / 2),
  );
  await load('?near=…&openNow=true', (i) => `/api/v1/public/locations?${near(i)}&openNow=true`, Math.max(1, SECONDS / 2));

  agent.destroy();
  for (const { server } of servers) await server.stop();
  console.log('');
} finally {
  await cleanup().catch(() => {});
  const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await a.unsafe(`drop database if exists ${name} with (force)`);
  await a.end();
}
