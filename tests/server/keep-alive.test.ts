// An early answer (413, 401, 415 before the body is read) never breaks the client's next request on
// the same keep-alive connection: the server as main.ts runs it, a client with one connection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Agent, fetch } from 'undici';
import { createHttpServer } from '../../server/http/node-server.js';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

const KB = 1024;
const MB = 1024 * KB;

for (const backend of backends) {
  describe(`early answers on a keep-alive connection, on ${backend}`, () => {
    let ctx: TestContext;
    let token: string;
    let locationId: string;
    let base: string;
    let server: ReturnType<typeof createHttpServer>;
    let connections = 0;
    before(async () => {
      ctx = await createTestContext(backend);
      const t = await seedTenants(ctx);
      token = t.a.coordinator;
      locationId = t.a.location.id;
      server = createHttpServer(ctx.app.fetch);
      server.on('connection', () => {
        connections += 1;
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await ctx.close();
    });

    /** A client that has one connection and sends one request at a time on it, like a strict keep-alive pool. */
    const oneConnection = () => new Agent({ connections: 1, pipelining: 1 });

    /** The early answer, then an ordinary request on the same agent, which must simply work. */
    async function thenNormal(
      agent: Agent,
      early: { path: string; headers: Record<string, string>; body: string | Uint8Array; status: number },
    ) {
      const before = connections;
      const first = await fetch(`${base}${early.path}`, { method: 'POST', headers: early.headers, body: early.body, dispatcher: agent });
      assert.equal(first.status, early.status, await first.clone().text());
      assert.match(first.headers.get('content-type') ?? '', /^application\/problem\+json/);
      await first.text();
      const next = await fetch(`${base}/api/v1/registrations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(visit({ locationId })),
        dispatcher: agent,
      });
      assert.equal(next.status, 201, await next.clone().text());
      await next.text();
      const third = await fetch(`${base}/healthz`, { dispatcher: agent });
      assert.equal(third.status, 200);
      await third.text();
      // The body was read to its end, so all three came on the one connection the agent opened.
      assert.ok(connections - before <= 1, `${connections - before} connections`);
    }

    it('413 to a 3 MB POST, then a normal request works', async () => {
      const agent = oneConnection();
      try {
        const big = JSON.stringify({ ...visit({ locationId }), note: 'x'.repeat(3 * MB) });
        await thenNormal(agent, {
          path: '/api/v1/registrations',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: big,
          status: 413,
        });
      } finally {
        await agent.close();
      }
    });

    it('401 to a 300 KB body without credentials, then a normal request works', async () => {
      const agent = oneConnection();
      try {
        for (const size of [300 * KB, 900 * KB]) {
          const body = JSON.stringify({ ...visit({ locationId }), note: 'x'.repeat(size) });
          await thenNormal(agent, { path: '/api/v1/registrations', headers: { 'content-type': 'application/json' }, body, status: 401 });
        }
      } finally {
        await agent.close();
      }
    });

    it('415 to a 300 KB body of another type, then a normal request works', async () => {
      const agent = oneConnection();
      try {
        await thenNormal(agent, {
          path: '/api/v1/registrations',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
          body: 'x'.repeat(300 * KB),
          status: 415,
        });
      } finally {
        await agent.close();
      }
    });

    it('a 413 to a body far beyond what is worth reading closes the connection cleanly, and the next request gets a new one', async () => {
      const agent = oneConnection();
      try {
        const before = connections;
        const huge = new Uint8Array(24 * MB).fill(0x20);
        const first = await fetch(`${base}/api/v1/registrations/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: huge,
          dispatcher: agent,
        });
        assert.equal(first.status, 413);
        assert.equal(first.headers.get('connection'), 'close');
        await first.text();
        const next = await fetch(`${base}/healthz`, { dispatcher: agent });
        assert.equal(next.status, 200);
        assert.equal(connections - before, 2, 'the second request came on a new connection');
      } finally {
        await agent.close();
      }
    });
  });
}
