import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { backends, createTestContext, seedTenants, visit, type CallResult, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const MiB = 1024 * 1024;

/** Every error is a problem document with type, title and status, in Dutch unless English is asked for. */
function assertProblem(r: CallResult, status: number, lang: 'nl' | 'en' = 'nl') {
  assert.equal(r.status, status, r.text.slice(0, 500));
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.body.status, status);
  assert.match(r.body.type, /^https:\/\//);
  assert.equal(typeof r.body.title, 'string');
  const dutch: Record<number, string> = {
    400: 'Het verzoek kan niet worden gelezen',
    401: 'Niet ingelogd of ongeldige sleutel',
    403: 'Dit mag niet met deze inlog of sleutel',
    404: 'Niet gevonden',
    413: 'Het verzoek is te groot',
    415: 'Verkeerd soort inhoud: stuur JSON',
    422: 'Niet alle gegevens kloppen',
  };
  const english: Record<number, string> = {
    400: 'The request cannot be read',
    401: 'Not logged in or invalid key',
    403: 'Not allowed with these credentials',
    404: 'Not found',
    413: 'The request is too large',
    415: 'Wrong content type: send JSON',
    422: 'Some fields are not valid',
  };
  assert.equal(r.body.title, (lang === 'nl' ? dutch : english)[status]);
}

for (const backend of backends) {
  describe(`registrations with malformed input on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let existing: string;
    const now = new Date('2026-11-28T11:00:00Z');
    const counts = async () => {
      const [row] = await ctx.rows<{ r: number; q: number; a: number }>(
        sql`select (select count(*)::int from registrations) as r, (select count(*)::int from questions) as q, (select count(*)::int from audit_log where entity = 'registration') as a`,
      );
      return { r: Number(row.r), q: Number(row.q), a: Number(row.a) };
    };
    let baseline: { r: number; q: number; a: number };

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      t = await seedTenants(ctx);
      const r = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: visit({ locationId: t.a.location.id }) });
      assert.equal(r.status, 201, r.text);
      existing = r.body.id;
      baseline = await counts();
    });
    after(async () => {
      // Nothing below may have stored, changed or deleted anything.
      assert.deepEqual(await counts(), baseline);
      const [row] = await ctx.rows<{ duration: string; deleted_at: unknown }>(
        sql`select duration, deleted_at from registrations where id = ${existing}`,
      );
      assert.equal(row.duration, '5-15');
      assert.equal(row.deleted_at, null);
      await ctx.close();
    });

    const json = { 'content-type': 'application/json' };
    const bodies = () => [
      { method: 'POST', path: '/api/v1/registrations', limit: MiB },
      { method: 'POST', path: '/api/v1/registrations/batch', limit: 5 * MiB },
      { method: 'PATCH', path: `/api/v1/registrations/${existing}`, limit: MiB },
    ];

    it('answers broken JSON with 400, another content type with 415, in Dutch and English', async () => {
      for (const { method, path } of bodies()) {
        assertProblem(await ctx.call(method, path, { token: t.a.coordinator, raw: '{"channel": "balie",', headers: json }), 400);
        assertProblem(await ctx.call(method, path, { token: t.a.coordinator, raw: '', headers: json }), 400);
        assertProblem(
          await ctx.call(method, path, {
            token: t.a.coordinator,
            raw: '{"channel": "balie",',
            headers: { ...json, 'accept-language': 'en' },
          }),
          400,
          'en',
        );
        assertProblem(
          await ctx.call(method, path, { token: t.a.coordinator, raw: JSON.stringify(visit()), headers: { 'content-type': 'text/plain' } }),
          415,
        );
        assertProblem(await ctx.call(method, path, { token: t.a.coordinator, raw: JSON.stringify(visit()) }), 415);
        assertProblem(
          await ctx.call(method, path, {
            token: t.a.coordinator,
            raw: 'channel=balie',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en-GB' },
          }),
          415,
          'en',
        );
      }
    });

    it('answers a body over the limit with 413 (1 MiB, 5 MiB for a batch), and takes a batch between the two', async () => {
      for (const { method, path, limit } of bodies()) {
        const raw = JSON.stringify({ ...visit(), note: 'x'.repeat(limit) });
        assertProblem(await ctx.call(method, path, { token: t.a.coordinator, raw, headers: json }), 413);
      }
      // 1.5 MiB: too much for one visit, fine for a batch (its items are each too long, so invalid).
      const items = Array.from({ length: 15 }, () => ({ ...visit({ locationId: t.a.location.id }), note: 'x'.repeat(100_000) }));
      const r = await ctx.call('POST', '/api/v1/registrations/batch', { token: t.a.coordinator, body: { registrations: items } });
      assert.equal(r.status, 200, r.text.slice(0, 300));
      assert.ok(
        r.body.results.every(
          (x: { status: string; errors: { path: string; code: string }[] }) =>
            x.status === 'invalid' && x.errors[0].path === 'note' && x.errors[0].code === 'too-long',
        ),
      );
    });

    it('answers wrong types, missing and unknown fields with 422 listing each field', async () => {
      const wrong = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: {
          locationId: 12,
          channel: ['balie'],
          duration: null,
          occurredAt: 'gisteren',
          questions: [{ type: 'overig', topic: 'overig', agencies: 'uwv', referral: {} }],
          note: 5,
        },
      });
      assertProblem(wrong, 422);
      assert.deepEqual(wrong.body.errors.map((e: { path: string }) => e.path).sort(), [
        'channel',
        'duration',
        'locationId',
        'note',
        'occurredAt',
        'questions.0.agencies',
        'questions.0.referral',
      ]);
      assert.equal(wrong.body.errors.find((e: { path: string }) => e.path === 'occurredAt').code, 'invalid-format');
      assert.equal(wrong.body.errors.find((e: { path: string }) => e.path === 'questions.0.referral').code, 'referral-target');
      assert.ok(wrong.body.errors.every((e: { message: string }) => e.message.length > 0));

      const unknown = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        headers: { 'accept-language': 'en' },
        body: { ...visit({ locationId: t.a.location.id }), organisationId: t.b.organisation.id, colour: 'blue' },
      });
      assertProblem(unknown, 422, 'en');
      assert.deepEqual(unknown.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(), [
        'colour:unknown-field',
        'organisationId:unknown-field',
      ]);
      assert.equal(unknown.body.errors[0].message, 'This field does not exist.');

      const nested = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({ locationId: t.a.location.id, questions: [{ type: 'overig', topic: 'overig', colour: 'blue' }] }),
      });
      assertProblem(nested, 422);
      assert.deepEqual(
        nested.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
        ['questions.0.colour:unknown-field'],
      );

      for (const occurredAt of ['0000-01-01T00:00:00Z', '0026-11-28T10:00:00+01:00', '1999-12-31T22:59:59Z']) {
        const r = await ctx.call('POST', '/api/v1/registrations', {
          token: t.a.coordinator,
          body: visit({ locationId: t.a.location.id, occurredAt }),
        });
        assertProblem(r, 422);
        assert.deepEqual(
          r.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
          ['occurredAt:too-small'],
          occurredAt,
        );
        assertProblem(await ctx.call('PATCH', `/api/v1/registrations/${existing}`, { token: t.a.coordinator, body: { occurredAt } }), 422);
      }
      for (const note of ['nul\u0000byte', 'bel\u0007', 'half \ud800 teken']) {
        const r = await ctx.call('POST', '/api/v1/registrations', {
          token: t.a.coordinator,
          body: visit({ locationId: t.a.location.id, note }),
        });
        assertProblem(r, 422);
        assert.deepEqual(
          r.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
          ['note:invalid-character'],
        );
        assertProblem(await ctx.call('PATCH', `/api/v1/registrations/${existing}`, { token: t.a.coordinator, body: { note } }), 422);
        const batch = await ctx.call('POST', '/api/v1/registrations/batch', {
          token: t.a.coordinator,
          body: { registrations: [visit({ locationId: t.a.location.id, note })] },
        });
        assert.equal(batch.body.results[0].status, 'invalid');
      }
      for (const body of [
        null,
        [],
        'balie',
        42,
        {},
        { ...visit(), questions: [] },
        { ...visit(), note: 'x'.repeat(501) },
        { ...visit(), id: 'abc' },
        { ...visit(), id: "'; drop table registrations; --" },
      ]) {
        assertProblem(await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body }), 422);
      }
      const patch = await ctx.call('PATCH', `/api/v1/registrations/${existing}`, {
        token: t.a.coordinator,
        body: { id: existing, duration: 15, questions: [] },
      });
      assertProblem(patch, 422);
      assert.deepEqual(patch.body.errors.map((e: { path: string }) => e.path).sort(), ['duration', 'id', 'questions']);
      assert.equal(patch.body.errors.find((e: { path: string }) => e.path === 'id').code, 'unknown-field');
      assert.equal(patch.body.errors.find((e: { path: string }) => e.path === 'questions').code, 'too-short');
      assertProblem(
        await ctx.call('PATCH', `/api/v1/registrations/${existing}`, { token: t.a.coordinator, body: { occurredAt: '2026-11-28 10:00' } }),
        422,
      );
      const batch = await ctx.call('POST', '/api/v1/registrations/batch', {
        token: t.a.coordinator,
        body: { registrations: [visit()], extra: true },
      });
      assertProblem(batch, 422);
      assert.equal(batch.body.errors[0].code, 'unknown-field');
      assertProblem(
        await ctx.call('POST', '/api/v1/registrations/batch', { token: t.a.coordinator, body: { registrations: 'alles' } }),
        422,
      );
    });

    // Fails until server/http/validate.ts parses with `{ reportInput: true }`: zod 4 leaves `input`
    // out of its issues by default, so every wrong type is reported as `required`.
    it('names a wrong type invalid-type and a missing field required', async () => {
      const r = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: { locationId: 12, channel: ['balie'], duration: null, questions: [{ type: 'overig', agencies: 'uwv' }] },
      });
      assertProblem(r, 422);
      assert.deepEqual(r.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(), [
        'channel:invalid-type',
        'duration:invalid-type',
        'locationId:invalid-type',
        'questions.0.agencies:invalid-type',
        'questions.0.topic:required',
      ]);
      assert.equal(r.body.errors.find((e: { path: string }) => e.path === 'channel').message, 'Verkeerd soort waarde: verwacht string.');
    });

    it('answers a path id that is not a uuid with 404, on every method, never a 5xx', async () => {
      const ids = [
        'abc',
        '123',
        'null',
        `${existing}x`,
        existing.slice(0, -1),
        "'%20or%201=1--",
        '%E2%82%AC',
        'x'.repeat(2000),
        `${existing.replace(/-/g, '')}z`,
      ];
      for (const id of ids) {
        assertProblem(await ctx.call('GET', `/api/v1/registrations/${id}`, { token: t.a.coordinator }), 404);
        assertProblem(
          await ctx.call('GET', `/api/v1/registrations/${id}`, { token: t.a.coordinator, headers: { 'accept-language': 'en' } }),
          404,
          'en',
        );
        assertProblem(await ctx.call('PATCH', `/api/v1/registrations/${id}`, { token: t.a.coordinator, body: { duration: '0-5' } }), 404);
        assertProblem(await ctx.call('PATCH', `/api/v1/registrations/${id}`, { token: t.a.coordinator, raw: 'kapot', headers: json }), 404);
        assertProblem(await ctx.call('DELETE', `/api/v1/registrations/${id}`, { token: t.a.coordinator }), 404);
        assertProblem(await ctx.call('GET', `/api/v1/registrations/${id}/audit`, { token: t.a.coordinator }), 404);
        assertProblem(
          await ctx.call('GET', `/api/v1/registrations/${id}`, { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } }),
          404,
        );
      }
    });

    it('answers an unreadable or invalid query with 400 or 422', async () => {
      const get = (qs: string, headers: Record<string, string> = {}) =>
        ctx.call('GET', `/api/v1/registrations?${qs}`, { token: t.a.coordinator, headers });
      for (const qs of [
        'limit=abc',
        'limit=0',
        'limit=501',
        'limit=2.5',
        'from=2026-13-45',
        'to=gisteren',
        'from=2026-02-30',
        'colour=blue',
        'topic=Huur%20Toeslag',
        'from=2026-12-01&to=2026-11-01',
      ]) {
        const r = await get(qs);
        assertProblem(r, 422);
        assert.ok(r.body.errors.length >= 1, qs);
      }
      assertProblem(await get('limit=abc', { 'accept-language': 'en' }), 422, 'en');
      for (const qs of [
        'cursor=%%%',
        'cursor=bm90LWEtY3Vyc29y',
        'cursor=' + Buffer.from('2026-11-28T10:00:00.000Z|abc').toString('base64url'),
        'cursor=' + Buffer.from(`gisteren|${existing}`).toString('base64url'),
        'limit=5&limit=6',
      ]) {
        assertProblem(await get(qs), 400);
      }
      assertProblem(await get('cursor=abc', { 'accept-language': 'en' }), 400, 'en');
      for (const qs of ['from=0000-01-01', 'to=9999-12-31', 'from=0001-01-01&to=9999-12-31']) {
        const r = await get(qs);
        assert.equal(r.status, 200, `${qs}: ${r.text}`);
      }
      // Ids that cannot exist in a filter find nothing; they do not fail.
      const r = await get('locationId=niet-een-id');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { items: [], nextCursor: null });
    });

    it('answers missing or wrong credentials with 401, and a desk key from another origin with 403', async () => {
      const calls: [string, string, unknown?][] = [
        ['GET', '/api/v1/registrations'],
        ['POST', '/api/v1/registrations', visit()],
        ['POST', '/api/v1/registrations/batch', { registrations: [visit()] }],
        ['GET', `/api/v1/registrations/${existing}`],
        ['PATCH', `/api/v1/registrations/${existing}`, { duration: '0-5' }],
        ['DELETE', `/api/v1/registrations/${existing}`],
        ['GET', `/api/v1/registrations/${existing}/audit`],
      ];
      for (const [method, path, body] of calls) {
        assertProblem(await ctx.call(method, path, { body }), 401);
        assertProblem(await ctx.call(method, path, { body, token: 'ido_dk_bestaatniet' }), 401);
        assertProblem(await ctx.call(method, path, { body, token: t.a.deskKey, headers: { origin: 'https://kwaad.example' } }), 403);
      }
    });
  });
}
