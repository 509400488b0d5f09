/**
 * Reports for staff (mounted at /api/v1/reports): the summary (also the desk's topic counts), course
 * figures, locator search demand and the accountability exports (CSV for Dutch Excel, XLSX).
 */
import { Hono } from 'hono';
import { exportReport, getCourseReport, getSearchDemand, getSummary } from '../../../sdk/operations/reports.js';
import { mount } from '../../http/mount.js';
import { forbidden, invalid } from '../../http/problem.js';
import {
  XLSX_TYPE,
  accountabilityTables,
  courseReport,
  periodOf,
  questionsCsv,
  questionsXlsx,
  resolveFilter,
  summaryReport,
  tablesCsv,
  tablesXlsx,
  type ReportFilter,
} from '../../services/reports/index.js';
import { readSearchDemand } from '../../services/search-demand.js';
import type { AppEnv } from '../../types.js';

const deskOnly = {
  nl: 'Een baliesleutel mag alleen de onderwerpen van de eigen locatie lezen (groupBy=topic&locationId=<eigen locatie>).',
  en: 'A desk key may only read the topic counts of its own location (groupBy=topic&locationId=<its location>).',
};

export const reportRoutes = new Hono<AppEnv>();

mount(reportRoutes, getSummary, async ({ c, caller, query: q }) => {
  let filter: ReportFilter;
  if (caller.kind === 'desk') {
    // The desk's quick-entry chips: its own location's topic counts, nothing else.
    if (q.groupBy !== 'topic' || !caller.locationId || q.locationId !== caller.locationId) throw forbidden(deskOnly);
    if (q.organisationId !== undefined && q.organisationId !== caller.organisationId) throw forbidden(deskOnly);
    filter = { ...periodOf(c.var.deps, q), organisationId: caller.organisationId, locationId: caller.locationId };
  } else {
    filter = await resolveFilter(c.var.deps, caller, q);
  }
  return c.json(await summaryReport(c.var.deps, filter, q.groupBy, c.var.lang));
});

mount(reportRoutes, getCourseReport, async ({ c, caller, query: q }) => {
  const filter = await resolveFilter(c.var.deps, caller, q);
  return c.json(await courseReport(c.var.deps, filter, q.groupBy, c.var.lang));
});

mount(reportRoutes, getSearchDemand, async ({ c, query: q }) => {
  const period = periodOf(c.var.deps, q);
  return c.json(await readSearchDemand(c.var.deps.database, period.from, period.to));
});

mount(reportRoutes, exportReport, async ({ c, caller, query: q }) => {
  const suppress = q.suppress === 'true';
  if (q.view === 'questions' && suppress) throw invalid([{ path: 'suppress', code: 'invalid-value' }]);
  const filter = await resolveFilter(c.var.deps, caller, q);
  const lang = c.var.lang;
  const filename = `ido-${q.view}-${filter.from}-${filter.to}.${q.format}`;
  const headers = {
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Content-Type': q.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
    'Cache-Control': 'no-store',
  };
  if (q.view === 'questions') {
    const stream = q.format === 'csv' ? questionsCsv(c.var.deps, filter) : questionsXlsx(c.var.deps, filter, lang);
    return c.body(stream, 200, headers);
  }
  const tables = await accountabilityTables(c.var.deps, filter, { lang, suppress, period: q.period ?? 'month' });
  if (q.format === 'csv') return c.body(tablesCsv(tables), 200, headers);
  return c.body((await tablesXlsx(tables)) as Uint8Array<ArrayBuffer>, 200, headers);
});
