/**
 * The audit trail: one `audit_log` row per change of a stored resource (who, what, when, which fields).
 * Write it in the same transaction as the change, so that a change never lands without its row.
 */
import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema.js';

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditEntry {
  /** The organisation the resource belongs to (null for national users). */
  organisationId: string | null;
  /** `location`, `partner`, `course`, `organisation`, `user`, `key`, `registration`, … */
  entity: string;
  entityId: string;
  action: AuditAction;
  /** `c.var.principal.actor`: `user:<id>` or `key:<id>`. */
  actor: string;
  /** What changed: the stored values for a create, `{ field: { from, to } }` for an update. Never secrets. */
  changes?: unknown;
  /** When; the database's `now()` when left out (pass `c.var.deps.clock()` to follow the app's clock). */
  at?: Date;
}

/** Anything that can insert: the database or a transaction. */
export type Writer = Pick<Db, 'insert'>;

/** Writes one audit row. */
export async function audit(writer: Writer, entry: AuditEntry): Promise<void> {
  await writer.insert(auditLog).values({
    organisationId: entry.organisationId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    actor: entry.actor,
    changes: (entry.changes ?? null) as never,
    ...(entry.at ? { at: entry.at } : {}),
  });
}

/**
 * The fields of a patch whose value differs from the stored one, as `{ field: { from, to } }`;
 * compares by JSON so that lists and objects count as changed only when their content changes.
 */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}
