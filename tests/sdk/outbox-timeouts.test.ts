/**
 * The outbox through timeouts: against real local servers that take the connection but never
 * answer (or stop half-way through the answer), with short client timeouts. The tests assert what
 * happens (queued, kept, retried, the kind of failure), never how long it took; the backoff runs on
 * injected timers, so no test waits for a delay.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, type Listening } from '../helpers/serve.js';
import { visit } from '../helpers/context.js';
import {
  createIdoClient,
  createOutbox,
  memoryOutboxStore,
  type FlushResult,
  type OutboxItem,
  type OutboxTimers,
  type RegistrationInput,
} from '../../sdk/index.js';

/** Short enough to keep the suite quick; nothing asserts it. */
const TIMEOUT_MS = 150;

const queued = (n: number): OutboxItem[] =>
  Array.from({ length: n }, (_, i) => {
    const registration = { ...(visit() as RegistrationInput), id: crypto.randomUUID() };
    return { id: registration.id, registration, queuedAt: `2026-01-01T00:00:0${i}.000Z`, attempts: 1 };
  });

async function storeWith(items: OutboxItem[]) {
  const store = memoryOutboxStore();
  for (const item of items) await store.put(item);
  return store;
}

/** Timers the test fires by hand: what was scheduled, and with which wait; a fired or cleared one is no longer pending. */
function manualTimers() {
  const scheduled: { run: () => void; ms: number; cleared: boolean }[] = [];
  const timers: OutboxTimers = {
    setTimeout: (run, ms) => {
      const t = {
        run: () => {
          t.cleared = true;
          run();
        },
        ms,
        cleared: false,
      };
      scheduled.push(t);
      return t;
    },
    clearTimeout: (t) => {
      if (t) (t as { cleared: boolean }).cleared = true;
    },
  };
  const pending = () => scheduled.filter((t) => !t.cleared);
  return { timers, scheduled, pending };
}

/** Reads a request's JSON body. */
async function json(req: IncomingMessage): Promise<any> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text);
}

describe('outbox against a server that does not answer', () => {
  let server: Listening;
  /** How the server treats the next requests: hold them, stall mid-body, accept the batch, refuse the key. */
  let mode: 'silent' | 'stall' | 'accept' | 'refuse' = 'silent';
  let requests = 0;
  before(async () => {
    server = await listen((req: IncomingMessage, res: ServerResponse) => {
      requests++;
      if (mode === 'silent') return; // takes the request and never answers
      if (mode === 'stall') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"results":');
        return;
      }
      if (mode === 'refuse') {
        res
          .writeHead(401, { 'content-type': 'application/problem+json' })
          .end(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }));
        return;
      }
      void json(req).then((body: { registrations: { id: string }[] }) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ results: body.registrations.map((r) => ({ id: r.id, status: 'created' })) }));
      });
    });
  });
  after(() => server.close());

  const client = (timeout = TIMEOUT_MS) => createIdoClient({ baseUrl: server.url, apiKey: 'ido_sk_test', retry: 0, timeout });

  it('submit queues a visit when the server times out', async () => {
    mode = 'silent';
    const outbox = createOutbox({ client: client(), store: memoryOutboxStore() });
    const result = await outbox.submit(visit() as RegistrationInput);
    assert.equal(result.status, 'queued');
    if (result.status === 'queued') assert.match(result.item.lastError ?? '', /did not answer/);
    assert.equal(await outbox.count(), 1);
  });

  it('flush resolves on a timeout, keeps every item and says to retry', async () => {
    mode = 'silent';
    const store = await storeWith(queued(3));
    const outbox = createOutbox({ client: client(), store });
    const result = await outbox.flush();
    assert.equal(result.sent, 0);
    assert.equal(result.remaining, 3);
    assert.equal(result.retry?.kind, 'timeout');
    assert.ok((await outbox.pending()).every((i) => i.attempts === 2 && /did not answer/.test(i.lastError ?? '')));
  });

  it('flush resolves when the answer stops half-way (the body has the timeout too)', async () => {
    mode = 'stall';
    const outbox = createOutbox({ client: client(), store: await storeWith(queued(1)) });
    const result = await outbox.flush();
    assert.equal(result.retry?.kind, 'timeout');
    assert.equal(result.remaining, 1);
  });

  it('a timed-out signal of the caller is a timeout too; an abort rejects', async () => {
    mode = 'silent';
    const outbox = createOutbox({ client: client(600_000), store: await storeWith(queued(1)) });
    const result = await outbox.flush({ signal: AbortSignal.timeout(TIMEOUT_MS) });
    assert.equal(result.retry?.kind, 'timeout');
    assert.equal(result.remaining, 1);
    const controller = new AbortController();
    const aborted = outbox.flush({ signal: controller.signal });
    setImmediate(() => controller.abort());
    await assert.rejects(aborted, { name: 'AbortError' });
    assert.equal(await outbox.count(), 1, 'an abort keeps the items');
  });

  it('retries by itself with a growing wait, sends once the server answers, and then stops retrying', async () => {
    mode = 'silent';
    const { timers, pending } = manualTimers();
    const outcomes: FlushResult[] = [];
    const counts: number[] = [];
    const outbox = createOutbox({
      client: client(),
      store: await storeWith(queued(2)),
      timers,
      retry: { automatic: true, firstDelayMs: 1000, maxDelayMs: 3000 },
      onFlush: (o) => {
        if ('result' in o) outcomes.push(o.result);
      },
      onChange: (n) => counts.push(n),
    });
    await outbox.flush();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [next] = pending();
      assert.ok(next, `a retry is scheduled after failure ${i + 1}`);
      waits.push(next.ms);
      next.run();
      await waitFor(() => outcomes.length === i + 2);
    }
    assert.deepEqual(waits, [1000, 2000, 3000], 'doubling, up to the longest wait');
    assert.equal(pending()[0]?.ms, 3000);

    mode = 'accept';
    pending()[0].run();
    await waitFor(() => outcomes.length === 5);
    assert.deepEqual(outcomes.at(-1), { sent: 2, failed: [], remaining: 0 });
    assert.equal(pending().length, 0, 'nothing left to retry');
    assert.equal(counts.at(-1), 0);
  });

  it('a flush it starts itself never throws: a refused key goes to onFlush and the items stay', async () => {
    mode = 'silent';
    const { timers, pending } = manualTimers();
    const errors: unknown[] = [];
    const outbox = createOutbox({
      client: client(),
      store: await storeWith(queued(1)),
      timers,
      retry: { automatic: true, firstDelayMs: 10 },
      onFlush: (o) => {
        if ('error' in o) errors.push(o.error);
      },
    });
    await outbox.flush();
    mode = 'refuse';
    const before = requests;
    pending()[0].run();
    await waitFor(() => errors.length === 1);
    assert.ok(requests > before);
    assert.equal((errors[0] as { status: number }).status, 401);
    assert.equal(pending().length, 0, 'a refusal is not retried by itself');
    assert.equal(await outbox.count(), 1);
  });

  it('stop() ends the automatic retries', async () => {
    mode = 'silent';
    const { timers, pending } = manualTimers();
    const outbox = createOutbox({ client: client(), store: await storeWith(queued(1)), timers, retry: { automatic: true } });
    const result = await outbox.flush();
    assert.equal(result.retry?.inMs, 5000, 'the default first wait');
    assert.equal(pending().length, 1);
    outbox.stop();
    assert.equal(pending().length, 0);
  });
});

/** Waits until a condition holds, checking after each turn of the event loop (no fixed delay). */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
