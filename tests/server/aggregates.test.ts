import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SUMMARY_GROUP_BY, type SummaryGroupBy } from '../../sdk/schemas/reports.js';
import { questions, registrations } from '../../server/db/schema.js';
import { aggregateDeltas, mergeDeltas, referralSetCode, splitRange } from '../../server/services/reports/aggregate-math.js';
import { aggregateReportQueries } from '../../server/services/reports/aggregates.js';
import { codeMapOf } from '../../server/services/reports/code-map.js';
import { ensureAggregateFormat, rebuildAggregates } from '../../server/services/reports/rebuild.js';
import { createDeps } from '../../server/bootstrap.js';
import { readConfig } from '../../server/env.js';
import { resolvePeriod } from '../../server/services/reports/periods.js';
import type { AccountabilityPeriod, ReportFilter, ReportQueries } from '../../server/services/reports/queries.js';
import { sqlReportQueries } from '../../server/services/reports/raw.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';
import { prng } from '../../server/services/prng.js';

const NOW = new Date('2026-12-15T12:00:00Z');


describe('aggregate math', () => {
  it('splits a range into whole months and the days around them', () => {
    assert.deepEqual(splitRange('2026-01-01', '2026-12-31'), { months: ['2026-01-01', '2026-12-01'], days: [] });
    assert.deepEqual(splitRange('2026-03-15', '2026-11-07'), { months: ['2026-04-01', '2026-10-01'], days: [['2026-03-15', '2026-03-31'], ['2026-11-01', '2026-11-07']] });
    assert.deepEqual(splitRange('2026-10-25', '2026-10-25'), { months: null, days: [['2026-10-25', '2026-10-25']] });
    assert.deepEqual(splitRange('2026-02-02', '2026-03-30'), { months: null, days: [['2026-02-02', '2026-03-30']] });
    assert.deepEqual(splitRange('2025-12-31', '2026-02-01'), { months: ['2026-01-01', '2026-01-01'], days: [['2025-12-31', '2025-12-31'], ['2026-02-01', '2026-02-01']] });
  });

  it('counts a visit once per code, questions once per value, Amsterdam day and weekday-hour; a correction cancels out', () => {
    const v = {
      organisationId: 'o', locationId: 'l', occurredAt: new Date('2026-11-27T23:30:00Z'), channel: 'balie', duration: '5-15',
      questions: [
        { topic: 'huurtoeslag', agencies: ['dienst-toeslagen', 'belastingdienst'], help: ['hulp-digitaal', 'digitaal-contact'], referral: { partnerKind: 'x' } },
        { topic: 'toeslagen-huur', agencies: ['dienst-toeslagen'], help: [] },
      ],
    };
    const d = aggregateDeltas(v, 1, new Map([['toeslagen-huur', 'huurtoeslag'], ['hulp-digitaal', 'digitaal-contact']]));
    const day = d.codes.filter((c) => c.grain === 'day');
    const get = (dimension: string, code: string) => day.find((c) => c.dimension === dimension && c.code === code);
    assert.deepEqual(d.totals.map((t) => [t.grain, t.locationId, t.period, t.visits, t.questions, t.referred]), [
      ['day', 'l', '2026-11-28', 1, 2, 1], ['month', 'l', '2026-11-01', 1, 2, 1], ['org-day', 'o', '2026-11-28', 1, 2, 1], ['org-month', 'o', '2026-11-01', 1, 2, 1],
      ['nat-day', '00000000-0000-0000-0000-000000000000', '2026-11-28', 1, 2, 1], ['nat-month', '00000000-0000-0000-0000-000000000000', '2026-11-01', 1, 2, 1],
    ]);
    assert.deepEqual([get('topic', 'huurtoeslag')?.visits, get('topic', 'huurtoeslag')?.questions], [1, 2]);
    assert.deepEqual([get('agency', 'dienst-toeslagen')?.questions, get('help', 'digitaal-contact')?.questions], [2, 1]);
    assert.deepEqual([get('weekday-hour', '6-00')?.visits, get('weekday-hour', '6-00')?.questions], [1, 2]);
    assert.deepEqual(mergeDeltas(d, aggregateDeltas(v, -1, new Map([['toeslagen-huur', 'huurtoeslag'], ['hulp-digitaal', 'digitaal-contact']]))), { totals: [], codes: [] });
  });

  it('keeps referrals by target (a named kind wins over the partner), warm ones apart, and the visit\'s set of targets', () => {
    const P = 'AAAAAAAA-0000-4000-8000-000000000001';
    const v = {
      organisationId: 'o', locationId: 'l', occurredAt: new Date('2026-11-28T10:00:00Z'), channel: 'balie', duration: '5-15',
      questions: [
        { topic: 'huurtoeslag', agencies: [], help: [], referral: { partnerId: P, warm: true } },
        { topic: 'zorgtoeslag', agencies: [], help: [], referral: { partnerId: P, partnerKind: 'welzijn', warm: false } },
        { topic: 'huur', agencies: [], help: [], referral: { partnerId: P, warm: null } },
        { topic: 'gemeente', agencies: [], help: [] },
      ],
    };
    const day = aggregateDeltas(v, 1).codes.filter((c) => c.grain === 'day' && c.dimension.startsWith('referral'));
    assert.deepEqual(day.map((c) => [c.dimension, c.code, c.visits, c.questions]), [
      ['referral', `p:${P.toLowerCase()}`, 1, 2], ['referral', 'k:welzijn', 1, 1],
      ['referral-warm', `p:${P.toLowerCase()}`, 1, 1],
      ['referral-set', `k:welzijn p:${P.toLowerCase()}`, 1, 3],
    ]);
    assert.equal(referralSetCode(['p:b', 'k:z', 'p:a', 'k:z']), 'k:z p:a p:b');
  });
});

const TOPICS = ['huurtoeslag', 'zorgtoeslag', 'digid-aanvragen', 'aow-pensioen', 'gemeente', 'overig', 'toeslagen'];
const AGENCIES = ['dienst-toeslagen', 'belastingdienst', 'svb', 'logius'];
const HELP = ['digitaal-contact', 'cursus', 'doorverwijzing'];
const CHANNELS = ['balie', 'spreekuur', 'telefoon', 'email-chat'];
const DURATIONS = ['0-5', '5-15', '15-30', '30-60', '60+'];
/** Instants that cut: Amsterdam midnight, month ends, both DST changes (23- and 25-hour days, the repeated 02:30). */
const TRICKY = [
  '2026-11-27T22:59:00Z', '2026-11-27T23:00:00Z', '2026-11-28T23:30:00Z', '2026-01-31T22:30:00Z', '2026-01-31T23:30:00Z',
  '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', '2026-03-28T23:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z',
  '2026-10-24T22:30:00Z', '2026-10-25T22:59:00Z', '2026-10-25T23:00:00Z', '2025-12-31T23:30:00Z', '2025-12-31T22:59:00Z',
];

const PERIODS: [string, string][] = [['2025-01-01', '2026-12-31'], ['2026-01-01', '2026-12-31'], ['2026-03-15', '2026-11-07'], ['2026-10-25', '2026-10-25'], ['2026-03-29', '2026-03-29'], ['2026-11-28', '2026-12-03']];

/** Rows in a stable order, whatever their fields: by their JSON. */
const byKeys = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
const sorted = <T extends { key: string }>(groups: T[]) => [...groups].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

for (const backend of backends) {
  describe(`report aggregates on ${backend}`, () => {
    let ctx: TestContext;
    let t: Awaited<ReturnType<typeof seedTenants>>;
    let raw: ReportQueries;
    let agg: ReportQueries;

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW });
      t = await seedTenants(ctx);
      const codeMap = codeMapOf(ctx.deps.taxonomy);
      raw = sqlReportQueries(ctx.database, codeMap);
      agg = aggregateReportQueries(ctx.database, raw, codeMap);
    });
    after(() => ctx.close());

    async function compareAll(label: string) {
      const filters: Omit<ReportFilter, 'from' | 'to' | 'start' | 'end'>[] = [
        {}, { organisationId: t.a.organisation.id }, { locationId: t.a.location2.id }, { municipality: 'utrecht' }, { province: 'Noord-Holland' },
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
            for (const dimension of period === 'month' ? ['agency', 'help', 'topic'] as const : ['agency'] as const) {
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

    const snapshot = async () => ({
      totals: await ctx.rows(sql`select grain, period::text, location_id::text, organisation_id::text, visits, questions, referred from report_totals
        where visits <> 0 or questions <> 0 or referred <> 0 order by 1, 2, 3`),
      codes: await ctx.rows(sql`select grain, dimension, period::text, location_id::text, code, organisation_id::text, visits, questions from report_codes
        where visits <> 0 or questions <> 0 order by 1, 2, 3, 4, 5`),
    });

    it('equal raw counts after a random sequence of creates, batches, corrections and deletes', async () => {
      const random = prng(20261128);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
      const some = <T>(list: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(list)))];
      const tenants = [t.a, t.b];
      const when = () => (random() < 0.5 ? pick(TRICKY)
        : new Date(Date.parse('2025-01-01T00:00:00Z') + Math.floor(random() * (Date.parse('2026-12-14T00:00:00Z') - Date.parse('2025-01-01T00:00:00Z')))).toISOString());
      // Referrals to a kind, to a partner, to a partner with a kind named (the kind wins), warm, cold or unsaid;
      // two partners per organisation, so that a visit can be referred to two partners of one kind.
      const partnersOf = new Map<unknown, string[]>();
      for (const tenant of tenants) {
        const second = await ctx.call('POST', '/api/v1/partners', { token: tenant.coordinator, body: { name: 'Welzijn', kind: 'welzijn', topics: ['huur'] } });
        assert.equal(second.status, 201, second.text);
        partnersOf.set(tenant, [tenant.partner.id, second.body.id]);
      }
      const referral = (tenant: (typeof tenants)[number]) => {
        const roll = random();
        const warm = random() < 0.4 ? { warm: true } : random() < 0.5 ? { warm: false } : {};
        if (roll < 0.3) return { partnerKind: pick(['sociaal-raadslieden', 'welzijn', 'humanitas']), ...warm };
        if (roll < 0.8) return { partnerId: pick(partnersOf.get(tenant)!), ...warm };
        return { partnerId: pick(partnersOf.get(tenant)!), partnerKind: pick(['welzijn', 'mee']), ...warm };
      };
      const question = (tenant: (typeof tenants)[number]) => ({
        type: 'digitale-overheid', topic: pick(TOPICS), agencies: some(AGENCIES, 3), help: some(HELP, 2),
        ...(random() < 0.3 ? { referral: referral(tenant) } : {}),
      });
      const body = (tenant: (typeof tenants)[number]) => ({
        locationId: random() < 0.5 ? tenant.location.id : tenant.location2.id, occurredAt: when(),
        channel: pick(CHANNELS), duration: pick(DURATIONS),
        questions: Array.from({ length: 1 + Math.floor(random() * random() * 4) }, () => question(tenant)),
      });
      const live: { id: string; tenant: (typeof tenants)[number] }[] = [];
      const counts = { create: 0, batch: 0, patch: 0, delete: 0 };
      for (let step = 0; step < 150; step++) {
        const tenant = pick(tenants);
        const roll = random();
        if (roll < 0.4 || live.length < 5) {
          const r = await ctx.call('POST', '/api/v1/registrations', { token: tenant.coordinator, body: body(tenant) });
          assert.equal(r.status, 201, r.text);
          live.push({ id: r.body.id, tenant });
          counts.create++;
        } else if (roll < 0.5) {
          const items = Array.from({ length: 2 + Math.floor(random() * 4) }, () => ({ id: randomUUID(), ...body(tenant) }));
          // A replay of the first item in the same batch: a duplicate, counted once.
          const r = await ctx.call('POST', '/api/v1/registrations/batch', { token: tenant.coordinator, body: { registrations: [...items, items[0]] } });
          assert.equal(r.status, 200, r.text);
          assert.deepEqual(r.body.results.map((x: { status: string }) => x.status), [...items.map(() => 'created'), 'duplicate']);
          for (const item of items) live.push({ id: item.id, tenant });
          counts.batch++;
        } else if (roll < 0.8) {
          const target = pick(live);
          const b = body(target.tenant);
          const patch: Record<string, unknown> = {};
          if (random() < 0.5) patch.questions = b.questions;
          if (random() < 0.4) patch.occurredAt = b.occurredAt;
          if (random() < 0.3) patch.locationId = b.locationId;
          if (random() < 0.2) patch.channel = b.channel;
          if (random() < 0.2) patch.duration = b.duration;
          if (random() < 0.2) patch.note = 'gecorrigeerd';
          const r = await ctx.call('PATCH', `/api/v1/registrations/${target.id}`, { token: target.tenant.coordinator, body: patch });
          assert.equal(r.status, 200, r.text);
          counts.patch++;
        } else {
          const i = Math.floor(random() * live.length);
          const [target] = live.splice(i, 1);
          const r = await ctx.call('DELETE', `/api/v1/registrations/${target.id}`, { token: target.tenant.coordinator });
          assert.equal(r.status, 204, r.text);
          counts.delete++;
        }
      }
      assert.ok(counts.create > 30 && counts.batch > 5 && counts.patch > 20 && counts.delete > 10, JSON.stringify(counts));
      const compared = await compareAll('incremental');
      assert.ok(compared > 300);
      // Referrals counted: of every kind, and visits referred to both partners of an organisation.
      const wide = resolvePeriod(NOW, '2025-01-01', '2026-12-31')!;
      const kinds = await agg.referralsByKind(wide);
      assert.ok(kinds.length >= 4 && kinds.every((k) => k.visits > 0 && k.questions >= k.visits && k.warm <= k.questions), JSON.stringify(kinds));

      // A partner's kind corrected afterwards moves its past referrals, in the raw count and in the aggregates alike.
      const corrected = await ctx.call('PATCH', `/api/v1/partners/${partnersOf.get(t.a)![1]}`, { token: t.a.coordinator, body: { kind: 'sociaal-raadslieden' } });
      assert.equal(corrected.status, 200, corrected.text);
      assert.notDeepEqual(byKeys(await agg.referralsByKind(wide)), byKeys(kinds));
      await compareAll('partner kind corrected');

      // Rebuilding from the raw rows gives the very same tables.
      const incremental = await snapshot();
      assert.ok(incremental.codes.length > 100);
      await rebuildAggregates(ctx.database, { taxonomy: ctx.deps.taxonomy });
      assert.deepEqual(await snapshot(), incremental);
      // And one organisation's rebuild leaves the other's rows alone.
      await rebuildAggregates(ctx.database, { organisationId: t.a.organisation.id, taxonomy: ctx.deps.taxonomy });
      assert.deepEqual(await snapshot(), incremental);
    });

    it('a rebuild takes in rows written around the write path, retired codes under their current ones', async () => {
      const id = randomUUID();
      await ctx.database.db.insert(registrations).values({
        id, organisationId: t.a.organisation.id, locationId: t.a.location.id, occurredAt: new Date('2026-11-28T09:15:00Z'),
        channel: 'spreekuur', duration: '15-30', taxonomyVersion: '2021', bodyHash: `fixture:${id}`, createdBy: 'test:fixture',
      });
      await ctx.database.db.insert(questions).values([
        { registrationId: id, position: 0, type: 'digitale-overheid', topic: 'toeslagen-huur', agencies: ['dienst-toeslagen'], help: ['hulp-digitaal', 'digitaal-contact'] },
        { registrationId: id, position: 1, type: 'digitale-overheid', topic: 'huurtoeslag', agencies: [], help: ['hulp-digitaal'], referralPartnerKind: 'sociaal-raadslieden' },
      ]);
      await rebuildAggregates(ctx.database, { organisationId: t.a.organisation.id, taxonomy: ctx.deps.taxonomy });
      await compareAll('rebuilt');
      // Corrected and deleted through the API afterwards, the aggregates follow.
      const patched = await ctx.call('PATCH', `/api/v1/registrations/${id}`, { token: t.a.coordinator, body: { occurredAt: '2026-10-25T02:30:00+01:00' } });
      assert.equal(patched.status, 200, patched.text);
      await compareAll('rebuilt, corrected');
      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${id}`, { token: t.a.coordinator })).status, 204);
      await compareAll('rebuilt, deleted');
    });

    it('a server finding aggregates of an older format (or none) rebuilds them once at start', async () => {
      const before = await snapshot();
      assert.ok(before.codes.some((c) => (c as { dimension: string }).dimension === 'referral'));
      // What a database written by the previous version looks like: no referral targets, no format.
      await ctx.database.db.execute(sql`delete from report_codes where dimension like 'referral%'`);
      await ctx.database.db.execute(sql`delete from report_format`);
      assert.deepEqual(await agg.referralsByKind(resolvePeriod(NOW, '2025-01-01', '2026-12-31')!), []);
      await createDeps(readConfig({ IDO_LOG: 'off' }), { database: ctx.database, logger: { info: () => {}, error: () => {} } });
      assert.deepEqual(await snapshot(), before);
      assert.equal(await ensureAggregateFormat(ctx.database, ctx.deps.taxonomy), false, 'a second start rebuilds nothing');
      await compareAll('rebuilt at start');
    });

    it('answers the summary endpoint when installed', async () => {
      ctx.deps.reports.queries = agg;
      const viaAgg = await ctx.call('GET', '/api/v1/reports/summary?from=2025-01-01&to=2026-12-31&groupBy=topic', { token: t.national });
      ctx.deps.reports.queries = raw;
      const viaRaw = await ctx.call('GET', '/api/v1/reports/summary?from=2025-01-01&to=2026-12-31&groupBy=topic', { token: t.national });
      assert.equal(viaAgg.status, 200, viaAgg.text);
      assert.deepEqual(viaAgg.body, viaRaw.body);
      assert.ok(viaAgg.body.visits > 50);
    });
  });
}
