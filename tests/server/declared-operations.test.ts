import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OPERATIONS, impliedStatuses } from '../../sdk/operations/index.js';
import { buildOpenApi } from '../../server/openapi/spec.js';
import { backends, createTestContext, seedTenants, type TestContext } from '../helpers/context.js';

type Json = any;
const doc = buildOpenApi() as Json;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Each declared operation, its path with an id filled in. */
const concrete = (path: string) => path.replace('{id}', UNKNOWN);

describe('declared operations and the document', () => {
  it('documents every declared operation with every status its declaration implies, and nothing else', () => {
    for (const op of OPERATIONS) {
      const documented = doc.paths[op.path]?.[op.method];
      assert.ok(documented, `${op.method} ${op.path} in the document`);
      assert.equal(documented.operationId, op.id);
      const problems = Object.keys(documented.responses)
        .filter((s) => !s.startsWith('2'))
        .map(Number);
      assert.deepEqual(problems, impliedStatuses(op), `${op.id}: problem statuses`);
      assert.deepEqual(
        Object.keys(documented.responses)
          .filter((s) => s.startsWith('2'))
          .sort(),
        Object.keys(op.responses).sort(),
        `${op.id}: success statuses`,
      );
    }
  });

  it('lists the statuses issue 15 found missing: 404 for an unknown locationId on the export and the course report, 409 for deleting yourself, 503 for health', () => {
    assert.ok(doc.paths['/api/v1/reports/export'].get.responses['404']);
    assert.ok(doc.paths['/api/v1/reports/courses'].get.responses['404']);
    assert.ok(doc.paths['/api/v1/users/{id}'].delete.responses['409']);
    assert.ok(doc.paths['/healthz'].get.responses['503']);
  });

  it('gives the fixed value lists as enums and names the growing ones', () => {
    const input = doc.components.schemas.RegistrationInput.properties;
    assert.deepEqual(input.channel.enum, ['balie', 'spreekuur', 'telefoon', 'email-chat']);
    assert.deepEqual(input.duration.enum, ['0-5', '5-15', '15-30', '30-60', '60+']);
    const question = doc.components.schemas.QuestionInput.properties;
    assert.ok(question.type.enum.includes('digitale-overheid'));
    // help changed a code between versions: both are accepted (the old one is mapped), both listed.
    assert.ok(question.help.items.enum.includes('hulp-digitaal') && question.help.items.enum.includes('digitaal-contact'));
    assert.ok(question.digid.enum.includes('weet-niet'));
    assert.equal(question.topic.enum, undefined);
    assert.match(question.topic.description, /`topics`/);
    assert.ok(doc.components.schemas.LocationInput.properties.closedOnHolidays.items.enum.includes('koningsdag'));
    assert.ok(doc.components.schemas.CourseInput.properties.type.enum.includes('digisterker'));
    assert.ok(doc.components.schemas.PartnerInput.properties.kind.enum.includes('welzijn'));
    const kind = doc.paths['/api/v1/partners'].get.parameters.find((p: Json) => p.name === 'kind');
    assert.ok(kind.schema.enum.includes('welzijn'));
  });

  it('says that suppress goes with view=summary only', () => {
    const suppress = doc.paths['/api/v1/reports/export'].get.parameters.find((p: Json) => p.name === 'suppress');
    assert.match(suppress.description, /view=summary/);
    assert.match(suppress.description, /422/);
  });
});

for (const backend of backends) {
  describe(`declared operations on ${backend}`, () => {
    let ctx: TestContext;
    let tenants: Awaited<ReturnType<typeof seedTenants>>;
    before(async () => {
      ctx = await createTestContext(backend);
      tenants = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('mounts every declared operation: without credentials, 401 where credentials are needed, never a 404 for the route', async () => {
      for (const op of OPERATIONS) {
        if (op.access === 'public') continue;
        const r = await ctx.call(op.method.toUpperCase(), concrete(op.path));
        assert.equal(r.status, 401, `${op.method} ${op.path}: ${r.text}`);
      }
    });

    it('answers the statuses the document adds: 404 for an unknown locationId on the export and the course report', async () => {
      const { coordinator } = tenants.a;
      for (const path of [
        `/api/v1/reports/export?locationId=${UNKNOWN}`,
        `/api/v1/reports/courses?locationId=${UNKNOWN}`,
        `/api/v1/reports/export?locationId=${tenants.b.location.id}`,
      ]) {
        const r = await ctx.call('GET', path, { token: coordinator });
        assert.equal(r.status, 404, `${path}: ${r.text}`);
      }
    });

    it('answers 409 to deleting yourself', async () => {
      const me = await ctx.call('GET', '/api/v1/auth/me', { token: tenants.a.coordinator });
      const r = await ctx.call('DELETE', `/api/v1/users/${me.body.user.id}`, { token: tenants.a.coordinator });
      assert.equal(r.status, 409);
    });

    it('refuses an empty organisationId on the imports list, as the schema says (minLength 1)', async () => {
      const r = await ctx.call('GET', '/api/v1/imports?organisationId=', { token: tenants.national });
      assert.equal(r.status, 422);
      assert.equal(r.body.errors[0].path, 'organisationId');
      const ok = await ctx.call('GET', `/api/v1/imports?organisationId=${tenants.a.organisation.id}`, { token: tenants.national });
      assert.equal(ok.status, 200);
    });

    it('answers 422 to suppress=true with view=questions, as documented', async () => {
      const r = await ctx.call('GET', '/api/v1/reports/export?view=questions&suppress=true', { token: tenants.a.coordinator });
      assert.equal(r.status, 422);
      assert.equal(r.body.errors[0].path, 'suppress');
    });
  });
}
