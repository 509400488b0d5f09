/**
 * Pure helpers of the reports: periods in Europe/Amsterdam, group sorting and labels, small-count
 * suppression and CSV for Dutch Excel. No database, no I/O.
 */
import { addDays, amsterdamInstant, amsterdamParts } from '../../sdk/opening-hours.js';
import type { SummaryGroupBy } from '../../sdk/schemas/reports.js';
import type { Lang } from '../http/messages.js';

/** Counts below this are never published (public stats, `suppress=true` exports). */
export const SUPPRESSION_THRESHOLD = 5;

/** The groupings whose keys are periods: sorted by key, not by count. */
export const PERIOD_GROUPS = ['day', 'week', 'month', 'weekday-hour'] as const;
export type PeriodGroup = (typeof PERIOD_GROUPS)[number];
export const isPeriodGroup = (groupBy: string): groupBy is PeriodGroup => (PERIOD_GROUPS as readonly string[]).includes(groupBy);

/** A reporting period: local dates, both inclusive, and the instants [start, end) they cover. */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** Today's date in Europe/Amsterdam. */
export const amsterdamToday = (now: Date) => amsterdamParts(now).date;

/**
 * The period of a report. `from`/`to` are inclusive local dates; `to` defaults to today and `from`
 * to a year before `to` (so the default is the last twelve months). Null when `from` is after `to`.
 */
export function resolvePeriod(now: Date, from?: string, to?: string): Period | null {
  const end = to ?? amsterdamToday(now);
  const start = from ?? addDays(end, -364);
  if (start > end) return null;
  return { from: start, to: end, start: amsterdamInstant(start, '00:00'), end: amsterdamInstant(addDays(end, 1), '00:00') };
}

export interface CountedGroup { key: string; visits: number; questions: number }

/** Periods by key; everything else by visits (most first), then questions, then key. */
export function sortGroups<T extends CountedGroup>(groupBy: string, groups: T[]): T[] {
  const byKey = (a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return [...groups].sort(isPeriodGroup(groupBy) ? byKey : (a, b) => b.visits - a.visits || b.questions - a.questions || byKey(a, b));
}

const MONTHS: Record<Lang, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS: Record<Lang, string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** A readable label for a period key: `2026-11-28`, `2026-W48`, `2026-11`, `2026-Q4`, `2026`, `1-09`. */
export function periodLabel(groupBy: PeriodGroup | 'quarter' | 'year', key: string, lang: Lang): string {
  let m: RegExpExecArray | null;
  switch (groupBy) {
    case 'day':
      if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key))) return `${Number(m[3])} ${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
      break;
    case 'week':
      if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) return lang === 'nl' ? `week ${Number(m[2])}, ${m[1]}` : `Week ${Number(m[2])}, ${m[1]}`;
      break;
    case 'month':
      if ((m = /^(\d{4})-(\d{2})$/.exec(key))) return `${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
      break;
    case 'quarter':
      if ((m = /^(\d{4})-Q(\d)$/.exec(key))) return lang === 'nl' ? `${m[2]}e kwartaal ${m[1]}` : `Q${m[2]} ${m[1]}`;
      break;
    case 'year':
      return key;
    case 'weekday-hour':
      if ((m = /^([1-7])-(\d{2})$/.exec(key))) {
        const hour = Number(m[2]);
        const next = String((hour + 1) % 24).padStart(2, '0');
        return `${WEEKDAYS[lang][Number(m[1]) - 1]} ${m[2]}:00–${next}:00`;
      }
      break;
  }
  return key;
}

/** A count as published: null (suppressed) when below the threshold. */
export const suppressCount = (n: number, threshold = SUPPRESSION_THRESHOLD): number | null => (n < threshold ? null : n);

/**
 * Closure of the value-list mappings (retired code → current code, following chains), so that a
 * query can map every code in one step.
 */
export function mappingClosure(mappings: Record<string, string>[], currentCode: (code: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const map of mappings) for (const code of Object.keys(map)) {
    const current = currentCode(code);
    if (current !== code) out.set(code, current);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV for Dutch Excel: `;` between fields, CRLF between records, UTF-8 with a byte-order mark.

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export type CsvValue = string | number | boolean | null | undefined;

/** Quotes a field when it holds the separator, a quote, a line break or leading/trailing spaces. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export const csvLine = (values: CsvValue[]) => values.map(csvField).join(CSV_SEPARATOR) + '\r\n';

/**
 * Free text (a note, a name) that a spreadsheet would read as a formula gets a leading apostrophe
 * (OWASP CSV injection); codes, ids and numbers never start with these characters.
 */
export function safeText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A count for a table: the number, or `< 5` when suppression is asked for. */
export const tableCount = (n: number, suppress: boolean): number | string => (suppress && n < SUPPRESSION_THRESHOLD ? `< ${SUPPRESSION_THRESHOLD}` : n);
