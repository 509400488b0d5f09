/**
 * How visits reach the database: one statement stores any number of them (registrations, questions,
 * audit entries, the reports' queue rows), and with group commit (`IDO_GROUP_COMMIT=on`) the single
 * creates of concurrent requests share that statement and its commit.
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { auditLog, questions as questionsTable, registrations } from '../db/schema.js';
import { queueCreated } from './reports/pending.js';

/** One visit as the statement stores it (snake case: the columns of `registrations`, plus its questions and audit entry). */
export interface VisitRow {
  id: string;
  organisation_id: string;
  location_id: string;
  occurred_at: string;
  channel: string;
  duration: string;
  note: string | null;
  taxonomy_version: string;
  body_hash: string;
  created_by: string;
  created_at: string;
  /** `questions` columns in camel case, with `position`. */
  questions: Record<string, unknown>[];
  /** The `changes` of the audit entry: the registration as the API answers with it. */
  audit: unknown;
  /** Queued for the report aggregates (always, but in the write-cost benchmark). */
  queue: boolean;
}

export interface VisitWriter {
  /** Stores the visits on `db` (the pool, or a transaction) and answers the ids it claimed. */
  insert(db: Db, visits: VisitRow[]): Promise<Set<string>>;
}

/**
 * The statement: atomic like a transaction (each visit's rows land together or not at all) but one
 * round trip and one commit, and the same text for one visit or fifty (they come as one JSON
 * parameter). An id is claimed with `on conflict (id) do nothing`; the other rows are inserted only
 * for the ids `r` claimed. Rows go in in id order, so that two statements naming the same ids wait
 * for each other instead of deadlocking.
 */
async function insertVisits(db: Db, visits: VisitRow[]): Promise<Set<string>> {
  const out = (await db.execute(sql`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(visits)}::jsonb) as v(id uuid, organisation_id uuid, location_id uuid,
        occurred_at timestamptz, channel text, duration text, note text, taxonomy_version text, body_hash text, created_by text,
        created_at timestamptz, questions jsonb, audit jsonb, queue boolean)
    ), r as (
      insert into ${registrations} (id, organisation_id, location_id, occurred_at, channel, duration, note, taxonomy_version, body_hash, created_by, created_at, updated_at)
      select v.id, v.organisation_id, v.location_id, v.occurred_at, v.channel, v.duration, v.note, v.taxonomy_version, v.body_hash, v.created_by,
             v.created_at, v.created_at
      from v order by v.id
      on conflict (id) do nothing
      returning id
    ), q as (
      insert into ${questionsTable} (registration_id, position, type, topic, agencies, help, referral_partner_id, referral_partner_kind, referral_warm, digid)
      select r.id, (e.q->>'position')::smallint, e.q->>'type', e.q->>'topic',
             array(select jsonb_array_elements_text(e.q->'agencies')), array(select jsonb_array_elements_text(e.q->'help')),
             (e.q->>'referralPartnerId')::uuid, e.q->>'referralPartnerKind', (e.q->>'referralWarm')::boolean, e.q->>'digid'
      from r join v on v.id = r.id cross join lateral jsonb_array_elements(v.questions) as e(q)
    ), a as (
      insert into ${auditLog} (organisation_id, entity, entity_id, action, actor, at, changes)
      select v.organisation_id, 'registration', r.id::text, 'create', v.created_by, v.created_at, v.audit
      from r join v on v.id = r.id
    ), p as (${queueCreated(sql`r join v on v.id = r.id where v.queue`)})
    select id::text as id from r`)) as unknown;
  const rows = (Array.isArray(out) ? out : (out as { rows: { id: string }[] }).rows) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** Visits per grouped statement; the rest waits for the next. */
const GROUP_MAX = 50;
/** Grouped statements in flight at once: while they run, new single creates gather for the next. */
const GROUP_IN_FLIGHT = 2;

interface Waiting {
  visits: VisitRow[];
  resolve: (claimed: Set<string>) => void;
  reject: (error: unknown) => void;
}

/**
 * Without group commit every call is its own statement. With it, calls on the pool wait while
 * {@link GROUP_IN_FLIGHT} statements run and then go together in the next one; the first call goes
 * at once, so a quiet server adds no wait. Should a grouped statement fail, each call's visits are
 * stored alone, so that one request's failure is not another's. Calls in a transaction are never
 * grouped (their rows must stay in it).
 */
export function createVisitWriter(database: Pick<Database, 'db'>, options: { groupCommit: boolean }): VisitWriter {
  if (!options.groupCommit) return { insert: insertVisits };
  const waiting: Waiting[] = [];
  let inFlight = 0;

  async function flush(): Promise<void> {
    inFlight++;
    try {
      while (waiting.length) {
        // In arrival order, as many as fit; a call naming an id the group holds already (two requests
        // with one client id) waits for the next statement, where it finds that id taken.
        const group: Waiting[] = [];
        const ids = new Set<string>();
        let size = 0;
        for (let i = 0; i < waiting.length && size < GROUP_MAX; ) {
          const w = waiting[i];
          if ((!group.length || size + w.visits.length <= GROUP_MAX) && w.visits.every((v) => !ids.has(v.id))) {
            waiting.splice(i, 1);
            group.push(w);
            size += w.visits.length;
            for (const v of w.visits) ids.add(v.id);
          } else i++;
        }
        try {
          const claimed = await insertVisits(
            database.db,
            group.flatMap((w) => w.visits),
          );
          for (const w of group) w.resolve(new Set(w.visits.map((v) => v.id).filter((id) => claimed.has(id))));
        } catch (error) {
          if (group.length === 1) group[0].reject(error);
          else for (const w of group) await insertVisits(database.db, w.visits).then(w.resolve, w.reject);
        }
      }
    } finally {
      inFlight--;
    }
  }

  return {
    insert(db, visits) {
      if (db !== database.db) return insertVisits(db, visits);
      return new Promise((resolve, reject) => {
        waiting.push({ visits, resolve, reject });
        if (inFlight < GROUP_IN_FLIGHT) void flush();
      });
    },
  };
}
