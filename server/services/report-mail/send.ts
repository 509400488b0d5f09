/**
 * Sends the scheduled report mails that are due: queue the periods that ended, then claim, build
 * and send one job at a time. The running server does this every `IDO_REPORT_MAIL_INTERVAL_MS`
 * (scheduler.ts); `ido-server send-reports [--at …]` once.
 */
import { eq } from 'drizzle-orm';
import type { ReportFrequency } from '../../../sdk/schemas/report-subscriptions.js';
import { reportSubscriptions } from '../../db/schema.js';
import type { Deps } from '../../types.js';
import { buildReportMail } from './content.js';
import { claimJob, markFailed, markSent, queueDueJobs } from './jobs.js';
import { periodOfInstant, type MailPeriod } from './periods.js';
import type { MailTransport } from './transport.js';

export interface SendResult {
  queued: number;
  sent: number;
  failed: number;
}

/** The period a job's key names, found from the subscription's frequency. */
function periodOfKey(frequency: ReportFrequency, key: string): MailPeriod {
  const [year, rest] = key.split('-');
  const month = frequency === 'year' ? 1 : frequency === 'quarter' ? (Number(rest.slice(1)) - 1) * 3 + 1 : Number(rest);
  // Noon on the 15th lies inside the period whatever the time zone.
  return periodOfInstant(frequency, new Date(Date.UTC(Number(year), month - 1, 15, 12)));
}

/**
 * Sends every report due at `at`. A failure to send leaves its job for a retry with backoff and
 * ends this round: the mail server is likely down, and the other jobs wait for the next round
 * rather than each waiting for a timeout.
 */
export async function sendDueReports(
  deps: Pick<Deps, 'database' | 'reports' | 'taxonomy' | 'logger'>,
  transport: MailTransport,
  at: Date,
): Promise<SendResult> {
  const queued = await queueDueJobs(deps.database, at);
  const result: SendResult = { queued, sent: 0, failed: 0 };
  for (;;) {
    const job = await claimJob(deps.database, at);
    if (!job) break;
    const [subscription] = await deps.database.db
      .select()
      .from(reportSubscriptions)
      .where(eq(reportSubscriptions.id, job.subscriptionId))
      .limit(1);
    try {
      const mail = await buildReportMail(deps, subscription, periodOfKey(subscription.frequency, job.period));
      await transport.send(subscription.email, mail);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = await markFailed(deps.database, job, at, message);
      deps.logger.error({
        msg: 'report mail not sent, will retry',
        subscriptionId: job.subscriptionId,
        period: job.period,
        attempts: job.attempts,
        retryAt: retryAt.toISOString(),
        error,
      });
      result.failed += 1;
      break;
    }
    await markSent(deps.database, job, at);
    deps.logger.info({ msg: 'report mail sent', subscriptionId: job.subscriptionId, period: job.period });
    result.sent += 1;
  }
  return result;
}
