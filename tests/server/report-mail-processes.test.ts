/**
 * Scheduled report mails across processes: `ido-server send-reports --at …` sends what is due and
 * exits; two at once, and two running servers, send exactly one mail per subscription and period
 * (PostgreSQL; PGlite is one process per data directory); a server without IDO_SMTP_URL says so.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../server/db/client.js';
import { organisations, reportSubscriptions } from '../../server/db/schema.js';
import { seedTaxonomy } from '../../server/services/taxonomy.js';
import { cli, cliTargets, freePort, startServer, terminate, type Target } from '../helpers/cli.js';
import { startSmtp, type SmtpStandIn } from '../helpers/smtp.js';

const SUBSCRIPTIONS = 3;
/** After the first quarter of 2026 and March are due (1 April, 07:00 Amsterdam). */
const AT = '2026-04-01T07:30:00+02:00';

async function seed(target: Target) {
  const database = await openDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.env.IDO_DATA_DIR });
  await seedTaxonomy(database);
  const [org] = await database.db.insert(organisations).values({ name: 'Bibliotheek Proces' }).returning();
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    await database.db.insert(reportSubscriptions).values({
      organisationId: org.id,
      email: `proces-${i}@bieb.test`,
      frequency: i % 2 ? 'month' : 'quarter',
      format: i % 2 ? 'csv' : 'xlsx',
      createdBy: 'test',
      createdAt: new Date('2026-03-20T10:00:00+01:00'),
    });
  }
  await database.close();
}

const recipients = (smtp: SmtpStandIn) => smtp.messages.map((m) => (m.to as { text: string }).text).sort();
const expected = Array.from({ length: SUBSCRIPTIONS }, (_, i) => `proces-${i}@bieb.test`);

for (const { name, make } of cliTargets) {
  describe(`scheduled report mails between processes on ${name}`, () => {
    let target: Target;
    let smtp: SmtpStandIn;
    before(async () => {
      target = await make();
      await seed(target);
      smtp = await startSmtp();
    });
    after(async () => {
      await smtp.close();
      await target.cleanup();
    });

    it('send-reports without IDO_SMTP_URL sends nothing and says why', async () => {
      const run = await cli(['send-reports', '--at', AT], { ...target.env, IDO_SMTP_URL: '' });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /IDO_SMTP_URL is not set: no report mails sent/);
      assert.equal(smtp.messages.length, 0);
    });

    it('a bad --at is a usage error', async () => {
      const run = await cli(['send-reports', '--at', 'gisteren'], { ...target.env, IDO_SMTP_URL: smtp.url });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--at is an ISO date-time/);
    });

    if (name === 'postgres') {
      it('two send-reports at once send exactly one mail per subscription and period', async () => {
        const env = { ...target.env, IDO_SMTP_URL: smtp.url };
        const runs = await Promise.all([cli(['send-reports', '--at', AT], env), cli(['send-reports', '--at', AT], env)]);
        for (const run of runs) assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(recipients(smtp), expected);
        // Later in the same period: nothing more.
        const again = await cli(['send-reports', '--at', '2026-04-02T09:00:00+02:00'], env);
        assert.match(again.stdout, /0 sent/);
        assert.equal(smtp.messages.length, SUBSCRIPTIONS);
      });

      it('two running servers send exactly one mail per subscription and period', async () => {
        smtp.messages.length = 0;
        // Their clocks start in the next period: April's mail (of the monthly subscription) is due on 1 May.
        const env = {
          ...target.env,
          IDO_SMTP_URL: smtp.url,
          IDO_TEST_CLOCK_AT: '2026-05-01T08:00:00+02:00',
          IDO_REPORT_MAIL_INTERVAL_MS: '20',
          IDO_LOG: 'json',
          IDO_PDOK_URL: 'off',
        };
        const servers = [
          startServer({ ...env, PORT: String(await freePort()) }, /"msg":"listening"/),
          startServer({ ...env, PORT: String(await freePort()) }, /"msg":"listening"/),
        ];
        try {
          await Promise.all(servers.map((s) => s.started));
          await smtp.waitFor(1);
        } finally {
          // A server's shutdown waits for its round in progress: every mail either process sends has arrived after this.
          for (const s of servers) assert.equal((await terminate(s.child)).code, 0, JSON.stringify(s.output()));
        }
        assert.deepEqual(recipients(smtp), ['proces-1@bieb.test']);
        assert.match(smtp.messages[0].subject!, /april 2026/);
      });
    } else {
      it('send-reports sends what is due once, and nothing again for the same period', async () => {
        const env = { ...target.env, IDO_SMTP_URL: smtp.url };
        const first = await cli(['send-reports', '--at', AT], env);
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, new RegExp(`${SUBSCRIPTIONS} sent`));
        assert.match((await cli(['send-reports', '--at', AT], env)).stdout, /0 sent/);
        assert.deepEqual(recipients(smtp), expected);
      });
    }

    it('a server without IDO_SMTP_URL says in its start log that no report mails are sent', async () => {
      const server = startServer(
        { ...target.env, IDO_SMTP_URL: '', PORT: String(await freePort()), IDO_LOG: 'json', IDO_PDOK_URL: 'off' },
        /scheduled report mails are off: IDO_SMTP_URL is not set/,
      );
      try {
        await server.started; // logged once, just after the listening line
      } finally {
        assert.equal((await terminate(server.child)).code, 0, JSON.stringify(server.output()));
      }
      assert.match(server.output().stdout, /scheduled report mails are off: IDO_SMTP_URL is not set/);
    });
  });
}
