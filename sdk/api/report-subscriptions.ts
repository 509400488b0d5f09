/** `reportSubscriptions`: scheduled reports by mail. */
import type { Http } from '../http.js';
import { createReportSubscription, deleteReportSubscription, listReportSubscriptions } from '../operations/report-subscriptions.js';
import type { ReportSubscription, ReportSubscriptionInput } from '../schemas/report-subscriptions.js';
import { resource, type Resource } from './resource.js';

/**
 * Scheduled reports by mail: after each month, quarter or year, the period's key figures and the
 * accountability export go to `email`. `list` takes no filters; `delete` unsubscribes.
 * @example
 * ```ts
 * await ido.reportSubscriptions.create({ email: 'coordinator@bieb.nl', frequency: 'quarter', format: 'xlsx' });
 * ```
 */
export type ReportSubscriptionsApi = Pick<
  Resource<ReportSubscription, ReportSubscriptionInput, never, never>,
  'list' | 'create' | 'delete'
>;

/** The `reportSubscriptions` namespace of a client over `http`. */
export function reportSubscriptionsApi(http: Http): ReportSubscriptionsApi {
  const subscriptions = resource(http, listReportSubscriptions, undefined, createReportSubscription, undefined, deleteReportSubscription);
  return { list: subscriptions.list, create: subscriptions.create, delete: subscriptions.delete } as ReportSubscriptionsApi;
}
