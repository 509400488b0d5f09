/**
 * The calendar and the wall clock of Europe/Amsterdam, whatever the host's time zone: local dates
 * ('YYYY-MM-DD') on a UTC day counter, and instants to and from the Amsterdam wall clock. A module of
 * its own (re-exported by opening-hours.ts) so that the registratie's time field does not carry the
 * schedule and holiday logic that only the locator's result cards use.
 */

const TIME_ZONE = 'Europe/Amsterdam';
export const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------
// Calendar dates ('YYYY-MM-DD'), computed on a UTC day counter so the host time zone never matters.

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdToMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

export function msToDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function parseDate(date: string): Ymd {
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
export function parseTime(time: string): number {
  const m = typeof time === 'string' ? /^(\d{2}):(\d{2})$/.exec(time) : null;
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if ((h < 24 && min < 60) || (h === 24 && min === 0)) return h * 60 + min;
  }
  throw new RangeError(`Invalid time '${time}', expected 'HH:MM'`);
}

export function weekdayOf(date: string): number {
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
