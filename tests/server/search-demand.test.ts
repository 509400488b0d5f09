import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.js';
import { importPostcodes } from '../../server/services/postcodes.js';
import { createSearchDemandCounter, readSearchDemand, searchDemandFor } from '../../server/services/search-demand.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';

type Row = { pc4: string; day: string; searches: number };
const stored = async (ctx: TestContext) => [
  ...(await ctx.rows<Row>(sql`select pc4, to_char(day, 'YYYY-MM-DD') as day, searches from search_demand order by day, pc4`)),
];

/** A database whose writes can be made to fail, counting the INSERT statements it is asked for. */
function watched(database: Database) {
  const state = { inserts: 0, fail: false };
  const db = new Proxy(database.db, {
    get(target, prop, receiver) {
      if (prop === 'insert') {
        state.inserts++;
        if (state.fail)
          return () => {
            throw new Error('database down');
          };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { database: { ...database, db } as Database, state };
}

for (const backend of backends) {
  describe(`search demand counter on ${backend}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend);
    });
    after(() => ctx.close());
    beforeEach(() => ctx.rows(sql`delete from search_demand`));

    it('counts in memory and writes the sums in one batch on flush, adding to what is stored', async () => {
      const { database, state } = watched(ctx.database);
      const counter = createSearchDemandCounter(database, { flushEveryMs: 3_600_000 });
      for (let i = 0; i < 50; i++) counter.count('3511', '2026-11-30');
      counter.count('3512', '2026-11-30');
      counter.count('3511', '2026-11-29');
      assert.deepEqual(await stored(ctx), [], 'nothing is written per search');
      assert.equal(state.inserts, 0);
      assert.equal(counter.pending, 3);
      await counter.flush();
      assert.equal(state.inserts, 1, 'one statement for the whole batch');
      assert.equal(counter.pending, 0);
      assert.deepEqual(await stored(ctx), [
        { pc4: '3511', day: '2026-11-29', searches: 1 },
        { pc4: '3511', day: '2026-11-30', searches: 50 },
        { pc4: '3512', day: '2026-11-30', searches: 1 },
      ]);
      counter.count('3511', '2026-11-30');
      counter.count('3511', '2026-11-30');
      await counter.flush();
      await counter.flush(); // nothing pending: no statement
      assert.equal(state.inserts, 2);
      const rows = await stored(ctx);
      assert.equal(rows.find((r) => r.day === '2026-11-30' && r.pc4 === '3511')?.searches, 52);
      await counter.stop();
    });

    it('keeps only four digits and a date: anything else is ignored', async () => {
      const counter = createSearchDemandCounter(ctx.database, { flushEveryMs: 3_600_000 });
      for (const [pc4, day] of [
        ['3511AB', '2026-11-30'],
        ['0123', '2026-11-30'],
        ['351', '2026-11-30'],
        ['3511', '30-11-2026'],
        ['3511', '2026-11-30T10:00'],
      ]) {
        counter.count(pc4, day);
      }
      assert.equal(counter.pending, 0);
      await counter.stop();
    });

    it('flushes by itself a while after the first count', async () => {
      const counter = createSearchDemandCounter(ctx.database, { flushEveryMs: 50 });
      counter.count('9711', '2026-11-30');
      counter.count('9711', '2026-11-30');
      assert.deepEqual(await stored(ctx), []);
      for (let i = 0; i < 100 && (await stored(ctx)).length === 0; i++) await sleep(20);
      assert.deepEqual(await stored(ctx), [{ pc4: '9711', day: '2026-11-30', searches: 2 }]);
      await counter.stop();
    });

    it('flushes at once when many keys are pending', async () => {
      const { database, state } = watched(ctx.database);
      const counter = createSearchDemandCounter(database, { flushEveryMs: 3_600_000, maxKeys: 3 });
      counter.count('1011', '2026-11-30');
      counter.count('1012', '2026-11-30');
      assert.equal(state.inserts, 0);
      counter.count('1013', '2026-11-30');
      for (let i = 0; i < 100 && (await stored(ctx)).length < 3; i++) await sleep(10);
      assert.equal((await stored(ctx)).length, 3);
      assert.equal(state.inserts, 1);
      await counter.stop();
    });

    it('keeps the counts when a write fails, and writes them with the next flush', async () => {
      const errors: unknown[] = [];
      const { database, state } = watched(ctx.database);
      const counter = createSearchDemandCounter(database, { flushEveryMs: 3_600_000, onError: (e) => errors.push(e) });
      counter.count('2511', '2026-11-30');
      state.fail = true;
      await assert.rejects(counter.flush(), /database down/);
      assert.equal(counter.pending, 1);
      counter.count('2511', '2026-11-30');
      state.fail = false;
      await counter.flush();
      assert.deepEqual(await stored(ctx), [{ pc4: '2511', day: '2026-11-30', searches: 2 }]);
      await counter.stop();
    });

    it('writes what is pending on stop', async () => {
      const counter = createSearchDemandCounter(ctx.database, { flushEveryMs: 3_600_000 });
      counter.count('6211', '2026-11-30');
      await counter.stop();
      assert.deepEqual(await stored(ctx), [{ pc4: '6211', day: '2026-11-30', searches: 1 }]);
    });

    it('handles thousands of keys in chunks', async () => {
      const counter = createSearchDemandCounter(ctx.database, { flushEveryMs: 3_600_000, maxKeys: 100_000 });
      for (let pc4 = 1000; pc4 < 3500; pc4++) counter.count(String(pc4), '2026-11-30');
      await counter.flush();
      const [{ n, total }] = await ctx.rows<{ n: number; total: number }>(
        sql`select count(*)::int as n, sum(searches)::int as total from search_demand`,
      );
      assert.deepEqual({ n, total }, { n: 2500, total: 2500 });
      await counter.stop();
    });
  });

  describe(`search demand from the public locator on ${backend}`, () => {
    let ctx: TestContext;
    let now = new Date('2026-11-30T09:00:00Z');
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      await importPostcodes(
        ctx.database,
        [
          { pc4: '3511', lat: 52.0884, lon: 5.1175 },
          { pc4: '3512', lat: 52.0915, lon: 5.1228 },
          { pc4: '9711', lat: 53.2167, lon: 6.5698 },
        ],
        'test',
      );
      // A long interval, so that only the explicit flush writes in this test.
      searchDemandFor(ctx.deps, { flushEveryMs: 3_600_000 });
    });
    after(async () => {
      await searchDemandFor(ctx.deps).stop();
      await ctx.close();
    });

    it('counts successful postcode searches per PC4 and Amsterdam day, without a database write per search', async () => {
      const search = (qs: string) => ctx.call('GET', `/api/v1/public/locations?${qs}`);
      for (const qs of ['postcode=3511AB', 'postcode=3511%20ab', 'postcode=3511', 'postcode=3512', 'q=3511%20AB']) {
        assert.equal((await search(qs)).status, 200, qs);
      }
      // Not counted: a location search, unknown and invalid postcodes.
      assert.equal((await search('near=52.09,5.12')).status, 200);
      assert.equal((await search('postcode=1234AB')).status, 422);
      assert.equal((await search('postcode=nope')).status, 422);
      // 00:30 in Amsterdam on 1 December is still 30 November in UTC: the Amsterdam date counts.
      now = new Date('2026-11-30T23:30:00Z');
      assert.equal((await search('postcode=9711')).status, 200);

      assert.deepEqual(await stored(ctx), [], 'nothing written yet');
      assert.equal(searchDemandFor(ctx.deps).pending, 3);

      const report = await readSearchDemand(ctx.database, '2026-11-30', '2026-11-30');
      assert.deepEqual(report, {
        items: [
          { pc4: '3511', searches: 4 },
          { pc4: '3512', searches: 1 },
        ],
      });
      assert.deepEqual(await stored(ctx), [
        { pc4: '3511', day: '2026-11-30', searches: 4 },
        { pc4: '3512', day: '2026-11-30', searches: 1 },
        { pc4: '9711', day: '2026-12-01', searches: 1 },
      ]);
      const columns = await ctx.rows<{ column_name: string }>(
        sql`select column_name from information_schema.columns where table_name = 'search_demand' order by column_name`,
      );
      assert.deepEqual(
        columns.map((c) => c.column_name),
        ['day', 'pc4', 'searches'],
        'no IP, postcode or time is kept',
      );
    });

    it('reads demand for a period, most searched first, with open ends', async () => {
      const all = await readSearchDemand(ctx.database);
      assert.deepEqual(all.items, [
        { pc4: '3511', searches: 4 },
        { pc4: '3512', searches: 1 },
        { pc4: '9711', searches: 1 },
      ]);
      const december = await readSearchDemand(ctx.database, '2026-12-01');
      assert.deepEqual(december.items, [{ pc4: '9711', searches: 1 }]);
      const none = await readSearchDemand(ctx.database, '2025-01-01', '2025-12-31');
      assert.deepEqual(none.items, []);
    });
  });
}
