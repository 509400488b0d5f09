/**
 * Malformed input on every endpoint that takes a body or a query: broken JSON, another content
 * type, bodies over the limit, wrong types, unknown fields, unreadable queries. Each must answer
 * the contract's 4xx problem document (never a 5xx), and nothing stored before may change.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const TABLES = [
  'organisations',
  'users',
  'sessions',
  'api_keys',
  'locations',
  'partners',
  'courses',
  'registrations',
  'questions',
  'audit_log',
];

/** Every row of every tenant table, as text: "nothing changed" means this is identical afterwards. */
async function snapshot(ctx: TestContext): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await ctx.rows<{ t: string }>(
      sql.raw(`select coalesce(string_agg(x::text, '|' order by x::text), '') as t from ${table} x`),
    );
    parts.push(`${table}:${rows[0].t}`);
  }
  return parts.join('\n');
}

interface Endpoint {
  method: string;
  path: (t: Tenants) => string;
  limit?: number;
  valid: (t: Tenants) => Record<string, unknown>;
}

/** The JSON endpoints with a body, each with a valid body to break in different ways. */
const BODY_ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: () => '/api/v1/auth/login', valid: () => ({ email: 'a@b.nl', password: 'x' }) },
  { method: 'POST', path: () => '/api/v1/registrations', valid: (t) => visit({ locationId: t.a.location.id }) },
  {
    method: 'POST',
    path: () => '/api/v1/registrations/batch',
    limit: 5,
    valid: (t) => ({ registrations: [visit({ locationId: t.a.location.id })] }),
  },
  { method: 'PATCH', path: (t) => `/api/v1/locations/${t.a.location.id}`, valid: () => ({ name: 'Nieuw' }) },
  {
    method: 'POST',
    path: () => '/api/v1/locations',
    valid: (t) => ({
      name: 'X',
      organisationId: t.a.organisation.id,
      address: { street: 'Neude 11', postcode: '3512 AE', city: 'Utrecht' },
      coordinates: { lat: 52, lon: 5 },
    }),
  },
  {
    method: 'POST',
    path: () => '/api/v1/partners',
    valid: (t) => ({ name: 'X', kind: 'welzijn', topics: ['huur'], organisationId: t.a.organisation.id }),
  },
  { method: 'PATCH', path: (t) => `/api/v1/partners/${t.a.partner.id}`, valid: () => ({ name: 'Y' }) },
  {
    method: 'POST',
    path: () => '/api/v1/courses',
    valid: (t) => ({ locationId: t.a.location.id, type: 'digisterker', startDate: '2026-01-05', sessions: 4, enrolled: 8 }),
  },
  { method: 'POST', path: () => '/api/v1/organisations', valid: () => ({ name: 'Bibliotheek Nergens' }) },
  { method: 'PATCH', path: (t) => `/api/v1/organisations/${t.a.organisation.id}`, valid: () => ({ name: 'Bibliotheek Ergens' }) },
  {
    method: 'POST',
    path: () => '/api/v1/users',
    valid: (t) => ({ email: 'nieuw@ido.test', password: 'een lang wachtwoord', role: 'coordinator', organisationId: t.a.organisation.id }),
  },
  { method: 'POST', path: () => '/api/v1/keys', valid: (t) => ({ kind: 'secret', organisationId: t.a.organisation.id }) },
];

/** List endpoints with query strings that cannot be read or break the rules. */
const BAD_QUERIES = [
  '/api/v1/registrations?limit=abc',
  '/api/v1/registrations?from=2026-13-45',
  '/api/v1/registrations?cursor=%%%',
  '/api/v1/registrations?colour=blue',
  '/api/v1/locations?limit=-1&x=1',
  '/api/v1/reports/summary?groupBy=shoe-size',
  '/api/v1/reports/summary?from=2026-02-30',
  '/api/v1/reports/courses?groupBy=colour',
  '/api/v1/public/locations?near=north-pole',
  '/api/v1/public/locations?postcode=3511AB&near=52,5',
  '/api/v1/public/stats?groupBy=shoe-size',
  '/api/v1/taxonomy?version=' + 'x'.repeat(50),
];

function assertProblem(r: { status: number; headers: Headers; body: any; text: string }, allowed: number[], what: string) {
  assert.ok(allowed.includes(r.status), `${what}: expected ${allowed.join('/')}, got ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/, `${what}: content type`);
  assert.equal(r.body.status, r.status, `${what}: status in body`);
  assert.ok(r.body.title && r.body.type, `${what}: type and title`);
}

for (const backend of backends) {
  describe(`malformed input on every endpoint, on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let before_: string;
    before(async () => {
      // Login attempts are rate limited; this test is about their bodies, not their number.
      ctx = await createTestContext(backend, { config: { loginRateLimit: 10_000 } });
      t = await seedTenants(ctx);
      before_ = await snapshot(ctx);
    });
    after(() => ctx.close());

    it('answers broken JSON with 400, another content type with 415 and an oversized body with 413', async () => {
      for (const e of BODY_ENDPOINTS) {
        const what = `${e.method} ${e.path(t)}`;
        const path = e.path(t);
        assertProblem(
          await ctx.call(e.method, path, { token: t.national, raw: '{"name": ', headers: { 'content-type': 'application/json' } }),
          [400],
          `${what} broken JSON`,
        );
        assertProblem(
          await ctx.call(e.method, path, { token: t.national, raw: JSON.stringify(e.valid(t)), headers: { 'content-type': 'text/plain' } }),
          [415],
          `${what} text/plain`,
        );
        const big = JSON.stringify({ ...e.valid(t), padding: 'x'.repeat((e.limit ?? 1) * 1024 * 1024) });
        assertProblem(
          await ctx.call(e.method, path, { token: t.national, raw: big, headers: { 'content-type': 'application/json' } }),
          [413],
          `${what} oversized`,
        );
      }
    });

    it('answers wrong types and unknown fields with 422 naming the field', async () => {
      for (const e of BODY_ENDPOINTS) {
        const what = `${e.method} ${e.path(t)}`;
        const path = e.path(t);
        for (const body of [[], 'tekst', 42, null]) {
          assertProblem(await ctx.call(e.method, path, { token: t.national, body }), [422], `${what} body ${JSON.stringify(body)}`);
        }
        const unknown = await ctx.call(e.method, path, { token: t.national, body: { ...e.valid(t), favouriteColour: 'blauw' } });
        assertProblem(unknown, [422], `${what} unknown field`);
        assert.ok(
          unknown.body.errors.some((x: { path: string; code: string }) => x.path.endsWith('favouriteColour') && x.code === 'unknown-field'),
          `${what}: names the unknown field`,
        );
        const wrongTypes = Object.fromEntries(Object.keys(e.valid(t)).map((k) => [k, { nested: [1, 2] }]));
        const typed = await ctx.call(e.method, path, { token: t.national, body: wrongTypes });
        assertProblem(typed, [422], `${what} wrong types`);
        assert.ok(typed.body.errors.length >= 1, `${what}: lists the broken fields`);
      }
    });

    it('answers unreadable or invalid queries with 400 or 422, in English when asked', async () => {
      for (const path of BAD_QUERIES) {
        const r = await ctx.call('GET', path, { token: t.national, headers: { 'accept-language': 'en' } });
        assertProblem(r, [400, 422], `GET ${path}`);
        assert.doesNotMatch(r.body.title, /\b(het|de|een)\b/i, `GET ${path}: English title`);
      }
    });

    it('answers paths with ids that are not ids with 404, never a 5xx', async () => {
      for (const resource of ['registrations', 'locations', 'partners', 'courses', 'organisations']) {
        for (const id of ["1'; drop table users;--", '00000000-0000-0000-0000-000000000000', 'x'.repeat(300)]) {
          const r = await ctx.call('GET', `/api/v1/${resource}/${encodeURIComponent(id)}`, { token: t.national });
          assertProblem(r, [404], `GET /${resource}/${id.slice(0, 20)}`);
        }
      }
    });

    it('changed nothing that was stored before', async () => {
      assert.equal(await snapshot(ctx), before_);
    });
  });
}
