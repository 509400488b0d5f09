/** `reportSubscriptions`: scheduled reports by mail. */
import type { IdoClient } from '../client.js';
import { resource, type Http } from '../http.js';
import { ReportSubscription } from '../schemas/report-subscriptions.js';

/** The `reportSubscriptions` namespace of a client over `http`. */
export function reportSubscriptionsApi(http: Http): IdoClient['reportSubscriptions'] {
  const subscriptions = resource(http, 'report-subscriptions', ReportSubscription);
  return { list: subscriptions.list, create: subscriptions.create, delete: subscriptions.delete };
}
