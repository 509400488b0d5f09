/**
 * ETag and If-Match on one location (contract v3): GET, POST and PATCH answer an ETag; PATCH and
 * DELETE with a stale If-Match answer 412 with the contract's problem type and change nothing;
 * of two concurrent PATCHes with the same ETag exactly one wins; without If-Match as before.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const closures = [
  { date: '2026-12-24', closed: true },
  { date: '2026-12-31', closed: true },
  { date: '2027-01-02', opens: '10:00', closes: '12:00' },
];

for (const backend of backends) {
  describe(`location ETag and If-Match on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let id: string;
    const now = new Date('2026-11-30T09:00:00Z');
    const patch = (body: unknown, ifMatch?: string) =>
      ctx.call('PATCH', `/api/v1/locations/${id}`, { token: t.a.coordinator, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });

    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      t = await seedTenants(ctx);
      id = t.a.location.id;
      const r = await patch({ exceptions: closures });
      assert.equal(r.status, 200, r.text);
    });
    after(() => ctx.close());

    it('GET, PATCH and POST answer a strong ETag that changes with the location', async () => {
      const read = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      const etag = read.headers.get('etag')!;
      assert.match(etag, /^"[\w-]+"$/);
      const again = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      assert.equal(again.headers.get('etag'), etag, 'the same location, the same ETag');
      const changed = await patch({ variant: 'breed' }, etag);
      assert.equal(changed.status, 200, changed.text);
      assert.notEqual(changed.headers.get('etag'), etag);
      const after = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      assert.equal(after.headers.get('etag'), changed.headers.get('etag'), 'the PATCH answer carries the ETag of what is stored');
      const created = await ctx.call('POST', '/api/v1/locations', {
        token: t.a.coordinator,
        body: {
          name: 'Nieuw',
          address: { street: 'Neude 11', postcode: '3512 AE', city: 'Utrecht' },
          coordinates: { lat: 52.09, lon: 5.12 },
        },
      });
      assert.match(created.headers.get('etag')!, /^"[\w-]+"$/);
      const cors = await ctx.call('GET', `/api/v1/locations/${id}`, {
        token: t.a.coordinator,
        headers: { origin: 'https://intranet.bieb.test' },
      });
      assert.match(cors.headers.get('access-control-expose-headers')!, /ETag/);
    });

    it('a stale If-Match: 412 precondition-failed in words, nothing changed (the exceptions all kept)', async () => {
      const read = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      const stale = read.headers.get('etag')!;
      assert.equal((await patch({ name: 'Utrecht Centrum (Neude)' }, stale)).status, 200);
      // The other coordinator's copy still has the old ETag and only one new closure on top of what it read.
      const lost = await patch({ exceptions: [...read.body.exceptions, { date: '2027-04-27', closed: true }], name: 'Oude naam' }, stale);
      assert.equal(lost.status, 412, lost.text);
      assert.equal(lost.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(lost.body.type, 'https://ido-registratie.nl/problems/precondition-failed');
      assert.equal(lost.body.status, 412);
      assert.match(lost.body.title, /Iemand anders heeft dit net gewijzigd/);
      const stored = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      assert.equal(stored.body.name, 'Utrecht Centrum (Neude)');
      assert.deepEqual(stored.body.exceptions, closures);
      const english = await ctx.call('PATCH', `/api/v1/locations/${id}`, {
        token: t.a.coordinator,
        body: { name: 'x' },
        headers: { 'if-match': stale, 'accept-language': 'en' },
      });
      assert.equal(english.status, 412);
      assert.match(english.body.title, /Someone else/);
    });

    it('If-Match: * and a list that names the current ETag pass; a weak prefix is read as the tag', async () => {
      const read = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      const etag = read.headers.get('etag')!;
      assert.equal((await patch({ variant: 'inloop' }, `"old", W/${etag}`)).status, 200);
      assert.equal((await patch({ variant: 'breed' }, '*')).status, 200);
    });

    it('two concurrent PATCHes with the same ETag: exactly one wins, the other 412', async () => {
      const read = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      const etag = read.headers.get('etag')!;
      const [one, two] = await Promise.all([
        patch({ exceptions: [...closures, { date: '2027-05-05', closed: true }] }, etag),
        patch({ exceptions: [...closures, { date: '2027-05-14', closed: true }] }, etag),
      ]);
      assert.deepEqual([one.status, two.status].sort(), [200, 412]);
      const winner = one.status === 200 ? one : two;
      const stored = await ctx.call('GET', `/api/v1/locations/${id}`, { token: t.a.coordinator });
      assert.deepEqual(stored.body.exceptions, winner.body.exceptions);
    });

    it('DELETE with a stale If-Match: 412 and the location stays; with the current one: 204', async () => {
      const read = await ctx.call('GET', `/api/v1/locations/${t.a.location2.id}`, { token: t.a.coordinator });
      const etag = read.headers.get('etag')!;
      const changed = await ctx.call('PATCH', `/api/v1/locations/${t.a.location2.id}`, {
        token: t.a.coordinator,
        body: { variant: 'spreekuur' },
      });
      assert.equal(changed.status, 200);
      const stale = await ctx.call('DELETE', `/api/v1/locations/${t.a.location2.id}`, {
        token: t.a.coordinator,
        headers: { 'if-match': etag },
      });
      assert.equal(stale.status, 412, stale.text);
      assert.equal((await ctx.call('GET', `/api/v1/locations/${t.a.location2.id}`, { token: t.a.coordinator })).status, 200);
      const current = changed.headers.get('etag')!;
      const done = await ctx.call('DELETE', `/api/v1/locations/${t.a.location2.id}`, {
        token: t.a.coordinator,
        headers: { 'if-match': current },
      });
      assert.equal(done.status, 204);
      assert.equal((await ctx.call('GET', `/api/v1/locations/${t.a.location2.id}`, { token: t.a.coordinator })).status, 404);
    });

    it('without If-Match PATCH behaves as before; another organisation still gets 404, not 412', async () => {
      assert.equal((await patch({ variant: 'inloop' })).status, 200);
      const other = await ctx.call('PATCH', `/api/v1/locations/${id}`, {
        token: t.b.coordinator,
        body: { variant: 'breed' },
        headers: { 'if-match': '"x"' },
      });
      assert.equal(other.status, 404);
    });
  });
}
