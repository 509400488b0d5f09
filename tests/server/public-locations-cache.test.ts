/**
 * The public locator keeps the public rows of locations and the open set of the minute in memory
 * (server/services/nearest.ts). These tests pin down what a visitor must never notice: an answer
 * that lags behind a change, or an open state from the previous minute.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { locations } from '../../server/db/schema.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;
type Item = {
  id: string;
  name: string;
  organisationName: string;
  walkInHours: unknown;
  openNow: boolean;
  nextChange: { at: string; open: boolean } | null;
};

/** Monday 30 November 2026 in Amsterdam (CET, UTC+1). */
const amsterdam = (time: string) => new Date(`2026-11-30T${time}+01:00`);

/** Near Utrecht Centrum (52.09, 5.12) of the seeded tenants; Utrecht Noord is 2 km further. */
const NEAR = '/api/v1/public/locations?near=52.09,5.12&limit=50';

for (const backend of backends) {
  describe(`public locator caches on ${backend}: every change shows in the next answer`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let now = amsterdam('10:00:00');
    const items = async (path = NEAR): Promise<Item[]> => {
      const r = await ctx.call('GET', path);
      assert.equal(r.status, 200, r.text);
      return r.body.items;
    };
    const item = async (id: string, path = NEAR) => (await items(path)).find((i) => i.id === id);

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now, config: { publicRateLimit: 100_000 } });
      t = await seedTenants(ctx); // Monday 09:00–17:00 for every location
    });
    after(() => ctx.close());

    it('a location PATCHed through the API shows its new hours and open state at once, openNow included', async () => {
      now = amsterdam('10:00:00');
      const id = t.a.location.id;
      assert.equal((await item(id))?.openNow, true);
      assert.ok(await item(id, `${NEAR}&openNow=true`));
      const before = await ctx.call('GET', NEAR);

      const r = await ctx.call('PATCH', `/api/v1/locations/${id}`, {
        token: t.a.coordinator,
        body: { name: 'Utrecht Centrum (middag)', walkInHours: [{ day: 1, opens: '13:00', closes: '17:00' }] },
      });
      assert.equal(r.status, 200, r.text);

      const changed = await item(id);
      assert.equal(changed?.name, 'Utrecht Centrum (middag)');
      assert.deepEqual(changed?.walkInHours, [{ day: 1, opens: '13:00', closes: '17:00' }]);
      assert.equal(changed?.openNow, false);
      assert.deepEqual(changed?.nextChange, { at: '2026-11-30T13:00:00+01:00', open: true });
      assert.equal(await item(id, `${NEAR}&openNow=true`), undefined);
      const after = await ctx.call('GET', NEAR, { headers: { 'if-none-match': before.headers.get('etag')! } });
      assert.equal(after.status, 200, 'the old ETag no longer matches');
    });

    it('a location deleted or created through the API is gone or there in the next answer', async () => {
      now = amsterdam('10:00:00');
      const created = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        body: {
          name: 'Utrecht Zuid',
          address: { street: 'Plein 1', postcode: '3521 AB', city: 'Utrecht' },
          coordinates: { lat: 52.08, lon: 5.11 },
          walkInHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
        },
      });
      assert.equal(created.status, 201, created.text);
      assert.equal((await item(created.body.id))?.openNow, true);
      assert.ok(await item(created.body.id, `${NEAR}&openNow=true`));

      const gone = await ctx.call('DELETE', `/api/v1/locations/${created.body.id}`, { token: t.a.coordinator });
      assert.equal(gone.status, 204);
      assert.equal(await item(created.body.id), undefined);
      assert.equal(await item(created.body.id, `${NEAR}&openNow=true`), undefined);
    });

    it('an organisation renamed through the API shows its new name at once', async () => {
      const r = await ctx.call('PATCH', `/api/v1/organisations/${t.a.organisation.id}`, {
        token: t.national,
        body: { name: 'Bibliotheek Utrecht en Omstreken' },
      });
      assert.equal(r.status, 200, r.text);
      assert.equal((await item(t.a.location2.id))?.organisationName, 'Bibliotheek Utrecht en Omstreken');
    });

    it('changes made by another server instance (straight in the database) show at once', async () => {
      now = amsterdam('10:00:00');
      const id = t.a.location2.id;
      assert.equal((await item(id))?.openNow, true);
      // Another instance closes it this morning and renames it: this process is not told.
      await ctx.database.db
        .update(locations)
        .set({ name: 'Utrecht Noord (middag)', walkInHours: [{ day: 1, opens: '12:00', closes: '17:00' }] })
        .where(eq(locations.id, id));
      const changed = await item(id);
      assert.equal(changed?.name, 'Utrecht Noord (middag)');
      assert.equal(changed?.openNow, false);
      assert.equal(await item(id, `${NEAR}&openNow=true`), undefined);

      // … opens it again …
      await ctx.database.db
        .update(locations)
        .set({ walkInHours: [{ day: 1, opens: '09:00', closes: '17:00' }] })
        .where(eq(locations.id, id));
      assert.equal((await item(id, `${NEAR}&openNow=true`))?.openNow, true);

      // … creates one …
      const [row] = await ctx.database.db
        .insert(locations)
        .values({
          organisationId: t.a.organisation.id,
          name: 'Utrecht Oost',
          address: { street: 'Plein 2', postcode: '3581 AB', city: 'Utrecht' },
          lat: 52.09,
          lon: 5.14,
          walkInHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
          closedOnHolidays: [],
        })
        .returning();
      assert.equal((await item(row.id))?.name, 'Utrecht Oost');

      // … and deletes it again.
      await ctx.database.rows(sql`update locations set deleted_at = now() where id = ${row.id}`);
      assert.equal(await item(row.id), undefined);
      assert.equal(await item(row.id, `${NEAR}&openNow=true`), undefined);
    });

    it('says open and closed right at the minute a location opens and closes', async () => {
      const id = t.a.location.id;
      await ctx.call('PATCH', `/api/v1/locations/${id}`, {
        token: t.a.coordinator,
        body: { walkInHours: [{ day: 1, opens: '09:00', closes: '17:00' }] },
      });

      now = amsterdam('08:59:59');
      const early = await item(id);
      assert.equal(early?.openNow, false);
      assert.deepEqual(early?.nextChange, { at: '2026-11-30T09:00:00+01:00', open: true });
      assert.equal(await item(id, `${NEAR}&openNow=true`), undefined);

      now = amsterdam('09:00:00');
      const opened = await item(id);
      assert.equal(opened?.openNow, true);
      assert.deepEqual(opened?.nextChange, { at: '2026-11-30T17:00:00+01:00', open: false });
      assert.equal((await item(id, `${NEAR}&openNow=true`))?.openNow, true);

      now = amsterdam('16:59:59');
      assert.equal((await item(id, `${NEAR}&openNow=true`))?.openNow, true);

      now = amsterdam('17:00:00');
      const closed = await item(id);
      assert.equal(closed?.openNow, false);
      assert.deepEqual(closed?.nextChange, { at: '2026-12-07T09:00:00+01:00', open: true });
      assert.equal(await item(id, `${NEAR}&openNow=true`), undefined);
    });
  });
}
