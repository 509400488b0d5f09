/**
 * One PostgreSQL advisory lock around a whole start-up (migrations, value lists, first user,
 * postcodes, demo data), so that servers started together on one database do those steps one
 * after another: the first does them, the others find them done. PGlite is one process per data
 * directory, so there it is a no-op.
 */

/** An arbitrary, fixed key for pg_advisory_lock: "IDO" start-up (the migrations use 4_902_001). */
export const STARTUP_LOCK = 4_902_002;

export interface StartupLock {
  /** Lets the next server start; safe to call twice. */
  release(): Promise<void>;
}

/**
 * Waits for the start-up lock on its own connection (a session lock: it outlives transactions and
 * is dropped by PostgreSQL if the process dies). Without a database URL (PGlite) nothing is locked.
 */
export async function acquireStartupLock(databaseUrl: string | undefined): Promise<StartupLock> {
  if (!databaseUrl) return { release: async () => {} };
  const { default: postgres } = await import('postgres');
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${STARTUP_LOCK})`;
  } catch (error) {
    await client.end({ timeout: 5 });
    throw error;
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      try {
        await client`select pg_advisory_unlock(${STARTUP_LOCK})`;
      } finally {
        await client.end({ timeout: 5 });
      }
    },
  };
}

/** Runs `work` holding the start-up lock. */
export async function withStartupLock<T>(databaseUrl: string | undefined, work: () => Promise<T>): Promise<T> {
  const lock = await acquireStartupLock(databaseUrl);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
