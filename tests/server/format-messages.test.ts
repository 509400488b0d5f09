/**
 * Field errors that say which form is wanted (the issue: "28-12-2026" was refused with "Deze waarde
 * heeft niet de goede vorm."): the code stays the contract's `invalid-format`, the message names the
 * form; and the OpenAPI document lists the geocode endpoint and the 412 of If-Match.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

for (const backend of backends) {
  describe(`format messages on ${backend}`, () => {
    let ctx: TestContext;
    let t: Awaited<ReturnType<typeof seedTenants>>;
    before(async () => {
      ctx = await createTestContext(backend);
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('a date typed as 28-12-2026 and a time as 9.30: invalid-format, in words that name the form', async () => {
      const r = await ctx.call('PATCH', `/api/v1/locations/${t.a.location.id}`, {
        token: t.a.coordinator,
        body: { exceptions: [{ date: '28-12-2026', closed: true }], walkInHours: [{ day: 1, opens: '9.30', closes: '12:00' }] },
      });
      assert.equal(r.status, 422, r.text);
      const byPath = Object.fromEntries(r.body.errors.map((e: { path: string; code: string; message: string }) => [e.path, e]));
      assert.equal(byPath['exceptions.0.date'].code, 'invalid-format');
      assert.equal(byPath['exceptions.0.date'].message, 'Vul een datum in als 2026-12-28 (jaar-maand-dag).');
      assert.equal(byPath['walkInHours.0.opens'].code, 'invalid-format');
      assert.equal(byPath['walkInHours.0.opens'].message, 'Vul een tijd in als 09:30 (uren:minuten).');
      const en = await ctx.call('PATCH', `/api/v1/locations/${t.a.location.id}`, {
        token: t.a.coordinator,
        headers: { 'accept-language': 'en' },
        body: { exceptions: [{ date: '28-12-2026', closed: true }] },
      });
      assert.equal(en.body.errors[0].message, 'Enter a date as 2026-12-28 (year-month-day).');
      const stored = await ctx.call('GET', `/api/v1/locations/${t.a.location.id}`, { token: t.a.coordinator });
      assert.deepEqual(stored.body.exceptions, [], 'nothing stored');
    });

    it('the OpenAPI document lists GET /geocode and If-Match with 412 on a location', async () => {
      const doc = (await ctx.call('GET', '/api/v1/openapi.json')).body;
      const geocode = doc.paths['/api/v1/geocode'].get;
      assert.deepEqual(
        geocode.parameters.filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name),
        ['postcode', 'number', 'addition'],
      );
      assert.equal(geocode.responses[200].content['application/json'].schema.$ref, '#/components/schemas/GeocodedAddress');
      for (const method of ['patch', 'delete']) {
        const op = doc.paths['/api/v1/locations/{id}'][method];
        assert.ok(
          op.parameters.some((p: { name: string; in: string }) => p.name === 'If-Match' && p.in === 'header'),
          method,
        );
        assert.equal(op.responses[412].$ref, '#/components/responses/PreconditionFailed');
      }
    });
  });
}
