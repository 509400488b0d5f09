/**
 * The exports: every question (`view=questions`, CSV or XLSX, streamed) and the accountability tables
 * (`view=summary`, from the same query layer as the summary, so an export and the dashboard agree).
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { loadExcel } from '../excel.js';
import { toAmsterdamIso, amsterdamParts } from '../../../sdk/opening-hours.js';
import type { Lang } from '../../http/messages.js';
import type { Deps } from '../../types.js';
import { CSV_BOM, csvLine, safeText, type CsvValue } from './csv.js';
import { namesOf } from './labels.js';
import type { AccountabilityPeriod, QuestionRow, ReportFilter } from './queries.js';
import { tableCount } from './suppression.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel's last row is 1,048,576; one header row per sheet. */
const XLSX_MAX_ROWS = 1_048_575;

const QUESTION_COLUMNS = [
  'registrationId',
  'occurredAt',
  'date',
  'time',
  'organisationId',
  'locationId',
  'location',
  'channel',
  'duration',
  'position',
  'type',
  'topic',
  'agencies',
  'help',
  'referralPartnerId',
  'referralPartnerKind',
  'referralWarm',
  'digid',
  'note',
] as const;

/** A question as a row of the export: the field names of the API, local date and time beside the instant. */
function questionValues(q: QuestionRow): CsvValue[] {
  const local = amsterdamParts(q.occurredAt);
  return [
    q.registrationId,
    toAmsterdamIso(q.occurredAt),
    local.date,
    local.time,
    q.organisationId,
    q.locationId,
    q.locationName,
    q.channel,
    q.duration,
    q.position,
    q.type,
    q.topic,
    q.agencies.join(','),
    q.help.join(','),
    q.referralPartnerId,
    q.referralPartnerKind,
    q.referralWarm,
    q.digid,
    q.note,
  ];
}

const encoder = new TextEncoder();

/**
 * A CSV record of an export. Text that a spreadsheet would run as a formula (a note or a name that
 * starts with `=`, `+`, `-` or `@`) gets a leading apostrophe; codes, ids and dates never start so.
 * XLSX needs no such guard: its cells are typed, text is never a formula.
 */
const csvRecord = (values: CsvValue[]) => csvLine(values.map((v) => (typeof v === 'string' ? safeText(v) : v)));

/** `view=questions` as CSV, streamed page by page (the database is read as the client reads). */
export function questionsCsv(deps: Pick<Deps, 'reports' | 'taxonomy' | 'logger'>, filter: ReportFilter): ReadableStream<Uint8Array> {
  const pages = deps.reports.queries.questionPages(filter)[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine([...QUESTION_COLUMNS])));
        return;
      }
      try {
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map((q) => csvRecord(questionValues(q))).join('')));
      } catch (error) {
        deps.logger.error({ msg: 'csv export failed', error });
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return?.();
    },
  });
}

/** `view=questions` as XLSX, streamed with exceljs' workbook writer; a new sheet every 1,048,575 rows. */
export function questionsXlsx(
  deps: Pick<Deps, 'reports' | 'taxonomy' | 'logger'>,
  filter: ReportFilter,
  lang: Lang,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const sheetName = lang === 'nl' ? 'Vragen' : 'Questions';
  (async () => {
    const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    let sheets = 1;
    let sheet = workbook.addWorksheet(sheetName);
    sheet.addRow([...QUESTION_COLUMNS]).commit();
    let rows = 0;
    for await (const page of deps.reports.queries.questionPages(filter)) {
      for (const q of page) {
        if (rows === XLSX_MAX_ROWS) {
          sheet.commit();
          sheet = workbook.addWorksheet(`${sheetName} ${++sheets}`);
          sheet.addRow([...QUESTION_COLUMNS]).commit();
          rows = 0;
        }
        sheet.addRow(questionValues(q).map(cell)).commit();
        rows++;
      }
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => {
    deps.logger.error({ msg: 'xlsx export failed', error });
    out.destroy(error as Error);
  });
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

const cell = (v: CsvValue) => (v === undefined ? null : v);

/** One table of the accountability export. */
export interface Table {
  name: string;
  title: string;
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/**
 * The accountability tables: totals; visits and questions per period × location × topic and per
 * period × agency; courses per type and location; referrals per partner kind. With `suppress`,
 * counts under 5 read `< 5`. Every count comes from the same query layer as the summary (the
 * aggregates by default, docs/aggregates.md), so an export and the dashboard agree.
 */
export async function accountabilityTables(
  deps: Pick<Deps, 'reports' | 'database' | 'taxonomy'>,
  filter: ReportFilter,
  options: { lang: Lang; suppress: boolean; period: AccountabilityPeriod },
): Promise<Table[]> {
  const { lang, suppress, period } = options;
  const queries = deps.reports.queries;
  const [totals, courseTotals, plt, agencies, courses, referrals] = await Promise.all([
    queries.totals(filter),
    queries.courseTotals(filter),
    queries.periodLocationTopic(filter, period),
    queries.periodCodes(filter, period, 'agency'),
    queries.coursesByTypeAndLocation(filter),
    queries.referralsByKind(filter),
  ]);
  const names = await namesOf(deps.database, 'locations', [...plt.map((r) => r.locationId), ...courses.map((r) => r.locationId)]);
  const locationName = (id: string) => names.get(id) ?? id;
  const n = (v: number) => tableCount(v, suppress);
  const nl = lang === 'nl';
  const byText = (a: string, b: string) => a.localeCompare(b, 'nl');

  const pltRows = [...plt].sort(
    (a, b) =>
      byText(a.period, b.period) ||
      byText(locationName(a.locationId), locationName(b.locationId)) ||
      b.questions - a.questions ||
      byText(a.topic, b.topic),
  );
  const agencyRows = [...agencies].sort((a, b) => byText(a.period, b.period) || b.questions - a.questions || byText(a.code, b.code));
  const courseRows = [...courses].sort((a, b) => byText(locationName(a.locationId), locationName(b.locationId)) || byText(a.type, b.type));
  const referralRows = [...referrals].sort((a, b) => b.questions - a.questions || byText(a.kind, b.kind));

  return [
    {
      name: nl ? 'Totalen' : 'Totals',
      title: nl ? `IDO-verantwoording ${filter.from} t/m ${filter.to}` : `IDO accountability ${filter.from} to ${filter.to}`,
      columns: nl
        ? [
            'Van',
            'Tot en met',
            'Bezoeken',
            'Vragen',
            'Bezoeken met doorverwijzing',
            'Cursussen',
            'Cursisten ingeschreven',
            'Cursisten afgerond',
          ]
        : ['From', 'To', 'Visits', 'Questions', 'Visits with a referral', 'Course runs', 'Participants enrolled', 'Participants completed'],
      rows: [
        [
          filter.from,
          filter.to,
          n(totals.visits),
          n(totals.questions),
          n(totals.referred),
          n(courseTotals.runs),
          n(courseTotals.enrolled),
          n(courseTotals.completed),
        ],
      ],
    },
    {
      name: nl ? 'Vragen' : 'Questions',
      title: nl ? 'Bezoeken en vragen per periode, locatie en onderwerp' : 'Visits and questions by period, location and topic',
      columns: nl
        ? ['Periode', 'Locatie-id', 'Locatie', 'Onderwerp (code)', 'Onderwerp', 'Bezoeken', 'Vragen']
        : ['Period', 'Location id', 'Location', 'Topic (code)', 'Topic', 'Visits', 'Questions'],
      rows: pltRows.map((r) => [
        r.period,
        r.locationId,
        locationName(r.locationId),
        r.topic,
        deps.taxonomy.label('topics', r.topic, lang),
        n(r.visits),
        n(r.questions),
      ]),
    },
    {
      name: nl ? 'Instanties' : 'Agencies',
      title: nl ? 'Bezoeken en vragen per periode en instantie' : 'Visits and questions by period and government agency',
      columns: nl
        ? ['Periode', 'Instantie (code)', 'Instantie', 'Bezoeken', 'Vragen']
        : ['Period', 'Agency (code)', 'Agency', 'Visits', 'Questions'],
      rows: agencyRows.map((r) => [r.period, r.code, deps.taxonomy.label('agencies', r.code, lang), n(r.visits), n(r.questions)]),
    },
    {
      name: nl ? 'Cursussen' : 'Courses',
      title: nl ? 'Cursussen per soort en locatie' : 'Courses by type and location',
      columns: nl
        ? ['Locatie-id', 'Locatie', 'Soort (code)', 'Soort', 'Cursussen', 'Ingeschreven', 'Afgerond']
        : ['Location id', 'Location', 'Type (code)', 'Type', 'Runs', 'Enrolled', 'Completed'],
      rows: courseRows.map((r) => [
        r.locationId,
        locationName(r.locationId),
        r.type,
        deps.taxonomy.label('courseTypes', r.type, lang),
        n(r.runs),
        n(r.enrolled),
        n(r.completed),
      ]),
    },
    {
      name: nl ? 'Doorverwijzingen' : 'Referrals',
      title: nl ? 'Doorverwijzingen per soort partner' : 'Referrals by kind of partner',
      columns: nl
        ? ['Soort partner (code)', 'Soort partner', 'Bezoeken', 'Vragen', 'Warm', 'Koud']
        : ['Partner kind (code)', 'Partner kind', 'Visits', 'Questions', 'Warm', 'Cold'],
      rows: referralRows.map((r) => [
        r.kind,
        deps.taxonomy.label('partnerKinds', r.kind, lang),
        n(r.visits),
        n(r.questions),
        n(r.warm),
        n(r.questions - r.warm),
      ]),
    },
  ];
}

/** The tables as one CSV: a title line, a header and the rows per table, a blank line between. */
export function tablesCsv(tables: Table[]): string {
  return CSV_BOM + tables.map((t) => csvRecord([t.title]) + csvRecord(t.columns) + t.rows.map((r) => csvRecord(r)).join('')).join('\r\n');
}

/** The tables as a workbook, a sheet each. */
export async function tablesXlsx(tables: Table[]): Promise<Uint8Array> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'ido-registratie';
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.name);
    const header = sheet.addRow(t.columns);
    header.font = { bold: true };
    for (const row of t.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      column.width = Math.min(50, Math.max(10, t.columns[i].length + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
