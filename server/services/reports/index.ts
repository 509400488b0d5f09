/**
 * Reports (docs/aggregates.md): the summary, course figures, public statistics and the exports,
 * answered through one query layer that `createReports` picks and `Deps.reports` carries.
 *
 * Files: `queries.ts` (the query layer interface), `raw.ts` (on raw rows), `aggregates.ts` (on the
 * aggregates), `grains.ts` (their shape, pure), `pending.ts` (what a write queues for them),
 * `fold.ts` (the folder), `contributions.ts` (what visits add, in SQL), `rebuild.ts` (recounting
 * them), `periods.ts`, `labels.ts`, `scope.ts` (who may see what), `summary.ts`, `exports.ts`,
 * `csv.ts`, `suppression.ts`, `code-map.ts`.
 */
import type { Database } from '../../db/client.js';
import type { TaxonomyService } from '../taxonomy.js';
import { aggregateReportQueries } from './aggregates.js';
import { codeMapOf } from './code-map.js';
import type { Reports } from './queries.js';
import { foldPending } from './fold.js';
import { sqlReportQueries } from './raw.js';

/**
 * The reports of a database: the query layer on the aggregates (default), or on raw rows when
 * `aggregates` is false (`IDO_REPORT_AGGREGATES=off`, a kill switch should the aggregates ever be doubted).
 */
export function createReports(
  database: Database,
  taxonomy: Pick<TaxonomyService, 'versions' | 'currentCode'>,
  options: { aggregates: boolean },
): Reports {
  const codeMap = codeMapOf(taxonomy);
  const raw = sqlReportQueries(database, codeMap);
  return {
    queries: options.aggregates ? aggregateReportQueries(database, raw, codeMap) : raw,
    keepAggregates: true,
    fold: () => foldPending(database, codeMap),
  };
}

export type { AccountabilityPeriod, ReportFilter, ReportQueries, Reports } from './queries.js';
export { XLSX_TYPE, accountabilityTables, questionsCsv, questionsXlsx, tablesCsv, tablesXlsx } from './exports.js';
export { periodOf, resolveFilter } from './scope.js';
export { courseReport, publicStats, summaryReport } from './summary.js';
