import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';

for (const backend of backends) {
  describe(`taxonomy and health on ${backend}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend);
    });
    after(() => ctx.close());

    it('answers /healthz when the database is reachable', async () => {
      const r = await ctx.call('GET', '/healthz');
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'ok');
      assert.equal(r.body.database, backend);
    });

    it('serves the 2024 value lists in Dutch by default, with topics that carry agencies and links', async () => {
      const r = await ctx.call('GET', '/api/v1/taxonomy');
      assert.equal(r.status, 200);
      assert.equal(r.body.version, '2024');
      const huur = r.body.topics.find((t: { code: string }) => t.code === 'huurtoeslag');
      assert.equal(huur.parent, 'toeslagen');
      assert.deepEqual(huur.agencies, ['dienst-toeslagen']);
      assert.ok(huur.links.length >= 1 && huur.links.every((l: { url: string }) => l.url.startsWith('https://')));
      assert.deepEqual(
        r.body.channels.map((c: { code: string }) => c.code),
        ['balie', 'spreekuur', 'telefoon', 'email-chat'],
      );
      assert.match(r.body.channels[0].label, /balie/i);
    });

    it('answers in English for lang=en and for Accept-Language: en', async () => {
      const q = await ctx.call('GET', '/api/v1/taxonomy?lang=en');
      const h = await ctx.call('GET', '/api/v1/taxonomy', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      assert.equal(q.body.durations[0].label, h.body.durations[0].label);
      assert.match(q.body.durations[0].label, /minutes/i);
    });

    it('serves an earlier version and lists versions with their mappings', async () => {
      const old = await ctx.call('GET', '/api/v1/taxonomy?version=2021');
      assert.equal(old.status, 200);
      assert.ok(old.body.topics.some((t: { code: string }) => t.code === 'toeslagen-huur'));
      const versions = await ctx.call('GET', '/api/v1/taxonomy/versions');
      const v2024 = versions.body.items.find((v: { version: string }) => v.version === '2024');
      assert.equal(v2024.current, true);
      assert.equal(v2024.mappings['toeslagen-huur'], 'huurtoeslag');
    });

    it('answers an unknown version with a 404 problem document and a bad query with 422', async () => {
      const r = await ctx.call('GET', '/api/v1/taxonomy?version=1999');
      assert.equal(r.status, 404);
      assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
      const bad = await ctx.call('GET', '/api/v1/taxonomy?colour=blue');
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].path, 'colour');
      assert.equal(bad.body.errors[0].code, 'unknown-field');
    });
  });
}
