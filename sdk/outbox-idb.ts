/** An outbox store in IndexedDB: queued registrations survive a reload, a crash or a closed laptop. */
import type { OutboxItem, OutboxStore } from './outbox.js';

const STORE = 'items';

/** Resolves with a request's result. */
const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Resolves when a transaction has committed, so a write is on disk before we say it is kept. */
const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });

/**
 * An outbox store in IndexedDB: one database of this name with one object store keyed by the
 * registration id. The database is opened on first use, and closed when another tab needs to
 * upgrade it (then reopened on next use).
 *
 * @param name The IndexedDB database name; give each desk key its own to keep queues apart.
 * @default 'ido-outbox'
 * @example
 * ```ts
 * const outbox = createOutbox({ client: ido, store: indexedDbOutboxStore() });
 * ```
 */
export function indexedDbOutboxStore(name = 'ido-outbox'): OutboxStore {
  let opening: Promise<IDBDatabase> | undefined;

  const open = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
      request.onsuccess = () => {
        const db = request.result;
        const forget = () => {
          db.close();
          opening = undefined;
        };
        db.onversionchange = forget;
        db.onclose = () => {
          opening = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = undefined;
        reject(request.error);
      };
    }));

  async function write(work: (store: IDBObjectStore) => void) {
    const tx = (await open()).transaction(STORE, 'readwrite');
    work(tx.objectStore(STORE));
    await committed(tx);
  }

  async function read<T>(work: (store: IDBObjectStore) => IDBRequest<T>) {
    return done(work((await open()).transaction(STORE, 'readonly').objectStore(STORE)));
  }

  return {
    put: (item: OutboxItem) => write((s) => s.put(item)),
    getAll: () => read((s) => s.getAll() as IDBRequest<OutboxItem[]>),
    delete: (ids: string[]) =>
      ids.length
        ? write((s) => {
            for (const id of ids) s.delete(id);
          })
        : Promise.resolve(),
    count: () => read((s) => s.count()),
  };
}
