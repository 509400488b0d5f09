/**
 * The query layer on the report aggregates (docs/aggregates.md): totals, the summary for every
 * `groupBy` and the accountability tables, from `report_totals` and `report_codes`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SummaryGroupBy } from '../../../sdk/schemas/reports.js';
import type { Database } from '../../db/client.js';
import { partners, reportCodes, reportPending, reportTotals } from '../../db/schema.js';
import { sqlCodeMapper } from './code-map.js';
import { codeRows, queuedChange, totalsRows, withCounts } from './contributions.js';
import { NIL_UUID, UNITS, coverRange, grainOf, type Dimension, type Scope, type Unit } from './grains.js';
import type {
  AccountabilityPeriod,
  PeriodCodeDimension,
  PeriodCodeRow,
  PeriodLocationTopicRow,
  RawGroup,
  ReferralKindRow,
  ReportFilter,
  ReportQueries,
  Totals,
} from './queries.js';
import { int, rowsOf } from './sql.js';

/**
 * A `ReportQueries` that answers from the aggregates whatever they hold the grain of: totals, the
 * summary for every `groupBy`, and the accountability tables of visits and questions (period ×
 * location × topic, period × agency, referrals per kind of partner). From `raw`: courses (their own
 * small table, no aggregates) and the question export (a row per question).
 *
 * Every query adds the queue's part (`report_pending`, not folded yet) to the folded rows, in the
 * same statement: one snapshot sees a visit either folded or queued, never both or neither, so the
 * answer is exact and counts every write that committed before it was asked.
 * @param codeMap Retired code → current code, for the kinds of partners looked up when read.
 */
export function aggregateReportQueries(
  database: Database,
  raw: ReportQueries,
  codeMap: ReadonlyMap<string, string> = new Map(),
): ReportQueries {
  const map = sqlCodeMapper(codeMap);
  /** The snapshot of a `reading`: its queries, and whether the queue holds anything in it. */
  interface Run {
    rows<T>(query: SQL): Promise<T[]>;
    queued: boolean;
  }

  /**
   * Runs `work` in one read-only snapshot: a summary's totals and groups agree, whatever is written
   * meanwhile, and when the snapshot's queue is empty (after a fold) no query needs to read it.
   */
  function reading<T>(work: (run: Run) => Promise<T>): Promise<T> {
    return database.db.transaction(
      async (tx) => {
        const jit = database.kind === 'postgres' ? sql`, set_config('jit', 'off', true)` : sql``;
        const [state] = await rowsOf<{ queued: boolean }>(tx, sql`select exists (select 1 from ${reportPending}) as queued ${jit}`);
        return work({ rows: (query) => rowsOf(tx, query), queued: Boolean(state?.queued) });
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }

  /**
   * The scope a report reads: the country when nothing narrows it, an organisation's rows for an
   * organisation (or grouped by organisation), the locations' rows for anything about locations.
   */
  function scopeFor(f: ReportFilter, groupBy?: SummaryGroupBy): Scope {
    if (f.locationId || f.municipality || f.province || groupBy === 'location') return 'location';
    if (f.organisationId || groupBy === 'organisation') return 'organisation';
    return 'national';
  }

  /** The filter on rows `a` of a scope; the ids it fixes come first in the primary keys, so each part stays a narrow range. */
  function filterWhere(f: ReportFilter, scope: Scope): SQL {
    if (scope === 'national') return sql`and a.location_id = ${NIL_UUID}::uuid`;
    if (scope === 'organisation') return f.organisationId ? sql`and a.location_id = ${f.organisationId}::uuid` : sql``;
    const parts: SQL[] = [];
    if (f.organisationId) parts.push(sql`and a.organisation_id = ${f.organisationId}::uuid`);
    if (f.locationId) parts.push(sql`and a.location_id = ${f.locationId}::uuid`);
    const place: SQL[] = [];
    if (f.municipality) place.push(sql`lower(coalesce(l.municipality, l.address->>'municipality')) = lower(${f.municipality.trim()})`);
    if (f.province) place.push(sql`lower(coalesce(l.province, l.address->>'province')) = lower(${f.province.trim()})`);
    if (place.length) parts.push(sql`and a.location_id in (select l.id from locations l where ${sql.join(place, sql` and `)})`);
    return sql.join(parts, sql` `);
  }

  /**
   * Rows `a` of one table over the filter's period, in the scope: whole months from the month
   * rows, whole weeks around them from the week rows, the days left from the day rows (`coverRange`;
   * `units` narrows that for groupings by day and week), each part a range of the primary key; and
   * the queue's part (when it holds anything), as rows of the day unit. `cols` are the columns to select from `a`.
   */
  function ranges(
    run: Run,
    table: 'totals' | 'codes',
    f: ReportFilter,
    scope: Scope,
    cols: SQL,
    options: { dimension?: Dimension; units?: { months?: boolean; weeks?: boolean } } = {},
  ): SQL {
    const t = table === 'totals' ? reportTotals : reportCodes;
    const dim = options.dimension ? sql`and a.dimension = ${options.dimension}` : sql``;
    const where = filterWhere(f, scope);
    const weekRows = (UNITS[table] as readonly Unit[]).includes('week');
    const cover = coverRange(f.from, f.to, weekRows ? options.units : { ...options.units, weeks: false });
    const part = (unit: Unit, [from, to]: [string, string]) =>
      sql`select ${cols} from ${t} a where a.grain = ${grainOf(scope, unit)} ${dim} and a.period between ${from}::date and ${to}::date ${where}`;
    const parts: SQL[] = [];
    if (cover.months) parts.push(part('month', cover.months));
    for (const range of cover.weeks) parts.push(part('week', range));
    for (const range of cover.days) parts.push(part('day', range));
    if (run.queued)
      parts.push(
        sql`select ${cols} from (${queuedRows(table, scope, options.dimension)}) a where a.period between ${f.from}::date and ${f.to}::date ${where}`,
      );
    return sql.join(parts, sql` union all `);
  }

  /** What the queue adds and takes out, as rows of one table (and dimension) at the day unit of the scope. */
  function queuedRows(table: 'totals' | 'codes', scope: Scope, dimension?: Dimension): SQL {
    const change = queuedChange();
    const grain = [{ scope, unit: 'day' as const }];
    const rows = table === 'totals' ? totalsRows(sql`queued_v`, grain) : codeRows(dimension!, sql`queued_v`, sql`queued_q`, grain, map);
    return sql`with queued_q as materialized (${change.questions}), queued_v as materialized (${withCounts(change.visits, sql`queued_q`)}) ${rows}`;
  }

  async function totals(run: Run, f: ReportFilter): Promise<Totals> {
    const [row] = await run.rows<Totals>(sql`
      select coalesce(sum(visits), 0)::int as visits, coalesce(sum(questions), 0)::int as questions, coalesce(sum(referred), 0)::int as referred
      from (${ranges(run, 'totals', f, scopeFor(f), sql`a.visits, a.questions, a.referred`)}) t`);
    return { visits: int(row?.visits), questions: int(row?.questions), referred: int(row?.referred) };
  }

  const PERIOD_FORMAT: Record<string, string> = {
    day: 'YYYY-MM-DD',
    week: 'IYYY-"W"IW',
    month: 'YYYY-MM',
    quarter: 'YYYY-"Q"Q',
    year: 'YYYY',
  };
  /** A grouping by day reads day rows only; by week, weeks and days (a week crossing a month is one row). */
  const COVER_FOR = { day: { months: false, weeks: false }, week: { months: false }, month: {} } as const;
  const periodKey = (period: AccountabilityPeriod) => sql`to_char(p, ${sql.raw(`'${PERIOD_FORMAT[period]}'`)})`;

  async function groups(run: Run, f: ReportFilter, groupBy: SummaryGroupBy): Promise<RawGroup[]> {
    let query: SQL;
    const scope = scopeFor(f, groupBy);
    switch (groupBy) {
      case 'topic':
      case 'agency':
      case 'help':
      case 'channel':
      case 'duration':
      case 'weekday-hour':
        query = sql`select code as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges(run, 'codes', f, scope, sql`a.code, a.visits, a.questions`, { dimension: groupBy })}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      case 'organisation':
      case 'location': {
        const col = sql.raw(groupBy === 'organisation' ? 'a.organisation_id' : 'a.location_id'); // in the organisation scope both are the organisation
        query = sql`select k::text as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges(run, 'totals', f, scope, sql`${col} as k, a.visits, a.questions`)}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      }
      case 'day':
      case 'week':
      case 'month': {
        const format = sql.raw(`'${PERIOD_FORMAT[groupBy]}'`);
        query = sql`select to_char(p, ${format}) as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges(run, 'totals', f, scope, sql`a.period as p, a.visits, a.questions`, { units: COVER_FOR[groupBy] })}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      }
      default:
        return raw.groups(f, groupBy);
    }
    const rows = await run.rows<RawGroup>(query);
    return rows.map((r) => ({ key: String(r.key), visits: int(r.visits), questions: int(r.questions) }));
  }

  /**
   * Period × location × topic from the location scope's topic rows. A visit is in one period and
   * one location, so its "at least one question on this topic" adds up over days, months and quarters.
   */
  async function periodLocationTopic(run: Run, f: ReportFilter, period: AccountabilityPeriod): Promise<PeriodLocationTopicRow[]> {
    const rows = await run.rows<{ period: string; location_id: string; code: string; visits: number; questions: number }>(sql`
      select ${periodKey(period)} as period, l::text as location_id, code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges(run, 'codes', f, 'location', sql`a.period as p, a.location_id as l, a.code, a.visits, a.questions`, { dimension: 'topic' })}) t
      group by 1, 2, 3 having sum(visits) > 0 or sum(questions) > 0`);
    return rows.map((r) => ({
      period: r.period,
      locationId: r.location_id,
      topic: r.code,
      visits: int(r.visits),
      questions: int(r.questions),
    }));
  }

  async function periodCodes(
    run: Run,
    f: ReportFilter,
    period: AccountabilityPeriod,
    dimension: PeriodCodeDimension,
  ): Promise<PeriodCodeRow[]> {
    const rows = await run.rows<PeriodCodeRow>(sql`
      select ${periodKey(period)} as period, code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges(run, 'codes', f, scopeFor(f), sql`a.period as p, a.code, a.visits, a.questions`, { dimension })}) t
      group by 1, 2 having sum(visits) > 0 or sum(questions) > 0`);
    return rows.map((r) => ({ period: r.period, code: r.code, visits: int(r.visits), questions: int(r.questions) }));
  }

  /**
   * Referrals per kind of partner. The aggregates hold targets (`k:<kind>` or `p:<partner id>`,
   * see `referralTarget`); partners' kinds are read now, as the raw count joins them. Questions and
   * warm ones add up per target; visits come from each visit's set of targets, so a visit referred
   * to two partners of one kind counts once under it.
   */
  async function referralsByKind(run: Run, f: ReportFilter): Promise<ReferralKindRow[]> {
    const scope = scopeFor(f);
    const read = (dimension: Dimension) =>
      run.rows<{ code: string; visits: number; questions: number }>(sql`
      select code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges(run, 'codes', f, scope, sql`a.code, a.visits, a.questions`, { dimension })}) t
      group by 1 having sum(visits) > 0 or sum(questions) > 0`);
    const targets = await read('referral');
    const warm = await read('referral-warm');
    const sets = await read('referral-set');
    const ids = new Set<string>();
    for (const r of [...targets, ...sets]) for (const t of String(r.code).split(' ')) if (t.startsWith('p:')) ids.add(t.slice(2));
    const partnerKinds = new Map<string, string>();
    if (ids.size) {
      const found = await run.rows<{ id: string; kind: string }>(
        sql`select id::text as id, kind from ${partners} where id in (${sql.join(
          [...ids].map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
      for (const p of found) partnerKinds.set(p.id, p.kind);
    }
    const map = (code: string) => codeMap.get(code) ?? code;
    const kindOf = (target: string) => (target.startsWith('k:') ? target.slice(2) : map(partnerKinds.get(target.slice(2)) ?? 'overig'));
    const out = new Map<string, ReferralKindRow>();
    const row = (kind: string) => {
      let r = out.get(kind);
      if (!r) out.set(kind, (r = { kind, visits: 0, questions: 0, warm: 0 }));
      return r;
    };
    for (const s of sets) for (const kind of new Set(String(s.code).split(' ').map(kindOf))) row(kind).visits += int(s.visits);
    for (const t of targets) row(kindOf(String(t.code))).questions += int(t.questions);
    for (const w of warm) row(kindOf(String(w.code))).warm += int(w.questions);
    return [...out.values()].filter((r) => r.visits || r.questions);
  }

  return {
    totals: (f) => reading((run) => totals(run, f)),
    groups: (f, groupBy) => reading((run) => groups(run, f, groupBy)),
    summary: (f, groupBy) =>
      reading(async (run) => ({ totals: await totals(run, f), groups: groupBy ? await groups(run, f, groupBy) : [] })),
    // Courses have a table of their own, a row per course run: few enough to count directly.
    courseTotals: (f) => raw.courseTotals(f),
    courseGroups: (f, g) => raw.courseGroups(f, g),
    coursesByTypeAndLocation: (f) => raw.coursesByTypeAndLocation(f),
    periodLocationTopic: (f, period) => reading((run) => periodLocationTopic(run, f, period)),
    periodCodes: (f, period, dimension) => reading((run) => periodCodes(run, f, period, dimension)),
    referralsByKind: (f) => reading((run) => referralsByKind(run, f)),
    // A row per question: only the raw rows hold them.
    questionPages: (f, size) => raw.questionPages(f, size),
  };
}
