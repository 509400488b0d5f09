/** The outbox: registrations made while the server cannot be reached, kept durably and sent later, each exactly once. */
import type { IdoClient } from './client.js';
import type { RequestOptions } from './http.js';
import { uuid } from './uuid.js';
import { isIdoHttpError, isIdoNetworkError } from './errors.js';
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
    async put(item) { items.set(item.id, structuredClone(item)); },
    async getAll() { return [...items.values()].map((i) => structuredClone(i)); },
    async delete(ids) { for (const id of ids) items.delete(id); },
    async count() { return items.size; },
  };
}

/** What `submit` did: sent now, or kept to send later. */
export type SubmitResult =
  | { status: 'sent'; registration: Registration }
  | { status: 'queued'; item: OutboxItem };

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
   * on a network error everything stays. One flush runs at a time: a call during a flush gets
   * that flush's result. A failure of a whole batch other than a network error (a 401, say)
   * keeps the items and is thrown.
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
}

/** Failures worth trying again later: the server was unreachable, busy or broken, not refusing. */
const transient = (error: unknown) =>
  isIdoNetworkError(error) || (isIdoHttpError(error) && (error.status >= 500 || error.status === 408 || error.status === 429));

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
export function createOutbox({ client, store, onChange }: OutboxOptions): Outbox {
  let flushing: Promise<FlushResult> | undefined;

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
      if (options?.signal?.aborted || !transient(error)) throw error;
      const item: OutboxItem = { id: registration.id, registration, queuedAt: new Date().toISOString(), attempts: 1, lastError: describe(error) };
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
      let results;
      try {
        ({ results } = await client.registrations.createBatch(chunk.map((i) => i.registration), options));
      } catch (error) {
        // Nothing of this chunk or later is known to be stored: keep all of it for the next flush.
        const rest = items.slice(start);
        for (const item of rest) await store.put({ ...item, attempts: item.attempts + 1, lastError: describe(error) });
        if (!transient(error) || options?.signal?.aborted) throw error;
        result.remaining = await store.count();
        return result;
      }
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

  return {
    submit,
    flush(options) {
      flushing ??= run(options).finally(() => { flushing = undefined; });
      return flushing;
    },
    async pending() {
      return (await store.getAll()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    },
    count: () => store.count(),
  };
}
