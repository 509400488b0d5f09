/** SQL pieces every part of the reports shares. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** The database or a transaction on it. */
export type Writer = Db | Tx;

/** Rows of a raw query on the database or in a transaction: postgres-js answers an array, PGlite `{ rows }`. */
export async function rowsOf<T>(writer: Writer, query: SQL): Promise<T[]> {
  const out = (await writer.execute(query)) as unknown;
  return (Array.isArray(out) ? out : (out as { rows: T[] }).rows) as T[];
}

export const AMSTERDAM = sql.raw(`'Europe/Amsterdam'`);
/** A question row `q` with a referral (to a partner, a kind of partner or both). */
export const hasReferral = sql`(q.referral_partner_id is not null or q.referral_partner_kind is not null)`;
/** A count as both drivers may return it (a number, a numeric string, null). */
export const int = (v: unknown) => Number(v ?? 0);
