/** The outbox: registrations made while the server cannot be reached, kept durably and sent later, each exactly once. */
import type { IdoClient } from './client.js';
import type { RequestOptions } from './http.js';
import { uuid } from './uuid.js';
import { isIdoHttpError, isIdoNetworkError, isIdoTimeoutError } from './errors.js';
import type { FieldError } from './schemas/common.js';
import { BATCH_MAX } from './schemas/limits.js';
import type { Registration, RegistrationInput } from './schemas/registration.js';

/** One registration waiting to be sent. */
export interface OutboxItem {
  /** The registration's own id (a UUID made on the client): it makes every resend idempotent. */
  id: string;
  /** The registration as it will be sent, with `id` and `occurredAt` filled in. */
  registration: RegistrationInput & { id: string };
  /** When it was queued (ISO 8601). */
  queuedAt: string;
  /** How many times sending it has failed. */
  attempts: number;
  /**
   * Why the last attempt failed.
   * @default undefined
   */
  lastError?: string;
}

/**
 * Where the outbox keeps its items: `memoryOutboxStore()` (tests, Node) or
 * `indexedDbOutboxStore()` (browsers; survives reloads).
 */
export interface OutboxStore {
  /** Adds or replaces the item with this id. */
  put(item: OutboxItem): Promise<void>;
  /** Every item, in no particular order. */
  getAll(): Promise<OutboxItem[]>;
  /** Removes these items; unknown ids are ignored. */
  delete(ids: string[]): Promise<void>;
  /** How many items there are. */
  count(): Promise<number>;
}

/**
 * A store that lives as long as the page or process: for tests, and for Node, where a process
 * that keeps running is durable enough.
 *
 * @example
 * ```ts
 * const outbox = createOutbox({ client: ido, store: memoryOutboxStore() });
 * ```
 */
export function memoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    async put(item) {
      items.set(item.id, structuredClone(item));
    },
    async getAll() {
      return [...items.values()].map((i) => structuredClone(i));
    },
    async delete(ids) {
      for (const id of ids) items.delete(id);
    },
    async count() {
      return items.size;
    },
  };
}

/** What `submit` did: sent now, or kept to send later. */
export type SubmitResult = { status: 'sent'; registration: Registration } | { status: 'queued'; item: OutboxItem };

/** A queued registration the server refused for good; it has left the queue. */
export interface FailedItem {
  /** The item as it was queued. */
  item: OutboxItem;
  /** `conflict`: the id was used for another visit, or was deleted; `invalid`: it breaks the rules. */
  status: 'conflict' | 'invalid';
  /** @default [] */
  errors: FieldError[];
}

/** What one `flush` did. */
export interface FlushResult {
  /** Acknowledged by the server (created now, or found already stored) and removed from the queue. */
  sent: number;
  /** Refused for good and removed from the queue; show them to the user. */
  failed: FailedItem[];
  /** Still queued (the server could not be reached, or a batch failed as a whole). */
  remaining: number;
  /**
   * Set when items stayed because of a temporary failure (unreachable, timed out, 408, 429, 5xx):
   * why, and how long the outbox waits before it tries again (`retry`), longer after each failing
   * flush in a row and back to the first delay after one that reached the server.
   * @default undefined
   */
  retry?: { error: string; kind: 'network' | 'timeout' | 'http'; inMs: number };
}

/** The outbox of `createOutbox`. */
export interface Outbox {
  /**
   * Sends a registration now or, when the server cannot be reached (or answers 408, 429 or a
   * 5xx), queues it. A refusal (another 4xx, such as a 422 with the broken fields) is thrown as
   * `IdoHttpError` and never queued. The registration gets its `id` and `occurredAt` (now) here
   * when it has none, so a later send counts the visit once, at the time it happened.
   * @example
   * ```ts
   * const result = await outbox.submit(visit);
   * if (result.status === 'queued') showMessage('Opgeslagen; wordt verstuurd zodra er verbinding is.');
   * ```
   */
  submit(registration: RegistrationInput, options?: RequestOptions): Promise<SubmitResult>;
  /**
   * Sends everything queued, in batches of up to 500. Acknowledged items (created or duplicate)
   * leave the queue; refused ones (conflict, invalid) leave it too and are reported in `failed`;
   * on a temporary failure (the server unreachable, a timeout, also of the `signal` passed here,
   * or a 408, 429 or 5xx) everything stays and the result says when to try again (`retry`). One
   * flush runs at a time: a call during a flush gets that flush's result. A failure of a whole
   * batch that is not temporary (a 401, say) keeps the items and is thrown; an abort rejects with
   * the signal's reason. Flushes the outbox starts itself (`retry.automatic`) never throw.
   * @example
   * ```ts
   * window.addEventListener('online', () => void outbox.flush());
   * ```
   */
  flush(options?: RequestOptions): Promise<FlushResult>;
  /**
   * The queued items, oldest first.
   * @example
   * ```ts
   * const items = await outbox.pending();
   * ```
   */
  pending(): Promise<OutboxItem[]>;
  /**
   * How many items are queued.
   * @example
   * ```ts
   * badge.textContent = String(await outbox.count());
   * ```
   */
  count(): Promise<number>;
  /**
   * Stops the automatic retries (`retry.automatic`); a flush already running finishes.
   * @example
   * ```ts
   * outbox.stop();
   * ```
   */
  stop(): void;
}

/** How the outbox waits between flushes that fail for a temporary reason. */
export interface OutboxRetry {
  /**
   * The wait after the first failing flush, in milliseconds; it doubles with each further one.
   * @default 5000
   */
  firstDelayMs?: number;
  /**
   * The longest wait, in milliseconds.
   * @default 300000
   */
  maxDelayMs?: number;
  /**
   * Whether the outbox flushes again by itself after that wait (until `stop()`). Such flushes
   * never throw: their results go to `onFlush`.
   * @default false
   */
  automatic?: boolean;
}

/** Timers, injectable so that tests decide when a wait is over. */
export interface OutboxTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of `createOutbox`. */
export interface OutboxOptions {
  /** The client to send with (only `registrations.create` and `createBatch` are used). */
  client: { registrations: Pick<IdoClient['registrations'], 'create' | 'createBatch'> };
  /** Where queued items are kept. */
  store: OutboxStore;
  /**
   * Called with the number of queued items after each change.
   * @default undefined
   */
  onChange?: (count: number) => void;
  /**
   * Called with the result of every flush, also those the outbox starts itself, or with the error
   * of one that failed for good (a 401, say; the items stay queued).
   * @default undefined
   */
  onFlush?: (outcome: { result: FlushResult } | { error: unknown }) => void;
  /**
   * The backoff between failing flushes, and whether the outbox retries by itself.
   * @default { firstDelayMs: 5000, maxDelayMs: 300000, automatic: false }
   */
  retry?: OutboxRetry;
  /**
   * The timers of automatic retries.
   * @default globalThis.setTimeout and clearTimeout
   */
  timers?: OutboxTimers;
}

/** A signal that fired because its time ran out (`AbortSignal.timeout`), not because someone aborted. */
const timedOut = (signal?: AbortSignal) => !!signal?.aborted && (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';

/** An abort by the caller: stop, and say so by rejecting with the reason. */
const abortedByCaller = (signal?: AbortSignal) => !!signal?.aborted && !timedOut(signal);

/**
 * Which temporary failure this is: the server was unreachable, did not answer in time (the
 * client's timeout or the caller's timed-out signal) or was busy or broken; undefined when it
 * refused, which trying again would not change.
 */
function temporary(error: unknown, signal?: AbortSignal): 'network' | 'timeout' | 'http' | undefined {
  if (timedOut(signal) || isIdoTimeoutError(error) || (error as { name?: string } | null)?.name === 'TimeoutError') return 'timeout';
  if (isIdoNetworkError(error)) return 'network';
  if (isIdoHttpError(error) && (error.status >= 500 || error.status === 408 || error.status === 429)) return 'http';
  return undefined;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Creates an outbox: offline registration with each visit counted exactly once.
 *
 * @example
 * ```ts
 * import { createIdoClient, createOutbox, indexedDbOutboxStore } from 'ido-registratie/sdk';
 * const outbox = createOutbox({ client: createIdoClient({ baseUrl, apiKey }), store: indexedDbOutboxStore() });
 * await outbox.submit({ channel: 'balie', duration: '5-15', questions: [{ type: 'digitale-overheid', topic: 'digid-aanvragen' }] });
 * ```
 */
export function createOutbox({ client, store, onChange, onFlush, retry = {}, timers = globalThis }: OutboxOptions): Outbox {
  const firstDelayMs = retry.firstDelayMs ?? 5000;
  const maxDelayMs = retry.maxDelayMs ?? 300_000;
  let flushing: Promise<FlushResult> | undefined;
  /** Flushes in a row that ended on a temporary failure: the backoff doubles with each. */
  let failingFlushes = 0;
  let timer: unknown;
  let stopped = false;

  const changed = async () => {
    if (onChange) onChange(await store.count());
  };

  async function submit(input: RegistrationInput, options?: RequestOptions): Promise<SubmitResult> {
    // The time is set here, not by the server at send time, so a visit queued at 10:15 is not
    // counted at the hour it was sent; and it is set once, so every resend has the same body.
    const registration = { ...input, id: input.id ?? uuid(), occurredAt: input.occurredAt ?? new Date().toISOString() };
    try {
      return { status: 'sent', registration: await client.registrations.create(registration, options) };
    } catch (error) {
      if (abortedByCaller(options?.signal) || !temporary(error, options?.signal)) throw error;
      const item: OutboxItem = {
        id: registration.id,
        registration,
        queuedAt: new Date().toISOString(),
        attempts: 1,
        lastError: describe(error),
      };
      await store.put(item);
      await changed();
      return { status: 'queued', item };
    }
  }

  async function run(options?: RequestOptions): Promise<FlushResult> {
    const items = (await store.getAll()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    const result: FlushResult = { sent: 0, failed: [], remaining: 0 };
    for (let start = 0; start < items.length; start += BATCH_MAX) {
      const chunk = items.slice(start, start + BATCH_MAX);
      let results: Awaited<ReturnType<typeof client.registrations.createBatch>>['results'];
      try {
        ({ results } = await client.registrations.createBatch(
          chunk.map((i) => i.registration),
          options,
        ));
      } catch (error) {
        // Nothing of this chunk or later is known to be stored: keep all of it for the next flush.
        const rest = items.slice(start);
        for (const item of rest) await store.put({ ...item, attempts: item.attempts + 1, lastError: describe(error) });
        const kind = temporary(error, options?.signal);
        if (abortedByCaller(options?.signal) || !kind) throw error;
        failingFlushes++;
        const inMs = Math.min(maxDelayMs, firstDelayMs * 2 ** (failingFlushes - 1));
        result.retry = { error: describe(error), kind, inMs };
        result.remaining = await store.count();
        return result;
      }
      failingFlushes = 0;
      const done: string[] = [];
      chunk.forEach((item, index) => {
        // Results come in order; the id is checked too, so a misordered answer never drops an item unsent.
        const r = results[index];
        if (!r || (r.id !== null && r.id !== item.id)) return;
        if (r.status === 'created' || r.status === 'duplicate') result.sent++;
        else result.failed.push({ item, status: r.status, errors: r.errors ?? [] });
        done.push(item.id);
      });
      await store.delete(done);
      await changed();
    }
    result.remaining = await store.count();
    return result;
  }

  /** After a flush: tell `onFlush`, and with automatic retries wait for the backoff and go again. */
  function settled(outcome: { result: FlushResult } | { error: unknown }) {
    onFlush?.(outcome);
    if (!retry.automatic || stopped) return;
    timers.clearTimeout(timer);
    timer = undefined;
    if ('result' in outcome && outcome.result.retry) {
      timer = timers.setTimeout(() => {
        timer = undefined;
        void flush().catch(() => {});
      }, outcome.result.retry.inMs);
    }
  }

  function flush(options?: RequestOptions): Promise<FlushResult> {
    // Settled before the caller hears of it, so that the next flush starts anew and the retry is set.
    flushing ??= run(options).then(
      (result) => {
        flushing = undefined;
        settled({ result });
        return result;
      },
      (error: unknown) => {
        flushing = undefined;
        if (!abortedByCaller(options?.signal)) settled({ error });
        throw error;
      },
    );
    return flushing;
  }

  return {
    submit,
    flush,
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
      timer = undefined;
    },
    async pending() {
      return (await store.getAll()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    },
    count: () => store.count(),
  };
}
