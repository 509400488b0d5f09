/**
 * The periods of scheduled reports: a month (`2026-11`), a quarter (`2026-Q4`) or a year (`2026`),
 * in Europe/Amsterdam. A period's report is due on the first day of the next period at 07:00
 * local time (contract v3), so that the figures of the last evening are in.
 */
import { amsterdamInstant, amsterdamParts } from '../../../sdk/opening-hours.js';
import type { ReportFrequency } from '../../../sdk/schemas/report-subscriptions.js';

/** The local hour on the first day of the next period at which a period's report is due. */
export const DUE_TIME = '07:00';

export interface MailPeriod {
  /** `2026-11`, `2026-Q4` or `2026`. */
  key: string;
  /** First and last day, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** When its report becomes due. */
  dueAt: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const MONTHS_OF: Record<ReportFrequency, number> = { month: 1, quarter: 3, year: 12 };

/** The period of `frequency` that starts in `year`/`month` (month 1–12, the period's first). */
function periodStarting(frequency: ReportFrequency, year: number, month: number): MailPeriod {
  const length = MONTHS_OF[frequency];
  const endMonth = month + length - 1;
  const key = frequency === 'month' ? `${year}-${pad(month)}` : frequency === 'quarter' ? `${year}-Q${(month + 2) / 3}` : String(year);
  const nextYear = endMonth === 12 ? year + 1 : year;
  const nextMonth = endMonth === 12 ? 1 : endMonth + 1;
  return {
    key,
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
    dueAt: amsterdamInstant(`${nextYear}-${pad(nextMonth)}-01`, DUE_TIME),
  };
}

/** The period of `frequency` that `instant` falls in (Amsterdam date). */
export function periodOfInstant(frequency: ReportFrequency, instant: Date): MailPeriod {
  const [year, month] = amsterdamParts(instant).date.split('-').map(Number);
  const length = MONTHS_OF[frequency];
  return periodStarting(frequency, year, Math.floor((month - 1) / length) * length + 1);
}

/** The period after `period`. */
export function nextPeriod(frequency: ReportFrequency, period: MailPeriod): MailPeriod {
  return periodOfInstant(frequency, period.dueAt);
}

/**
 * Every period whose report is due at `at`, from the one `since` falls in (a subscription's
 * start: no report of a period before it), oldest first, after `after` (a period key already
 * queued; keys of one frequency sort as text).
 */
export function duePeriods(frequency: ReportFrequency, since: Date, at: Date, after?: string | null): MailPeriod[] {
  const due: MailPeriod[] = [];
  for (let p = periodOfInstant(frequency, since); p.dueAt.getTime() <= at.getTime(); p = nextPeriod(frequency, p)) {
    if (!after || p.key > after) due.push(p);
  }
  return due;
}

/** A period in words for the mail: "het 4e kwartaal van 2026", "november 2026", "2026". */
export function periodInWords(frequency: ReportFrequency, period: MailPeriod): string {
  const [year, month] = period.from.split('-').map(Number);
  if (frequency === 'year') return String(year);
  if (frequency === 'quarter') return `het ${(month + 2) / 3}e kwartaal van ${year}`;
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

const MONTH_NAMES = [
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

/** A date in words: "31 maart 2026". */
export function dateInWords(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}
