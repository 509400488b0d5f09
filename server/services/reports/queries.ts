/**
 * The query layer of the reports: raw counts by code or id, no labels, no access rules. Two
 * implementations: `sqlReportQueries` (raw.ts) counts the raw rows, `aggregateReportQueries`
 * (aggregates.ts) reads the aggregates. Everything above it (scoping, labels, sorting, suppression,
 * CSV and XLSX) is shared.
 */
import type { SummaryGroupBy } from '../../../sdk/schemas/reports.js';
import type { Period } from './periods.js';

/** What a report covers: a period and, optionally, one organisation, location, municipality or province. */
export interface ReportFilter extends Period {
  organisationId?: string;
  locationId?: string;
  /** Of the location where the visit took place (case-insensitive). */
  municipality?: string;
  province?: string;
}

export interface Totals {
  visits: number;
  questions: number;
  referred: number;
}
export interface RawGroup {
  key: string;
  visits: number;
  questions: number;
}
export interface CourseTotals {
  runs: number;
  enrolled: number;
  completed: number;
}
export interface RawCourseGroup extends CourseTotals {
  key: string;
}
export type CourseGroupBy = 'type' | 'location' | 'month';
export type AccountabilityPeriod = 'month' | 'quarter' | 'year';

/** One question of the `view=questions` export, codes already mapped onto the current value lists. */
export interface QuestionRow {
  registrationId: string;
  occurredAt: Date;
  organisationId: string;
  locationId: string;
  locationName: string | null;
  channel: string;
  duration: string;
  /** 1-based position of the question within its visit. */
  position: number;
  type: string;
  topic: string;
  agencies: string[];
  help: string[];
  referralPartnerId: string | null;
  referralPartnerKind: string | null;
  referralWarm: boolean | null;
  digid: string | null;
  note: string | null;
}

export interface PeriodLocationTopicRow {
  period: string;
  locationId: string;
  topic: string;
  visits: number;
  questions: number;
}
/** A question-level dimension of the period tables: a question counts once under each distinct value it names. */
export type PeriodCodeDimension = 'topic' | 'agency' | 'help';
export interface PeriodCodeRow {
  period: string;
  code: string;
  visits: number;
  questions: number;
}
export interface CourseTypeLocationRow {
  locationId: string;
  type: string;
  runs: number;
  enrolled: number;
  completed: number;
}
export interface ReferralKindRow {
  kind: string;
  visits: number;
  questions: number;
  warm: number;
}

/** The query layer: counts from whatever store answers fastest. Keys are current codes or ids. */
export interface ReportQueries {
  totals(filter: ReportFilter): Promise<Totals>;
  groups(filter: ReportFilter, groupBy: SummaryGroupBy): Promise<RawGroup[]>;
  /** Totals and groups together, so that an implementation can derive one from the other. */
  summary(filter: ReportFilter, groupBy: SummaryGroupBy | undefined): Promise<{ totals: Totals; groups: RawGroup[] }>;
  courseTotals(filter: ReportFilter): Promise<CourseTotals>;
  courseGroups(filter: ReportFilter, groupBy: CourseGroupBy): Promise<RawCourseGroup[]>;
  periodLocationTopic(filter: ReportFilter, period: AccountabilityPeriod): Promise<PeriodLocationTopicRow[]>;
  /** Visits and questions per period and code of one dimension (e.g. per agency). */
  periodCodes(filter: ReportFilter, period: AccountabilityPeriod, dimension: PeriodCodeDimension): Promise<PeriodCodeRow[]>;
  coursesByTypeAndLocation(filter: ReportFilter): Promise<CourseTypeLocationRow[]>;
  referralsByKind(filter: ReportFilter): Promise<ReferralKindRow[]>;
  /** Every question in the filter, oldest visit first, in pages (keyset-paged, so memory stays flat). */
  questionPages(filter: ReportFilter, pageSize?: number): AsyncIterable<QuestionRow[]>;
}

/** What one call of the folder did. */
export interface FoldResult {
  /** Visits folded in. */
  folded: number;
  /** Whether another folder (or a rebuild) had the turn. */
  busy: boolean;
}

/** What the server's reports run on (`Deps.reports`). */
export interface Reports {
  /** Where every report reads its counts: the aggregates, or with `IDO_REPORT_AGGREGATES=off` the raw rows. */
  queries: ReportQueries;
  /**
   * Whether registration writes keep the aggregates up to date. Always in the product; the
   * write-cost benchmark gives its writes deps without it (the aggregates then go stale until rebuilt).
   */
  keepAggregates: boolean;
  /** Folds what is queued into the aggregates now (the server's folder calls it every few seconds). */
  fold(): Promise<FoldResult>;
}
