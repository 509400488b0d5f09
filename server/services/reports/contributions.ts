/**
 * What visits add to the aggregates, in SQL and set-based (docs/aggregates.md): one generator of
 * `report_totals`/`report_codes` rows, used by the folder (what the queue adds and removes), by every
 * report (the queue's part not folded yet) and by the rebuild (everything the aggregates hold).
 *
 * Its input is visit *versions*, two relations paired on (id, folded):
 * - visits: id, folded (true: a version the aggregates hold, from `report_pending.folded`), sign
 *   (+1 adds the version, −1 takes it out), organisation_id, location_id, lt (the Amsterdam wall
 *   clock), channel, duration; and, once `withCounts` has joined them, n (questions) and ref
 *   (whether one has a referral);
 * - questions: id, folded, topic, agencies, help, referral_partner_id, referral_partner_kind, referral_warm.
 * Codes are as stored; they are mapped onto the current value lists here.
 */
import { sql, type SQL } from 'drizzle-orm';
import { AMSTERDAM, hasReferral } from './sql.js';
import { NIL_UUID, grainOf, type Dimension, type GrainSpec } from './grains.js';

export interface Versions {
  visits: SQL;
  questions: SQL;
}
type Map = (expr: SQL) => SQL;

const currentVisits = (where: SQL) => sql`
  select r.id, false as folded, 1 as sign, r.organisation_id, r.location_id, (r.occurred_at at time zone ${AMSTERDAM}) as lt, r.channel, r.duration
  from registrations r where r.deleted_at is null and ${where}`;
const currentQuestions = (where: SQL) => sql`
  select q.registration_id as id, false as folded, q.topic, q.agencies, q.help, q.referral_partner_id, q.referral_partner_kind, q.referral_warm
  from questions q where ${where}`;
const foldedVisits = (sign: 1 | -1, where: SQL) => sql`
  select p.registration_id as id, true as folded, ${sql.raw(String(sign))} as sign,
         (p.folded->>'organisationId')::uuid as organisation_id, (p.folded->>'locationId')::uuid as location_id,
         ((p.folded->>'occurredAt')::timestamptz at time zone ${AMSTERDAM}) as lt, p.folded->>'channel' as channel, p.folded->>'duration' as duration
  from report_pending p where p.folded is not null and ${where}`;
const foldedQuestions = (where: SQL) => sql`
  select p.registration_id as id, true as folded, e->>'topic' as topic,
         array(select jsonb_array_elements_text(e->'agencies')) as agencies, array(select jsonb_array_elements_text(e->'help')) as help,
         (e->'referral'->>'partnerId')::uuid as referral_partner_id, e->'referral'->>'partnerKind' as referral_partner_kind,
         (e->'referral'->>'warm')::boolean as referral_warm
  from report_pending p cross join lateral jsonb_array_elements(p.folded->'questions') e where p.folded is not null and ${where}`;

/**
 * The change the queue (or the part of it that `where` picks, on `report_pending p`) makes: each
 * queued visit as it is now (+1, when it is live) and the version the aggregates hold (−1, when they
 * hold one). Folded in, the aggregates then hold every queued visit as it is now.
 */
export function queuedChange(where: SQL = sql`true`): Versions {
  // `= any(array(…))`: index probes for each queued id whatever the planner thinks of the queue's
  // size (a merge join would read the whole index of ten million questions).
  const queued = sql`any(array(select p.registration_id from report_pending p where ${where}))`;
  return {
    visits: sql`${currentVisits(sql`r.id = ${queued}`)} union all ${foldedVisits(-1, where)}`,
    questions: sql`${currentQuestions(sql`q.registration_id = ${queued}`)} union all ${foldedQuestions(where)}`,
  };
}

/**
 * What the aggregates hold (or should), for a rebuild: every live visit that is not queued as it
 * is, and the held version of every queued one. `organisationId` limits it to one organisation.
 */
export function heldVersions(organisationId?: string): Versions {
  const org = organisationId ? sql`and r.organisation_id = ${organisationId}::uuid` : sql``;
  const foldedOrg = organisationId ? sql`(p.folded->>'organisationId')::uuid = ${organisationId}::uuid` : sql`true`;
  return {
    visits: sql`${currentVisits(sql`not exists (select 1 from report_pending p where p.registration_id = r.id) ${org}`)}
      union all ${foldedVisits(1, foldedOrg)}`,
    // The pairing with the visits keeps the questions of the visits above.
    questions: sql`${currentQuestions(organisationId ? sql`q.registration_id in (select r.id from registrations r where true ${org})` : sql`true`)}
      union all ${foldedQuestions(foldedOrg)}`,
  };
}

/** The visits with their question count `n` and whether one has a referral (`ref`). */
export const withCounts = (visits: SQL, questions: SQL): SQL => sql`
  select v.*, coalesce(c.n, 0)::int as n, coalesce(c.ref, false) as ref
  from (${visits}) v left join (
    select q.id, q.folded, count(*) as n, bool_or(${hasReferral}) as ref from ${questions} q group by 1, 2
  ) c on c.id = v.id and c.folded = v.folded`;

/** The grains a visit row `v` counts at, as a lateral row source `g(grain, place, org, period)`. */
function grainRows(grains: readonly GrainSpec[]): SQL {
  const rows = grains.map(({ scope, unit }) => {
    const place = scope === 'location' ? sql`v.location_id` : scope === 'organisation' ? sql`v.organisation_id` : sql`${NIL_UUID}::uuid`;
    const org = scope === 'national' ? sql`${NIL_UUID}::uuid` : sql`v.organisation_id`;
    const period = unit === 'day' ? sql`v.lt::date` : sql`date_trunc(${sql.raw(`'${unit}'`)}, v.lt)::date`;
    return sql`(${grainOf(scope, unit)}::text, ${place}, ${org}, ${period})`;
  });
  return sql`cross join lateral (values ${sql.join(rows, sql`, `)}) g(grain, place, org, period)`;
}

/** `referralTarget` on a question row `q`: `k:<kind>` (mapped) when a kind is named, else `p:<partner id>`. */
const referralTarget = (map: Map): SQL => sql`case
  when q.referral_partner_kind is not null then 'k:' || ${map(sql`q.referral_partner_kind`)}
  when q.referral_partner_id is not null then 'p:' || q.referral_partner_id::text end`;

/** Whether a dimension counts per question (else per visit: `questions` = the visit's questions). */
export const perQuestion = (dimension: Dimension): boolean => !(dimension in PER_VISIT);

/** Per question-level dimension: (id, folded, code, n) with n = the version's questions that name the code. */
export function questionCodes(dimension: Dimension, questions: SQL, map: Map): SQL {
  switch (dimension) {
    case 'topic':
      return sql`select q.id, q.folded, ${map(sql`q.topic`)} as code, count(*) as n from ${questions} q group by 1, 2, 3`;
    case 'agency':
    case 'help': {
      const column = sql.raw(dimension === 'agency' ? 'q.agencies' : 'q.help');
      return sql`select q.id, q.folded, x.code, count(*) as n from ${questions} q
        cross join lateral (select distinct ${map(sql`c`)} as code from unnest(${column}) as c) x group by 1, 2, 3`;
    }
    case 'referral':
    case 'referral-warm': {
      const warm = dimension === 'referral-warm' ? sql`and q.referral_warm` : sql``;
      return sql`select q.id, q.folded, x.code, count(*) as n from ${questions} q
        cross join lateral (select ${referralTarget(map)} as code) x where x.code is not null ${warm} group by 1, 2, 3`;
    }
    case 'referral-set':
      // The version's distinct targets in code-unit order, space-separated (`referralSetCode`).
      return sql`select s.id, s.folded, string_agg(distinct s.code collate "C", ' ' order by s.code collate "C") as code, count(*) as n
        from (select q.id, q.folded, ${referralTarget(map)} as code from ${questions} q) s where s.code is not null group by 1, 2`;
    default:
      throw new Error(`not a question-level dimension: ${dimension}`);
  }
}

const PER_VISIT: Partial<Record<Dimension, (map: Map) => SQL>> = {
  channel: (map) => map(sql`v.channel`),
  duration: (map) => map(sql`v.duration`),
  'weekday-hour': () => sql`to_char(v.lt, 'ID-HH24')`,
};

/**
 * `report_totals` rows (grain, period, location_id, organisation_id, visits, questions, referred) of
 * the versions in `visits` (with counts, see `withCounts`), summed per key, at each grain.
 */
export function totalsRows(visits: SQL, grains: readonly GrainSpec[]): SQL {
  return sql`select g.grain, g.period, g.place as location_id, g.org as organisation_id,
      sum(v.sign)::int as visits, sum(v.sign * v.n)::int as questions, coalesce(sum(v.sign) filter (where v.ref), 0)::int as referred
    from ${visits} v ${grainRows(grains)}
    group by 1, 2, 3, 4
    having sum(v.sign) <> 0 or sum(v.sign * v.n) <> 0 or coalesce(sum(v.sign) filter (where v.ref), 0) <> 0`;
}

/**
 * `report_codes` rows (grain, dimension, period, location_id, code, organisation_id, visits,
 * questions) of one dimension, summed per key, at each grain. A question-level dimension reads the
 * versions' codes from `questions`, or from `codes` when they are worked out already (`questionCodes`).
 */
export function codeRows(dimension: Dimension, visits: SQL, questions: SQL, grains: readonly GrainSpec[], map: Map, codes?: SQL): SQL {
  const head = sql`select g.grain, ${dimension}::text as dimension, g.period, g.place as location_id`;
  const perVisit = PER_VISIT[dimension];
  if (perVisit) {
    return sql`${head}, ${perVisit(map)} as code, g.org as organisation_id, sum(v.sign)::int as visits, sum(v.sign * v.n)::int as questions
      from ${visits} v ${grainRows(grains)}
      group by 1, 2, 3, 4, 5, 6 having sum(v.sign) <> 0 or sum(v.sign * v.n) <> 0`;
  }
  return sql`${head}, k.code, g.org as organisation_id, sum(v.sign)::int as visits, sum(v.sign * k.n)::int as questions
    from ${visits} v join ${codes ?? sql`(${questionCodes(dimension, questions, map)})`} k on k.id = v.id and k.folded = v.folded ${grainRows(grains)}
    group by 1, 2, 3, 4, 5, 6 having sum(v.sign) <> 0 or sum(v.sign * k.n) <> 0`;
}
