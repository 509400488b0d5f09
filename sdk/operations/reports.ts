/** Figures for accountability and for the desk: the summary, courses, search demand, the exports. */
import {
  CourseReport,
  CourseReportQuery,
  ExportQuery,
  SearchDemand,
  SearchDemandQuery,
  Summary,
  SummaryQuery,
} from '../schemas/reports.js';

export const getSummary = {
  id: 'getSummary',
  tag: 'reports',
  method: 'get',
  path: '/api/v1/reports/summary',
  access: 'desk',
  query: SummaryQuery,
  responses: { 200: Summary },
  errors: [403, 404, 422],
} as const;

export const getCourseReport = {
  id: 'getCourseReport',
  tag: 'reports',
  method: 'get',
  path: '/api/v1/reports/courses',
  access: 'staff',
  query: CourseReportQuery,
  responses: { 200: CourseReport },
  errors: [403, 404, 422],
} as const;

export const getSearchDemand = {
  id: 'getSearchDemand',
  tag: 'reports',
  method: 'get',
  path: '/api/v1/reports/search-demand',
  access: 'staff',
  query: SearchDemandQuery,
  responses: { 200: SearchDemand },
  errors: [403, 422],
} as const;

/** The media types of an export. */
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportReport = {
  id: 'exportReport',
  tag: 'reports',
  method: 'get',
  path: '/api/v1/reports/export',
  access: 'staff',
  query: ExportQuery,
  responses: { 200: { media: [CSV, XLSX] } },
  errors: [403, 404, 422],
} as const;
