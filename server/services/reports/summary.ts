/** The summary (also public statistics and the desk's topic counts) and the course figures, labelled and sorted. */
import type { SummaryGroupBy } from '../../../sdk/schemas/reports.js';
import type { Lang } from '../../http/messages.js';
import type { Deps } from '../../types.js';
import { labellerFor, namesOf, periodLabel, sortGroups } from './labels.js';
import type { CourseGroupBy, CourseTotals, RawCourseGroup, ReportFilter, Totals } from './queries.js';
import { suppressCount } from './suppression.js';

export interface SummaryGroup {
  key: string;
  label: string;
  visits: number;
  questions: number;
}
export interface SummaryResult extends Totals {
  groups: SummaryGroup[];
}

export async function summaryReport(
  deps: Pick<Deps, 'reports' | 'database' | 'taxonomy'>,
  filter: ReportFilter,
  groupBy: SummaryGroupBy | undefined,
  lang: Lang,
): Promise<SummaryResult> {
  const { totals, groups: raw } = await deps.reports.queries.summary(filter, groupBy);
  if (!groupBy) return { ...totals, groups: [] };
  const label = await labellerFor(
    deps,
    groupBy,
    raw.map((g) => g.key),
    lang,
  );
  const groups = sortGroups(groupBy, raw).map((g) => ({ key: g.key, label: label(g.key), visits: g.visits, questions: g.questions }));
  return { ...totals, groups };
}

export interface CourseGroup extends RawCourseGroup {
  label: string;
}
export interface CourseResult extends CourseTotals {
  groups: CourseGroup[];
}

export async function courseReport(
  deps: Pick<Deps, 'reports' | 'database' | 'taxonomy'>,
  filter: ReportFilter,
  groupBy: CourseGroupBy | undefined,
  lang: Lang,
): Promise<CourseResult> {
  const queries = deps.reports.queries;
  const [totals, raw] = await Promise.all([
    queries.courseTotals(filter),
    groupBy ? queries.courseGroups(filter, groupBy) : Promise.resolve([]),
  ]);
  if (!groupBy) return { ...totals, groups: [] };
  const names =
    groupBy === 'location'
      ? await namesOf(
          deps.database,
          'locations',
          raw.map((g) => g.key),
        )
      : null;
  const label = (key: string) =>
    groupBy === 'type'
      ? deps.taxonomy.label('courseTypes', key, lang)
      : groupBy === 'location'
        ? (names!.get(key) ?? key)
        : periodLabel('month', key, lang);
  const sorted = [...raw].sort(
    groupBy === 'month'
      ? (a, b) => a.key.localeCompare(b.key)
      : (a, b) => b.runs - a.runs || b.enrolled - a.enrolled || a.key.localeCompare(b.key),
  );
  return {
    ...totals,
    groups: sorted.map((g) => ({ key: g.key, label: label(g.key), runs: g.runs, enrolled: g.enrolled, completed: g.completed })),
  };
}

export interface PublicGroup {
  key: string;
  label: string;
  visits: number | null;
  questions: number | null;
  suppressed?: true;
}
export interface PublicStats {
  visits: number | null;
  questions: number | null;
  referred: number | null;
  suppressed?: true;
  groups: PublicGroup[];
}

/** National figures for anyone: every count under 5 becomes null, flagged `suppressed: true`. */
export async function publicStats(
  deps: Pick<Deps, 'reports' | 'database' | 'taxonomy'>,
  filter: ReportFilter,
  groupBy: 'topic' | 'month' | undefined,
  lang: Lang,
): Promise<PublicStats> {
  const summary = await summaryReport(deps, { ...filter, organisationId: undefined, locationId: undefined }, groupBy, lang);
  const visits = suppressCount(summary.visits);
  const questions = suppressCount(summary.questions);
  const referred = suppressCount(summary.referred);
  const groups = summary.groups.map((g): PublicGroup => {
    const gv = suppressCount(g.visits);
    const gq = suppressCount(g.questions);
    return { key: g.key, label: g.label, visits: gv, questions: gq, ...(gv === null || gq === null ? { suppressed: true as const } : {}) };
  });
  return {
    visits,
    questions,
    referred,
    ...(visits === null || questions === null || referred === null ? { suppressed: true as const } : {}),
    groups,
  };
}
