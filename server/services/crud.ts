/**
 * The steps every resource route shares, written once: find the live row the caller may see
 * (a 404 for an id that is not a UUID, a deleted row, or another organisation's row), create a
 * row, update it and soft-delete it, each with its audit row. Each resource describes its table
 * once (`liveResource`); the routes keep their own rules (codes, linked ids) and call these.
 *
 * This is also where a precondition on the stored row belongs: an `If-Match` check compares the
 * request's header with the row `find` answers, before `update` or `remove` run (412).
 */
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { isUuid } from '../../sdk/uuid.js';
import type { Context } from 'hono';
import type { Db } from '../db/client.js';
import { scopeOf, type Principal } from '../http/auth.js';
import type { AppEnv } from '../types.js';
import { notFound } from '../http/problem.js';
import { checkIfMatch, etagOf } from '../http/etag.js';
import { audit, diff } from './audit.js';

/** A stored row: an id and the organisation it belongs to (null for national users). */
interface Owned {
  id: string;
}

export interface ResourceSpec<Row extends Owned> {
  table: PgTable;
  /** `location`, `partner`, … as the audit trail names it. */
  entity: string;
  id: AnyPgColumn;
  /** The column that scopes a row to an organisation (for organisations: their own id). */
  owner: AnyPgColumn;
  /** The organisation of a row, for its audit rows. */
  ownerOf: (row: Row) => string | null;
  /** The column set when the row is deleted (`deletedAt`, `revokedAt`); none: rows are never deleted. */
  gone?: AnyPgColumn;
  /** The column that records the last change (`updatedAt`), when there is one. */
  touched?: AnyPgColumn;
  /** The row as the API answers it: what the audit trail compares. */
  present: (row: Row) => Record<string, unknown>;
}

export interface Change {
  actor: string;
  at: Date;
  /** The request's `If-Match` tags (http/etag.ts `ifMatchOf`): checked against the row locked for the change; null or absent: no check. */
  ifMatch?: string[] | null;
}

/** The find, audited update and soft delete of one resource. */
/** What a mount's `load` gets that `LiveResource.load` reads: the caller and the path's id. */
export interface ItemRequest {
  c: Context<AppEnv>;
  caller: Exclude<Principal, { kind: 'anonymous' }>;
  params: { id: string };
}

export interface LiveResource<Row extends Owned> {
  /** For `mount(…, { load })`: the row the path names, as the caller may see it (404 otherwise). */
  load(request: ItemRequest): Promise<Row>;
  /** The live row with this id that an organisation (`scope`, or null: national) may see; 404 otherwise. */
  find(db: Db, id: string, scope: string | null): Promise<Row>;
  /** Inserts a row (with `createdAt` and the last-change column at `at`) and its audit row, which holds the row as the API answers it. */
  create(db: Db, values: Record<string, unknown>, change: Change): Promise<Row>;
  /**
   * Sets the columns and writes the audit row with what changed (the last-change column left out of
   * the comparison); with no columns, answers the row unchanged. `ifMatch`: see `Change`.
   */
  update(db: Db, existing: Row, set: Record<string, unknown>, change: Change): Promise<Row>;
  /**
   * Marks the row deleted and writes the audit row with `changes` (what identifies it); `also`
   * runs in the same transaction (a user's sessions end with them). 404 when it was deleted meanwhile.
   */
  remove(db: Db, existing: Row, change: Change & { changes: Record<string, unknown>; also?: (tx: Db) => Promise<unknown> }): Promise<void>;
}

/** Describes a resource's table once; see `LiveResource`. */
export function liveResource<Row extends Owned>(spec: ResourceSpec<Row>): LiveResource<Row> {
  const live = (id: string): SQL | undefined => and(eq(spec.id, id), spec.gone ? isNull(spec.gone) : undefined);
  const touch = (at: Date) => (spec.touched ? { [propertyOf(spec.table, spec.touched)]: at } : {});
  const withoutTouched = (row: Record<string, unknown>) => {
    const { updatedAt: _ignored, ...rest } = row;
    return rest;
  };

  /**
   * With `If-Match`: the row as it is now, locked until the change is stored, and a 412 unless the
   * tags name its ETag, so that of two edits sent with one ETag exactly one wins. Without: `existing`.
   */
  const lockedForChange = async (tx: Db, existing: Row, ifMatch: string[] | null | undefined): Promise<Row> => {
    if (!ifMatch) return existing;
    const [current] = (await tx.select().from(spec.table).where(live(existing.id)).for('update')) as Row[];
    if (!current) throw notFound();
    checkIfMatch(ifMatch, etagOf(spec.present(current)));
    return current;
  };

  const resource: LiveResource<Row> = {
    load: ({ c, caller, params }) => resource.find(c.var.deps.database.db, params.id, scopeOf(caller)),

    async find(db, id, scope) {
      if (!isUuid(id)) throw notFound();
      const rows = (await db
        .select()
        .from(spec.table)
        .where(and(live(id), scope ? eq(spec.owner, scope) : undefined))
        .limit(1)) as Row[];
      if (!rows[0]) throw notFound();
      return rows[0];
    },

    async create(db, values, { actor, at }) {
      return db.transaction(async (tx) => {
        const [created] = rowsOf<Row>(
          await tx
            .insert(spec.table)
            .values({ ...values, createdAt: at, ...touch(at) })
            .returning(),
        );
        await audit(tx, {
          organisationId: spec.ownerOf(created),
          entity: spec.entity,
          entityId: created.id,
          action: 'create',
          actor,
          changes: spec.present(created),
          at,
        });
        return created;
      });
    },

    async update(db, existing, set, { actor, at, ifMatch }) {
      return db.transaction(async (tx) => {
        const current = await lockedForChange(tx, existing, ifMatch);
        if (!Object.keys(set).length) return current;
        const before = withoutTouched(spec.present(current));
        const [updated] = (await tx
          .update(spec.table)
          .set({ ...set, ...touch(at) })
          .where(live(existing.id))
          .returning()) as Row[];
        if (!updated) throw notFound();
        const after = withoutTouched(spec.present(updated));
        await audit(tx, {
          organisationId: spec.ownerOf(updated),
          entity: spec.entity,
          entityId: updated.id,
          action: 'update',
          actor,
          changes: diff(before, after),
          at,
        });
        return updated;
      });
    },

    async remove(db, existing, { actor, at, changes, also, ifMatch }) {
      if (!spec.gone) throw new Error(`${spec.entity} rows are never deleted`);
      const gone = spec.gone;
      await db.transaction(async (tx) => {
        await lockedForChange(tx, existing, ifMatch);
        const done = await tx
          .update(spec.table)
          .set({ [propertyOf(spec.table, gone)]: at, ...touch(at) })
          .where(live(existing.id))
          .returning({ id: spec.id });
        if (!done.length) throw notFound();
        await also?.(tx);
        await audit(tx, {
          organisationId: spec.ownerOf(existing),
          entity: spec.entity,
          entityId: existing.id,
          action: 'delete',
          actor,
          changes,
          at,
        });
      });
    },
  };
  return resource;
}

/** Rows of the described table: drizzle types a generic table's rows as plain records. */
const rowsOf = <Row>(rows: unknown): Row[] => rows as Row[];

/** The property name drizzle knows a column by (`deletedAt` for `deleted_at`). */
function propertyOf(table: PgTable, column: AnyPgColumn): string {
  const entry = Object.entries(table).find(([, value]) => value === column);
  if (!entry) throw new Error(`column ${column.name} is not in its table`);
  return entry[0];
}
