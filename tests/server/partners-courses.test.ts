import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Course, Partner } from '../../sdk/schemas/resources.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const codes = (r: { body: { errors?: { path: string; code: string }[] } }) =>
  (r.body.errors ?? []).map((e) => `${e.path}:${e.code}`).sort();
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);

for (const backend of backends) {
  describe(`partners on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    const desk = () => ({ token: t.a.deskKey, headers: { origin: t.a.deskOrigin } });
    const partner = async (body: Record<string, unknown>, token = t.a.coordinator) => {
      const r = await ctx.call('POST', '/api/v1/partners', { token, body });
      assert.equal(r.status, 201, r.text);
      return r.body as { id: string };
    };

    before(async () => {
      ctx = await createTestContext(backend);
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('creates a partner from name, kind and topics: 201 with the sdk shape and an audit row', async () => {
      const r = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.coordinator,
        body: { name: 'Humanitas Utrecht', kind: 'humanitas', topics: ['belastingaangifte'] },
      });
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(Object.keys(r.body).sort(), Object.keys(Partner.def.shape).sort());
      z.parse(Partner, r.body);
      assert.equal(r.body.organisationId, t.a.organisation.id);
      assert.deepEqual(
        {
          spreekuur: r.body.spreekuur,
          address: r.body.address,
          description: r.body.description,
          locationIds: r.body.locationIds,
          contact: r.body.contact,
        },
        { spreekuur: null, address: null, description: null, locationIds: [], contact: {} },
      );
      const audit = await ctx.rows<{ action: string }>(
        sql`select action from audit_log where entity = 'partner' and entity_id = ${r.body.id}`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create'],
      );

      const full = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.secretKey,
        body: {
          name: 'Formulierenbrigade Utrecht',
          kind: 'formulierenbrigade',
          topics: ['toeslagen', 'zorg-wmo'],
          spreekuur: 'dinsdag 10-12 uur in de bibliotheek',
          address: 'Oudegracht 1, Utrecht',
          contact: { phone: '030 765 4321', url: 'https://formulierenbrigade.test' },
          description: 'Hulp bij formulieren',
          locationIds: [t.a.location.id, t.a.location2.id],
        },
      });
      assert.equal(full.status, 201, full.text);
      assert.deepEqual(full.body.locationIds, [t.a.location.id, t.a.location2.id]);
      assert.equal(full.body.spreekuur, 'dinsdag 10-12 uur in de bibliotheek');
    });

    it('checks kind and topics against the value lists, with dotted paths, in Dutch and English', async () => {
      const r = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.coordinator,
        body: { name: 'X', kind: 'bakker', topics: ['huurtoeslag', 'zorgtoeslag', 'brood'] },
      });
      assert.equal(r.status, 422);
      assert.deepEqual(codes(r), ['kind:unknown-code', 'topics.2:unknown-code']);
      assert.equal(
        r.body.errors.find((e: { path: string }) => e.path === 'topics.2').message,
        'Onbekende code "brood" in de lijst topics.',
      );
      const en = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.coordinator,
        headers: { 'accept-language': 'en' },
        body: { name: 'X', kind: 'bakker', topics: [] },
      });
      assert.equal(en.body.errors[0].message, 'Unknown code "bakker" in the list partnerKinds.');

      const missing = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.coordinator,
        body: { name: 'X', website: 'https://x.test' },
      });
      assert.deepEqual(codes(missing), ['kind:required', 'topics:required', 'website:unknown-field']);
      const badCode = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.coordinator,
        body: { name: 'X', kind: 'welzijn', topics: ['Huur Toeslag'] },
      });
      assert.deepEqual(codes(badCode), ['topics.0:invalid-format']);
    });

    it('accepts only live locations of its own organisation in locationIds', async () => {
      const r = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.coordinator,
        body: { name: 'X', kind: 'welzijn', topics: [], locationIds: [t.a.location.id, t.b.location.id, 'no-uuid'] },
      });
      assert.equal(r.status, 422);
      assert.deepEqual(codes(r), ['locationIds.1:unknown-id', 'locationIds.2:unknown-id']);
      const otherOrg = await ctx.call('POST', '/api/v1/partners', {
        token: t.a.coordinator,
        body: { name: 'X', kind: 'welzijn', topics: [], organisationId: t.b.organisation.id },
      });
      assert.deepEqual(codes(otherOrg), ['organisationId:unknown-id']);
      const national = await ctx.call('POST', '/api/v1/partners', {
        token: t.national,
        body: { name: 'X', kind: 'welzijn', topics: [], organisationId: t.b.organisation.id, locationIds: [t.a.location.id] },
      });
      assert.deepEqual(codes(national), ['locationIds.0:unknown-id']);
    });

    it("finds partners by topic, including those that take the parent topic, never another organisation's", async () => {
      const child = await partner({ name: 'Alleen huurtoeslag', kind: 'welzijn', topics: ['huurtoeslag'] });
      const parent = await partner({ name: 'Toeslagenhulp', kind: 'sociaal-raadslieden', topics: ['toeslagen'] });
      const sibling = await partner({ name: 'Alleen zorgtoeslag', kind: 'welzijn', topics: ['zorgtoeslag'] });
      const other = await partner({ name: 'DigiD-hulp', kind: 'overig', topics: ['digid-aanvragen'] });

      const huur = await ctx.call('GET', '/api/v1/partners?topic=huurtoeslag', { token: t.a.coordinator });
      assert.equal(huur.status, 200);
      assert.ok(ids(huur).includes(child.id) && ids(huur).includes(parent.id) && ids(huur).includes(t.a.partner.id));
      assert.ok(!ids(huur).includes(sibling.id) && !ids(huur).includes(other.id));
      assert.ok(!ids(huur).includes(t.b.partner.id));
      const names = huur.body.items.map((p: { name: string }) => p.name.toLowerCase());
      assert.deepEqual(names, [...names].sort());

      // The parent topic lists partners that take the parent, not every child-only partner.
      const toeslagen = await ctx.call('GET', '/api/v1/partners?topic=toeslagen', desk());
      assert.equal(toeslagen.status, 200);
      assert.ok(ids(toeslagen).includes(parent.id));
      assert.ok(!ids(toeslagen).includes(child.id));

      // A retired code of the 2021 list is mapped onto the current one.
      const retired = await ctx.call('GET', '/api/v1/partners?topic=toeslagen-huur', { token: t.a.coordinator });
      assert.deepEqual(ids(retired).sort(), ids(huur).sort());

      const kind = await ctx.call('GET', '/api/v1/partners?kind=welzijn', { token: t.a.coordinator });
      assert.ok(kind.body.items.every((p: { kind: string }) => p.kind === 'welzijn'));

      const unknown = await ctx.call('GET', '/api/v1/partners?topic=brood', { token: t.a.coordinator });
      assert.equal(unknown.status, 422);
      assert.deepEqual(codes(unknown), ['topic:unknown-code']);
      const unknownParam = await ctx.call('GET', '/api/v1/partners?onderwerp=huurtoeslag', { token: t.a.coordinator });
      assert.deepEqual(codes(unknownParam), ['onderwerp:unknown-field']);
      const twice = await ctx.call('GET', '/api/v1/partners?topic=huur&topic=huurtoeslag', { token: t.a.coordinator });
      assert.equal(twice.status, 400);

      const national = await ctx.call('GET', '/api/v1/partners?topic=huurtoeslag', { token: t.national });
      assert.ok(ids(national).includes(t.a.partner.id) && ids(national).includes(t.b.partner.id));
    });

    it('lets desk keys read partners, and nothing more', async () => {
      const one = await ctx.call('GET', `/api/v1/partners/${t.a.partner.id}`, desk());
      assert.equal(one.status, 200);
      assert.equal(one.body.name, 'Sociaal raadslieden Utrecht');
      assert.equal((await ctx.call('GET', `/api/v1/partners/${t.b.partner.id}`, desk())).status, 404);
      assert.equal(
        (await ctx.call('POST', '/api/v1/partners', { ...desk(), body: { name: 'X', kind: 'welzijn', topics: [] } })).status,
        403,
      );
      assert.equal((await ctx.call('PATCH', `/api/v1/partners/${t.a.partner.id}`, { ...desk(), body: { name: 'X' } })).status, 403);
      assert.equal((await ctx.call('DELETE', `/api/v1/partners/${t.a.partner.id}`, desk())).status, 403);
    });

    it('PATCH merges fields and replaces topics whole; DELETE is soft, 204 then 404', async () => {
      const p = await partner({ name: 'Ouderenbond', kind: 'ouderenbond', topics: ['aow-pensioen', 'zorg-wmo'], spreekuur: 'maandag' });
      const r = await ctx.call('PATCH', `/api/v1/partners/${p.id}`, { token: t.a.coordinator, body: { topics: ['belastingaangifte'] } });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.body.topics, ['belastingaangifte']);
      assert.equal(r.body.spreekuur, 'maandag');
      assert.equal(r.body.name, 'Ouderenbond');
      const bad = await ctx.call('PATCH', `/api/v1/partners/${p.id}`, {
        token: t.a.coordinator,
        body: { kind: 'bakker', topics: ['x-y'] },
      });
      assert.deepEqual(codes(bad), ['kind:unknown-code', 'topics.0:unknown-code']);
      assert.equal(
        (await ctx.call('PATCH', `/api/v1/partners/${t.b.partner.id}`, { token: t.a.coordinator, body: { name: 'X' } })).status,
        404,
      );
      assert.equal((await ctx.call('GET', '/api/v1/partners/niet-een-id', { token: t.a.coordinator })).status, 404);

      assert.equal((await ctx.call('DELETE', `/api/v1/partners/${p.id}`, { token: t.a.coordinator })).status, 204);
      assert.equal((await ctx.call('GET', `/api/v1/partners/${p.id}`, { token: t.a.coordinator })).status, 404);
      assert.equal((await ctx.call('DELETE', `/api/v1/partners/${p.id}`, { token: t.a.coordinator })).status, 404);
      const list = await ctx.call('GET', '/api/v1/partners', { token: t.a.coordinator });
      assert.ok(!ids(list).includes(p.id));
      const audit = await ctx.rows<{ action: string }>(
        sql`select action from audit_log where entity = 'partner' and entity_id = ${p.id} order by id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update', 'delete'],
      );
    });
  });

  describe(`courses on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    const course = (overrides: Record<string, unknown> = {}) => ({
      locationId: t.a.location.id,
      type: 'digisterker',
      startDate: '2026-09-01',
      sessions: 4,
      enrolled: 10,
      ...overrides,
    });

    before(async () => {
      ctx = await createTestContext(backend);
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('creates a course run from locationId, type, startDate, sessions and enrolled', async () => {
      const r = await ctx.call('POST', '/api/v1/courses', { token: t.a.coordinator, body: course() });
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(Object.keys(r.body).sort(), Object.keys(Course.def.shape).sort());
      z.parse(Course, r.body);
      assert.deepEqual(
        {
          organisationId: r.body.organisationId,
          locationId: r.body.locationId,
          startDate: r.body.startDate,
          completed: r.body.completed,
          note: r.body.note,
        },
        { organisationId: t.a.organisation.id, locationId: t.a.location.id, startDate: '2026-09-01', completed: null, note: null },
      );
      const [row] = await ctx.rows<{ organisation_id: string; enrolled: number }>(
        sql`select organisation_id, enrolled from courses where id = ${r.body.id}`,
      );
      assert.equal(row.organisation_id, t.a.organisation.id);
      assert.equal(Number(row.enrolled), 10);
    });

    it('takes the organisation of the location when a national user creates one', async () => {
      const r = await ctx.call('POST', '/api/v1/courses', {
        token: t.national,
        body: course({ locationId: t.b.location.id, type: 'klik-en-tik', completed: 8, note: 'Groep van de ouderenbond' }),
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.organisationId, t.b.organisation.id);
      assert.equal(r.body.completed, 8);
    });

    it("rejects another organisation's or a deleted location, unknown types, completed above enrolled, personal data", async () => {
      const other = await ctx.call('POST', '/api/v1/courses', { token: t.a.coordinator, body: course({ locationId: t.b.location.id }) });
      assert.equal(other.status, 422);
      assert.deepEqual(codes(other), ['locationId:unknown-id']);
      const gone = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        body: { name: 'Weg', address: { street: 'Straat 1', postcode: '3511 AA', city: 'Utrecht' }, coordinates: { lat: 52, lon: 5 } },
      });
      await ctx.call('DELETE', `/api/v1/locations/${gone.body.id}`, { token: t.a.coordinator });
      const deleted = await ctx.call('POST', '/api/v1/courses', { token: t.a.coordinator, body: course({ locationId: gone.body.id }) });
      assert.deepEqual(codes(deleted), ['locationId:unknown-id']);

      const r = await ctx.call('POST', '/api/v1/courses', {
        token: t.a.coordinator,
        body: course({ type: 'breien', enrolled: 5, completed: 6, note: 'Bel Jan op 06-12345678' }),
      });
      assert.equal(r.status, 422);
      assert.deepEqual(codes(r), ['completed:too-big', 'note:personal-data', 'type:unknown-code']);
      assert.equal(
        r.body.errors.find((e: { path: string }) => e.path === 'note').message,
        'Hier staat een telefoonnummer in. Persoonsgegevens mogen niet worden opgeslagen.',
      );

      const shape = await ctx.call('POST', '/api/v1/courses', {
        token: t.a.coordinator,
        headers: { 'accept-language': 'en' },
        body: { locationId: t.a.location.id, type: 'digisterker', startDate: '2026-02-30', sessions: 0, extra: 1 },
      });
      assert.deepEqual(codes(shape), ['enrolled:required', 'extra:unknown-field', 'sessions:too-small', 'startDate:invalid-format']);
      assert.equal(shape.body.errors.find((e: { path: string }) => e.path === 'enrolled').message, 'This field is required.');
    });

    it('keeps courses from desk keys (403) and from other organisations (404)', async () => {
      const desk = { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } };
      const mine = await ctx.call('POST', '/api/v1/courses', { token: t.a.coordinator, body: course() });
      assert.equal((await ctx.call('GET', '/api/v1/courses', desk)).status, 403);
      assert.equal((await ctx.call('GET', `/api/v1/courses/${mine.body.id}`, desk)).status, 403);
      assert.equal((await ctx.call('POST', '/api/v1/courses', { ...desk, body: course() })).status, 403);
      assert.equal((await ctx.call('GET', `/api/v1/courses/${mine.body.id}`, { token: t.b.coordinator })).status, 404);
      assert.equal(
        (await ctx.call('PATCH', `/api/v1/courses/${mine.body.id}`, { token: t.b.secretKey, body: { enrolled: 1 } })).status,
        404,
      );
      assert.equal((await ctx.call('DELETE', `/api/v1/courses/${mine.body.id}`, { token: t.b.coordinator })).status, 404);
      assert.equal((await ctx.call('GET', `/api/v1/courses/${mine.body.id}`, { token: t.a.secretKey })).status, 200);
    });

    it('lists with from, to and locationId, sorted by start date', async () => {
      const c2 = await ctx.call('POST', '/api/v1/courses', {
        token: t.a.coordinator,
        body: course({ locationId: t.a.location2.id, startDate: '2026-03-10', type: 'veilig-online' }),
      });
      const c3 = await ctx.call('POST', '/api/v1/courses', { token: t.a.coordinator, body: course({ startDate: '2026-12-31' }) });
      const c1 = await ctx.call('POST', '/api/v1/courses', { token: t.a.coordinator, body: course({ startDate: '2026-01-01' }) });
      const all = await ctx.call('GET', '/api/v1/courses', { token: t.a.coordinator });
      const dates = all.body.items.map((c: { startDate: string }) => c.startDate);
      assert.deepEqual(dates, [...dates].sort());
      assert.ok(all.body.items.every((c: { organisationId: string }) => c.organisationId === t.a.organisation.id));

      const window = await ctx.call('GET', '/api/v1/courses?from=2026-01-01&to=2026-03-10', { token: t.a.coordinator });
      assert.deepEqual(ids(window), [c1.body.id, c2.body.id]);
      const atLocation2 = await ctx.call('GET', `/api/v1/courses?locationId=${t.a.location2.id}`, { token: t.a.coordinator });
      assert.deepEqual(ids(atLocation2), [c2.body.id]);
      const fromEnd = await ctx.call('GET', '/api/v1/courses?from=2026-12-31', { token: t.a.coordinator });
      assert.deepEqual(ids(fromEnd), [c3.body.id]);
      const theirs = await ctx.call('GET', `/api/v1/courses?locationId=${t.b.location.id}`, { token: t.a.coordinator });
      assert.deepEqual(theirs.body.items, []);
      const bad = await ctx.call('GET', '/api/v1/courses?from=2026-13-01', { token: t.a.coordinator });
      assert.deepEqual(codes(bad), ['from:invalid-format']);
      const reversed = await ctx.call('GET', '/api/v1/courses?from=2026-12-01&to=2026-01-01', { token: t.a.coordinator });
      assert.equal(reversed.status, 422);
    });

    it('PATCH merges and checks completed against the merged enrolled; DELETE is soft', async () => {
      const created = await ctx.call('POST', '/api/v1/courses', { token: t.a.coordinator, body: course({ enrolled: 12 }) });
      const id = created.body.id;
      const done = await ctx.call('PATCH', `/api/v1/courses/${id}`, {
        token: t.a.coordinator,
        body: { completed: 11, note: 'Twee avonden extra' },
      });
      assert.equal(done.status, 200, done.text);
      assert.deepEqual(
        { enrolled: done.body.enrolled, completed: done.body.completed, sessions: done.body.sessions, type: done.body.type },
        { enrolled: 12, completed: 11, sessions: 4, type: 'digisterker' },
      );
      const tooFew = await ctx.call('PATCH', `/api/v1/courses/${id}`, { token: t.a.coordinator, body: { enrolled: 10 } });
      assert.equal(tooFew.status, 422);
      assert.deepEqual(codes(tooFew), ['enrolled:too-small']);
      const moveAway = await ctx.call('PATCH', `/api/v1/courses/${id}`, { token: t.a.coordinator, body: { locationId: t.b.location.id } });
      assert.deepEqual(codes(moveAway), ['locationId:unknown-id']);
      const moved = await ctx.call('PATCH', `/api/v1/courses/${id}`, { token: t.a.secretKey, body: { locationId: t.a.location2.id } });
      assert.equal(moved.body.locationId, t.a.location2.id);

      assert.equal((await ctx.call('DELETE', `/api/v1/courses/${id}`, { token: t.a.coordinator })).status, 204);
      assert.equal((await ctx.call('GET', `/api/v1/courses/${id}`, { token: t.a.coordinator })).status, 404);
      assert.equal((await ctx.call('PATCH', `/api/v1/courses/${id}`, { token: t.a.coordinator, body: { sessions: 2 } })).status, 404);
      const audit = await ctx.rows<{ action: string; actor: string }>(
        sql`select action, actor from audit_log where entity = 'course' and entity_id = ${id} order by id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update', 'update', 'delete'],
      );
      assert.match(audit[2].actor, /^key:/);
    });
  });
}
