// IDO walk-in hours: weekly ranges, exceptions and holidays evaluated in Europe/Amsterdam, independent of the host time zone.

import { DEFAULT_CLOSED_ON_HOLIDAYS, holidaysOf } from './holidays.js';
import type { HolidayCode } from './holidays.js';
import type * as z from 'zod/mini';
import type { OpeningException as OpeningExceptionSchema, WalkInRange as WalkInRangeSchema } from './schemas/location.js';
import {
  DAY_MS,
  addDays,
  amsterdamInstant,
  amsterdamParts,
  parseDate,
  parseTime,
  toAmsterdamIso,
  weekdayOf,
  ymdToMs,
} from './amsterdam-time.js';

export { addDays, amsterdamInstant, amsterdamParts, isoWeek, toAmsterdamIso } from './amsterdam-time.js';

/** A weekly walk-in range: `day` 1 = Monday … 7 = Sunday, `opens` before `closes` ('HH:MM', '24:00' is the end of the day). The contract's schema (sdk/schemas/location.ts) is its one definition. */
export type WalkInRange = z.output<typeof WalkInRangeSchema>;

/**
 * A deviation for one local date: either closed all day, or open during the given hours (replacing
 * the weekly hours, also on holidays). Several exceptions with hours on one date give several ranges.
 */
export type OpeningException = z.output<typeof OpeningExceptionSchema>;

/** The walk-in hours of one IDO desk. */
export interface OpeningSchedule {
  /** Weekly ranges; several ranges per day are allowed. */
  walkInHours: WalkInRange[];
  /** Date-specific deviations. */
  exceptions?: OpeningException[];
  /** Holidays on which the desk is closed; defaults to {@link DEFAULT_CLOSED_ON_HOLIDAYS}. */
  closedOnHolidays?: readonly HolidayCode[];
}

/** Whether a desk is open at an instant, and when that changes. */
export interface OpenState {
  openNow: boolean;
  /**
   * The next opening (when closed) or closing (when open), as ISO 8601 with the Amsterdam offset,
   * e.g. '2026-11-30T09:30:00+01:00'. Null when the state does not change within 14 days.
   */
  nextChange: { at: string; open: boolean } | null;
  /** Closing time 'HH:MM' today, when open ('24:00' when open until midnight). */
  closesAt?: string;
}

const LOOKAHEAD_DAYS = 14;

const NL_WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NL_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// ---------------------------------------------------------------------------------------------
// Schedules.

/**
 * The walk-in ranges that apply on a local date, sorted by opening time. Exceptions on the date
 * replace the weekly hours: exceptions with hours apply even on a holiday, and a closed exception
 * closes the whole day (it wins over exceptions with hours on the same date). Without exceptions, the
 * desk is closed on the schedule's closed holidays and otherwise follows the weekly ranges.
 * Ranges whose closing time is not after the opening time are dropped.
 * @param schedule The desk's schedule.
 * @param date Local date 'YYYY-MM-DD'.
 * @returns The ranges, possibly empty.
 * @throws {RangeError} When the date or a time in the schedule is invalid.
 */
export function hoursOn(schedule: OpeningSchedule, date: string): { opens: string; closes: string }[] {
  const weekday = weekdayOf(date);
  const exceptions = (schedule.exceptions ?? []).filter((e) => e.date === date);
  let ranges: { opens: string; closes: string }[];
  if (exceptions.length > 0) {
    if (exceptions.some((e) => e.closed === true)) return [];
    ranges = exceptions.flatMap((e) => (e.closed === true ? [] : [{ opens: e.opens, closes: e.closes }]));
  } else {
    const closedOn = schedule.closedOnHolidays ?? DEFAULT_CLOSED_ON_HOLIDAYS;
    // All holidays on the date count: Hemelvaartsdag can coincide with Bevrijdingsdag.
    const holidays = holidaysOf(parseDate(date).year).filter((h) => h.date === date);
    if (holidays.some((h) => closedOn.includes(h.code))) return [];
    ranges = schedule.walkInHours.filter((r) => r.day === weekday).map((r) => ({ opens: r.opens, closes: r.closes }));
  }
  return ranges
    .map((r) => ({ range: r, start: parseTime(r.opens), end: parseTime(r.closes) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((r) => r.range);
}

/** Merged open intervals [start, end) in epoch ms for local dates firstDate … firstDate+days-1. */
function openIntervals(schedule: OpeningSchedule, firstDate: string, days: number): [number, number][] {
  const intervals: [number, number][] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(firstDate, i);
    for (const r of hoursOn(schedule, date)) {
      const start = amsterdamInstant(date, r.opens).getTime();
      const end = amsterdamInstant(date, r.closes).getTime();
      if (end > start) intervals.push([start, end]); // a range inside the DST gap can become empty
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Whether the desk is open at an instant, when that next changes (within 14 days) and, when open,
 * the closing time today. Adjacent and overlapping ranges count as one opening period.
 * @param schedule The desk's schedule.
 * @param now The instant to evaluate.
 * @returns The open state.
 * @throws {RangeError} When `now` or a date/time in the schedule is invalid.
 */
export function openState(schedule: OpeningSchedule, now: Date): OpenState {
  const nowMs = now.getTime();
  const today = amsterdamParts(now).date;
  const horizon = nowMs + LOOKAHEAD_DAYS * DAY_MS;
  // From yesterday (a period may run into today) to a day past the horizon.
  const intervals = openIntervals(schedule, addDays(today, -1), LOOKAHEAD_DAYS + 3);
  const current = intervals.find(([start, end]) => start <= nowMs && nowMs < end);
  if (current) {
    const end = current[1];
    if (end > horizon) return { openNow: true, nextChange: null };
    const close = amsterdamParts(new Date(end));
    let closesAt: string | undefined;
    if (close.date === today) closesAt = close.time;
    else if (close.date === addDays(today, 1) && close.time === '00:00') closesAt = '24:00';
    const state: OpenState = { openNow: true, nextChange: { at: toAmsterdamIso(new Date(end)), open: false } };
    if (closesAt !== undefined) state.closesAt = closesAt;
    return state;
  }
  const next = intervals.find(([start]) => start > nowMs);
  if (!next || next[0] > horizon) return { openNow: false, nextChange: null };
  return { openNow: false, nextChange: { at: toAmsterdamIso(new Date(next[0])), open: true } };
}

/**
 * A short sentence describing an open state, relative to `now` in Amsterdam.
 * Examples (nl): 'Nu open tot 12:30', 'Gesloten. Weer open vandaag om 13:30',
 * 'Gesloten. Weer open morgen om 09:30', 'Gesloten. Weer open donderdag om 09:30',
 * 'Gesloten. Weer open maandag 14 december om 09:30' (a week or more ahead), 'Gesloten'.
 * Examples (en): 'Open now until 12:30', 'Closed. Opens again today at 13:30',
 * 'Closed. Opens again tomorrow at 09:30', 'Closed. Opens again Thursday at 09:30', 'Closed'.
 * @param state The result of {@link openState} for `now`.
 * @param lang 'nl' or 'en'.
 * @param now The instant `state` was computed for.
 * @returns The sentence.
 */
export function describeOpenState(state: OpenState, lang: 'nl' | 'en', now: Date): string {
  const en = lang === 'en';
  if (state.openNow) {
    if (state.closesAt) return en ? `Open now until ${state.closesAt}` : `Nu open tot ${state.closesAt}`;
    if (state.nextChange) {
      const when = dayPhrase(state.nextChange.at, now, en);
      return en ? `Open now until ${when}` : `Nu open tot ${when}`;
    }
    return en ? 'Open now' : 'Nu open';
  }
  if (!state.nextChange) return en ? 'Closed' : 'Gesloten';
  const when = dayPhrase(state.nextChange.at, now, en);
  return en ? `Closed. Opens again ${when}` : `Gesloten. Weer open ${when}`;
}

/** 'vandaag om 09:30' / 'tomorrow at 09:30' / 'donderdag om 09:30' / 'Monday 14 December at 09:30'. */
function dayPhrase(iso: string, now: Date, en: boolean): string {
  const at = amsterdamParts(new Date(iso));
  const today = amsterdamParts(now).date;
  const { year, month, day } = parseDate(at.date);
  const t = parseDate(today);
  const diff = Math.round((ymdToMs(year, month, day) - ymdToMs(t.year, t.month, t.day)) / DAY_MS);
  let dayWord: string;
  if (diff === 0) dayWord = en ? 'today' : 'vandaag';
  else if (diff === 1) dayWord = en ? 'tomorrow' : 'morgen';
  else {
    const weekday = (en ? EN_WEEKDAYS : NL_WEEKDAYS)[at.weekday - 1];
    dayWord = diff > 1 && diff < 7 ? weekday : `${weekday} ${day} ${(en ? EN_MONTHS : NL_MONTHS)[month - 1]}`;
  }
  return `${dayWord} ${en ? 'at' : 'om'} ${at.time}`;
}
