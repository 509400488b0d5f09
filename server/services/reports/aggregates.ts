/**
 * The query layer on the report aggregates (docs/aggregates.md): totals, the summary for every
 * `groupBy` and the accountability tables, from `report_totals` and `report_codes`.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SummaryGroupBy } from '../../../sdk/schemas/reports.js';
import type { Database } from '../../db/client.js';
import { partners, reportCodes, reportTotals } from '../../db/schema.js';
import { grainOf, splitRange, type Dimension, type Scope } from './aggregate-math.js';
import type {
  AccountabilityPeriod, PeriodCodeDimension, PeriodCodeRow, PeriodLocationTopicRow, RawGroup, ReferralKindRow, ReportFilter, ReportQueries, Totals,
} from './queries.js';
import { int, rowsOf } from './sql.js';

/**
 * A `ReportQueries` that answers from the aggregates whatever they hold the grain of: totals, the
 * summary for every `groupBy`, and the accountability tables of visits and questions (period ×
 * location × topic, period × agency, referrals per kind of partner). From `raw`: courses (their own
 * small table, no aggregates) and the question export (a row per question).
 * @param codeMap Retired code → current code, for the kinds of partners looked up when read.
 */
export function aggregateReportQueries(database: Database, raw: ReportQueries, codeMap: ReadonlyMap<string, string> = new Map()): ReportQueries {
  async function run<T>(query: SQL): Promise<T[]> {
    if (database.kind !== 'postgres') return database.rows<T>(query);
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('jit', 'off', true)`);
      return rowsOf<T>(tx, query);
    });
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

  function filterWhere(f: ReportFilter, scope: Scope): SQL {
    if (scope === 'national') return sql``;
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
   * Rows of one table over the filter's period, in the scope: whole months from the month grain,
   * the days around them from the day grain (or, with `dayOnly`, every day from the day grain).
   * Each part is a range of the primary key. `cols` are the columns to select from alias `a`.
   */
  function ranges(table: 'totals' | 'codes', f: ReportFilter, scope: Scope, cols: SQL, options: { dimension?: Dimension; dayOnly?: boolean } = {}): SQL {
    const t = table === 'totals' ? reportTotals : reportCodes;
    const dim = options.dimension ? sql`and a.dimension = ${options.dimension}` : sql``;
    const where = filterWhere(f, scope);
    const split = options.dayOnly ? { months: null, days: [[f.from, f.to]] as [string, string][] } : splitRange(f.from, f.to);
    const parts: SQL[] = [];
    const month = grainOf(scope, 'month');
    const day = grainOf(scope, 'day');
    if (split.months) parts.push(sql`select ${cols} from ${t} a where a.grain = ${month} ${dim} and a.period between ${split.months[0]}::date and ${split.months[1]}::date ${where}`);
    for (const [a, b] of split.days) parts.push(sql`select ${cols} from ${t} a where a.grain = ${day} ${dim} and a.period between ${a}::date and ${b}::date ${where}`);
    return sql.join(parts, sql` union all `);
  }

  async function totals(f: ReportFilter): Promise<Totals> {
    const [row] = await run<Totals>(sql`
      select coalesce(sum(visits), 0)::int as visits, coalesce(sum(questions), 0)::int as questions, coalesce(sum(referred), 0)::int as referred
      from (${ranges('totals', f, scopeFor(f), sql`a.visits, a.questions, a.referred`)}) t`);
    return { visits: int(row?.visits), questions: int(row?.questions), referred: int(row?.referred) };
  }

  const PERIOD_FORMAT: Record<string, string> = { day: 'YYYY-MM-DD', week: 'IYYY-"W"IW', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' };
  const periodKey = (period: AccountabilityPeriod) => sql`to_char(p, ${sql.raw(`'${PERIOD_FORMAT[period]}'`)})`;

  async function groups(f: ReportFilter, groupBy: SummaryGroupBy): Promise<RawGroup[]> {
    let query: SQL;
    const scope = scopeFor(f, groupBy);
    switch (groupBy) {
      case 'topic': case 'agency': case 'help': case 'channel': case 'duration': case 'weekday-hour':
        query = sql`select code as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges('codes', f, scope, sql`a.code, a.visits, a.questions`, { dimension: groupBy })}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      case 'organisation': case 'location': {
        const col = sql.raw(groupBy === 'organisation' ? 'a.organisation_id' : 'a.location_id'); // in the organisation scope both are the organisation
        query = sql`select k::text as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges('totals', f, scope, sql`${col} as k, a.visits, a.questions`)}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      }
      case 'day': case 'week': case 'month': {
        const format = sql.raw(`'${PERIOD_FORMAT[groupBy]}'`);
        query = sql`select to_char(p, ${format}) as key, sum(visits)::int as visits, sum(questions)::int as questions
          from (${ranges('totals', f, scope, sql`a.period as p, a.visits, a.questions`, { dayOnly: groupBy !== 'month' })}) t group by 1 having sum(visits) > 0 or sum(questions) > 0`;
        break;
      }
      default:
        return raw.groups(f, groupBy);
    }
    const rows = await run<RawGroup>(query);
    return rows.map((r) => ({ key: String(r.key), visits: int(r.visits), questions: int(r.questions) }));
  }

  /**
   * Period × location × topic from the location scope's topic rows. A visit is in one period and
   * one location, so its "at least one question on this topic" adds up over days, months and quarters.
   */
  async function periodLocationTopic(f: ReportFilter, period: AccountabilityPeriod): Promise<PeriodLocationTopicRow[]> {
    const rows = await run<{ period: string; location_id: string; code: string; visits: number; questions: number }>(sql`
      select ${periodKey(period)} as period, l::text as location_id, code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges('codes', f, 'location', sql`a.period as p, a.location_id as l, a.code, a.visits, a.questions`, { dimension: 'topic' })}) t
      group by 1, 2, 3 having sum(visits) > 0 or sum(questions) > 0`);
    return rows.map((r) => ({ period: r.period, locationId: r.location_id, topic: r.code, visits: int(r.visits), questions: int(r.questions) }));
  }

  async function periodCodes(f: ReportFilter, period: AccountabilityPeriod, dimension: PeriodCodeDimension): Promise<PeriodCodeRow[]> {
    const rows = await run<PeriodCodeRow>(sql`
      select ${periodKey(period)} as period, code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges('codes', f, scopeFor(f), sql`a.period as p, a.code, a.visits, a.questions`, { dimension })}) t
      group by 1, 2 having sum(visits) > 0 or sum(questions) > 0`);
    return rows.map((r) => ({ period: r.period, code: r.code, visits: int(r.visits), questions: int(r.questions) }));
  }

  /**
   * Referrals per kind of partner. The aggregates hold targets (`k:<kind>` or `p:<partner id>`,
   * see `referralTarget`); partners' kinds are read now, as the raw count joins them. Questions and
   * warm ones add up per target; visits come from each visit's set of targets, so a visit referred
   * to two partners of one kind counts once under it.
   */
  async function referralsByKind(f: ReportFilter): Promise<ReferralKindRow[]> {
    const scope = scopeFor(f);
    const read = (dimension: Dimension) => run<{ code: string; visits: number; questions: number }>(sql`
      select code, sum(visits)::int as visits, sum(questions)::int as questions
      from (${ranges('codes', f, scope, sql`a.code, a.visits, a.questions`, { dimension })}) t
      group by 1 having sum(visits) > 0 or sum(questions) > 0`);
    const [targets, warm, sets] = await Promise.all([read('referral'), read('referral-warm'), read('referral-set')]);
    const ids = new Set<string>();
    for (const r of [...targets, ...sets]) for (const t of String(r.code).split(' ')) if (t.startsWith('p:')) ids.add(t.slice(2));
    const partnerKinds = new Map<string, string>();
    if (ids.size) {
      const found = await run<{ id: string; kind: string }>(sql`select id::text as id, kind from ${partners} where id in (${sql.join([...ids].map((id) => sql`${id}::uuid`), sql`, `)})`);
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
    totals,
    groups,
    async summary(f, groupBy) {
      const [t, g] = await Promise.all([totals(f), groupBy ? groups(f, groupBy) : Promise.resolve([])]);
      return { totals: t, groups: g };
    },
    // Courses have a table of their own, a row per course run: few enough to count directly.
    courseTotals: (f) => raw.courseTotals(f),
    courseGroups: (f, g) => raw.courseGroups(f, g),
    coursesByTypeAndLocation: (f) => raw.coursesByTypeAndLocation(f),
    periodLocationTopic,
    periodCodes,
    referralsByKind,
    // A row per question: only the raw rows hold them.
    questionPages: (f, size) => raw.questionPages(f, size),
  };
}
