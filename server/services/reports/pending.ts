/**
 * What a registration write does for the reports (docs/aggregates.md): it queues its visit in
 * `report_pending`, in the same statement or transaction, and nothing else. The folder folds the
 * queue into the aggregates; until then every report adds the queued visits itself.
 */
import { sql, type SQL } from 'drizzle-orm';
import { reportPending } from '../../db/schema.js';
import { rowsOf, type Writer } from './sql.js';

/** A visit as the aggregates count it: the JSON of `report_pending.folded`. Codes as stored (mapped when counted). */
export interface AggregateVisit {
  organisationId: string;
  locationId: string;
  occurredAt: Date;
  channel: string;
  duration: string;
  questions: readonly {
    topic: string;
    agencies: readonly string[];
    help: readonly string[];
    referral?: { partnerId?: string | null; partnerKind?: string | null; warm?: boolean | null } | null;
  }[];
}

/**
 * New visits, as a data-modifying CTE of their insert: queued with no folded version (the aggregates
 * hold none of them). `claimed` is a row source (after FROM) whose `r.id` are the ids the insert claimed.
 */
export const queueCreated = (claimed: SQL): SQL => sql`insert into ${reportPending} (registration_id) select r.id from ${claimed}`;

/**
 * A visit about to be corrected or deleted, in the transaction that changes it, after its row was
 * locked and before it changes. When it is not queued yet, the aggregates hold it as it is now:
 * that version is queued. When it is queued already, the version the aggregates hold is the one
 * queued then, which stays; the `do update` only locks the queue row, so the folder leaves this
 * visit alone until the change has committed.
 */
export async function queueChanged(writer: Writer, registrationId: string, now: AggregateVisit): Promise<void> {
  const folded = {
    organisationId: now.organisationId,
    locationId: now.locationId,
    occurredAt: now.occurredAt.toISOString(),
    channel: now.channel,
    duration: now.duration,
    questions: now.questions.map((q) => ({ topic: q.topic, agencies: q.agencies, help: q.help, referral: q.referral ?? null })),
  };
  await rowsOf(
    writer,
    sql`
    insert into ${reportPending} (registration_id, folded) values (${registrationId}::uuid, ${JSON.stringify(folded)}::jsonb)
    on conflict (registration_id) do update set folded = ${reportPending}.folded
    returning 1 as queued`,
  );
}
