/**
 * Search demand: how often the public locator was searched per PC4 area and day, for planning where
 * IDO desks are missing. Only the four postcode digits and the Amsterdam date are kept: never an IP
 * address, a full postcode, coordinates or a time of day.
 *
 * Counts are gathered in memory and written in batches (one upsert per flush that adds to the stored
 * counts), by a timer a few seconds after the first pending count, or at once when many keys are
 * pending; never a database write per search. Several server instances each add their own counts.
 */
import { and, desc, asc, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { searchDemand } from '../db/schema.js';
import type { Deps } from '../types.js';

export interface SearchDemandCounter {
  /** Counts one search for a PC4 ('3511') on a local date ('2026-11-28'). Never touches the database. */
  count(pc4: string, day: string): void;
  /** Writes every pending count; resolves once they are stored. Safe to call at any time. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is pending (call on shutdown). */
  stop(): Promise<void>;
  /** Keys waiting to be written (for tests and metrics). */
  readonly pending: number;
}

export interface SearchDemandOptions {
  /** Write pending counts this long after the first one. @default 10000 */
  flushEveryMs?: number;
  /** Write at once when this many (pc4, day) keys are pending. @default 1000 */
  maxKeys?: number;
  /** Called when a timed flush fails (the counts are kept for the next one). */
  onError?: (error: unknown) => void;
}

const PC4 = /^[1-9]\d{3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Rows per INSERT statement. */
const CHUNK = 1000;

export function createSearchDemandCounter(database: Database, options: SearchDemandOptions = {}): SearchDemandCounter {
  const flushEveryMs = options.flushEveryMs ?? 10_000;
  const maxKeys = options.maxKeys ?? 1000;
  const onError = options.onError ?? (() => {});
  let counts = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let urgent = false;
  // Flushes run one after another, so that a count is never written twice or lost between them.
  let chain: Promise<void> = Promise.resolve();

  async function writeOnce(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (counts.size === 0) return;
    const batch = counts;
    counts = new Map();
    const rows = [...batch].map(([key, searches]) => ({ day: key.slice(0, 10), pc4: key.slice(11), searches }));
    try {
      for (let i = 0; i < rows.length; i += CHUNK) {
        // Each chunk is one statement; a chunk that fails is put back, those written stay written.
        const chunk = rows.slice(i, i + CHUNK);
        try {
          await database.db
            .insert(searchDemand)
            .values(chunk)
            .onConflictDoUpdate({
              target: [searchDemand.day, searchDemand.pc4],
              set: { searches: sql`${searchDemand.searches} + excluded.searches` },
            });
        } catch (error) {
          for (const r of rows.slice(i)) add(`${r.day}|${r.pc4}`, r.searches);
          throw error;
        }
      }
    } finally {
      if (counts.size > 0) schedule();
    }
  }

  function flush(): Promise<void> {
    const run = chain.then(writeOnce);
    chain = run.catch(() => {});
    return run;
  }

  function schedule() {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      flush().catch(onError);
    }, flushEveryMs);
    timer.unref?.(); // never keeps the process alive; shutdown calls stop()
  }

  function add(key: string, n: number) {
    counts.set(key, (counts.get(key) ?? 0) + n);
  }

  return {
    count(pc4, day) {
      if (!PC4.test(pc4) || !DAY.test(day)) return;
      add(`${day}|${pc4}`, 1);
      if (counts.size < maxKeys) schedule();
      else if (!urgent) {
        urgent = true;
        flush()
          .catch(onError)
          .finally(() => {
            urgent = false;
          });
      }
    },
    flush,
    async stop() {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      await flush();
    },
    get pending() {
      return counts.size;
    },
  };
}

/**
 * The counter of a database. `Deps` has no field for it (yet), so counters live here, one per
 * database, made on first use.
 */
const counters = new WeakMap<Database, SearchDemandCounter>();

export function searchDemandFor(deps: Pick<Deps, 'database' | 'logger'>, options: SearchDemandOptions = {}): SearchDemandCounter {
  let counter = counters.get(deps.database);
  if (!counter) {
    counter = createSearchDemandCounter(deps.database, {
      onError: (error) => deps.logger.error({ msg: 'search demand flush failed', error }),
      ...options,
    });
    counters.set(deps.database, counter);
  }
  return counter;
}

/** Writes what this process has pending for a database (no-op when it never counted). */
export async function flushSearchDemand(database: Database): Promise<void> {
  await counters.get(database)?.flush();
}

/**
 * Searches per PC4 between two local dates (inclusive; either may be left out), most searched first.
 * Flushes this process's pending counts first; other instances' counts arrive within their flush interval.
 */
export async function readSearchDemand(
  database: Database,
  from?: string,
  to?: string,
): Promise<{ items: { pc4: string; searches: number }[] }> {
  await flushSearchDemand(database);
  const where: SQL[] = [];
  if (from) where.push(gte(searchDemand.day, from));
  if (to) where.push(lte(searchDemand.day, to));
  const total = sql<number>`sum(${searchDemand.searches})::int`;
  const rows = await database.db
    .select({ pc4: searchDemand.pc4, searches: total })
    .from(searchDemand)
    .where(where.length ? and(...where) : undefined)
    .groupBy(searchDemand.pc4)
    .orderBy(desc(total), asc(searchDemand.pc4));
  return { items: rows.map((r) => ({ pc4: r.pc4, searches: Number(r.searches) })) };
}
