/**
 * The shape of the report aggregates (docs/aggregates.md), pure: their grains (a period unit and a
 * scope), their dimensions, and how a report's period is covered by the coarsest rows that fit.
 */

/** A period unit: the Amsterdam date, the ISO week (period = its Monday) or the month (period = its first day). */
export type Unit = 'day' | 'week' | 'month';
/**
 * The units of each table. Weeks only in `report_totals`: that is what the reports over many places
 * read (`groupBy=location`, `organisation`, a period's totals), where a partial period's days would
 * be thousands of rows; a code's rows over a partial period are few (one place, or the coarse scopes),
 * and week rows there would add a third to what the folder writes per visit.
 */
export const UNITS = { totals: ['day', 'week', 'month'], codes: ['day', 'month'] } as const satisfies Record<string, readonly Unit[]>;
/**
 * Who a row counts for: one location (`location_id` = the location), one organisation
 * (`location_id` = the organisation's id) or the whole country (both ids the nil uuid). The coarser
 * scopes are what national and organisation-wide reports read: a few hundred rows instead of one
 * per location.
 */
export type Scope = 'location' | 'organisation' | 'national';
export const SCOPES: readonly Scope[] = ['location', 'organisation', 'national'];
export type Grain = Unit | `org-${Unit}` | `nat-${Unit}`;
export interface GrainSpec {
  scope: Scope;
  unit: Unit;
}
/** Every grain a visit counts at, per table. */
export const GRAINS: Record<keyof typeof UNITS, readonly GrainSpec[]> = {
  totals: SCOPES.flatMap((scope) => UNITS.totals.map((unit) => ({ scope, unit }))),
  codes: SCOPES.flatMap((scope) => UNITS.codes.map((unit) => ({ scope, unit }))),
};
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const grainOf = (scope: Scope, unit: Unit): Grain =>
  scope === 'location' ? unit : scope === 'organisation' ? `org-${unit}` : `nat-${unit}`;

/**
 * What `report_codes` counts per code. Per question (a question counts once under each distinct
 * value it names; `visits` = visits with at least one such question): `topic`, `agency`, `help`,
 * `referral` and `referral-warm` (per target: `k:<kind>` when the referral names a kind of partner,
 * mapped onto the current list, else `p:<partner id>`). Per visit (`questions` = the visit's
 * questions): `channel`, `duration`, `weekday-hour` (`1-09`: Amsterdam ISO weekday and hour) and
 * `referral-set` (the visit's distinct targets in code-unit order, space-separated).
 */
export type Dimension =
  | 'topic'
  | 'agency'
  | 'help'
  | 'channel'
  | 'duration'
  | 'weekday-hour'
  | 'referral'
  | 'referral-warm'
  | 'referral-set';
export const DIMENSIONS: readonly Dimension[] = [
  'topic',
  'agency',
  'help',
  'channel',
  'duration',
  'weekday-hour',
  'referral',
  'referral-warm',
  'referral-set',
];

/** Inclusive ranges of `period` values, per unit, that together cover a report's dates exactly once. */
export interface Cover {
  /** [first month start, last month start], or null. */
  months: [string, string] | null;
  /** [first Monday, last Monday] of runs of whole ISO weeks. */
  weeks: [string, string][];
  days: [string, string][];
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (d: string, k: number) => dateOf(ms(d) + k * DAY_MS);
const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`;
function addMonths(d: string, k: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + k;
  return `${String(y + Math.floor(m / 12)).padStart(4, '0')}-${pad2((((m % 12) + 12) % 12) + 1)}-01`;
}
/** ISO weekday, 1 = Monday. */
const weekday = (d: string) => ((new Date(ms(d)).getUTCDay() + 6) % 7) + 1;

/**
 * Covers the inclusive dates [from, to] with whole months (when `months`), then whole ISO weeks
 * (when `weeks`) and days for the rest. With months, the parts outside whole months are cut at month
 * boundaries first, so that no week row crosses a month (a grouping by month reads them too).
 */
export function coverRange(from: string, to: string, options: { months?: boolean; weeks?: boolean } = {}): Cover {
  const { months = true, weeks = true } = options;
  const cover: Cover = { months: null, weeks: [], days: [] };
  const pieces: [string, string][] = [];
  if (months) {
    const firstMonth = from === firstOfMonth(from) ? from : addMonths(from, 1);
    const afterTo = addDays(to, 1);
    const endMonth = firstOfMonth(afterTo); // exclusive end of the last whole month
    if (firstMonth < endMonth) {
      cover.months = [firstMonth, addMonths(endMonth, -1)];
      if (from < firstMonth) pieces.push([from, addDays(firstMonth, -1)]);
      if (endMonth <= to) pieces.push([endMonth, to]);
    } else {
      // No whole month: the dates of each month touched.
      for (let start = from; start <= to; start = addMonths(firstOfMonth(start), 1)) {
        const end = addDays(addMonths(firstOfMonth(start), 1), -1);
        pieces.push([start, end < to ? end : to]);
      }
    }
  } else {
    pieces.push([from, to]);
  }
  for (const [a, b] of pieces) {
    const monday = addDays(a, (8 - weekday(a)) % 7);
    const lastMonday = addDays(b, -(weekday(b) % 7) - 6); // of the last week that ends (on a Sunday) by b
    if (!weeks || lastMonday < monday) {
      cover.days.push([a, b]);
      continue;
    }
    cover.weeks.push([monday, lastMonday]);
    if (a < monday) cover.days.push([a, addDays(monday, -1)]);
    const afterWeeks = addDays(lastMonday, 7);
    if (afterWeeks <= b) cover.days.push([afterWeeks, b]);
  }
  return cover;
}
