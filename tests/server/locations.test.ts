import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { DEFAULT_CLOSED_ON_HOLIDAYS } from '../../sdk/holidays.js';
import { Location } from '../../sdk/schemas/location.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const minimal = (overrides: Record<string, unknown> = {}) => ({
  name: 'Utrecht Overvecht',
  address: { street: 'Zamenhofdreef 1', postcode: '3562 JW', city: 'Utrecht', municipality: 'Utrecht', province: 'Utrecht' },
  coordinates: { lat: 52.11, lon: 5.13 },
  ...overrides,
});

const codes = (r: { body: { errors?: { path: string; code: string }[] } }) =>
  (r.body.errors ?? []).map((e) => `${e.path}:${e.code}`).sort();

for (const backend of backends) {
  describe(`locations on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let now = new Date('2026-11-28T09:00:00Z');
    const desk = () => ({ token: t.a.deskKey, headers: { origin: t.a.deskOrigin } });

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('creates a location from name, address and coordinates: 201, the sdk shape, Dutch holiday defaults', async () => {
      const r = await ctx.call('POST', '/api/v1/locations', { token: t.a.coordinator, body: minimal() });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.headers.get('location'), `/api/v1/locations/${r.body.id}`);
      assert.deepEqual(Object.keys(r.body).sort(), Object.keys(Location.def.shape).sort());
      z.parse(Location, r.body);
      assert.equal(r.body.organisationId, t.a.organisation.id);
      assert.deepEqual(r.body.closedOnHolidays, [...DEFAULT_CLOSED_ON_HOLIDAYS]);
      assert.ok(!r.body.closedOnHolidays.includes('goede-vrijdag') && !r.body.closedOnHolidays.includes('bevrijdingsdag'));
      assert.deepEqual(r.body.coordinates, { lat: 52.11, lon: 5.13 });
      assert.deepEqual(r.body.walkInHours, []);
      assert.deepEqual(r.body.exceptions, []);
      assert.equal(r.body.variant, 'inloop');
      assert.match(r.body.createdAt, ISO);
      assert.equal(r.body.createdAt, now.toISOString());
      assert.equal(r.body.updatedAt, r.body.createdAt);

      const [row] = await ctx.rows<{ municipality: string; province: string; organisation_id: string }>(
        sql`select municipality, province, organisation_id from locations where id = ${r.body.id}`,
      );
      assert.deepEqual({ ...row }, { municipality: 'Utrecht', province: 'Utrecht', organisation_id: t.a.organisation.id });
      const audit = await ctx.rows<{ action: string; actor: string; organisation_id: string }>(
        sql`select action, actor, organisation_id from audit_log where entity = 'location' and entity_id = ${r.body.id}`,
      );
      assert.equal(audit.length, 1);
      assert.equal(audit[0].action, 'create');
      assert.match(audit[0].actor, /^user:/);
    });

    it('stores every optional field and answers it back', async () => {
      const full = minimal({
        name: 'Utrecht Kanaleneiland',
        walkInHours: [
          { day: 2, opens: '09:30', closes: '12:30' },
          { day: 4, opens: '13:00', closes: '16:00' },
        ],
        openingHours: [{ day: 2, opens: '09:00', closes: '18:00' }],
        exceptions: [
          { date: '2026-12-24', closed: true },
          { date: '2026-12-31', opens: '09:00', closes: '12:00' },
        ],
        closedOnHolidays: ['nieuwjaarsdag', 'goede-vrijdag'],
        accessibility: { wheelchair: true, hearingLoop: false, notes: 'Lift bij de ingang' },
        contact: { phone: '030 123 4567', email: 'ido@bibliotheek.test', url: 'https://bibliotheek.test/ido' },
        variant: 'spreekuur',
        insideLibrary: false,
        languages: ['nl', 'en', 'ar'],
      });
      const r = await ctx.call('POST', '/api/v1/locations', { token: t.a.secretKey, body: full });
      assert.equal(r.status, 201, r.text);
      for (const key of [
        'walkInHours',
        'openingHours',
        'exceptions',
        'closedOnHolidays',
        'accessibility',
        'contact',
        'variant',
        'insideLibrary',
        'languages',
      ] as const) {
        assert.deepEqual(r.body[key], (full as Record<string, unknown>)[key], key);
      }
      const again = await ctx.call('GET', `/api/v1/locations/${r.body.id}`, { token: t.a.coordinator });
      assert.deepEqual(again.body, r.body);
    });

    it("lists the organisation's locations sorted by name, for coordinators, secret keys and desk keys", async () => {
      for (const options of [{ token: t.a.coordinator }, { token: t.a.secretKey }, desk()]) {
        const r = await ctx.call('GET', '/api/v1/locations', options);
        assert.equal(r.status, 200, r.text);
        const names = r.body.items.map((l: { name: string }) => l.name);
        assert.deepEqual(
          names,
          [...names].sort((x: string, y: string) => x.toLowerCase().localeCompare(y.toLowerCase())),
        );
        assert.ok(names.includes('Utrecht Centrum') && names.includes('Utrecht Noord'));
        assert.ok(r.body.items.every((l: { organisationId: string }) => l.organisationId === t.a.organisation.id));
      }
      const one = await ctx.call('GET', `/api/v1/locations/${t.a.location2.id}`, desk());
      assert.equal(one.status, 200);
      assert.equal(one.body.name, 'Utrecht Noord');
    });

    it('lets national users see every organisation, filter by organisationId, and requires organisationId to create', async () => {
      const all = await ctx.call('GET', '/api/v1/locations', { token: t.national });
      const orgs = new Set(all.body.items.map((l: { organisationId: string }) => l.organisationId));
      assert.ok(orgs.has(t.a.organisation.id) && orgs.has(t.b.organisation.id));
      const onlyB = await ctx.call('GET', `/api/v1/locations?organisationId=${t.b.organisation.id}`, { token: t.national });
      assert.ok(
        onlyB.body.items.length >= 2 && onlyB.body.items.every((l: { organisationId: string }) => l.organisationId === t.b.organisation.id),
      );
      // A coordinator filtering on another organisation gets nothing, not B's locations.
      const asA = await ctx.call('GET', `/api/v1/locations?organisationId=${t.b.organisation.id}`, { token: t.a.coordinator });
      assert.deepEqual(asA.body, { items: [] });

      const missing = await ctx.call('POST', '/api/v1/locations', { token: t.national, body: minimal() });
      assert.equal(missing.status, 422);
      assert.deepEqual(codes(missing), ['organisationId:required']);
      const both = await ctx.call('POST', '/api/v1/locations', { token: t.national, body: minimal({ closedOnHolidays: ['sinterklaas'] }) });
      assert.deepEqual(codes(both), ['closedOnHolidays.0:unknown-code', 'organisationId:required']);
      const unknown = await ctx.call('POST', '/api/v1/locations', {
        token: t.national,
        body: minimal({ organisationId: '00000000-0000-4000-8000-000000000000' }),
      });
      assert.deepEqual(codes(unknown), ['organisationId:unknown-id']);
      const notUuid = await ctx.call('POST', '/api/v1/locations', { token: t.national, body: minimal({ organisationId: 'bieb-b' }) });
      assert.deepEqual(codes(notUuid), ['organisationId:unknown-id']);
      const inB = await ctx.call('POST', '/api/v1/locations', {
        token: t.national,
        body: minimal({ organisationId: t.b.organisation.id, name: 'Amsterdam Oost' }),
      });
      assert.equal(inB.status, 201);
      assert.equal(inB.body.organisationId, t.b.organisation.id);
    });

    it("answers another organisation's id in the body with 422 unknown-id and in the path with 404", async () => {
      const r = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        body: minimal({ organisationId: t.b.organisation.id }),
      });
      assert.equal(r.status, 422);
      assert.deepEqual(codes(r), ['organisationId:unknown-id']);
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const other = await ctx.call(method, `/api/v1/locations/${t.b.location.id}`, {
          token: t.a.coordinator,
          body: method === 'PATCH' ? { name: 'Gekaapt' } : undefined,
        });
        assert.equal(other.status, 404, `${method}: ${other.text}`);
        assert.match(other.headers.get('content-type')!, /application\/problem\+json/);
      }
      const [row] = await ctx.rows<{ name: string; deleted_at: unknown }>(
        sql`select name, deleted_at from locations where id = ${t.b.location.id}`,
      );
      assert.equal(row.name, 'Amsterdam Centrum');
      assert.equal(row.deleted_at, null);
    });

    it('answers 404, never 500, for ids that are not UUIDs', async () => {
      for (const id of ['abc', '1', "x'; drop table locations; --", '00000000-0000-0000-0000-00000000000g']) {
        for (const method of ['GET', 'PATCH', 'DELETE']) {
          const r = await ctx.call(method, `/api/v1/locations/${encodeURIComponent(id)}`, {
            token: t.a.coordinator,
            body: method === 'PATCH' ? { name: 'x' } : undefined,
          });
          assert.equal(r.status, 404, `${method} ${id}`);
        }
      }
      const unknown = await ctx.call('GET', '/api/v1/locations/00000000-0000-4000-8000-000000000000', { token: t.national });
      assert.equal(unknown.status, 404);
    });

    it('PATCH merges the fields given, replaces a list whole, and moves updatedAt', async () => {
      const created = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        body: minimal({
          name: 'Utrecht Zuilen',
          walkInHours: [
            { day: 1, opens: '09:00', closes: '12:00' },
            { day: 3, opens: '13:00', closes: '17:00' },
          ],
          contact: { phone: '030 111 2222' },
        }),
      });
      const before = created.body;
      now = new Date(now.getTime() + 60_000);
      const r = await ctx.call('PATCH', `/api/v1/locations/${before.id}`, {
        token: t.a.coordinator,
        body: {
          walkInHours: [{ day: 5, opens: '10:00', closes: '12:00' }],
          address: {
            street: 'Prinses Margrietstraat 2',
            postcode: '3554 AN',
            city: 'Utrecht',
            municipality: 'Utrecht',
            province: 'Utrecht',
          },
        },
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body.walkInHours, [{ day: 5, opens: '10:00', closes: '12:00' }]);
      assert.equal(r.body.address.street, 'Prinses Margrietstraat 2');
      assert.equal(r.body.name, 'Utrecht Zuilen');
      assert.deepEqual(r.body.contact, { phone: '030 111 2222' });
      assert.deepEqual(r.body.closedOnHolidays, before.closedOnHolidays);
      assert.equal(r.body.createdAt, before.createdAt);
      assert.equal(r.body.updatedAt, now.toISOString());
      assert.ok(r.body.updatedAt > before.updatedAt);

      // An address without municipality clears the stored column too.
      const moved = await ctx.call('PATCH', `/api/v1/locations/${before.id}`, {
        token: t.a.coordinator,
        body: { address: { street: 'Dorpsstraat 1', postcode: '3732 HJ', city: 'De Bilt' } },
      });
      assert.equal(moved.body.address.municipality, null);
      const [row] = await ctx.rows<{ municipality: unknown }>(sql`select municipality from locations where id = ${before.id}`);
      assert.equal(row.municipality, null);

      const audit = await ctx.rows<{ action: string; changes: Record<string, { from: unknown; to: unknown }> }>(
        sql`select action, changes from audit_log where entity = 'location' and entity_id = ${before.id} order by id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update', 'update'],
      );
      assert.deepEqual(Object.keys(audit[1].changes).sort(), ['address', 'walkInHours']);
      assert.deepEqual(audit[1].changes.walkInHours.to, [{ day: 5, opens: '10:00', closes: '12:00' }]);
    });

    it('validates: every broken field listed with a dotted path and a code, Dutch by default, English on request', async () => {
      const r = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        body: {
          address: { street: 'Kerkplein 1', postcode: '12345', city: 'Utrecht', country: 'NL' },
          walkInHours: [
            { day: 8, opens: '09:00', closes: '17:00' },
            { day: 1, opens: '17:00', closes: '09:00' },
          ],
          closedOnHolidays: ['nieuwjaarsdag', 'sinterklaas'],
          variant: 'drive-in',
          colour: 'blue',
        },
      });
      assert.equal(r.status, 422);
      assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
      assert.equal(r.body.status, 422);
      assert.deepEqual(codes(r), [
        'address.country:unknown-field',
        'address.postcode:invalid-format',
        'colour:unknown-field',
        'coordinates:required',
        'name:required',
        'variant:invalid-value',
        'walkInHours.0.day:too-big',
        'walkInHours.1:time-order',
      ]);
      assert.equal(r.body.title, 'Niet alle gegevens kloppen');
      assert.equal(r.body.errors.find((e: { path: string }) => e.path === 'colour').message, 'Dit veld bestaat niet.');

      // Codes are checked once the shape is right.
      const holiday = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        headers: { 'accept-language': 'en' },
        body: minimal({
          closedOnHolidays: ['nieuwjaarsdag', 'sinterklaas'],
          exceptions: [
            { date: '2026-12-24', opens: '12:00', closes: '10:00' },
            { date: '2026-12-24', closed: true },
          ],
        }),
      });
      assert.equal(holiday.status, 422);
      assert.deepEqual(codes(holiday), ['closedOnHolidays.1:unknown-code', 'exceptions.0:time-order', 'exceptions.1.date:exists']);
      assert.equal(holiday.body.title, 'Some fields are not valid');
      assert.equal(
        holiday.body.errors.find((e: { path: string }) => e.path === 'closedOnHolidays.1').message,
        'Unknown code "sinterklaas" in the list holidays.',
      );

      const patch = await ctx.call('PATCH', `/api/v1/locations/${t.a.location2.id}`, {
        token: t.a.coordinator,
        body: { organisationId: t.b.organisation.id, coordinates: { lat: 91, lon: 5 } },
      });
      assert.deepEqual(codes(patch), ['coordinates.lat:too-big', 'organisationId:unknown-field']);
    });

    it('answers 400 for a body that is not JSON and 415 for another content type', async () => {
      const broken = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        raw: '{"name":',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(broken.status, 400);
      const form = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        raw: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(form.status, 415);
    });

    it('lets desk keys read but not change locations; anonymous callers get 401', async () => {
      assert.equal((await ctx.call('POST', '/api/v1/locations', { ...desk(), body: minimal() })).status, 403);
      assert.equal((await ctx.call('PATCH', `/api/v1/locations/${t.a.location.id}`, { ...desk(), body: { name: 'x' } })).status, 403);
      assert.equal((await ctx.call('DELETE', `/api/v1/locations/${t.a.location.id}`, desk())).status, 403);
      assert.equal((await ctx.call('GET', '/api/v1/locations')).status, 401);
      assert.equal((await ctx.call('POST', '/api/v1/locations', { body: minimal() })).status, 401);
      const [row] = await ctx.rows<{ name: string }>(sql`select name from locations where id = ${t.a.location.id}`);
      assert.equal(row.name, 'Utrecht Centrum');
    });

    it('deletes softly: 204, then 404 everywhere, gone from the list, kept in the database', async () => {
      const created = await ctx.call('POST', '/api/v1/locations', { token: t.a.coordinator, body: minimal({ name: 'Utrecht Tijdelijk' }) });
      const id = created.body.id;
      const del = await ctx.call('DELETE', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      assert.equal(del.status, 204);
      assert.equal(del.text, '');
      assert.equal((await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator })).status, 404);
      assert.equal((await ctx.call('PATCH', `/api/v1/locations/${id}`, { token: t.a.coordinator, body: { name: 'x' } })).status, 404);
      assert.equal((await ctx.call('DELETE', `/api/v1/locations/${id}`, { token: t.a.coordinator })).status, 404);
      assert.equal((await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.national })).status, 404);
      const list = await ctx.call('GET', '/api/v1/locations', { token: t.a.coordinator });
      assert.ok(!list.body.items.some((l: { id: string }) => l.id === id));
      const [row] = await ctx.rows<{ deleted_at: unknown }>(sql`select deleted_at from locations where id = ${id}`);
      assert.ok(row.deleted_at);
      const audit = await ctx.rows<{ action: string }>(
        sql`select action from audit_log where entity = 'location' and entity_id = ${id} order by id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'delete'],
      );
    });
  });
}
