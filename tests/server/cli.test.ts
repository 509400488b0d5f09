import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createApp } from '../../server/app.js';
import { createDeps } from '../../server/bootstrap.js';
import { openDatabase } from '../../server/db/client.js';
import { readConfig } from '../../server/env.js';
import { bundledPc4File, parsePc4Csv } from '../../server/services/postcodes.js';
import { bin, cli, cliTargets, type Target } from '../helpers/cli.js';

/** The postcodes in the file the package ships. */
const bundledCount = parsePc4Csv(readFileSync(bundledPc4File, 'utf8')).length;

// `ido-server start` (health, SIGTERM, demo mode) is in cli-start.test.ts: each test file has its own time budget.

describe('ido-server usage', () => {
  it('prints its usage for help, and exits 2 without a command', async () => {
    const [help, none] = await Promise.all([cli(['help'], {}), cli([], {})]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /create-key --organisation ID --kind desk\|secret/);
    assert.equal(none.code, 2);
  });

  it('refuses malformed arguments with exit code 2 and a message, before touching a database', async () => {
    // IDO_DATA_DIR is a file: a command that opened the database would fail with exit code 1 instead.
    const env = { IDO_DATA_DIR: bin };
    const id = '00000000-0000-4000-8000-000000000000';
    const bad: [string[], RegExp][] = [
      [['create-user', '--email', 'x@proef.nl', '--password', 'kort', '--role', 'national'], /at least 12 characters/],
      [['create-user', '--email', 'y@proef.nl', '--password', 'een lang wachtwoord', '--role', 'admin'], /national or coordinator/],
      [['create-key', '--organisation', id, '--kind', 'desk', '--origin', 'bieb.example'], /--origin/],
      [['create-key', '--colour', 'blue'], /Unknown option/],
      [['frobnicate'], /Unknown command/],
    ];
    const runs = await Promise.all(bad.map(([args]) => cli(args, env)));
    runs.forEach((r, i) => {
      const args = bad[i][0].join(' ');
      assert.equal(r.code, 2, `${args}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, bad[i][1], args);
    });
  });
});

for (const { name, make } of cliTargets) {
  describe(`ido-server commands on ${name}`, () => {
    let target: Target;
    let organisationId: string;
    let secretKey: string;
    let deskKey: string;

    before(async () => {
      target = await make();
    });
    after(() => target.cleanup());

    it('migrates a new database', async () => {
      const r = await cli(['migrate'], target.env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /up to date/);
    });

    it('rebuilds the report aggregates', async () => {
      const r = await cli(['rebuild-aggregates'], target.env);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /aggregates rebuilt/);
    });

    it('imports the PC4 centroids', async () => {
      const r = await cli(['import-postcodes', bundledPc4File], target.env);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.includes(`Imported ${bundledCount} postcodes`), r.stdout);
    });

    it('creates an organisation, a coordinator and keys', async () => {
      const org = await cli(
        ['create-organisation', '--name', 'Bibliotheek Proef', '--municipality', 'Utrecht', '--province', 'Utrecht'],
        target.env,
      );
      assert.equal(org.code, 0, org.stderr);
      organisationId = org.stdout.trim().split('\n').at(-1)!;
      assert.match(organisationId, /^[0-9a-f-]{36}$/);

      const coordinator = await cli(
        [
          'create-user',
          '--email',
          'Coordinator@Proef.nl',
          '--password',
          'een lang wachtwoord',
          '--role',
          'coordinator',
          '--organisation',
          organisationId,
        ],
        target.env,
      );
      assert.equal(coordinator.code, 0, coordinator.stderr);
      assert.match(coordinator.stdout, /coordinator user coordinator@proef\.nl/);

      const secret = await cli(['create-key', '--organisation', organisationId, '--kind', 'secret'], target.env);
      assert.equal(secret.code, 0, secret.stderr);
      secretKey = secret.stdout.trim().split('\n').at(-1)!;
      assert.match(secretKey, /^ido_sk_[A-Za-z0-9_-]{43}$/);
      const desk = await cli(
        [
          'create-key',
          '--organisation',
          organisationId,
          '--kind',
          'desk',
          '--origin',
          'https://bieb.example',
          '--origin',
          'http://localhost:8080/',
        ],
        target.env,
      );
      assert.equal(desk.code, 0, desk.stderr);
      deskKey = desk.stdout.trim().split('\n').at(-1)!;
      assert.match(deskKey, /^ido_dk_[A-Za-z0-9_-]{43}$/);
    });

    it('lists organisations and refuses what the database rules out', async () => {
      const list = await cli(['list-organisations'], target.env);
      assert.match(list.stdout, new RegExp(`${organisationId}\\s+Bibliotheek Proef`));
      const national = await cli(
        ['create-user', '--email', 'beheer@proef.nl', '--password', 'een lang wachtwoord', '--role', 'national'],
        target.env,
      );
      assert.equal(national.code, 0, national.stderr);
      const bad: [string[], RegExp][] = [
        [['create-user', '--email', 'BEHEER@proef.nl', '--password', 'een lang wachtwoord', '--role', 'national'], /exists already/],
        [
          ['create-key', '--organisation', organisationId, '--kind', 'desk', '--location', '00000000-0000-4000-8000-000000000000'],
          /No location/,
        ],
      ];
      for (const [args, message] of bad) {
        const r = await cli(args, target.env);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, message, args.join(' '));
      }
    });

    it('made keys and a user that authenticate against the API', async () => {
      const database = await openDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.env.IDO_DATA_DIR });
      const app = createApp(await createDeps(readConfig({ IDO_LOG: 'off', IDO_PDOK_URL: 'off' }), { database }));
      try {
        const call = (path: string, headers: Record<string, string>, init: RequestInit = {}) => app.request(path, { ...init, headers });
        const org = await call(`/api/v1/organisations/${organisationId}`, { authorization: `Bearer ${secretKey}` });
        assert.equal(org.status, 200);
        assert.equal((await org.json()).name, 'Bibliotheek Proef');
        assert.equal(
          (await call('/api/v1/locations', { authorization: `Bearer ${deskKey}`, origin: 'http://localhost:8080' })).status,
          200,
        );
        assert.equal(
          (await call('/api/v1/locations', { authorization: `Bearer ${deskKey}`, origin: 'https://elders.example' })).status,
          403,
        );
        assert.equal((await call('/api/v1/locations', { authorization: `Bearer ${secretKey.slice(0, -2)}xx` })).status, 401);
        const login = await call(
          '/api/v1/auth/login',
          { 'content-type': 'application/json' },
          { method: 'POST', body: JSON.stringify({ email: 'coordinator@proef.nl', password: 'een lang wachtwoord' }) },
        );
        assert.equal(login.status, 200);
        assert.equal((await login.json()).user.organisationId, organisationId);
        const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from postcodes`);
        assert.equal(n, bundledCount);
      } finally {
        await database.close();
      }
    });
  });
}
