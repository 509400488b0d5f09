/**
 * The report periods a coordinator picks (this month, last month, this year, or two dates of their
 * own), the period each is compared with, and how they read in words. Local dates in
 * Europe/Amsterdam, both inclusive, as the report API takes them. Pure: the clock is a parameter.
 */
import { addDays, amsterdamParts, isoWeek } from '../../sdk/amsterdam-time.js';
import type { Lang } from '../../sdk/schemas/common.js';

/** The choices above the figures; `custom` is "Zelf kiezen" with two date fields. */
export const PERIOD_PRESETS = ['this-month', 'last-month', 'this-year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Two local dates `YYYY-MM-DD`, both inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

/** How the trend chart buckets a period. */
export type TrendGrain = 'day' | 'week' | 'month';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (what `<input type="date">` gives). */
export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(date: string): { year: number; month: number; day: number } {
  const m = DATE.exec(date);
  if (!m || !isLocalDate(date)) throw new RangeError(`Not a date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ymd = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Today's date in the Netherlands, whatever the computer's own time zone. */
export function amsterdamToday(now: Date): string {
  return amsterdamParts(now).date;
}

/** Number of days in a range, both ends included (1 for a single day). */
export function lengthInDays(range: DateRange): number {
  const a = parts(range.from);
  const b = parts(range.to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000) + 1;
}

/**
 * Moves a date a number of months; a day that the target month lacks becomes its last day
 * (31 March − 1 month = 28 or 29 February). With `endOfMonth`, a month's last day stays the last day.
 */
export function shiftMonths(date: string, months: number, endOfMonth = false): string {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = daysInMonth(y, m);
  const wasLast = day === daysInMonth(year, month);
  return ymd(y, m, endOfMonth && wasLast ? last : Math.min(day, last));
}

/** The dates of a preset on the day `now` falls on in Amsterdam. "This month" and "this year" run to today. */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, now: Date): DateRange {
  const today = amsterdamToday(now);
  const { year, month } = parts(today);
  switch (preset) {
    case 'this-month':
      return { from: ymd(year, month, 1), to: today };
    case 'last-month': {
      const from = shiftMonths(ymd(year, month, 1), -1);
      const p = parts(from);
      return { from, to: ymd(p.year, p.month, daysInMonth(p.year, p.month)) };
    }
    case 'this-year':
      return { from: ymd(year, 1, 1), to: today };
  }
}

/** Whether a range is one or more whole calendar months (1 March – 30 April). */
export function isWholeMonths(range: DateRange): boolean {
  const a = parts(range.from);
  const b = parts(range.to);
  return a.day === 1 && b.day === daysInMonth(b.year, b.month) && range.from <= range.to;
}

const monthsSpanned = (range: DateRange) => {
  const a = parts(range.from);
  const b = parts(range.to);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
};

/**
 * The period to compare with, so that the comparison is fair:
 * - this month (so far): the same days of the month before (1–29 November → 1–29 October; a
 *   whole month → the whole month before);
 * - last month: the month before it;
 * - this year (so far): the same dates a year earlier;
 * - custom: whole months → as many months just before; any other range → as many days just before.
 */
export function previousRange(range: DateRange, preset: PeriodPreset): DateRange {
  switch (preset) {
    case 'this-month':
      return { from: shiftMonths(range.from, -1), to: shiftMonths(range.to, -1, true) };
    case 'this-year':
      return { from: shiftMonths(range.from, -12), to: shiftMonths(range.to, -12, true) };
    case 'last-month':
    case 'custom': {
      if (isWholeMonths(range)) {
        const months = monthsSpanned(range);
        return { from: shiftMonths(range.from, -months), to: shiftMonths(range.to, -months, true) };
      }
      const days = lengthInDays(range);
      return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
    }
  }
}

/**
 * Days for up to a month (weeks would be cut off at both ends of it), weeks for up to about three
 * months, months for anything longer.
 */
export function trendGrain(range: DateRange): TrendGrain {
  const days = lengthInDays(range);
  return days <= 31 ? 'day' : days <= 92 ? 'week' : 'month';
}

/**
 * Every bucket key of the trend in a range, also those without visits, in the report API's own
 * key format: days `2026-11-28`, ISO weeks `2026-W48`, months `2026-11`.
 */
export function trendKeys(range: DateRange, grain: TrendGrain): string[] {
  const keys: string[] = [];
  if (grain === 'day') {
    for (let day = range.from; day <= range.to; day = addDays(day, 1)) keys.push(day);
    return keys;
  }
  if (grain === 'month') {
    const a = parts(range.from);
    const b = parts(range.to);
    for (let i = a.year * 12 + a.month - 1; i <= b.year * 12 + b.month - 1; i++) keys.push(`${Math.floor(i / 12)}-${pad((i % 12) + 1)}`);
    return keys;
  }
  for (let day = range.from; day <= range.to; day = addDays(day, 7)) keys.push(isoWeek(day));
  const last = isoWeek(range.to);
  if (keys[keys.length - 1] !== last) keys.push(last);
  return keys;
}

const MONTHS: Record<Lang, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The usual abbreviations: Dutch writes "mrt" for maart. */
const SHORT_MONTHS: Record<Lang, readonly string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Month names, January first. */
export const monthNames = (lang: Lang): readonly string[] => MONTHS[lang] ?? MONTHS.nl;

/** `2026-11` → "november 2026"; with `short`, "nov" (the year left out). */
export function monthLabel(key: string, lang: Lang, short = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  const index = Number(m[2]) - 1;
  return short ? (SHORT_MONTHS[lang] ?? SHORT_MONTHS.nl)[index] : `${monthNames(lang)[index]} ${m[1]}`;
}

/** `2026-11-05` → "5 november 2026"; with `short`, "5 nov". */
export function dayLabel(key: string, lang: Lang, short = false): string {
  if (!isLocalDate(key)) return key;
  const { year, month, day } = parts(key);
  return short ? `${day} ${(SHORT_MONTHS[lang] ?? SHORT_MONTHS.nl)[month - 1]}` : `${day} ${monthNames(lang)[month - 1]} ${year}`;
}

/** `2026-W48` → "week 48" (Dutch) or "Week 48"; with `withYear`, ", 2026" added; `short`: "wk 48". */
export function weekLabel(key: string, lang: Lang, withYear = false, short = false): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return key;
  const label = `${short ? 'wk' : lang === 'en' ? 'Week' : 'week'} ${Number(m[2])}`;
  return withYear ? `${label}, ${m[1]}` : label;
}

/**
 * A range in words, as short as it can be and still be clear:
 * "29 november 2026", "1 t/m 29 november 2026", "november 2026", "1 oktober t/m 29 november 2026",
 * "2025", "1 december 2025 t/m 29 november 2026" (English: "1–29 November 2026", …).
 */
export function formatRange(range: DateRange, lang: Lang): string {
  const a = parts(range.from);
  const b = parts(range.to);
  const names = monthNames(lang);
  const until = lang === 'en' ? ' – ' : ' t/m ';
  const date = (p: typeof a, withYear: boolean) => `${p.day} ${names[p.month - 1]}${withYear ? ` ${p.year}` : ''}`;
  if (range.from === range.to) return date(a, true);
  if (isWholeMonths(range)) {
    if (a.month === 1 && b.month === 12 && a.year === b.year) return String(a.year);
    if (a.year === b.year && a.month === b.month) return `${names[a.month - 1]} ${a.year}`;
    if (a.year === b.year) return `${names[a.month - 1]}${until}${names[b.month - 1]} ${a.year}`;
    return `${names[a.month - 1]} ${a.year}${until}${names[b.month - 1]} ${b.year}`;
  }
  if (a.year === b.year && a.month === b.month) return `${a.day}${lang === 'en' ? '–' : until}${date(b, true)}`;
  if (a.year === b.year) return `${date(a, false)}${until}${date(b, true)}`;
  return `${date(a, true)}${until}${date(b, true)}`;
}
