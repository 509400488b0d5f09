import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/client.js';
import { organisations } from '../../server/db/schema.js';
import { createKey } from '../../server/services/accounts.js';
import { seedTaxonomy } from '../../server/services/taxonomy.js';
import { DEMO_DESK_KEY } from '../../server/services/demo.js';
import { bundledPc4File, parsePc4Csv } from '../../server/services/postcodes.js';
import { cliTargets, freePort, startServer, terminate, type Target } from '../helpers/cli.js';

for (const { name, make } of cliTargets) {
  describe(`ido-server start on ${name}`, () => {
    let target: Target;
    let secretKey: string;
    before(async () => {
      target = await make();
      // A migrated database with an organisation and a secret key, made in-process (cli.test.ts tests the commands).
      const database = await openDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.env.IDO_DATA_DIR });
      await seedTaxonomy(database);
      const [org] = await database.db.insert(organisations).values({ name: 'Bibliotheek Start' }).returning();
      secretKey = (
        await createKey(database, { organisationId: org.id, kind: 'secret', locationId: null, origins: [], name: null, actor: 'test' })
      ).key;
      await database.close();
    });
    after(() => target.cleanup());

    it('answers /healthz, authenticates keys, finds postcodes without PDOK, and exits 0 on SIGTERM without waiting for the open connection', async () => {
      const port = await freePort();
      const server = startServer({ ...target.env, PORT: String(port), IDO_LOG: 'json', IDO_PDOK_URL: 'off' }, /"msg":"listening"/);
      try {
        await server.started;
        const base = `http://127.0.0.1:${port}`;
        const health = await fetch(`${base}/healthz`);
        assert.equal(health.status, 200);
        assert.equal((await health.json()).database, name);
        const locations = await fetch(`${base}/api/v1/locations`, { headers: { authorization: `Bearer ${secretKey}` } });
        assert.equal(locations.status, 200);
        assert.equal((await fetch(`${base}/api/v1/openapi.json`)).status, 200);
        // The first start on an empty database imported the bundled PC4 centroids: a postcode is found without PDOK.
        const bundled = parsePc4Csv(readFileSync(bundledPc4File, 'utf8')).length;
        assert.match(server.output().stdout, new RegExp(`"msg":"imported postcodes".*"count":${bundled}\\b`));
        const near = await fetch(`${base}/api/v1/public/locations?postcode=3512AE`);
        assert.equal(near.status, 200, await near.clone().text());
        assert.match((await near.json()).attribution, /GeoNames/);
      } finally {
        // fetch keeps its connection alive: the shutdown must close it rather than wait for it.
        // A shutdown held open past its limit exits 1 and logs "shutdown timed out".
        const { code } = await terminate(server.child);
        assert.equal(code, 0, JSON.stringify(server.output()));
        assert.doesNotMatch(server.output().stdout, /shutdown timed out/);
      }
    });
  });
}

describe('ido-server start in demo mode (IDO_DEMO=1, PORT=0)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ido-demo-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fills a new database, prints the logins and the demo desk key, and the key works from the printed origin', async () => {
    const server = startServer(
      { IDO_DATA_DIR: join(dir, 'data'), IDO_DEMO: '1', PORT: '0', IDO_LOG: 'json' },
      /"msg":"listening".*?"port":(\d+)/,
    );
    try {
      const [, port] = await server.started;
      const { stdout } = server.output();
      assert.match(stdout, /landelijk@demo\.ido-registratie\.nl {2}\/ {2}demo-landelijk-2026/);
      assert.match(stdout, /coordinator\.utrecht@demo\.ido-registratie\.nl {2}\/ {2}demo-coordinator-2026/);
      assert.ok(stdout.includes(DEMO_DESK_KEY));
      assert.ok(stdout.includes(`http://localhost:${port}/api/v1/docs`));
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/locations`, {
        headers: { authorization: `Bearer ${DEMO_DESK_KEY}`, origin: `http://localhost:${port}` },
      });
      assert.equal(r.status, 200);
      assert.ok((await r.json()).items.length >= 2);
    } finally {
      const { code } = await terminate(server.child);
      assert.equal(code, 0);
    }
  });
});
