/**
 * Servers started together on one empty database: every start-up step (migrations, value lists,
 * the IDO_ADMIN_EMAIL user, postcodes, demo data) happens once, and every server comes up.
 * PostgreSQL only as separate processes (a PGlite data directory belongs to one process); the
 * steps themselves are also raced in-process on every backend.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { ensureAdmin } from '../../server/bootstrap.js';
import { sha256 } from '../../server/crypto.js';
import { openDatabase } from '../../server/db/client.js';
import { DEMO_DESK_KEY } from '../../server/services/demo.js';
import { seedTaxonomy, taxonomyFolder } from '../../server/services/taxonomy.js';
import { backends, createTestContext, type TestContext } from '../helpers/context.js';
import { cliTargets, freePort, startServer, terminate, type Target } from '../helpers/cli.js';

const versionFiles = readdirSync(taxonomyFolder).filter((f) => f.endsWith('.json')).length;
const ADMIN_EMAIL = 'beheer@ido.test';
const ADMIN_PASSWORD = 'four servers, one admin';

for (const backend of backends) {
  describe(`start-up steps raced in one process on ${backend}`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(backend);
    });
    after(() => ctx.close());

    it('four at once make one admin and keep one copy of the value lists', async () => {
      const entriesBefore = (await ctx.rows<{ n: number }>(sql`select count(*)::int as n from taxonomy_entries`))[0].n;
      // Forget the seeded lists, so that every racer finds them missing and inserts them.
      await ctx.rows(sql`delete from taxonomy_entries`);
      await ctx.rows(sql`delete from taxonomy_versions`);
      const created = await Promise.all(
        [1, 2, 3, 4].map(async () => {
          await seedTaxonomy(ctx.database);
          return ensureAdmin(ctx.database, ADMIN_EMAIL, ADMIN_PASSWORD);
        }),
      );
      assert.equal(created.filter(Boolean).length, 1, 'one of them created the user');
      const [{ n: admins }] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from users where email = ${ADMIN_EMAIL}`);
      assert.equal(admins, 1);
      const [{ n: versions }] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from taxonomy_versions`);
      assert.equal(versions, versionFiles);
      const [{ n: entries }] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from taxonomy_entries`);
      assert.equal(entries, entriesBefore);
      const [{ n: current }] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from taxonomy_versions where current`);
      assert.equal(current, 1);
    });
  });
}

for (const { make } of cliTargets.filter((t) => t.name === 'postgres')) {
  describe('four ido-server start processes on one empty PostgreSQL database', () => {
    let target: Target;
    before(async () => {
      target = await make();
    });
    after(() => target.cleanup());

    it('all become healthy; one admin, one copy of the value lists, one demo; no log line holds the hash', async () => {
      const ports = await Promise.all([1, 2, 3, 4].map(() => freePort()));
      const servers = ports.map((port) =>
        startServer(
          {
            ...target.env,
            PORT: String(port),
            IDO_LOG: 'json',
            IDO_PDOK_URL: 'off',
            IDO_DEMO: '1',
            IDO_ADMIN_EMAIL: ADMIN_EMAIL,
            IDO_ADMIN_PASSWORD: ADMIN_PASSWORD,
          },
          /"msg":"listening"/,
        ),
      );
      try {
        const started = await Promise.allSettled(servers.map((s) => s.started));
        const failed = started.flatMap((r, i) => (r.status === 'rejected' ? [`server ${i + 1}: ${String(r.reason)}`] : []));
        assert.deepEqual(failed, []);
        for (const port of ports) {
          const health = await fetch(`http://127.0.0.1:${port}/healthz`);
          assert.equal(health.status, 200, `server on ${port}`);
        }

        const database = await openDatabase({ databaseUrl: target.env.DATABASE_URL, max: 1, migrate: false });
        try {
          const count = async (query: ReturnType<typeof sql>) => (await database.rows<{ n: number }>(query))[0].n;
          assert.equal(await count(sql`select count(*)::int as n from users where email = ${ADMIN_EMAIL}`), 1);
          assert.equal(await count(sql`select count(*)::int as n from taxonomy_versions`), versionFiles);
          assert.equal(await count(sql`select count(*)::int as n from taxonomy_versions where current`), 1);
          assert.equal(
            await count(
              sql`select count(*)::int as n from (select version, list, code from taxonomy_entries group by 1, 2, 3 having count(*) > 1) d`,
            ),
            0,
          );
          assert.ok((await count(sql`select count(*)::int as n from organisations`)) > 0, 'the demo was added');
          assert.equal(
            await count(sql`select (count(*) - count(distinct name))::int as n from organisations`),
            0,
            'the demo was added once',
          );
          assert.ok((await count(sql`select count(*)::int as n from postcodes`)) > 0);
          // Every server added its own origin to the demo desk key.
          const [{ origins }] = await database.rows<{ origins: string[] }>(
            sql`select origins from api_keys where key_hash = ${sha256(DEMO_DESK_KEY)}`,
          );
          for (const port of ports) assert.ok(origins.includes(`http://localhost:${port}`), `${port} in ${origins.join(', ')}`);

          const [{ hash }] = await database.rows<{ hash: string }>(
            sql`select password_hash as hash from users where email = ${ADMIN_EMAIL}`,
          );
          const salt = hash.split('$')[4];
          for (const [i, server] of servers.entries()) {
            const { stdout, stderr } = server.output();
            for (const text of [stdout, stderr]) {
              assert.ok(!text.includes(salt), `server ${i + 1} logged the admin's hash`);
              assert.ok(!/params: (?!\[not logged\])/.test(text), `server ${i + 1} logged query parameters`);
            }
          }
          const created = servers.filter((s) => s.output().stdout.includes('"msg":"created national user"'));
          assert.equal(created.length, 1);
        } finally {
          await database.close();
        }
      } finally {
        const codes = await Promise.all(servers.map((s) => terminate(s.child)));
        assert.deepEqual(
          codes.map((c) => c.code),
          [0, 0, 0, 0],
        );
      }
    });
  });
}
