/**
 * Dates and times as coordinators type them: `28-12-2026` (also `28/12/2026`, `28.12.2026`,
 * `28-12-26` and the ISO `2026-12-28`), times as `09:30` (also `9:30`, `9.30`, `930`). The API
 * gets ISO dates and `HH:MM`. Pure functions, no I/O.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date (no 31 April, 29 February only in leap years). */
function valid(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `28-12-2026` (or one of the other accepted forms) → `2026-12-28`; null when it is not a date. */
export function parseDutchDate(input: string): string | null {
  const text = input.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) {
    [day, month, year] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
    // A two-digit year is this century: the form is for dates around now, not for history.
    if (dutch[3].length === 2) year += 2000;
  } else return null;
  if (!valid(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2026-12-28` → `28-12-2026`, the form the field shows. */
export function formatDutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** `9:30`, `09.30`, `930`, `0930` → `09:30`; `24:00` is the end of the day; null when it is not a time. */
export function parseTime(input: string): string | null {
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(input.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours === 24 && minutes === 0) return '24:00';
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
