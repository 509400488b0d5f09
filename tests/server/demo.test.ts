import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { backends, createTestContext, ADMIN, type TestContext } from '../helpers/context.js';
import { ensureAdmin } from '../../server/bootstrap.js';
import {
  DEMO_COORDINATOR_PASSWORD,
  DEMO_DESK_KEY,
  DEMO_NATIONAL,
  demoCoordinatorEmail,
  demoOrigins,
  loadDemoData,
  seedDemo,
  type DemoInfo,
} from '../../server/services/demo.js';
import { loadPostcodesAtStart } from '../../server/services/postcodes.js';
import { distanceKm } from '../../sdk/geo.js';
import { amsterdamParts, hoursOn } from '../../sdk/opening-hours.js';

const ORIGIN = 'http://localhost:3000';

async function counts(ctx: TestContext) {
  const [row] = await ctx.rows<Record<string, number>>(sql`select
    (select count(*)::int from organisations) as organisations,
    (select count(*)::int from locations) as locations,
    (select count(*)::int from partners) as partners,
    (select count(*)::int from courses) as courses,
    (select count(*)::int from users) as users,
    (select count(*)::int from api_keys) as keys,
    (select count(*)::int from registrations) as registrations,
    (select count(*)::int from questions) as questions,
    (select count(*)::int from audit_log) as audit,
    (select count(*)::int from search_demand) as searches`);
  return row;
}

describe('demo data file', () => {
  it('is valid against the API schemas and the 2024 value lists', async () => {
    const ctx = await createTestContext('pglite');
    try {
      const data = loadDemoData((list, code) => ctx.deps.taxonomy.has(list, code));
      assert.ok(data.organisations.length >= 2);
      for (const org of data.organisations) {
        assert.ok(
          org.locations.every((l) => (l.walkInHours ?? []).length > 0),
          `${org.name}: every location has walk-in hours`,
        );
      }
    } finally {
      await ctx.close();
    }
  });

  it('binds the desk key to the server origin and its localhost and 127.0.0.1 forms', () => {
    assert.deepEqual(demoOrigins('http://localhost:3000', 3000), ['http://localhost:3000', 'http://127.0.0.1:3000']);
    assert.deepEqual(demoOrigins('https://ido.example.nl', 8080), [
      'https://ido.example.nl',
      'http://localhost:8080',
      'http://127.0.0.1:8080',
    ]);
  });
});

for (const backend of backends) {
  describe(`demo seeding on ${backend}`, () => {
    let ctx: TestContext;
    let info: DemoInfo | null;
    let before1: Record<string, number>;
    const now = new Date('2026-11-28T15:00:00Z');

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now, config: { port: 3000 } });
      // As `ido-server start` does: the bundled postcodes first, then the demo.
      await loadPostcodesAtStart(ctx.database);
      info = await seedDemo(ctx.deps, { origin: ORIGIN });
      before1 = await counts(ctx);
    });
    after(() => ctx.close());

    it('creates the organisations, locations with real addresses, partners, courses and logins', async () => {
      assert.ok(info);
      assert.equal(info.seeded, true);
      assert.equal(before1.organisations, 3);
      assert.ok(before1.locations >= 6);
      assert.ok(before1.partners >= 9);
      assert.ok(before1.courses >= 6);
      assert.equal(before1.users, 4);
      assert.equal(before1.keys, 1);
      const neude = await ctx.rows<{ address: Record<string, string>; lat: number; lon: number; walk_in_hours: unknown[] }>(
        sql`select address, lat, lon, walk_in_hours from locations where name = 'Bibliotheek Neude'`,
      );
      assert.equal(neude.length, 1);
      assert.deepEqual(
        { street: neude[0].address.street, postcode: neude[0].address.postcode, city: neude[0].address.city },
        { street: 'Neude 11', postcode: '3512 AE', city: 'Utrecht' },
      );
      assert.ok(neude[0].walk_in_hours.length > 0);
      // Every address lies in the Netherlands, near the centre of its own postcode area.
      const all = await ctx.rows<{ name: string; address: Record<string, string>; lat: number; lon: number }>(
        sql`select name, address, lat, lon from locations`,
      );
      const pc4 = new Map(
        (await ctx.rows<{ pc4: string; lat: number; lon: number }>(sql`select pc4, lat, lon from postcodes`)).map((r) => [r.pc4, r]),
      );
      for (const l of all) {
        assert.ok(l.lat > 50.7 && l.lat < 53.6 && l.lon > 3.3 && l.lon < 7.3, `${l.name} lies in the Netherlands`);
        assert.match(l.address.postcode, /^[1-9]\d{3} [A-Z]{2}$/);
        const centre = pc4.get(l.address.postcode.slice(0, 4));
        assert.ok(centre, `${l.name}: postcode area ${l.address.postcode.slice(0, 4)} is in the bundled centroids`);
        assert.ok(distanceKm(l, centre) < 2.5, `${l.name} is near its postcode area (${distanceKm(l, centre).toFixed(1)} km)`);
      }
      assert.deepEqual(
        info.logins.map((l) => l.email),
        [DEMO_NATIONAL.email, ...['utrecht', 'oba', 'rotterdam'].map(demoCoordinatorEmail)],
      );
      assert.equal(info.deskKey, DEMO_DESK_KEY);
      assert.equal(info.deskKeyLocation, 'Bibliotheek Neude');
    });

    it('adds locator searches only in real postcode areas around its locations', async () => {
      const [{ searched, unknown }] = await ctx.rows<{ searched: number; unknown: number }>(sql`select
        count(distinct s.pc4)::int as searched, count(distinct s.pc4) filter (where p.pc4 is null)::int as unknown
        from search_demand s left join postcodes p on p.pc4 = s.pc4`);
      assert.ok(searched > 0);
      assert.equal(unknown, 0);
    });

    it('stores the demo desk key as SHA-256 only, bound to the first location and the server origin', async () => {
      const [key] = await ctx.rows<{ key_hash: string; prefix: string; origins: string[]; location: string; kind: string }>(sql`
        select k.key_hash, k.prefix, k.origins, k.kind, l.name as location from api_keys k join locations l on l.id = k.location_id`);
      assert.equal(key.kind, 'desk');
      assert.equal(key.location, 'Bibliotheek Neude');
      assert.match(key.key_hash, /^[0-9a-f]{64}$/);
      assert.ok(!JSON.stringify(await ctx.rows(sql`select * from api_keys`)).includes(DEMO_DESK_KEY));
      assert.deepEqual([...key.origins].sort(), ['http://127.0.0.1:3000', 'http://localhost:3000']);
    });

    it('lets the demo desk key read locations from its origin, and only from there', async () => {
      const r = await ctx.call('GET', '/api/v1/locations', { token: DEMO_DESK_KEY, headers: { origin: ORIGIN } });
      assert.equal(r.status, 200, r.text);
      assert.ok(r.body.items.some((l: { name: string }) => l.name === 'Bibliotheek Neude'));
      assert.ok(
        r.body.items.every((l: { organisationId: string }) => l.organisationId === r.body.items[0].organisationId),
        'only its own organisation',
      );
      const loopback = await ctx.call('GET', '/api/v1/locations', { token: DEMO_DESK_KEY, headers: { origin: 'http://127.0.0.1:3000' } });
      assert.equal(loopback.status, 200);
      const elsewhere = await ctx.call('GET', '/api/v1/locations', { token: DEMO_DESK_KEY, headers: { origin: 'https://elders.example' } });
      assert.equal(elsewhere.status, 403);
    });

    it('lets the demo desk key register a visit at its location', async () => {
      const r = await ctx.call('POST', '/api/v1/registrations', {
        token: DEMO_DESK_KEY,
        headers: { origin: ORIGIN },
        body: { channel: 'balie', duration: '5-15', questions: [{ type: 'digitale-overheid', topic: 'digid-aanvragen' }] },
      });
      assert.equal(r.status, 201, r.text);
      await ctx.call('DELETE', `/api/v1/registrations/${r.body.id}`, { token: DEMO_DESK_KEY, headers: { origin: ORIGIN } });
    });

    it('lets the demo coordinator and the national demo user log in', async () => {
      const coordinator = await ctx.call('POST', '/api/v1/auth/login', {
        body: { email: demoCoordinatorEmail('utrecht'), password: DEMO_COORDINATOR_PASSWORD },
      });
      assert.equal(coordinator.status, 200, coordinator.text);
      assert.equal(coordinator.body.user.role, 'coordinator');
      const [utrecht] = await ctx.rows<{ id: string }>(sql`select id from organisations where name = 'Bibliotheek Utrecht'`);
      assert.equal(coordinator.body.user.organisationId, utrecht.id);
      const national = await ctx.call('POST', '/api/v1/auth/login', {
        body: { email: DEMO_NATIONAL.email, password: DEMO_NATIONAL.password },
      });
      assert.equal(national.status, 200);
      assert.equal(national.body.user.role, 'national');
      assert.equal(national.body.user.organisationId, null);
    });

    it('adds a year of realistic visits in walk-in hours, with valid codes and an audit row each', async () => {
      assert.ok(before1.registrations >= 300 && before1.registrations <= 1500, `${before1.registrations} visits`);
      assert.ok(before1.questions > before1.registrations);
      const [{ n: audited }] = await ctx.rows<{ n: number }>(
        sql`select count(*)::int as n from audit_log a join registrations r on r.id::text = a.entity_id where a.entity = 'registration' and a.action = 'create' and r.created_by = 'demo'`,
      );
      assert.equal(audited, before1.registrations);
      const rows = await ctx.rows<{
        occurred_at: string | Date;
        channel: string;
        walk_in_hours: never;
        exceptions: never;
        closed_on_holidays: string[];
      }>(sql`
        select r.occurred_at, r.channel, l.walk_in_hours, l.exceptions, l.closed_on_holidays from registrations r join locations l on l.id = r.location_id where r.created_by = 'demo'`);
      const yearAgo = now.getTime() - 366 * 24 * 3600_000;
      for (const r of rows) {
        const at = new Date(r.occurred_at);
        assert.ok(at.getTime() <= now.getTime() && at.getTime() >= yearAgo, `${at.toISOString()} within the last year`);
        if (r.channel === 'balie' || r.channel === 'spreekuur') {
          const { date, time } = amsterdamParts(at);
          const ranges = hoursOn(
            { walkInHours: r.walk_in_hours, exceptions: r.exceptions, closedOnHolidays: r.closed_on_holidays as never },
            date,
          );
          assert.ok(
            ranges.some((h) => h.opens <= time && time < h.closes),
            `${date} ${time} in walk-in hours`,
          );
        }
      }
      const months = await ctx.rows(
        sql`select distinct to_char(occurred_at at time zone 'Europe/Amsterdam', 'YYYY-MM') from registrations`,
      );
      assert.ok(months.length >= 12);
      const channels = await ctx.rows<{ channel: string }>(sql`select distinct channel from registrations`);
      assert.deepEqual(channels.map((c) => c.channel).sort(), ['balie', 'email-chat', 'spreekuur', 'telefoon']);
      const qs = await ctx.rows<{
        type: string;
        topic: string;
        agencies: string[];
        help: string[];
        digid: string | null;
        referral_partner_id: string | null;
        referral_partner_kind: string | null;
      }>(sql`select q.* from questions q join registrations r on r.id = q.registration_id where r.created_by = 'demo'`);
      const { has } = ctx.deps.taxonomy;
      for (const q of qs) {
        assert.ok(has('questionTypes', q.type) && has('topics', q.topic), `${q.type}/${q.topic}`);
        assert.ok(
          q.agencies.every((a) => has('agencies', a)) && q.help.length > 0 && q.help.every((h) => has('help', h)),
          JSON.stringify(q),
        );
        if (q.digid) assert.ok(has('digid', q.digid));
        if (q.referral_partner_kind) assert.ok(has('partnerKinds', q.referral_partner_kind), q.referral_partner_kind);
      }
      assert.ok(new Set(qs.map((q) => q.topic)).size >= 15, 'varied topics');
      assert.ok(
        qs.some((q) => q.referral_partner_id),
        'some referrals to demo partners',
      );
      const [{ n: foreign }] = await ctx.rows<{ n: number }>(sql`
        select count(*)::int as n from questions q join registrations r on r.id = q.registration_id join partners p on p.id = q.referral_partner_id
        where p.organisation_id <> r.organisation_id`);
      assert.equal(foreign, 0, 'referrals stay within the organisation');
    });

    it('gives the reports something to show', async () => {
      const login = await ctx.call('POST', '/api/v1/auth/login', {
        body: { email: demoCoordinatorEmail('utrecht'), password: DEMO_COORDINATOR_PASSWORD },
      });
      const r = await ctx.call('GET', '/api/v1/reports/summary?from=2025-12-01&to=2026-11-28&groupBy=topic', { token: login.body.token });
      assert.equal(r.status, 200, r.text);
      assert.ok(r.body.visits > 50 && r.body.referred > 0 && r.body.groups.length > 10);
      const courses = await ctx.call('GET', '/api/v1/reports/courses?from=2026-01-01&to=2026-12-31', { token: login.body.token });
      assert.equal(courses.status, 200);
      assert.ok(courses.body.runs >= 3);
      const demand = await ctx.call('GET', '/api/v1/reports/search-demand', { token: login.body.token });
      assert.equal(demand.status, 200);
      assert.ok(demand.body.items.length > 0);
    });

    it('adds nothing the second time, returns the same logins, and lets the key accept a new port too', async () => {
      const again = await seedDemo(ctx.deps, { origin: 'http://localhost:4000', port: 4000 });
      assert.ok(again);
      assert.equal(again.seeded, false);
      assert.deepEqual(again.logins, info!.logins);
      assert.equal(again.deskKey, DEMO_DESK_KEY);
      const after1 = await counts(ctx);
      // One registration was made and deleted (soft) by the desk-key test above; nothing else changed.
      assert.deepEqual({ ...after1, registrations: 0, questions: 0, audit: 0 }, { ...before1, registrations: 0, questions: 0, audit: 0 });
      assert.equal(after1.registrations, before1.registrations + 1);
      const ok = await ctx.call('GET', '/api/v1/locations', { token: DEMO_DESK_KEY, headers: { origin: 'http://localhost:4000' } });
      assert.equal(ok.status, 200);
    });
  });

  describe(`demo mode on a database with real organisations on ${backend}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend);
    });
    after(() => ctx.close());

    it('adds nothing and returns no logins', async () => {
      await ensureAdmin(ctx.database, ADMIN.email, ADMIN.password);
      const login = await ctx.call('POST', '/api/v1/auth/login', { body: ADMIN });
      const org = await ctx.call('POST', '/api/v1/organisations', { token: login.body.token, body: { name: 'Bibliotheek Echt' } });
      assert.equal(org.status, 201);
      const before2 = await counts(ctx);
      assert.equal(await seedDemo(ctx.deps, { origin: ORIGIN }), null);
      const after2 = await counts(ctx);
      assert.deepEqual(after2, before2);
      const denied = await ctx.call('GET', '/api/v1/locations', { token: DEMO_DESK_KEY, headers: { origin: ORIGIN } });
      assert.equal(denied.status, 401);
    });
  });
}
