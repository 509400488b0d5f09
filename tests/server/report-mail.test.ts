/**
 * Scheduled reports by mail, in-process on each backend: the subscription API and its problem
 * documents, one mail per subscription and period (also with two senders at once), retries while
 * the mail server is down, unsubscribing, and an attachment whose totals equal the summary's.
 * A real SMTP server on localhost receives the mails (tests/helpers/smtp.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { amsterdamInstant } from '../../sdk/opening-hours.js';
import { openDatabase } from '../../server/db/client.js';
import { createReports } from '../../server/services/reports/index.js';
import { sendDueReports } from '../../server/services/report-mail/send.js';
import { MAIL_OFF_MESSAGE, startReportMailer } from '../../server/services/report-mail/scheduler.js';
import { smtpTransport } from '../../server/services/report-mail/transport.js';
import { freePort } from '../helpers/cli.js';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';
import { startSmtp, type SmtpStandIn } from '../helpers/smtp.js';

const FROM = 'IDO-rapportage <noreply@ido.test>';
/** Subscriptions are made on 20 March 2026: the first quarter and March are their first periods. */
const MADE = new Date('2026-03-20T10:00:00+01:00');
const Q1_DUE = amsterdamInstant('2026-04-01', '07:00');

for (const backend of backends) {
  describe(`report subscriptions and mails on ${backend}`, () => {
    let ctx: TestContext;
    let t: Awaited<ReturnType<typeof seedTenants>>;
    let now = MADE;
    let smtp: SmtpStandIn;
    const silent = { info() {}, error() {} };

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      t = await seedTenants(ctx);
      smtp = await startSmtp();
      // Hand-made figures for organisation a in the first quarter: 3 visits, 4 questions, a course of 6.
      const at = (iso: string) => ({ occurredAt: iso, locationId: t.a.location.id });
      for (const body of [
        visit(at('2026-01-12T10:00:00+01:00')),
        visit({
          ...at('2026-02-03T11:00:00+01:00'),
          questions: [
            { type: 'digitale-overheid', topic: 'digid-aanvragen' },
            { type: 'digitale-overheid', topic: 'huurtoeslag' },
          ],
        }),
        visit({ ...at('2026-03-19T15:00:00+01:00'), questions: [{ type: 'digitale-overheid', topic: 'zorgtoeslag' }] }),
      ]) {
        const r = await ctx.call('POST', '/api/v1/registrations', { token: t.a.secretKey, body });
        assert.equal(r.status, 201, r.text);
      }
      // Organisation b's visit must not show in a's figures.
      assert.equal(
        (
          await ctx.call('POST', '/api/v1/registrations', {
            token: t.b.secretKey,
            body: visit({ occurredAt: '2026-02-01T10:00:00+01:00', locationId: t.b.location.id }),
          })
        ).status,
        201,
      );
      const course = await ctx.call('POST', '/api/v1/courses', {
        token: t.a.coordinator,
        body: { locationId: t.a.location.id, type: 'digisterker', startDate: '2026-02-10', sessions: 4, enrolled: 6 },
      });
      assert.equal(course.status, 201, course.text);
    });
    after(async () => {
      await smtp.close();
      await ctx.close();
    });

    const subscribe = async (token: string, body: Record<string, unknown>) => {
      const r = await ctx.call('POST', '/api/v1/report-subscriptions', { token, body });
      assert.equal(r.status, 201, r.text);
      return r.body as { id: string; lastSentPeriod: string | null; organisationId: string | null };
    };
    const unsubscribe = async (id: string) =>
      assert.equal((await ctx.call('DELETE', `/api/v1/report-subscriptions/${id}`, { token: t.national })).status, 204);
    const transport = () => smtpTransport(smtp.url, FROM);
    const round = (at: Date) => sendDueReports({ ...ctx.deps, logger: silent }, transport(), at);

    it('stores subscriptions for the own organisation and its locations, and refuses bad input with the contract problems', async () => {
      const bad = await ctx.call('POST', '/api/v1/report-subscriptions', {
        token: t.a.coordinator,
        body: { email: 'geen adres', frequency: 'week', format: 'pdf' },
      });
      assert.equal(bad.status, 422);
      assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['email', 'format', 'frequency']);
      const otherLocation = await ctx.call('POST', '/api/v1/report-subscriptions', {
        token: t.a.coordinator,
        body: { email: 'a@bieb.test', frequency: 'month', format: 'csv', locationId: t.b.location.id },
      });
      assert.equal(otherLocation.status, 422);
      assert.deepEqual(
        otherLocation.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
        [['locationId', 'unknown-id']],
      );
      const otherOrganisation = await ctx.call('POST', '/api/v1/report-subscriptions', {
        token: t.a.coordinator,
        body: { email: 'a@bieb.test', frequency: 'month', format: 'csv', organisationId: t.b.organisation.id },
      });
      assert.deepEqual(
        otherOrganisation.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
        [['organisationId', 'unknown-id']],
      );
      assert.equal(
        (
          await ctx.call('POST', '/api/v1/report-subscriptions', {
            token: t.a.deskKeyNoOrigin,
            body: { email: 'a@bieb.test', frequency: 'month', format: 'csv' },
          })
        ).status,
        403,
      );

      const mine = await subscribe(t.a.coordinator, {
        email: 'Coordinator@Bieb.test',
        frequency: 'quarter',
        format: 'xlsx',
        locationId: t.a.location2.id,
      });
      assert.equal(mine.organisationId, t.a.organisation.id);
      assert.equal(mine.lastSentPeriod, null);
      const national = await subscribe(t.national, { email: 'land@ido.test', frequency: 'year', format: 'csv' });
      assert.equal(national.organisationId, null);
      const listA = await ctx.call('GET', '/api/v1/report-subscriptions', { token: t.a.coordinator });
      assert.deepEqual(
        listA.body.items.map((s: { id: string; email: string }) => [s.id, s.email]),
        [[mine.id, 'coordinator@bieb.test']],
      );
      assert.deepEqual((await ctx.call('GET', '/api/v1/report-subscriptions', { token: t.b.coordinator })).body.items, []);
      assert.equal((await ctx.call('GET', '/api/v1/report-subscriptions', { token: t.national })).body.items.length, 2);
      // Another organisation's subscription is not found; the own one goes, and stays gone.
      assert.equal((await ctx.call('DELETE', `/api/v1/report-subscriptions/${mine.id}`, { token: t.b.coordinator })).status, 404);
      assert.equal((await ctx.call('DELETE', `/api/v1/report-subscriptions/${mine.id}`, { token: t.a.coordinator })).status, 204);
      assert.equal((await ctx.call('DELETE', `/api/v1/report-subscriptions/${mine.id}`, { token: t.a.coordinator })).status, 404);
      assert.equal((await ctx.call('DELETE', '/api/v1/report-subscriptions/abc', { token: t.a.coordinator })).status, 404);
      await unsubscribe(national.id);
      const spec = (await ctx.call('GET', '/api/v1/openapi.json')).body;
      assert.ok(spec.paths['/api/v1/report-subscriptions'].post.requestBody, 'listed in the OpenAPI document');
      assert.ok(spec.paths['/api/v1/report-subscriptions/{id}'].delete);
    });

    it('sends one mail per subscription and period at 07:00 on the first day after it, the attachment matching the summary', async () => {
      smtp.messages.length = 0;
      const quarter = await subscribe(t.a.coordinator, { email: 'kwartaal@bieb.test', frequency: 'quarter', format: 'xlsx' });
      const month = await subscribe(t.a.coordinator, {
        email: 'maand@bieb.test',
        frequency: 'month',
        format: 'csv',
        locationId: t.a.location.id,
      });
      assert.equal((await round(new Date(Q1_DUE.getTime() - 60_000))).sent, 0, 'nothing before 07:00 on 1 April');
      assert.equal((await round(Q1_DUE)).sent, 2);
      assert.equal((await round(new Date(Q1_DUE.getTime() + 3_600_000))).sent, 0, 'a period is mailed once');
      assert.equal(smtp.messages.length, 2);

      const q = smtp.messages.find((m) => m.subject?.includes('kwartaal'))!;
      assert.match(q.subject!, /IDO-cijfers het 1e kwartaal van 2026 – Bibliotheek Utrecht/);
      assert.match(q.text!, /3 bezoeken met 4 vragen/);
      assert.match(q.text!, /6 cursisten ingeschreven voor 1 cursus/);
      assert.match(q.text!, /1 januari 2026 tot en met 31 maart 2026/);
      const [attachment] = q.attachments;
      assert.equal(attachment.filename, 'ido-cijfers-2026-Q1.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(attachment.content as unknown as ArrayBuffer);
      const totals = workbook.getWorksheet('Totalen')!.getRow(2).values as unknown[];
      const summary = (await ctx.call('GET', '/api/v1/reports/summary?from=2026-01-01&to=2026-03-31', { token: t.a.coordinator })).body;
      const courses = (await ctx.call('GET', '/api/v1/reports/courses?from=2026-01-01&to=2026-03-31', { token: t.a.coordinator })).body;
      // exceljs rows are 1-based: [, from, to, visits, questions, referred, runs, enrolled, completed].
      assert.deepEqual(totals.slice(3, 9), [
        summary.visits,
        summary.questions,
        summary.referred,
        courses.runs,
        courses.enrolled,
        courses.completed,
      ]);
      assert.deepEqual([summary.visits, summary.questions], [3, 4], 'hand-counted');

      const m = smtp.messages.find((x) => x.subject?.includes('maart'))!;
      assert.equal(m.attachments[0].filename, 'ido-cijfers-2026-03.csv');
      assert.match(m.attachments[0].content.toString('utf8'), /^\uFEFFIDO-verantwoording 2026-03-01 t\/m 2026-03-31/);
      assert.match(m.text!, /1 bezoek met 1 vraag/);

      const list = (await ctx.call('GET', '/api/v1/report-subscriptions', { token: t.a.coordinator })).body.items;
      const sent = Object.fromEntries(list.map((s: { id: string; lastSentPeriod: string }) => [s.id, s.lastSentPeriod]));
      assert.deepEqual(sent, { [quarter.id]: '2026-Q1', [month.id]: '2026-03' });
      await unsubscribe(quarter.id);
      await unsubscribe(month.id);
    });

    it('sends exactly one mail per subscription and period when two senders run at once', async () => {
      smtp.messages.length = 0;
      const ids = [];
      for (let i = 0; i < 4; i++)
        ids.push((await subscribe(t.a.coordinator, { email: `samen-${i}@bieb.test`, frequency: 'month', format: 'csv' })).id);
      // The other sender has a database connection of its own on PostgreSQL, as a second server would.
      const other = ctx.databaseUrl ? await openDatabase({ databaseUrl: ctx.databaseUrl, max: 2 }) : ctx.database;
      try {
        const otherDeps = {
          ...ctx.deps,
          logger: silent,
          database: other,
          reports: createReports(other, ctx.deps.taxonomy, { aggregates: true }),
        };
        const at = amsterdamInstant('2026-04-01', '07:00');
        const [x, y] = await Promise.all([round(at), sendDueReports(otherDeps, transport(), at)]);
        assert.equal(x.sent + y.sent, 4);
      } finally {
        if (other !== ctx.database) await other.close();
      }
      assert.deepEqual(
        smtp.messages.map((m) => (m.to as { text: string }).text).sort(),
        ids.map((_, i) => `samen-${i}@bieb.test`),
      );
      for (const id of ids) await unsubscribe(id);
    });

    it('keeps a mail while the mail server is down and sends it once when it is back, after the backoff', async () => {
      const port = await freePort();
      const down = smtpTransport(`smtp://127.0.0.1:${port}`, FROM);
      const sub = await subscribe(t.a.coordinator, { email: 'later@bieb.test', frequency: 'month', format: 'csv' });
      const first = await sendDueReports({ ...ctx.deps, logger: silent }, down, Q1_DUE);
      assert.deepEqual([first.sent, first.failed], [0, 1]);
      const back = await startSmtp(port);
      try {
        const up = () => smtpTransport(back.url, FROM);
        assert.equal((await sendDueReports({ ...ctx.deps, logger: silent }, up(), Q1_DUE)).sent, 0, 'not before the retry is due');
        assert.equal((await sendDueReports({ ...ctx.deps, logger: silent }, up(), new Date(Q1_DUE.getTime() + 61_000))).sent, 1);
        assert.equal((await sendDueReports({ ...ctx.deps, logger: silent }, up(), new Date(Q1_DUE.getTime() + 3_600_000))).sent, 0);
        assert.equal(back.messages.length, 1);
        assert.match(back.messages[0].subject!, /maart 2026/);
      } finally {
        await back.close();
      }
      await unsubscribe(sub.id);
    });

    it('sends nothing after unsubscribing, also for a period that was waiting for the mail server', async () => {
      smtp.messages.length = 0;
      const port = await freePort();
      const sub = await subscribe(t.a.coordinator, { email: 'weg@bieb.test', frequency: 'quarter', format: 'xlsx' });
      const gone = await subscribe(t.a.coordinator, { email: 'ook-weg@bieb.test', frequency: 'month', format: 'csv' });
      await unsubscribe(gone.id);
      // The quarter's mail is queued while the mail server is down, then the subscription ends.
      assert.equal(
        (await sendDueReports({ ...ctx.deps, logger: silent }, smtpTransport(`smtp://127.0.0.1:${port}`, FROM), Q1_DUE)).failed,
        1,
      );
      await unsubscribe(sub.id);
      assert.equal((await round(new Date(Q1_DUE.getTime() + 86_400_000))).sent, 0);
      assert.equal(smtp.messages.length, 0);
    });

    it('without IDO_SMTP_URL sends nothing and says so in the log', async () => {
      smtp.messages.length = 0;
      const sub = await subscribe(t.a.coordinator, { email: 'uit@bieb.test', frequency: 'month', format: 'csv' });
      const lines: Record<string, unknown>[] = [];
      now = Q1_DUE;
      const mailer = startReportMailer(
        { ...ctx.deps, logger: { info: (l) => lines.push(l), error: (l) => lines.push(l) } },
        { smtpUrl: undefined, mailFrom: FROM, reportMailIntervalMs: 10 },
      );
      await mailer.stop();
      now = MADE; // the sessions of the tenants were made on MADE and last 12 hours
      assert.deepEqual(lines, [{ msg: MAIL_OFF_MESSAGE }]);
      assert.equal(smtp.messages.length, 0);
      assert.equal(
        (await ctx.call('GET', '/api/v1/report-subscriptions', { token: t.a.coordinator })).body.items.find(
          (s: { id: string }) => s.id === sub.id,
        ).lastSentPeriod,
        null,
      );
      await unsubscribe(sub.id);
    });
  });
}
