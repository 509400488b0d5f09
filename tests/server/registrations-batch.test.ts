import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

async function count(ctx: TestContext, table: 'registrations' | 'questions', where = sql`true`): Promise<number> {
  const [row] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return Number(row.n);
}

for (const backend of backends) {
  describe(`registrations batch on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    const now = new Date('2026-11-28T11:00:00Z');
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('answers each item in order: created, duplicate, conflict, invalid; one bad item fails no other', async () => {
      const stored = randomUUID();
      const storedBody = visit({ id: stored, locationId: t.a.location.id });
      assert.equal((await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: storedBody })).status, 201);
      const conflicting = randomUUID();
      assert.equal(
        (
          await ctx.call('POST', '/api/v1/registrations', {
            token: t.a.coordinator,
            body: visit({ id: conflicting, locationId: t.a.location.id }),
          })
        ).status,
        201,
      );
      const before = await count(ctx, 'registrations');

      const twice = randomUUID();
      const fresh = randomUUID();
      const items = [
        visit({ id: fresh, locationId: t.a.location.id, occurredAt: '2026-11-27T16:00:00+01:00' }), // created
        visit({ id: twice, locationId: t.a.location2.id }), // created
        visit({ id: twice, locationId: t.a.location2.id }), // duplicate within the batch
        storedBody, // duplicate of a stored one
        visit({ id: conflicting, locationId: t.a.location.id, duration: '60+' }), // conflict
        visit({ id: randomUUID(), locationId: t.a.location.id, channel: 'postduif' }), // invalid: unknown code
        { id: 'niet-een-uuid', channel: 5 }, // invalid: schema
        'geen object', // invalid: not even an object
        visit({ locationId: t.a.location.id, note: 'BSN 111222333' }), // invalid: personal data
        visit({ locationId: t.b.location.id }), // invalid: another organisation's location
        visit({
          locationId: t.a.location.id,
          questions: [
            { type: 'overig', topic: 'overig' },
            { type: 'overig', topic: 'huur' },
          ],
        }), // created, server id
      ];
      const r = await ctx.call('POST', '/api/v1/registrations/batch', { token: t.a.coordinator, body: { registrations: items } });
      assert.equal(r.status, 200, r.text);
      const results = r.body.results as { id: string | null; status: string; errors?: { path: string; code: string; message: string }[] }[];
      assert.deepEqual(
        results.map((x) => x.status),
        ['created', 'created', 'duplicate', 'duplicate', 'conflict', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'created'],
      );
      assert.deepEqual(
        results.slice(0, 5).map((x) => x.id),
        [fresh, twice, twice, stored, conflicting],
      );
      assert.equal(results[6].id, 'niet-een-uuid');
      assert.equal(results[7].id, null);
      assert.match(results[10].id!, /^[0-9a-f-]{36}$/);
      assert.ok(results.filter((x) => x.status !== 'invalid').every((x) => x.errors === undefined));

      assert.deepEqual(results[5].errors, [
        { path: 'channel', code: 'unknown-code', message: 'Onbekende code "postduif" in de lijst channels.' },
      ]);
      assert.deepEqual(results[6].errors!.map((e) => e.path).sort(), ['channel', 'duration', 'id', 'questions']);
      assert.deepEqual(
        results[6]
          .errors!.filter((e) => e.path !== 'channel')
          .map((e) => `${e.path}:${e.code}`)
          .sort(),
        ['duration:required', 'id:invalid-format', 'questions:required'],
      );
      assert.ok(results[6].errors!.every((e) => e.message.length > 0));
      assert.equal(results[8].errors![0].code, 'personal-data');
      assert.match(results[8].errors![0].message, /BSN/);
      assert.deepEqual(
        results[9].errors!.map((e) => `${e.path}:${e.code}`),
        ['locationId:unknown-id'],
      );

      assert.equal(await count(ctx, 'registrations'), before + 3);
      assert.equal(await count(ctx, 'registrations', sql`id in (${fresh}, ${twice}, ${results[10].id})`), 3);
      assert.equal(await count(ctx, 'questions', sql`registration_id = ${results[10].id}`), 2);
      const [row] = await ctx.rows<{ duration: string }>(sql`select duration from registrations where id = ${conflicting}`);
      assert.equal(row.duration, '5-15');

      // The whole batch again: nothing new, everything that was stored is a duplicate.
      const replay = await ctx.call('POST', '/api/v1/registrations/batch', {
        token: t.a.coordinator,
        body: { registrations: items.slice(0, 5) },
      });
      assert.deepEqual(
        replay.body.results.map((x: { status: string }) => x.status),
        ['duplicate', 'duplicate', 'duplicate', 'duplicate', 'conflict'],
      );
      assert.equal(await count(ctx, 'registrations'), before + 3);
    });

    it("renders item errors in English for Accept-Language: en, and takes a desk key's offline queue", async () => {
      const r = await ctx.call('POST', '/api/v1/registrations/batch', {
        token: t.a.deskKey,
        headers: { origin: t.a.deskOrigin, 'accept-language': 'en' },
        body: {
          registrations: [
            visit({ occurredAt: '2026-11-28T08:00:00Z' }),
            visit({ occurredAt: '2026-12-28T08:00:00Z' }),
            visit({ locationId: t.a.location2.id }),
          ],
        },
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        r.body.results.map((x: { status: string }) => x.status),
        ['created', 'invalid', 'invalid'],
      );
      assert.deepEqual(r.body.results[1].errors, [{ path: 'occurredAt', code: 'future', message: 'This time is in the future.' }]);
      assert.equal(r.body.results[2].errors[0].code, 'unknown-id');
      const [row] = await ctx.rows<{ location_id: string; created_by: string }>(
        sql`select location_id, created_by from registrations where id = ${r.body.results[0].id}`,
      );
      assert.equal(row.location_id, t.a.location.id);
      assert.equal(row.created_by, `key:${t.a.deskKeyId}`);
    });

    it('refuses an empty batch and one of 501 as a whole, storing nothing', async () => {
      const before = await count(ctx, 'registrations');
      const empty = await ctx.call('POST', '/api/v1/registrations/batch', { token: t.a.coordinator, body: { registrations: [] } });
      assert.equal(empty.status, 422);
      assert.equal(empty.body.errors[0].path, 'registrations');
      const big = await ctx.call('POST', '/api/v1/registrations/batch', {
        token: t.a.coordinator,
        body: { registrations: Array.from({ length: 501 }, () => visit({ locationId: t.a.location.id })) },
      });
      assert.equal(big.status, 422);
      assert.equal(big.body.errors[0].path, 'registrations');
      assert.equal(big.body.errors[0].code, 'too-long');
      const missing = await ctx.call('POST', '/api/v1/registrations/batch', {
        token: t.a.coordinator,
        body: [visit({ locationId: t.a.location.id })],
      });
      assert.equal(missing.status, 422);
      assert.equal((await ctx.call('POST', '/api/v1/registrations/batch', { body: { registrations: [visit()] } })).status, 401);
      assert.equal(await count(ctx, 'registrations'), before);
    });

    it('stores a full batch of 500 (how fast: tests/bench/write-path.ts)', async () => {
      const items = Array.from({ length: 500 }, (_, i) =>
        visit({
          id: randomUUID(),
          locationId: i % 2 ? t.b.location.id : t.b.location2.id,
          occurredAt: new Date(now.getTime() - i * 60_000).toISOString(),
          questions: [
            { type: 'digitale-overheid', topic: 'huurtoeslag', referral: { partnerId: t.b.partner.id } },
            { type: 'overig', topic: 'overig' },
          ],
        }),
      );
      const r = await ctx.call('POST', '/api/v1/registrations/batch', { token: t.b.secretKey, body: { registrations: items } });
      assert.equal(r.status, 200, r.text.slice(0, 500));
      assert.ok(r.body.results.every((x: { status: string }) => x.status === 'created'));
      assert.equal(await count(ctx, 'registrations', sql`organisation_id = ${t.b.organisation.id}`), 500);
      assert.equal(
        await count(
          ctx,
          'questions',
          sql`registration_id in (select id from registrations where organisation_id = ${t.b.organisation.id})`,
        ),
        1000,
      );
    });
  });
}
