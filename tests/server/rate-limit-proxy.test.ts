// The login and public limits in every IDO_TRUST_PROXY mode: a forged X-Forwarded-For never buys a
// fresh budget, and clients behind a trusted proxy each keep their own. In memory and in Redis.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../server/http/node-server.js';
import { createApp } from '../../server/app.js';
import { memoryRateLimiter, type RateLimiter } from '../../server/http/rate-limit.js';
import { redisRateLimiter } from '../../server/http/rate-limit-redis.js';
import { parseTrustProxy } from '../../server/http/client-address.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 3;

/** How a request from `client` reaches the server in each mode, with a header the client forged itself. */
interface Mode {
  name: string;
  trust: string | undefined;
  arrive(client: string, forged: string): { socket: string; forwardedFor: string };
}

const MODES: Mode[] = [
  // No proxy: the client connects itself and sends whatever header it likes.
  { name: 'unset', trust: undefined, arrive: (client, forged) => ({ socket: client, forwardedFor: forged }) },
  // One proxy appends the address it saw.
  { name: '1 hop', trust: '1', arrive: (client, forged) => ({ socket: '10.0.0.1', forwardedFor: `${forged}, ${client}` }) },
  // A CDN appends the client, the load balancer appends the CDN.
  { name: '2 hops', trust: '2', arrive: (client, forged) => ({ socket: '10.0.0.2', forwardedFor: `${forged}, ${client}, 10.0.0.1` }) },
  // Named proxies, IPv4 (seen as IPv4-mapped IPv6 on a dual-stack socket) and IPv6.
  {
    name: 'a list',
    trust: '10.0.0.0/8, 2001:db8:aa::/48',
    arrive: (client, forged) => ({ socket: '::ffff:10.0.0.3', forwardedFor: `${forged}, ${client}, 2001:db8:aa::1` }),
  },
];

/** The limits under test: the path, a request on it, and the status it answers below the limit. */
const LIMITS = [
  {
    name: 'login',
    path: '/api/v1/auth/login',
    method: 'POST',
    body: JSON.stringify({ email: 'nobody@ido.test', password: 'not the password' }),
    below: 401,
  },
  { name: 'public', path: '/api/v1/public/locations?near=52.09,5.12', method: 'GET', body: undefined, below: 200 },
] as const;

/** Keys of one test run only, so that runs never share counts in Redis. */
function prefixed(inner: RateLimiter, prefix: string): RateLimiter {
  return {
    hit: (key, limit, windowSeconds) => inner.hit(`${prefix}:${key}`, limit, windowSeconds),
    close: () => inner.close?.() ?? Promise.resolve(),
  };
}

const stores: Array<{ name: string; make: () => RateLimiter }> = [
  { name: 'memory', make: () => memoryRateLimiter() },
  { name: 'Redis', make: () => prefixed(redisRateLimiter(REDIS_URL), `test-${randomUUID()}`) },
];

for (const backend of backends) {
  describe(`rate limits behind proxies on ${backend}`, () => {
    let ctx: TestContext;
    const limiters: RateLimiter[] = [];
    before(async () => {
      ctx = await createTestContext(backend);
    });
    after(async () => {
      for (const l of limiters) await l.close?.();
      await ctx.close();
    });

    for (const store of stores) {
      for (const mode of MODES) {
        for (const limit of LIMITS) {
          it(`${limit.name} limit, IDO_TRUST_PROXY ${mode.name}, counters in ${store.name}: six forged headers are one client`, async () => {
            const rateLimiter = store.make();
            limiters.push(rateLimiter);
            const config = { ...ctx.deps.config, trustProxy: parseTrustProxy(mode.trust), loginRateLimit: LIMIT, publicRateLimit: LIMIT };
            const app = createApp({ ...ctx.deps, config, rateLimiter });
            const send = (client: string, forged: string) => {
              const { socket, forwardedFor } = mode.arrive(client, forged);
              const headers: Record<string, string> = { 'x-forwarded-for': forwardedFor };
              if (limit.body) headers['content-type'] = 'application/json';
              // The third argument is what @hono/node-server passes as the environment: the socket.
              return app.request(
                limit.path,
                { method: limit.method, headers, body: limit.body },
                { incoming: { socket: { remoteAddress: socket } } },
              );
            };
            const statuses: number[] = [];
            for (let i = 1; i <= 6; i++) statuses.push((await send('198.51.100.20', `203.0.113.${i}`)).status);
            assert.deepEqual(statuses, [limit.below, limit.below, limit.below, 429, 429, 429]);
            // Another client behind the same proxies has a budget of its own.
            assert.equal((await send('198.51.100.21', '203.0.113.1')).status, limit.below);
          });
        }
      }
    }

    it('with a list, a peer that is not a trusted proxy is limited by its own address, whatever it forwards', async () => {
      const config = { ...ctx.deps.config, trustProxy: parseTrustProxy('10.0.0.0/8'), loginRateLimit: LIMIT };
      const app = createApp({ ...ctx.deps, config, rateLimiter: memoryRateLimiter() });
      const statuses: number[] = [];
      for (let i = 1; i <= 4; i++) {
        const r = await app.request(
          '/api/v1/auth/login',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
            body: JSON.stringify({ email: 'nobody@ido.test', password: 'not the password' }),
          },
          { incoming: { socket: { remoteAddress: '198.51.100.30' } } },
        );
        statuses.push(r.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
    });
  });
}

describe('the login limit on a real socket', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext('pglite');
  });
  after(() => ctx.close());

  /** The app listening on a free port of 127.0.0.1, as `ido-server start` runs it. */
  async function listen(trust: string | undefined) {
    const config = { ...ctx.deps.config, trustProxy: parseTrustProxy(trust), loginRateLimit: 2 };
    const app = createApp({ ...ctx.deps, config, rateLimiter: memoryRateLimiter() });
    const server = createHttpServer(app.fetch);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = async (forwardedFor: string) =>
      (
        await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ email: 'nobody@ido.test', password: 'not the password' }),
        })
      ).status;
    const close = () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      });
    return { login, close };
  }

  it('unset: limits forged headers from one socket address together', async () => {
    const server = await listen(undefined);
    try {
      assert.deepEqual(
        [await server.login('203.0.113.1'), await server.login('203.0.113.2'), await server.login('203.0.113.3')],
        [401, 401, 429],
      );
    } finally {
      await server.close();
    }
  });

  it('one trusted hop: the socket is the proxy, and each forwarded client has its own limit', async () => {
    const server = await listen('1');
    try {
      assert.deepEqual(
        [await server.login('203.0.113.1'), await server.login('203.0.113.2'), await server.login('203.0.113.3')],
        [401, 401, 401],
      );
      assert.deepEqual([await server.login('203.0.113.1'), await server.login('203.0.113.1')], [401, 429]);
    } finally {
      await server.close();
    }
  });
});
