/**
 * `kill -9` of a real server process at random moments while it registers visits (single and in
 * batches), corrects and deletes them, and folds them every 20 ms: once it runs again, the reports
 * equal a count of the rows and the folded tables hold every visit once. Requests whose answer was
 * lost are sent again after each restart, as a desk's outbox does: nothing is counted twice.
 * PostgreSQL only: the database must outlive the process (PGlite lives inside it).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { aggregateReportQueries } from '../../server/services/reports/aggregates.js';
import { codeMapOf } from '../../server/services/reports/code-map.js';
import { sqlReportQueries } from '../../server/services/reports/raw.js';
import { prng } from '../../server/services/prng.js';
import { NOW, assertAsSpecified, compareAll, queued, visitMaker, type Tenant, type Tenants } from '../helpers/aggregate-check.js';
import { startServer, terminate } from '../helpers/cli.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

interface Sent {
  method: string;
  path: string;
  token: string;
  body?: unknown;
}

for (const backend of backends.filter((b) => b === 'postgres'))
  describe(`report aggregates after kill -9 on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    const start = async () => {
      const server = startServer(
        {
          // The server process reads the test's date: the visits are made around NOW, and a server on the
          // machine's clock would refuse them as in the future on any day before it.
          IDO_TEST_CLOCK_AT: NOW.toISOString(),
          DATABASE_URL: ctx.databaseUrl,
          PORT: '0',
          IDO_LOG: 'json',
          IDO_PDOK_URL: 'off',
          IDO_FOLD_INTERVAL_MS: '20',
          IDO_DB_POOL: '6',
        },
        /"msg":"listening".*?"port":(\d+)/,
      );
      const [, port] = await server.started;
      return { ...server, base: `http://127.0.0.1:${port}` };
    };

    it('equal a count of the rows once the server runs again, nothing counted twice', async () => {
      const random = prng(9_1_1);
      const make = visitMaker(random, (tenant) => [tenant.partner.id]);
      const tenants = [t.a, t.b];
      const created: { id: string; tenant: Tenant }[] = [];
      let lost: Sent[] = [];
      let lostInAll = 0;
      const send = async (base: string, r: Sent) => {
        const res = await fetch(`${base}${r.path}`, {
          method: r.method,
          headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
          body: r.body === undefined ? undefined : JSON.stringify(r.body),
        });
        return { status: res.status, text: await res.text() };
      };
      const next = (): Sent => {
        const tenant = make.pick(tenants);
        const roll = random();
        const mine = created.filter((c) => c.tenant === tenant);
        if (roll < 0.4 || mine.length < 3)
          return {
            method: 'POST',
            path: '/api/v1/registrations',
            token: tenant.secretKey,
            body: { id: randomUUID(), ...make.body(tenant) },
          };
        if (roll < 0.7) {
          const registrations = Array.from({ length: 10 + Math.floor(random() * 30) }, () => ({ id: randomUUID(), ...make.body(tenant) }));
          return { method: 'POST', path: '/api/v1/registrations/batch', token: tenant.secretKey, body: { registrations } };
        }
        const target = make.pick(mine);
        if (roll < 0.9)
          return {
            method: 'PATCH',
            path: `/api/v1/registrations/${target.id}`,
            token: tenant.secretKey,
            body: make.patch(make.body(tenant)),
          };
        return { method: 'DELETE', path: `/api/v1/registrations/${target.id}`, token: tenant.secretKey };
      };
      /** What the server answered, as the test keeps track of it; a lost answer is kept to send again. */
      const note = (r: Sent, status: number, text: string) => {
        const tenant = r.token === t.a.secretKey ? t.a : t.b;
        if (r.method === 'POST' && r.path.endsWith('/batch')) {
          assert.equal(status, 200, text);
          for (const item of (r.body as { registrations: { id: string }[] }).registrations) created.push({ id: item.id, tenant });
        } else if (r.method === 'POST') {
          assert.ok(status === 201 || status === 200, `${status} ${text}`); // 200: stored before the crash, a duplicate now
          created.push({ id: (r.body as { id: string }).id, tenant });
        } else {
          assert.ok([200, 204, 404].includes(status), `${r.method} ${status} ${text}`); // 404: deleted before, or by the lost request
        }
      };

      for (let round = 0; round < 3; round++) {
        const server = await start();
        for (const r of lost) {
          const res = await send(server.base, r);
          note(r, res.status, res.text);
        }
        lost = [];
        let killed = false;
        const loops = Array.from({ length: 6 }, async () => {
          while (!killed) {
            const r = next();
            try {
              const res = await send(server.base, r);
              note(r, res.status, res.text);
            } catch {
              lost.push(r); // the connection died with the server: did it store the visit? Only the replay can tell.
            }
          }
        });
        // Let the writes and folds get going, then kill the process without warning, wherever it is.
        await new Promise((resolve) => setTimeout(resolve, 500 + random() * 1500));
        const exited = once(server.child, 'exit');
        server.child.kill('SIGKILL');
        await exited;
        killed = true;
        await Promise.all(loops);
        lostInAll += lost.length;
      }

      // Running again: the lost requests are sent once more, and its folder empties the queue.
      const server = await start();
      try {
        for (const r of lost) {
          const res = await send(server.base, r);
          note(r, res.status, res.text);
        }
        for (let i = 0; i < 600 && (await queued(ctx)) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(await queued(ctx), 0, 'the restarted server folded the queue');
      } finally {
        await terminate(server.child);
      }
      assert.ok(created.length > 100 && lostInAll > 0, `${created.length} visits, ${lostInAll} answers lost to a kill`);
      const codeMap = codeMapOf(ctx.deps.taxonomy);
      const raw = sqlReportQueries(ctx.database, codeMap);
      await compareAll(raw, aggregateReportQueries(ctx.database, raw, codeMap), t, 'after kill -9');
      await assertAsSpecified(ctx);
    });
  });
