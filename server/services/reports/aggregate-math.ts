/**
 * Pure part of the report aggregates (docs/aggregates.md): what one visit adds to (or, negated,
 * removes from) the aggregate tables. No database, no I/O.
 *
 * A visit counts once at each grain (a unit, 'day': its Amsterdam date or 'month': the first of that
 * month, for each scope: its location, its organisation, the country) in `report_totals` (visits, questions, referred) and once per distinct code it names in
 * `report_codes` (visits, and the questions that name the code), referrals included: per target
 * (`referral`, `referral-warm`) and the visit's set of targets (`referral-set`). Codes are mapped onto the current
 * value lists first, so a visit naming a retired and a current code that map onto one is counted once.
 */
import { amsterdamParts } from '../../../sdk/opening-hours.js';

/** A period unit: the Amsterdam date, or the month (period = its first day). */
export type Unit = 'day' | 'month';
export const UNITS: readonly Unit[] = ['day', 'month'];
/**
 * Who a row counts for: one location (`location_id` = the location), one organisation
 * (`location_id` = the organisation's id) or the whole country (both ids the nil uuid). The coarser
 * scopes are what national and organisation-wide reports read: a few hundred rows instead of one
 * per location.
 */
export type Scope = 'location' | 'organisation' | 'national';
export const SCOPES: readonly Scope[] = ['location', 'organisation', 'national'];
export type Grain = 'day' | 'month' | 'org-day' | 'org-month' | 'nat-day' | 'nat-month';
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
export const grainOf = (scope: Scope, unit: Unit): Grain => (scope === 'location' ? unit : scope === 'organisation' ? `org-${unit}` : `nat-${unit}`);
export type Dimension = 'topic' | 'agency' | 'help' | 'channel' | 'duration' | 'weekday-hour' | 'referral' | 'referral-warm' | 'referral-set';
export const DIMENSIONS: readonly Dimension[] = ['topic', 'agency', 'help', 'channel', 'duration', 'weekday-hour', 'referral', 'referral-warm', 'referral-set'];

/**
 * Where a referral went, as the referral dimensions store it: `k:<kind>` when the referral names a
 * kind of partner (mapped onto the current list; it wins over the partner's own kind, as in the raw
 * count), otherwise `p:<partner id>`. A partner's kind is looked up when the report is read, so a
 * partner whose kind is corrected moves its past referrals with it, as the raw count does, and no
 * aggregate row has to change.
 */
export function referralTarget(referral: { partnerId?: string | null; partnerKind?: string | null } | null | undefined, map: (code: string) => string = (c) => c): string | null {
  if (!referral) return null;
  if (referral.partnerKind != null) return `k:${map(referral.partnerKind)}`;
  if (referral.partnerId != null) return `p:${referral.partnerId.toLowerCase()}`;
  return null;
}

/** The code of a `referral-set` row: the distinct targets of a visit, in code-unit order (PostgreSQL: `collate "C"`), space-separated. */
export const referralSetCode = (targets: Iterable<string>): string => [...new Set(targets)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(' ');

export interface AggregateVisit {
  organisationId: string;
  locationId: string;
  occurredAt: Date;
  channel: string;
  duration: string;
  questions: readonly {
    topic: string;
    agencies: readonly string[];
    help: readonly string[];
    referral?: { partnerId?: string | null; partnerKind?: string | null; warm?: boolean | null } | null;
  }[];
}

export interface TotalDelta { grain: Grain; period: string; locationId: string; organisationId: string; visits: number; questions: number; referred: number }
export interface CodeDelta { grain: Grain; dimension: Dimension; period: string; locationId: string; code: string; organisationId: string; visits: number; questions: number }
export interface Deltas { totals: TotalDelta[]; codes: CodeDelta[] }

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The periods of an instant: its Amsterdam date, the first of its month, and its weekday-hour key (`1-09`). */
export function periodsOf(occurredAt: Date): { day: string; month: string; weekdayHour: string } {
  const p = amsterdamParts(occurredAt);
  return { day: p.date, month: `${p.date.slice(0, 7)}-01`, weekdayHour: `${p.weekday}-${pad2(p.hour)}` };
}

/**
 * What one visit contributes, times `sign` (+1 when it is created, −1 when it is deleted; a
 * correction is the old visit at −1 and the new one at +1, see {@link mergeDeltas}).
 * @param codeMap Retired code → current code (the closure of the value-list mappings).
 */
export function aggregateDeltas(visit: AggregateVisit, sign: 1 | -1, codeMap: ReadonlyMap<string, string> = new Map()): Deltas {
  const map = (code: string) => codeMap.get(code) ?? code;
  const { day, month, weekdayHour } = periodsOf(visit.occurredAt);
  const n = visit.questions.length;
  const referred = visit.questions.some((q) => q.referral && (q.referral.partnerId != null || q.referral.partnerKind != null)) ? 1 : 0;

  // Per dimension: code → questions naming it (a question counts once per distinct value it names).
  const perCode = new Map<Dimension, Map<string, number>>();
  const add = (dimension: Dimension, code: string, questions: number) => {
    let m = perCode.get(dimension);
    if (!m) perCode.set(dimension, (m = new Map()));
    m.set(code, (m.get(code) ?? 0) + questions);
  };
  const targets: string[] = [];
  for (const q of visit.questions) {
    add('topic', map(q.topic), 1);
    for (const code of new Set(q.agencies.map(map))) add('agency', code, 1);
    for (const code of new Set(q.help.map(map))) add('help', code, 1);
    const target = referralTarget(q.referral, map);
    if (target) {
      targets.push(target);
      add('referral', target, 1);
      if (q.referral?.warm === true) add('referral-warm', target, 1);
    }
  }
  // The visit's set of targets: what makes "visits referred to a kind" exact when two of its
  // partners turn out to be of one kind (the kinds are known only when read).
  if (targets.length) add('referral-set', referralSetCode(targets), targets.length);
  add('channel', map(visit.channel), n);
  add('duration', map(visit.duration), n);
  add('weekday-hour', weekdayHour, n);

  const totals: TotalDelta[] = [];
  const codes: CodeDelta[] = [];
  for (const scope of SCOPES) {
    const base = scope === 'location' ? { locationId: visit.locationId, organisationId: visit.organisationId }
      : scope === 'organisation' ? { locationId: visit.organisationId, organisationId: visit.organisationId }
      : { locationId: NIL_UUID, organisationId: NIL_UUID };
    for (const [unit, period] of [['day', day], ['month', month]] as const) {
      const grain = grainOf(scope, unit);
      totals.push({ grain, period, ...base, visits: sign, questions: sign * n, referred: sign * referred });
      for (const [dimension, m] of perCode) {
        for (const [code, questions] of m) codes.push({ grain, dimension, period, ...base, code, visits: sign, questions: sign * questions });
      }
    }
  }
  return { totals, codes };
}

const totalKey = (d: TotalDelta) => `${d.grain}|${d.locationId}|${d.period}`;
const codeKey = (d: CodeDelta) => `${d.grain}|${d.dimension}|${d.locationId}|${d.period}|${d.code}`;
const byKey = <T>(key: (d: T) => string) => (a: T, b: T) => { const x = key(a); const y = key(b); return x < y ? -1 : x > y ? 1 : 0; };

/**
 * Sums deltas with the same key and drops those that cancel out, sorted by key: one row per key
 * (an `insert … on conflict do update` may touch a row only once) and in the same order for
 * every writer (concurrent writers then lock rows in one order and cannot deadlock on them).
 */
export function mergeDeltas(...parts: Deltas[]): Deltas {
  const totals = new Map<string, TotalDelta>();
  const codes = new Map<string, CodeDelta>();
  for (const part of parts) {
    for (const d of part.totals) {
      const k = totalKey(d);
      const t = totals.get(k);
      if (t) { t.visits += d.visits; t.questions += d.questions; t.referred += d.referred; } else totals.set(k, { ...d });
    }
    for (const d of part.codes) {
      const k = codeKey(d);
      const c = codes.get(k);
      if (c) { c.visits += d.visits; c.questions += d.questions; } else codes.set(k, { ...d });
    }
  }
  return {
    totals: [...totals.values()].filter((d) => d.visits || d.questions || d.referred).sort(byKey(totalKey)),
    codes: [...codes.values()].filter((d) => d.visits || d.questions).sort(byKey(codeKey)),
  };
}

/**
 * Splits an inclusive range of dates into whole months (answered from the month grain) and the
 * days before and after them (answered from the day grain).
 * @returns `months`: [first month start, last month start] or null; `days`: up to two inclusive date ranges.
 */
export function splitRange(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`;
  const addMonths = (d: string, k: number) => {
    const y = Number(d.slice(0, 4));
    const m = Number(d.slice(5, 7)) - 1 + k;
    return `${String(y + Math.floor(m / 12)).padStart(4, '0')}-${pad2(((m % 12) + 12) % 12 + 1)}-01`;
  };
  const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);
  // The first whole month starts on or after `from`; the last whole month ends on or before `to`.
  const firstMonth = from === firstOfMonth(from) ? from : addMonths(from, 1);
  const afterTo = new Date(Date.parse(`${to}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  const lastMonthEnd = afterTo === firstOfMonth(afterTo) ? afterTo : firstOfMonth(afterTo); // exclusive
  if (firstMonth >= lastMonthEnd) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstMonth) days.push([from, dayBefore(firstMonth)]);
  if (lastMonthEnd <= to) days.push([lastMonthEnd, to]);
  return { months: [firstMonth, addMonths(lastMonthEnd, -1)], days };
}
