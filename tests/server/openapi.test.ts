import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { buildOpenApi } from '../../server/openapi/spec.js';

/** Every path and method the contract (docs/contract.md) names. */
const CONTRACT: Record<string, string[]> = {
  '/api/v1/auth/login': ['post'],
  '/api/v1/auth/logout': ['post'],
  '/api/v1/taxonomy': ['get'],
  '/api/v1/taxonomy/versions': ['get'],
  '/api/v1/registrations': ['get', 'post'],
  '/api/v1/registrations/batch': ['post'],
  '/api/v1/registrations/{id}': ['get', 'patch', 'delete'],
  '/api/v1/registrations/{id}/audit': ['get'],
  '/api/v1/locations': ['get', 'post'],
  '/api/v1/locations/{id}': ['get', 'patch', 'delete'],
  '/api/v1/partners': ['get', 'post'],
  '/api/v1/partners/{id}': ['get', 'patch', 'delete'],
  '/api/v1/courses': ['get', 'post'],
  '/api/v1/courses/{id}': ['get', 'patch', 'delete'],
  '/api/v1/organisations': ['get', 'post'],
  '/api/v1/organisations/{id}': ['get', 'patch'],
  '/api/v1/users': ['get', 'post'],
  '/api/v1/users/{id}': ['delete'],
  '/api/v1/keys': ['get', 'post'],
  '/api/v1/keys/{id}': ['delete'],
  '/api/v1/reports/summary': ['get'],
  '/api/v1/reports/courses': ['get'],
  '/api/v1/reports/search-demand': ['get'],
  '/api/v1/reports/export': ['get'],
  '/api/v1/imports': ['post'],
  '/api/v1/imports/{id}': ['get'],
  '/api/v1/public/locations': ['get'],
  '/api/v1/public/locations/{id}': ['get'],
  '/api/v1/public/stats': ['get'],
  '/api/v1/openapi.json': ['get'],
  '/healthz': ['get'],
};

type Json = any;

function pointer(doc: Json, ref: string): unknown {
  assert.ok(ref.startsWith('#/'), `only local $refs: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node === undefined || node === null ? undefined : node[key]), doc);
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe('OpenAPI document', () => {
  const doc: Json = buildOpenApi();

  it('is OpenAPI 3.1 with JSON Schema 2020-12', () => {
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.equal(doc.jsonSchemaDialect, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(typeof doc.info.title, 'string');
    assert.equal(typeof doc.info.version, 'string');
  });

  it('documents every path and method of the contract', () => {
    for (const [path, methods] of Object.entries(CONTRACT)) {
      assert.ok(doc.paths[path], `missing path ${path}`);
      for (const m of methods) assert.ok(doc.paths[path][m], `missing ${m.toUpperCase()} ${path}`);
    }
  });

  it('resolves every $ref, and no schema carries its own $schema or fragment $id', () => {
    const refs = collectRefs(doc);
    assert.ok(refs.length > 100);
    for (const ref of new Set(refs)) assert.notEqual(pointer(doc, ref), undefined, `unresolved ${ref}`);
    for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
      assert.equal(schema.$schema, undefined, name);
      assert.equal(schema.$id, undefined, name);
    }
  });

  it('gives each operation a unique id, a tag, responses, and declares its path parameters', () => {
    const ids = new Set<string>();
    const tags = new Set(doc.tags.map((t: Json) => t.name));
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        assert.ok(op.operationId && !ids.has(op.operationId), `operationId of ${method} ${path}`);
        ids.add(op.operationId);
        assert.ok(tags.has(op.tags[0]), `tag of ${op.operationId}`);
        assert.ok(
          Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
          `success response of ${op.operationId}`,
        );
        for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
          assert.ok(
            op.parameters.some((p: Json) => p.in === 'path' && p.name === name && p.required),
            `path parameter ${name} of ${op.operationId}`,
          );
        }
        assert.ok(Array.isArray(op.security), `security of ${op.operationId}`);
      }
    }
  });

  it('describes the registration body from the zod schema: channel required, no unknown fields', () => {
    const post = doc.paths['/api/v1/registrations'].post;
    const schema = pointer(doc, post.requestBody.content['application/json'].schema.$ref) as Json;
    assert.deepEqual([...schema.required].sort(), ['channel', 'duration', 'questions']);
    assert.equal(schema.additionalProperties, false);
    assert.equal(schema.properties.note.maxLength, 500);
    assert.equal(schema.properties.questions.minItems, 1);
    const question = pointer(doc, schema.properties.questions.items.$ref) as Json;
    assert.deepEqual([...question.required].sort(), ['topic', 'type']);
    assert.equal(question.additionalProperties, false);
    // Defaults make agencies and help optional on input.
    assert.deepEqual(question.properties.agencies.default, []);
    assert.ok(post.responses['201'] && post.responses['200'] && post.responses['409'] && post.responses['422']);
  });

  it('answers errors as problem+json with the documented statuses', () => {
    for (const status of ['400', '401', '403', '404', '409', '413', '415', '422', '429']) {
      const found = Object.values<Json>(doc.paths).some((item) => Object.values<Json>(item).some((op) => op.responses[status]));
      assert.ok(found, `status ${status} documented somewhere`);
    }
    for (const response of Object.values<Json>(doc.components.responses)) {
      assert.equal(response.content['application/problem+json'].schema.$ref, '#/components/schemas/Problem');
    }
    assert.ok(doc.components.responses.TooManyRequests.headers['Retry-After']);
    const problem = doc.components.schemas.Problem;
    assert.deepEqual([...problem.required].sort(), ['status', 'title', 'type']);
  });

  it('names the three bearer credentials and marks public paths as public', () => {
    for (const name of ['deskKey', 'secretKey', 'sessionToken']) {
      assert.equal(doc.components.securitySchemes[name].type, 'http');
      assert.equal(doc.components.securitySchemes[name].scheme, 'bearer');
    }
    for (const path of [
      '/api/v1/public/locations',
      '/api/v1/public/stats',
      '/api/v1/taxonomy',
      '/api/v1/openapi.json',
      '/api/v1/auth/login',
    ]) {
      const op = doc.paths[path].get ?? doc.paths[path].post;
      assert.deepEqual(op.security, [], path);
    }
    const post = doc.paths['/api/v1/registrations'].post;
    assert.ok(post.security.some((s: Json) => 'deskKey' in s));
    assert.ok(!doc.paths['/api/v1/keys'].post.security.some((s: Json) => 'deskKey' in s));
  });

  it('documents query parameters from the query schemas', () => {
    const summary = doc.paths['/api/v1/reports/summary'].get;
    const groupBy = summary.parameters.find((p: Json) => p.name === 'groupBy');
    assert.ok(groupBy.schema.enum.includes('weekday-hour'));
    const locator = doc.paths['/api/v1/public/locations'].get;
    assert.deepEqual(
      locator.parameters
        .filter((p: Json) => p.in === 'query')
        .map((p: Json) => p.name)
        .slice(0, 3),
      ['postcode', 'near', 'q'],
    );
    const exportOp = doc.paths['/api/v1/reports/export'].get;
    assert.ok(exportOp.responses['200'].content['text/csv']);
  });

  it('does not tell clients that response objects can never grow', () => {
    assert.equal(doc.components.schemas.Registration.additionalProperties, undefined);
    assert.equal(doc.components.schemas.LocationInput.additionalProperties, false);
  });
});

describe('OpenAPI routes', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext('pglite');
  });
  after(() => ctx.close());

  it('documents exactly the operations the app routes', () => {
    const doc: Json = buildOpenApi();
    const documented = new Set<string>();
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const routed = new Set(
      ctx.app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
        // The docs page and the desk page (/balie) are pages for people, not API operations.
        .filter((r) => !/ \/api\/v1\/docs(\.js)?$/.test(r) && !/ \/balie(\/|$)/.test(r)),
    );
    assert.deepEqual([...documented].filter((op) => !routed.has(op)).sort(), [], 'documented but not routed');
    assert.deepEqual([...routed].filter((op) => !documented.has(op)).sort(), [], 'routed but not documented');
  });

  it('serves openapi.json publicly, with CORS, and revalidates with an ETag', async () => {
    const r = await ctx.call('GET', '/api/v1/openapi.json', { headers: { origin: 'https://bieb.example' } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /^application\/json/);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(r.body.openapi, '3.1.0');
    assert.ok(r.body.paths['/api/v1/registrations']);
    const again = await ctx.call('GET', '/api/v1/openapi.json', { headers: { 'if-none-match': r.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });

  it('serves the docs page as HTML in Dutch or English, with its script from the same origin', async () => {
    const nl = await ctx.call('GET', '/api/v1/docs');
    assert.equal(nl.status, 200);
    assert.match(nl.headers.get('content-type')!, /^text\/html/);
    assert.match(nl.text, /<html lang="nl">/);
    assert.match(nl.text, /<script type="module" src="docs\.js"><\/script>/);
    assert.doesNotMatch(nl.text, /<script>(?!<)/, 'no inline script (CSP)');
    assert.doesNotMatch(nl.text, /(src|href)="https?:\/\//, 'no third-party resources');
    assert.match(nl.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const en = await ctx.call('GET', '/api/v1/docs?lang=en');
    assert.match(en.text, /<html lang="en">/);
    assert.match(en.text, /Skip to content/);
    const js = await ctx.call('GET', '/api/v1/docs.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /^text\/javascript/);
    assert.doesNotMatch(js.text, /https?:\/\/(?!json-schema)/, 'the script loads nothing from elsewhere');
  });
});

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

describe('OpenAPI docs page in a browser', () => {
  let ctx: TestContext;
  let server: ServerType;
  let base: string;
  before(async () => {
    ctx = await createTestContext('pglite');
    server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await ctx.close();
  });

  it('renders every operation under the app CSP, without errors or accessibility violations', async () => {
    const { chromium: launcher } = await import('playwright-core');
    const browser = await launcher.launch({
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.goto(`${base}/api/v1/docs?lang=en`);
      await page.waitForSelector('details.op');
      const doc = buildOpenApi() as Json;
      const operations = Object.values<Json>(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
      assert.equal(await page.locator('details.op').count(), operations);
      assert.equal(await page.locator('h1').count(), 1);
      assert.ok(await page.locator('#schema-RegistrationInput').count());
      // A link to an operation opens it.
      await page.goto(`${base}/api/v1/docs?lang=en#op-createRegistration`);
      await page.waitForSelector('#op-createRegistration[open]');
      assert.ok((await page.locator('#op-createRegistration table').count()) >= 1);
      assert.deepEqual(problems, []);

      // axe-core in a second page that may run injected scripts (the app's CSP forbids that, rightly).
      const context = await browser.newContext({ bypassCSP: true });
      const axePage = await context.newPage();
      await axePage.goto(`${base}/api/v1/docs`);
      await axePage.waitForSelector('details.op');
      await axePage.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => {
          d.open = true;
        }),
      );
      await axePage.addScriptTag({ path: fileURLToPath(import.meta.resolve('axe-core/axe.min.js')) });
      const violations = await axePage.evaluate(async () => {
        const result = await (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      });
      assert.deepEqual(violations, []);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
