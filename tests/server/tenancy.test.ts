/**
 * The tenant matrix: every endpoint of the contract × every kind of caller × a target in the
 * caller's own organisation (A) and in another (B). Each cell is the set of statuses the contract
 * allows; and no answer to one of organisation A's callers may contain an id of organisation B
 * (other than ids the caller itself sent).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { DUMMY_PASSWORD_HASH } from '../../server/crypto.js';
import { questions, registrations, users } from '../../server/db/schema.js';
import { rebuildAggregates } from '../../server/services/reports/rebuild.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

/**
 * Callers, all of organisation A except `national`:
 * - anon: no credentials;
 * - desk: A's desk key from its own origin; desk-bare: A's desk key without origins, sent without Origin;
 * - desk-evil: A's desk key from `https://evil.test`; bare+origin: the key without origins, sent with an Origin;
 * - secret: A's secret key; coord: A's coordinator; national: a national user.
 */
const CALLERS = ['anon', 'desk', 'desk-bare', 'desk-evil', 'bare+origin', 'secret', 'coord', 'national'] as const;
type Caller = (typeof CALLERS)[number];
type Target = 'A' | 'B' | '-';

/**
 * Expected statuses. `target` A names something of the caller's own organisation (for national
 * users: of organisation A), B something of organisation B, `-` nothing of either. `x|y` is a
 * choice the contract leaves open. Lists answer 200 but only with the caller's own organisation's items.
 */
const MATRIX = `
endpoint                        target  anon  desk  desk-bare  desk-evil  bare+origin  secret       coord        national
GET    /locations               A       401   200   200        403        403          200          200          200
GET    /locations               B       401   200   200        403        403          200          200          200
POST   /locations               A       401   403   403        403        403          201          201          201
POST   /locations               B       401   403   403        403        403          422          422          201
GET    /locations/:id           A       401   200   200        403        403          200          200          200
GET    /locations/:id           B       401   404   404        403        403          404          404          200
PATCH  /locations/:id           A       401   403   403        403        403          200          200          200
PATCH  /locations/:id           B       401   403   403        403        403          404          404          200
DELETE /locations/:id           A       401   403   403        403        403          204          204          204
DELETE /locations/:id           B       401   403   403        403        403          404          404          204

GET    /partners                A       401   200   200        403        403          200          200          200
GET    /partners                B       401   200   200        403        403          200          200          200
GET    /partners?topic          A       401   200   200        403        403          200          200          200
POST   /partners                A       401   403   403        403        403          201          201          201
POST   /partners                B       401   403   403        403        403          422          422          201
GET    /partners/:id            A       401   200   200        403        403          200          200          200
GET    /partners/:id            B       401   404   404        403        403          404          404          200
PATCH  /partners/:id            A       401   403   403        403        403          200          200          200
PATCH  /partners/:id            B       401   403   403        403        403          404          404          200
DELETE /partners/:id            A       401   403   403        403        403          204          204          204
DELETE /partners/:id            B       401   403   403        403        403          404          404          204

GET    /courses                 A       401   403   403        403        403          200          200          200
GET    /courses                 B       401   403   403        403        403          200          200          200
POST   /courses                 A       401   403   403        403        403          201          201          201
POST   /courses                 B       401   403   403        403        403          422          422          201
GET    /courses/:id             A       401   403   403        403        403          200          200          200
GET    /courses/:id             B       401   403   403        403        403          404          404          200
PATCH  /courses/:id             A       401   403   403        403        403          200          200          200
PATCH  /courses/:id             B       401   403   403        403        403          404          404          200
DELETE /courses/:id             A       401   403   403        403        403          204          204          204
DELETE /courses/:id             B       401   403   403        403        403          404          404          204

GET    /organisations           -       401   403   403        403        403          200          200          200
POST   /organisations           -       401   403   403        403        403          403          403          201
GET    /organisations/:id       A       401   403   403        403        403          200          200          200
GET    /organisations/:id       B       401   403   403        403        403          404          404          200
PATCH  /organisations/:id       A       401   403   403        403        403          200          200          200
PATCH  /organisations/:id       B       401   403   403        403        403          404          404          200

GET    /users                   A       401   403   403        403        403          200          200          200
GET    /users                   B       401   403   403        403        403          200          200          200
POST   /users                   A       401   403   403        403        403          201          201          201
POST   /users                   B       401   403   403        403        403          422          422          201
DELETE /users/:id               A       401   403   403        403        403          204          204          204
DELETE /users/:id               B       401   403   403        403        403          404          404          204

GET    /keys                    A       401   403   403        403        403          200          200          200
GET    /keys                    B       401   403   403        403        403          200          200          200
POST   /keys                    A       401   403   403        403        403          201          201          201
POST   /keys                    B       401   403   403        403        403          422          422          201
DELETE /keys/:id                A       401   403   403        403        403          204          204          204
DELETE /keys/:id                B       401   403   403        403        403          404          404          204

GET    /registrations           A       401   200   200        403        403          200          200          200
GET    /registrations           B       401   200|403|404|422 200|403|404|422 403 403  200|404|422  200|404|422  200
GET    /registrations/:id       A       401   200   200        403        403          200          200          200
GET    /registrations/:id       B       401   404   404        403        403          404          404          200

GET    /reports/summary?topic   A       401   200   200        403        403          200          200          200
GET    /reports/summary?topic   B       401   403|404|422 403|404|422 403 403         200|404|422  200|404|422  200
GET    /reports/summary?channel A       401   403   403        403        403          200          200          200

GET    /taxonomy                -       200   200   200        403        403          200          200          200

GET    /auth/me                 -       401   200   200        403        403          200          200          200
`;

interface Row {
  endpoint: string;
  target: Target;
  expect: Record<Caller, number[]>;
}

function parseMatrix(text: string): Row[] {
  const lines = text
    .trim()
    .split('\n')
    .filter((l) => l.trim());
  const header = lines.shift()!.trim().split(/\s+/);
  assert.deepEqual(header.slice(2), [...CALLERS], 'matrix header');
  return lines.map((line) => {
    const [method, path, target, ...cells] = line.trim().split(/\s+/);
    assert.equal(cells.length, CALLERS.length, `cells in: ${line}`);
    const expect = Object.fromEntries(CALLERS.map((c, i) => [c, cells[i].split('|').map(Number)])) as Record<Caller, number[]>;
    return { endpoint: `${method} ${path}`, target: target as Target, expect };
  });
}

interface Req {
  method: string;
  path: string;
  body?: unknown;
}

interface Fixtures {
  t: Tenants;
  course: { A: string; B: string };
  registration: { A: string; B: string };
  /** Every id of organisation B known to the test; grows as requests make more. */
  bIds: Set<string>;
}

// The backends run side by side (each in its own database); the rows of one backend run in order.
describe('tenant matrix', { concurrency: true }, () => {
  for (const backend of backends) {
    describe(`tenant matrix on ${backend}`, { concurrency: 1 }, () => {
      let ctx: TestContext;
      let f: Fixtures;
      let serial = 0;

      const org = (target: Target) => (target === 'B' ? f.t.b : f.t.a);

      /** As the national user, so that the fixture does not depend on the caller under test. */
      const make = async (path: string, body: unknown, target: Target): Promise<string> => {
        const r = await ctx.call('POST', `/api/v1${path}`, { token: f.t.national, body });
        assert.equal(r.status, 201, `fixture ${path}: ${r.text}`);
        if (target === 'B') f.bIds.add(r.body.id);
        return r.body.id;
      };
      const location = (n: number, target: Target) => ({
        name: `Tijdelijk ${n}`,
        address: { street: 'Plein 1', postcode: '3511 AA', city: 'Utrecht' },
        coordinates: { lat: 52, lon: 5 },
        organisationId: org(target).organisation.id,
      });
      const course = (target: Target) => ({
        locationId: org(target).location.id,
        type: 'klik-en-tik',
        startDate: '2026-10-01',
        sessions: 3,
        enrolled: 6,
      });

      /** The request for an endpoint and target; may first make a fresh resource to delete. */
      const REQUESTS: Record<string, (target: Target, n: number) => Req | Promise<Req>> = {
        'GET /locations': (t) => ({
          method: 'GET',
          path: t === 'B' ? `/locations?organisationId=${org(t).organisation.id}` : '/locations',
        }),
        'POST /locations': (t, n) => ({ method: 'POST', path: '/locations', body: location(n, t) }),
        'GET /locations/:id': (t) => ({ method: 'GET', path: `/locations/${org(t).location.id}` }),
        'PATCH /locations/:id': (t) => ({ method: 'PATCH', path: `/locations/${org(t).location2.id}`, body: { variant: 'breed' } }),
        'DELETE /locations/:id': async (t, n) => ({ method: 'DELETE', path: `/locations/${await make('/locations', location(n, t), t)}` }),

        'GET /partners': (t) => ({ method: 'GET', path: t === 'B' ? `/partners?organisationId=${org(t).organisation.id}` : '/partners' }),
        'GET /partners?topic': () => ({ method: 'GET', path: '/partners?topic=huurtoeslag' }),
        'POST /partners': (t, n) => ({
          method: 'POST',
          path: '/partners',
          body: { name: `Partner ${n}`, kind: 'welzijn', topics: ['huurtoeslag'], organisationId: org(t).organisation.id },
        }),
        'GET /partners/:id': (t) => ({ method: 'GET', path: `/partners/${org(t).partner.id}` }),
        'PATCH /partners/:id': (t) => ({ method: 'PATCH', path: `/partners/${org(t).partner.id}`, body: { spreekuur: 'dinsdag' } }),
        'DELETE /partners/:id': async (t, n) => ({
          method: 'DELETE',
          path: `/partners/${await make('/partners', { name: `Weg ${n}`, kind: 'overig', topics: [], organisationId: org(t).organisation.id }, t)}`,
        }),

        'GET /courses': (t) => ({ method: 'GET', path: t === 'B' ? `/courses?organisationId=${org(t).organisation.id}` : '/courses' }),
        'POST /courses': (t) => ({ method: 'POST', path: '/courses', body: course(t) }),
        'GET /courses/:id': (t) => ({ method: 'GET', path: `/courses/${f.course[t as 'A' | 'B']}` }),
        'PATCH /courses/:id': (t) => ({ method: 'PATCH', path: `/courses/${f.course[t as 'A' | 'B']}`, body: { completed: 5 } }),
        'DELETE /courses/:id': async (t) => ({ method: 'DELETE', path: `/courses/${await make('/courses', course(t), t)}` }),

        'GET /organisations': () => ({ method: 'GET', path: '/organisations' }),
        'POST /organisations': (_t, n) => ({ method: 'POST', path: '/organisations', body: { name: `Bibliotheek ${n}` } }),
        'GET /organisations/:id': (t) => ({ method: 'GET', path: `/organisations/${org(t).organisation.id}` }),
        'PATCH /organisations/:id': (t) => ({
          method: 'PATCH',
          path: `/organisations/${org(t).organisation.id}`,
          body: { municipality: org(t).organisation.municipality },
        }),

        'GET /users': (t) => ({ method: 'GET', path: t === 'B' ? `/users?organisationId=${org(t).organisation.id}` : '/users' }),
        'POST /users': (t, n) => ({
          method: 'POST',
          path: '/users',
          body: {
            email: `nieuw-${n}@ido.test`,
            password: 'een lang wachtwoord',
            role: 'coordinator',
            organisationId: org(t).organisation.id,
          },
        }),
        'DELETE /users/:id': async (t, n) => {
          // Straight into the database: hashing a real password for every cell would only slow the matrix down.
          const [row] = await ctx.database.db
            .insert(users)
            .values({
              email: `weg-${n}@ido.test`,
              passwordHash: DUMMY_PASSWORD_HASH,
              role: 'coordinator',
              organisationId: org(t).organisation.id,
            })
            .returning();
          if (t === 'B') f.bIds.add(row.id);
          return { method: 'DELETE', path: `/users/${row.id}` };
        },

        'GET /keys': (t) => ({ method: 'GET', path: t === 'B' ? `/keys?organisationId=${org(t).organisation.id}` : '/keys' }),
        'POST /keys': (t) => ({
          method: 'POST',
          path: '/keys',
          body: { kind: 'desk', organisationId: org(t).organisation.id, locationId: org(t).location.id },
        }),
        'DELETE /keys/:id': async (t) => ({
          method: 'DELETE',
          path: `/keys/${await make('/keys', { kind: 'secret', organisationId: org(t).organisation.id }, t)}`,
        }),

        'GET /registrations': (t) => ({
          method: 'GET',
          path: t === 'B' ? `/registrations?locationId=${org(t).location.id}` : '/registrations',
        }),
        'GET /registrations/:id': (t) => ({ method: 'GET', path: `/registrations/${f.registration[t as 'A' | 'B']}` }),

        'GET /reports/summary?topic': (t) => ({ method: 'GET', path: `/reports/summary?groupBy=topic&locationId=${org(t).location.id}` }),
        'GET /reports/summary?channel': () => ({ method: 'GET', path: '/reports/summary?groupBy=channel' }),

        'GET /taxonomy': () => ({ method: 'GET', path: '/taxonomy' }),

        'GET /auth/me': () => ({ method: 'GET', path: '/auth/me' }),
      };

      const credentials = (caller: Caller): { token?: string; headers?: Record<string, string> } => {
        const a = f.t.a;
        switch (caller) {
          case 'anon':
            return {};
          case 'desk':
            return { token: a.deskKey, headers: { origin: a.deskOrigin } };
          case 'desk-bare':
            return { token: a.deskKeyNoOrigin };
          case 'desk-evil':
            return { token: a.deskKey, headers: { origin: 'https://evil.test' } };
          case 'bare+origin':
            return { token: a.deskKeyNoOrigin, headers: { origin: a.deskOrigin } };
          case 'secret':
            return { token: a.secretKey };
          case 'coord':
            return { token: a.coordinator };
          case 'national':
            return { token: f.t.national };
        }
      };

      /** A registration made "now" at the desk's location, written straight to the table (independent of the registration routes). */
      async function registration(tenant: Tenants['a']): Promise<string> {
        const id = randomUUID();
        const now = new Date();
        await ctx.database.db.insert(registrations).values({
          id,
          organisationId: tenant.organisation.id,
          locationId: tenant.location.id,
          occurredAt: now,
          channel: 'balie',
          duration: '5-15',
          taxonomyVersion: '2024',
          bodyHash: 'fixture',
          createdBy: `key:${tenant.deskKeyId}`,
          createdAt: now,
          updatedAt: now,
        });
        await ctx.database.db.insert(questions).values({
          registrationId: id,
          position: 0,
          type: 'digitale-overheid',
          topic: 'huurtoeslag',
          agencies: ['dienst-toeslagen'],
          help: ['digitaal-contact'],
        });
        // Written around the write path, so the report aggregates are rebuilt (as the demo seeder does).
        await rebuildAggregates(ctx.database, { organisationId: tenant.organisation.id, taxonomy: ctx.deps.taxonomy });
        return id;
      }

      before(async () => {
        ctx = await createTestContext(backend);
        const t = await seedTenants(ctx);
        f = { t, course: { A: '', B: '' }, registration: { A: '', B: '' }, bIds: new Set() };
        f.course.A = await make('/courses', course('A'), 'A');
        f.course.B = await make('/courses', course('B'), 'B');
        f.registration.A = await registration(t.a);
        f.registration.B = await registration(t.b);
        const b = t.b;
        for (const id of [
          b.organisation.id,
          b.location.id,
          b.location2.id,
          b.partner.id,
          b.secretKeyId,
          b.deskKeyId,
          f.course.B,
          f.registration.B,
        ])
          f.bIds.add(id);
        for (const path of ['/keys', '/users']) {
          const r = await ctx.call('GET', `/api/v1${path}?organisationId=${b.organisation.id}`, { token: t.national });
          for (const item of r.body.items) f.bIds.add(item.id);
        }
        assert.ok(f.bIds.size >= 10, `ids of B: ${f.bIds.size}`);
      });
      after(() => ctx.close());

      const rows = parseMatrix(MATRIX);

      it('covers every endpoint of the table with a request', () => {
        const missing = [...new Set(rows.map((r) => r.endpoint))].filter((e) => !REQUESTS[e]);
        assert.deepEqual(missing, []);
      });

      for (const row of rows) {
        it(`${row.endpoint} on ${row.target === '-' ? 'no organisation' : `organisation ${row.target}`}`, async () => {
          const problems: string[] = [];
          for (const caller of CALLERS) {
            const req = await REQUESTS[row.endpoint](row.target, ++serial);
            const r = await ctx.call(req.method, `/api/v1${req.path}`, { ...credentials(caller), body: req.body });
            if (!row.expect[caller].includes(r.status))
              problems.push(`${caller}: ${r.status} (expected ${row.expect[caller].join(' or ')}) ${r.text.slice(0, 160)}`);
            if (r.status >= 500) problems.push(`${caller}: server error ${r.text.slice(0, 200)}`);
            if (caller !== 'national') {
              const sent = `${req.path} ${JSON.stringify(req.body ?? null)}`;
              const leaked = [...f.bIds].filter((id) => r.text.includes(id) && !sent.includes(id));
              if (leaked.length) problems.push(`${caller}: answer contains organisation B's ids ${leaked.join(', ')}`);
            }
            if (caller === 'national' && r.status === 201 && row.target === 'B' && r.body?.id) f.bIds.add(r.body.id);
          }
          assert.deepEqual(problems, [], `${row.endpoint} (${row.target}):\n${problems.join('\n')}`);
        });
      }

      it("lists only organisation A's items to A's callers, even when they ask for B's", async () => {
        for (const caller of ['desk', 'desk-bare', 'secret', 'coord'] as const) {
          for (const path of ['/locations', '/partners', '/courses', '/users', '/keys']) {
            const r = await ctx.call('GET', `/api/v1${path}?organisationId=${f.t.b.organisation.id}`, credentials(caller));
            if (r.status === 403) continue;
            assert.equal(r.status, 200, `${caller} ${path}`);
            assert.deepEqual(r.body.items, [], `${caller} ${path}`);
            const own = await ctx.call('GET', `/api/v1${path}`, credentials(caller));
            assert.ok(own.body.items.length > 0, `${caller} ${path} sees its own`);
            assert.ok(
              own.body.items.every((i: { organisationId: string }) => i.organisationId === f.t.a.organisation.id),
              `${caller} ${path}`,
            );
          }
        }
      });
    });
  }
});
