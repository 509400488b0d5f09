/**
 * Write path: POST /api/v1/registrations over HTTP on PostgreSQL at 10 and 50 concurrent clients,
 * beside two baselines written by the bare `postgres` driver with the same pool size, in the same run:
 * - "raw visit": the visit and its questions in one transaction, what storing a visit costs (the goal
 *   is API ÷ this ≥ 0.5, aim 0.8);
 * - "raw before": the rows the API wrote per visit before the folder existed (visit, questions, audit
 *   entry and about 60 aggregate upserts in the same transaction), for comparison with earlier runs.
 * Then an open-loop run at 200 requests/s (the p99 goal), during which it samples the lag between a
 * write's 201 and its folding into the aggregates by the server's folder.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx tests/bench/write-path.ts [--seconds 8] [--pool 10]
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase } from '../../server/db/client.js';
import { locations, organisations } from '../../server/db/schema.js';
import { createKey } from '../../server/services/accounts.js';
import { seedTaxonomy } from '../../server/services/taxonomy.js';
import { aggregateDeltas } from '../helpers/aggregate-oracle.js';
import { fmt, freshPostgres, httpRequest, percentile, startServer } from './lib.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, pool: { type: 'string', default: '10' } } });
const seconds = Number(values.seconds);
const POOL = Number(values.pool);
/** The server's default: the lag figure is for the product as it ships. */
const FOLD_MS = 2000;

const TOPICS = ['huurtoeslag', 'zorgtoeslag', 'digid-aanvragen', 'aow-pensioen', 'belastingaangifte', 'werk-uitkering'];
const body = (i: number) => ({
  id: randomUUID(),
  channel: 'balie',
  duration: '5-15',
  questions: [
    { type: 'digitale-overheid', topic: TOPICS[i % TOPICS.length], agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] },
    {
      type: 'digitale-overheid',
      topic: TOPICS[(i + 1) % TOPICS.length],
      agencies: [],
      help: ['doorverwijzing'],
      referral: { partnerKind: 'sociaal-raadslieden', warm: true },
    },
  ],
  note: 'Samen de aanvraag ingevuld, komt volgende week terug.',
});

interface Result {
  count: number;
  errors: number;
  ms: number;
  latencies: number[];
}

/** `clients` loops, each sending one request after the other, for `seconds`. */
async function closedLoop(clients: number, send: (i: number) => Promise<boolean>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const ok = await send(i++);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
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
    inflight.push(
      (async () => {
        const t = performance.now();
        const ok = await send(i);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      })(),
    );
  }
  await Promise.all(inflight);
  return { count: latencies.length, errors, ms: performance.now() - started, latencies: latencies.sort((a, b) => a - b) };
}

const line = (label: string, r: Result) =>
  `${label.padEnd(44)} ${fmt(r.count / (r.ms / 1000), 0).padStart(6)} req/s   p50 ${fmt(percentile(r.latencies, 50), 2).padStart(6)} ms   p99 ${fmt(percentile(r.latencies, 99), 2).padStart(6)} ms   errors ${r.errors}`;

/** Milliseconds from now until the visit's queue row is gone (folded), polled every 5 ms. */
async function untilFolded(watcher: postgres.Sql, id: string): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const rows = await watcher`select 1 from report_pending where registration_id = ${id}`;
    if (!rows.length) return performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function main() {
  const pg = await freshPostgres();
  const database = await openDatabase({ databaseUrl: pg.url, max: 2 });
  await seedTaxonomy(database);
  const [org] = await database.db.insert(organisations).values({ name: 'Bench bibliotheek' }).returning();
  const [loc] = await database.db
    .insert(locations)
    .values({
      organisationId: org.id,
      name: 'Bench',
      address: { street: 'Neude 11', postcode: '3512 AE', city: 'Utrecht' },
      lat: 52.09,
      lon: 5.12,
      closedOnHolidays: [],
    })
    .returning();
  const { key } = await createKey(database, {
    organisationId: org.id,
    kind: 'secret',
    locationId: null,
    origins: [],
    name: 'bench',
    actor: 'bench',
  });
  await database.close();

  // The server as it ships, and one with group commit (IDO_GROUP_COMMIT=on); each is measured alone.
  const server = await startServer({ DATABASE_URL: pg.url, IDO_DB_POOL: String(POOL), IDO_FOLD_INTERVAL_MS: String(FOLD_MS) });
  const grouped = await startServer({
    DATABASE_URL: pg.url,
    IDO_DB_POOL: String(POOL),
    IDO_FOLD_INTERVAL_MS: String(FOLD_MS),
    IDO_GROUP_COMMIT: 'on',
  });
  // node:http with keep-alive rather than fetch: fetch costs the load generator several times more
  // CPU per request, and on two cores that would measure the client, not the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(`${server.url}/api/v1/registrations`);
  const groupedTarget = new URL(`${grouped.url}/api/v1/registrations`);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  const post = (url: URL) => async (i: number) =>
    (await httpRequest(agent, url, { method: 'POST', headers, body: JSON.stringify({ ...body(i), locationId: loc.id }) })) === 201;
  const viaHttp = post(target);
  const viaHttpGrouped = post(groupedTarget);

  const sql = postgres(pg.url, { max: POOL, onnotice: () => {} });
  // What storing a visit costs: the visit and its questions, one transaction, the same pool size.
  const viaDriverVisit = async (i: number) => {
    const b = body(i);
    const hash = createHash('sha256').update(JSON.stringify(b)).digest('hex');
    await sql.begin(async (tx) => {
      await tx`insert into registrations (id, organisation_id, location_id, occurred_at, channel, duration, note, taxonomy_version, body_hash, created_by)
               values (${b.id}, ${org.id}, ${loc.id}, now(), ${b.channel}, ${b.duration}, ${b.note}, '2024', ${hash}, 'bench')`;
      await tx`insert into questions ${tx(
        b.questions.map((q, position) => ({
          registration_id: b.id,
          position,
          type: q.type,
          topic: q.topic,
          agencies: q.agencies,
          help: q.help,
          referral_partner_kind: q.referral?.partnerKind ?? null,
          referral_warm: q.referral?.warm ?? null,
        })),
      )}`;
    });
    return true;
  };
  // The rows the API wrote per visit before the folder: visit, questions, audit entry and the aggregates of the day and month grains.
  // (The server's folder adds to the same aggregate rows meanwhile: a deadlock between the two counts as an error.)
  const viaDriverBefore = async (i: number) => {
    const b = body(i);
    const hash = createHash('sha256').update(JSON.stringify(b)).digest('hex');
    return sql
      .begin(async (tx) => {
        await tx`insert into registrations (id, organisation_id, location_id, occurred_at, channel, duration, note, taxonomy_version, body_hash, created_by)
               values (${b.id}, ${org.id}, ${loc.id}, now(), ${b.channel}, ${b.duration}, ${b.note}, '2024', ${hash}, 'bench')`;
        for (const [position, q] of b.questions.entries()) {
          await tx`insert into questions (registration_id, position, type, topic, agencies, help, referral_partner_kind, referral_warm)
                 values (${b.id}, ${position}, ${q.type}, ${q.topic}, ${q.agencies}, ${q.help}, ${q.referral?.partnerKind ?? null}, ${q.referral?.warm ?? null})`;
        }
        await tx`insert into audit_log (organisation_id, entity, entity_id, action, actor, changes) values (${org.id}, 'registration', ${b.id}, 'create', 'bench', ${tx.json(b)})`;
        // The report aggregates the API keeps with every write (docs/aggregates.md), the same rows.
        const all = aggregateDeltas(
          {
            organisationId: org.id,
            locationId: loc.id,
            occurredAt: new Date(),
            channel: b.channel,
            duration: b.duration,
            questions: b.questions,
          },
          1,
        );
        const d = {
          totals: all.totals.filter((t) => !t.grain.endsWith('week')),
          codes: all.codes.filter((c) => !c.grain.endsWith('week')),
        };
        await tx`insert into report_totals ${tx(d.totals.map((t) => ({ grain: t.grain, period: t.period, location_id: t.locationId, organisation_id: t.organisationId, visits: t.visits, questions: t.questions, referred: t.referred })))}
               on conflict (grain, period, location_id) do update set visits = report_totals.visits + excluded.visits,
               questions = report_totals.questions + excluded.questions, referred = report_totals.referred + excluded.referred`;
        await tx`insert into report_codes ${tx(d.codes.map((c) => ({ grain: c.grain, dimension: c.dimension, period: c.period, location_id: c.locationId, code: c.code, organisation_id: c.organisationId, visits: c.visits, questions: c.questions })))}
               on conflict (grain, dimension, period, location_id, code) do update set visits = report_codes.visits + excluded.visits,
               questions = report_codes.questions + excluded.questions`;
      })
      .then(
        () => true,
        () => false,
      );
  };

  console.log(`write path on PostgreSQL, pool ${POOL}, ${seconds} s per run, server in a child process (folding every ${FOLD_MS} ms)`);
  await closedLoop(5, viaHttp); // warm-up: JIT, connections, plan cache
  await closedLoop(5, viaHttpGrouped);
  for (const clients of [10, 50]) {
    const rawVisit = await closedLoop(clients, viaDriverVisit);
    const api = await closedLoop(clients, viaHttp);
    const apiGrouped = await closedLoop(clients, viaHttpGrouped);
    const rawBefore = await closedLoop(clients, viaDriverBefore);
    const rate = (r: Result) => r.count / r.ms;
    console.log(
      [
        line(`raw visit (visit + questions), ${clients} cl.`, rawVisit),
        line(`HTTP API, ${clients} clients`, api),
        line(`HTTP API, group commit, ${clients} clients`, apiGrouped),
        line(`raw before (+ audit, aggregates), ${clients} cl.`, rawBefore),
        `  ratio API / raw visit at ${clients} clients: ${fmt(rate(api) / rate(rawVisit), 2)}, with group commit ${fmt(rate(apiGrouped) / rate(rawVisit), 2)}   (API / raw before: ${fmt(rate(api) / rate(rawBefore), 2)})`,
        `RESULT clients=${clients} api-per-s=${fmt(rate(api) * 1000, 0)} api-group-commit-per-s=${fmt(rate(apiGrouped) * 1000, 0)} raw-visit-per-s=${fmt(rate(rawVisit) * 1000, 0)} ratio=${fmt(rate(api) / rate(rawVisit), 2)} ratio-group-commit=${fmt(rate(apiGrouped) / rate(rawVisit), 2)}`,
      ].join('\n'),
    );
  }

  // Open loop at 200 requests/s; meanwhile every 100th write is followed until the folder has folded it.
  const watcher = postgres(pg.url, { max: 1, onnotice: () => {} });
  const lags: Promise<number>[] = [];
  const followed = async (i: number) => {
    const b = body(i);
    const ok = (await httpRequest(agent, target, { method: 'POST', headers, body: JSON.stringify({ ...b, locationId: loc.id }) })) === 201;
    if (ok && i % 100 === 0) lags.push(untilFolded(watcher, b.id));
    return ok;
  };
  const paced = await openLoop(200, followed);
  console.log(line('HTTP API, open loop 200 req/s', paced));
  const pacedGrouped = await openLoop(200, viaHttpGrouped);
  console.log(line('HTTP API, group commit, open loop 200/s', pacedGrouped));
  const lag = (await Promise.all(lags)).sort((a, b) => a - b);
  console.log(
    `lag from 201 to folded: p50 ${fmt(percentile(lag, 50), 0)} ms   p99 ${fmt(percentile(lag, 99), 0)} ms   max ${fmt(lag.at(-1) ?? NaN, 0)} ms   (${lag.length} writes followed, folding every ${FOLD_MS} ms)`,
  );
  console.log(
    `RESULT open-loop-p50-ms=${fmt(percentile(paced.latencies, 50), 2)} open-loop-p99-ms=${fmt(percentile(paced.latencies, 99), 2)} open-loop-group-commit-p99-ms=${fmt(percentile(pacedGrouped.latencies, 99), 2)} fold-lag-p50-ms=${fmt(percentile(lag, 50), 0)} fold-lag-p99-ms=${fmt(percentile(lag, 99), 0)}`,
  );
  await watcher.end();

  await sql.end();
  agent.destroy();
  await server.stop();
  await grouped.stop();
  await pg.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
