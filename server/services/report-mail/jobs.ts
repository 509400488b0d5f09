/**
 * The job table of scheduled report mails (`report_mail_jobs`): one row per subscription and
 * period, its primary key making a second mail for the same period impossible. Every server (and
 * `ido-server send-reports`) queues the periods that have become due and claims due rows with
 * `FOR UPDATE SKIP LOCKED`, so that two senders never take the same row; a claim lasts
 * `CLAIM_MS`, so that a sender that died mid-send leaves its row to another after that.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { reportMailJobs, reportSubscriptions } from '../../db/schema.js';
import { duePeriods } from './periods.js';

/** How long a claimed job is another sender's to leave alone: far longer than a send may take (transport.ts). */
export const CLAIM_MS = 10 * 60_000;
/** Retry after a failed send: 1 minute, doubling, at most an hour. */
export const RETRY_FIRST_MS = 60_000;
export const RETRY_MAX_MS = 60 * 60_000;

export const retryDelay = (attempts: number) => Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1));

/** Queues a job for every period of every live subscription that is due at `at` and not queued yet. */
export async function queueDueJobs(database: Database, at: Date): Promise<number> {
  const subscriptions = await database.rows<{
    id: string;
    frequency: 'month' | 'quarter' | 'year';
    created_at: string | Date;
    last: string | null;
  }>(sql`
    select s.id, s.frequency, s.created_at, (select max(j.period) from ${reportMailJobs} j where j.subscription_id = s.id) as last
    from ${reportSubscriptions} s where s.deleted_at is null`);
  const rows = subscriptions.flatMap((s) =>
    duePeriods(s.frequency, new Date(s.created_at), at, s.last).map((p) => ({
      subscriptionId: s.id,
      period: p.key,
      dueAt: p.dueAt,
      nextAttemptAt: p.dueAt,
    })),
  );
  if (!rows.length) return 0;
  const queued = await database.db.insert(reportMailJobs).values(rows).onConflictDoNothing().returning({ period: reportMailJobs.period });
  return queued.length;
}

export interface ClaimedJob {
  subscriptionId: string;
  period: string;
  attempts: number;
}

/**
 * Claims the oldest due job that no other sender holds, or null. The claim is one statement: the
 * row is locked while it is marked, and a row another sender is marking is skipped.
 */
export async function claimJob(database: Database, at: Date): Promise<ClaimedJob | null> {
  const until = new Date(at.getTime() + CLAIM_MS);
  const [row] = await database.rows<{ subscription_id: string; period: string; attempts: number }>(sql`
    update ${reportMailJobs} j set claimed_until = ${until.toISOString()}::timestamptz, attempts = j.attempts + 1
    from (
      select c.subscription_id, c.period from ${reportMailJobs} c
      join ${reportSubscriptions} s on s.id = c.subscription_id and s.deleted_at is null
      where c.sent_at is null and c.next_attempt_at <= ${at.toISOString()}::timestamptz
        and (c.claimed_until is null or c.claimed_until <= ${at.toISOString()}::timestamptz)
      order by c.due_at, c.subscription_id
      limit 1
      for update of c skip locked
    ) due
    where j.subscription_id = due.subscription_id and j.period = due.period
    returning j.subscription_id, j.period, j.attempts`);
  return row ? { subscriptionId: row.subscription_id, period: row.period, attempts: Number(row.attempts) } : null;
}

export async function markSent(database: Database, job: ClaimedJob, at: Date): Promise<void> {
  await database.rows(sql`
    update ${reportMailJobs} set sent_at = ${at.toISOString()}::timestamptz, claimed_until = null, last_error = null
    where subscription_id = ${job.subscriptionId} and period = ${job.period}`);
}

/** Gives a failed job back, to be tried again after the backoff. */
export async function markFailed(database: Database, job: ClaimedJob, at: Date, error: string): Promise<Date> {
  const next = new Date(at.getTime() + retryDelay(job.attempts));
  await database.rows(sql`
    update ${reportMailJobs} set next_attempt_at = ${next.toISOString()}::timestamptz, claimed_until = null, last_error = ${error.slice(0, 500)}
    where subscription_id = ${job.subscriptionId} and period = ${job.period}`);
  return next;
}

/** Drops the jobs of a subscription that were not sent (on unsubscribe). */
export async function dropUnsentJobs(db: Db, subscriptionId: string): Promise<void> {
  await db.delete(reportMailJobs).where(and(eq(reportMailJobs.subscriptionId, subscriptionId), isNull(reportMailJobs.sentAt)));
}
