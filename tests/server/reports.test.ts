import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { questions, registrations } from '../../server/db/schema.js';
import { aggregateReportQueries } from '../../server/services/reports/aggregates.js';
import { codeMapOf } from '../../server/services/reports/code-map.js';
import { csvLine } from '../../server/services/reports/csv.js';
import { periodLabel, sortGroups } from '../../server/services/reports/labels.js';
import { resolvePeriod } from '../../server/services/reports/periods.js';
import { sqlReportQueries } from '../../server/services/reports/raw.js';
import { rebuildAggregates } from '../../server/services/reports/rebuild.js';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

interface Q {
  topic: string;
  type?: string;
  agencies?: string[];
  help?: string[];
  referral?: { partnerId?: string; partnerKind?: string; warm?: boolean };
  digid?: string;
}
interface Fixture {
  organisationId: string;
  locationId: string;
  at: string;
  channel?: string;
  duration?: string;
  version?: string;
  note?: string;
  deleted?: boolean;
  questions: Q[];
}

/** Inserts a visit straight into the tables (fast, and able to hold retired codes of 2021). */
async function insertVisit(ctx: TestContext, v: Fixture): Promise<string> {
  const id = randomUUID();
  await ctx.database.db.insert(registrations).values({
    id,
    organisationId: v.organisationId,
    locationId: v.locationId,
    occurredAt: new Date(v.at),
    channel: v.channel ?? 'balie',
    duration: v.duration ?? '5-15',
    note: v.note ?? null,
    taxonomyVersion: v.version ?? '2024',
    bodyHash: `fixture:${id}`,
    createdBy: 'test:fixture',
    deletedAt: v.deleted ? new Date('2026-12-01T00:00:00Z') : null,
  });
  await ctx.database.db.insert(questions).values(
    v.questions.map((q, position) => ({
      registrationId: id,
      position,
      type: q.type ?? 'digitale-overheid',
      topic: q.topic,
      agencies: q.agencies ?? [],
      help: q.help ?? [],
      referralPartnerId: q.referral?.partnerId ?? null,
      referralPartnerKind: q.referral?.partnerKind ?? null,
      referralWarm: q.referral?.warm ?? null,
      digid: q.digid ?? null,
    })),
  );
  // Written around the write path, so the report aggregates are rebuilt (as the demo seeder does).
  await rebuildAggregates(ctx.database, { organisationId: v.organisationId, taxonomy: ctx.deps.taxonomy });
  return id;
}

const NOW = new Date('2026-12-15T12:00:00Z');
const YEAR = 'from=2026-01-01&to=2026-12-31';
const pick = (groups: { key: string; visits: number; questions: number }[]) => groups.map((g) => [g.key, g.visits, g.questions]);

/** The visits of the suite, with the figures each test expects worked out by hand in its comments. */
async function seedVisits(ctx: TestContext, t: Tenants) {
  const A = t.a.organisation.id;
  const A1 = t.a.location.id;
  const A2 = t.a.location2.id;
  const ids: Record<string, string> = {};
  // R1: 2026-11-27T23:30Z = Saturday 28 November 00:30 in Amsterdam; two questions, one with two agencies and a referral.
  ids.R1 = await insertVisit(ctx, {
    organisationId: A,
    locationId: A1,
    at: '2026-11-27T23:30:00Z',
    channel: 'balie',
    duration: '5-15',
    questions: [
      {
        topic: 'huurtoeslag',
        agencies: ['dienst-toeslagen', 'belastingdienst'],
        help: ['digitaal-contact', 'doorverwijzing'],
        referral: { partnerKind: 'sociaal-raadslieden', warm: true },
      },
      { topic: 'zorgtoeslag', agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] },
    ],
  });
  // R2: registered with the 2021 lists: `toeslagen-huur` is now `huurtoeslag`, `hulp-digitaal` is `digitaal-contact` (named twice, counted once). Sat 10:15.
  ids.R2 = await insertVisit(ctx, {
    organisationId: A,
    locationId: A1,
    at: '2026-11-28T09:15:00Z',
    channel: 'spreekuur',
    duration: '15-30',
    version: '2021',
    questions: [{ topic: 'toeslagen-huur', agencies: ['dienst-toeslagen'], help: ['hulp-digitaal', 'digitaal-contact'] }],
  });
  // R3: Monday 30 November 09:05 at the second location; a cold referral to a partner by id; a note a spreadsheet would run.
  ids.R3 = await insertVisit(ctx, {
    organisationId: A,
    locationId: A2,
    at: '2026-11-30T08:05:00Z',
    channel: 'balie',
    duration: '0-5',
    note: '=1+1 is geen formule',
    questions: [
      { topic: 'digid-aanvragen', agencies: ['logius'], help: ['digitaal-contact'] },
      { topic: 'huurtoeslag', agencies: [], help: ['cursus'], referral: { partnerId: t.a.partner.id, warm: false } },
    ],
  });
  // R4 and R5: 02:30 on 25 October 2026, the first (CEST) and the second (CET) time that wall-clock time occurs.
  ids.R4 = await insertVisit(ctx, {
    organisationId: A,
    locationId: A1,
    at: '2026-10-25T00:30:00Z',
    channel: 'telefoon',
    duration: '5-15',
    questions: [{ topic: 'aow-pensioen', agencies: ['svb'] }],
  });
  ids.R5 = await insertVisit(ctx, {
    organisationId: A,
    locationId: A1,
    at: '2026-10-25T01:30:00Z',
    channel: 'telefoon',
    duration: '5-15',
    questions: [
      { topic: 'aow-pensioen', agencies: ['svb'], help: ['digitaal-contact'] },
      { topic: 'aow-pensioen', agencies: ['svb', 'uwv'] },
    ],
  });
  // R6: 2026-03-29T01:30Z is 03:30 CEST, just after the clocks went forward.
  ids.R6 = await insertVisit(ctx, {
    organisationId: A,
    locationId: A2,
    at: '2026-03-29T01:30:00Z',
    channel: 'balie',
    duration: '5-15',
    questions: [{ topic: 'digid-activeren', agencies: ['logius'], help: ['digitaal-contact'] }],
  });
  // R9: 2026-11-28T23:30Z is already Sunday 29 November, 00:30 in Amsterdam. A note that needs quoting in CSV.
  ids.R9 = await insertVisit(ctx, {
    organisationId: A,
    locationId: A1,
    at: '2026-11-28T23:30:00Z',
    channel: 'balie',
    duration: '0-5',
    note: 'Vraag over "afval"; later terug',
    questions: [{ topic: 'gemeente', agencies: ['gemeente'] }],
  });
  // B1: the other organisation, never in A's figures.
  ids.B1 = await insertVisit(ctx, {
    organisationId: t.b.organisation.id,
    locationId: t.b.location.id,
    at: '2026-11-28T12:00:00Z',
    questions: [{ topic: 'huurtoeslag', agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] }],
  });

  // Through the API: R7 registered and deleted; R8 registered as zorgtoeslag and corrected to kinderopvangtoeslag.
  const r7 = await ctx.call('POST', '/api/v1/registrations', {
    token: t.a.coordinator,
    body: visit({ locationId: A1, occurredAt: '2026-11-28T11:00:00+01:00' }),
  });
  assert.equal(r7.status, 201, r7.text);
  assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${r7.body.id}`, { token: t.a.coordinator })).status, 204);
  const r8 = await ctx.call('POST', '/api/v1/registrations', {
    token: t.a.coordinator,
    body: visit({
      locationId: A1,
      occurredAt: '2026-11-29T11:00:00+01:00',
      questions: [{ type: 'digitale-overheid', topic: 'zorgtoeslag', agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] }],
    }),
  });
  assert.equal(r8.status, 201, r8.text);
  const patched = await ctx.call('PATCH', `/api/v1/registrations/${r8.body.id}`, {
    token: t.a.coordinator,
    body: {
      questions: [{ type: 'digitale-overheid', topic: 'kinderopvangtoeslag', agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] }],
    },
  });
  assert.equal(patched.status, 200, patched.text);
  ids.R8 = r8.body.id;
  return ids;
}

describe('report math', () => {
  it('cuts periods at Amsterdam midnight, also across DST', () => {
    const p = resolvePeriod(NOW, '2026-10-25', '2026-10-25')!;
    assert.equal(p.start.toISOString(), '2026-10-24T22:00:00.000Z');
    assert.equal(p.end.toISOString(), '2026-10-25T23:00:00.000Z'); // a 25-hour day
    const march = resolvePeriod(NOW, '2026-03-29', '2026-03-29')!;
    assert.equal(march.end.getTime() - march.start.getTime(), 23 * 3600_000);
    assert.equal(resolvePeriod(NOW, '2026-02-01', '2026-01-31'), null);
    assert.equal(resolvePeriod(NOW)?.from, '2025-12-16');
  });

  it('writes CSV fields for Dutch Excel', () => {
    assert.equal(
      csvLine(['a', 1, null, true, 'x;y', 'say "hi"', 'two\nlines', ' padded']),
      'a;1;;true;"x;y";"say ""hi""";"two\nlines";" padded"\r\n',
    );
  });

  it('labels periods and sorts groups', () => {
    assert.equal(periodLabel('week', '2026-W48', 'nl'), 'week 48, 2026');
    assert.equal(periodLabel('weekday-hour', '1-09', 'en'), 'Monday 09:00–10:00');
    assert.equal(periodLabel('weekday-hour', '7-23', 'nl'), 'zondag 23:00–00:00');
    const groups = [
      { key: 'b', visits: 1, questions: 1 },
      { key: 'a', visits: 1, questions: 1 },
      { key: 'c', visits: 2, questions: 2 },
    ];
    assert.deepEqual(
      sortGroups('topic', groups).map((g) => g.key),
      ['c', 'a', 'b'],
    );
    assert.deepEqual(
      sortGroups('day', groups).map((g) => g.key),
      ['a', 'b', 'c'],
    );
  });
});

for (const backend of backends) {
  describe(`reports on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let ids: Record<string, string>;
    const summary = (token: string, qs: string, headers?: Record<string, string>) =>
      ctx.call('GET', `/api/v1/reports/summary?${qs}`, { token, headers });

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW });
      t = await seedTenants(ctx);
      ids = await seedVisits(ctx, t);
    });
    after(() => ctx.close());

    describe('summary', () => {
      it('counts live visits, their questions and the visits with a referral, without groups when not grouped', async () => {
        const r = await summary(t.a.coordinator, YEAR);
        assert.equal(r.status, 200, r.text);
        // R1 R2 R3 R4 R5 R6 R8 R9 (R7 deleted, B1 another organisation); 2+1+2+1+2+1+1+1 questions; R1 and R3 referred.
        assert.deepEqual(r.body, { visits: 8, questions: 11, referred: 2, groups: [] });
      });

      it('groups by topic as registered, retired codes under their current code, a visit once per topic', async () => {
        const r = await summary(t.a.coordinator, `${YEAR}&groupBy=topic`);
        assert.equal(r.status, 200, r.text);
        assert.deepEqual(pick(r.body.groups), [
          ['huurtoeslag', 3, 3], // R1, R2 (toeslagen-huur), R3
          ['aow-pensioen', 2, 3], // R4, R5 with two questions
          ['digid-aanvragen', 1, 1],
          ['digid-activeren', 1, 1],
          ['gemeente', 1, 1],
          ['kinderopvangtoeslag', 1, 1], // R8 after its correction
          ['zorgtoeslag', 1, 1], // R1 only: R8 no longer
        ]);
        assert.ok(!r.body.groups.some((g: { key: string }) => g.key === 'toeslagen' || g.key === 'toeslagen-huur'));
        assert.equal(r.body.groups[0].label, ctx.deps.taxonomy.label('topics', 'huurtoeslag', 'nl'));
        assert.equal(r.body.visits, 8);
      });

      it('groups by agency and by help, a question once under each value it names', async () => {
        const agency = await summary(t.a.coordinator, `${YEAR}&groupBy=agency`);
        assert.deepEqual(pick(agency.body.groups), [
          ['dienst-toeslagen', 3, 4], // R1 (two questions), R2, R8
          ['svb', 2, 3], // R4, R5 (two questions)
          ['logius', 2, 2], // R3, R6
          ['belastingdienst', 1, 1], // R1's first question, also under dienst-toeslagen
          ['gemeente', 1, 1],
          ['uwv', 1, 1],
        ]);
        const help = await summary(t.a.coordinator, `${YEAR}&groupBy=help`);
        assert.deepEqual(pick(help.body.groups), [
          ['digitaal-contact', 6, 7], // R1 ×2, R2 (hulp-digitaal), R3, R5, R6, R8
          ['cursus', 1, 1],
          ['doorverwijzing', 1, 1],
        ]);
      });

      it('groups by channel, duration, location and organisation', async () => {
        const channel = await summary(t.a.coordinator, `${YEAR}&groupBy=channel`);
        assert.deepEqual(pick(channel.body.groups), [
          ['balie', 5, 7],
          ['telefoon', 2, 3],
          ['spreekuur', 1, 1],
        ]);
        const duration = await summary(t.a.coordinator, `${YEAR}&groupBy=duration`);
        assert.deepEqual(pick(duration.body.groups), [
          ['5-15', 5, 7],
          ['0-5', 2, 3],
          ['15-30', 1, 1],
        ]);
        const location = await summary(t.a.coordinator, `${YEAR}&groupBy=location`);
        assert.deepEqual(location.body.groups, [
          { key: t.a.location.id, label: 'Utrecht Centrum', visits: 6, questions: 8 },
          { key: t.a.location2.id, label: 'Utrecht Noord', visits: 2, questions: 3 },
        ]);
        const organisation = await summary(t.a.coordinator, `${YEAR}&groupBy=organisation`);
        assert.deepEqual(organisation.body.groups, [{ key: t.a.organisation.id, label: 'Bibliotheek Utrecht', visits: 8, questions: 11 }]);
        const national = await summary(t.national, `${YEAR}&groupBy=organisation`);
        assert.deepEqual(pick(national.body.groups), [
          [t.a.organisation.id, 8, 11],
          [t.b.organisation.id, 1, 1],
        ]);
        assert.equal(national.body.visits, 9);
      });

      it('groups by day, ISO week, month and weekday-hour in Europe/Amsterdam, sorted by key', async () => {
        const day = await summary(t.a.coordinator, `${YEAR}&groupBy=day`);
        assert.deepEqual(pick(day.body.groups), [
          ['2026-03-29', 1, 1],
          ['2026-10-25', 2, 3],
          ['2026-11-28', 2, 3],
          ['2026-11-29', 2, 2],
          ['2026-11-30', 1, 2],
        ]);
        assert.equal(day.body.groups[2].label, '28 november 2026');
        const week = await summary(t.a.coordinator, `${YEAR}&groupBy=week`);
        assert.deepEqual(pick(week.body.groups), [
          ['2026-W13', 1, 1],
          ['2026-W43', 2, 3],
          ['2026-W48', 4, 5],
          ['2026-W49', 1, 2],
        ]);
        const month = await summary(t.a.coordinator, `${YEAR}&groupBy=month`);
        assert.deepEqual(pick(month.body.groups), [
          ['2026-03', 1, 1],
          ['2026-10', 2, 3],
          ['2026-11', 5, 7],
        ]);
        assert.equal(month.body.groups[2].label, 'november 2026');
        const wh = await summary(t.a.coordinator, `${YEAR}&groupBy=weekday-hour`);
        assert.deepEqual(pick(wh.body.groups), [
          ['1-09', 1, 2],
          ['6-00', 1, 2],
          ['6-10', 1, 1],
          ['7-00', 1, 1],
          ['7-02', 2, 3],
          ['7-03', 1, 1],
          ['7-11', 1, 1],
        ]);
      });

      it('cuts periods at Amsterdam midnight', async () => {
        // 2026-11-27T23:30Z (R1) is on the 28th; 2026-11-28T23:30Z (R9) is on the 29th.
        const r = await summary(t.a.coordinator, 'from=2026-11-28&to=2026-11-28&groupBy=day');
        assert.deepEqual(r.body, {
          visits: 2,
          questions: 3,
          referred: 1,
          groups: [{ key: '2026-11-28', label: '28 november 2026', visits: 2, questions: 3 }],
        });
        const before = await summary(t.a.coordinator, 'from=2026-11-27&to=2026-11-27');
        assert.equal(before.body.visits, 0);
        const after = await summary(t.a.coordinator, 'from=2026-11-29&to=2026-11-29&groupBy=topic');
        assert.deepEqual(pick(after.body.groups), [
          ['gemeente', 1, 1],
          ['kinderopvangtoeslag', 1, 1],
        ]);
      });

      it('counts both 02:30s of the October DST change on that day, and the March one after the gap', async () => {
        const october = await summary(t.a.coordinator, 'from=2026-10-25&to=2026-10-25&groupBy=weekday-hour');
        assert.deepEqual(pick(october.body.groups), [['7-02', 2, 3]]);
        assert.equal(october.body.visits, 2);
        const october24 = await summary(t.a.coordinator, 'from=2026-10-24&to=2026-10-24');
        assert.equal(october24.body.visits, 0);
        const march = await summary(t.a.coordinator, 'from=2026-03-29&to=2026-03-29&groupBy=weekday-hour');
        assert.deepEqual(pick(march.body.groups), [['7-03', 1, 1]]);
        const march28 = await summary(t.a.coordinator, 'from=2026-03-28&to=2026-03-28');
        assert.equal(march28.body.visits, 0);
      });

      it('labels in English on request', async () => {
        const r = await summary(t.a.coordinator, `${YEAR}&groupBy=month&lang=en`);
        assert.equal(r.body.groups[2].label, 'November 2026');
        const topics = await summary(t.a.coordinator, `${YEAR}&groupBy=topic`, { 'accept-language': 'en' });
        assert.equal(topics.body.groups[0].label, ctx.deps.taxonomy.label('topics', 'huurtoeslag', 'en'));
      });

      it('filters by location, organisation, municipality and province for national users', async () => {
        const byLocation = await summary(t.national, `${YEAR}&locationId=${t.a.location2.id}`);
        assert.equal(byLocation.body.visits, 2);
        const byOrg = await summary(t.national, `${YEAR}&organisationId=${t.b.organisation.id}&groupBy=topic`);
        assert.deepEqual(pick(byOrg.body.groups), [['huurtoeslag', 1, 1]]);
        const byMunicipality = await summary(t.national, `${YEAR}&municipality=amsterdam`);
        assert.equal(byMunicipality.body.visits, 1);
        const byProvince = await summary(t.national, `${YEAR}&province=Utrecht`);
        assert.equal(byProvince.body.visits, 8);
        const unknown = await summary(t.national, `${YEAR}&organisationId=${randomUUID()}`);
        assert.equal(unknown.status, 404);
      });

      it('never shows a coordinator or secret key another organisation', async () => {
        assert.equal((await summary(t.a.coordinator, `${YEAR}&organisationId=${t.b.organisation.id}`)).status, 404);
        assert.equal((await summary(t.a.coordinator, `${YEAR}&locationId=${t.b.location.id}`)).status, 404);
        assert.equal((await summary(t.a.coordinator, `${YEAR}&locationId=not-a-uuid`)).status, 404);
        const own = await summary(t.a.coordinator, `${YEAR}&organisationId=${t.a.organisation.id}`);
        assert.equal(own.body.visits, 8);
        const b = await summary(t.b.secretKey, `${YEAR}&groupBy=topic`);
        assert.equal(b.status, 200);
        assert.deepEqual({ visits: b.body.visits, groups: pick(b.body.groups) }, { visits: 1, groups: [['huurtoeslag', 1, 1]] });
        const bMunicipality = await summary(t.b.coordinator, `${YEAR}&municipality=Utrecht`);
        assert.equal(bMunicipality.body.visits, 0);
      });

      it('lets a desk key read only the topic counts of its own location', async () => {
        const desk = t.a.deskKeyNoOrigin;
        const own = await summary(desk, `${YEAR}&groupBy=topic&locationId=${t.a.location.id}`);
        assert.equal(own.status, 200, own.text);
        // Location A1: R1, R2, R4, R5, R8, R9.
        assert.deepEqual(pick(own.body.groups), [
          ['aow-pensioen', 2, 3],
          ['huurtoeslag', 2, 2],
          ['gemeente', 1, 1],
          ['kinderopvangtoeslag', 1, 1],
          ['zorgtoeslag', 1, 1],
        ]);
        const withOrigin = await summary(t.a.deskKey, `${YEAR}&groupBy=topic&locationId=${t.a.location.id}`, { origin: t.a.deskOrigin });
        assert.equal(withOrigin.status, 200);
        for (const qs of [
          `${YEAR}&groupBy=channel&locationId=${t.a.location.id}`,
          `${YEAR}&locationId=${t.a.location.id}`,
          `${YEAR}&groupBy=topic`,
          `${YEAR}&groupBy=topic&locationId=${t.a.location2.id}`,
          `${YEAR}&groupBy=topic&locationId=${t.b.location.id}`,
        ])
          assert.equal((await summary(desk, qs)).status, 403, qs);
        assert.equal((await ctx.call('GET', `/api/v1/reports/courses?${YEAR}`, { token: desk })).status, 403);
        assert.equal((await ctx.call('GET', `/api/v1/reports/export?${YEAR}`, { token: desk })).status, 403);
        assert.equal((await ctx.call('GET', `/api/v1/reports/search-demand?${YEAR}`, { token: desk })).status, 403);
      });

      it('rejects a bad query: from after to, unknown groupBy or field; and callers without credentials', async () => {
        const reversed = await summary(t.a.coordinator, 'from=2026-12-31&to=2026-01-01');
        assert.equal(reversed.status, 422);
        assert.equal(reversed.body.errors[0].path, 'to');
        assert.equal((await summary(t.a.coordinator, 'groupBy=province')).status, 422);
        assert.equal((await summary(t.a.coordinator, 'from=2026-02-30')).status, 422);
        assert.equal((await summary(t.a.coordinator, 'colour=red')).status, 422);
        assert.equal((await ctx.call('GET', '/api/v1/reports/summary')).status, 401);
      });

      it('defaults to the twelve months up to today', async () => {
        // The clock says 2026-12-15: the period is 2025-12-16 … 2026-12-15.
        const r = await summary(t.a.coordinator, 'groupBy=month');
        assert.equal(r.body.visits, 8);
      });
    });

    describe('courses', () => {
      before(async () => {
        const course = async (token: string, body: Record<string, unknown>) => {
          const r = await ctx.call('POST', '/api/v1/courses', { token, body: { sessions: 4, ...body } });
          assert.equal(r.status, 201, r.text);
          return r.body.id as string;
        };
        await course(t.a.coordinator, {
          locationId: t.a.location.id,
          type: 'digisterker',
          startDate: '2026-02-01',
          enrolled: 8,
          completed: 6,
        });
        await course(t.a.coordinator, {
          locationId: t.a.location.id,
          type: 'klik-en-tik',
          startDate: '2026-02-15',
          enrolled: 5,
          completed: 5,
        });
        await course(t.a.coordinator, {
          locationId: t.a.location2.id,
          type: 'digisterker',
          startDate: '2026-03-10',
          enrolled: 4,
          completed: 3,
        });
        await course(t.a.coordinator, {
          locationId: t.a.location.id,
          type: 'digisterker',
          startDate: '2025-12-31',
          enrolled: 10,
          completed: 9,
        });
        const gone = await course(t.a.coordinator, { locationId: t.a.location.id, type: 'overig', startDate: '2026-05-01', enrolled: 3 });
        assert.equal((await ctx.call('DELETE', `/api/v1/courses/${gone}`, { token: t.a.coordinator })).status, 204);
        await course(t.b.coordinator, {
          locationId: t.b.location.id,
          type: 'digisterker',
          startDate: '2026-02-01',
          enrolled: 7,
          completed: 7,
        });
      });

      it('counts runs, enrolled and completed by start date, per type, location and month', async () => {
        const total = await ctx.call('GET', `/api/v1/reports/courses?${YEAR}`, { token: t.a.coordinator });
        assert.deepEqual(total.body, { runs: 3, enrolled: 17, completed: 14, groups: [] });
        const byType = await ctx.call('GET', `/api/v1/reports/courses?${YEAR}&groupBy=type`, { token: t.a.coordinator });
        assert.deepEqual(
          byType.body.groups.map((g: any) => [g.key, g.runs, g.enrolled, g.completed]),
          [
            ['digisterker', 2, 12, 9],
            ['klik-en-tik', 1, 5, 5],
          ],
        );
        assert.equal(byType.body.groups[0].label, ctx.deps.taxonomy.label('courseTypes', 'digisterker', 'nl'));
        const byLocation = await ctx.call('GET', `/api/v1/reports/courses?${YEAR}&groupBy=location`, { token: t.a.coordinator });
        assert.deepEqual(
          byLocation.body.groups.map((g: any) => [g.label, g.runs, g.enrolled, g.completed]),
          [
            ['Utrecht Centrum', 2, 13, 11],
            ['Utrecht Noord', 1, 4, 3],
          ],
        );
        const byMonth = await ctx.call('GET', `/api/v1/reports/courses?${YEAR}&groupBy=month`, { token: t.a.coordinator });
        assert.deepEqual(
          byMonth.body.groups.map((g: any) => [g.key, g.runs, g.enrolled, g.completed]),
          [
            ['2026-02', 2, 13, 11],
            ['2026-03', 1, 4, 3],
          ],
        );
        const national = await ctx.call('GET', `/api/v1/reports/courses?${YEAR}`, { token: t.national });
        assert.equal(national.body.runs, 4);
        assert.equal(
          (await ctx.call('GET', `/api/v1/reports/courses?${YEAR}&organisationId=${t.b.organisation.id}`, { token: t.a.coordinator }))
            .status,
          404,
        );
      });
    });

    describe('search demand', () => {
      it('answers staff with searches per PC4', async () => {
        await ctx.rows(sqlInsertDemand);
        const r = await ctx.call('GET', '/api/v1/reports/search-demand?from=2026-11-01&to=2026-11-30', { token: t.a.secretKey });
        assert.equal(r.status, 200, r.text);
        assert.deepEqual(r.body.items, [
          { pc4: '3511', searches: 7 },
          { pc4: '1011', searches: 2 },
        ]);
      });
    });

    describe('export', () => {
      const download = async (token: string, qs: string) => {
        const res = await ctx.app.request(`/api/v1/reports/export?${qs}`, { headers: { authorization: `Bearer ${token}` } });
        return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
      };

      it('writes the questions as CSV for Dutch Excel: BOM, semicolons, CRLF, quoting', async () => {
        const { res, bytes } = await download(t.a.coordinator, `format=csv&view=questions&${YEAR}`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
        assert.equal(res.headers.get('content-disposition'), 'attachment; filename="ido-questions-2026-01-01-2026-12-31.csv"');
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
        const lines = text.split('\r\n');
        assert.equal(lines.at(-1), '');
        assert.ok(!text.replace(/\r\n/g, '').includes('\n'));
        const header = lines[0].split(';');
        assert.equal(header[0], 'registrationId');
        assert.equal(lines.length - 2, 11); // a row per question
        const col = (name: string) => header.indexOf(name);
        const rows = lines.slice(1, -1).map((l) => l.split(';'));
        // Oldest first: R6 in March.
        assert.equal(rows[0][col('registrationId')], ids.R6);
        assert.equal(rows[0][col('occurredAt')], '2026-03-29T03:30:00+02:00');
        const r2 = rows.find((r) => r[0] === ids.R2)!;
        assert.equal(r2[col('topic')], 'huurtoeslag');
        assert.equal(r2[col('help')], 'digitaal-contact');
        const r1 = rows.filter((r) => r[0] === ids.R1);
        assert.deepEqual(
          r1.map((r) => [r[col('date')], r[col('time')], r[col('position')], r[col('topic')], r[col('agencies')]]),
          [
            ['2026-11-28', '00:30', '1', 'huurtoeslag', 'dienst-toeslagen,belastingdienst'],
            ['2026-11-28', '00:30', '2', 'zorgtoeslag', 'dienst-toeslagen'],
          ],
        );
        assert.equal(r1[0][col('referralPartnerKind')], 'sociaal-raadslieden');
        assert.equal(r1[0][col('referralWarm')], 'true');
        assert.ok(text.includes(';"Vraag over ""afval""; later terug"\r\n'));
        assert.ok(text.includes(";'=1+1 is geen formule\r\n"), 'a formula-like note is defused in CSV');
        assert.ok(!text.includes(ids.B1));
      });

      it('writes the questions as XLSX that reads back', async () => {
        const { res, bytes } = await download(t.a.coordinator, `format=xlsx&view=questions&${YEAR}`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        assert.equal(res.headers.get('content-disposition'), 'attachment; filename="ido-questions-2026-01-01-2026-12-31.xlsx"');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
        const sheet = workbook.worksheets[0];
        assert.equal(sheet.actualRowCount, 12);
        const header = (sheet.getRow(1).values as unknown[]).slice(1);
        const rows = [];
        for (let i = 2; i <= sheet.rowCount; i++) {
          const values = sheet.getRow(i).values as unknown[];
          rows.push(Object.fromEntries(header.map((h, j) => [h as string, values[j + 1] ?? null])));
        }
        const r5 = rows.filter((r) => r.registrationId === ids.R5);
        assert.deepEqual(
          r5.map((r) => [r.occurredAt, r.position, r.topic, r.agencies, r.channel]),
          [
            ['2026-10-25T02:30:00+01:00', 1, 'aow-pensioen', 'svb', 'telefoon'],
            ['2026-10-25T02:30:00+01:00', 2, 'aow-pensioen', 'svb,uwv', 'telefoon'],
          ],
        );
        const r3 = rows.find((r) => r.registrationId === ids.R3 && r.position === 2)!;
        assert.equal(r3.referralPartnerId, t.a.partner.id);
        assert.equal(r3.referralWarm, false);
        assert.equal(r3.location, 'Utrecht Noord');
        assert.equal(r3.note, '=1+1 is geen formule'); // typed text in XLSX: kept as written
        assert.equal(rows.find((r) => r.registrationId === ids.R8)!.topic, 'kinderopvangtoeslag');
      });

      it('writes the accountability tables as CSV, with small counts as "< 5" on request', async () => {
        const { res, bytes } = await download(t.a.coordinator, `format=csv&view=summary&${YEAR}&suppress=true`);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('content-disposition'), 'attachment; filename="ido-summary-2026-01-01-2026-12-31.csv"');
        assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
        const text = new TextDecoder().decode(bytes);
        assert.ok(text.includes('\r\nVan;Tot en met;Bezoeken;Vragen;'));
        // Totals: 8 visits, 11 questions, 2 referred → "< 5"; courses 3 runs → "< 5", 17 enrolled, 14 completed.
        assert.ok(text.includes('\r\n2026-01-01;2026-12-31;8;11;< 5;< 5;17;14\r\n'), text);
        assert.ok(text.includes(`\r\n2026-11;${t.a.location.id};Utrecht Centrum;huurtoeslag;`));
        assert.ok(!text.match(/;[1-4]\r\n/));
        const plain = new TextDecoder().decode((await download(t.a.coordinator, `format=csv&view=summary&${YEAR}`)).bytes);
        assert.ok(plain.includes('\r\n2026-01-01;2026-12-31;8;11;2;3;17;14\r\n'));
      });

      it('writes the accountability tables as XLSX, a sheet each', async () => {
        const { res, bytes } = await download(t.a.coordinator, `format=xlsx&view=summary&${YEAR}&lang=en`);
        assert.equal(res.status, 200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
        assert.deepEqual(
          workbook.worksheets.map((s) => s.name),
          ['Totals', 'Questions', 'Agencies', 'Courses', 'Referrals'],
        );
        const totals = (workbook.getWorksheet('Totals')!.getRow(2).values as unknown[]).slice(1);
        assert.deepEqual(totals, ['2026-01-01', '2026-12-31', 8, 11, 2, 3, 17, 14]);
        const q = workbook.getWorksheet('Questions')!;
        const rows = [];
        for (let i = 2; i <= q.rowCount; i++) rows.push((q.getRow(i).values as unknown[]).slice(1));
        // November at Utrecht Centrum: huurtoeslag R1, R2; zorgtoeslag R1; kinderopvangtoeslag R8; gemeente R9.
        const nov = rows.filter((r) => r[0] === '2026-11' && r[1] === t.a.location.id).map((r) => [r[3], r[5], r[6]]);
        assert.deepEqual(nov, [
          ['huurtoeslag', 2, 2],
          ['gemeente', 1, 1],
          ['kinderopvangtoeslag', 1, 1],
          ['zorgtoeslag', 1, 1],
        ]);
        // November per agency: dienst-toeslagen R1 (two questions), R2, R8; belastingdienst R1; logius R3; gemeente R9.
        const agencies = workbook.getWorksheet('Agencies')!;
        const agencyRows = [];
        for (let i = 2; i <= agencies.rowCount; i++) agencyRows.push((agencies.getRow(i).values as unknown[]).slice(1));
        assert.deepEqual(
          agencyRows.filter((r) => r[0] === '2026-11').map((r) => [r[1], r[2], r[3], r[4]]),
          [
            ['dienst-toeslagen', 'Benefits Agency (Dienst Toeslagen)', 3, 4],
            ['belastingdienst', 'Tax Administration (Belastingdienst)', 1, 1],
            ['gemeente', 'Municipality', 1, 1],
            ['logius', 'Logius (DigiD)', 1, 1],
          ],
        );
        // October: svb R4 and R5 (two questions), uwv R5; March: logius R6.
        assert.deepEqual(
          agencyRows.filter((r) => r[0] !== '2026-11').map((r) => [r[0], r[1], r[3], r[4]]),
          [
            ['2026-03', 'logius', 1, 1],
            ['2026-10', 'svb', 2, 3],
            ['2026-10', 'uwv', 1, 1],
          ],
        );
        // Referrals: R1 to a kind (warm) and R3 to a partner of that kind (cold).
        const referrals = (workbook.getWorksheet('Referrals')!.getRow(2).values as unknown[]).slice(1);
        assert.deepEqual([referrals[0], referrals[2], referrals[3], referrals[4], referrals[5]], ['sociaal-raadslieden', 2, 2, 1, 1]);
        const courses = workbook.getWorksheet('Courses')!;
        assert.equal(courses.actualRowCount, 4); // header + Centrum digisterker, Centrum klik-en-tik, Noord digisterker
      });

      it('gives the same tables from the aggregates as from the raw rows, per year and per quarter, nationally and per location', async () => {
        const aggregates = aggregateReportQueries(
          ctx.database,
          sqlReportQueries(ctx.database, codeMapOf(ctx.deps.taxonomy)),
          codeMapOf(ctx.deps.taxonomy),
        );
        const raw = sqlReportQueries(ctx.database, codeMapOf(ctx.deps.taxonomy));
        const queries = [
          `format=csv&view=summary&${YEAR}&period=year`,
          `format=csv&view=summary&from=2025-12-15&to=2026-11-29&period=quarter&suppress=true`,
          `format=csv&view=summary&${YEAR}&locationId=${t.a.location.id}`,
          `format=csv&view=summary&from=2026-11-28&to=2026-11-28&lang=en`,
        ];
        try {
          for (const qs of queries) {
            ctx.deps.reports.queries = aggregates;
            const fromAggregates = new TextDecoder().decode((await download(t.national, qs)).bytes);
            ctx.deps.reports.queries = raw;
            const fromRaw = new TextDecoder().decode((await download(t.national, qs)).bytes);
            assert.equal(fromAggregates, fromRaw, qs);
          }
        } finally {
          ctx.deps.reports.queries = aggregates;
        }
        // Per year, nationally: dienst-toeslagen R1, R2, R8 and B1 (5 questions); the referral row as above.
        const year = new TextDecoder().decode((await download(t.national, queries[0])).bytes);
        assert.ok(year.includes('\r\n2026;dienst-toeslagen;Dienst Toeslagen;4;5\r\n'), year);
        assert.ok(year.includes('\r\nsociaal-raadslieden;Sociaal raadslieden;2;2;1;1\r\n'), year);
      });

      it('is scoped like the summary and checks its query', async () => {
        assert.equal(
          (await download(t.a.coordinator, `format=csv&view=questions&${YEAR}&organisationId=${t.b.organisation.id}`)).res.status,
          404,
        );
        const national = new TextDecoder().decode((await download(t.national, `format=csv&view=questions&${YEAR}`)).bytes);
        assert.ok(national.includes(ids.B1));
        assert.equal((await download(t.a.coordinator, `format=pdf&view=questions&${YEAR}`)).res.status, 422);
        assert.equal((await download(t.a.coordinator, `format=csv&view=questions&${YEAR}&suppress=true`)).res.status, 422);
      });
    });
  });
}

const sqlInsertDemand = sql`insert into search_demand (pc4, day, searches) values
  ('3511', '2026-11-02', 4), ('3511', '2026-11-30', 3), ('1011', '2026-11-15', 2), ('1011', '2026-12-01', 9)`;
