/**
 * The week grid of walk-in hours as the form edits it: several ranges a day, typed as text, checked
 * in words (a time that is not one, an end before its start, two ranges of a day that overlap),
 * and "Kopieer naar alle werkdagen". Pure functions, no I/O.
 */
import { parseTime } from './dates.js';

/** One range as typed: `day` 1 = Monday … 7 = Sunday. */
export interface HoursRow {
  day: number;
  opens: string;
  closes: string;
}

/** What is wrong with one row, for its message. */
export type HoursProblem =
  | { kind: 'opens-format' | 'closes-format' }
  | { kind: 'order'; opens: string }
  | { kind: 'overlap'; with: { opens: string; closes: string } };

/** The problems of the rows, by index; rows without problems are absent. */
export function checkHours(rows: HoursRow[]): Map<number, HoursProblem> {
  const problems = new Map<number, HoursProblem>();
  const parsed = rows.map((r) => ({ opens: parseTime(r.opens), closes: parseTime(r.closes) }));
  rows.forEach((row, i) => {
    const { opens, closes } = parsed[i];
    if (!opens) problems.set(i, { kind: 'opens-format' });
    else if (!closes) problems.set(i, { kind: 'closes-format' });
    else if (closes <= opens) problems.set(i, { kind: 'order', opens });
  });
  // Overlaps, within a day, between rows that are right on their own: the later row is the one to change.
  rows.forEach((row, i) => {
    if (problems.has(i)) return;
    const mine = parsed[i];
    for (let j = 0; j < i; j++) {
      const other = parsed[j];
      if (rows[j].day !== row.day || problems.has(j)) continue;
      if (mine.opens! < other.closes! && other.opens! < mine.closes!) {
        problems.set(i, { kind: 'overlap', with: { opens: other.opens!, closes: other.closes! } });
        return;
      }
    }
  });
  return problems;
}

/** The rows as the API takes them: times normalised, sorted by day and opening time. Only valid rows. */
export function hoursPayload(rows: HoursRow[]): { day: number; opens: string; closes: string }[] {
  return rows
    .map((r) => ({ day: r.day, opens: parseTime(r.opens) ?? '', closes: parseTime(r.closes) ?? '' }))
    .filter((r) => r.opens && r.closes && r.opens < r.closes)
    .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
}

/** Monday to Friday get the ranges of `from` (every other workday's ranges are replaced); the weekend stays. */
export function copyToWorkdays(rows: HoursRow[], from: number): HoursRow[] {
  const source = rows.filter((r) => r.day === from);
  const kept = rows.filter((r) => r.day > 5 || r.day === from);
  const copies = [1, 2, 3, 4, 5].filter((d) => d !== from).flatMap((day) => source.map((r) => ({ ...r, day })));
  return [...kept, ...copies].sort((a, b) => a.day - b.day);
}
