/**
 * The report aggregates' specification in plain code: what one visit adds to (or, negated, removes
 * from) `report_totals` and `report_codes` (docs/aggregates.md). The server computes the same rows
 * in SQL (services/reports/contributions.ts, set-based, for many visits at once); tests hold that
 * SQL to this, and the write-path benchmark's "before" baseline writes these rows per visit.
 *
 * A visit counts once at each grain (a unit, day, ISO week or month, for each scope: its location,
 * its organisation, the country) in `report_totals` and once per distinct code it names in
 * `report_codes` (day and month: `UNITS`). Codes are mapped onto the current value lists first, so a visit naming a retired
 * and a current code that map onto one is counted once.
 */
import { amsterdamParts } from '../../sdk/opening-hours.js';
import { NIL_UUID, SCOPES, UNITS, grainOf, type Dimension, type Grain } from '../../server/services/reports/grains.js';
import type { AggregateVisit } from '../../server/services/reports/pending.js';

/**
 * Where a referral went, as the referral dimensions store it: `k:<kind>` when the referral names a
 * kind of partner (mapped onto the current list; it wins over the partner's own kind, as in the raw
 * count), otherwise `p:<partner id>`. A partner's kind is looked up when the report is read, so a
 * partner whose kind is corrected moves its past referrals with it, as the raw count does, and no
 * aggregate row has to change.
 */
export function referralTarget(
  referral: { partnerId?: string | null; partnerKind?: string | null } | null | undefined,
  map: (code: string) => string = (c) => c,
): string | null {
  if (!referral) return null;
  if (referral.partnerKind != null) return `k:${map(referral.partnerKind)}`;
  if (referral.partnerId != null) return `p:${referral.partnerId.toLowerCase()}`;
  return null;
}

/** The code of a `referral-set` row: the distinct targets of a visit, in code-unit order (PostgreSQL: `collate "C"`), space-separated. */
export const referralSetCode = (targets: Iterable<string>): string =>
  [...new Set(targets)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(' ');

export interface TotalDelta {
  grain: Grain;
  period: string;
  locationId: string;
  organisationId: string;
  visits: number;
  questions: number;
  referred: number;
}
export interface CodeDelta {
  grain: Grain;
  dimension: Dimension;
  period: string;
  locationId: string;
  code: string;
  organisationId: string;
  visits: number;
  questions: number;
}
export interface Deltas {
  totals: TotalDelta[];
  codes: CodeDelta[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The periods of an instant: its Amsterdam date, the Monday of its ISO week, the first of its month, and its weekday-hour key (`1-09`). */
export function periodsOf(occurredAt: Date): { day: string; week: string; month: string; weekdayHour: string } {
  const p = amsterdamParts(occurredAt);
  const week = new Date(Date.parse(`${p.date}T00:00:00Z`) - (p.weekday - 1) * 86_400_000).toISOString().slice(0, 10);
  return { day: p.date, week, month: `${p.date.slice(0, 7)}-01`, weekdayHour: `${p.weekday}-${pad2(p.hour)}` };
}

/**
 * What one visit contributes, times `sign` (+1 when it is created, −1 when it is deleted; a
 * correction is the old visit at −1 and the new one at +1, see {@link mergeDeltas}).
 * @param codeMap Retired code → current code (the closure of the value-list mappings).
 */
export function aggregateDeltas(visit: AggregateVisit, sign: 1 | -1, codeMap: ReadonlyMap<string, string> = new Map()): Deltas {
  const map = (code: string) => codeMap.get(code) ?? code;
  const { day, week, month, weekdayHour } = periodsOf(visit.occurredAt);
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
    const base =
      scope === 'location'
        ? { locationId: visit.locationId, organisationId: visit.organisationId }
        : scope === 'organisation'
          ? { locationId: visit.organisationId, organisationId: visit.organisationId }
          : { locationId: NIL_UUID, organisationId: NIL_UUID };
    const periods = { day, week, month };
    for (const unit of UNITS.totals)
      totals.push({
        grain: grainOf(scope, unit),
        period: periods[unit],
        ...base,
        visits: sign,
        questions: sign * n,
        referred: sign * referred,
      });
    for (const unit of UNITS.codes) {
      for (const [dimension, m] of perCode) {
        for (const [code, questions] of m)
          codes.push({
            grain: grainOf(scope, unit),
            dimension,
            period: periods[unit],
            ...base,
            code,
            visits: sign,
            questions: sign * questions,
          });
      }
    }
  }
  return { totals, codes };
}

const totalKey = (d: TotalDelta) => `${d.grain}|${d.locationId}|${d.period}`;
const codeKey = (d: CodeDelta) => `${d.grain}|${d.dimension}|${d.locationId}|${d.period}|${d.code}`;
const byKey =
  <T>(key: (d: T) => string) =>
  (a: T, b: T) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

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
      if (t) {
        t.visits += d.visits;
        t.questions += d.questions;
        t.referred += d.referred;
      } else totals.set(k, { ...d });
    }
    for (const d of part.codes) {
      const k = codeKey(d);
      const c = codes.get(k);
      if (c) {
        c.visits += d.visits;
        c.questions += d.questions;
      } else codes.set(k, { ...d });
    }
  }
  return {
    totals: [...totals.values()].filter((d) => d.visits || d.questions || d.referred).sort(byKey(totalKey)),
    codes: [...codes.values()].filter((d) => d.visits || d.questions).sort(byKey(codeKey)),
  };
}
