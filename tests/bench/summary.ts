/**
 * Reports at scale on PostgreSQL, every figure of docs/performance.md#reports in one run: 1 million
 * questions for a quick run, 10 million for the full one. Data is generated in SQL (`INSERT … SELECT
 * generate_series`): 200 organisations, 2,000 locations, about 1.25 questions per visit, skewed
 * topics, 0–2 agencies, a referral on one question in ten, a sprinkle of retired 2021 codes.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx tests/bench/summary.ts \
 *     [--questions 1000000] [--years 1] [--runs 20] [--writes 2000] [--keep] [--reuse postgres://…/ido_bench_xxxx] [--verify]
 *
 * `--years` spreads the visits over that many years ending with 2026; the timed periods are 2026
 * (whole) and 14 February – 20 November 2026 (months, weeks and days), so `--years 1` (the default)
 * puts every row in the year. `--keep` keeps the generated database; `--reuse` times an earlier kept
 * one without generating (the bench takes its own writes out again). `--verify` also checks every
 * grouping against a plain (slow, obviously right) COUNT(DISTINCT) query, on the raw query layer, on
 * the aggregates, and on the aggregates with visits queued.
 *
 * Printed, in order: the rebuild from scratch (timed, after generating); the raw query layer and a
 * naive GROUP BY; every grouping from the aggregates for the year and the partial period; the cost a
 * write adds for the reports (`--writes` single creates through `createRegistrations`, the path of
 * `POST /registrations`, alternating rounds with and without queueing the visit); reports with those
 * writes still queued; and folding them (visits/s). The lag between a write and its folding is
 * measured by tests/bench/write-path.ts, with the server's own folder running.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { SUMMARY_GROUP_BY, type SummaryGroupBy } from '../../sdk/schemas/reports.js';
import { openDatabase } from '../../server/db/client.js';
import { codeMapOf, mappingClosure } from '../../server/services/reports/code-map.js';
import { createReports, summaryReport, type ReportFilter, type Reports } from '../../server/services/reports/index.js';
import { resolvePeriod } from '../../server/services/reports/periods.js';
import { sqlReportQueries } from '../../server/services/reports/raw.js';
import { rebuildAggregates } from '../../server/services/reports/rebuild.js';
import { createRegistrations, deleteRegistration } from '../../server/services/registrations.js';
import { createVisitWriter } from '../../server/services/visit-writer.js';
import type { Deps } from '../../server/types.js';
import { loadTaxonomy, seedTaxonomy } from '../../server/services/taxonomy.js';
import { fmt, freshPostgres, percentile } from './lib.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '1000000' },
    years: { type: 'string', default: '1' },
    runs: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    verify: { type: 'boolean', default: false },
    writes: { type: 'string', default: '2000' },
  },
});
const QUESTIONS = Number(values.questions);
const YEARS = Number(values.years);
const RUNS = Number(values.runs);
const VISITS = Math.ceil(QUESTIONS / 1.25);
const ORGANISATIONS = 200;
const LOCATIONS = 2000;

const TOPICS = [
  'huurtoeslag',
  'zorgtoeslag',
  'digid-aanvragen',
  'digid-activeren',
  'aow-pensioen',
  'belastingaangifte',
  'werk-uitkering',
  'zorg-wmo',
  'kinderopvangtoeslag',
  'digid-app',
  'digid-machtigen',
  'rijbewijs-voertuig',
  'studiefinanciering',
  'boetes-betalingsregelingen',
  'huur',
  'paspoort-id',
  'gemeente',
  'berichtenbox',
  'overig',
  'toeslagen-huur',
];
const AGENCIES = ['dienst-toeslagen', 'belastingdienst', 'svb', 'uwv', 'logius', 'gemeente', 'cak', 'duo', 'rdw', 'cjib'];
const HELP = ['digitaal-contact', 'cursus', 'digitale-samenleving', 'dienstverleners', 'doorverwijzing', 'hulp-digitaal'];
const arr = (codes: string[]) => sql.raw(`array[${codes.map((c) => `'${c}'`).join(',')}]::text[]`);

const { url, drop } = values.reuse ? { url: values.reuse, drop: async () => {} } : await freshPostgres();
const database = await openDatabase({ databaseUrl: url, max: 4 });
try {
  if (!values.reuse) await generate();
  const taxonomy = await loadTaxonomy(database);
  if (values.reuse && !(await database.rows(sql`select 1 from report_totals limit 1`)).length) await rebuild();
  const reports = createReports(database, taxonomy, { aggregates: true });
  const raw = sqlReportQueries(database, codeMapOf(taxonomy));
  const deps = { database, taxonomy, reports: { ...reports, queries: raw } };
  let t0 = performance.now();

  const year = resolvePeriod(new Date('2027-01-01T12:00:00Z'), '2026-01-01', '2026-12-31')!;
  const partial = resolvePeriod(new Date('2027-01-01T12:00:00Z'), '2026-02-14', '2026-11-20')!;
  const national: ReportFilter = { ...year };
  const organisationId = (await database.rows<{ id: string }>(sql`select md5('o1')::uuid::text as id`))[0].id;

  let lastQuestions = 0;
  async function time(label: string, filter: ReportFilter, groupBy: SummaryGroupBy | undefined, runs = RUNS) {
    await summaryReport(deps, filter, groupBy, 'nl'); // warm-up (plan cache, buffers)
    const ms: number[] = [];
    let result: Awaited<ReturnType<typeof summaryReport>> | undefined;
    for (let i = 0; i < runs; i++) {
      t0 = performance.now();
      result = await summaryReport(deps, filter, groupBy, 'nl');
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    lastQuestions = result!.questions;
    console.log(
      `${label.padEnd(52)} p50 ${fmt(percentile(ms, 50)).padStart(8)} ms   p95 ${fmt(percentile(ms, 95)).padStart(8)} ms   (${runs} runs; ${result!.visits.toLocaleString('en')} visits, ${result!.questions.toLocaleString('en')} questions, ${result!.groups.length} groups)`,
    );
    return percentile(ms, 50);
  }

  console.log('\nraw query layer (IDO_REPORT_AGGREGATES=off):');
  const p50 = await time('RAW national year, groupBy=topic', national, 'topic', Math.min(RUNS, 5));
  const questionsInYear = lastQuestions;
  await time('RAW national year, no groupBy', national, undefined, Math.min(RUNS, 5));
  for (const g of ['agency', 'day', 'location'] as const) await time(`RAW national year, groupBy=${g}`, national, g, Math.min(RUNS, 3));
  await time('RAW one organisation, year, groupBy=topic', { ...year, organisationId }, 'topic');
  console.log(`RESULT summary-topic-p50-ms=${fmt(p50)} questions=${questionsInYear}`);
  if (values.verify) await verify(deps, national);

  // Every grouping from the aggregates, for the year and for a partial period, beside a naive GROUP BY.
  console.log('\naggregates (report_totals, report_codes; the queue empty):');
  const naive = await timeNaive(national);
  deps.reports.queries = reports.queries;
  const slowest = { year: 0, partial: 0 };
  for (const [name, period] of [
    ['year', year],
    ['partial', partial],
  ] as const) {
    const label = name === 'year' ? 'national year 2026' : 'national 14 Feb-20 Nov';
    for (const g of [undefined, ...SUMMARY_GROUP_BY]) {
      const ms = await time(`AGG ${label}, ${g ? `groupBy=${g}` : 'no groupBy'}`, { ...period }, g);
      slowest[name] = Math.max(slowest[name], ms);
    }
    await time(`AGG one organisation, ${name}, groupBy=topic`, { ...period, organisationId }, 'topic');
    await time(`AGG one municipality, ${name}, groupBy=topic`, { ...period, municipality: 'Gemeente 7' }, 'topic');
  }
  const aggP50 = await time('AGG national year 2026, groupBy=topic (again)', national, 'topic', Math.max(RUNS, 50));
  console.log(
    `RESULT agg-summary-topic-p50-ms=${fmt(aggP50)} slowest-grouping-year-p50-ms=${fmt(slowest.year)} slowest-grouping-partial-p50-ms=${fmt(slowest.partial)} naive-group-by-p50-ms=${fmt(naive)} speedup-vs-naive=${fmt(naive / aggP50)}x speedup-vs-raw-layer=${fmt(p50 / aggP50)}x`,
  );
  if (values.verify) await verify(deps, national);

  const written = await writeCost(deps, reports);
  if (written) {
    // What a report pays for the visits written but not folded yet, and what folding them costs.
    console.log(`\nwith ${written.queued.toLocaleString('en')} visits queued (not folded):`);
    const queuedTopic = await time('AGG national year 2026, groupBy=topic, queue', national, 'topic');
    const queuedLocation = await time('AGG national year 2026, groupBy=location, queue', national, 'location');
    t0 = performance.now();
    const folded = await reports.fold();
    const foldMs = performance.now() - t0;
    console.log(
      `folded ${folded.folded.toLocaleString('en')} visits in ${fmt(foldMs)} ms (${fmt(folded.folded / (foldMs / 1000), 0)} visits/s)`,
    );
    console.log(
      `RESULT queue-topic-p50-ms=${fmt(queuedTopic)} queue-location-p50-ms=${fmt(queuedLocation)} fold-visits-per-s=${fmt(folded.folded / (foldMs / 1000), 0)}`,
    );
    if (values.verify) await verify(deps, national);
    await written.forget();
  }
} finally {
  await database.close();
  if (values.keep || values.reuse) console.log(`kept ${url}`);
  else await drop();
}

async function generate() {
  await seedTaxonomy(database);
  console.log(
    `generating ${QUESTIONS.toLocaleString('en')} questions in ${VISITS.toLocaleString('en')} visits over ${YEARS} year(s), ${ORGANISATIONS} organisations, ${LOCATIONS} locations …`,
  );
  const t0 = performance.now();
  await database.rows(sql`
    insert into organisations (id, name)
    select md5('o' || g)::uuid, 'Bibliotheek ' || g from generate_series(1, ${ORGANISATIONS}) g`);
  await database.rows(sql`
    insert into locations (id, organisation_id, name, address, municipality, province, lat, lon, closed_on_holidays)
    select md5('l' || g)::uuid, md5('o' || (1 + g % ${ORGANISATIONS}))::uuid, 'Locatie ' || g,
           jsonb_build_object('street', 'Plein 1', 'postcode', '3511 AB', 'city', 'Plaats ' || (g % 300), 'municipality', 'Gemeente ' || (g % 300), 'province', 'Provincie ' || (g % 12)),
           'Gemeente ' || (g % 300), 'Provincie ' || (g % 12), 52 + (g % 100) / 100.0, 5 + (g % 100) / 100.0, '{}'::text[]
    from generate_series(1, ${LOCATIONS}) g`);
  // Visits: location 1 + g % 2000 (and its organisation), a time spread evenly over the years within 07:00–21:00 local.
  const start = `${2026 - YEARS + 1}-01-01T00:00:00Z`;
  const span = YEARS * 365 * 86400;
  await database.rows(sql`
    insert into registrations (id, organisation_id, location_id, occurred_at, channel, duration, taxonomy_version, body_hash, created_by, created_at, updated_at)
    select md5('r' || g)::uuid, md5('o' || (1 + (1 + g % ${LOCATIONS}) % ${ORGANISATIONS}))::uuid, md5('l' || (1 + g % ${LOCATIONS}))::uuid,
           t, (${arr(['balie', 'spreekuur', 'telefoon', 'email-chat'])})[1 + (g % 7) % 4],
           (${arr(['0-5', '5-15', '15-30', '30-60', '60+'])})[1 + (g % 13) % 5],
           case when g % 50 = 0 then '2021' else '2024' end, 'bench', 'bench', t, t
    from generate_series(1, ${VISITS}) g
    cross join lateral (select ${start}::timestamptz + make_interval(days => (((g::bigint * 7919) % ${span}) / 86400)::int, hours => 6 + (g % 14), mins => g % 60) as t) x`);
  // Questions: the first ${VISITS} are position 0 of every visit, the rest position 1 of the first ones.
  // h is a hash of (visit, position), so that the two questions of a visit differ (and sometimes agree).
  await database.rows(sql`
    insert into questions (registration_id, position, type, topic, agencies, help, referral_partner_kind, referral_warm)
    select md5('r' || v)::uuid, p, 'digitale-overheid',
           (${arr(TOPICS)})[1 + floor(power((h % 1000) / 1000.0, 2) * ${TOPICS.length})::int],
           case h % 4 when 0 then '{}'::text[] when 1 then array[(${arr(AGENCIES)})[1 + (h / 1000) % 10]]
                else array[(${arr(AGENCIES)})[1 + (h / 1000) % 10], (${arr(AGENCIES)})[1 + (h / 10000) % 10]] end,
           array[(${arr(HELP)})[1 + (h / 100000) % 6]],
           case when h % 10 = 3 then 'sociaal-raadslieden' end, case when h % 10 = 3 then h % 20 = 3 end
    from generate_series(1, ${QUESTIONS}) q
    cross join lateral (select 1 + (q - 1) % ${VISITS} as v, (q - 1) / ${VISITS} as p) vp
    cross join lateral (select ((v * 2654435761::bigint + p * 40503) % 4294967291) as h) hh`);
  await database.rows(sql`analyze`);
  console.log(`generated in ${fmt((performance.now() - t0) / 1000)} s`);
  await rebuild();
}

async function rebuild() {
  const t0 = performance.now();
  await rebuildAggregates(database, { taxonomy: await loadTaxonomy(database) });
  await database.rows(sql`analyze report_totals`);
  await database.rows(sql`analyze report_codes`);
  const [n] = await database.rows<{ totals: number; codes: number }>(
    sql`select (select count(*) from report_totals)::int as totals, (select count(*) from report_codes)::int as codes`,
  );
  console.log(
    `REBUILD aggregates rebuilt from scratch in ${fmt((performance.now() - t0) / 1000)} s (${n.totals.toLocaleString('en')} report_totals rows, ${n.codes.toLocaleString('en')} report_codes rows)`,
  );
}

/** The year summary by topic as one would first write it: COUNT(DISTINCT) over the join, codes mapped. */
async function timeNaive(filter: ReportFilter) {
  const taxonomy = await loadTaxonomy(database);
  const map = codeMapOf(taxonomy);
  const topic = map.size ? `(case q.topic ${[...map].map(([a, b]) => `when '${a}' then '${b}'`).join(' ')} else q.topic end)` : 'q.topic';
  const where = `r.deleted_at is null and r.occurred_at >= '${filter.start.toISOString()}' and r.occurred_at < '${filter.end.toISOString()}'`;
  const query = sql.raw(`select ${topic} as key, count(distinct r.id)::int as visits, count(*)::int as questions
    from registrations r join questions q on q.registration_id = r.id where ${where} group by 1`);
  const runs = Math.min(RUNS, 5);
  await database.rows(query);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await database.rows(query);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${'NAIVE GROUP BY over raw rows, topic'.padEnd(44)} p50 ${fmt(percentile(ms, 50)).padStart(8)} ms   (${runs} runs)`);
  return percentile(ms, 50);
}

/**
 * Cost per registration write: single creates through createRegistrations (one statement each, the
 * path of POST /registrations), with and without what a write does for the reports (queueing the
 * visit for the folder), in alternating rounds. The writes with it stay queued for the caller to
 * time reports and the fold with; `forget` takes every bench write out again, so that a kept
 * database stays one whose aggregates equal its rows.
 */
async function writeCost(base: { database: typeof database; taxonomy: Awaited<ReturnType<typeof loadTaxonomy>> }, reports: Reports) {
  const writes = Number(values.writes);
  if (!writes) return null;
  const visitWriter = createVisitWriter(database, { groupCommit: false });
  const deps = (keepAggregates: boolean) =>
    ({ ...base, reports: { ...reports, keepAggregates }, visitWriter, clock: () => new Date() }) as unknown as Deps;
  const caller = {
    kind: 'user' as const,
    userId: '00000000-0000-0000-0000-000000000000',
    role: 'national' as const,
    organisationId: null,
    actor: 'bench',
  };
  let seq = 0;
  const input = () => {
    const g = ++seq;
    return {
      locationId: md5uuid(`l${1 + ((g * 7) % LOCATIONS)}`),
      occurredAt: new Date(Date.parse('2026-01-01T08:00:00Z') + ((g * 7919) % 300) * 86400_000 + (g % 8) * 3600_000).toISOString(),
      channel: 'balie',
      duration: '5-15',
      questions: [
        { type: 'digitale-overheid', topic: TOPICS[g % 19], agencies: [AGENCIES[g % 10]], help: [HELP[g % 5]] },
        ...(g % 4 === 0
          ? [
              {
                type: 'digitale-overheid',
                topic: TOPICS[(g * 3) % 19],
                agencies: [],
                help: ['cursus'],
                referral: { partnerKind: 'sociaal-raadslieden', warm: true },
              },
            ]
          : []),
      ],
    };
  };
  const timings: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const ids: Record<'with' | 'without', string[]> = { with: [], without: [] };
  const round = Math.max(1, Math.floor(writes / 4));
  for (let r = 0; r < 8; r++) {
    const mode = r % 2 === 0 ? 'with' : 'without';
    for (let i = 0; i < round; i++) {
      const item = { input: input() as never };
      const t0 = performance.now();
      const [result] = await createRegistrations(deps(mode === 'with'), caller, [item], 'nl');
      timings[mode].push(performance.now() - t0);
      if (result.status !== 'created') throw new Error(`write failed: ${JSON.stringify(result)}`);
      ids[mode].push(result.id!);
    }
  }
  const stats = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: percentile(s, 50), p95: percentile(s, 95), n: s.length };
  };
  const w = stats(timings.with);
  const wo = stats(timings.without);
  console.log(`\nwrite cost, single creates via createRegistrations (${w.n} each way, alternating rounds):`);
  console.log(`  queued for the aggregates   mean ${fmt(w.mean, 2)} ms   p50 ${fmt(w.p50, 2)} ms   p95 ${fmt(w.p95, 2)} ms`);
  console.log(`  nothing for the reports     mean ${fmt(wo.mean, 2)} ms   p50 ${fmt(wo.p50, 2)} ms   p95 ${fmt(wo.p95, 2)} ms`);
  console.log(
    `RESULT write-cost-with-ms=${fmt(w.p50, 2)} write-cost-without-ms=${fmt(wo.p50, 2)} aggregate-overhead-p50-ms=${fmt(w.p50 - wo.p50, 2)} overhead-mean-ms=${fmt(w.mean - wo.mean, 2)}`,
  );
  // The writes without the queue never reach the aggregates: out with them at once, so the figures stay exact.
  await removeRows(ids.without);
  return {
    queued: ids.with.length,
    /** Takes the queued writes out again (deleted, the deletions folded, then the rows removed), as if the bench never wrote. */
    async forget() {
      for (const id of ids.with) await deleteRegistration(deps(true), caller, id);
      await reports.fold();
      await removeRows(ids.with);
    },
  };
}

/** Removes registrations and their questions and audit entries outright (bench rows only). */
async function removeRows(ids: string[]) {
  const all = sql.raw(`'{${ids.join(',')}}'::uuid[]`);
  await database.rows(sql`delete from questions where registration_id = any(${all})`);
  await database.rows(sql`delete from audit_log where entity = 'registration' and entity_id::uuid = any(${all})`);
  await database.rows(sql`delete from registrations where id = any(${all})`);
}

function md5uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Every grouping of the summary against a plain COUNT(DISTINCT) over the join, with the same code mapping. */
async function verify(
  deps: { database: typeof database; taxonomy: Awaited<ReturnType<typeof loadTaxonomy>>; reports: Reports },
  filter: ReportFilter,
) {
  const map = mappingClosure(
    deps.taxonomy.versions().map((v) => v.mappings),
    deps.taxonomy.currentCode,
  );
  const m = (e: string) => (map.size ? `(case ${e} ${[...map].map(([a, b]) => `when '${a}' then '${b}'`).join(' ')} else ${e} end)` : e);
  const where = `r.deleted_at is null and r.occurred_at >= '${filter.start.toISOString()}' and r.occurred_at < '${filter.end.toISOString()}'`;
  const local = `(r.occurred_at at time zone 'Europe/Amsterdam')`;
  const keys: Record<SummaryGroupBy, string> = {
    topic: m('q.topic'),
    agency: m('c'),
    help: m('c'),
    organisation: 'r.organisation_id::text',
    location: 'r.location_id::text',
    channel: m('r.channel'),
    duration: m('r.duration'),
    day: `to_char(${local}, 'YYYY-MM-DD')`,
    week: `to_char(${local}, 'IYYY-"W"IW')`,
    month: `to_char(${local}, 'YYYY-MM')`,
    'weekday-hour': `to_char(${local}, 'ID-HH24')`,
  };
  const [totals] = await database.rows<{ visits: number; questions: number; referred: number }>(
    sql.raw(`
    select count(distinct r.id)::int as visits, count(*)::int as questions,
           (count(distinct r.id) filter (where q.referral_partner_id is not null or q.referral_partner_kind is not null))::int as referred
    from registrations r join questions q on q.registration_id = r.id where ${where}`),
  );
  let mismatches = 0;
  for (const groupBy of SUMMARY_GROUP_BY) {
    const unnest = groupBy === 'agency' ? 'cross join unnest(q.agencies) c' : groupBy === 'help' ? 'cross join unnest(q.help) c' : '';
    const expected = await database.rows<{ key: string; visits: number; questions: number }>(
      sql.raw(`
      select ${keys[groupBy]} as key, count(distinct r.id)::int as visits, count(distinct (r.id, q.position))::int as questions
      from registrations r join questions q on q.registration_id = r.id ${unnest} where ${where} group by 1`),
    );
    const got = await summaryReport(deps, filter, groupBy, 'nl');
    const byKey = new Map(got.groups.map((g) => [g.key, g]));
    const wrong = expected.filter((e) => byKey.get(e.key)?.visits !== e.visits || byKey.get(e.key)?.questions !== e.questions);
    const totalsWrong = got.visits !== totals.visits || got.questions !== totals.questions || got.referred !== totals.referred;
    if (wrong.length || byKey.size !== expected.length || totalsWrong) {
      mismatches++;
      console.log(`MISMATCH groupBy=${groupBy}`, {
        wrong: wrong.slice(0, 3),
        groups: [byKey.size, expected.length],
        totals: [got.visits, got.questions, got.referred],
        expected: totals,
      });
    }
  }
  console.log(
    mismatches
      ? `verify: ${mismatches} grouping(s) differ`
      : `verify: all ${SUMMARY_GROUP_BY.length} groupings and their totals match the plain queries`,
  );
  if (mismatches) process.exitCode = 1;
}
