/**
 * Scheduled reports by mail (contract v3): a subscription asks for the accountability export of a
 * month, quarter or year, mailed after the period ends (the first day of the next, 07:00
 * Europe/Amsterdam).
 */
import * as z from 'zod/mini';
import { Id, list } from './common.js';
import { Email } from './resources.js';

/** How often the report comes: after each month, quarter or year. */
export const ReportFrequency = /* @__PURE__ */ z.enum(['month', 'quarter', 'year']);
export type ReportFrequency = z.infer<typeof ReportFrequency>;

/** The attachment's format: the accountability export as XLSX or CSV. */
export const ReportFormat = /* @__PURE__ */ z.enum(['xlsx', 'csv']);

/** `POST /api/v1/report-subscriptions`. Without `organisationId`, a coordinator's own organisation; a national user without either gets the whole country. */
export const ReportSubscriptionInput = /* @__PURE__ */ z.strictObject({
  email: Email,
  frequency: ReportFrequency,
  format: ReportFormat,
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
});
export type ReportSubscriptionInput = z.input<typeof ReportSubscriptionInput>;

/**
 * A stored subscription. `lastSentPeriod` is the last period mailed (`2026-11`, `2026-Q4`,
 * `2026`), null until the first mail has gone.
 */
export const ReportSubscription = /* @__PURE__ */ z.object({
  id: Id,
  email: z.string(),
  frequency: ReportFrequency,
  format: ReportFormat,
  organisationId: z.nullable(Id),
  locationId: z.nullable(Id),
  lastSentPeriod: z.nullable(z.string()),
  createdAt: z.string(),
});
export type ReportSubscription = z.infer<typeof ReportSubscription>;

/** `GET /api/v1/report-subscriptions`: the live subscriptions the caller may see, oldest first. */
export const ReportSubscriptionList = /* @__PURE__ */ list(ReportSubscription);
