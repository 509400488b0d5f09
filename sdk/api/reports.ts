/** `reports`: figures for accountability and for the desk. */
import type * as z from 'zod/mini';
import { call, search, type Http, type QueryInput, type RequestOptions } from '../http.js';
import { exportReport, getCourseReport, getSearchDemand, getSummary } from '../operations/reports.js';
import type {
  CourseReport,
  CourseReportQuery,
  ExportQuery as ExportQuerySchema,
  SearchDemand,
  SearchDemandQuery,
  Summary,
  SummaryQuery,
} from '../schemas/reports.js';

/** Query of the report export: the filters of the summary, the file's `format` and `view`, and `suppress`. */
export type ExportQuery = QueryInput<typeof ExportQuerySchema>;

/** Figures for accountability and for the desk. */
export interface ReportsApi {
  /**
   * Visits, questions and referrals, grouped.
   * @example
   * ```ts
   * const s = await ido.reports.summary({ from: '2026-01-01', to: '2026-12-31', groupBy: 'topic' });
   * ```
   */
  summary(query?: SummaryQuery, options?: RequestOptions): Promise<Summary>;
  /**
   * Course runs, enrolments and completions.
   * @example
   * ```ts
   * const c = await ido.reports.courses({ groupBy: 'type' });
   * ```
   */
  courses(query?: z.input<typeof CourseReportQuery>, options?: RequestOptions): Promise<CourseReport>;
  /**
   * Locator searches per PC4 area: where people look for help.
   * @example
   * ```ts
   * const { items } = await ido.reports.searchDemand({ from: '2026-01-01' });
   * ```
   */
  searchDemand(query?: z.input<typeof SearchDemandQuery>, options?: RequestOptions): Promise<z.output<typeof SearchDemand>>;
  /**
   * The URL of an export. It needs the `Authorization` header, so a plain link does not work
   * with credentials; use `exportFile` to download it.
   * @example
   * ```ts
   * ido.reports.exportUrl({ format: 'csv', view: 'questions', from: '2026-01-01' });
   * ```
   */
  exportUrl(query: ExportQuery): string;
  /**
   * Downloads an export (CSV with BOM, or XLSX) as a Blob.
   * @example
   * ```ts
   * const blob = await ido.reports.exportFile({ format: 'xlsx', view: 'summary' });
   * link.href = URL.createObjectURL(blob);
   * ```
   */
  exportFile(query: ExportQuery, options?: RequestOptions): Promise<Blob>;
}

/** The `reports` namespace of a client over `http`. */
export function reportsApi(http: Http): ReportsApi {
  return {
    summary: (query, o) => call(http, getSummary, { query, signal: o?.signal }),
    courses: (query, o) => call(http, getCourseReport, { query, signal: o?.signal }),
    searchDemand: (query, o) => call(http, getSearchDemand, { query, signal: o?.signal }),
    exportUrl: (query) => `${http.base}${exportReport.path}?${new URLSearchParams(search(query))}`,
    exportFile: (query, o) => call(http, exportReport, { query, signal: o?.signal }),
  };
}
