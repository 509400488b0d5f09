import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { distanceKm } from '../../sdk/geo.js';
import { DEFAULT_CLOSED_ON_HOLIDAYS } from '../../sdk/holidays.js';
import { PublicLocation, PublicLocations } from '../../sdk/schemas/reports.js';
import { locations, organisations } from '../../server/db/schema.js';
import { findNearest } from '../../server/services/nearest.js';
import { bundledPc4File, importPostcodesFile } from '../../server/services/postcodes.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';

/** Monday 30 November 2026, 10:00 in Amsterdam (CET), and the Sunday before. */
const MONDAY_10 = new Date('2026-11-30T09:00:00Z');
const SUNDAY_10 = new Date('2026-11-29T09:00:00Z');

const PC4_3511 = { lat: 52.0884, lon: 5.1175 };

type Hours = { day: number; opens: string; closes: string }[];
const weekdays = (opens: string, closes: string): Hours => [1, 2, 3, 4, 5].map((day) => ({ day, opens, closes }));

const PLACES = {
  utrechtCentrum: {
    name: 'IDO Bibliotheek Neude',
    city: 'Utrecht',
    lat: 52.0931,
    lon: 5.1189,
    walkInHours: [
      { day: 1, opens: '09:00', closes: '12:00' },
      { day: 3, opens: '13:00', closes: '16:00' },
    ],
  },
  utrechtOvervecht: {
    name: 'IDO Overvecht',
    city: 'Utrecht',
    lat: 52.117,
    lon: 5.116,
    walkInHours: [{ day: 1, opens: '13:00', closes: '17:00' }],
  },
  amersfoort: { name: 'IDO Amersfoort', city: 'Amersfoort', lat: 52.1561, lon: 5.3878, walkInHours: weekdays('09:00', '17:00') },
  amsterdam: { name: 'IDO OBA Oosterdok', city: 'Amsterdam', lat: 52.3756, lon: 4.9083, walkInHours: weekdays('10:00', '18:00') },
  groningen: {
    name: 'IDO Forum Groningen',
    city: 'Groningen',
    lat: 53.2185,
    lon: 6.57,
    walkInHours: [...weekdays('09:00', '17:00'), { day: 7, opens: '10:00', closes: '14:00' }],
  },
  maastricht: { name: 'IDO Centre Céramique', city: 'Maastricht', lat: 50.852, lon: 5.697, walkInHours: weekdays('09:00', '12:00') },
} as const;

/** Two organisations and their locations, written straight into the database, plus one deleted. */
async function seedPlaces(ctx: TestContext) {
  const { db } = ctx.database;
  const [orgA] = await db.insert(organisations).values({ name: 'Bibliotheek Midden', province: 'Utrecht' }).returning();
  const [orgB] = await db.insert(organisations).values({ name: 'Bibliotheek Noord en Zuid' }).returning();
  const ids: Record<string, string> = {};
  for (const [key, p] of Object.entries(PLACES)) {
    const org = key.startsWith('utrecht') || key === 'amersfoort' ? orgA : orgB;
    const [row] = await db
      .insert(locations)
      .values({
        organisationId: org.id,
        name: p.name,
        address: {
          street: 'Bibliotheekplein 1',
          postcode: '1234 AB',
          city: p.city,
          province: key === 'amersfoort' ? 'Utrecht' : undefined,
        },
        lat: p.lat,
        lon: p.lon,
        walkInHours: [...p.walkInHours],
        exceptions:
          key === 'utrechtCentrum'
            ? [
                { date: '2026-12-24', closed: true },
                { date: '2026-12-31', opens: '09:00', closes: '11:00' },
                { date: '2020-01-02', closed: true },
              ]
            : [],
        closedOnHolidays: [...DEFAULT_CLOSED_ON_HOLIDAYS],
        contact: key === 'utrechtCentrum' ? { phone: '030 123 4567', url: 'https://bibliotheekutrecht.nl/ido' } : {},
        accessibility: key === 'utrechtCentrum' ? { wheelchair: true, hearingLoop: false } : {},
        insideLibrary: key !== 'utrechtOvervecht',
      })
      .returning();
    ids[key] = row.id;
  }
  const [gone] = await db
    .insert(locations)
    .values({
      organisationId: orgA.id,
      name: 'IDO Verhuisd',
      address: { street: 'Oud 1', postcode: '3511 AB', city: 'Utrecht' },
      lat: 52.0885,
      lon: 5.1176,
      walkInHours: weekdays('09:00', '17:00'),
      closedOnHolidays: [],
      deletedAt: new Date('2026-01-01T00:00:00Z'),
    })
    .returning();
  ids.deleted = gone.id;
  return { ids, orgA, orgB };
}

const names = (items: { name: string }[]) => items.map((i) => i.name);

/** The names of the `n` places nearest to a point, by exact distance: what the locator must answer. */
const nearestNames = (
  origin: { lat: number; lon: number },
  n: number,
  only: (keyof typeof PLACES)[] = Object.keys(PLACES) as (keyof typeof PLACES)[],
) =>
  only
    .map((k) => PLACES[k])
    .sort((a, b) => distanceKm(origin, a) - distanceKm(origin, b))
    .slice(0, n)
    .map((p) => p.name);

for (const backend of backends) {
  describe(`public locator on ${backend} (PDOK off, PC4 table)`, () => {
    let ctx: TestContext;
    let ids: Record<string, string>;
    let now = MONDAY_10;
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      await importPostcodesFile(ctx.database, bundledPc4File);
      ({ ids } = await seedPlaces(ctx));
    });
    after(() => ctx.close());

    it('finds by postcode in every notation, nearest first, with distances and the GeoNames credit', async () => {
      for (const postcode of ['3511 AB', '3511ab', '3511', ' 3511AB ']) {
        const r = await ctx.call('GET', `/api/v1/public/locations?postcode=${encodeURIComponent(postcode)}`);
        assert.equal(r.status, 200, r.text);
        const body = z.parse(PublicLocations, r.body);
        assert.deepEqual({ lat: body.origin!.lat, lon: body.origin!.lon }, PC4_3511);
        assert.equal(body.origin!.precision, 'pc4', 'PDOK off: only the area of the postcode is known');
        assert.equal(body.attribution, 'Postcode data © GeoNames (geonames.org), CC BY 4.0');
        assert.equal(body.items.length, 5, 'default limit 5');
        assert.deepEqual(names(body.items), nearestNames(PC4_3511, 5));
        assert.equal(body.items[0].name, 'IDO Bibliotheek Neude');
        for (const item of body.items) {
          const exact = distanceKm(PC4_3511, item.coordinates);
          assert.equal(item.distanceKm, Math.round(exact * 10) / 10);
        }
        const ds = body.items.map((i) => i.distanceKm!);
        assert.deepEqual(
          ds,
          [...ds].sort((a, b) => a - b),
        );
      }
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3511%20AB');
      assert.equal(r.body.origin.label, '3511 AB');
    });

    it('shows public fields only, with the organisation name, and never deleted locations', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?near=52.09,5.12&limit=50');
      assert.equal(r.status, 200);
      assert.equal(r.body.items.length, 6, 'every live location, however far');
      assert.ok(!r.body.items.some((i: { id: string }) => i.id === ids.deleted));
      const first = r.body.items[0];
      assert.equal(first.id, ids.utrechtCentrum);
      for (const hidden of ['organisationId', 'createdAt', 'updatedAt', 'deletedAt', 'lat', 'lon']) assert.ok(!(hidden in first), hidden);
      assert.equal(first.organisationName, 'Bibliotheek Midden');
      assert.deepEqual(first.coordinates, { lat: 52.0931, lon: 5.1189 });
      assert.equal(first.address.city, 'Utrecht');
      z.parse(PublicLocation, first);
      const amersfoort = r.body.items.find((i: { id: string }) => i.id === ids.amersfoort);
      assert.equal(amersfoort.address.province, 'Utrecht');
    });

    it('takes near= as the origin, labelled in the visitor language, without attribution', async () => {
      const nl = await ctx.call('GET', '/api/v1/public/locations?near=53.2,6.56&limit=1');
      assert.equal(nl.status, 200);
      assert.deepEqual(nl.body.origin, { lat: 53.2, lon: 6.56, label: 'Uw locatie', precision: 'device' });
      assert.equal(nl.body.attribution, undefined);
      assert.deepEqual(names(nl.body.items), ['IDO Forum Groningen']);
      assert.equal(nl.body.items[0].distanceKm, Math.round(distanceKm({ lat: 53.2, lon: 6.56 }, PLACES.groningen) * 10) / 10);
      const en = await ctx.call('GET', '/api/v1/public/locations?near=53.2,6.56&limit=1', { headers: { 'accept-language': 'en-GB,en' } });
      assert.equal(en.body.origin.label, 'Your location');
      assert.equal(en.headers.get('vary'), 'Accept-Language');
    });

    it('widens the search until it has enough, far from every location', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?near=50.85,5.69&limit=3');
      assert.deepEqual(names(r.body.items), nearestNames({ lat: 50.85, lon: 5.69 }, 3));
      assert.equal(r.body.items[0].name, 'IDO Centre Céramique');
      assert.ok(r.body.items[1].distanceKm > 100, 'the second lies beyond 100 km');
      const outside = await ctx.call('GET', '/api/v1/public/locations?near=12.15,-68.27&limit=2'); // Bonaire
      assert.equal(outside.body.items.length, 2);
      assert.ok(outside.body.items[0].distanceKm > 7000);
    });

    it('honours limit and rejects limits outside 1–50', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&limit=2');
      assert.deepEqual(names(r.body.items), ['IDO Bibliotheek Neude', 'IDO Overvecht']);
      for (const limit of ['0', '51', 'twee', '2.5']) {
        const bad = await ctx.call('GET', `/api/v1/public/locations?postcode=3511&limit=${limit}`);
        assert.equal(bad.status, 422, limit);
        assert.equal(bad.body.errors[0].path, 'limit');
      }
    });

    it('says whether each location is open now and when that changes (Monday 10:00)', async () => {
      now = MONDAY_10;
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&limit=50');
      const byId = new Map(r.body.items.map((i: { id: string }) => [i.id, i]));
      const centrum = byId.get(ids.utrechtCentrum) as { openNow: boolean; nextChange: unknown };
      assert.equal(centrum.openNow, true);
      assert.deepEqual(centrum.nextChange, { at: '2026-11-30T12:00:00+01:00', open: false });
      const overvecht = byId.get(ids.utrechtOvervecht) as { openNow: boolean; nextChange: unknown };
      assert.equal(overvecht.openNow, false);
      assert.deepEqual(overvecht.nextChange, { at: '2026-11-30T13:00:00+01:00', open: true });
      const amsterdam = byId.get(ids.amsterdam) as { openNow: boolean; nextChange: unknown };
      assert.equal(amsterdam.openNow, true);

      const open = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&openNow=true&limit=3');
      assert.deepEqual(
        names(open.body.items),
        nearestNames(PC4_3511, 3, ['utrechtCentrum', 'amersfoort', 'amsterdam', 'groningen', 'maastricht']),
      );
      assert.ok(!names(open.body.items).includes('IDO Overvecht'));
      assert.ok(open.body.items.every((i: { openNow: boolean }) => i.openNow));
      const all = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&openNow=false&limit=3');
      assert.deepEqual(names(all.body.items), nearestNames(PC4_3511, 3));
    });

    it('on Sunday morning finds only what is open on Sunday, however far', async () => {
      now = SUNDAY_10;
      try {
        const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&openNow=true');
        assert.equal(r.status, 200);
        assert.deepEqual(names(r.body.items), ['IDO Forum Groningen']);
        assert.deepEqual(r.body.items[0].nextChange, { at: '2026-11-29T14:00:00+01:00', open: false });
        const closed = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&limit=1');
        assert.equal(closed.body.items[0].openNow, false);
        assert.deepEqual(closed.body.items[0].nextChange, { at: '2026-11-30T09:00:00+01:00', open: true });
      } finally {
        now = MONDAY_10;
      }
    });

    it('asks for exactly one of postcode, near and q', async () => {
      for (const qs of ['', '?limit=3', '?postcode=3511&near=52.1,5.1', '?postcode=3511&q=Utrecht', '?postcode=%20%20']) {
        const r = await ctx.call('GET', `/api/v1/public/locations${qs}`);
        assert.equal(r.status, 422, qs);
        assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
        assert.ok(
          r.body.errors.every((e: { code: string }) => e.code === 'exactly-one'),
          qs,
        );
        assert.match(r.body.detail, /precies één/);
      }
      const en = await ctx.call('GET', '/api/v1/public/locations', { headers: { 'accept-language': 'en' } });
      assert.match(en.body.detail, /exactly one/);
      const unknown = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&radius=5');
      assert.equal(unknown.status, 422);
      assert.deepEqual(unknown.body.errors, [{ path: 'radius', code: 'unknown-field', message: 'Dit veld bestaat niet.' }]);
      const twice = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&postcode=3512');
      assert.equal(twice.status, 400);
    });

    it('answers an unknown postcode with 422 that suggests "use my location", in Dutch and English', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=1234AB');
      assert.equal(r.status, 422);
      assert.equal(r.body.errors[0].path, 'postcode');
      assert.equal(r.body.errors[0].code, 'unknown-postcode');
      assert.match(r.body.detail, /Gebruik mijn locatie/);
      const en = await ctx.call('GET', '/api/v1/public/locations?postcode=1234AB', { headers: { 'accept-language': 'en' } });
      assert.match(en.body.detail, /Use my location/);
      const pc4 = await ctx.call('GET', '/api/v1/public/locations?postcode=1234');
      assert.equal(pc4.body.errors[0].code, 'unknown-postcode');
      for (const bad of ['abcd', '0123AB', '3511 SA', '35111']) {
        const invalid = await ctx.call('GET', `/api/v1/public/locations?postcode=${encodeURIComponent(bad)}`);
        assert.equal(invalid.status, 422, bad);
        assert.equal(invalid.body.errors[0].code, 'invalid-postcode', bad);
        assert.match(invalid.body.detail, /Gebruik mijn locatie/);
      }
      const near = await ctx.call('GET', '/api/v1/public/locations?near=95.1,5.1');
      assert.equal(near.status, 422);
      assert.equal(near.body.errors[0].path, 'near');
    });

    it('without PDOK, finds a place by the cities of our own locations, and says when it cannot', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?q=utrecht&limit=2');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.origin.label, 'Utrecht');
      assert.equal(r.body.attribution, undefined);
      // The centre of our live Utrecht locations (the deleted one does not count).
      assert.ok(Math.abs(r.body.origin.lat - (52.0931 + 52.117) / 2) < 1e-9);
      assert.deepEqual(names(r.body.items).sort(), ['IDO Bibliotheek Neude', 'IDO Overvecht']);
      const postcodeInQ = await ctx.call('GET', '/api/v1/public/locations?q=3511%20ab&limit=1');
      assert.equal(postcodeInQ.status, 200);
      assert.equal(postcodeInQ.body.attribution, 'Postcode data © GeoNames (geonames.org), CC BY 4.0');
      const unknown = await ctx.call('GET', '/api/v1/public/locations?q=Nergenshuizen');
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.errors[0].path, 'q');
      assert.match(unknown.body.detail, /Gebruik mijn locatie/);
    });

    it('sends an ETag and a short public cache, and 304 when the client has the same answer', async () => {
      const path = '/api/v1/public/locations?postcode=3511&limit=2';
      const first = await ctx.call('GET', path);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
      const again = await ctx.call('GET', path, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'public, max-age=60');
      const weakInList = await ctx.call('GET', path, { headers: { 'if-none-match': `"other", W/${etag}` } });
      assert.equal(weakInList.status, 304);
      const stale = await ctx.call('GET', path, { headers: { 'if-none-match': '"not-this-one"' } });
      assert.equal(stale.status, 200);
      const other = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&limit=3');
      assert.notEqual(other.headers.get('etag'), etag);
    });

    it('serves one location with schema.org JSON-LD, ETag and 304', async () => {
      const r = await ctx.call('GET', `/api/v1/public/locations/${ids.utrechtCentrum}`);
      assert.equal(r.status, 200, r.text);
      z.parse(PublicLocation, r.body);
      assert.equal(r.body.name, 'IDO Bibliotheek Neude');
      assert.equal(r.body.openNow, true);
      assert.equal(r.body.organisationName, 'Bibliotheek Midden');
      assert.ok(!('organisationId' in r.body));
      const ld = r.body.jsonLd;
      assert.equal(ld['@context'], 'https://schema.org');
      assert.ok(['GovernmentOffice', 'Library'].includes(ld['@type']));
      assert.match(ld['@id'], new RegExp(`/api/v1/public/locations/${ids.utrechtCentrum}$`));
      assert.equal(ld.name, 'IDO Bibliotheek Neude');
      assert.deepEqual(ld.address, {
        '@type': 'PostalAddress',
        streetAddress: 'Bibliotheekplein 1',
        postalCode: '1234 AB',
        addressLocality: 'Utrecht',
        addressCountry: 'NL',
      });
      assert.deepEqual(ld.geo, { '@type': 'GeoCoordinates', latitude: 52.0931, longitude: 5.1189 });
      assert.equal(ld.telephone, '030 123 4567');
      assert.equal(ld.url, 'https://bibliotheekutrecht.nl/ido');
      assert.deepEqual(ld.openingHoursSpecification, [
        { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '09:00', closes: '12:00' },
        { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Wednesday', opens: '13:00', closes: '16:00' },
      ]);
      const special = ld.specialOpeningHoursSpecification as { validFrom: string; validThrough: string; opens: string; closes: string }[];
      assert.deepEqual(
        special.find((s) => s.validFrom === '2026-12-24'),
        { '@type': 'OpeningHoursSpecification', validFrom: '2026-12-24', validThrough: '2026-12-24', opens: '00:00', closes: '00:00' },
      );
      assert.deepEqual(
        special.find((s) => s.validFrom === '2026-12-31'),
        { '@type': 'OpeningHoursSpecification', validFrom: '2026-12-31', validThrough: '2026-12-31', opens: '09:00', closes: '11:00' },
      );
      assert.ok(!special.some((s) => s.validFrom === '2020-01-02'), 'past exceptions are left out');
      // Tweede Kerstdag 2026 is a Saturday (no walk-in anyway); Tweede Paasdag 2027 is a Monday: closed.
      assert.ok(special.some((s) => s.validFrom === '2027-03-29' && s.opens === '00:00'));
      assert.ok(special.every((s) => s.validFrom === s.validThrough));
      assert.deepEqual(
        special.map((s) => s.validFrom),
        special.map((s) => s.validFrom).sort(),
      );
      assert.equal(ld.containedInPlace['@type'], 'Library');
      assert.equal(ld.parentOrganization.name, 'Bibliotheek Midden');
      assert.deepEqual(
        ld.amenityFeature.map((a: { value: boolean }) => a.value),
        [true, false],
      );

      const etag = r.headers.get('etag')!;
      assert.equal(r.headers.get('cache-control'), 'public, max-age=60');
      const again = await ctx.call('GET', `/api/v1/public/locations/${ids.utrechtCentrum}`, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);

      const plain = await ctx.call('GET', `/api/v1/public/locations/${ids.utrechtOvervecht}`);
      assert.equal(plain.body.jsonLd['@type'], 'GovernmentOffice');
      assert.equal(plain.body.jsonLd.containedInPlace, undefined);
    });

    it('answers 404 for an id that is not a uuid, unknown or deleted', async () => {
      for (const id of ['nope', '123', `${ids.utrechtCentrum}x`, '00000000-0000-4000-8000-000000000000', ids.deleted]) {
        const r = await ctx.call('GET', `/api/v1/public/locations/${id}`);
        assert.equal(r.status, 404, id);
        assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      }
    });

    it('needs no credentials and answers any origin', async () => {
      const r = await ctx.call('GET', '/api/v1/public/locations?postcode=3511&limit=1', { headers: { origin: 'https://www.gemeente.nl' } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('access-control-allow-origin'), '*');
    });

    it("also carries the reports feature's public statistics (mounted here)", async () => {
      const r = await ctx.call('GET', '/api/v1/public/stats');
      assert.notEqual(r.status, 404, r.text);
    });
  });
}

for (const backend of backends) {
  describe(`findNearest on ${backend}`, () => {
    let ctx: TestContext;
    const origin = { lat: 52.0, lon: 5.0 };
    // 1° of latitude ≈ 111.2 km; at 52° N, 1° of longitude ≈ 68.5 km.
    const corner = { lat: 52.0 + 9.5 / 111.2, lon: 5.0 + 9.5 / 68.5 }; // inside the 10 km box, ≈ 13.4 km away
    const north = { lat: 52.0 + 11 / 111.2, lon: 5.0 }; // outside the 10 km box, ≈ 11 km away
    before(async () => {
      ctx = await createTestContext(backend);
      const [org] = await ctx.database.db.insert(organisations).values({ name: 'Bibliotheek Hoek' }).returning();
      const row = (name: string, p: { lat: number; lon: number }, walkInHours: Hours) => ({
        organisationId: org.id,
        name,
        address: { street: 'x 1', postcode: '3511 AB', city: 'X' },
        lat: p.lat,
        lon: p.lon,
        walkInHours,
        closedOnHolidays: [],
      });
      await ctx.database.db
        .insert(locations)
        .values([row('corner', corner, weekdays('09:00', '17:00')), row('north', north, [{ day: 1, opens: '13:00', closes: '17:00' }])]);
    });
    after(() => ctx.close());

    it('is exact beyond the box: a location in the box corner is not nearer than one just outside', async () => {
      assert.ok(distanceKm(origin, corner) > distanceKm(origin, north));
      const [first] = await findNearest(ctx.database, { origin, limit: 1, now: MONDAY_10 });
      assert.equal(first.name, 'north');
      assert.equal(first.distanceKm, Math.round(distanceKm(origin, north) * 10) / 10);
      const both = await findNearest(ctx.database, { origin, limit: 5, now: MONDAY_10 });
      assert.deepEqual(names(both), ['north', 'corner']);
    });

    it('filters open ones after sorting, and evaluates the open state at the given instant', async () => {
      const open = await findNearest(ctx.database, { origin, limit: 1, openNow: true, now: MONDAY_10 });
      assert.deepEqual(names(open), ['corner']);
      const afternoon = await findNearest(ctx.database, { origin, limit: 2, openNow: true, now: new Date('2026-11-30T13:30:00Z') });
      assert.deepEqual(names(afternoon), ['north', 'corner']);
      const sunday = await findNearest(ctx.database, { origin, limit: 5, openNow: true, now: SUNDAY_10 });
      assert.deepEqual(sunday, []);
    });

    it('counts a location with a broken schedule as closed instead of failing', async () => {
      const [org] = await ctx.database.db.insert(organisations).values({ name: 'Kapot' }).returning();
      await ctx.database.db.insert(locations).values({
        organisationId: org.id,
        name: 'broken',
        address: { street: 'x', postcode: '3511 AB', city: 'X' },
        lat: 52.0,
        lon: 5.0,
        walkInHours: [{ day: 1, opens: 'nine', closes: '17:00' }],
        closedOnHolidays: [],
      });
      const all = await findNearest(ctx.database, { origin, limit: 5, now: MONDAY_10 });
      assert.deepEqual(all[0], { ...all[0], name: 'broken', openNow: false, nextChange: null });
      const open = await findNearest(ctx.database, { origin, limit: 5, openNow: true, now: MONDAY_10 });
      assert.ok(!names(open).includes('broken'));
    });
  });
}
