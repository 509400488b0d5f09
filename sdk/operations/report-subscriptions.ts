/** Scheduled reports by mail (contract v3): subscribe, list, unsubscribe. Sending: server/services/report-mail. */
import { IdParams } from '../schemas/common.js';
import { ReportSubscription, ReportSubscriptionInput, ReportSubscriptionList } from '../schemas/report-subscriptions.js';

export const listReportSubscriptions = {
  id: 'listReportSubscriptions',
  tag: 'report-subscriptions',
  method: 'get',
  path: '/api/v1/report-subscriptions',
  access: 'staff',
  responses: { 200: ReportSubscriptionList },
} as const;

export const createReportSubscription = {
  id: 'createReportSubscription',
  tag: 'report-subscriptions',
  method: 'post',
  path: '/api/v1/report-subscriptions',
  access: 'staff',
  body: ReportSubscriptionInput,
  responses: { 201: ReportSubscription },
} as const;

export const deleteReportSubscription = {
  id: 'deleteReportSubscription',
  tag: 'report-subscriptions',
  method: 'delete',
  path: '/api/v1/report-subscriptions/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 204: null },
} as const;
