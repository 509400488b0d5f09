import { expect } from '@open-wc/testing';
import { indexedDbOutboxStore } from '../../sdk/outbox-idb.js';
import type { OutboxItem } from '../../sdk/outbox.js';

const item = (id: string, attempts = 1): OutboxItem => ({
  id,
  registration: {
    id,
    channel: 'balie',
    duration: '5-15',
    occurredAt: '2026-11-28T09:15:00.000Z',
    questions: [{ type: 'digitale-overheid', topic: 'huurtoeslag', agencies: ['dienst-toeslagen'], help: [] }],
  },
  queuedAt: '2026-11-28T09:15:01.000Z',
  attempts,
});

const deleteDatabase = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

describe('indexedDbOutboxStore', () => {
  let name: string;
  beforeEach(() => {
    name = `ido-outbox-test-${crypto.randomUUID()}`;
  });
  afterEach(() => deleteDatabase(name));

  it('puts, reads, counts and deletes items', async () => {
    const store = indexedDbOutboxStore(name);
    expect(await store.count()).to.equal(0);
    expect(await store.getAll()).to.deep.equal([]);
    await store.put(item('a'));
    await store.put(item('b'));
    expect(await store.count()).to.equal(2);
    expect((await store.getAll()).map((i) => i.id).sort()).to.deep.equal(['a', 'b']);
    expect((await store.getAll()).find((i) => i.id === 'a')).to.deep.equal(item('a'));
    await store.delete(['a', 'unknown']);
    expect((await store.getAll()).map((i) => i.id)).to.deep.equal(['b']);
    await store.delete([]);
    expect(await store.count()).to.equal(1);
  });

  it('replaces an item with the same id', async () => {
    const store = indexedDbOutboxStore(name);
    await store.put(item('a'));
    await store.put({ ...item('a', 3), lastError: 'offline' });
    const all = await store.getAll();
    expect(all).to.have.length(1);
    expect(all[0].attempts).to.equal(3);
    expect(all[0].lastError).to.equal('offline');
  });

  it('keeps its items for a new store of the same name (a reload)', async () => {
    await indexedDbOutboxStore(name).put(item('kept'));
    const reopened = indexedDbOutboxStore(name);
    expect(await reopened.count()).to.equal(1);
    expect(await reopened.getAll()).to.deep.equal([item('kept')]);
    expect(await indexedDbOutboxStore(`${name}-other`).count()).to.equal(0);
    await deleteDatabase(`${name}-other`);
  });

  it('lets another connection delete the database, then opens it again', async () => {
    const store = indexedDbOutboxStore(name);
    await store.put(item('a'));
    await deleteDatabase(name);
    expect(await store.count()).to.equal(0);
    await store.put(item('b'));
    expect(await store.count()).to.equal(1);
  });
});
