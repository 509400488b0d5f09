/**
 * Imports, the part without I/O: reading a CSV or XLSX file into a table, understanding its columns
 * (a mapping given by the user, or guessed from the header), and turning each row into the
 * registrations it stands for, with every row error listed. The rules a visit must meet are not
 * checked here: `services/imports.ts` hands the visits to `createRegistrations`, which does that.
 */
import { IMPORT_FIELDS, type ImportField } from '../../sdk/schemas/imports.js';
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';
import * as z from 'zod/mini';
import { amsterdamInstant } from '../../sdk/opening-hours.js';
import type { TaxonomyList } from '../../sdk/schemas/taxonomy.js';
import type { FieldIssue } from '../http/problem.js';
import type { TaxonomyService } from './taxonomy.js';

// ---------------------------------------------------------------------------------------------
// Limits

/** Data rows per file (a 5 MiB CSV holds at most a few hundred thousand short rows). */
export const MAX_ROWS = 250_000;
/** Visits one file may stand for, counts of daily sheets included. */
export const MAX_VISITS = 250_000;
/** Visits one row of counts may stand for. */
export const MAX_COUNT = 10_000;
/** What an XLSX may unpack to: a 5 MiB zip of repeated XML could otherwise unpack to gigabytes. */
export const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Errors

/** A problem with the file as a whole (422): it cannot be read, or its columns cannot be understood. */
export class ImportFileError extends Error {
  constructor(
    readonly issues: FieldIssue[],
    readonly detail: { nl: string; en: string },
  ) {
    super(detail.en);
  }
}

const fileError = (nl: string, en: string, issues: FieldIssue[] = [{ path: 'file', code: 'invalid-value' }]) =>
  new ImportFileError(issues, { nl, en });

/**
 * One row error. `row` is the row number as the spreadsheet shows it (1-based, header included);
 * `path` is the field (`topic`, `occurredAt`, …), `column` the sheet's column it came from.
 */
export interface RowError {
  row: number;
  path: string;
  column?: string;
  code: string;
  params?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Reading the file

export type Cell = string | number | boolean | Date | null;
export interface SheetRow {
  row: number;
  cells: Cell[];
}
export interface Table {
  format: 'csv' | 'xlsx';
  header: string[];
  headerRow: number;
  rows: SheetRow[];
}

/** Reads a CSV (`;`, `,` or tab; UTF-8 with or without BOM, or Windows-1252 as old Excel saves it) or an XLSX. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.length === 0) throw fileError('Het bestand is leeg.', 'The file is empty.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError(
      'Dit is een oud Excel-bestand (.xls). Sla het op als .xlsx of als CSV en probeer het opnieuw.',
      'This is an old Excel file (.xls). Save it as .xlsx or as CSV and try again.',
    );
  }
  return readCsv(decodeText(bytes));
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" as Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Text files have no NUL and few other control characters; a PDF, image or zip has many.
  const sample = text.slice(0, 4096);
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (sample.includes('\u0000') || controls > sample.length / 100) {
    throw fileError(
      'Dit bestand is geen CSV- of Excel-bestand (.xlsx) en kan niet worden gelezen.',
      'This file is not a CSV or Excel (.xlsx) file and cannot be read.',
    );
  }
  return text;
}

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes. */
function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break; // the first line with a separator is the header
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return n > 0 ? best : ';';
}

/** RFC 4180 records: quoted fields may hold separators, quotes (`""`) and line breaks. */
export function parseCsv(text: string, separator = detectSeparator(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
      continue;
    }
    if (ch === separator) {
      record.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

function toTable(format: 'csv' | 'xlsx', rows: SheetRow[]): Table {
  const first = rows.findIndex((r) => !isBlank(r.cells));
  if (first < 0) throw fileError('Het bestand bevat geen gegevens.', 'The file contains no data.');
  const headerRow = rows[first];
  const header = headerRow.cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c)).trim());
  const data = rows.slice(first + 1).filter((r) => !isBlank(r.cells));
  if (!data.length) {
    throw fileError('Het bestand heeft een kopregel maar geen rijen met gegevens.', 'The file has a header row but no rows of data.');
  }
  if (data.length > MAX_ROWS) {
    throw fileError(
      `Het bestand heeft meer dan ${MAX_ROWS} rijen. Splits het in kleinere bestanden.`,
      `The file has more than ${MAX_ROWS} rows. Split it into smaller files.`,
    );
  }
  return { format, header, headerRow: headerRow.row, rows: data };
}

function readCsv(text: string): Table {
  const records = parseCsv(text);
  return toTable(
    'csv',
    records.map((cells, i) => ({ row: i + 1, cells })),
  );
}

/**
 * The sum of the unpacked sizes in a zip's central directory, or null when it cannot be read. Checked
 * before the workbook is unpacked, so that a small file cannot expand to gigabytes in memory.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any sheet we read
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result as ExcelJS.CellValue | undefined);
    if ('error' in v) return null;
    if ('text' in v) return cellOf(v.text as ExcelJS.CellValue);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const unreadable = () =>
    fileError(
      'Dit Excel-bestand kan niet worden gelezen. Is het beschadigd? Sla het opnieuw op als .xlsx of als CSV.',
      'This Excel file cannot be read. Is it damaged? Save it again as .xlsx or as CSV.',
    );
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null) throw unreadable();
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw fileError(
      'Dit Excel-bestand is uitgepakt te groot. Splits het in kleinere bestanden.',
      'This Excel file is too large when unpacked. Split it into smaller files.',
    );
  }
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw unreadable();
  }
  // The first sheet with data (an export may start with an empty or a cover sheet).
  for (const sheet of workbook.worksheets) {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      rows.push({ row: rowNumber, cells });
    });
    if (rows.some((r) => !isBlank(r.cells))) return toTable('xlsx', rows);
  }
  throw fileError('Het bestand bevat geen gegevens.', 'The file contains no data.');
}

// ---------------------------------------------------------------------------------------------
// Text normalisation

/** Lower case, without accents, every run of other characters one space: "Soort  vraag" = "soort-vraag". */
export function norm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** A cell as trimmed text; a spreadsheet's `'=…` guard (see `safeText` of the exports) is taken off again. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  const text = String(cell).trim();
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Fields and the mapping

/** What a column can hold. */
export const FIELDS = IMPORT_FIELDS;
export type Field = ImportField;

/** Fields whose values are codes of a value list. */
const LIST_OF: Partial<Record<Field, TaxonomyList>> = {
  channel: 'channels',
  duration: 'durations',
  type: 'questionTypes',
  topic: 'topics',
  agencies: 'agencies',
  help: 'help',
  digid: 'digid',
  referralKind: 'partnerKinds',
};

/**
 * Header names recognised per field, best first (compared after `norm`): English and Dutch, and the
 * exact columns of `GET /api/v1/reports/export?view=questions`, so that an export reads back
 * without a mapping.
 */
export const HEADER_NAMES: Record<Field, string[]> = {
  visit: [
    'registrationid',
    'registration id',
    'registratie id',
    'registratienummer',
    'registratie',
    'visitid',
    'visit id',
    'visit',
    'bezoek id',
    'bezoeknummer',
    'bezoek',
  ],
  occurredAt: ['occurredat', 'datetime', 'date time', 'datum tijd', 'datum en tijd', 'tijdstip', 'date', 'datum', 'dag', 'day'],
  time: ['time', 'tijd', 'uur', 'hour', 'starttijd', 'begintijd'],
  locationId: ['locationid', 'location id', 'locatie id', 'locatieid', 'vestiging id'],
  location: ['location', 'locatie', 'vestiging', 'ido locatie', 'ido', 'filiaal', 'branch', 'location name', 'locatienaam'],
  channel: ['channel', 'kanaal', 'contactvorm', 'contact', 'via'],
  duration: ['duration', 'duur', 'tijdsduur', 'duur minuten', 'duur in minuten', 'minuten', 'minutes'],
  position: ['position', 'positie', 'volgorde', 'vraagnummer', 'vraag nr', 'question number'],
  type: ['type', 'soort vraag', 'vraagsoort', 'type vraag', 'soort', 'question type', 'questiontype'],
  topic: ['topic', 'onderwerp', 'thema', 'subject', 'vraag onderwerp', 'onderwerp vraag'],
  agencies: [
    'agencies',
    'agency',
    'instantie',
    'instanties',
    'overheidsinstantie',
    'overheidsinstanties',
    'overheidsorganisatie',
    'overheidsorganisaties',
    'government organisation',
  ],
  help: ['help', 'hulp', 'geboden hulp', 'hulpvorm', 'soort hulp', 'dienstverlening', 'help given'],
  referralKind: [
    'referralpartnerkind',
    'referral kind',
    'doorverwezen naar',
    'verwezen naar',
    'doorverwijzing',
    'soort partner',
    'partner soort',
    'referral',
  ],
  referralPartner: ['referralpartnerid', 'referral partner', 'partner id', 'partnerid', 'partner'],
  referralWarm: ['referralwarm', 'warm', 'warme doorverwijzing', 'warm doorverwezen', 'warm overgedragen'],
  digid: ['digid', 'heeft digid', 'digid aanwezig', 'has digid', 'digid ja nee'],
  note: ['note', 'notitie', 'opmerking', 'opmerkingen', 'toelichting', 'notes', 'comment', 'comments'],
  count: ['count', 'aantal', 'aantal vragen', 'aantal bezoeken', 'number', 'number of visits'],
};

/** Headers of a counts sheet that are sums, not topics: left out without complaint. */
const TOTAL_HEADERS = new Set(['totaal', 'total', 'som', 'sum', 'totaal aantal', 'subtotaal']);

// The mapping's schema is part of the contract (sdk/schemas/imports.ts).
export { ImportMapping } from '../../sdk/schemas/imports.js';
import type { ImportMapping } from '../../sdk/schemas/imports.js';

// ---------------------------------------------------------------------------------------------
// Looking up codes, locations and partners

/** The value lists as lookups: code, retired code, label and short label (nl and en) → current code. */
export interface CodeLookup {
  get(list: TaxonomyList, text: string): string | undefined;
  /** Some current code of the list: a stand-in where a row's own value could not be read (see `probe`). */
  any(list: TaxonomyList): string | undefined;
}

export function codeLookup(taxonomy: Pick<TaxonomyService, 'versions' | 'view' | 'currentCode' | 'current'>): CodeLookup {
  const maps = new Map<TaxonomyList, Map<string, string>>();
  const add = (list: TaxonomyList, key: string | undefined, code: string, strong: boolean) => {
    if (!key) return;
    let map = maps.get(list);
    if (!map) maps.set(list, (map = new Map()));
    const k = norm(key);
    if (k && (strong || !map.has(k))) map.set(k, code);
  };
  // Older versions first and weakly, so that the current version's labels win; codes always count.
  const current = taxonomy.current();
  const versions = [
    ...taxonomy.versions().filter((v) => v.version !== current),
    ...taxonomy.versions().filter((v) => v.version === current),
  ];
  for (const v of versions) {
    for (const lang of ['en', 'nl'] as const) {
      const view = taxonomy.view(lang, v.version) as unknown as Record<string, { code: string; label?: string; short?: string }[]> | null;
      for (const list of IMPORT_LISTS) {
        for (const e of view?.[list] ?? []) {
          const code = taxonomy.currentCode(e.code);
          add(list, e.short, code, v.version === current);
          add(list, e.label, code, v.version === current);
          add(list, e.code, code, true);
        }
      }
    }
  }
  const currentView = taxonomy.view('nl', current) as unknown as Record<string, { code: string }[]> | null;
  return {
    get: (list, text) => maps.get(list)?.get(norm(text)),
    any: (list) => currentView?.[list]?.[0]?.code,
  };
}

/** The value lists an import reads. */
const IMPORT_LISTS: TaxonomyList[] = ['channels', 'durations', 'questionTypes', 'topics', 'agencies', 'help', 'digid', 'partnerKinds'];

export interface NamedThing {
  id: string;
  name: string;
}
export interface PartnerRef extends NamedThing {
  kind: string;
}

/** What the rows are matched against: the value lists and the organisation's live locations and partners. */
export interface Lookups {
  codes: CodeLookup;
  locations: NamedThing[];
  partners: PartnerRef[];
}

type Found = { id: string } | { error: 'unknown' | 'ambiguous' };

/** By id, or by name (case and accents ignored); two of the same name is ambiguous. */
function findByIdOrName(things: NamedThing[], text: string): Found {
  const lower = text.toLowerCase();
  const byId = things.find((t) => t.id === lower);
  if (byId) return { id: byId.id };
  const key = norm(text);
  const named = things.filter((t) => norm(t.name) === key);
  if (named.length === 1) return { id: named[0].id };
  return { error: named.length > 1 ? 'ambiguous' : 'unknown' };
}

// ---------------------------------------------------------------------------------------------
// Understanding the columns

/** The mapping as applied to one file: column indexes, value maps and resolved defaults. */
export interface Plan {
  shape: 'question' | 'daily';
  columns: Partial<Record<Field, number>>;
  /** Counts sheets: a count column per topic. */
  topicColumns: { index: number; header: string; topic: string }[];
  values: Partial<Record<string, Map<string, string>>>;
  defaults: {
    locationId?: string;
    channel?: string;
    duration?: string;
    type?: string;
    topic?: string;
    agencies?: string[];
    help?: string[];
    digid?: string;
    time?: string;
  };
  /** Informational problems with the header (row 1), such as columns that are left out. */
  headerErrors: RowError[];
}

/** The mapping as shown back to the user: field → column header. */
export function describePlan(plan: Plan, header: string[]): Record<string, unknown> {
  const columns: Record<string, string> = {};
  for (const [field, index] of Object.entries(plan.columns)) columns[field] = header[index!];
  return {
    shape: plan.shape,
    columns,
    ...(plan.topicColumns.length ? { topicColumns: Object.fromEntries(plan.topicColumns.map((t) => [t.header, t.topic])) } : {}),
    ...(Object.keys(plan.defaults).length ? { defaults: plan.defaults } : {}),
  };
}

/**
 * Works out which column holds what: from the mapping's `columns` when given, or from the header.
 * Everything a visit needs must come from a column or a default; what is missing, or a mapping that
 * names a column the file does not have, is an `ImportFileError` listing each problem.
 */
export function planColumns(
  table: Table,
  mapping: ImportMapping | undefined,
  lookups: Lookups,
  options: { defaultLocationId?: string } = {},
): Plan {
  const issues: FieldIssue[] = [];
  const headerKeys = table.header.map(norm);
  const columns: Partial<Record<Field, number>> = {};
  const headerErrors: RowError[] = [];
  /** Fields already reported (a column that does not exist), not to be reported again as missing. */
  const failed = new Set<string>();

  const explicitColumns = !!mapping?.columns && Object.values(mapping.columns).some((v) => v !== undefined && v !== '');
  if (explicitColumns) {
    for (const field of FIELDS) {
      const name = mapping!.columns![field];
      if (name === undefined || name === '') continue;
      const index = headerKeys.indexOf(norm(name));
      if (index < 0) {
        issues.push({ path: `mapping.columns.${field}`, code: 'unknown-column', params: { column: name } });
        failed.add(field);
      } else columns[field] = index;
    }
  } else {
    const taken = new Set<number>();
    for (const field of FIELDS) {
      for (const name of HEADER_NAMES[field]) {
        const index = headerKeys.findIndex((k, i) => k === name && !taken.has(i));
        if (index >= 0) {
          columns[field] = index;
          taken.add(index);
          break;
        }
      }
    }
  }

  // Value maps, keyed by the normalised sheet value.
  const values: Plan['values'] = {};
  for (const [field, map] of Object.entries(mapping?.values ?? {})) {
    if (!map) continue;
    values[field] = new Map(Object.entries(map).map(([k, v]) => [norm(k), v]));
  }

  // Counts sheets: count columns named after topics (or listed in `topicColumns`).
  const topicColumns: Plan['topicColumns'] = [];
  const explicitTopics = mapping?.topicColumns ? new Map(Object.entries(mapping.topicColumns).map(([k, v]) => [norm(k), v])) : null;
  const resolveTopic = (text: string) => {
    const mapped = values.topic?.get(norm(text));
    return mapped !== undefined ? lookups.codes.get('topics', mapped) : lookups.codes.get('topics', text);
  };
  const wantDaily = mapping?.shape === 'daily' || (mapping?.shape === undefined && columns.topic === undefined);
  if (wantDaily && columns.topic === undefined && !explicitColumns && !explicitTopics) {
    // A guessed column that is also a topic ("DigiD") is a count column on a counts sheet.
    const guessed = new Set(Object.values(columns));
    const topicLike = table.header.some((h, i) => !guessed.has(i) && h && resolveTopic(h));
    for (const field of ['digid', 'type', 'help', 'agencies', 'referralKind'] as const) {
      if (topicLike && columns[field] !== undefined && resolveTopic(table.header[columns[field]!])) delete columns[field];
    }
  }
  const used = new Set(Object.values(columns));
  if (wantDaily && columns.topic === undefined) {
    table.header.forEach((header, index) => {
      if (used.has(index) || !header) return;
      const key = norm(header);
      if (explicitTopics) {
        const target = explicitTopics.get(key);
        if (target === undefined) return;
        const topic = lookups.codes.get('topics', target);
        if (!topic) issues.push({ path: `mapping.topicColumns.${header}`, code: 'unknown-code', params: { code: target, list: 'topics' } });
        else topicColumns.push({ index, header, topic });
        return;
      }
      const topic = resolveTopic(header);
      if (topic) topicColumns.push({ index, header, topic });
      else if (!TOTAL_HEADERS.has(key))
        headerErrors.push({
          row: table.headerRow,
          path: 'topicColumns',
          column: header,
          code: 'column-skipped',
          params: { column: header },
        });
    });
    if (explicitTopics) {
      for (const [key, target] of Object.entries(mapping!.topicColumns!)) {
        if (!headerKeys.includes(norm(key)))
          issues.push({ path: `mapping.topicColumns.${key}`, code: 'unknown-column', params: { column: key, code: target } });
      }
    }
  }
  const shape: Plan['shape'] = mapping?.shape ?? (columns.topic === undefined && topicColumns.length ? 'daily' : 'question');
  if (shape === 'question') headerErrors.length = 0; // only counts sheets skip columns by name

  // Defaults, given as codes or labels like the cells.
  const defaults: Plan['defaults'] = {};
  const d = mapping?.defaults ?? {};
  for (const field of ['channel', 'duration', 'type', 'topic', 'digid'] as const) {
    const text = d[field];
    if (text === undefined || text === '') continue;
    const code = lookups.codes.get(LIST_OF[field]!, values[field]?.get(norm(text)) ?? text);
    if (!code) {
      issues.push({ path: `mapping.defaults.${field}`, code: 'unknown-code', params: { code: text, list: LIST_OF[field] } });
      failed.add(field);
    } else defaults[field] = code;
  }
  for (const field of ['agencies', 'help'] as const) {
    const list = d[field];
    if (!list) continue;
    const codes: string[] = [];
    for (const text of list) {
      const code = lookups.codes.get(LIST_OF[field]!, values[field]?.get(norm(text)) ?? text);
      if (!code) issues.push({ path: `mapping.defaults.${field}`, code: 'unknown-code', params: { code: text, list: LIST_OF[field] } });
      else codes.push(code);
    }
    defaults[field] = codes;
  }
  if (d.time !== undefined && d.time !== '') {
    const t = parseTime(d.time);
    if (!t) issues.push({ path: 'mapping.defaults.time', code: 'invalid-format' });
    else defaults.time = t;
  }
  const locationDefault = options.defaultLocationId ?? d.locationId ?? d.location;
  if (locationDefault !== undefined && locationDefault !== '') {
    const found = findByIdOrName(lookups.locations, locationDefault);
    if ('id' in found) defaults.locationId = found.id;
    else {
      failed.add('location');
      issues.push({
        path:
          options.defaultLocationId !== undefined
            ? 'location'
            : d.locationId !== undefined
              ? 'mapping.defaults.locationId'
              : 'mapping.defaults.location',
        code: 'unknown-id',
        params: { id: locationDefault },
      });
    }
  } else if (lookups.locations.length === 1) {
    defaults.locationId = lookups.locations[0].id; // an organisation with one location needs no column
  }

  // What every visit needs.
  const needs = (field: Field, ok: boolean) => {
    if (!ok && !failed.has(field)) issues.push({ path: `mapping.columns.${field}`, code: 'column-required', params: { field } });
  };
  needs('occurredAt', columns.occurredAt !== undefined);
  needs('location', columns.location !== undefined || columns.locationId !== undefined || defaults.locationId !== undefined);
  needs('channel', columns.channel !== undefined || defaults.channel !== undefined);
  needs('duration', columns.duration !== undefined || defaults.duration !== undefined);
  needs('type', columns.type !== undefined || defaults.type !== undefined);
  needs('topic', columns.topic !== undefined || topicColumns.length > 0 || defaults.topic !== undefined);
  if (shape === 'daily' && columns.topic !== undefined && columns.count === undefined) {
    issues.push({ path: 'mapping.columns.count', code: 'column-required', params: { field: 'count' } });
  }

  if (issues.length) {
    throw new ImportFileError(issues, {
      nl: 'De kolommen van het bestand zijn niet (allemaal) te herkennen. Geef een mapping mee die zegt welke kolom wat bevat, of standaardwaarden.',
      en: 'The columns of the file cannot (all) be recognised. Send a mapping that says which column holds what, or defaults.',
    });
  }
  return { shape, columns, topicColumns, values, defaults, headerErrors };
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mrt: 3,
  mar: 3,
  maa: 3,
  apr: 4,
  mei: 5,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** `HH:MM` from `10:15`, `9.05`, `10:15:00`, `10:15 uur`, an Excel time (fraction of a day) or an Excel time cell. */
export function parseTime(cell: Cell | string): string | null {
  if (cell === null || cell === '') return null;
  if (cell instanceof Date) return `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`;
  if (typeof cell === 'number') {
    if (cell < 0 || cell >= 1) return null;
    const minutes = Math.round(cell * 1440);
    return minutes >= 1440 ? null : `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?(?:\s*(?:uur|u|h))?$/i.exec(String(cell).trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${pad(Number(m[1]))}:${m[2]}`;
}

/**
 * A date or date-time cell: an instant (with an offset or `Z`), or a local Amsterdam date with an
 * optional local time. ISO (`2026-11-28`, `2026-11-28 10:15`), Dutch (`28-11-2026`, `28/11/2026 10:15`,
 * `28 nov 2026`), Excel date cells and Excel serial numbers.
 */
export function parseWhen(cell: Cell): { instant: Date } | { date: string; time: string | null } | null {
  if (cell === null) return null;
  if (cell instanceof Date) {
    // Excel has no time zones: exceljs gives the wall clock in the UTC fields.
    const date = validDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    if (!date) return null;
    const time = `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`;
    return { date, time: time === '00:00' ? null : time };
  }
  if (typeof cell === 'number') return serial(cell);
  const text = String(cell).trim();
  if (!text) return null;
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return serial(Number(text));
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(text);
  if (m) {
    if (!validDate(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59) return null;
    const offset = m[7].toUpperCase() === 'Z' ? 'Z' : m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7];
    const instant = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset}`);
    return Number.isNaN(instant.getTime()) ? null : { instant };
  }
  const withTime = (date: string | null, h?: string, min?: string) => {
    if (!date) return null;
    if (h === undefined) return { date, time: null };
    const time = parseTime(`${h}:${min}`);
    return time ? { date, time } : null;
  };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  if (m) return withTime(validDate(+m[1], +m[2], +m[3]), m[4], m[5]);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:,?\s+(\d{1,2})[:.](\d{2})(?::\d{2})?)?$/.exec(text);
  if (m) return withTime(validDate(m[3].length === 2 ? 2000 + +m[3] : +m[3], +m[2], +m[1]), m[4], m[5]);
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  m = /^(?:[a-z]+\.?,?\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?::\d{2})?)?$/i.exec(plain);
  if (m) {
    const month = MONTHS[m[2].toLowerCase().slice(0, 3)];
    return month ? withTime(validDate(+m[3], month, +m[1]), m[4], m[5]) : null;
  }
  return null;
}

/** An Excel serial date (days since 1899-12-30; the fraction is the time of day). */
function serial(n: number): { date: string; time: string | null } | null {
  if (!(n > 20000 && n < 80000)) return null;
  const days = Math.floor(n);
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  const date = validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (!date) return null;
  const time = n - days > 0 ? parseTime(n - days) : null;
  return { date, time: time === '00:00' ? null : time };
}

const MINUTES = /^(\d+(?:[.,]\d+)?)\s*(?:min(?:uten|utes|\.)?|m)?$/i;

/** A duration in minutes (`10`, `10 min`, an Excel time of day) as the band it falls in: 5 is `5-15`, 15 is `5-15`, 60 is `30-60`. */
function durationBand(cell: Cell): string | null {
  let minutes: number | null = null;
  if (typeof cell === 'number') minutes = cell > 0 && cell < 1 ? cell * 1440 : cell;
  else if (cell instanceof Date) minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
  else {
    const m = MINUTES.exec(String(cell ?? '').trim());
    if (m) minutes = Number(m[1].replace(',', '.'));
  }
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null;
  return minutes < 5 ? '0-5' : minutes <= 15 ? '5-15' : minutes <= 30 ? '15-30' : minutes <= 60 ? '30-60' : '60+';
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x', 'warm']);
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', 'koud', 'cold']);
/** Cells that mean "nothing" in a coded column. */
const NOTHING = new Set(['', '-', 'geen', 'none', 'n a', 'nvt', 'n v t']);

// ---------------------------------------------------------------------------------------------
// Rows into visits

/** A visit (`RegistrationInput` without its id) and the sheet rows it came from. */
export interface PlannedVisit {
  /** The row of the visit's fields (its first row). */
  row: number;
  /** The row of each question, in order. */
  questionRows: number[];
  input: {
    locationId: string;
    occurredAt: string;
    channel: unknown;
    duration: unknown;
    questions: Record<string, unknown>[];
    note?: string;
  };
  /**
   * Set when rows of this visit have errors already: the visit is never stored, only judged, with
   * stand-ins for the values that could not be read, so that the rows' other errors (personal data
   * in a note, a date in the future) are listed in the same pass. Issues on the stand-in fields
   * (`ignore`: row → fields) are not reported.
   */
  probe?: { ignore: Record<number, string[]> };
}

/** A moment in the past for a date that could not be read (only ever judged, never stored). */
const STAND_IN_TIME = '2020-01-01T12:00:00.000Z';

interface RowResult {
  row: number;
  /** Fields of this row that could not be read (stand-ins are in `visit`/`questions`); empty when the row is clean. */
  failed: string[];
  visitKey: string | null;
  position: number | null;
  count: number;
  visit: { locationId: string; occurredAt: string; channel: string; duration: string; note?: string } | null;
  questions: Record<string, unknown>[];
}

/**
 * Turns the rows into visits. Rows with the same visit id (the `visit` column) are one visit, its
 * questions ordered by `position` when there is one; a count N stands for N visits alike (a counts
 * sheet: each count of a topic column, on that day at 12:00 Amsterdam unless a time is given).
 * Every problem is a row error; a visit with an error in any of its rows is left out whole, and its
 * other rows say so.
 */
export function planVisits(table: Table, plan: Plan, lookups: Lookups): { visits: PlannedVisit[]; errors: RowError[] } {
  const errors: RowError[] = [...plan.headerErrors];
  const results: RowResult[] = [];
  for (const r of table.rows) results.push(...readRow(r, table, plan, lookups, errors));

  const badRows = new Set(errors.map((e) => e.row));
  const visits: PlannedVisit[] = [];
  const groups = new Map<string, RowResult[]>();
  const order: (RowResult | string)[] = [];
  for (const r of results) {
    if (r.visitKey === null) {
      order.push(r);
      continue;
    }
    const group = groups.get(r.visitKey);
    if (group) group.push(r);
    else {
      groups.set(r.visitKey, [r]);
      order.push(r.visitKey);
    }
  }
  let total = 0;
  for (const item of order) {
    const rows = typeof item === 'string' ? groups.get(item)! : [item];
    if (rows.length > 1) {
      const counted = rows.find((r) => r.count !== 1);
      if (counted) {
        errors.push({ row: counted.row, path: 'count', column: columnName(table, plan, 'count'), code: 'count-in-visit' });
        badRows.add(counted.row);
      }
      if (rows.some((r) => r.position !== null)) rows.sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.row - b.row);
    }
    const bad = rows.filter((r) => badRows.has(r.row));
    for (const r of rows) {
      if (bad.length && !badRows.has(r.row))
        errors.push({
          row: r.row,
          path: 'visit',
          column: columnName(table, plan, 'visit'),
          code: 'visit-skipped',
          params: { rows: bad.map((b) => b.row).join(', ') },
        });
    }
    const withVisit = rows.filter((r) => r.visit);
    if (!withVisit.length) continue; // nothing to judge: no location to stand in
    const { note: _first, ...fields } = withVisit[0].visit!;
    const note = withVisit.map((r) => r.visit?.note).find((n) => n);
    const input = { ...fields, ...(note ? { note } : {}), questions: withVisit.flatMap((r) => r.questions) };
    const questionRows = withVisit.flatMap((r) => r.questions.map(() => r.row));
    const row = Math.min(...rows.map((r) => r.row));
    if (bad.length) {
      if (!input.questions.length) continue;
      const ignore: Record<number, string[]> = {};
      for (const r of rows) if (r.failed.length) ignore[r.row] = r.failed;
      visits.push({ row, questionRows, input, probe: { ignore } });
      continue;
    }
    for (let n = 0; n < rows[0].count; n++) {
      if (++total > MAX_VISITS) {
        throw fileError(
          `Dit bestand staat voor meer dan ${MAX_VISITS} bezoeken. Splits het in kleinere bestanden.`,
          `This file stands for more than ${MAX_VISITS} visits. Split it into smaller files.`,
        );
      }
      visits.push({ row, questionRows, input: { ...input, questions: input.questions.map((q) => ({ ...q })) } });
    }
  }
  errors.sort((a, b) => a.row - b.row || a.path.localeCompare(b.path));
  return { visits, errors };
}

function columnName(table: Table, plan: Plan, field: Field): string | undefined {
  const index = plan.columns[field];
  return index === undefined ? undefined : table.header[index];
}

/** One row: its visit fields and its question (or, on a counts sheet, one result per topic column). */
function readRow(r: SheetRow, table: Table, plan: Plan, lookups: Lookups, errors: RowError[]): RowResult[] {
  const { columns, values, defaults } = plan;
  const cell = (field: Field): Cell => (columns[field] === undefined ? null : (r.cells[columns[field]!] ?? null));
  const text = (field: Field) => cellText(cell(field));
  const fail = (field: Field | string, code: string, params?: Record<string, unknown>) => {
    const column = (FIELDS as readonly string[]).includes(field) ? columnName(table, plan, field as Field) : undefined;
    errors.push({ row: r.row, path: field, ...(column ? { column } : {}), code, ...(params ? { params } : {}) });
  };
  const before = errors.length;

  /** A coded cell: the value map, then codes, retired codes and labels of the list. */
  const code = (field: Field, raw: string): string | undefined => {
    const list = LIST_OF[field]!;
    const mapped = values[field]?.get(norm(raw));
    const found = lookups.codes.get(list, mapped ?? raw);
    if (!found) fail(field, 'unknown-code', { code: raw, list });
    return found;
  };
  const single = (field: Field): string | undefined => {
    const raw = text(field);
    if (NOTHING.has(norm(raw))) return undefined;
    return code(field, raw);
  };
  const multiple = (field: Field): string[] | undefined => {
    const raw = text(field);
    if (NOTHING.has(norm(raw))) return undefined;
    const whole = values[field]?.get(norm(raw));
    const parts = whole !== undefined ? whole.split(/[,;|]/) : raw.split(/[,;|\n]/);
    const out: string[] = [];
    for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
      const c = code(field, part);
      if (c && !out.includes(c)) out.push(c);
    }
    return out;
  };

  // When.
  let occurredAt: string | undefined;
  const when = parseWhen(cell('occurredAt'));
  if (!text('occurredAt')) fail('occurredAt', 'required');
  else if (!when) fail('occurredAt', 'invalid-date');
  else if ('instant' in when) occurredAt = when.instant.toISOString();
  else {
    let time = when.time;
    if (plan.shape === 'daily') time = null;
    else if (!time && columns.time !== undefined && text('time')) {
      time = parseTime(cell('time'));
      if (!time) fail('time', 'invalid-time');
    }
    time ??= defaults.time ?? '12:00';
    occurredAt = amsterdamInstant(when.date, time).toISOString();
  }

  // Where.
  let locationId: string | undefined;
  const locationText = (field: 'locationId' | 'location') => {
    const raw = text(field);
    return values.location?.get(norm(raw)) ?? raw;
  };
  const idText = columns.locationId !== undefined ? locationText('locationId') : '';
  const nameText = columns.location !== undefined ? locationText('location') : '';
  if (idText || nameText) {
    const byId = idText ? findByIdOrName(lookups.locations, idText) : null;
    const byName = nameText ? findByIdOrName(lookups.locations, nameText) : null;
    const hit = [byId, byName].find((f): f is { id: string } => !!f && 'id' in f);
    if (hit) locationId = hit.id;
    else {
      const field = nameText ? 'location' : 'locationId';
      const miss = (nameText ? byName : byId)!;
      fail(field, 'error' in miss && miss.error === 'ambiguous' ? 'ambiguous-location' : 'unknown-location', { id: nameText || idText });
    }
  } else if (defaults.locationId) locationId = defaults.locationId;
  else fail(columns.location !== undefined ? 'location' : 'locationId', 'location-required');

  // How.
  let channel: string | undefined = defaults.channel;
  if (columns.channel !== undefined && !NOTHING.has(norm(text('channel')))) channel = single('channel');
  else if (!channel) fail('channel', 'required');
  let duration: string | undefined = defaults.duration;
  if (columns.duration !== undefined && !NOTHING.has(norm(text('duration')))) {
    // A band (code or label), or minutes: `10`, `10 min`, an Excel time such as 0:10.
    const raw = text('duration');
    const c = cell('duration');
    const mapped = values.duration?.get(norm(raw));
    const minutes = typeof c === 'number' || c instanceof Date || MINUTES.test(raw);
    duration =
      mapped !== undefined
        ? lookups.codes.get('durations', mapped)
        : minutes
          ? (durationBand(c) ?? undefined)
          : lookups.codes.get('durations', raw);
    if (!duration) fail('duration', 'unknown-code', { code: raw, list: 'durations' });
  } else if (!duration) fail('duration', 'required');

  const noteRaw = columns.note !== undefined ? text('note') : '';
  const note = noteRaw.trim() ? noteRaw : undefined;

  // The question.
  const question = (): Record<string, unknown> => {
    const q: Record<string, unknown> = {};
    q.type = columns.type !== undefined && !NOTHING.has(norm(text('type'))) ? single('type') : defaults.type;
    if (q.type === undefined && !errors.slice(before).some((e) => e.path === 'type')) fail('type', 'required');
    const agencies = columns.agencies !== undefined ? multiple('agencies') : undefined;
    q.agencies = agencies ?? defaults.agencies ?? [];
    const help = columns.help !== undefined ? multiple('help') : undefined;
    q.help = help ?? defaults.help ?? [];
    const digid = columns.digid !== undefined ? single('digid') : defaults.digid;
    if (digid) q.digid = digid;
    // Referral: a kind of partner, a partner of the organisation (id or name), warm or not.
    const referral: Record<string, unknown> = {};
    if (columns.referralKind !== undefined) {
      const raw = text('referralKind');
      if (!NOTHING.has(norm(raw))) {
        const mapped = values.referralKind?.get(norm(raw)) ?? raw;
        const kind = lookups.codes.get('partnerKinds', mapped);
        const partner = kind ? null : findByIdOrName(lookups.partners, mapped);
        if (kind) referral.partnerKind = kind;
        else if (partner && 'id' in partner) referral.partnerId = partner.id;
        else if (YES.has(norm(raw))) referral.partnerKind = 'overig';
        else if (!NO.has(norm(raw))) fail('referralKind', 'unknown-code', { code: raw, list: 'partnerKinds' });
      }
    }
    if (columns.referralPartner !== undefined) {
      const raw = text('referralPartner');
      if (!NOTHING.has(norm(raw))) {
        const partner = findByIdOrName(lookups.partners, raw);
        if ('id' in partner) referral.partnerId = partner.id;
        else fail('referralPartner', 'unknown-partner', { id: raw });
      }
    }
    if (Object.keys(referral).length && columns.referralWarm !== undefined) {
      const raw = norm(text('referralWarm'));
      if (YES.has(raw)) referral.warm = true;
      else if (NO.has(raw)) referral.warm = false;
      else if (raw) fail('referralWarm', 'invalid-value');
    }
    if (Object.keys(referral).length) q.referral = referral;
    return q;
  };

  // Counts.
  const countOf = (c: Cell, field: Field | string, column?: string): number | null => {
    const raw = cellText(c);
    if (raw === '' || NOTHING.has(norm(raw))) return 0;
    const n = typeof c === 'number' ? c : Number(raw.replace(/\s/g, ''));
    if (!Number.isInteger(n) || n < 0) {
      errors.push({ row: r.row, path: field, ...(column ? { column } : {}), code: 'invalid-count', params: { value: raw } });
      return null;
    }
    if (n > MAX_COUNT) {
      errors.push({ row: r.row, path: field, ...(column ? { column } : {}), code: 'too-big', params: { maximum: MAX_COUNT } });
      return null;
    }
    return n;
  };

  const visitKey = plan.shape === 'question' && columns.visit !== undefined && text('visit') ? `v:${text('visit')}` : null;
  let position: number | null = null;
  if (columns.position !== undefined && text('position')) {
    const p = Number(text('position'));
    position = Number.isFinite(p) ? p : null;
  }

  /** The fields of this row that failed; for them, stand-ins keep the row judgeable. */
  const failedFields = () => {
    const fields = new Set(errors.slice(before).map((e) => e.path));
    if (fields.has('locationId')) fields.add('location');
    if (fields.has('topicColumns')) fields.add('topic');
    return [...fields];
  };
  const standIn = (field: 'channels' | 'durations' | 'questionTypes' | 'topics') => lookups.codes.any(field);
  const visitOf = (failed: string[]) => {
    const location = locationId ?? (failed.length ? lookups.locations[0]?.id : undefined);
    if (!location) return null;
    return {
      locationId: location,
      occurredAt: occurredAt ?? STAND_IN_TIME,
      channel: channel ?? standIn('channels')!,
      duration: duration ?? standIn('durations')!,
      ...(note ? { note } : {}),
    };
  };

  if (plan.topicColumns.length && columns.topic === undefined) {
    // A counts sheet: one visit per count of each topic column.
    const out: RowResult[] = [];
    const base = question();
    base.type ??= standIn('questionTypes');
    for (const t of plan.topicColumns) {
      const n = countOf(r.cells[t.index] ?? null, 'topicColumns', t.header);
      if (n)
        out.push({
          row: r.row,
          failed: [],
          visitKey: null,
          position: null,
          count: n,
          visit: null,
          questions: [{ ...base, topic: t.topic }],
        });
    }
    const failed = failedFields();
    const visit = visitOf(failed);
    if (failed.length) {
      // One visit stands in for the row, to be judged only.
      const topic = out[0]?.questions[0].topic ?? plan.topicColumns[0].topic;
      return [{ row: r.row, failed, visitKey: null, position: null, count: 1, visit, questions: [{ ...base, topic }] }];
    }
    return out.map((o) => ({ ...o, visit }));
  }

  const q = question();
  if (columns.topic !== undefined && !NOTHING.has(norm(text('topic')))) q.topic = single('topic');
  else if (defaults.topic) q.topic = defaults.topic;
  else fail('topic', 'required');
  const count = columns.count !== undefined ? countOf(cell('count'), 'count', columnName(table, plan, 'count')) : 1;
  const failed = failedFields();
  if (failed.length || count === null) {
    q.type ??= standIn('questionTypes');
    q.topic ??= standIn('topics');
    return [{ row: r.row, failed, visitKey, position, count: 1, visit: visitOf(failed), questions: [q] }];
  }
  if (count === 0) return [];
  return [{ row: r.row, failed: [], visitKey, position, count, visit: visitOf([]), questions: [q] }];
}
