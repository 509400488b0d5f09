import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sql } from 'drizzle-orm';
import { closedPort, listen, listenApp, type Listening } from '../helpers/serve.js';
import { ADMIN, backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';
import {
  createIdoClient,
  IdoHttpError,
  IdoNetworkError,
  IdoSchemaError,
  IdoTimeoutError,
  isIdoError,
  isIdoHttpError,
  isIdoNetworkError,
  isIdoSchemaError,
  isIdoTimeoutError,
  type RegistrationInput,
} from '../../sdk/index.js';

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const rowsWithId = async (ctx: TestContext, id: string) =>
  Number((await ctx.rows<{ n: number }>(sql`select count(*)::int as n from registrations where id = ${id}`))[0].n);

for (const backend of backends) {
  describe(`sdk client against a listening server on ${backend}`, () => {
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

    const secret = () => createIdoClient({ baseUrl, apiKey: tenants.a.secretKey });
    const visitAt = (extra: Partial<RegistrationInput> = {}) => visit({ locationId: tenants.a.location.id, ...extra }) as RegistrationInput;

    it('creates a registration with a secret key and answers it parsed, with an id the client made', async () => {
      const saved = await secret().registrations.create(visitAt());
      assert.match(saved.id, /^[0-9a-f-]{36}$/);
      assert.equal(saved.locationId, tenants.a.location.id);
      assert.equal(saved.organisationId, tenants.a.organisation.id);
      assert.equal(saved.questions[0].topic, 'huurtoeslag');
      assert.equal(await rowsWithId(ctx, saved.id), 1);
    });

    it('sends the same id twice as one row (the server answers the stored registration)', async () => {
      const ido = secret();
      const input = visitAt({ id: crypto.randomUUID() });
      const first = await ido.registrations.create(input);
      const again = await ido.registrations.create(input);
      assert.equal(again.id, first.id);
      assert.equal(await rowsWithId(ctx, first.id), 1);
    });

    it('creates with a desk key bound to a location, without naming it', async () => {
      const ido = createIdoClient({ baseUrl, apiKey: tenants.a.deskKeyNoOrigin });
      const saved = await ido.registrations.create(visit() as RegistrationInput);
      assert.equal(saved.locationId, tenants.a.location.id);
    });

    it('turns a 422 into an IdoHttpError with the problem document and its field errors', async () => {
      const error = await secret()
        .registrations.create(visitAt({ questions: [{ type: 'digitale-overheid', topic: 'no-such-topic' }] }))
        .catch((e) => e);
      assert.ok(error instanceof IdoHttpError);
      assert.ok(isIdoHttpError(error) && isIdoError(error) && !isIdoNetworkError(error));
      assert.equal(error.status, 422);
      assert.equal(error.problem?.status, 422);
      assert.ok(
        error.errors.some((e) => e.path === 'questions.0.topic'),
        JSON.stringify(error.errors),
      );
      assert.equal(error.message, error.problem?.detail ?? error.problem?.title);
    });

    it('reads problems in the client language', async () => {
      const nl = await createIdoClient({ baseUrl, apiKey: 'ido_sk_nope' })
        .organisations.list()
        .catch((e) => e);
      const en = await createIdoClient({ baseUrl, apiKey: 'ido_sk_nope', lang: 'en' })
        .organisations.list()
        .catch((e) => e);
      assert.equal(nl.status, 401);
      assert.equal(en.status, 401);
      assert.notEqual(nl.problem.title, en.problem.title);
    });

    it('answers 401 for a bad key, not retried', async () => {
      const error = await createIdoClient({ baseUrl, apiKey: 'ido_sk_not-a-real-key' })
        .registrations.list()
        .catch((e) => e);
      assert.ok(isIdoHttpError(error));
      assert.equal(error.status, 401);
      assert.ok(error.problem?.title);
    });

    it('reports a server that is down as an IdoNetworkError (after retrying a GET)', async () => {
      const down = await closedPort();
      // Counting the attempts, not timing them: the default is two retries of a GET.
      let attempts = 0;
      const counting: typeof fetch = (input, init) => {
        attempts++;
        return fetch(input, init);
      };
      const error = await createIdoClient({ baseUrl: down, fetch: counting })
        .taxonomy.get()
        .catch((e) => e);
      assert.ok(error instanceof IdoNetworkError);
      assert.ok(isIdoNetworkError(error) && !isIdoTimeoutError(error) && !isIdoHttpError(error));
      assert.equal(attempts, 3, 'the first try and two retries');
      assert.ok(error.cause);
    });

    it('reports a server that never answers as an IdoTimeoutError after the timeout', async () => {
      let requests = 0;
      const silent = await listen(() => {
        requests++;
      });
      try {
        const error = await createIdoClient({ baseUrl: silent.url, timeout: 200 })
          .taxonomy.get()
          .catch((e) => e);
        assert.ok(error instanceof IdoTimeoutError && error instanceof IdoNetworkError);
        assert.ok(isIdoTimeoutError(error) && isIdoNetworkError(error));
        assert.equal(error.kind, 'timeout');
        assert.equal(requests, 1, 'a timeout is not retried');
      } finally {
        await silent.close();
      }
    });

    it('rejects with the AbortError when the caller aborts, also before the call', async () => {
      const silent = await listen(() => {});
      try {
        const ido = createIdoClient({ baseUrl: silent.url });
        const controller = new AbortController();
        const pending = ido.locations.nearest({ postcode: '3511AB' }, { signal: controller.signal }).catch((e) => e);
        setTimeout(() => controller.abort(), 50);
        const error = await pending;
        assert.equal(error.name, 'AbortError');
        assert.ok(!isIdoError(error));
        const early = await ido.health({ signal: AbortSignal.abort() }).catch((e) => e);
        assert.equal(early.name, 'AbortError');
      } finally {
        await silent.close();
      }
    });

    it('reports a success that breaks the schema as an IdoSchemaError, not an HTTP error', async () => {
      const odd = await listen((req, res) => {
        if (req.url?.startsWith('/api/v1/taxonomy/versions')) {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Captive portal</h1>');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        }
      });
      try {
        const ido = createIdoClient({ baseUrl: odd.url });
        const error = await ido.taxonomy.get().catch((e) => e);
        assert.ok(error instanceof IdoSchemaError);
        assert.ok(isIdoSchemaError(error) && !isIdoHttpError(error));
        assert.ok(error.issues.some((i) => i.path[0] === 'version'));
        assert.deepEqual(error.body, {});
        const html = await ido.taxonomy.versions().catch((e) => e);
        assert.ok(isIdoSchemaError(html));
        assert.equal(html.issues.length, 0);
      } finally {
        await odd.close();
      }
    });

    it('retries a create after a 503 and stores exactly one row', async () => {
      let posts = 0;
      // The first create reaches the server and is stored, but its answer is lost: a 503 instead.
      const proxy = await listen(async (req, res) => {
        const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
        ) as Record<string, string>;
        const upstream = await fetch(baseUrl + req.url, { method: req.method, headers, body });
        const text = await upstream.text();
        if (req.method === 'POST' && req.url === '/api/v1/registrations' && ++posts === 1) {
          res
            .writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '0' })
            .end(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }));
          return;
        }
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(text);
      });
      try {
        const saved = await createIdoClient({ baseUrl: proxy.url, apiKey: tenants.a.secretKey }).registrations.create(visitAt());
        assert.equal(posts, 2);
        assert.equal(await rowsWithId(ctx, saved.id), 1);
      } finally {
        await proxy.close();
      }
    });

    it('does not retry a PATCH or a create of another resource after a 503', async () => {
      let calls = 0;
      const busy = await listen((_req, res) => {
        calls++;
        res.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'x', title: 'Busy', status: 503 }));
      });
      try {
        const ido = createIdoClient({ baseUrl: busy.url, apiKey: 'ido_sk_x' });
        const patch = await ido.registrations.update('id', { note: 'x' }).catch((e) => e);
        const create = await ido.partners.create({ name: 'x', kind: 'welzijn', topics: [] }).catch((e) => e);
        const remove = await ido.registrations.delete('id').catch((e) => e);
        assert.equal(patch.status, 503);
        assert.equal(create.status, 503);
        assert.equal(remove.status, 503);
        assert.equal(calls, 3);
        assert.equal((await ido.taxonomy.versions().catch((e) => e)).status, 503);
        assert.equal(calls, 6, 'a GET is tried three times');
      } finally {
        await busy.close();
      }
    });

    it('logs in, then makes authorised calls with the session; logs out', async () => {
      const ido = createIdoClient({ baseUrl });
      const session = await ido.auth.login(ADMIN);
      assert.equal(session.user.role, 'national');
      assert.equal(session.user.organisationId, null);
      const { items } = await ido.organisations.list();
      assert.ok(items.length >= 2);
      await ido.auth.logout();
      const error = await ido.organisations.list().catch((e) => e);
      assert.equal(error.status, 401);
    });

    it('says who the credential is: a desk key with its bound location, a session with its user; 401 without one', async () => {
      const desk = await createIdoClient({ baseUrl, apiKey: tenants.a.deskKeyNoOrigin }).auth.me();
      assert.deepEqual(desk, { kind: 'desk', organisationId: tenants.a.organisation.id, locationId: tenants.a.location.id });
      const ido = createIdoClient({ baseUrl });
      await ido.auth.login(ADMIN);
      const me = await ido.auth.me();
      assert.equal(me.kind === 'user' && me.user.role, 'national');
      const error = await createIdoClient({ baseUrl })
        .auth.me()
        .catch((e) => e);
      assert.ok(isIdoHttpError(error));
      assert.equal(error.status, 401);
    });

    it('rejects a wrong password with a 401', async () => {
      const error = await createIdoClient({ baseUrl })
        .auth.login({ email: ADMIN.email, password: 'wrong wrong wrong' })
        .catch((e) => e);
      assert.ok(isIdoHttpError(error));
      assert.equal(error.status, 401);
    });

    it('lists, reads, corrects, audits and deletes registrations', async () => {
      const ido = secret();
      const saved = await ido.registrations.create(visitAt({ note: 'eerste keer' }));
      const page = await ido.registrations.list({ locationId: tenants.a.location.id, limit: 100 });
      assert.ok(page.items.some((r) => r.id === saved.id));
      assert.equal((await ido.registrations.get(saved.id)).id, saved.id);
      const updated = await ido.registrations.update(saved.id, { duration: '15-30' });
      assert.equal(updated.duration, '15-30');
      const audit = await ido.registrations.audit(saved.id);
      assert.ok(audit.items.length >= 2);
      await ido.registrations.delete(saved.id);
      const gone = await ido.registrations.get(saved.id).catch((e) => e);
      assert.equal(gone.status, 404);
    });

    it('sends a batch with ids and reads the results in order', async () => {
      const ido = secret();
      const { results } = await ido.registrations.createBatch([visitAt(), visitAt({ channel: 'no-such-channel' })]);
      assert.equal(results.length, 2);
      assert.equal(results[0].status, 'created');
      assert.match(results[0].id ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(results[1].status, 'invalid');
      assert.ok(results[1].errors?.some((e) => e.path === 'channel'));
    });

    it('manages partners and finds them by topic', async () => {
      const ido = secret();
      const partner = await ido.partners.create({
        name: 'Formulierenbrigade Utrecht',
        kind: 'formulierenbrigade',
        topics: ['belastingaangifte'],
      });
      const found = await ido.partners.list({ topic: 'belastingaangifte' });
      assert.deepEqual(
        found.items.map((p) => p.id),
        [partner.id],
      );
      const renamed = await ido.partners.update(partner.id, { name: 'Formulierenbrigade Utrecht-Noord' });
      assert.equal(renamed.name, 'Formulierenbrigade Utrecht-Noord');
      await ido.partners.delete(partner.id);
      assert.equal((await ido.partners.get(partner.id).catch((e) => e)).status, 404);
    });

    it('subscribes to scheduled reports by mail, lists and unsubscribes', async () => {
      const ido = secret();
      const created = await ido.reportSubscriptions.create({
        email: 'Coordinator@Bieb.test',
        frequency: 'quarter',
        format: 'csv',
        locationId: tenants.a.location.id,
      });
      assert.equal(created.email, 'coordinator@bieb.test');
      assert.equal(created.locationId, tenants.a.location.id);
      assert.equal(created.lastSentPeriod, null);
      assert.ok((await ido.reportSubscriptions.list()).items.some((s) => s.id === created.id));
      await ido.reportSubscriptions.delete(created.id);
      assert.ok(!(await ido.reportSubscriptions.list()).items.some((s) => s.id === created.id));
      assert.equal((await ido.reportSubscriptions.delete(created.id).catch((e) => e)).status, 404);
    });

    it('reads locations, and the value lists in the client language', async () => {
      const ido = createIdoClient({ baseUrl, apiKey: tenants.a.secretKey, lang: 'en' });
      const { items } = await ido.locations.list();
      assert.ok(items.some((l) => l.id === tenants.a.location.id));
      const taxonomy = await ido.taxonomy.get();
      assert.equal(taxonomy.version, '2024');
      assert.match(taxonomy.durations[0].label, /minutes/i);
      const versions = await ido.taxonomy.versions();
      assert.ok(versions.items.some((v) => v.current));
    });

    it('finds the nearest public locations without credentials', async () => {
      const ido = createIdoClient({ baseUrl });
      const near = await ido.locations.nearest({ near: { lat: 52.09, lon: 5.12 }, limit: 2 });
      assert.equal(near.items.length, 2);
      assert.equal(near.items[0].id, tenants.a.location.id);
      assert.ok(near.items[0].distanceKm! <= near.items[1].distanceKm!);
      const one = await ido.locations.publicGet(tenants.a.location.id);
      assert.equal(one.name, tenants.a.location.name);
      assert.ok(one.jsonLd);
    });

    it('reads the desk summary and builds export URLs', async () => {
      const ido = secret();
      await ido.registrations.create(visitAt());
      const summary = await ido.reports.summary({ groupBy: 'topic', locationId: tenants.a.location.id });
      assert.ok(summary.visits >= 1);
      assert.ok(summary.groups.some((g) => g.key === 'huurtoeslag'));
      assert.equal(
        ido.reports.exportUrl({ format: 'csv', view: 'questions', from: '2026-01-01', suppress: true }),
        `${baseUrl}/api/v1/reports/export?format=csv&view=questions&from=2026-01-01&suppress=true`,
      );
    });

    it('downloads an export with the credentials', async () => {
      const ido = secret();
      const blob = await ido.reports.exportFile({ format: 'csv', view: 'questions' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'CSV for Dutch Excel starts with a BOM');
      assert.match(new TextDecoder().decode(bytes), /;/);
    });

    it('manages organisations, users, keys and courses', async () => {
      const ido = createIdoClient({ baseUrl, token: tenants.national });
      const org = await ido.organisations.create({ name: 'Bibliotheek Gouda', municipality: 'Gouda' });
      assert.equal((await ido.organisations.get(org.id)).name, 'Bibliotheek Gouda');
      assert.equal((await ido.organisations.update(org.id, { province: 'Zuid-Holland' })).province, 'Zuid-Holland');
      const user = await ido.users.create({
        email: 'coordinator-gouda@ido.test',
        password: 'een lang wachtwoord',
        role: 'coordinator',
        organisationId: org.id,
      });
      assert.equal(user.organisationId, org.id);
      assert.ok((await ido.users.list()).items.some((u) => u.id === user.id));
      await ido.users.delete(user.id);

      const coordinator = createIdoClient({ baseUrl, token: tenants.a.coordinator });
      const key = await coordinator.keys.create({ kind: 'secret', name: 'koppeling' });
      assert.match(key.key ?? '', /^ido_sk_/);
      assert.ok((await coordinator.keys.list()).items.some((k) => k.id === key.id && k.key === undefined));
      const withKey = createIdoClient({ baseUrl, apiKey: key.key });
      assert.ok((await withKey.locations.list()).items.length >= 1);
      await coordinator.keys.revoke(key.id);
      assert.equal((await withKey.locations.list().catch((e) => e)).status, 401);

      const course = await coordinator.courses.create({
        locationId: tenants.a.location.id,
        type: 'klik-en-tik',
        startDate: '2026-03-02',
        sessions: 4,
        enrolled: 8,
      });
      assert.equal((await coordinator.courses.update(course.id, { completed: 7 })).completed, 7);
      assert.ok((await coordinator.courses.list()).items.some((c) => c.id === course.id));
      // The year of the run it created: the default period (the last 365 days) moves with the clock.
      const report = await coordinator.reports.courses({ groupBy: 'type', from: '2026-01-01', to: '2026-12-31' });
      assert.ok(report.runs >= 1);
      await coordinator.courses.delete(course.id);
    });

    it('answers health', async () => {
      const health = await createIdoClient({ baseUrl: `${baseUrl}/` }).health();
      assert.equal(health.status, 'ok');
    });
  });
}
