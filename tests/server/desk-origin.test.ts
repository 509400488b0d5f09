/** Desk keys and the browser's origin: listed origins only, including same-origin GETs that carry no Origin header. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

for (const backend of backends) {
  describe(`desk key origins on ${backend}`, () => {
    let ctx: TestContext;
    let deskKey: string;
    before(async () => {
      ctx = await createTestContext(backend);
      const t = await seedTenants(ctx);
      // app.request() answers as http://localhost: a key bound to that origin is the demo's case.
      const r = await ctx.call('POST', '/api/v1/keys', {
        token: t.a.coordinator,
        body: { kind: 'desk', locationId: t.a.location.id, origins: ['http://localhost'] },
      });
      assert.equal(r.status, 201);
      deskKey = r.body.key;
    });
    after(() => ctx.close());

    it('accepts a same-origin GET without Origin from the server’s own origin', async () => {
      const r = await ctx.call('GET', '/api/v1/locations', { token: deskKey, headers: { 'sec-fetch-site': 'same-origin' } });
      assert.equal(r.status, 200);
    });

    it('accepts the key from its listed origin and refuses it from another', async () => {
      assert.equal((await ctx.call('GET', '/api/v1/locations', { token: deskKey, headers: { origin: 'http://localhost' } })).status, 200);
      const other = await ctx.call('GET', '/api/v1/locations', { token: deskKey, headers: { origin: 'https://elders.test' } });
      assert.equal(other.status, 403);
      assert.match(other.body.detail, /baliesleutel/);
    });

    it('refuses a cross-site request without Origin, and one that claims nothing', async () => {
      assert.equal(
        (await ctx.call('GET', '/api/v1/locations', { token: deskKey, headers: { 'sec-fetch-site': 'cross-site' } })).status,
        403,
      );
      assert.equal((await ctx.call('GET', '/api/v1/locations', { token: deskKey })).status, 403);
    });
  });
}
