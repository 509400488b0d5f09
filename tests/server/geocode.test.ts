/**
 * `GET /api/v1/geocode` (contract v3): PDOK's address through the stand-in, the PC4 centroid with
 * `precision: "pc4"` when PDOK is out of reach or off, 422 in words when nothing is found, and
 * only for staff.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { GeocodedAddress } from '../../sdk/schemas/geocode.js';
import { importPostcodes } from '../../server/services/postcodes.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';
import { startPdokStandin, type PdokStandin } from '../helpers/pdok-standin.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const PC4 = [
  { pc4: '3511', lat: 52.0884, lon: 5.1175 },
  { pc4: '3512', lat: 52.0915, lon: 5.1228 },
];

for (const backend of backends) {
  describe(`geocode on ${backend}`, () => {
    let pdok: PdokStandin;
    let ctx: TestContext;
    let off: TestContext;
    let t: Tenants;
    let tOff: Tenants;

    before(async () => {
      pdok = await startPdokStandin();
      ctx = await createTestContext(backend, { config: { pdokUrl: pdok.url } });
      off = await createTestContext(backend);
      for (const c of [ctx, off]) await importPostcodes(c.database, PC4, 'test');
      t = await seedTenants(ctx);
      tOff = await seedTenants(off);
    });
    after(async () => {
      await ctx.close();
      await off.close();
      await pdok.close();
    });
    beforeEach(() => {
      pdok.mode = 'ok';
    });

    it("answers PDOK's address: street, place, municipality, province and the building's coordinates", async () => {
      const r = await ctx.call('GET', '/api/v1/geocode?postcode=3511%20ab&number=11', { token: t.a.coordinator });
      assert.equal(r.status, 200, r.text);
      z.parse(GeocodedAddress, r.body);
      assert.deepEqual(r.body, {
        street: 'Oudegracht',
        number: 11,
        addition: null,
        postcode: '3511 AB',
        city: 'Utrecht',
        municipality: 'Utrecht',
        province: 'Utrecht',
        coordinates: { lat: 52.0921, lon: 5.11912 },
        precision: 'address',
      });
      const asked = pdok.requests.at(-1)!;
      assert.deepEqual(asked.searchParams.getAll('fq'), ['type:adres', 'postcode:3511AB', 'huisnummer:11']);
    });

    it('picks the house letter asked for', async () => {
      const r = await ctx.call('GET', '/api/v1/geocode?postcode=3511AB&number=11&addition=a', { token: t.a.coordinator });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body.coordinates, { lat: 52.09212, lon: 5.11915 });
      assert.equal(r.body.addition, 'a');
    });

    it('a number PDOK does not know at a known postcode: the postcode area, precision "postcode"', async () => {
      const r = await ctx.call('GET', '/api/v1/geocode?postcode=3512JC&number=99', { token: t.a.coordinator });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.precision, 'postcode');
      assert.equal(r.body.street, 'Domplein');
      assert.equal(r.body.city, 'Utrecht');
      assert.deepEqual(r.body.coordinates, { lat: 52.0907, lon: 5.1214 });
    });

    it('PDOK down: the PC4 centroid, precision "pc4", what it cannot know null, with the credit', async () => {
      pdok.mode = 'fail';
      const r = await off.call('GET', '/api/v1/geocode?postcode=3512AE&number=11', { token: tOff.a.coordinator });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        { ...r.body, attribution: undefined },
        {
          street: null,
          number: 11,
          addition: null,
          postcode: '3512 AE',
          city: null,
          municipality: null,
          province: null,
          coordinates: { lat: 52.0915, lon: 5.1228 },
          precision: 'pc4',
          attribution: undefined,
        },
      );
      assert.match(r.body.attribution, /GeoNames/);
    });

    it('PDOK failing falls back to the PC4 centroid too', async () => {
      pdok.mode = 'fail';
      const r = await ctx.call('GET', '/api/v1/geocode?postcode=3511XY&number=5', { token: t.a.coordinator });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.precision, 'pc4');
    });

    it('422 in words: no postcode, a PC4 only, a number with letters, an unknown area', async () => {
      const cases: [string, string, RegExp][] = [
        ['postcode=&number=1', 'postcode', /vier cijfers en twee letters/],
        ['postcode=3511&number=1', 'postcode', /vier cijfers en twee letters/],
        ['postcode=3511AB&number=11a', 'number', /alleen cijfers/],
        ['postcode=9999ZZ&number=1', 'postcode', /geen adres bij deze postcode/],
      ];
      for (const [q, path, message] of cases) {
        const r = await off.call('GET', `/api/v1/geocode?${q}`, { token: tOff.a.coordinator });
        assert.equal(r.status, 422, `${q}: ${r.text}`);
        assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
        assert.equal(r.body.errors[0].path, path, q);
        assert.match(r.body.errors[0].message, message, q);
      }
      const missing = await off.call('GET', '/api/v1/geocode?postcode=3511AB', { token: tOff.a.coordinator });
      assert.deepEqual(
        missing.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
        ['number:required'],
      );
    });

    it('is for staff: 401 without credentials, 403 for a desk key', async () => {
      assert.equal((await ctx.call('GET', '/api/v1/geocode?postcode=3511AB&number=11')).status, 401);
      const desk = await ctx.call('GET', '/api/v1/geocode?postcode=3511AB&number=11', {
        token: t.a.deskKey,
        headers: { origin: t.a.deskOrigin },
      });
      assert.equal(desk.status, 403);
    });
  });
}
