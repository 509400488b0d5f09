import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { runImportCommand } from '../../server/cli-import.js';
import { readConfig } from '../../server/env.js';
import { parseCsv, parseTime, parseWhen } from '../../server/services/import-parse.js';
import { visitId, waitForImports } from '../../server/services/imports.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const NOW = new Date('2026-12-15T12:00:00Z');
const YEAR = 'from=2026-01-01&to=2026-12-31';

interface UploadOptions {
  name?: string;
  mapping?: unknown;
  dryRun?: boolean;
  fields?: Record<string, string>;
  type?: string;
}

/** `POST /api/v1/imports` as a browser sends it: multipart/form-data. */
function upload(ctx: TestContext, token: string | undefined, file: string | Uint8Array, options: UploadOptions = {}) {
  const form = new FormData();
  const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: options.type ?? 'text/csv' }), options.name ?? 'registraties.csv');
  if (options.mapping !== undefined)
    form.set('mapping', typeof options.mapping === 'string' ? options.mapping : JSON.stringify(options.mapping));
  if (options.dryRun !== undefined) form.set('dryRun', String(options.dryRun));
  for (const [k, v] of Object.entries(options.fields ?? {})) form.set(k, v);
  return ctx.call('POST', '/api/v1/imports', { token, raw: form as never });
}

async function countVisits(ctx: TestContext, organisationId: string): Promise<number> {
  const [row] = await ctx.rows<{ n: number }>(
    sql`select count(*)::int as n from registrations where organisation_id = ${organisationId}::uuid and deleted_at is null`,
  );
  return Number(row.n);
}

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Registraties');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const csv = (lines: string[], separator = ';') => lines.map((l) => l.replaceAll('|', separator)).join('\r\n') + '\r\n';

describe('import parsing (pure)', () => {
  it('reads Dutch and ISO dates, times and Excel values', () => {
    assert.deepEqual(parseWhen('28-11-2026'), { date: '2026-11-28', time: null });
    assert.deepEqual(parseWhen('2026-11-28 10:15'), { date: '2026-11-28', time: '10:15' });
    assert.deepEqual(parseWhen('28/11/2026 9.05'), { date: '2026-11-28', time: '09:05' });
    assert.deepEqual(parseWhen('za 28 nov. 2026'), { date: '2026-11-28', time: null });
    assert.deepEqual(parseWhen('2026-10-25T02:30:00+01:00'), { instant: new Date('2026-10-25T01:30:00Z') });
    assert.deepEqual(parseWhen(46354), { date: '2026-11-28', time: null });
    assert.deepEqual(parseWhen(new Date(Date.UTC(2026, 10, 28, 14, 30))), { date: '2026-11-28', time: '14:30' });
    assert.equal(parseWhen('31-02-2026'), null);
    assert.equal(parseWhen('morgen'), null);
    assert.equal(parseTime(0.4375), '10:30');
    assert.equal(parseTime('9:05 uur'), '09:05');
    assert.equal(parseTime('25:00'), null);
  });

  it('reads quoted CSV fields with separators, quotes and line breaks', () => {
    assert.deepEqual(parseCsv('a;b\r\n"x;y";"he said ""hi""\nthen"\r\n'), [
      ['a', 'b'],
      ['x;y', 'he said "hi"\nthen'],
    ]);
    assert.deepEqual(parseCsv('a,b\n1,2\n'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives every visit a deterministic v5-style uuid per organisation, content and occurrence', () => {
    const a = visitId('0f1e2d3c-0000-4000-8000-000000000001', 'hash', 0);
    assert.equal(a, visitId('0f1e2d3c-0000-4000-8000-000000000001', 'hash', 0));
    assert.notEqual(a, visitId('0f1e2d3c-0000-4000-8000-000000000001', 'hash', 1));
    assert.notEqual(a, visitId('0f1e2d3c-0000-4000-8000-000000000002', 'hash', 0));
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

for (const backend of backends) {
  describe(`imports (${backend})`, () => {
    let ctx: TestContext;
    let t: Tenants;

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW });
      t = await seedTenants(ctx);
    });
    after(async () => {
      await waitForImports();
      await ctx?.close();
    });

    it('reads a CSV with ; and a BOM, guesses Dutch headers and maps labels to codes; a dry run stores nothing; the same file twice adds nothing', async () => {
      const file =
        '\uFEFF' +
        csv([
          'Datum|Tijd|Vestiging|Kanaal|Duur|Soort vraag|Onderwerp|Instantie|Hulp|DigiD|Notitie',
          '2-11-2026|10:15|Utrecht Centrum|Aan de balie|5 tot 15 minuten|Digitale overheid|Huurtoeslag|Dienst Toeslagen|Hulp bij digitaal contact met de overheid|Ja|',
          '2-11-2026|11:00|utrecht noord|By phone|20|digitale-overheid|zorgtoeslag|dienst-toeslagen, belastingdienst|digitaal-contact|nee|"Vraag over ""aanslag""; terugbellen"',
          '3-11-2026|09:30|Utrecht Centrum|Balie|< 5 min|Digitale overheid|AOW en pensioen|SVB||weet niet|',
        ]);
      const dry = await upload(ctx, t.a.coordinator, file, { dryRun: true });
      assert.equal(dry.status, 200, dry.text);
      assert.equal(dry.body.status, 'dry-run');
      assert.equal(dry.body.rows, 3);
      assert.deepEqual(dry.body.errors, []);
      assert.equal(dry.body.progress, 1);
      assert.deepEqual(dry.body.summary, { visits: 3, questions: 3, duplicates: 0 });
      assert.equal(dry.body.mapping.columns.topic, 'Onderwerp');
      assert.equal(await countVisits(ctx, t.a.organisation.id), 0, 'a dry run stores no visits');
      const [record] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from imports where id = ${dry.body.id}::uuid`);
      assert.equal(Number(record.n), 1, 'but it keeps the import record');

      const first = await upload(ctx, t.a.coordinator, file);
      assert.equal(first.status, 201, first.text);
      assert.equal(first.body.status, 'done');
      assert.equal(first.body.imported, 3);
      assert.deepEqual(first.body.summary, { visits: 3, questions: 3, duplicates: 0 });
      assert.equal(await countVisits(ctx, t.a.organisation.id), 3);

      const list = await ctx.call('GET', `/api/v1/registrations?from=2026-11-02&to=2026-11-03`, { token: t.a.coordinator });
      const byTopic = new Map(list.body.items.map((r: any) => [r.questions[0].topic, r]));
      const huur: any = byTopic.get('huurtoeslag');
      assert.equal(huur.occurredAt, '2026-11-02T09:15:00.000Z'); // 10:15 in Amsterdam (CET)
      assert.equal(huur.channel, 'balie');
      assert.equal(huur.duration, '5-15');
      assert.equal(huur.locationId, t.a.location.id);
      assert.deepEqual(huur.questions[0], {
        type: 'digitale-overheid',
        topic: 'huurtoeslag',
        agencies: ['dienst-toeslagen'],
        help: ['digitaal-contact'],
        referral: null,
        digid: 'ja',
      });
      const zorg: any = byTopic.get('zorgtoeslag');
      assert.equal(zorg.locationId, t.a.location2.id, 'location matched by name, case ignored');
      assert.equal(zorg.channel, 'telefoon');
      assert.equal(zorg.duration, '15-30', '20 minutes');
      assert.deepEqual(zorg.questions[0].agencies, ['dienst-toeslagen', 'belastingdienst']);
      assert.equal(zorg.note, 'Vraag over "aanslag"; terugbellen');
      const aow: any = byTopic.get('aow-pensioen');
      assert.equal(aow.duration, '0-5');
      assert.equal(aow.questions[0].digid, 'weet-niet');
      assert.deepEqual(aow.questions[0].help, []);

      const again = await upload(ctx, t.a.coordinator, file);
      assert.equal(again.status, 201, again.text);
      assert.equal(again.body.imported, 0);
      assert.equal(again.body.duplicates, 3);
      assert.deepEqual(again.body.summary, { visits: 0, questions: 0, duplicates: 3 });
      assert.equal(await countVisits(ctx, t.a.organisation.id), 3, 'the second import adds nothing');

      const shown = await ctx.call('GET', `/api/v1/imports/${first.body.id}`, { token: t.a.secretKey });
      assert.equal(shown.status, 200);
      assert.equal(shown.body.status, 'done');
      assert.equal(shown.body.progress, 1);
      assert.equal(shown.body.imported, 3);
    });

    it('reads an XLSX with a mapping, value translations, defaults, retired codes and visits of several rows', async () => {
      const file = await xlsx([
        ['Bezoek', 'Wanneer', 'Wat', 'Opmerking'],
        ['B1', new Date(Date.UTC(2026, 10, 9, 14, 30)), 'Huur', 'eerste bezoek'],
        ['B1', new Date(Date.UTC(2026, 10, 9, 14, 30)), 'toeslagen-zorg', null],
        ['B2', new Date(Date.UTC(2026, 10, 10, 0, 0)), 'Pensioen vraag', null],
      ]);
      const mapping = {
        shape: 'question',
        columns: { visit: 'Bezoek', occurredAt: 'Wanneer', topic: 'Wat', note: 'Opmerking' },
        values: { topic: { Huur: 'huurtoeslag', 'Pensioen vraag': 'AOW en pensioen' } },
        defaults: {
          channel: 'spreekuur',
          duration: '15-30',
          type: 'Digitale overheid',
          locationId: t.a.location2.id,
          help: ['digitaal-contact'],
        },
      };
      const r = await upload(ctx, t.a.coordinator, file, {
        name: 'oud.xlsx',
        mapping,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(r.body.errors, []);
      assert.deepEqual(r.body.summary, { visits: 2, questions: 3, duplicates: 0 });
      const list = await ctx.call('GET', `/api/v1/registrations?from=2026-11-09&to=2026-11-10`, { token: t.a.coordinator });
      assert.equal(list.body.items.length, 2);
      const b1 = list.body.items.find((x: any) => x.questions.length === 2);
      assert.equal(b1.occurredAt, '2026-11-09T13:30:00.000Z');
      assert.deepEqual(
        b1.questions.map((q: any) => q.topic),
        ['huurtoeslag', 'zorgtoeslag'],
      );
      assert.equal(b1.note, 'eerste bezoek');
      assert.equal(b1.channel, 'spreekuur');
      assert.equal(b1.locationId, t.a.location2.id);
      assert.deepEqual(b1.questions[0].help, ['digitaal-contact']);
      const b2 = list.body.items.find((x: any) => x.questions.length === 1);
      assert.equal(b2.occurredAt, '2026-11-10T11:00:00.000Z', 'a date without a time is 12:00 in Amsterdam');
      assert.equal(b2.questions[0].topic, 'aow-pensioen');
    });

    it('turns a sheet of daily counts per topic into that many visits at 12:00 Amsterdam', async () => {
      const file = csv(
        ['Datum|Vestiging|Huurtoeslag|Zorgtoeslag|DigiD|Totaal', '2026-11-16|Utrecht Centrum|3|1|0|4', '2026-11-17|Utrecht Noord|0|2|1|3'],
        ',',
      );
      const mapping = { defaults: { channel: 'balie', duration: '5-15', type: 'digitale-overheid' } };
      const r = await upload(ctx, t.a.coordinator, file, { mapping });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.mapping.shape, 'daily');
      assert.deepEqual(r.body.errors, []);
      assert.deepEqual(r.body.summary, { visits: 7, questions: 7, duplicates: 0 });
      const summary = await ctx.call('GET', `/api/v1/reports/summary?from=2026-11-16&to=2026-11-17&groupBy=topic`, {
        token: t.a.coordinator,
      });
      assert.deepEqual(
        summary.body.groups.map((g: any) => [g.key, g.visits]),
        [
          ['huurtoeslag', 3],
          ['zorgtoeslag', 3],
          ['digid', 1],
        ],
      );
      const list = await ctx.call('GET', `/api/v1/registrations?from=2026-11-16&to=2026-11-17`, { token: t.a.coordinator });
      assert.ok(list.body.items.every((x: any) => x.occurredAt.endsWith('T11:00:00.000Z')));

      const again = await upload(ctx, t.a.coordinator, file, { mapping });
      assert.deepEqual(again.body.summary, { visits: 0, questions: 0, duplicates: 7 });
    });

    it("lists every row error with its sheet row number, refuses personal data and other organisations' locations per row, and imports the valid rows", async () => {
      const file = csv([
        'Registratie|Datum|Vestiging|Kanaal|Duur|Soort vraag|Onderwerp|Notitie',
        '|2026-11-23 10:00|Utrecht Centrum|balie|5-15|digitale-overheid|huurtoeslag|',
        '|2026-11-23 10:05|Utrecht Centrum|balie|5-15|digitale-overheid|Vuilnisophaal|bel terug op 06-12345678',
        '|31-02-2026|Utrecht Centrum|balie|5-15|digitale-overheid|huurtoeslag|',
        '|2026-11-23 10:10|Amsterdam Centrum|balie|5-15|digitale-overheid|huurtoeslag|',
        '|2026-11-23 10:15|Utrecht Centrum|balie|5-15|digitale-overheid|huurtoeslag|BSN 111222333 genoemd',
        '|2027-05-01 10:00|Utrecht Centrum|balie|5-15|digitale-overheid|huurtoeslag|',
        '|2026-11-23 10:20|Utrecht Centrum|balie|5-15|digitale-overheid|zorgtoeslag|',
        '',
        'X|2026-11-23 11:00|Utrecht Centrum|balie|5-15|digitale-overheid|huurtoeslag|mail naar iemand@example.nl',
        'X|2026-11-23 11:00|Utrecht Centrum|balie|5-15|digitale-overheid|Onbekend onderwerp|',
        '|2026-11-23 12:00|Utrecht Noord|balie|5-15|digitale-overheid|digid-app|',
      ]);
      const before = await countVisits(ctx, t.a.organisation.id);
      const dry = await upload(ctx, t.a.coordinator, file, { dryRun: true });
      assert.equal(dry.status, 200, dry.text);
      const rows = (body: any) => body.errors.map((e: any) => [e.row, e.path, e.code]);
      // Every error of a row at once: a row whose topic cannot be read is still checked for personal data.
      const expected = [
        [3, 'note', 'personal-data'],
        [3, 'topic', 'unknown-code'],
        [4, 'occurredAt', 'invalid-date'],
        [5, 'location', 'unknown-location'],
        [6, 'note', 'personal-data'],
        [7, 'occurredAt', 'future'],
        [10, 'note', 'personal-data'],
        [10, 'visit', 'visit-skipped'],
        [11, 'topic', 'unknown-code'],
      ];
      assert.deepEqual(rows(dry.body), expected);
      assert.deepEqual(dry.body.summary, { visits: 3, questions: 3, duplicates: 0 });
      assert.equal(await countVisits(ctx, t.a.organisation.id), before, 'the dry run stored nothing');
      const bsn = dry.body.errors.find((e: any) => e.row === 6);
      assert.match(bsn.message, /BSN/);
      assert.equal(bsn.column, 'Notitie');
      assert.match(dry.body.errors.find((e: any) => e.row === 3 && e.path === 'note').message, /telefoonnummer/);
      const topic = dry.body.errors.find((e: any) => e.row === 3 && e.path === 'topic');
      assert.match(topic.message, /Onderwerp/);
      assert.match(topic.message, /Vuilnisophaal/);

      const real = await upload(ctx, t.a.coordinator, file, { fields: { dryRun: 'false' } });
      assert.equal(real.status, 201, real.text);
      assert.deepEqual(rows(real.body), expected);
      assert.equal(real.body.imported, 3);
      assert.equal(await countVisits(ctx, t.a.organisation.id), before + 3);

      const en = await ctx.call('GET', `/api/v1/imports/${real.body.id}`, { token: t.a.coordinator, headers: { 'accept-language': 'en' } });
      assert.match(en.body.errors.find((e: any) => e.code === 'personal-data').message, /personal data/i);
    });

    it('shows the progress of a larger import through GET while it runs in the background', async () => {
      const lines = ['Datum|Huurtoeslag|Zorgtoeslag'];
      for (let d = 1; d <= 5; d++) lines.push(`2026-10-0${d}|50|40`);
      const mapping = {
        shape: 'daily',
        defaults: { channel: 'balie', duration: '5-15', type: 'digitale-overheid', location: 'Utrecht Noord' },
      };
      const r = await upload(ctx, t.a.coordinator, csv(lines), { mapping, fields: { background: 'true' } });
      assert.equal(r.status, 202, r.text);
      assert.equal(r.body.status, 'running');
      assert.equal(r.headers.get('location'), `/api/v1/imports/${r.body.id}`);
      const seen: number[] = [];
      let status = r.body.status;
      for (let i = 0; i < 600 && status === 'running'; i++) {
        const g = await ctx.call('GET', `/api/v1/imports/${r.body.id}`, { token: t.a.coordinator });
        assert.equal(g.status, 200);
        seen.push(g.body.progress);
        status = g.body.status;
        if (status === 'running') await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(status, 'done');
      assert.ok(
        seen.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= seen[i - 1])),
        `progress only grows: ${seen}`,
      );
      assert.equal(seen.at(-1), 1);
      assert.ok(
        seen.some((p) => p > 0 && p < 1),
        `progress between chunks is visible: ${seen}`,
      );
      const done = await ctx.call('GET', `/api/v1/imports/${r.body.id}`, { token: t.a.coordinator });
      assert.equal(done.body.imported, 450);
      assert.ok(done.body.finishedAt);
    });

    it('answers 415, 413, 400 and 422 for what cannot be imported, never a 500', async () => {
      const token = t.a.coordinator;
      const json = await ctx.call('POST', '/api/v1/imports', { token, body: { file: 'x' } });
      assert.equal(json.status, 415);
      assert.match(json.headers.get('content-type') ?? '', /problem\+json/);

      const big = new Uint8Array(5 * 1024 * 1024 + 10).fill(65);
      assert.equal((await upload(ctx, token, big)).status, 413);

      const broken = await ctx.call('POST', '/api/v1/imports', {
        token,
        raw: 'not a form',
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      });
      assert.equal(broken.status, 400, broken.text);

      const png = new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0,
      ]);
      const cases: [string, Uint8Array | string, UploadOptions, RegExp | null][] = [
        ['an image', png, { name: 'foto.png' }, /geen CSV/],
        ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), { name: 'oud.xls' }, /\.xls/],
        ['a damaged .xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]), { name: 'kapot.xlsx' }, /beschadigd/],
        ['an empty file', '', {}, /leeg/],
        ['a header without rows', 'Datum;Onderwerp\r\n', {}, /geen rijen/],
        ['columns that mean nothing', 'foo;bar\r\n1;2\r\n', {}, /kolommen/],
      ];
      for (const [what, file, options, detail] of cases) {
        const r = await upload(ctx, token, file, options);
        assert.equal(r.status, 422, `${what}: ${r.text}`);
        if (detail) assert.match(r.body.detail, detail, what);
      }
      const good = csv(['Datum|Onderwerp', '2026-11-02|huurtoeslag']);
      const notJson = await upload(ctx, token, good, { mapping: '{not json' });
      assert.equal(notJson.status, 422);
      assert.equal(notJson.body.errors[0].path, 'mapping');
      const unknownColumn = await upload(ctx, token, good, {
        mapping: {
          columns: { occurredAt: 'Datum', topic: 'Thema' },
          defaults: { channel: 'balie', duration: '5-15', type: 'overig', locationId: t.a.location.id },
        },
      });
      assert.equal(unknownColumn.status, 422);
      assert.deepEqual(
        unknownColumn.body.errors.map((e: any) => [e.path, e.code]),
        [['mapping.columns.topic', 'unknown-column']],
      );
      assert.match(unknownColumn.body.errors[0].message, /Thema/);
      const missing = await upload(ctx, token, good);
      assert.equal(missing.status, 422);
      assert.deepEqual(missing.body.errors.map((e: any) => e.path).sort(), [
        'mapping.columns.channel',
        'mapping.columns.duration',
        'mapping.columns.location',
        'mapping.columns.type',
      ]);
      const badMapping = await upload(ctx, token, good, { mapping: { colums: {} } });
      assert.equal(badMapping.status, 422);
      assert.equal(badMapping.body.errors[0].path, 'mapping.colums');
      const noFile = await ctx.call('POST', '/api/v1/imports', {
        token,
        raw: (() => {
          const f = new FormData();
          f.set('dryRun', 'true');
          return f;
        })() as never,
      });
      assert.equal(noFile.status, 422);
      assert.deepEqual(
        noFile.body.errors.map((e: any) => [e.path, e.code]),
        [['file', 'required']],
      );
      const extra = await upload(ctx, token, good, { fields: { wat: 'dit' } });
      assert.equal(extra.status, 422);
      assert.deepEqual(
        extra.body.errors.map((e: any) => [e.path, e.code]),
        [['wat', 'unknown-field']],
      );
    });

    it("is for staff of the organisation: desk keys 403, national users name the organisation, another organisation's import is 404", async () => {
      const file = csv(['Datum|Onderwerp', '2026-11-24 10:00|huurtoeslag']);
      const mapping = { defaults: { channel: 'balie', duration: '5-15', type: 'digitale-overheid', location: 'Amsterdam Centrum' } };
      assert.equal((await upload(ctx, undefined, file, { mapping })).status, 401);
      assert.equal((await upload(ctx, t.a.deskKeyNoOrigin, file, { mapping })).status, 403);

      const noOrg = await upload(ctx, t.national, file, { mapping });
      assert.equal(noOrg.status, 422);
      assert.equal(noOrg.body.errors[0].path, 'organisationId');
      const otherOrg = await upload(ctx, t.a.coordinator, file, { mapping, fields: { organisationId: t.b.organisation.id } });
      assert.equal(otherOrg.status, 422);
      // Coordinator A cannot use B's location by name: it does not exist in A's organisation.
      const byName = await upload(ctx, t.a.coordinator, file, { mapping });
      assert.equal(byName.status, 422);
      assert.equal(byName.body.errors[0].path, 'mapping.defaults.location');

      const national = await upload(ctx, t.national, file, { mapping, fields: { organisationId: t.b.organisation.id } });
      assert.equal(national.status, 201, national.text);
      assert.equal(national.body.organisationId, t.b.organisation.id);
      assert.equal(national.body.imported, 1);

      assert.equal((await ctx.call('GET', `/api/v1/imports/${national.body.id}`, { token: t.b.coordinator })).status, 200);
      assert.equal((await ctx.call('GET', `/api/v1/imports/${national.body.id}`, { token: t.national })).status, 200);
      assert.equal((await ctx.call('GET', `/api/v1/imports/${national.body.id}`, { token: t.a.coordinator })).status, 404);
      assert.equal((await ctx.call('GET', `/api/v1/imports/${national.body.id}`, { token: t.a.secretKey })).status, 404);
      assert.equal((await ctx.call('GET', '/api/v1/imports/not-a-uuid', { token: t.a.coordinator })).status, 404);
      assert.equal((await ctx.call('GET', `/api/v1/imports/${national.body.id}`, { token: t.b.deskKeyNoOrigin })).status, 403);
    });

    it('runs from the command line with progress, as a dry run and for real', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ido-import-'));
      try {
        const file = join(dir, 'tellingen.csv');
        writeFileSync(file, csv(['Datum|Huurtoeslag|Berichtenbox', '2026-09-01|2|1', '2026-09-02|1|0']));
        const mappingFile = join(dir, 'mapping.json');
        writeFileSync(
          mappingFile,
          JSON.stringify({ shape: 'daily', defaults: { channel: 'balie', duration: '0-5', type: 'digitale-overheid' } }),
        );
        const config = readConfig({ IDO_LOG: 'off', IDO_PDOK_URL: 'off' });
        const run = async (args: string[]) => {
          const out: string[] = [];
          const err: string[] = [];
          const code = await runImportCommand(args, {
            database: ctx.database,
            config,
            out: (l) => out.push(l),
            err: (l) => err.push(l),
            tty: false,
          });
          return { code, out, err };
        };
        const org = t.b.organisation.id;
        const before = await countVisits(ctx, org);
        assert.equal((await run([file, '--mapping', mappingFile])).code, 2, 'needs --organisation');
        assert.equal((await run([file, '--organisation', 'nope', '--mapping', mappingFile])).code, 2);

        const dry = await run([file, '--organisation', org, '--location', 'Amsterdam Noord', '--mapping', mappingFile, '--dry-run']);
        assert.equal(dry.code, 0, dry.err.join('\n'));
        assert.ok(dry.out.includes('Rij 2 van 2 (100 %)'), dry.out.join('\n'));
        assert.match(dry.out.at(-1)!, /Zou importeren: 4 bezoeken met 4 vragen/);
        assert.equal(await countVisits(ctx, org), before);

        const real = await run([file, '--organisation', org, '--location', 'Amsterdam Noord', '--mapping', mappingFile]);
        assert.equal(real.code, 0, real.err.join('\n'));
        assert.ok(real.out.some((l) => /^Rij \d+ van 2 \(\d+ %\)$/.test(l)));
        assert.equal(await countVisits(ctx, org), before + 4);

        const broken = join(dir, 'kapot.csv');
        writeFileSync(broken, 'foo;bar\r\n1;2\r\n');
        const failed = await run([broken, '--organisation', org]);
        assert.equal(failed.code, 1);
        assert.ok(
          failed.err.some((l) => /mapping\.columns\.occurredAt/.test(l)),
          failed.err.join('\n'),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reads back its own questions export: imported into an empty database, the topic figures are the same', async () => {
      // A second organisation-A database with the same locations but no visits.
      const target = await createTestContext(backend, { clock: () => NOW });
      try {
        const t2 = await seedTenants(target);
        const A1 = t.a.location.id;
        const A2 = t.a.location2.id;
        const visits = [
          {
            locationId: A1,
            occurredAt: '2026-06-01T10:00:00+02:00',
            channel: 'balie',
            duration: '5-15',
            questions: [
              {
                type: 'digitale-overheid',
                topic: 'huurtoeslag',
                agencies: ['dienst-toeslagen', 'belastingdienst'],
                help: ['digitaal-contact', 'doorverwijzing'],
                referral: { partnerKind: 'sociaal-raadslieden', warm: true },
                digid: 'ja',
              },
              { type: 'digitale-overheid', topic: 'zorgtoeslag', agencies: ['dienst-toeslagen'], help: [] },
            ],
            note: '=SOM(A1) is geen formule; "quote"; regel',
          },
          {
            locationId: A2,
            occurredAt: '2026-10-25T02:30:00+01:00',
            channel: 'telefoon',
            duration: '60+',
            questions: [{ type: 'overig', topic: 'overig' }],
          },
          {
            locationId: A2,
            occurredAt: '2026-10-25T02:30:00+02:00',
            channel: 'telefoon',
            duration: '60+',
            questions: [{ type: 'overig', topic: 'overig' }],
          },
          {
            locationId: A1,
            occurredAt: '2026-07-01T09:00:00+02:00',
            channel: 'email-chat',
            duration: '0-5',
            questions: [{ type: 'bibliotheekdienst', topic: 'digid-app', digid: 'weet-niet' }],
          },
          {
            locationId: A1,
            occurredAt: '2026-07-01T09:00:00+02:00',
            channel: 'email-chat',
            duration: '0-5',
            questions: [{ type: 'bibliotheekdienst', topic: 'digid-app', digid: 'weet-niet' }],
          },
        ];
        for (const v of visits) {
          const r = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: v });
          assert.equal(r.status, 201, r.text);
        }
        const summary = async (c: TestContext, token: string, groupBy: string) =>
          (await c.call('GET', `/api/v1/reports/summary?${YEAR}&groupBy=${groupBy}`, { token })).body;
        const exportCsv = await ctx.call('GET', `/api/v1/reports/export?format=csv&view=questions&${YEAR}`, { token: t.a.coordinator });
        assert.equal(exportCsv.status, 200);
        const exportXlsx = await ctx.app.request(`/api/v1/reports/export?format=xlsx&view=questions&${YEAR}`, {
          headers: { authorization: `Bearer ${t.a.coordinator}` },
        });
        assert.equal(exportXlsx.status, 200);
        const xlsxBytes = new Uint8Array(await exportXlsx.arrayBuffer());

        const imported = await upload(target, t2.a.coordinator, exportCsv.text, { name: 'ido-questions.csv' });
        assert.equal(imported.status, 201, imported.text);
        assert.deepEqual(imported.body.errors, []);
        const sourceVisits = (await summary(ctx, t.a.coordinator, 'topic')).visits;
        assert.equal(imported.body.summary.visits, sourceVisits);

        for (const groupBy of ['topic', 'day', 'weekday-hour', 'channel', 'help']) {
          const source = await summary(ctx, t.a.coordinator, groupBy);
          const copy = await summary(target, t2.a.coordinator, groupBy);
          assert.deepEqual(
            { ...copy, groups: copy.groups.map((g: any) => [g.key, g.visits, g.questions]) },
            { ...source, groups: source.groups.map((g: any) => [g.key, g.visits, g.questions]) },
            `groupBy=${groupBy}`,
          );
        }
        const notes = await target.rows<{ note: string }>(sql`select note from registrations where note is not null`);
        assert.ok(
          notes.some((n) => n.note === visits[0].note),
          "the note comes back without the export's formula guard",
        );

        // The XLSX export of the same visits is the same content: nothing new.
        const again = await upload(target, t2.a.coordinator, xlsxBytes, { name: 'ido-questions.xlsx' });
        assert.equal(again.status, 201, again.text);
        assert.deepEqual(again.body.errors, []);
        assert.deepEqual(again.body.summary, { visits: 0, questions: 0, duplicates: sourceVisits });
      } finally {
        await target.close();
      }
    });
  });
}
