/**
 * Group commit (`IDO_GROUP_COMMIT=on`): the single creates of concurrent requests are stored by one
 * statement, and each request is still answered as if it were alone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

for (const backend of backends) {
  describe(`group commit on ${backend}`, () => {
    let ctx: TestContext;
    let t: Awaited<ReturnType<typeof seedTenants>>;
    before(async () => {
      ctx = await createTestContext(backend, { config: { groupCommit: true }, clock: () => new Date('2026-12-15T12:00:00Z') });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('stores concurrent single creates together, each answered as if alone', async () => {
      const topics = ['huurtoeslag', 'zorgtoeslag', 'aow-pensioen', 'digid-aanvragen'];
      const bodies = Array.from({ length: 40 }, (_, i) => ({
        id: randomUUID(),
        ...visit({
          locationId: i % 2 ? t.a.location.id : t.a.location2.id,
          questions: [{ type: 'digitale-overheid', topic: topics[i % 4], agencies: [], help: [] }],
        }),
      }));
      const replayed = bodies.slice(0, 5);
      const clashing = bodies.slice(5, 8).map((b) => ({ ...b, duration: '60+' })); // the same id, other content
      const invalid = {
        ...visit({ locationId: t.a.location.id }),
        questions: [{ type: 'digitale-overheid', topic: 'geen-onderwerp', agencies: [], help: [] }],
      };
      const post = (body: unknown) => ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body });
      const answers = await Promise.all([...bodies, ...replayed, ...clashing, invalid].map(post));
      const [created, replays, clashes, [refused]] = [
        answers.slice(0, 40),
        answers.slice(40, 45),
        answers.slice(45, 48),
        answers.slice(48),
      ];

      // Each new visit once; a replay of one is a 201 or a 200 (whichever came second), both with the stored visit.
      // Visits 5–7 share their id with a clashing body: whichever of the two came first is stored (checked below).
      for (const [i, r] of [...created, ...replays].entries()) {
        if (i >= 5 && i < 8) continue;
        const body = bodies[i % 40];
        assert.ok(r.status === 201 || r.status === 200, `${i}: ${r.status} ${r.text}`);
        assert.equal(r.body.id, body.id);
        assert.equal(r.body.questions[0].topic, body.questions[0].topic);
      }
      for (let i = 0; i < 5; i++) assert.deepEqual([created[i].status, replays[i].status].sort(), [200, 201], `replay ${i}`);
      // Other content under a taken id: whichever came second is a 409, and the stored visit is the first's.
      for (let i = 0; i < 3; i++) {
        const pair = [created[5 + i], clashes[i]];
        assert.deepEqual(pair.map((r) => r.status).sort(), [201, 409], `clash ${i}: ${pair.map((r) => r.text)}`);
        const stored = await ctx.call('GET', `/api/v1/registrations/${bodies[5 + i].id}`, { token: t.a.coordinator });
        assert.equal(stored.body.duration, pair.find((r) => r.status === 201)!.body.duration);
      }
      assert.equal(refused.status, 422, refused.text);

      const ids = sql.raw(`'{${bodies.map((b) => b.id).join(',')}}'::uuid[]`);
      const [stored] = await ctx.rows<{ visits: number; questions: number; audits: number; statements: number }>(sql`
        select (select count(*)::int from registrations where id = any(${ids})) as visits,
               (select count(*)::int from questions where registration_id = any(${ids})) as questions,
               (select count(*)::int from audit_log where entity = 'registration' and entity_id::uuid = any(${ids})) as audits,
               (select count(distinct xmin::text)::int from registrations where id = any(${ids})) as statements`);
      assert.deepEqual([stored.visits, stored.questions, stored.audits], [40, 40, 40]);
      // Rows written by one statement share its transaction id: fewer than one per visit means they were grouped.
      assert.ok(stored.statements < 40, `${stored.statements} transactions for 40 visits`);
      const summary = await ctx.call('GET', `/api/v1/reports/summary?organisationId=${t.a.organisation.id}`, { token: t.a.coordinator });
      assert.equal(summary.body.visits, 40);
    });
  });
}
