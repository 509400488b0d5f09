import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { closedPort, listen, listenApp, type Listening } from '../helpers/serve.js';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';
import {
  createIdoClient,
  createOutbox,
  IdoNetworkError,
  isIdoHttpError,
  memoryOutboxStore,
  type BatchResult,
  type OutboxItem,
  type RegistrationInput,
} from '../../sdk/index.js';

const item = (registration: RegistrationInput & { id: string }, queuedAt = new Date().toISOString()): OutboxItem => ({
  id: registration.id,
  registration,
  queuedAt,
  attempts: 1,
});

describe('outbox, without a server', () => {
  it('sends in chunks of at most 500 and keeps later chunks when one fails', async () => {
    const store = memoryOutboxStore();
    for (let i = 0; i < 1100; i++) {
      await store.put(
        item({ ...(visit() as RegistrationInput), id: crypto.randomUUID() }, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()),
      );
    }
    const sizes: number[] = [];
    const client = {
      registrations: {
        create: () => Promise.reject(new Error('not used')),
        async createBatch(items: RegistrationInput[]): Promise<BatchResult> {
          sizes.push(items.length);
          if (sizes.length === 3) throw new IdoNetworkError('offline');
          return { results: items.map((r) => ({ id: r.id!, status: 'created' as const })) };
        },
      },
    };
    const counts: number[] = [];
    const outbox = createOutbox({ client, store, onChange: (n) => counts.push(n) });
    const result = await outbox.flush();
    assert.deepEqual(sizes, [500, 500, 100]);
    assert.deepEqual(result, { sent: 1000, failed: [], remaining: 100, retry: { error: 'offline', kind: 'network', inMs: 5000 } });
    assert.deepEqual(counts, [600, 100]);
    const left = await outbox.pending();
    assert.equal(left.length, 100);
    assert.ok(left.every((i) => i.attempts === 2 && i.lastError === 'offline'));
  });
});

for (const backend of backends) {
  describe(`outbox against a listening server on ${backend}`, () => {
    let ctx: TestContext;
    let tenants: Awaited<ReturnType<typeof seedTenants>>;
    let baseUrl: string;
    let server: Listening;

    before(async () => {
      ctx = await createTestContext(backend);
      tenants = await seedTenants(ctx);
      server = await listenApp(ctx.app);
      baseUrl = server.url;
    });
    after(async () => {
      await server.close();
      await ctx.close();
    });

    const online = () => createIdoClient({ baseUrl, apiKey: tenants.a.secretKey });
    const offline = async () => createIdoClient({ baseUrl: await closedPort(), apiKey: tenants.a.secretKey, retry: 0 });
    const visitAt = (extra: Partial<RegistrationInput> = {}) => visit({ locationId: tenants.a.location.id, ...extra }) as RegistrationInput;
    const rowsWithId = async (id: string) =>
      Number((await ctx.rows<{ n: number }>(sql`select count(*)::int as n from registrations where id = ${id}`))[0].n);

    it('sends at once when the server is reachable', async () => {
      const outbox = createOutbox({ client: online(), store: memoryOutboxStore() });
      const result = await outbox.submit(visitAt());
      assert.equal(result.status, 'sent');
      assert.equal(await outbox.count(), 0);
    });

    it('queues while the server is unreachable, then sends each exactly once, even with two flushes at once', async () => {
      const store = memoryOutboxStore();
      const counts: number[] = [];
      const away = createOutbox({ client: await offline(), store, onChange: (n) => counts.push(n) });
      const first = await away.submit(visitAt());
      const second = await away.submit(visitAt({ channel: 'telefoon' }));
      assert.equal(first.status, 'queued');
      assert.equal(second.status, 'queued');
      if (first.status !== 'queued' || second.status !== 'queued') return;
      assert.match(first.item.id, /^[0-9a-f-]{36}$/);
      assert.equal(first.item.registration.id, first.item.id);
      assert.ok(first.item.registration.occurredAt, 'the time of the visit is kept, not the time of sending');
      assert.ok(first.item.lastError);
      assert.deepEqual(counts, [1, 2]);

      // Still away: a flush keeps everything.
      const still = await away.flush();
      assert.deepEqual({ ...still, retry: still.retry?.kind }, { sent: 0, failed: [], remaining: 2, retry: 'network' });
      assert.ok((await away.pending()).every((i) => i.attempts === 2));

      const back = createOutbox({ client: online(), store, onChange: (n) => counts.push(n) });
      const [a, b] = await Promise.all([back.flush(), back.flush()]);
      assert.equal(a, b, 'the second call awaits the first');
      assert.deepEqual(a, { sent: 2, failed: [], remaining: 0 });
      assert.equal(await rowsWithId(first.item.id), 1);
      assert.equal(await rowsWithId(second.item.id), 1);
      assert.equal(counts.at(-1), 0);
      const stored = await online().registrations.get(first.item.id);
      assert.equal(new Date(stored.occurredAt).getTime(), new Date(first.item.registration.occurredAt!).getTime());

      // A flush after everything is sent sends nothing again.
      assert.deepEqual(await back.flush(), { sent: 0, failed: [], remaining: 0 });
      assert.equal(await rowsWithId(first.item.id), 1);
    });

    it('acknowledges an item the server already stored (its answer was lost) without a second row', async () => {
      const store = memoryOutboxStore();
      const registration = { ...visitAt(), id: crypto.randomUUID(), occurredAt: new Date().toISOString() };
      await online().registrations.create(registration);
      await store.put(item(registration));
      const result = await createOutbox({ client: online(), store }).flush();
      assert.deepEqual(result, { sent: 1, failed: [], remaining: 0 });
      assert.equal(await rowsWithId(registration.id), 1);
    });

    it('reports a conflicting or invalid item as failed and takes it out of the queue', async () => {
      const store = memoryOutboxStore();
      const taken = await online().registrations.create(visitAt());
      const good = { ...visitAt(), id: crypto.randomUUID() };
      await store.put(item({ ...visitAt({ duration: '60+' }), id: taken.id }, '2026-01-01T00:00:00.000Z'));
      await store.put(
        item(
          { ...visitAt({ questions: [{ type: 'digitale-overheid', topic: 'no-such-topic' }] }), id: crypto.randomUUID() },
          '2026-01-01T00:00:01.000Z',
        ),
      );
      await store.put(item(good, '2026-01-01T00:00:02.000Z'));
      const result = await createOutbox({ client: online(), store }).flush();
      assert.equal(result.sent, 1);
      assert.equal(result.remaining, 0);
      assert.deepEqual(
        result.failed.map((f) => f.status),
        ['conflict', 'invalid'],
      );
      assert.equal(result.failed[0].item.id, taken.id);
      assert.ok(result.failed[1].errors.some((e) => e.path === 'questions.0.topic'));
      assert.equal(await store.count(), 0);
      assert.equal(await rowsWithId(taken.id), 1);
      assert.equal(await rowsWithId(good.id), 1);
    });

    it('throws what the server refuses and never queues it', async () => {
      const store = memoryOutboxStore();
      const outbox = createOutbox({ client: online(), store });
      const error = await outbox.submit(visitAt({ channel: 'no-such-channel' })).catch((e) => e);
      assert.ok(isIdoHttpError(error));
      assert.equal(error.status, 422);
      assert.equal(await store.count(), 0);
    });

    it('queues on a 503 from a busy server', async () => {
      const busy = await listen((_req, res) => {
        res.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'x', title: 'Busy', status: 503 }));
      });
      try {
        const client = createIdoClient({ baseUrl: busy.url, apiKey: 'ido_sk_x', retry: 0 });
        const outbox = createOutbox({ client, store: memoryOutboxStore() });
        const result = await outbox.submit(visitAt());
        assert.equal(result.status, 'queued');
        assert.equal(await outbox.count(), 1);
      } finally {
        await busy.close();
      }
    });

    it('keeps everything when a whole batch is refused, and throws', async () => {
      const store = memoryOutboxStore();
      await store.put(item({ ...visitAt(), id: crypto.randomUUID() }));
      const outbox = createOutbox({ client: createIdoClient({ baseUrl, apiKey: 'ido_sk_revoked' }), store });
      const error = await outbox.flush().catch((e) => e);
      assert.equal(error.status, 401);
      assert.equal(await store.count(), 1);
    });
  });
}
