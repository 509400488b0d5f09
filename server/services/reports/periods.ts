/** Reporting periods in Europe/Amsterdam: what a report covers, and the groupings that are periods. Pure. */
import { addDays, amsterdamInstant, amsterdamParts } from '../../../sdk/opening-hours.js';

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
