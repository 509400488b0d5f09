/**
 * The desk's connection: the client, the outbox that keeps visits the server could not take, the
 * queue on screen, and what failures say about the network and the key. A reactive controller of
 * `<ido-registratie>`: every change here asks the element to render again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IdoClientOptions } from '../../sdk/client.js';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import { createOutbox, type Outbox, type OutboxItem, type OutboxStore } from '../../sdk/outbox.js';
import { indexedDbOutboxStore } from '../../sdk/outbox-idb.js';
import { fingerprint, readJson, writeJson } from '../shared/storage.js';
import { lazyDeskClient, type DeskClient } from './lazy-client.js';

/** How often queued registrations are tried again, besides the browser's `online` event. */
const FLUSH_INTERVAL_MS = 15_000;

/** An answer from the server, or (when it cannot be reached) this browser's copy of the last one. */
export interface Cached<T> {
  value: T;
  fromCache: boolean;
}

/** What the connection tells the element. */
export interface ConnectionEvents {
  /** A flush ended; `refused` are the ids of the queued visits the server refused; `answered`: the server took or refused some. */
  flushed(refused: string[], answered: boolean): void;
  /** The browser says it is online again (`online` true), or a retry tick found nothing queued while offline (false). */
  recheck(online: boolean): void;
}

export class DeskConnection implements ReactiveController {
  /** The client of the desk's calls (undefined before the first `connect`). */
  client?: DeskClient;
  /** Sends a visit, or keeps it when the server cannot be reached. */
  outbox?: Outbox;
  /** The queue of this desk key in IndexedDB. */
  store?: OutboxStore;
  /** The visits waiting to be sent, as last read. */
  queue: OutboxItem[] = [];
  /** The server could not be reached the last time it was asked. */
  offline = false;
  /**
   * The server refused the desk key: 401 (no such key, or revoked), 403 (not for this website);
   * 0 while it has not.
   */
  keyRefused = 0;
  /** How many queued visits the server refused since the page loaded. */
  refusedInQueue = 0;

  /** The desk key of the client and the queue. */
  key = '';
  private target = '';
  private flushTimer?: ReturnType<typeof setInterval>;
  /** Counts the reads of the queue, so that an earlier read answering late cannot overwrite a newer one. */
  private queueReads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly events: ConnectionEvents,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.flushTimer = setInterval(this.onTick, FLUSH_INTERVAL_MS);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearInterval(this.flushTimer);
  }

  /** A new client and outbox when the server, the key or the language changed; answers whether they did. */
  connect(options: IdoClientOptions & { apiKey: string }): boolean {
    const target = `${options.baseUrl}|${options.apiKey}|${options.lang}`;
    if (target === this.target) return false;
    this.target = target;
    const key = (this.key = options.apiKey);
    const client: IdoClientOptions = { ...options, apiKey: key || undefined };
    this.client = lazyDeskClient(client);
    // A visit that cannot be sent at once is kept and sent later, so sending fails fast instead
    // of retrying while the next visitor waits.
    const sender = lazyDeskClient({ ...client, retry: 0, timeout: 6000 });
    // One queue per desk key, whatever the server address: a queue made while the address was
    // wrong is sent once it is right.
    const store = indexedDbOutboxStore(`ido-outbox-${fingerprint(key)}`);
    this.store = store;
    this.outbox = createOutbox({ client: sender, store, onChange: () => void this.refreshQueue() });
    this.keyRefused = 0;
    this.host.requestUpdate();
    void this.refreshQueue().then(() => this.flush());
    return true;
  }

  /** Records whether the server answered. */
  reachable(ok: boolean): void {
    const wasOffline = this.offline;
    this.offline = !ok;
    this.host.requestUpdate();
    if (ok && wasOffline) void this.flush();
  }

  /**
   * Records what a failure says about the connection and the key. A 401 always means the key is
   * wrong; a 403 only where the key is the one thing that can be refused (the public value lists
   * answer 403 only to a desk key used from a website it is not made for).
   */
  noteFailure(error: unknown, keyOnly = false): void {
    if (isIdoNetworkError(error)) this.reachable(false);
    else if (isIdoHttpError(error) && (error.status === 401 || (keyOnly && error.status === 403))) {
      this.keyRefused = error.status;
      this.host.requestUpdate();
    }
  }

  /**
   * Reads through a localStorage copy: the answer is saved, and served when the server cannot be
   * reached. `keyOnly`: a 403 can only be the key's (see `noteFailure`).
   */
  async cached<T>(cacheKey: string, signal: AbortSignal, load: () => Promise<T>, keyOnly = false): Promise<Cached<T>> {
    try {
      const value = await load();
      writeJson(cacheKey, value);
      this.reachable(true);
      return { value, fromCache: false };
    } catch (error) {
      this.noteFailure(error, keyOnly);
      const cached = readJson<T | null>(cacheKey, null);
      if (cached !== null && !signal.aborted && isIdoNetworkError(error)) return { value: cached, fromCache: true };
      throw error;
    }
  }

  async refreshQueue(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox) return;
    const read = ++this.queueReads;
    try {
      const items = await outbox.pending();
      if (outbox === this.outbox && read === this.queueReads) {
        this.queue = items;
        this.host.requestUpdate();
      }
    } catch {
      // IndexedDB unavailable (some private modes): nothing can be queued, nothing to show.
    }
  }

  /** Sends what waits (nothing without a desk key); tells the element what became of it. */
  async flush(): Promise<void> {
    const outbox = this.outbox;
    if (!outbox || !this.key) return;
    const refused: string[] = [];
    let answered = false;
    try {
      if ((await outbox.count()) === 0) return;
      const result = await outbox.flush();
      if (outbox !== this.outbox) return;
      refused.push(...result.failed.map((f) => f.item.id));
      if (result.failed.length) this.refusedInQueue += result.failed.length;
      answered = result.sent > 0 || result.failed.length > 0;
      if (answered) this.offline = false;
      else if (result.remaining) this.offline = true;
      this.host.requestUpdate();
    } catch (error) {
      this.noteFailure(error);
    } finally {
      await this.refreshQueue();
      this.events.flushed(refused, answered);
    }
  }

  private readonly onOnline = () => {
    this.offline = false;
    this.host.requestUpdate();
    void this.flush();
    this.events.recheck(true);
  };

  private readonly onOffline = () => {
    this.offline = true;
    this.host.requestUpdate();
  };

  private readonly onTick = () => {
    if (this.queue.length) void this.flush();
    else if (this.offline) this.events.recheck(false);
  };
}
