/** `reports`: figures for accountability and for the desk. */
import type { IdoClient } from '../client.js';
import { search, type Http } from '../http.js';
import { CourseReport, SearchDemand, Summary } from '../schemas/reports.js';

/** The `reports` namespace of a client over `http`. */
export function reportsApi(http: Http): IdoClient['reports'] {
  return {
    summary: (query, o) => http.request('get', 'reports/summary', Summary, { query, signal: o?.signal }),
    courses: (query, o) => http.request('get', 'reports/courses', CourseReport, { query, signal: o?.signal }),
    searchDemand: (query, o) => http.request('get', 'reports/search-demand', SearchDemand, { query, signal: o?.signal }),
    exportUrl: (query) => `${http.base}/api/v1/reports/export?${new URLSearchParams(search(query))}`,
    exportFile: async (query, o) => (await http.send('get', 'reports/export', { query, signal: o?.signal }, 'blob')) as Blob,
  };
}
