// IDO walk-in hours: weekly ranges, exceptions and holidays evaluated in Europe/Amsterdam, independent of the host time zone.

import { DEFAULT_CLOSED_ON_HOLIDAYS, holidaysOf } from './holidays.js';
import type { HolidayCode } from './holidays.js';

/** A weekly walk-in range. */
export interface WalkInRange {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  day: number;
  /** Local opening time 'HH:MM'. */
  opens: string;
  /** Local closing time 'HH:MM' (later than `opens`; '24:00' means end of the day). */
  closes: string;
}

/**
 * A deviation for one local date: either closed all day, or open during the given hours (replacing
 * the weekly hours, also on holidays). Several exceptions with hours on one date give several ranges.
 */
export type OpeningException =
  | { date: string; closed: true }
  | { date: string; opens: string; closes: string; closed?: false };

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

const TIME_ZONE = 'Europe/Amsterdam';
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const LOOKAHEAD_DAYS = 14;

const NL_WEEKDAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NL_MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------
// Calendar dates ('YYYY-MM-DD'), computed on a UTC day counter so the host time zone never matters.

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function ymdToMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function msToDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parseDate(date: string): Ymd {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (m) {
    const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (ymd.month >= 1 && ymd.month <= 12 && ymd.day >= 1 && msToDate(ymdToMs(ymd.year, ymd.month, ymd.day)) === date) {
      return ymd;
    }
  }
  throw new RangeError(`Invalid date '${date}', expected 'YYYY-MM-DD'`);
}

/** Minutes since local midnight of 'HH:MM' (00:00–23:59, or 24:00 = 1440). */
function parseTime(time: string): number {
  const m = typeof time === 'string' ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if ((h < 24 && min < 60) || (h === 24 && min === 0)) return h * 60 + min;
  }
  throw new RangeError(`Invalid time '${time}', expected 'HH:MM'`);
}

function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return ((new Date(ymdToMs(year, month, day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * Add a number of calendar days to a local date.
 * @param date Local date 'YYYY-MM-DD'.
 * @param days Whole number of days, may be negative.
 * @returns The resulting date 'YYYY-MM-DD'.
 * @throws {RangeError} When the date is invalid or `days` is not an integer.
 */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const { year, month, day } = parseDate(date);
  return msToDate(ymdToMs(year, month, day) + days * DAY_MS);
}

/**
 * ISO 8601 week of a local date (weeks start on Monday; week 1 contains the year's first Thursday).
 * @param date Local date 'YYYY-MM-DD'.
 * @returns The week key, e.g. '2026-W48'; the year is the ISO week-numbering year ('2027-01-01' → '2026-W53').
 * @throws {RangeError} When the date is invalid.
 */
export function isoWeek(date: string): string {
  const { year, month, day } = parseDate(date);
  const ms = ymdToMs(year, month, day);
  const weekday = ((new Date(ms).getUTCDay() + 6) % 7) + 1;
  const thursday = ms + (4 - weekday) * DAY_MS; // the Thursday of this ISO week decides its year
  const weekYear = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - ymdToMs(weekYear, 1, 1)) / (7 * DAY_MS)) + 1;
  return `${pad(weekYear, 4)}-W${pad(week)}`;
}

// ---------------------------------------------------------------------------------------------
// Europe/Amsterdam wall clock <-> instants.

let formatter: Intl.DateTimeFormat | undefined;

function amsterdamFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-US-u-nu-latn', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return formatter;
}

interface WallClock extends Ymd {
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number): WallClock {
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  const out: Record<string, number> = {};
  for (const part of amsterdamFormatter().formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  // Some older engines print midnight as hour 24 even with h23.
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** UTC offset of Amsterdam (ms, wall clock minus UTC) at an instant. */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  const wallMs = ymdToMs(w.year, w.month, w.day) + w.hour * HOUR_MS + w.minute * MINUTE_MS + w.second * 1000;
  return wallMs - Math.floor(ms / 1000) * 1000;
}

/**
 * The Amsterdam wall clock of an instant.
 * @param instant Any valid Date.
 * @returns Local date 'YYYY-MM-DD', time 'HH:MM', ISO weekday (1 = Monday … 7 = Sunday), hour and minute.
 * @throws {RangeError} When the Date is invalid.
 */
export function amsterdamParts(instant: Date): { date: string; time: string; weekday: number; hour: number; minute: number } {
  const w = wallClock(instant.getTime());
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  return { date, time: `${pad(w.hour)}:${pad(w.minute)}`, weekday: weekdayOf(date), hour: w.hour, minute: w.minute };
}

/**
 * The instant of an Amsterdam wall-clock date and time. DST is resolved like Temporal's
 * 'compatible' disambiguation: a time in the skipped hour (02:00–03:00 on the last Sunday of March)
 * is moved forward by an hour (02:30 → 03:30 CEST); a time in the repeated hour (02:00–03:00 on the
 * last Sunday of October) gives its first occurrence (CEST, +02:00).
 * @param date Local date 'YYYY-MM-DD'.
 * @param time Local time 'HH:MM'; '24:00' is midnight at the end of `date`.
 * @returns The instant.
 * @throws {RangeError} When the date or time is invalid.
 */
export function amsterdamInstant(date: string, time: string): Date {
  const { year, month, day } = parseDate(date);
  const wall = ymdToMs(year, month, day) + parseTime(time) * MINUTE_MS;
  // Amsterdam changes offset at most once within any two days, so these are all candidate offsets.
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  if (before === after) return new Date(wall - before); // no transition nearby: the usual case
  const valid = [before, after].filter((offset) => offsetAt(wall - offset) === offset);
  if (valid.length === 0) return new Date(wall - before); // skipped wall time: shift forward
  return new Date(wall - Math.max(...valid)); // earliest occurrence of a repeated wall time
}

/**
 * Format an instant as ISO 8601 with the Amsterdam offset, e.g. '2026-11-30T09:30:00+01:00'
 * (winter) or '2026-06-01T09:30:00+02:00' (summer). Milliseconds are included only when non-zero.
 * @param instant Any valid Date.
 * @returns The ISO string.
 * @throws {RangeError} When the Date is invalid.
 */
export function toAmsterdamIso(instant: Date): string {
  const ms = instant.getTime();
  const w = wallClock(ms);
  const offsetMinutes = Math.round(offsetAt(ms) / MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const millis = ((ms % 1000) + 1000) % 1000;
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    (millis ? `.${pad(millis, 3)}` : '') +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

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
