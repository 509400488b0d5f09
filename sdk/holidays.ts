// Dutch public holidays (nationale feestdagen) for any Gregorian year; pure calendar math, no time zones involved.

/** Codes of the Dutch public holidays, in calendar order within a year. */
export const HOLIDAY_CODES = [
  'nieuwjaarsdag',
  'goede-vrijdag',
  'eerste-paasdag',
  'tweede-paasdag',
  'koningsdag',
  'bevrijdingsdag',
  'hemelvaartsdag',
  'eerste-pinksterdag',
  'tweede-pinksterdag',
  'eerste-kerstdag',
  'tweede-kerstdag',
] as const;

/** One of the {@link HOLIDAY_CODES}. */
export type HolidayCode = (typeof HOLIDAY_CODES)[number];

/**
 * Holidays on which an IDO desk is closed unless configured otherwise: every holiday except
 * Goede Vrijdag and Bevrijdingsdag (not generally a day off in the Netherlands).
 */
export const DEFAULT_CLOSED_ON_HOLIDAYS: readonly HolidayCode[] = Object.freeze(
  HOLIDAY_CODES.filter((code) => code !== 'goede-vrijdag' && code !== 'bevrijdingsdag'),
);

const LABELS: Record<HolidayCode, { nl: string; en: string }> = {
  nieuwjaarsdag: { nl: 'Nieuwjaarsdag', en: "New Year's Day" },
  'goede-vrijdag': { nl: 'Goede Vrijdag', en: 'Good Friday' },
  'eerste-paasdag': { nl: 'Eerste Paasdag', en: 'Easter Sunday' },
  'tweede-paasdag': { nl: 'Tweede Paasdag', en: 'Easter Monday' },
  koningsdag: { nl: 'Koningsdag', en: "King's Day" },
  bevrijdingsdag: { nl: 'Bevrijdingsdag', en: 'Liberation Day' },
  hemelvaartsdag: { nl: 'Hemelvaartsdag', en: 'Ascension Day' },
  'eerste-pinksterdag': { nl: 'Eerste Pinksterdag', en: 'Whit Sunday' },
  'tweede-pinksterdag': { nl: 'Tweede Pinksterdag', en: 'Whit Monday' },
  'eerste-kerstdag': { nl: 'Eerste Kerstdag', en: 'Christmas Day' },
  'tweede-kerstdag': { nl: 'Tweede Kerstdag', en: 'Boxing Day' },
};

const MIN_YEAR = 1583; // first full Gregorian year
const MAX_YEAR = 9999; // largest year representable as 'YYYY'
const DAY_MS = 86_400_000;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`);
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** UTC midnight (ms) of a calendar date; only used as a day counter, never as a real instant. */
function dayMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear avoids Date.UTC's 0–99 → 1900+ mapping
  return d.getTime();
}

function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Easter Sunday of a Gregorian year, computed with the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher).
 * @param year Integer year, 1583–9999.
 * @returns The date as 'YYYY-MM-DD'.
 * @throws {RangeError} When the year is out of range or not an integer.
 */
export function easterSunday(year: number): string {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * All Dutch public holidays of a year, sorted by date (holidays on the same date, such as
 * Hemelvaartsdag and Bevrijdingsdag on 5 May 2016, in {@link HOLIDAY_CODES} order). Koningsdag follows
 * the current rule (27 April, or 26 April when the 27th is a Sunday) for every year; Bevrijdingsdag
 * is listed every year.
 * @param year Integer year, 1583–9999.
 * @returns One entry per holiday (always 11) with its date as 'YYYY-MM-DD'.
 * @throws {RangeError} When the year is out of range or not an integer.
 */
export function holidaysOf(year: number): { code: HolidayCode; date: string }[] {
  checkYear(year);
  const [, em, ed] = easterSunday(year).split('-').map(Number);
  const easter = dayMs(year, em, ed);
  const fromEaster = (days: number): string => formatDay(easter + days * DAY_MS);
  const april27 = dayMs(year, 4, 27);
  const koningsdag = new Date(april27).getUTCDay() === 0 ? april27 - DAY_MS : april27;
  const y = pad(year, 4);
  const list: { code: HolidayCode; date: string }[] = [
    { code: 'nieuwjaarsdag', date: `${y}-01-01` },
    { code: 'goede-vrijdag', date: fromEaster(-2) },
    { code: 'eerste-paasdag', date: fromEaster(0) },
    { code: 'tweede-paasdag', date: fromEaster(1) },
    { code: 'koningsdag', date: formatDay(koningsdag) },
    { code: 'bevrijdingsdag', date: `${y}-05-05` },
    { code: 'hemelvaartsdag', date: fromEaster(39) },
    { code: 'eerste-pinksterdag', date: fromEaster(49) },
    { code: 'tweede-pinksterdag', date: fromEaster(50) },
    { code: 'eerste-kerstdag', date: `${y}-12-25` },
    { code: 'tweede-kerstdag', date: `${y}-12-26` },
  ];
  // Only Hemelvaartsdag moves past Bevrijdingsdag (it falls 30 April – 3 June); the sort is stable.
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const cache = new Map<number, Map<string, HolidayCode>>();

/**
 * The Dutch public holiday on a calendar date, if any. When two holidays coincide (Hemelvaartsdag
 * on Bevrijdingsdag, e.g. 5 May 2016), the one in {@link DEFAULT_CLOSED_ON_HOLIDAYS} is returned; use
 * {@link holidaysOf} to see both.
 * @param date Local date as 'YYYY-MM-DD'.
 * @returns The holiday code, or null when the date is not a public holiday.
 * @throws {RangeError} When the date is not a valid 'YYYY-MM-DD' date in years 1583–9999.
 */
export function holidayOn(date: string): HolidayCode | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Invalid date '${date}', expected 'YYYY-MM-DD'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || formatDay(dayMs(year, month, day)) !== date) {
    throw new RangeError(`Invalid date '${date}'`);
  }
  let byDate = cache.get(year);
  if (!byDate) {
    byDate = new Map();
    for (const { code, date: d } of holidaysOf(year)) {
      const existing = byDate.get(d);
      if (existing === undefined || !DEFAULT_CLOSED_ON_HOLIDAYS.includes(existing)) byDate.set(d, code);
    }
    cache.set(year, byDate);
  }
  return byDate.get(date) ?? null;
}

/**
 * Human-readable name of a holiday.
 * @param code The holiday code.
 * @param lang 'nl' for Dutch (e.g. 'Tweede Paasdag'), 'en' for English (e.g. 'Easter Monday').
 * @returns The label.
 */
export function holidayLabel(code: HolidayCode, lang: 'nl' | 'en'): string {
  const labels = LABELS[code];
  if (!labels) throw new RangeError(`Unknown holiday code '${code}'`);
  return lang === 'en' ? labels.en : labels.nl;
}
