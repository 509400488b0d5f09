import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { locations, organisations } from '../../server/db/schema.js';
import { createGeocoder, parsePoint, type GeocoderOptions } from '../../server/services/geocoder.js';
import { importPostcodes } from '../../server/services/postcodes.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';
import { startPdokStandin, type PdokStandin } from '../helpers/pdok-standin.js';

describe('parsePoint (PDOK centroide_ll)', () => {
  it('reads WKT longitude first', () => {
    assert.deepEqual(parsePoint('POINT(5.1 52.09)'), { lat: 52.09, lon: 5.1 });
    assert.deepEqual(parsePoint('POINT(4.74654356 52.3031994)'), { lat: 52.3031994, lon: 4.74654356 });
    assert.deepEqual(parsePoint(' point ( -68.27 12.15 ) '), { lat: 12.15, lon: -68.27 });
  });
  it('rejects anything else', () => {
    for (const bad of [
      undefined,
      null,
      42,
      '',
      'POINT(5.1)',
      'POINT(5.1 52.09 3)',
      'POINT(200 52)',
      'POINT(5 95)',
      'LINESTRING(1 2, 3 4)',
      'POINT(a b)',
    ]) {
      assert.equal(parsePoint(bad), null, String(bad));
    }
  });
});

describe('PDOK stand-in behaves like v3_1', () => {
  let pdok: PdokStandin;
  before(async () => {
    pdok = await startPdokStandin();
  });
  after(() => pdok.close());

  it('answers in PDOK format, longitude first, only the fields asked for', async () => {
    const res = await fetch(`${pdok.url}/free?q=3511AB&fq=type:postcode&rows=1&fl=weergavenaam,postcode,centroide_ll`);
    assert.equal(res.status, 200);
    const json = await res.json();
    assert.equal(json.response.numFound, 1);
    assert.deepEqual(json.response.docs, [
      { weergavenaam: 'Oudegracht, 3511AB Utrecht', postcode: '3511AB', centroide_ll: 'POINT(5.1186 52.0916)' },
    ]);
  });
  it('rejects unknown query parameters with 400', async () => {
    const res = await fetch(`${pdok.url}/free?q=3511AB&type=postcode`);
    assert.equal(res.status, 400);
    assert.match((await res.json()).detail, /type/);
  });
  it('finds nothing for an unknown postcode and filters by type', async () => {
    const none = await (await fetch(`${pdok.url}/free?q=1234AB&fq=type:postcode`)).json();
    assert.deepEqual(none.response, { numFound: 0, start: 0, maxScore: 0, numFoundExact: true, docs: [] });
    const place = await (await fetch(`${pdok.url}/free?q=utrecht&fq=type:(woonplaats OR gemeente)`)).json();
    assert.deepEqual(
      place.response.docs.map((d: { type: string }) => d.type),
      ['woonplaats'],
    );
  });
});

for (const backend of backends) {
  describe(`geocoder on ${backend}`, () => {
    let ctx: TestContext;
    let pdok: PdokStandin;
    let clock = Date.now();
    // A stand-in that answers is never given up on, however busy the machine (300 ms was too little
    // at a load of 20); the test of the timeout sets its own.
    const make = (options: Partial<GeocoderOptions> = {}) =>
      createGeocoder({ database: ctx.database, pdokUrl: pdok.url, timeoutMs: 10_000, now: () => clock, ...options });

    before(async () => {
      pdok = await startPdokStandin();
      ctx = await createTestContext(backend);
      await importPostcodes(
        ctx.database,
        [
          { pc4: '3511', lat: 52.0884, lon: 5.1175 },
          { pc4: '3512', lat: 52.0915, lon: 5.1228 },
          { pc4: '9711', lat: 53.2167, lon: 6.5698 },
        ],
        'test',
      );
    });
    after(async () => {
      await ctx.close();
      await pdok.close();
    });
    beforeEach(async () => {
      pdok.mode = 'ok';
      pdok.requests.length = 0;
      clock = Date.now();
      await ctx.rows(sql`delete from geocode_cache`);
    });

    it('asks PDOK with only parameters v3_1 knows, and reads its answer', async () => {
      const geocoder = make();
      const result = await geocoder.resolve({ postcode: '3511 ab' });
      assert.deepEqual(result, {
        ok: true,
        point: { lat: 52.0916, lon: 5.1186, label: 'Oudegracht, 3511AB Utrecht', pc4: '3511', source: 'pdok' },
      });
      assert.equal(pdok.requests.length, 1);
      assert.deepEqual([...pdok.requests[0].searchParams.keys()].sort(), ['fl', 'fq', 'q', 'rows']);
      assert.equal(pdok.requests[0].searchParams.get('q'), '3511AB');
    });

    it('keeps answers in memory and in the database shared by every instance', async () => {
      await make().geocode({ postcode: '3512JC' });
      assert.equal(pdok.requests.length, 1);
      const geocoder = make();
      await geocoder.geocode({ postcode: '3512 jc' });
      const again = await geocoder.geocode({ postcode: '3512JC' });
      assert.equal(again?.label, 'Domplein, 3512JC Utrecht');
      assert.equal(pdok.requests.length, 1, 'a second instance (or a restart) reads the shared cache');
      const [row] = await ctx.rows<{ query: string }>(sql`select query from geocode_cache`);
      assert.equal(row.query, 'pc6:3512JC');
    });

    it('asks again once a cached answer is a month old', async () => {
      const geocoder = make();
      await geocoder.geocode({ q: 'Zwolle' });
      clock += 31 * 86_400_000;
      await geocoder.geocode({ q: 'zwolle' });
      assert.equal(pdok.requests.length, 2);
    });

    it('asks once for identical lookups in flight', async () => {
      const geocoder = make();
      const all = await Promise.all(Array.from({ length: 8 }, () => geocoder.geocode({ postcode: '9711LV' })));
      assert.ok(all.every((p) => p?.label === 'Grote Markt, 9711LV Groningen'));
      assert.equal(pdok.requests.length, 1);
    });

    it('does not trust a fuzzy PDOK match: an unknown PC6 falls back to its PC4, and is remembered', async () => {
      const geocoder = make();
      const result = await geocoder.resolve({ postcode: '3511ZZ' });
      assert.equal(result.ok, true);
      assert.deepEqual(result.ok && result.point, { lat: 52.0884, lon: 5.1175, label: '3511 ZZ', pc4: '3511', source: 'pc4' });
      await geocoder.resolve({ postcode: '3511ZZ' });
      assert.equal(pdok.requests.length, 1, 'the negative answer is cached too');
      assert.deepEqual(await geocoder.resolve({ postcode: '1234AB' }), { ok: false, reason: 'unknown' });
    });

    it('uses the PC4 table for four digits, without asking PDOK', async () => {
      const result = await make().resolve({ postcode: '3511' });
      assert.deepEqual(result, { ok: true, point: { lat: 52.0884, lon: 5.1175, label: '3511', pc4: '3511', source: 'pc4' } });
      assert.equal(pdok.requests.length, 0);
      assert.deepEqual(await make().resolve({ postcode: '1234' }), { ok: false, reason: 'unknown' });
    });

    it('rejects what is not a postcode', async () => {
      for (const postcode of ['', 'abc', '0123AB', '3511SA', '3511 A']) {
        assert.deepEqual(await make().resolve({ postcode }), { ok: false, reason: 'invalid' }, postcode);
      }
      assert.equal(pdok.requests.length, 0);
    });

    it('times out on a hanging PDOK, falls back, and leaves PDOK alone during the cool-down', async () => {
      pdok.mode = 'hang';
      const geocoder = make({ timeoutMs: 200, cooldownMs: 10_000 });
      // The stand-in never answers: a result at all means the timeout fired and the geocoder fell back.
      const result = await geocoder.resolve({ postcode: '3511AB' });
      assert.equal(result.ok && result.point.source, 'pc4');
      assert.equal(pdok.requests.length, 1, 'PDOK was asked');
      assert.deepEqual(await geocoder.resolve({ postcode: '1234AB' }), { ok: false, reason: 'unavailable' });
      assert.equal(pdok.requests.length, 1, 'no second request during the cool-down');
      pdok.mode = 'ok';
      clock += 11_000;
      const back = await geocoder.resolve({ postcode: '3511AB' });
      assert.equal(back.ok && back.point.source, 'pdok');
      assert.equal(pdok.requests.length, 2);
    });

    it('falls back when PDOK fails or answers something else, and never caches that', async () => {
      for (const mode of ['fail', 'garbage'] as const) {
        pdok.mode = mode;
        const errors: string[] = [];
        const geocoder = make({ onError: (_e, where) => errors.push(where) });
        const result = await geocoder.resolve({ postcode: '9711LV' });
        assert.equal(result.ok && result.point.source, 'pc4', mode);
        assert.deepEqual(errors, ['pdok']);
        assert.deepEqual(await geocoder.resolve({ q: 'Zwolle' }), { ok: false, reason: 'unavailable' });
      }
      const [{ n }] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from geocode_cache`);
      assert.equal(n, 0);
    });

    it('falls back when PDOK cannot be reached at all', async () => {
      const geocoder = createGeocoder({ database: ctx.database, pdokUrl: 'http://127.0.0.1:9/nothing', timeoutMs: 500 });
      const result = await geocoder.resolve({ postcode: '3511AB' });
      assert.equal(result.ok && result.point.source, 'pc4');
    });

    it('finds places through PDOK; a postcode typed as q is a postcode search', async () => {
      const geocoder = make();
      const place = await geocoder.resolve({ q: '  Amsterdam ' });
      assert.deepEqual(place, {
        ok: true,
        point: { lat: 52.3728, lon: 4.8936, label: 'Amsterdam, Amsterdam, Noord-Holland', source: 'pdok' },
      });
      assert.equal(pdok.requests[0].searchParams.get('fq'), 'type:woonplaats');
      const postcode = await geocoder.resolve({ q: '3511 ab' });
      assert.equal(postcode.ok && postcode.point.pc4, '3511');
      assert.deepEqual(await geocoder.resolve({ q: 'Nergenshuizen' }), { ok: false, reason: 'unknown' });
      assert.deepEqual(await geocoder.resolve({ q: '   ' }), { ok: false, reason: 'invalid' });
    });

    it('without PDOK, uses the PC4 table and the cities of live locations', async () => {
      const geocoder = make({ pdokUrl: null });
      const [org] = await ctx.database.db.insert(organisations).values({ name: 'Bibliotheek Zwolle' }).returning();
      await ctx.database.db.insert(locations).values([
        {
          organisationId: org.id,
          name: 'A',
          address: { street: 'x', postcode: '8011 AA', city: 'Zwolle' },
          lat: 52.5,
          lon: 6.0,
          closedOnHolidays: [],
        },
        {
          organisationId: org.id,
          name: 'B',
          address: { street: 'x', postcode: '8011 AA', city: 'Zwolle' },
          lat: 52.6,
          lon: 6.2,
          closedOnHolidays: [],
        },
        {
          organisationId: org.id,
          name: 'C',
          address: { street: 'x', postcode: '8011 AA', city: 'Zwolle' },
          lat: 40,
          lon: 40,
          closedOnHolidays: [],
          deletedAt: new Date(),
        },
      ]);
      const place = await geocoder.resolve({ q: 'ZWOLLE' });
      assert.equal(place.ok, true);
      if (place.ok) {
        assert.equal(place.point.label, 'Zwolle');
        assert.equal(place.point.source, 'locations');
        assert.ok(Math.abs(place.point.lat - 52.55) < 1e-9 && Math.abs(place.point.lon - 6.1) < 1e-9);
      }
      assert.deepEqual(await geocoder.resolve({ q: 'Amsterdam' }), { ok: false, reason: 'unavailable' });
      assert.deepEqual(await geocoder.resolve({ postcode: '1234AB' }), { ok: false, reason: 'unknown' });
      assert.equal((await geocoder.geocode({ postcode: '3511AB' }))?.source, 'pc4');
      assert.equal(pdok.requests.length, 0);
    });
  });
}

const GEONAMES = 'Postcode data © GeoNames (geonames.org), CC BY 4.0';

for (const backend of backends) {
  describe(`public locator with PDOK on ${backend}`, () => {
    let ctx: TestContext;
    let pdok: PdokStandin;
    /** A fresh geocoder (empty memory cache, no cool-down), as the server makes it. */
    const restartGeocoder = () => {
      ctx.deps.geocoder = createGeocoder({ database: ctx.database, pdokUrl: pdok.url });
    };
    const names = (r: { body: { items: { name: string }[] } }) => r.body.items.map((i) => i.name);

    before(async () => {
      pdok = await startPdokStandin();
      ctx = await createTestContext(backend, { config: { pdokUrl: pdok.url }, fetch, clock: () => new Date('2026-11-30T09:00:00Z') });
      await importPostcodes(
        ctx.database,
        [
          { pc4: '3511', lat: 52.0884, lon: 5.1175 },
          { pc4: '3512', lat: 52.0915, lon: 5.1228 },
        ],
        'pc4-centroids.csv',
      );
      const [org] = await ctx.database.db.insert(organisations).values({ name: 'Bibliotheek' }).returning();
      const at = (name: string, city: string, lat: number, lon: number) => ({
        organisationId: org.id,
        name,
        address: { street: 'Plein 1', postcode: '3511 AB', city },
        lat,
        lon,
        walkInHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
        closedOnHolidays: [],
      });
      await ctx.database.db
        .insert(locations)
        .values([
          at('IDO Neude', 'Utrecht', 52.0931, 5.1189),
          at('IDO Amersfoort', 'Amersfoort', 52.1561, 5.3878),
          at('IDO Oosterdok', 'Amsterdam', 52.3756, 4.9083),
        ]);
    });
    after(async () => {
      await ctx.close();
      await pdok.close();
    });
    beforeEach(() => {
      pdok.mode = 'ok';
      pdok.requests.length = 0;
    });

    it('geocodes a full postcode with PDOK (no GeoNames credit) and caches it', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3511ab&limit=1');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body.origin, { lat: 52.0916, lon: 5.1186, label: 'Oudegracht, 3511AB Utrecht', precision: 'postcode' });
      assert.equal(r.body.attribution, undefined);
      assert.deepEqual(names(r), ['IDO Neude']);
      assert.equal(pdok.requests.length, 1);
      assert.equal(pdok.requests[0].pathname, '/bzk/locatieserver/search/v3_1/free');
      assert.equal(pdok.requests[0].searchParams.get('q'), '3511AB');
      assert.equal(pdok.requests[0].searchParams.get('fq'), 'type:postcode');
      const again = await ctx.call('GET', '/api/v1/public/locations?postcode=3511%20AB&limit=1');
      assert.deepEqual(again.body.origin, r.body.origin);
      restartGeocoder();
      const afterRestart = await ctx.call('GET', '/api/v1/public/locations?postcode=3511AB&limit=1');
      assert.deepEqual(afterRestart.body.origin, r.body.origin);
      assert.equal(pdok.requests.length, 1, 'later lookups come from the cache (memory, then the database)');
    });

    it('finds a place with q= through PDOK, nearest first', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?q=Amsterdam&limit=2');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body.origin, { lat: 52.3728, lon: 4.8936, label: 'Amsterdam, Amsterdam, Noord-Holland', precision: 'place' });
      assert.deepEqual(names(r), ['IDO Oosterdok', 'IDO Neude']);
      assert.equal(pdok.requests.at(-1)!.searchParams.get('fq'), 'type:woonplaats');
      const unknown = await ctx.call('GET', '/api/v1/public/locations?q=Nergenshuizen', { headers: { 'accept-language': 'en' } });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.errors[0].code, 'unknown-place');
      assert.match(unknown.body.detail, /Use my location/);
    });

    it('uses the PC4 table for four digits (PDOK has no PC4 type), with the GeoNames credit', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&limit=1');
      assert.equal(r.body.attribution, GEONAMES);
      assert.equal(r.body.origin.precision, 'pc4');
      assert.equal(pdok.requests.length, 0);
    });

    it('answers 422 for a postcode neither PDOK nor the PC4 table knows', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=1234ZZ');
      assert.equal(r.status, 422);
      assert.equal(r.body.errors[0].code, 'unknown-postcode');
      assert.match(r.body.detail, /Gebruik mijn locatie/);
    });

    it('falls back to the PC4 table when PDOK is down', async () => {
      restartGeocoder();
      pdok.mode = 'fail';
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3512JC&limit=1');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual({ lat: r.body.origin.lat, lon: r.body.origin.lon }, { lat: 52.0915, lon: 5.1228 });
      assert.equal(r.body.origin.label, '3512 JC');
      assert.equal(r.body.origin.precision, 'pc4', 'PDOK down: the postcode is known by its area only');
      assert.equal(r.body.attribution, GEONAMES);
      const place = await ctx.call('GET', '/api/v1/public/locations?q=Zwolle');
      assert.equal(place.status, 422);
      assert.equal(place.body.errors[0].code, 'geocoder-unavailable');
      assert.match(place.body.detail, /Gebruik mijn locatie/);
      const unknown = await ctx.call('GET', '/api/v1/public/locations?postcode=1234AB');
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.errors[0].code, 'geocoder-unavailable');
    });

    it('gives up on a hanging PDOK after the timeout and falls back', async () => {
      restartGeocoder();
      pdok.mode = 'hang';
      // PDOK never answers: the search can only answer once the geocoder's own timeout has fired.
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3512AB&limit=1');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.attribution, GEONAMES);
      assert.equal(pdok.requests.length, 1);
      // During the cool-down, searches do not ask (so do not wait for) PDOK again.
      const again = await ctx.call('GET', '/api/v1/public/locations?postcode=3512AC&limit=1');
      assert.equal(again.status, 200);
      assert.equal(again.body.attribution, GEONAMES);
      assert.equal(pdok.requests.length, 1);
    });
  });
}
