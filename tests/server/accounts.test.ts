import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { ApiKey, Me, Organisation, Session, User } from '../../sdk/schemas/resources.js';
import { ensureAdmin } from '../../server/bootstrap.js';
import { ADMIN, backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const codes = (r: { body: { errors?: { path: string; code: string }[] } }) =>
  (r.body.errors ?? []).map((e) => `${e.path}:${e.code}`).sort();
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);
const PASSWORD = 'een lang wachtwoord';

for (const backend of backends) {
  // One database for organisations, users and keys (seeding costs a few password hashes); the
  // session-expiry test moves the clock, so it comes last.
  describe(`accounts on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let now: Date | null = null;
    before(async () => {
      ctx = await createTestContext(backend, { config: { loginRateLimit: 1000 }, clock: () => now ?? new Date() });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    describe('organisations', () => {
      it('lets only national users create organisations: 201 with the sdk shape', async () => {
        const r = await ctx.call('POST', '/api/v1/organisations', { token: t.national, body: { name: 'Bibliotheek Rotterdam' } });
        assert.equal(r.status, 201, r.text);
        assert.deepEqual(Object.keys(r.body).sort(), Object.keys(Organisation.def.shape).sort());
        z.parse(Organisation, r.body);
        assert.deepEqual(
          { name: r.body.name, municipality: r.body.municipality, province: r.body.province },
          { name: 'Bibliotheek Rotterdam', municipality: null, province: null },
        );
        const audit = await ctx.rows<{ action: string }>(
          sql`select action from audit_log where entity = 'organisation' and entity_id = ${r.body.id}`,
        );
        assert.deepEqual(
          audit.map((a) => a.action),
          ['create'],
        );

        assert.equal((await ctx.call('POST', '/api/v1/organisations', { token: t.a.coordinator, body: { name: 'X' } })).status, 403);
        assert.equal((await ctx.call('POST', '/api/v1/organisations', { token: t.a.secretKey, body: { name: 'X' } })).status, 403);
        assert.equal(
          (
            await ctx.call('POST', '/api/v1/organisations', {
              token: t.a.deskKey,
              headers: { origin: t.a.deskOrigin },
              body: { name: 'X' },
            })
          ).status,
          403,
        );
        assert.equal((await ctx.call('POST', '/api/v1/organisations', { body: { name: 'X' } })).status, 401);
        const bad = await ctx.call('POST', '/api/v1/organisations', { token: t.national, body: { naam: 'X' } });
        assert.deepEqual(codes(bad), ['naam:unknown-field', 'name:required']);
      });

      it('lists all for national users, only their own for coordinators and secret keys, nothing for desk keys', async () => {
        const all = await ctx.call('GET', '/api/v1/organisations', { token: t.national });
        assert.ok(ids(all).includes(t.a.organisation.id) && ids(all).includes(t.b.organisation.id));
        for (const token of [t.a.coordinator, t.a.secretKey]) {
          const own = await ctx.call('GET', '/api/v1/organisations', { token });
          assert.equal(own.status, 200);
          assert.deepEqual(ids(own), [t.a.organisation.id]);
        }
        assert.equal(
          (await ctx.call('GET', '/api/v1/organisations', { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } })).status,
          403,
        );
        assert.equal(
          (
            await ctx.call('GET', `/api/v1/organisations/${t.a.organisation.id}`, {
              token: t.a.deskKey,
              headers: { origin: t.a.deskOrigin },
            })
          ).status,
          403,
        );
      });

      it('GET and PATCH one: national any, coordinators only their own (another is 404)', async () => {
        const own = await ctx.call('GET', `/api/v1/organisations/${t.a.organisation.id}`, { token: t.a.coordinator });
        assert.equal(own.status, 200);
        assert.equal(own.body.name, 'Bibliotheek Utrecht');
        assert.equal((await ctx.call('GET', `/api/v1/organisations/${t.b.organisation.id}`, { token: t.a.coordinator })).status, 404);
        assert.equal((await ctx.call('GET', `/api/v1/organisations/${t.b.organisation.id}`, { token: t.national })).status, 200);
        assert.equal((await ctx.call('GET', '/api/v1/organisations/utrecht', { token: t.national })).status, 404);

        const patched = await ctx.call('PATCH', `/api/v1/organisations/${t.a.organisation.id}`, {
          token: t.a.coordinator,
          body: { name: 'Bibliotheek Utrecht e.o.' },
        });
        assert.equal(patched.status, 200, patched.text);
        assert.deepEqual(
          { name: patched.body.name, municipality: patched.body.municipality, province: patched.body.province },
          { name: 'Bibliotheek Utrecht e.o.', municipality: 'Utrecht', province: 'Utrecht' },
        );
        assert.equal(
          (await ctx.call('PATCH', `/api/v1/organisations/${t.b.organisation.id}`, { token: t.a.coordinator, body: { name: 'X' } })).status,
          404,
        );
        const national = await ctx.call('PATCH', `/api/v1/organisations/${t.b.organisation.id}`, {
          token: t.national,
          body: { province: 'Noord-Holland', municipality: 'Amstelveen' },
        });
        assert.equal(national.body.municipality, 'Amstelveen');
        assert.equal(national.body.name, 'Bibliotheek Amsterdam');
        const audit = await ctx.rows<{ changes: Record<string, unknown> }>(
          sql`select changes from audit_log where entity = 'organisation' and entity_id = ${t.b.organisation.id} and action = 'update'`,
        );
        assert.deepEqual(Object.keys(audit[0].changes), ['municipality']);
      });
    });

    describe('users', () => {
      const login = (email: string, password = PASSWORD) => ctx.call('POST', '/api/v1/auth/login', { body: { email, password } });

      it('lets national users create coordinators and national users; never answers a password hash', async () => {
        const r = await ctx.call('POST', '/api/v1/users', {
          token: t.national,
          body: { email: ' Nieuw@IDO.test ', password: PASSWORD, role: 'coordinator', organisationId: t.b.organisation.id },
        });
        assert.equal(r.status, 201, r.text);
        assert.deepEqual(Object.keys(r.body).sort(), Object.keys(User.def.shape).sort());
        assert.deepEqual(
          { email: r.body.email, role: r.body.role, organisationId: r.body.organisationId },
          { email: 'nieuw@ido.test', role: 'coordinator', organisationId: t.b.organisation.id },
        );
        const n = await ctx.call('POST', '/api/v1/users', {
          token: t.national,
          body: { email: 'kb@ido.test', password: PASSWORD, role: 'national' },
        });
        assert.equal(n.status, 201, n.text);
        assert.equal(n.body.organisationId, null);
        assert.equal((await login('kb@ido.test')).status, 200);

        const list = await ctx.call('GET', '/api/v1/users', { token: t.national });
        assert.ok(ids(list).includes(r.body.id) && ids(list).includes(n.body.id));
        assert.doesNotMatch(list.text, /scrypt|password|hash/i);
        const [row] = await ctx.rows<{ password_hash: string }>(sql`select password_hash from users where id = ${r.body.id}`);
        assert.match(row.password_hash, /^scrypt\$/);
        assert.ok(!row.password_hash.includes(PASSWORD));
      });

      it('checks role and organisation: required for coordinators, not allowed for national users, must exist', async () => {
        const none = await ctx.call('POST', '/api/v1/users', {
          token: t.national,
          body: { email: 'x1@ido.test', password: PASSWORD, role: 'coordinator' },
        });
        assert.deepEqual(codes(none), ['organisationId:required']);
        const unknown = await ctx.call('POST', '/api/v1/users', {
          token: t.national,
          body: { email: 'x2@ido.test', password: PASSWORD, role: 'coordinator', organisationId: '00000000-0000-4000-8000-000000000000' },
        });
        assert.deepEqual(codes(unknown), ['organisationId:unknown-id']);
        const nationalWithOrg = await ctx.call('POST', '/api/v1/users', {
          token: t.national,
          body: { email: 'x3@ido.test', password: PASSWORD, role: 'national', organisationId: t.a.organisation.id },
        });
        assert.deepEqual(codes(nationalWithOrg), ['organisationId:invalid-value']);
        const shape = await ctx.call('POST', '/api/v1/users', {
          token: t.national,
          body: { email: 'geen-adres', password: 'kort', role: 'admin' },
        });
        assert.deepEqual(codes(shape), ['email:invalid-format', 'password:too-short', 'role:invalid-value']);
      });

      it('lets coordinators and secret keys create coordinators of their own organisation only', async () => {
        const own = await ctx.call('POST', '/api/v1/users', {
          token: t.a.coordinator,
          body: { email: 'collega-a@ido.test', password: PASSWORD, role: 'coordinator' },
        });
        assert.equal(own.status, 201, own.text);
        assert.equal(own.body.organisationId, t.a.organisation.id);
        const bySecret = await ctx.call('POST', '/api/v1/users', {
          token: t.a.secretKey,
          body: { email: 'collega-a2@ido.test', password: PASSWORD, role: 'coordinator', organisationId: t.a.organisation.id },
        });
        assert.equal(bySecret.status, 201, bySecret.text);
        const other = await ctx.call('POST', '/api/v1/users', {
          token: t.a.coordinator,
          body: { email: 'spion@ido.test', password: PASSWORD, role: 'coordinator', organisationId: t.b.organisation.id },
        });
        assert.equal(other.status, 422);
        assert.deepEqual(codes(other), ['organisationId:unknown-id']);
        const national = await ctx.call('POST', '/api/v1/users', {
          token: t.a.coordinator,
          body: { email: 'baas@ido.test', password: PASSWORD, role: 'national' },
        });
        assert.equal(national.status, 403);
        const desk = await ctx.call('POST', '/api/v1/users', {
          token: t.a.deskKey,
          headers: { origin: t.a.deskOrigin },
          body: { email: 'balie@ido.test', password: PASSWORD, role: 'coordinator' },
        });
        assert.equal(desk.status, 403);

        const list = await ctx.call('GET', '/api/v1/users', { token: t.a.coordinator });
        assert.ok(list.body.items.length >= 3);
        assert.ok(list.body.items.every((u: { organisationId: string }) => u.organisationId === t.a.organisation.id));
        assert.ok(list.body.items.some((u: { email: string }) => u.email === 'collega-a@ido.test'));
        assert.equal((await ctx.call('GET', '/api/v1/users', { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } })).status, 403);
      });

      it('answers an e-mail address that is in use with 409, also in other letter case', async () => {
        const r = await ctx.call('POST', '/api/v1/users', {
          token: t.national,
          body: { email: 'COORDINATOR-A@ido.test', password: PASSWORD, role: 'coordinator', organisationId: t.a.organisation.id },
        });
        assert.equal(r.status, 409);
        assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
        assert.match(r.body.detail, /e-mailadres/);
        const byCoordinator = await ctx.call('POST', '/api/v1/users', {
          token: t.b.coordinator,
          body: { email: ADMIN.email, password: PASSWORD, role: 'coordinator' },
        });
        assert.equal(byCoordinator.status, 409);
      });

      it('deletes users softly: 204, their sessions stop at once, they cannot log in, the address is free again', async () => {
        const created = await ctx.call('POST', '/api/v1/users', {
          token: t.a.coordinator,
          body: { email: 'vertrekt@ido.test', password: PASSWORD, role: 'coordinator' },
        });
        const session = (await login('vertrekt@ido.test')).body.token;
        assert.equal((await ctx.call('GET', '/api/v1/locations', { token: session })).status, 200);

        assert.equal((await ctx.call('DELETE', `/api/v1/users/${created.body.id}`, { token: t.b.coordinator })).status, 404);
        assert.equal(
          (await ctx.call('DELETE', `/api/v1/users/${created.body.id}`, { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } }))
            .status,
          403,
        );
        const del = await ctx.call('DELETE', `/api/v1/users/${created.body.id}`, { token: t.a.coordinator });
        assert.equal(del.status, 204);
        assert.equal((await ctx.call('GET', '/api/v1/locations', { token: session })).status, 401);
        assert.equal((await login('vertrekt@ido.test')).status, 401);
        assert.equal((await ctx.call('DELETE', `/api/v1/users/${created.body.id}`, { token: t.a.coordinator })).status, 404);
        const list = await ctx.call('GET', '/api/v1/users', { token: t.national });
        assert.ok(!ids(list).includes(created.body.id));
        const sessions = await ctx.rows(sql`select 1 from sessions where user_id = ${created.body.id}`);
        assert.equal(sessions.length, 0);
        const audit = await ctx.rows<{ action: string }>(
          sql`select action from audit_log where entity = 'user' and entity_id = ${created.body.id} order by id`,
        );
        assert.deepEqual(
          audit.map((a) => a.action),
          ['create', 'delete'],
        );

        const again = await ctx.call('POST', '/api/v1/users', {
          token: t.a.coordinator,
          body: { email: 'vertrekt@ido.test', password: PASSWORD, role: 'coordinator' },
        });
        assert.equal(again.status, 201);
        assert.notEqual(again.body.id, created.body.id);
      });

      it('refuses to let users delete themselves (409) and coordinators delete national users (404)', async () => {
        const me = await login('coordinator-a@ido.test');
        const self = await ctx.call('DELETE', `/api/v1/users/${me.body.user.id}`, { token: me.body.token });
        assert.equal(self.status, 409);
        assert.ok(self.body.detail);
        const admin = (await login(ADMIN.email, ADMIN.password)).body.user.id;
        assert.equal((await ctx.call('DELETE', `/api/v1/users/${admin}`, { token: t.a.coordinator })).status, 404);
        assert.equal((await ctx.call('DELETE', '/api/v1/users/42', { token: t.national })).status, 404);
      });
    });

    describe('keys', () => {
      it('creates a secret key: 201, shown once, stored as SHA-256 only, and it works', async () => {
        const r = await ctx.call('POST', '/api/v1/keys', {
          token: t.a.coordinator,
          body: { kind: 'secret', name: 'Koppeling bibliotheeksysteem' },
        });
        assert.equal(r.status, 201, r.text);
        z.parse(ApiKey, r.body);
        assert.match(r.body.key, /^ido_sk_[A-Za-z0-9_-]{43}$/);
        assert.equal(r.body.prefix, r.body.key.slice(0, 11));
        assert.deepEqual(
          {
            kind: r.body.kind,
            organisationId: r.body.organisationId,
            locationId: r.body.locationId,
            origins: r.body.origins,
            name: r.body.name,
          },
          { kind: 'secret', organisationId: t.a.organisation.id, locationId: null, origins: [], name: 'Koppeling bibliotheeksysteem' },
        );
        const [row] = await ctx.rows<{ key_hash: string }>(sql`select key_hash from api_keys where id = ${r.body.id}`);
        assert.equal(row.key_hash, createHash('sha256').update(r.body.key).digest('hex'));
        const stored = await ctx.rows(sql`select 1 from api_keys where key_hash = ${r.body.key} or prefix = ${r.body.key}`);
        assert.equal(stored.length, 0);

        const list = await ctx.call('GET', '/api/v1/keys', { token: t.a.coordinator });
        const listed = list.body.items.find((k: { id: string }) => k.id === r.body.id);
        assert.ok(listed);
        assert.equal(listed.key, undefined);
        assert.ok(!list.text.includes(r.body.key) && !list.text.includes(row.key_hash));
        assert.ok(list.body.items.every((k: { organisationId: string }) => k.organisationId === t.a.organisation.id));

        assert.equal((await ctx.call('GET', '/api/v1/partners', { token: r.body.key })).status, 200);
        const audit = await ctx.rows<{ action: string }>(
          sql`select action from audit_log where entity = 'key' and entity_id = ${r.body.id}`,
        );
        assert.deepEqual(
          audit.map((a) => a.action),
          ['create'],
        );
      });

      it('creates desk keys bound to a live location of its own organisation and to normalised origins', async () => {
        const r = await ctx.call('POST', '/api/v1/keys', {
          token: t.a.secretKey,
          body: {
            kind: 'desk',
            locationId: t.a.location2.id,
            origins: ['https://Intranet.Bieb.test:443', 'https://intranet.bieb.test', 'http://localhost:8080'],
          },
        });
        assert.equal(r.status, 201, r.text);
        assert.match(r.body.key, /^ido_dk_/);
        assert.deepEqual(r.body.origins, ['https://intranet.bieb.test', 'http://localhost:8080']);
        assert.equal(r.body.locationId, t.a.location2.id);
        const ok = await ctx.call('GET', '/api/v1/locations', { token: r.body.key, headers: { origin: 'https://intranet.bieb.test' } });
        assert.equal(ok.status, 200);

        const other = await ctx.call('POST', '/api/v1/keys', {
          token: t.a.coordinator,
          body: { kind: 'desk', locationId: t.b.location.id },
        });
        assert.equal(other.status, 422);
        assert.deepEqual(codes(other), ['locationId:unknown-id']);
        const notUuid = await ctx.call('POST', '/api/v1/keys', { token: t.a.coordinator, body: { kind: 'desk', locationId: 'centrum' } });
        assert.deepEqual(codes(notUuid), ['locationId:unknown-id']);
        const secretWithLocation = await ctx.call('POST', '/api/v1/keys', {
          token: t.a.coordinator,
          body: { kind: 'secret', locationId: t.a.location.id, origins: ['https://a.test'] },
        });
        assert.deepEqual(codes(secretWithLocation), ['locationId:invalid-value', 'origins:invalid-value']);
        const shape = await ctx.call('POST', '/api/v1/keys', {
          token: t.a.coordinator,
          body: { kind: 'publishable', origins: ['https://a.test/path'], scope: 'all' },
        });
        assert.deepEqual(codes(shape), ['kind:invalid-value', 'origins.0:invalid-format', 'scope:unknown-field']);
        const national = await ctx.call('POST', '/api/v1/keys', { token: t.national, body: { kind: 'secret' } });
        assert.deepEqual(codes(national), ['organisationId:required']);
        const nationalB = await ctx.call('POST', '/api/v1/keys', {
          token: t.national,
          body: { kind: 'desk', organisationId: t.b.organisation.id, locationId: t.a.location.id },
        });
        assert.deepEqual(codes(nationalB), ['locationId:unknown-id']);
        const nationalOk = await ctx.call('POST', '/api/v1/keys', {
          token: t.national,
          body: { kind: 'desk', organisationId: t.b.organisation.id, locationId: t.b.location.id },
        });
        assert.equal(nationalOk.status, 201);
        assert.equal(nationalOk.body.organisationId, t.b.organisation.id);
      });

      it("enforces a desk key's origins: listed origin yes, another origin 403, a key without origins only without Origin", async () => {
        assert.equal((await ctx.call('GET', '/api/v1/partners', { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } })).status, 200);
        assert.equal(
          (await ctx.call('GET', '/api/v1/partners', { token: t.a.deskKey, headers: { origin: 'https://evil.test' } })).status,
          403,
        );
        assert.equal((await ctx.call('GET', '/api/v1/partners', { token: t.a.deskKey })).status, 403);
        assert.equal((await ctx.call('GET', '/api/v1/partners', { token: t.a.deskKeyNoOrigin })).status, 200);
        assert.equal(
          (await ctx.call('GET', '/api/v1/partners', { token: t.a.deskKeyNoOrigin, headers: { origin: t.a.deskOrigin } })).status,
          403,
        );
      });

      it('keeps keys away from desk keys: 403 on list, create and delete', async () => {
        const desk = { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } };
        assert.equal((await ctx.call('GET', '/api/v1/keys', desk)).status, 403);
        assert.equal((await ctx.call('POST', '/api/v1/keys', { ...desk, body: { kind: 'desk' } })).status, 403);
        assert.equal((await ctx.call('DELETE', `/api/v1/keys/${t.a.deskKeyId}`, desk)).status, 403);
        assert.equal((await ctx.call('GET', '/api/v1/keys')).status, 401);
      });

      it('revokes a key at once: 204, refused (401) on the very next request, gone from the list', async () => {
        const made = await ctx.call('POST', '/api/v1/keys', {
          token: t.b.coordinator,
          body: { kind: 'desk', locationId: t.b.location.id },
        });
        assert.equal((await ctx.call('GET', '/api/v1/locations', { token: made.body.key })).status, 200);
        assert.equal((await ctx.call('DELETE', `/api/v1/keys/${made.body.id}`, { token: t.a.coordinator })).status, 404);
        assert.equal((await ctx.call('DELETE', `/api/v1/keys/${made.body.id}`, { token: t.b.coordinator })).status, 204);
        const refused = await ctx.call('GET', '/api/v1/locations', { token: made.body.key });
        assert.equal(refused.status, 401);
        assert.match(refused.headers.get('content-type')!, /application\/problem\+json/);
        assert.equal((await ctx.call('DELETE', `/api/v1/keys/${made.body.id}`, { token: t.b.coordinator })).status, 404);
        assert.equal((await ctx.call('DELETE', '/api/v1/keys/abc', { token: t.b.coordinator })).status, 404);
        const list = await ctx.call('GET', '/api/v1/keys', { token: t.b.coordinator });
        assert.ok(!ids(list).includes(made.body.id));

        // A secret key may revoke itself (it acts as the coordinator), and is refused afterwards.
        assert.equal((await ctx.call('DELETE', `/api/v1/keys/${t.b.secretKeyId}`, { token: t.b.secretKey })).status, 204);
        assert.equal((await ctx.call('GET', '/api/v1/keys', { token: t.b.secretKey })).status, 401);
        const audit = await ctx.rows<{ action: string; actor: string }>(
          sql`select action, actor from audit_log where entity = 'key' and entity_id = ${t.b.secretKeyId} order by id`,
        );
        assert.deepEqual(
          audit.map((a) => a.action),
          ['create', 'delete'],
        );
        assert.equal(audit[1].actor, `key:${t.b.secretKeyId}`);
      });

      it("lets national users list every organisation's keys and filter them", async () => {
        const all = await ctx.call('GET', '/api/v1/keys', { token: t.national });
        const orgs = new Set(all.body.items.map((k: { organisationId: string }) => k.organisationId));
        assert.ok(orgs.has(t.a.organisation.id) && orgs.has(t.b.organisation.id));
        const desks = await ctx.call('GET', `/api/v1/keys?organisationId=${t.a.organisation.id}&kind=desk`, { token: t.national });
        assert.ok(
          desks.body.items.length >= 2 &&
            desks.body.items.every(
              (k: { kind: string; organisationId: string }) => k.kind === 'desk' && k.organisationId === t.a.organisation.id,
            ),
        );
      });
    });

    describe('who am I (GET /auth/me)', () => {
      const me = (options: { token?: string; headers?: Record<string, string> }) => ctx.call('GET', '/api/v1/auth/me', options);

      it('tells a desk key its organisation and the location it is bound to (null when unbound), a secret key its organisation', async () => {
        const bound = await me({ token: t.a.deskKey, headers: { origin: t.a.deskOrigin } });
        assert.equal(bound.status, 200, bound.text);
        assert.deepEqual(z.parse(Me, bound.body), { kind: 'desk', organisationId: t.a.organisation.id, locationId: t.a.location.id });
        assert.deepEqual(Object.keys(bound.body).sort(), ['kind', 'locationId', 'organisationId']);

        const created = await ctx.call('POST', '/api/v1/keys', { token: t.a.coordinator, body: { kind: 'desk' } });
        assert.equal(created.status, 201, created.text);
        const unbound = await me({ token: created.body.key });
        assert.deepEqual(unbound.body, { kind: 'desk', organisationId: t.a.organisation.id, locationId: null });

        const secretKey = await ctx.call('POST', '/api/v1/keys', {
          token: t.national,
          body: { kind: 'secret', organisationId: t.b.organisation.id },
        });
        const secret = await me({ token: secretKey.body.key });
        assert.deepEqual(secret.body, { kind: 'secret', organisationId: t.b.organisation.id, locationId: null });
        // Nothing of the key itself comes back: no id, no prefix, no origins.
        assert.doesNotMatch(`${bound.text}${secret.text}`, /ido_[ds]k_|origin|prefix|keyId/);
      });

      it('tells a session its user, without a password hash', async () => {
        const coordinator = await me({ token: t.a.coordinator });
        assert.equal(coordinator.status, 200, coordinator.text);
        const parsed = z.parse(Me, coordinator.body);
        assert.equal(parsed.kind, 'user');
        assert.deepEqual(
          parsed.kind === 'user' && { email: parsed.user.email, role: parsed.user.role, organisationId: parsed.user.organisationId },
          { email: 'coordinator-a@ido.test', role: 'coordinator', organisationId: t.a.organisation.id },
        );
        const national = await me({ token: t.national });
        assert.deepEqual(
          { role: national.body.user.role, organisationId: national.body.user.organisationId },
          { role: 'national', organisationId: null },
        );
        assert.doesNotMatch(`${coordinator.text}${national.text}`, /scrypt|password|hash/i);
      });

      it('answers 401 as a problem document without or with a wrong credential, 403 for a desk key from another website', async () => {
        for (const options of [{}, { token: 'ido_dk_bestaat_niet' }, { token: 'ido_st_verlopen' }]) {
          const r = await me(options);
          assert.equal(r.status, 401, JSON.stringify(options));
          assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
          assert.equal(r.body.status, 401);
          assert.ok(r.body.title, 'a title');
        }
        const english = await me({ headers: { 'accept-language': 'en' } });
        assert.equal(english.status, 401);
        const evil = await me({ token: t.a.deskKey, headers: { origin: 'https://evil.test' } });
        assert.equal(evil.status, 403);
        assert.doesNotMatch(evil.text, new RegExp(t.a.location.id));
      });
    });

    describe('sessions', () => {
      it('expires sessions after IDO_SESSION_HOURS (keys do not expire)', async () => {
        now = new Date();
        const hours = ctx.deps.config.sessionHours;
        const session = await ctx.call('POST', '/api/v1/auth/login', { body: { email: 'coordinator-a@ido.test', password: PASSWORD } });
        assert.equal(session.body.expiresAt, new Date(now.getTime() + hours * 3600_000).toISOString());
        now = new Date(now.getTime() + hours * 3600_000 - 1000);
        assert.equal((await ctx.call('GET', '/api/v1/locations', { token: session.body.token })).status, 200);
        now = new Date(now.getTime() + 2000);
        const expired = await ctx.call('GET', '/api/v1/locations', { token: session.body.token });
        assert.equal(expired.status, 401);
        assert.equal(expired.body.detail, 'Uw sessie is verlopen. Log opnieuw in.');
        assert.equal((await ctx.call('GET', '/api/v1/locations', { token: t.a.secretKey })).status, 200);
      });
    });
  });

  describe(`login on ${backend}`, () => {
    it('logs in with the right password, refuses a wrong one or an unknown user with 401, and logs out', async () => {
      const ctx = await createTestContext(backend);
      try {
        await ensureAdmin(ctx.database, ADMIN.email, ADMIN.password);
        const ok = await ctx.call('POST', '/api/v1/auth/login', { body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password } });
        assert.equal(ok.status, 200, ok.text);
        z.parse(Session, ok.body);
        assert.match(ok.body.token, /^ido_st_/);
        assert.deepEqual(
          { email: ok.body.user.email, role: ok.body.user.role, organisationId: ok.body.user.organisationId },
          { email: ADMIN.email, role: 'national', organisationId: null },
        );
        assert.ok(!('passwordHash' in ok.body.user));

        const wrong = await ctx.call('POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: 'niet het wachtwoord' } });
        assert.equal(wrong.status, 401);
        assert.match(wrong.headers.get('content-type')!, /application\/problem\+json/);
        assert.equal(wrong.body.detail, 'Het e-mailadres of wachtwoord klopt niet.');
        const unknown = await ctx.call('POST', '/api/v1/auth/login', {
          headers: { 'accept-language': 'en' },
          body: { email: 'niemand@ido.test', password: 'x' },
        });
        assert.equal(unknown.status, 401);
        assert.equal(unknown.body.detail, 'The e-mail address or password is not correct.');
        const missing = await ctx.call('POST', '/api/v1/auth/login', { body: { email: ADMIN.email } });
        assert.equal(missing.status, 422);

        assert.equal((await ctx.call('GET', '/api/v1/organisations', { token: ok.body.token })).status, 200);
        assert.equal((await ctx.call('POST', '/api/v1/auth/logout', { token: ok.body.token })).status, 204);
        assert.equal((await ctx.call('GET', '/api/v1/organisations', { token: ok.body.token })).status, 401);
        assert.equal((await ctx.call('GET', '/api/v1/organisations', { token: 'ido_st_verzonnen' })).status, 401);
        assert.equal(
          (await ctx.call('GET', '/api/v1/organisations', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })).status,
          401,
        );
      } finally {
        await ctx.close();
      }
    });

    it('limits login attempts: after IDO_LOGIN_RATE_LIMIT attempts 429 with Retry-After, even with the right password', async () => {
      const ctx = await createTestContext(backend, { config: { loginRateLimit: 3 } });
      try {
        await ensureAdmin(ctx.database, ADMIN.email, ADMIN.password);
        for (let i = 0; i < 3; i++) {
          const r = await ctx.call('POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: `fout ${i}` } });
          assert.equal(r.status, 401);
        }
        const limited = await ctx.call('POST', '/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
        assert.equal(limited.status, 429);
        assert.match(limited.headers.get('content-type')!, /application\/problem\+json/);
        const retryAfter = Number(limited.headers.get('retry-after'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
        // Other routes are not limited by the login counter.
        assert.equal((await ctx.call('GET', '/api/v1/taxonomy')).status, 200);
      } finally {
        await ctx.close();
      }
    });
  });
}
