import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { questions, registrations } from '../../server/db/schema.js';
import { aggregateReportQueries } from '../../server/services/reports/aggregates.js';
import { codeMapOf } from '../../server/services/reports/code-map.js';
import { coverRange } from '../../server/services/reports/grains.js';
import { ensureAggregateFormat, rebuildAggregates } from '../../server/services/reports/rebuild.js';
import { createDeps } from '../../server/bootstrap.js';
import { readConfig } from '../../server/env.js';
import { resolvePeriod } from '../../server/services/reports/periods.js';
import type { ReportQueries } from '../../server/services/reports/queries.js';
import { sqlReportQueries } from '../../server/services/reports/raw.js';
import { aggregateDeltas, mergeDeltas, referralSetCode } from '../helpers/aggregate-oracle.js';
import {
  NOW,
  PERIODS,
  assertAsSpecified,
  byKeys,
  compareAll,
  queued,
  snapshot,
  visitMaker,
  type Tenant,
  type Tenants,
} from '../helpers/aggregate-check.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';
import { prng } from '../../server/services/prng.js';

describe('aggregate grains', () => {
  it('covers a period with whole months, whole weeks around them and the days left, none across a month', () => {
    assert.deepEqual(coverRange('2026-01-01', '2026-12-31'), { months: ['2026-01-01', '2026-12-01'], weeks: [], days: [] });
    // 14 February is a Saturday, 1 November a Sunday.
    assert.deepEqual(coverRange('2026-02-14', '2026-11-20'), {
      months: ['2026-03-01', '2026-10-01'],
      weeks: [
        ['2026-02-16', '2026-02-16'],
        ['2026-11-02', '2026-11-09'],
      ],
      days: [
        ['2026-02-14', '2026-02-15'],
        ['2026-02-23', '2026-02-28'],
        ['2026-11-01', '2026-11-01'],
        ['2026-11-16', '2026-11-20'],
      ],
    });
    assert.deepEqual(coverRange('2026-10-25', '2026-10-25'), { months: null, weeks: [], days: [['2026-10-25', '2026-10-25']] });
    // No whole month: cut at the month end, so the week of 26 January to 1 February is days.
    assert.deepEqual(coverRange('2026-01-20', '2026-02-20'), {
      months: null,
      weeks: [['2026-02-02', '2026-02-09']],
      days: [
        ['2026-01-20', '2026-01-31'],
        ['2026-02-01', '2026-02-01'],
        ['2026-02-16', '2026-02-20'],
      ],
    });
    // Grouped by week, a week may cross the month.
    assert.deepEqual(coverRange('2026-01-20', '2026-02-20', { months: false }), {
      months: null,
      weeks: [['2026-01-26', '2026-02-09']],
      days: [
        ['2026-01-20', '2026-01-25'],
        ['2026-02-16', '2026-02-20'],
      ],
    });
    assert.deepEqual(coverRange('2025-12-31', '2026-02-01'), {
      months: ['2026-01-01', '2026-01-01'],
      weeks: [],
      days: [
        ['2025-12-31', '2025-12-31'],
        ['2026-02-01', '2026-02-01'],
      ],
    });
  });

  it('covers every date of any period exactly once', () => {
    const random = prng(4711);
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const next = (d: string, k: number) => day(Date.parse(`${d}T00:00:00Z`) + k * 86_400_000);
    for (let i = 0; i < 400; i++) {
      const from = next('2024-12-01', Math.floor(random() * 500));
      const to = next(from, Math.floor(random() * 400));
      for (const units of [{}, { months: false }, { months: false, weeks: false }]) {
        const cover = coverRange(from, to, units);
        const dates: string[] = [];
        if (cover.months)
          for (let m = cover.months[0]; m <= cover.months[1]; m = `${next(m, 31).slice(0, 7)}-01`) {
            for (let d = m; d.slice(0, 7) === m.slice(0, 7); d = next(d, 1)) dates.push(d);
          }
        for (const [a, b] of cover.weeks)
          for (let w = a; w <= b; w = next(w, 7)) {
            assert.equal(new Date(`${w}T00:00:00Z`).getUTCDay(), 1, `${w} is a Monday`);
            const week = Array.from({ length: 7 }, (_, k) => next(w, k));
            if (!('months' in units)) assert.equal(week[0].slice(0, 7), week[6].slice(0, 7), `${from}..${to}: week ${w} within a month`);
            dates.push(...week);
          }
        for (const [a, b] of cover.days) for (let d = a; d <= b; d = next(d, 1)) dates.push(d);
        const want: string[] = [];
        for (let d = from; d <= to; d = next(d, 1)) want.push(d);
        assert.deepEqual(dates.sort(), want, `${from}..${to} ${JSON.stringify(units)}`);
      }
    }
  });

  it('counts a visit once per code, questions once per value, Amsterdam day, week and weekday-hour; a correction cancels out', () => {
    const v = {
      organisationId: 'o',
      locationId: 'l',
      occurredAt: new Date('2026-11-27T23:30:00Z'),
      channel: 'balie',
      duration: '5-15',
      questions: [
        {
          topic: 'huurtoeslag',
          agencies: ['dienst-toeslagen', 'belastingdienst'],
          help: ['hulp-digitaal', 'digitaal-contact'],
          referral: { partnerKind: 'x' },
        },
        { topic: 'toeslagen-huur', agencies: ['dienst-toeslagen'], help: [] },
      ],
    };
    const d = aggregateDeltas(
      v,
      1,
      new Map([
        ['toeslagen-huur', 'huurtoeslag'],
        ['hulp-digitaal', 'digitaal-contact'],
      ]),
    );
    const day = d.codes.filter((c) => c.grain === 'day');
    const get = (dimension: string, code: string) => day.find((c) => c.dimension === dimension && c.code === code);
    const NIL = '00000000-0000-0000-0000-000000000000';
    assert.deepEqual(
      d.totals.map((t) => [t.grain, t.locationId, t.period, t.visits, t.questions, t.referred]),
      [
        ['day', 'l', '2026-11-28', 1, 2, 1],
        ['week', 'l', '2026-11-23', 1, 2, 1],
        ['month', 'l', '2026-11-01', 1, 2, 1],
        ['org-day', 'o', '2026-11-28', 1, 2, 1],
        ['org-week', 'o', '2026-11-23', 1, 2, 1],
        ['org-month', 'o', '2026-11-01', 1, 2, 1],
        ['nat-day', NIL, '2026-11-28', 1, 2, 1],
        ['nat-week', NIL, '2026-11-23', 1, 2, 1],
        ['nat-month', NIL, '2026-11-01', 1, 2, 1],
      ],
    );
    assert.deepEqual([get('topic', 'huurtoeslag')?.visits, get('topic', 'huurtoeslag')?.questions], [1, 2]);
    assert.deepEqual([get('agency', 'dienst-toeslagen')?.questions, get('help', 'digitaal-contact')?.questions], [2, 1]);
    assert.deepEqual([get('weekday-hour', '6-00')?.visits, get('weekday-hour', '6-00')?.questions], [1, 2]);
    assert.deepEqual(
      mergeDeltas(
        d,
        aggregateDeltas(
          v,
          -1,
          new Map([
            ['toeslagen-huur', 'huurtoeslag'],
            ['hulp-digitaal', 'digitaal-contact'],
          ]),
        ),
      ),
      { totals: [], codes: [] },
    );
  });

  it("keeps referrals by target (a named kind wins over the partner), warm ones apart, and the visit's set of targets", () => {
    const P = 'AAAAAAAA-0000-4000-8000-000000000001';
    const v = {
      organisationId: 'o',
      locationId: 'l',
      occurredAt: new Date('2026-11-28T10:00:00Z'),
      channel: 'balie',
      duration: '5-15',
      questions: [
        { topic: 'huurtoeslag', agencies: [], help: [], referral: { partnerId: P, warm: true } },
        { topic: 'zorgtoeslag', agencies: [], help: [], referral: { partnerId: P, partnerKind: 'welzijn', warm: false } },
        { topic: 'huur', agencies: [], help: [], referral: { partnerId: P, warm: null } },
        { topic: 'gemeente', agencies: [], help: [] },
      ],
    };
    const day = aggregateDeltas(v, 1).codes.filter((c) => c.grain === 'day' && c.dimension.startsWith('referral'));
    assert.deepEqual(
      day.map((c) => [c.dimension, c.code, c.visits, c.questions]),
      [
        ['referral', `p:${P.toLowerCase()}`, 1, 2],
        ['referral', 'k:welzijn', 1, 1],
        ['referral-warm', `p:${P.toLowerCase()}`, 1, 1],
        ['referral-set', `k:welzijn p:${P.toLowerCase()}`, 1, 3],
      ],
    );
    assert.equal(referralSetCode(['p:b', 'k:z', 'p:a', 'k:z']), 'k:z p:a p:b');
  });
});

for (const backend of backends) {
  describe(`report aggregates on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let raw: ReportQueries;
    let agg: ReportQueries;
    const partnersOf = new Map<Tenant, string[]>();

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW });
      t = await seedTenants(ctx);
      const codeMap = codeMapOf(ctx.deps.taxonomy);
      raw = sqlReportQueries(ctx.database, codeMap);
      agg = aggregateReportQueries(ctx.database, raw, codeMap);
      // Two partners per organisation, so that a visit can be referred to two partners of one kind.
      for (const tenant of [t.a, t.b]) {
        const second = await ctx.call('POST', '/api/v1/partners', {
          token: tenant.coordinator,
          body: { name: 'Welzijn', kind: 'welzijn', topics: ['huur'] },
        });
        assert.equal(second.status, 201, second.text);
        partnersOf.set(tenant, [tenant.partner.id, second.body.id]);
      }
    });
    after(() => ctx.close());

    const fold = () => ctx.deps.reports.fold();

    it('equal raw counts after a random sequence of creates, batches, corrections and deletes, folded or not', async () => {
      const random = prng(20261128);
      const make = visitMaker(random, (tenant) => partnersOf.get(tenant)!);
      const tenants = [t.a, t.b];
      const live: { id: string; tenant: Tenant }[] = [];
      const counts = { create: 0, batch: 0, patch: 0, delete: 0, fold: 0 };
      for (let step = 0; step < 150; step++) {
        const tenant = make.pick(tenants);
        const roll = random();
        if (roll < 0.4 || live.length < 5) {
          const r = await ctx.call('POST', '/api/v1/registrations', { token: tenant.coordinator, body: make.body(tenant) });
          assert.equal(r.status, 201, r.text);
          live.push({ id: r.body.id, tenant });
          counts.create++;
        } else if (roll < 0.5) {
          const items = Array.from({ length: 2 + Math.floor(random() * 4) }, () => ({ id: randomUUID(), ...make.body(tenant) }));
          // A replay of the first item in the same batch: a duplicate, counted once.
          const r = await ctx.call('POST', '/api/v1/registrations/batch', {
            token: tenant.coordinator,
            body: { registrations: [...items, items[0]] },
          });
          assert.equal(r.status, 200, r.text);
          assert.deepEqual(
            r.body.results.map((x: { status: string }) => x.status),
            [...items.map(() => 'created'), 'duplicate'],
          );
          for (const item of items) live.push({ id: item.id, tenant });
          counts.batch++;
        } else if (roll < 0.8) {
          const target = make.pick(live);
          const r = await ctx.call('PATCH', `/api/v1/registrations/${target.id}`, {
            token: target.tenant.coordinator,
            body: make.patch(make.body(target.tenant)),
          });
          assert.equal(r.status, 200, r.text);
          counts.patch++;
        } else {
          const i = Math.floor(random() * live.length);
          const [target] = live.splice(i, 1);
          const r = await ctx.call('DELETE', `/api/v1/registrations/${target.id}`, { token: target.tenant.coordinator });
          assert.equal(r.status, 204, r.text);
          counts.delete++;
        }
        // The folder runs now and then, so that visits are corrected and deleted folded and unfolded.
        if (random() < 0.1) {
          await fold();
          counts.fold++;
        }
      }
      assert.ok(
        counts.create > 30 && counts.batch > 5 && counts.patch > 20 && counts.delete > 10 && counts.fold > 5,
        JSON.stringify(counts),
      );
      assert.ok((await queued(ctx)) > 0, 'some changes are still queued');
      assert.ok((await compareAll(raw, agg, t, 'partly folded')) > 300);
      const waiting = await queued(ctx);
      assert.deepEqual(await fold(), { folded: waiting, busy: false });
      // The folded tables are exactly what the specification in plain code gives for the live visits.
      await assertAsSpecified(ctx);
      const folded = await snapshot(ctx);
      // Referrals counted: of every kind, and visits referred to both partners of an organisation.
      const wide = resolvePeriod(NOW, '2025-01-01', '2026-12-31')!;
      const kinds = await agg.referralsByKind(wide);
      assert.ok(
        kinds.length >= 4 && kinds.every((k) => k.visits > 0 && k.questions >= k.visits && k.warm <= k.questions),
        JSON.stringify(kinds),
      );

      // A partner's kind corrected afterwards moves its past referrals, in the raw count and in the aggregates alike.
      const corrected = await ctx.call('PATCH', `/api/v1/partners/${partnersOf.get(t.a)![1]}`, {
        token: t.a.coordinator,
        body: { kind: 'sociaal-raadslieden' },
      });
      assert.equal(corrected.status, 200, corrected.text);
      assert.notDeepEqual(byKeys(await agg.referralsByKind(wide)), byKeys(kinds));
      for (const [from, to] of PERIODS) {
        for (const extra of [{}, { organisationId: t.a.organisation.id }, { locationId: t.a.location.id }]) {
          const f = { ...resolvePeriod(NOW, from, to)!, ...extra };
          assert.deepEqual(
            byKeys(await agg.referralsByKind(f)),
            byKeys(await raw.referralsByKind(f)),
            `partner kind corrected: ${from}..${to} ${JSON.stringify(extra)}`,
          );
        }
      }

      // Rebuilding from the raw rows gives the very same tables.
      assert.ok(folded.codes.length > 100);
      await rebuildAggregates(ctx.database, { taxonomy: ctx.deps.taxonomy });
      assert.deepEqual(await snapshot(ctx), folded);
      // And one organisation's rebuild leaves the other's rows alone.
      await rebuildAggregates(ctx.database, { organisationId: t.a.organisation.id, taxonomy: ctx.deps.taxonomy });
      assert.deepEqual(await snapshot(ctx), folded);

      // With changes queued, a rebuild counts what the aggregates hold, so the queue still adds up on top of it.
      for (const target of live.slice(0, 6)) {
        const r = await ctx.call('PATCH', `/api/v1/registrations/${target.id}`, {
          token: target.tenant.coordinator,
          body: make.patch(make.body(target.tenant)),
        });
        assert.equal(r.status, 200, r.text);
      }
      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${live[6].id}`, { token: live[6].tenant.coordinator })).status, 204);
      assert.equal((await ctx.call('POST', '/api/v1/registrations', { token: t.b.coordinator, body: make.body(t.b) })).status, 201);
      const withQueue = await snapshot(ctx);
      await rebuildAggregates(ctx.database, { taxonomy: ctx.deps.taxonomy });
      assert.deepEqual(await snapshot(ctx), withQueue);
      await fold();
      await assertAsSpecified(ctx);
    });

    it('a rebuild takes in rows written around the write path, retired codes under their current ones', async () => {
      const id = randomUUID();
      await ctx.database.db.insert(registrations).values({
        id,
        organisationId: t.a.organisation.id,
        locationId: t.a.location.id,
        occurredAt: new Date('2026-11-28T09:15:00Z'),
        channel: 'spreekuur',
        duration: '15-30',
        taxonomyVersion: '2021',
        bodyHash: `fixture:${id}`,
        createdBy: 'test:fixture',
      });
      await ctx.database.db.insert(questions).values([
        {
          registrationId: id,
          position: 0,
          type: 'digitale-overheid',
          topic: 'toeslagen-huur',
          agencies: ['dienst-toeslagen'],
          help: ['hulp-digitaal', 'digitaal-contact'],
        },
        {
          registrationId: id,
          position: 1,
          type: 'digitale-overheid',
          topic: 'huurtoeslag',
          agencies: [],
          help: ['hulp-digitaal'],
          referralPartnerKind: 'sociaal-raadslieden',
        },
      ]);
      await rebuildAggregates(ctx.database, { organisationId: t.a.organisation.id, taxonomy: ctx.deps.taxonomy });
      await compareAll(raw, agg, t, 'rebuilt');
      // Corrected and deleted through the API afterwards, the aggregates follow, folded or not.
      const patched = await ctx.call('PATCH', `/api/v1/registrations/${id}`, {
        token: t.a.coordinator,
        body: { occurredAt: '2026-10-25T02:30:00+01:00' },
      });
      assert.equal(patched.status, 200, patched.text);
      await compareAll(raw, agg, t, 'rebuilt, corrected');
      await fold();
      await assertAsSpecified(ctx);
      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${id}`, { token: t.a.coordinator })).status, 204);
      await compareAll(raw, agg, t, 'rebuilt, deleted');
      await fold();
      await assertAsSpecified(ctx);
    });

    it('a server finding aggregates of an older format (or none) rebuilds them once at start', async () => {
      await fold();
      const before = await snapshot(ctx);
      assert.ok(before.codes.some((c) => (c as { dimension: string }).dimension === 'referral'));
      // What a database written by the previous version looks like: no referral targets, no format.
      await ctx.database.db.execute(sql`delete from report_codes where dimension like 'referral%'`);
      await ctx.database.db.execute(sql`delete from report_format`);
      assert.deepEqual(await agg.referralsByKind(resolvePeriod(NOW, '2025-01-01', '2026-12-31')!), []);
      await createDeps(readConfig({ IDO_LOG: 'off' }), { database: ctx.database, logger: { info: () => {}, error: () => {} } });
      assert.deepEqual(await snapshot(ctx), before);
      assert.equal(await ensureAggregateFormat(ctx.database, ctx.deps.taxonomy), false, 'a second start rebuilds nothing');
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
