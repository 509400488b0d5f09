/**
 * Checking the report aggregates against the raw rows (the oracle): every summary grouping and
 * accountability table over tricky periods and filters, the aggregate tables themselves, and random
 * visits to throw at them.
 */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { SUMMARY_GROUP_BY, type SummaryGroupBy } from '../../sdk/schemas/reports.js';
import { resolvePeriod } from '../../server/services/reports/periods.js';
import { codeMapOf } from '../../server/services/reports/code-map.js';
import type { AccountabilityPeriod, ReportFilter, ReportQueries } from '../../server/services/reports/queries.js';
import { aggregateDeltas, mergeDeltas } from './aggregate-oracle.js';
import type { seedTenants, TestContext } from './context.js';

export type Tenants = Awaited<ReturnType<typeof seedTenants>>;
export type Tenant = Tenants['a'];

export const NOW = new Date('2026-12-15T12:00:00Z');
export const TOPICS = ['huurtoeslag', 'zorgtoeslag', 'digid-aanvragen', 'aow-pensioen', 'gemeente', 'overig', 'toeslagen'];
export const AGENCIES = ['dienst-toeslagen', 'belastingdienst', 'svb', 'logius'];
export const HELP = ['digitaal-contact', 'cursus', 'doorverwijzing'];
export const CHANNELS = ['balie', 'spreekuur', 'telefoon', 'email-chat'];
export const DURATIONS = ['0-5', '5-15', '15-30', '30-60', '60+'];
/** Instants that cut: Amsterdam midnight, month ends, both DST changes (23- and 25-hour days, the repeated 02:30). */
export const TRICKY = [
  '2026-11-27T22:59:00Z',
  '2026-11-27T23:00:00Z',
  '2026-11-28T23:30:00Z',
  '2026-01-31T22:30:00Z',
  '2026-01-31T23:30:00Z',
  '2026-03-29T00:30:00Z',
  '2026-03-29T01:30:00Z',
  '2026-03-28T23:30:00Z',
  '2026-10-25T00:30:00Z',
  '2026-10-25T01:30:00Z',
  '2026-10-24T22:30:00Z',
  '2026-10-25T22:59:00Z',
  '2026-10-25T23:00:00Z',
  '2025-12-31T23:30:00Z',
  '2025-12-31T22:59:00Z',
];
/** Whole years, a partial period (months, weeks and days), single days on the DST changes, a week across a month end. */
export const PERIODS: [string, string][] = [
  ['2025-01-01', '2026-12-31'],
  ['2026-01-01', '2026-12-31'],
  ['2026-03-15', '2026-11-07'],
  ['2026-10-25', '2026-10-25'],
  ['2026-03-29', '2026-03-29'],
  ['2026-11-28', '2026-12-03'],
  ['2026-01-20', '2026-02-20'],
];

/** Rows in a stable order, whatever their fields: by their JSON. */
export const byKeys = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
const sorted = <T extends { key: string }>(groups: T[]) => [...groups].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/**
 * Every summary grouping (with its totals), the accountability tables and the referrals per kind,
 * from `agg` and from `raw`, over `PERIODS` × six filters: asserts they are equal; answers how many
 * were compared.
 */
export async function compareAll(raw: ReportQueries, agg: ReportQueries, t: Tenants, label: string): Promise<number> {
  const filters: Omit<ReportFilter, 'from' | 'to' | 'start' | 'end'>[] = [
    {},
    { organisationId: t.a.organisation.id },
    { locationId: t.a.location2.id },
    { municipality: 'utrecht' },
    { province: 'Noord-Holland' },
    { organisationId: t.b.organisation.id, locationId: t.b.location.id },
  ];
  let compared = 0;
  for (const [from, to] of PERIODS) {
    const period = resolvePeriod(NOW, from, to)!;
    for (const extra of filters) {
      const f: ReportFilter = { ...period, ...extra };
      for (const groupBy of [undefined, ...SUMMARY_GROUP_BY] as (SummaryGroupBy | undefined)[]) {
        const [want, got] = await Promise.all([raw.summary(f, groupBy), agg.summary(f, groupBy)]);
        const where = `${label}: ${from}..${to} ${JSON.stringify(extra)} groupBy=${groupBy}`;
        assert.deepEqual(got.totals, want.totals, where);
        assert.deepEqual(sorted(got.groups), sorted(want.groups), where);
        compared++;
      }
      // The accountability tables (view=summary exports) from the aggregates equal the raw count.
      for (const period of ['month', 'quarter', 'year'] as AccountabilityPeriod[]) {
        const where = `${label}: ${from}..${to} ${JSON.stringify(extra)} period=${period}`;
        const [wantPlt, gotPlt] = await Promise.all([raw.periodLocationTopic(f, period), agg.periodLocationTopic(f, period)]);
        assert.deepEqual(byKeys(gotPlt), byKeys(wantPlt), `${where} period × location × topic`);
        for (const dimension of period === 'month' ? (['agency', 'help', 'topic'] as const) : (['agency'] as const)) {
          const [want, got] = await Promise.all([raw.periodCodes(f, period, dimension), agg.periodCodes(f, period, dimension)]);
          assert.deepEqual(byKeys(got), byKeys(want), `${where} period × ${dimension}`);
        }
        compared++;
      }
      const [wantRef, gotRef] = await Promise.all([raw.referralsByKind(f), agg.referralsByKind(f)]);
      assert.deepEqual(byKeys(gotRef), byKeys(wantRef), `${label}: ${from}..${to} ${JSON.stringify(extra)} referrals by kind`);
      compared++;
    }
  }
  return compared;
}

/** The aggregate tables, rows that count something, in a stable order. */
export const snapshot = async (ctx: Pick<TestContext, 'rows'>) => ({
  totals:
    await ctx.rows(sql`select grain, period::text, location_id::text, organisation_id::text, visits, questions, referred from report_totals
    where visits <> 0 or questions <> 0 or referred <> 0 order by 1, 2, 3`),
  codes:
    await ctx.rows(sql`select grain, dimension, period::text, location_id::text, code, organisation_id::text, visits, questions from report_codes
    where visits <> 0 or questions <> 0 order by 1, 2, 3, 4, 5`),
});

/** How many visits wait in the folder's queue. */
export const queued = async (ctx: Pick<TestContext, 'rows'>) =>
  Number((await ctx.rows<{ n: number }>(sql`select count(*)::int as n from report_pending`))[0].n);

/**
 * Random visits for a tenant: tricky instants half the time, one to four questions, referrals to a
 * kind, to a partner, or to a partner with a kind named (the kind wins), warm, cold or unsaid.
 */
export function visitMaker(random: () => number, partnersOf: (tenant: Tenant) => string[]) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const some = <T>(list: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list))),
  ];
  const when = () =>
    random() < 0.5
      ? pick(TRICKY)
      : new Date(
          Date.parse('2025-01-01T00:00:00Z') +
            Math.floor(random() * (Date.parse('2026-12-14T00:00:00Z') - Date.parse('2025-01-01T00:00:00Z'))),
        ).toISOString();
  const referral = (tenant: Tenant) => {
    const roll = random();
    const warm = random() < 0.4 ? { warm: true } : random() < 0.5 ? { warm: false } : {};
    if (roll < 0.3) return { partnerKind: pick(['sociaal-raadslieden', 'welzijn', 'humanitas']), ...warm };
    if (roll < 0.8) return { partnerId: pick(partnersOf(tenant)), ...warm };
    return { partnerId: pick(partnersOf(tenant)), partnerKind: pick(['welzijn', 'mee']), ...warm };
  };
  const question = (tenant: Tenant) => ({
    type: 'digitale-overheid',
    topic: pick(TOPICS),
    agencies: some(AGENCIES, 3),
    help: some(HELP, 2),
    ...(random() < 0.3 ? { referral: referral(tenant) } : {}),
  });
  return {
    pick,
    /** A visit at one of `locations` (default: the tenant's two). */
    body: (tenant: Tenant, locations: string[] = [tenant.location.id, tenant.location2.id]) => ({
      locationId: pick(locations),
      occurredAt: when(),
      channel: pick(CHANNELS),
      duration: pick(DURATIONS),
      questions: Array.from({ length: 1 + Math.floor(random() * random() * 4) }, () => question(tenant)),
    }),
    /** A correction of some fields of a visit made by `body`. */
    patch: (b: Record<string, unknown>) => {
      const patch: Record<string, unknown> = {};
      if (random() < 0.5) patch.questions = b.questions;
      if (random() < 0.4) patch.occurredAt = b.occurredAt;
      if (random() < 0.3) patch.locationId = b.locationId;
      if (random() < 0.2) patch.channel = b.channel;
      if (random() < 0.2) patch.duration = b.duration;
      if (random() < 0.2) patch.note = 'gecorrigeerd';
      return patch;
    },
  };
}

/** The aggregate rows the specification (aggregate-oracle.ts) gives for every live visit in the database. */
export async function oracleRows(ctx: Pick<TestContext, 'rows' | 'deps'>) {
  const visits = await ctx.rows<{
    id: string;
    organisation_id: string;
    location_id: string;
    at: string;
    channel: string;
    duration: string;
  }>(sql`
    select id::text, organisation_id::text, location_id::text, occurred_at::text as at, channel, duration from registrations where deleted_at is null`);
  const qs = await ctx.rows<{
    rid: string;
    topic: string;
    agencies: string[];
    help: string[];
    pid: string | null;
    pkind: string | null;
    warm: boolean | null;
  }>(sql`
    select registration_id::text as rid, topic, agencies, help, referral_partner_id::text as pid, referral_partner_kind as pkind, referral_warm as warm
    from questions order by registration_id, position`);
  const byVisit = new Map<string, typeof qs>();
  for (const q of qs) byVisit.set(q.rid, [...(byVisit.get(q.rid) ?? []), q]);
  const list = (v: unknown) =>
    Array.isArray(v)
      ? v.map(String)
      : String(v)
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean);
  const codeMap = codeMapOf(ctx.deps.taxonomy);
  const merged = mergeDeltas(
    ...visits.map((v) =>
      aggregateDeltas(
        {
          organisationId: v.organisation_id,
          locationId: v.location_id,
          occurredAt: new Date(v.at),
          channel: v.channel,
          duration: v.duration,
          questions: (byVisit.get(v.id) ?? []).map((q) => ({
            topic: q.topic,
            agencies: list(q.agencies),
            help: list(q.help),
            referral: q.pid || q.pkind ? { partnerId: q.pid, partnerKind: q.pkind, warm: q.warm } : null,
          })),
        },
        1,
        codeMap,
      ),
    ),
  );
  return {
    totals: merged.totals.map((t) => ({
      grain: t.grain,
      period: t.period,
      location_id: t.locationId,
      organisation_id: t.organisationId,
      visits: t.visits,
      questions: t.questions,
      referred: t.referred,
    })),
    codes: merged.codes.map((c) => ({
      grain: c.grain,
      dimension: c.dimension,
      period: c.period,
      location_id: c.locationId,
      code: c.code,
      organisation_id: c.organisationId,
      visits: c.visits,
      questions: c.questions,
    })),
  };
}

/** Asserts that the aggregate tables hold exactly the rows the specification gives (the queue folded first). */
export async function assertAsSpecified(ctx: Pick<TestContext, 'rows' | 'deps'>) {
  assert.equal(await queued(ctx), 0, 'folded');
  const [got, spec] = [await snapshot(ctx), await oracleRows(ctx)];
  assert.deepEqual(byKeys(got.totals), byKeys(spec.totals));
  assert.deepEqual(byKeys(got.codes), byKeys(spec.codes));
}
