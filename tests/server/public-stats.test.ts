import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { questions, registrations } from '../../server/db/schema.js';
import { pickLang } from '../../server/http/messages.js';
import { ApiError, problemBody } from '../../server/http/problem.js';
import { publicStatsRoute } from '../../server/routes/reports/public-stats.js';
import type { AppEnv } from '../../server/types.js';
import { rebuildAggregates } from '../../server/services/reports/rebuild.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

const NOW = new Date('2026-12-15T12:00:00Z');
const PERIOD = 'from=2026-01-01&to=2026-12-31';

async function insertVisit(
  ctx: TestContext,
  v: { organisationId: string; locationId: string; at: string; topic: string; referred?: boolean; deleted?: boolean; extra?: string },
) {
  const id = randomUUID();
  await ctx.database.db.insert(registrations).values({
    id,
    organisationId: v.organisationId,
    locationId: v.locationId,
    occurredAt: new Date(v.at),
    channel: 'balie',
    duration: '5-15',
    taxonomyVersion: '2024',
    bodyHash: `fixture:${id}`,
    createdBy: 'test:fixture',
    deletedAt: v.deleted ? NOW : null,
  });
  const list = [v.topic, ...(v.extra ? [v.extra] : [])];
  await ctx.database.db.insert(questions).values(
    list.map((topic, position) => ({
      registrationId: id,
      position,
      type: 'digitale-overheid',
      topic,
      agencies: [],
      help: [],
      referralPartnerKind: v.referred && position === 0 ? 'welzijn' : null,
      referralWarm: v.referred && position === 0 ? true : null,
    })),
  );
  // Written around the write path, so the report aggregates are rebuilt (as the demo seeder does).
  await rebuildAggregates(ctx.database, { organisationId: v.organisationId, taxonomy: ctx.deps.taxonomy });
}

for (const backend of backends) {
  describe(`public stats on ${backend}`, () => {
    let ctx: TestContext;
    let get: (qs: string, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Headers }>;

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW });
      const t = await seedTenants(ctx);
      const A = { organisationId: t.a.organisation.id, locationId: t.a.location.id };
      const B = { organisationId: t.b.organisation.id, locationId: t.b.location.id };
      // huurtoeslag: 4 visits in Utrecht (A), 2 in Amsterdam (B); five of them with a referral.
      for (let i = 0; i < 4; i++) await insertVisit(ctx, { ...A, at: `2026-11-0${i + 2}T10:00:00Z`, topic: 'huurtoeslag', referred: true });
      await insertVisit(ctx, { ...B, at: '2026-11-10T10:00:00Z', topic: 'huurtoeslag', referred: true });
      await insertVisit(ctx, { ...B, at: '2026-11-11T10:00:00Z', topic: 'huurtoeslag', extra: 'zorgtoeslag' });
      // zorgtoeslag: one more in October (A); a deleted visit that never counts.
      await insertVisit(ctx, { ...A, at: '2026-10-12T10:00:00Z', topic: 'zorgtoeslag' });
      await insertVisit(ctx, { ...A, at: '2026-11-12T10:00:00Z', topic: 'zorgtoeslag', deleted: true });
      await insertVisit(ctx, { ...A, at: '2026-11-13T10:00:00Z', topic: 'huurtoeslag', deleted: true });

      // Served by app.ts once the lead mounts it under /api/v1/public; until then a harness with the same error handling.
      const probe = await ctx.call('GET', `/api/v1/public/stats?${PERIOD}`);
      if (probe.status !== 404) {
        get = (qs, headers) => ctx.call('GET', `/api/v1/public/stats?${qs}`, { headers });
      } else {
        const harness = new Hono<AppEnv>();
        harness.onError((error, c) => {
          const e = error instanceof ApiError ? error : new ApiError('internal');
          return c.body(JSON.stringify(problemBody(e, c.var.lang ?? 'nl')), e.status as 400, {
            'Content-Type': 'application/problem+json',
          });
        });
        harness.use(async (c, next) => {
          c.set('deps', ctx.deps);
          c.set('principal', { kind: 'anonymous' });
          c.set('lang', pickLang(c.req.query('lang'), c.req.header('accept-language')));
          await next();
        });
        harness.route('/api/v1/public', publicStatsRoute);
        get = async (qs, headers) => {
          const res = await harness.request(`/api/v1/public/stats?${qs}`, { headers });
          return { status: res.status, body: await res.json(), headers: res.headers };
        };
      }
    });
    after(() => ctx.close());

    it('publishes national totals, with no suppression where every count is 5 or more', async () => {
      const r = await get(PERIOD);
      assert.equal(r.status, 200);
      // 7 live visits, 8 questions (one visit with two), 5 referred.
      assert.deepEqual(r.body, { visits: 7, questions: 8, referred: 5, groups: [] });
      assert.match(r.headers.get('cache-control') ?? '', /public/);
    });

    it('nulls every count under 5 and flags its group as suppressed', async () => {
      const r = await get(`${PERIOD}&groupBy=topic`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.groups, [
        { key: 'huurtoeslag', label: ctx.deps.taxonomy.label('topics', 'huurtoeslag', 'nl'), visits: 6, questions: 6 },
        {
          key: 'zorgtoeslag',
          label: ctx.deps.taxonomy.label('topics', 'zorgtoeslag', 'nl'),
          visits: null,
          questions: null,
          suppressed: true,
        },
      ]);
      assert.equal(r.body.suppressed, undefined);
      const months = await get(`${PERIOD}&groupBy=month&lang=en`);
      assert.deepEqual(months.body.groups, [
        { key: '2026-10', label: 'October 2026', visits: null, questions: null, suppressed: true },
        { key: '2026-11', label: 'November 2026', visits: 6, questions: 7 },
      ]);
    });

    it('suppresses the totals too when they are small, e.g. within one province or municipality', async () => {
      const r = await get(`${PERIOD}&province=Noord-Holland&groupBy=topic`);
      assert.deepEqual(r.body, {
        visits: null,
        questions: null,
        referred: null,
        suppressed: true,
        groups: [
          {
            key: 'huurtoeslag',
            label: ctx.deps.taxonomy.label('topics', 'huurtoeslag', 'nl'),
            visits: null,
            questions: null,
            suppressed: true,
          },
          {
            key: 'zorgtoeslag',
            label: ctx.deps.taxonomy.label('topics', 'zorgtoeslag', 'nl'),
            visits: null,
            questions: null,
            suppressed: true,
          },
        ],
      });
      const utrecht = await get(`${PERIOD}&municipality=Utrecht`);
      // 5 visits, 5 questions, 4 referred: only `referred` is suppressed.
      assert.deepEqual(utrecht.body, { visits: 5, questions: 5, referred: null, suppressed: true, groups: [] });
    });

    it('needs no credentials and rejects what it does not offer', async () => {
      assert.equal((await get(`${PERIOD}&groupBy=agency`)).status, 422);
      assert.equal((await get(`${PERIOD}&organisationId=${randomUUID()}`)).status, 422);
      assert.equal((await get('from=2026-12-31&to=2026-01-01')).status, 422);
    });
  });
}
