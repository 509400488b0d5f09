/**
 * ETag and If-Match on one course (contract v3), as on a location: a stale If-Match on PATCH or
 * DELETE is 412 and changes nothing; of two PATCHes with the same ETag exactly one wins.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

for (const backend of backends) {
  describe(`course ETag and If-Match on ${backend}`, () => {
    let ctx: TestContext;
    let t: Awaited<ReturnType<typeof seedTenants>>;
    let id: string;
    const patch = (body: unknown, ifMatch?: string) =>
      ctx.call('PATCH', `/api/v1/courses/${id}`, { token: t.a.coordinator, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => new Date('2026-11-30T09:00:00Z') });
      t = await seedTenants(ctx);
      const r = await ctx.call('POST', '/api/v1/courses', {
        token: t.a.coordinator,
        body: { locationId: t.a.location.id, type: 'digisterker', startDate: '2026-11-02', sessions: 4, enrolled: 8 },
      });
      assert.equal(r.status, 201, r.text);
      assert.match(r.headers.get('etag')!, /^"[\w-]+"$/);
      id = r.body.id;
    });
    after(() => ctx.close());

    it('a stale If-Match: 412, nothing changed; the current one passes', async () => {
      const read = await ctx.call('GET', `/api/v1/courses/${id}`, { token: t.a.coordinator });
      const etag = read.headers.get('etag')!;
      const first = await patch({ completed: 7 }, etag);
      assert.equal(first.status, 200, first.text);
      assert.notEqual(first.headers.get('etag'), etag);
      const stale = await patch({ enrolled: 10 }, etag);
      assert.equal(stale.status, 412, stale.text);
      assert.equal(stale.body.type, 'https://ido-registratie.nl/problems/precondition-failed');
      assert.equal((await ctx.call('GET', `/api/v1/courses/${id}`, { token: t.a.coordinator })).body.enrolled, 8);
      // A stale If-Match is refused even when nothing would change.
      assert.equal((await patch({}, etag)).status, 412);
      assert.equal((await patch({ enrolled: 10 }, first.headers.get('etag')!)).status, 200);
    });

    it('two concurrent PATCHes with the same ETag: exactly one wins', async () => {
      const etag = (await ctx.call('GET', `/api/v1/courses/${id}`, { token: t.a.coordinator })).headers.get('etag')!;
      const results = await Promise.all([patch({ sessions: 5 }, etag), patch({ sessions: 6 }, etag)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
    });

    it('DELETE with a stale If-Match is 412 and the course stays; without it, 204', async () => {
      const etag = (await ctx.call('GET', `/api/v1/courses/${id}`, { token: t.a.coordinator })).headers.get('etag')!;
      assert.equal((await patch({ note: 'verplaatst' })).status, 200);
      assert.equal(
        (await ctx.call('DELETE', `/api/v1/courses/${id}`, { token: t.a.coordinator, headers: { 'if-match': etag } })).status,
        412,
      );
      assert.equal((await ctx.call('GET', `/api/v1/courses/${id}`, { token: t.a.coordinator })).status, 200);
      assert.equal((await ctx.call('DELETE', `/api/v1/courses/${id}`, { token: t.a.coordinator })).status, 204);
    });
  });
}
