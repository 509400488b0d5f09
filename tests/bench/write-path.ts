/**
 * Write path: POST /api/v1/registrations over HTTP on PostgreSQL at 10 and 50 concurrent clients,
 * beside the raw `postgres` driver inserting the same rows (visit, questions, audit entry, report
 * aggregates) with the
 * same pool size, in the same run. Then an open-loop run at 200 requests/s for the p99 target.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx tests/bench/write-path.ts [--seconds 8]
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase } from '../../server/db/client.js';
import { locations, organisations } from '../../server/db/schema.js';
import { createKey } from '../../server/services/accounts.js';
import { seedTaxonomy } from '../../server/services/taxonomy.js';
import { aggregateDeltas } from '../../server/services/reports/aggregate-math.js';
import { fmt, freshPostgres, httpRequest, percentile, startServer } from './lib.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, pool: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const POOL = Number(values.pool);

const TOPICS = ['huurtoeslag', 'zorgtoeslag', 'digid-aanvragen', 'aow-pensioen', 'belastingaangifte', 'werk-uitkering'];
const body = (i: number) => ({
  id: randomUUID(),
  channel: 'balie',
  duration: '5-15',
  questions: [
    { type: 'digitale-overheid', topic: TOPICS[i % TOPICS.length], agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] },
    { type: 'digitale-overheid', topic: TOPICS[(i + 1) % TOPICS.length], agencies: [], help: ['doorverwijzing'], referral: { partnerKind: 'sociaal-raadslieden', warm: true } },
  ],
  note: 'Samen de aanvraag ingevuld, komt volgende week terug.',
});

interface Result { count: number; errors: number; ms: number; latencies: number[] }

/** `clients` loops, each sending one request after the other, for `seconds`. */
async function closedLoop(clients: number, send: (i: number) => Promise<boolean>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const ok = await send(i++);
      latencies.push(performance.now() - t);
      if (!ok) errors++;
    }
  }));
  return { count: latencies.length, errors, ms: performance.now() - started, latencies: latencies.sort((a, b) => a - b) };
}

/** Requests started at a fixed rate whatever the answers do (open loop), for `seconds`. */
async function openLoop(rate: number, send: (i: number) => Promise<boolean>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const total = rate * seconds;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push((async () => {
      const t = performance.now();
      const ok = await send(i);
      latencies.push(performance.now() - t);
      if (!ok) errors++;
    })());
  }
  await Promise.all(inflight);
  return { count: latencies.length, errors, ms: performance.now() - started, latencies: latencies.sort((a, b) => a - b) };
}

const line = (label: string, r: Result) =>
  `${label.padEnd(34)} ${fmt(r.count / (r.ms / 1000), 0).padStart(6)} req/s   p50 ${fmt(percentile(r.latencies, 50), 2).padStart(6)} ms   p99 ${fmt(percentile(r.latencies, 99), 2).padStart(6)} ms   errors ${r.errors}`;

async function main() {
  const pg = await freshPostgres();
  const database = await openDatabase({ databaseUrl: pg.url, max: 2 });
  await seedTaxonomy(database);
  const [org] = await database.db.insert(organisations).values({ name: 'Bench bibliotheek' }).returning();
  const [loc] = await database.db.insert(locations).values({
    organisationId: org.id, name: 'Bench', address: { street: 'Neude 11', postcode: '3512 AE', city: 'Utrecht' },
    lat: 52.09, lon: 5.12, closedOnHolidays: [],
  }).returning();
  const { key } = await createKey(database, { organisationId: org.id, kind: 'secret', locationId: null, origins: [], name: 'bench', actor: 'bench' });
  await database.close();

  const server = await startServer({ DATABASE_URL: pg.url, IDO_DB_POOL: String(POOL) });
  // node:http with keep-alive rather than fetch: fetch costs the load generator several times more
  // CPU per request, and on two cores that would measure the client, not the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(`${server.url}/api/v1/registrations`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  const viaHttp = async (i: number) =>
    (await httpRequest(agent, target, { method: 'POST', headers, body: JSON.stringify({ ...body(i), locationId: loc.id }) })) === 201;

  // The same rows the API stores, written by the bare driver with the same pool size.
  const sql = postgres(pg.url, { max: POOL, onnotice: () => {} });
  const viaDriver = async (i: number) => {
    const b = body(i);
    const hash = createHash('sha256').update(JSON.stringify(b)).digest('hex');
    await sql.begin(async (tx) => {
      await tx`insert into registrations (id, organisation_id, location_id, occurred_at, channel, duration, note, taxonomy_version, body_hash, created_by)
               values (${b.id}, ${org.id}, ${loc.id}, now(), ${b.channel}, ${b.duration}, ${b.note}, '2024', ${hash}, 'bench')`;
      for (const [position, q] of b.questions.entries()) {
        await tx`insert into questions (registration_id, position, type, topic, agencies, help, referral_partner_kind, referral_warm)
                 values (${b.id}, ${position}, ${q.type}, ${q.topic}, ${q.agencies}, ${q.help}, ${q.referral?.partnerKind ?? null}, ${q.referral?.warm ?? null})`;
      }
      await tx`insert into audit_log (organisation_id, entity, entity_id, action, actor, changes) values (${org.id}, 'registration', ${b.id}, 'create', 'bench', ${tx.json(b)})`;
      // The report aggregates the API keeps with every write (docs/aggregates.md), the same rows.
      const d = aggregateDeltas({ organisationId: org.id, locationId: loc.id, occurredAt: new Date(), channel: b.channel, duration: b.duration, questions: b.questions }, 1);
      await tx`insert into report_totals ${tx(d.totals.map((t) => ({ grain: t.grain, period: t.period, location_id: t.locationId, organisation_id: t.organisationId, visits: t.visits, questions: t.questions, referred: t.referred })))}
               on conflict (grain, period, location_id) do update set visits = report_totals.visits + excluded.visits,
               questions = report_totals.questions + excluded.questions, referred = report_totals.referred + excluded.referred`;
      await tx`insert into report_codes ${tx(d.codes.map((c) => ({ grain: c.grain, dimension: c.dimension, period: c.period, location_id: c.locationId, code: c.code, organisation_id: c.organisationId, visits: c.visits, questions: c.questions })))}
               on conflict (grain, dimension, period, location_id, code) do update set visits = report_codes.visits + excluded.visits,
               questions = report_codes.questions + excluded.questions`;
    });
    return true;
  };

  console.log(`write path on PostgreSQL, pool ${POOL}, ${seconds} s per run, server in a child process`);
  await closedLoop(5, viaHttp); // warm-up: JIT, connections, plan cache
  const rows: string[] = [];
  for (const clients of [10, 50]) {
    const raw = await closedLoop(clients, viaDriver);
    const api = await closedLoop(clients, viaHttp);
    rows.push(line(`raw driver, ${clients} clients`, raw), line(`HTTP API, ${clients} clients`, api),
      `  ratio API / raw at ${clients} clients: ${fmt((api.count / api.ms) / (raw.count / raw.ms) * 100, 0)} %`);
    console.log(rows.slice(-3).join('\n'));
  }
  const paced = await openLoop(200, viaHttp);
  console.log(line('HTTP API, open loop 200 req/s', paced));

  await sql.end();
  agent.destroy();
  await server.stop();
  await pg.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
