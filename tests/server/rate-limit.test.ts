import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { createApp } from '../../server/app.js';
import type { RateLimiter } from '../../server/http/rate-limit.js';
import { redisRateLimiter } from '../../server/http/rate-limit-redis.js';
import { parseTrustProxy } from '../../server/http/client-address.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether something listens where Redis should be (so the suite can skip cleanly without one). */
async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const redisUp = await reachable(REDIS_URL);

for (const backend of backends) {
  describe(`public rate limit on ${backend}`, () => {
    let ctx: TestContext;
    // In-process requests have no socket: one trusted hop makes X-Forwarded-For name the client
    // (rate-limit-proxy.test.ts tests every IDO_TRUST_PROXY mode).
    before(async () => {
      ctx = await createTestContext(backend, { config: { publicRateLimit: 3, trustProxy: parseTrustProxy('1') } });
    });
    after(() => ctx.close());

    it('answers the 4th request in a minute with 429, Retry-After and a problem document', async () => {
      const path = '/api/v1/public/locations?near=52.09,5.12';
      const headers = { 'x-forwarded-for': '198.51.100.7' };
      for (let i = 1; i <= 3; i++) {
        const r = await ctx.call('GET', path, { headers });
        assert.equal(r.status, 200, `request ${i}`);
        assert.equal(r.headers.get('ratelimit-limit'), '3');
        assert.equal(r.headers.get('ratelimit-remaining'), String(3 - i));
      }
      const r = await ctx.call('GET', path, { headers });
      assert.equal(r.status, 429);
      const retryAfter = Number(r.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(r.body.type, 'https://ido-registratie.nl/problems/rate-limited');
      assert.equal(r.body.status, 429);
      assert.match(r.body.title, /Te veel verzoeken/);
      const en = await ctx.call('GET', path, { headers: { ...headers, 'accept-language': 'en' } });
      assert.equal(en.status, 429);
      assert.match(en.body.title, /Too many requests/);
      // Every public path shares the client's budget; another client has its own.
      assert.equal((await ctx.call('GET', '/api/v1/public/locations/nope', { headers })).status, 429);
      assert.equal((await ctx.call('GET', path, { headers: { 'x-forwarded-for': '198.51.100.8' } })).status, 200);
    });
  });
}

describe('rate limit shared through Redis', () => {
  before(() => assert.ok(redisUp, `Redis must run at ${REDIS_URL} (.ci/run starts it)`));
  const run = `test-${randomUUID()}`;
  const limiters: RateLimiter[] = [];
  const limiter = () => {
    const l = redisRateLimiter(REDIS_URL);
    limiters.push(l);
    return l;
  };
  after(async () => {
    for (const l of limiters) await l.close?.();
  });

  it('counts hits from two limiter instances together', async () => {
    const a = limiter();
    const b = limiter();
    const key = `${run}:direct`;
    const results = [await a.hit(key, 3, 60), await b.hit(key, 3, 60), await a.hit(key, 3, 60), await b.hit(key, 3, 60)];
    assert.deepEqual(
      results.map((r) => r.allowed),
      [true, true, true, false],
    );
    assert.deepEqual(
      results.map((r) => r.remaining),
      [2, 1, 0, 0],
    );
    assert.ok(results[3].retryAfterSeconds >= 1 && results[3].retryAfterSeconds <= 60);
    const other = await a.hit(`${run}:other`, 3, 60);
    assert.equal(other.allowed, true);
  });

  it('starts a new window when the old one expires', async () => {
    const a = limiter();
    const b = limiter();
    const key = `${run}:window`;
    assert.equal((await a.hit(key, 1, 1)).allowed, true);
    assert.equal((await b.hit(key, 1, 1)).allowed, false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await b.hit(key, 1, 1)).allowed, true);
  });

  for (const backend of backends) {
    it(`limits a client across two servers on ${backend}`, async () => {
      const ctx = await createTestContext(backend, { config: { publicRateLimit: 3, trustProxy: parseTrustProxy('1') } });
      try {
        const serverA = createApp({ ...ctx.deps, rateLimiter: limiter() });
        const serverB = createApp({ ...ctx.deps, rateLimiter: limiter() });
        // A client address of its own per run, so that runs never share counts in Redis.
        const headers = {
          'x-forwarded-for': `2001:db8:${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}::${backend === 'pglite' ? 1 : 2}`,
        };
        const get = (app: typeof serverA) => app.request('/api/v1/public/locations?near=52.09,5.12', { headers });
        const statuses = [];
        for (const app of [serverA, serverB, serverA, serverB]) statuses.push((await get(app)).status);
        assert.deepEqual(statuses, [200, 200, 200, 429]);
        const last = await get(serverA);
        assert.equal(last.status, 429);
        assert.ok(Number(last.headers.get('retry-after')) >= 1);
      } finally {
        await ctx.close();
      }
    });
  }
});
