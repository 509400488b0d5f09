/**
 * The report aggregates under concurrent writers, corrections and deletions, with folders running
 * meanwhile, and (on PostgreSQL) a second server instance on the same database: every summary read
 * right after a write counts it, through either instance, and the folded tables end up as specified.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createApp } from '../../server/app.js';
import { createDeps } from '../../server/bootstrap.js';
import { openDatabase } from '../../server/db/client.js';
import { readConfig } from '../../server/env.js';
import { aggregateReportQueries } from '../../server/services/reports/aggregates.js';
import { codeMapOf } from '../../server/services/reports/code-map.js';
import { sqlReportQueries } from '../../server/services/reports/raw.js';
import { prng } from '../../server/services/prng.js';
import type { Deps } from '../../server/types.js';
import { NOW, assertAsSpecified, compareAll, visitMaker, type Tenant, type Tenants } from '../helpers/aggregate-check.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type App = ReturnType<typeof createApp>;

/** A JSON request to an app, as `ctx.call` makes one, for any instance. */
async function call(app: App, method: string, path: string, token: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}

for (const backend of backends) {
  describe(`report aggregates under concurrent writes on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let second: { deps: Deps; app: App } | null = null;
    const writerLocations: string[] = [];

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW });
      t = await seedTenants(ctx);
      // One location per writer, so that each knows exactly what its location's summary must say.
      for (let i = 0; i < 4; i++) {
        const r = await ctx.call('POST', '/api/v1/locations', {
          token: t.a.coordinator,
          body: {
            name: `Schrijver ${i}`,
            address: { street: 'Kerkplein 1', postcode: '3511 AB', city: 'Utrecht', municipality: 'Utrecht', province: 'Utrecht' },
            coordinates: { lat: 52.09, lon: 5.12 },
            walkInHours: [],
          },
        });
        assert.equal(r.status, 201, r.text);
        writerLocations.push(r.body.id);
      }
      if (ctx.databaseUrl) {
        // Another server process's view: its own connections, query layer and folder on the same database.
        const database = await openDatabase({ databaseUrl: ctx.databaseUrl, max: 5 });
        const deps = await createDeps(readConfig({ IDO_LOG: 'off', IDO_PDOK_URL: 'off' }), { database, clock: () => NOW });
        second = { deps, app: createApp(deps) };
      }
    });
    after(async () => {
      await second?.deps.database.close();
      await ctx.close();
    });

    it('count every write in the next read through any instance, while folders run on every instance', async () => {
      const instances = [{ deps: ctx.deps, app: ctx.app }, ...(second ? [second] : [])];
      let writing = true;
      const folds = { runs: 0, folded: 0, busy: 0 };
      // A folder per instance, folding as fast as it can while the writers write (no timer: on PGlite
      // in process, timers would wait for the writers, whose work never leaves the microtask queue).
      const folders = instances.map(async ({ deps }) => {
        while (writing) {
          const r = await deps.reports.fold();
          folds.runs++;
          folds.folded += r.folded;
          if (r.busy) folds.busy++;
        }
      });
      const writer = async (w: number) => {
        const random = prng(1000 + w);
        const make = visitMaker(random, () => [t.a.partner.id]);
        const location = writerLocations[w];
        const live = new Map<string, number>(); // id → questions
        const via = (k: number) => instances[k % instances.length].app;
        let k = w;
        for (let step = 0; step < 25; step++) {
          const roll = random();
          const body = () => make.body(t.a as Tenant, [location]);
          if (roll < 0.35 || live.size < 3) {
            const b = body();
            const r = await call(via(k++), 'POST', '/api/v1/registrations', t.a.coordinator, b);
            assert.equal(r.status, 201, r.text);
            live.set(r.body.id, b.questions.length);
          } else if (roll < 0.5) {
            const items = Array.from({ length: 3 }, () => ({ id: randomUUID(), ...body() }));
            const r = await call(via(k++), 'POST', '/api/v1/registrations/batch', t.a.coordinator, { registrations: items });
            assert.equal(r.status, 200, r.text);
            for (const item of items) live.set(item.id, item.questions.length);
          } else if (roll < 0.8) {
            const id = make.pick([...live.keys()]);
            const patch = make.patch(body());
            const r = await call(via(k++), 'PATCH', `/api/v1/registrations/${id}`, t.a.coordinator, patch);
            assert.equal(r.status, 200, r.text);
            live.set(id, r.body.questions.length);
          } else {
            const id = make.pick([...live.keys()]);
            assert.equal((await call(via(k++), 'DELETE', `/api/v1/registrations/${id}`, t.a.coordinator)).status, 204);
            live.delete(id);
          }
          // Read right after the write, through the other instance when there is one.
          const summary = await call(
            via(k++),
            'GET',
            `/api/v1/reports/summary?from=2025-01-01&to=2026-12-31&locationId=${location}&groupBy=channel`,
            t.a.coordinator,
          );
          assert.equal(summary.status, 200, summary.text);
          const questions = [...live.values()].reduce((a, b) => a + b, 0);
          assert.deepEqual([summary.body.visits, summary.body.questions], [live.size, questions], `writer ${w}, step ${step}`);
          assert.equal(
            summary.body.groups.reduce((n: number, g: { visits: number }) => n + g.visits, 0),
            live.size,
            `writer ${w}, step ${step}: groups`,
          );
        }
      };
      try {
        await Promise.all(writerLocations.map((_, w) => writer(w)));
      } finally {
        writing = false;
        await Promise.all(folders);
      }
      assert.ok(folds.folded > 0, JSON.stringify(folds));
      const codeMap = codeMapOf(ctx.deps.taxonomy);
      const raw = sqlReportQueries(ctx.database, codeMap);
      const agg = aggregateReportQueries(ctx.database, raw, codeMap);
      await compareAll(raw, agg, t, 'after concurrent writes');
      await ctx.deps.reports.fold();
      await assertAsSpecified(ctx);
    });
  });
}
