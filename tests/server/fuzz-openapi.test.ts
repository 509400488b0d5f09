/**
 * Property-based fuzzing over the served OpenAPI document: for every operation in
 * `GET /api/v1/openapi.json`, fast-check generates requests from the operation's own parameters and
 * body schema (valid-ish values, mixed with hostile ones: control characters, unpaired surrogates,
 * broken percent-encoding, huge numbers, wrong types, unknown fields, broken JSON) and sends them
 * with a valid token. The property: never a 5xx, and every 4xx is a problem document.
 *
 * Deterministic and bounded: a fixed seed per operation and a fixed number of runs
 * (`FUZZ_RUNS`, default 40), the app's clock fixed, PDOK off.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const NOW = new Date('2026-11-30T09:00:00Z');

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  op: Schema;
}
interface FuzzRequest {
  url: string;
  init: RequestInit;
  describe: string;
  /** A JSON body or a declared query parameter holds a character the API must refuse. */
  refused: boolean;
  /** The JSON body as generated, when there is one. */
  value?: unknown;
}

/** The test's own statement of the rule (not the server's code): NUL and other C0 controls but tab and line breaks, DEL, lone surrogates. */
const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;
function holdsRefused(value: unknown): boolean {
  if (typeof value === 'string') return REFUSED.test(value);
  if (Array.isArray(value)) return value.some(holdsRefused);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => REFUSED.test(k) || holdsRefused(v));
  return false;
}
const jsonBody = (value: unknown) => ({
  body: JSON.stringify(value),
  type: 'application/json',
  what: String(JSON.stringify(value)).slice(0, 300),
  refused: holdsRefused(value),
  value,
});

/** Values that have broken servers before, or that no schema expects. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\u0007',
  '\u001b[2J',
  '\u007f',
  '\r\n',
  '\t',
  '%00',
  '%',
  '%zz',
  'null',
  'true',
  '-1',
  '0',
  '1e308',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  'x'.repeat(5000),
  '😀'.repeat(50),
  '\u202eevil',
  '\ufeff',
  "' or 1=1 --",
  '"; drop table registrations; --',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '0000-01-01',
  '2026-11-28T25:00:00Z',
  '2026-11-28T10:00:00+25:00',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  'ido_sk_x',
  '3511AB',
  '0,0',
  '91,181',
  '-90,-180',
  'a,b,c',
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  0,
  -1,
  -0,
  1.5,
  1e308,
  -1e308,
  1e-300,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -(2 ** 31) - 1,
  2 ** 63,
  true,
  false,
  null,
  [],
  {},
  [null],
  [[[]]],
  { a: { b: [1] } },
  ['\u0000'],
  { '\u0000': 1 },
  { __proto__: 1 },
  { constructor: 'x' },
];

/** A string that may hold control characters or lone surrogates, as one typed value. */
const wildString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((codes) => String.fromCharCode(...codes)),
  fc.constantFrom(...HOSTILE_STRINGS),
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), wildString, fc.double(), fc.integer());

/** Null mostly, the value about once in `every` runs (fc.option's `freq` is the other way round). */
function rarely<T>(arb: fc.Arbitrary<T>, every = 6): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/**
 * The JSON schema generator. `valid` keeps to the schema (and to values the server knows: ids,
 * value-list codes), so that a request gets past validation; `value` sometimes puts anything at all
 * in a field, leaves a required one out or adds one no schema knows.
 */
class Generator {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly known: string[],
  ) {}

  resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s?.$ref && i < 10; i++) s = this.components[s.$ref.replace('#/components/schemas/', '')];
    return s ?? {};
  }

  value(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    return fc.oneof({ weight: 5, arbitrary: this.valid(schema, depth, true) }, { weight: 1, arbitrary: hostile });
  }

  valid(raw: Schema, depth = 0, wild = false): fc.Arbitrary<unknown> {
    const s = this.resolve(raw);
    const child = (x: Schema) => (wild ? this.value(x, depth + 1) : this.valid(x, depth + 1));
    if (depth > 6) return wild ? hostile : fc.constant(null);
    if (s.enum) return fc.constantFrom(...s.enum);
    if ('const' in s) return fc.constant(s.const);
    const union = s.anyOf ?? s.oneOf;
    if (union?.length) return fc.oneof(...union.map(child));
    if (s.allOf?.length) return this.valid(s.allOf[0], depth, wild);
    if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type: string) => this.valid({ ...s, type }, depth, wild)));
    switch (s.type) {
      case 'string':
        return this.string(s);
      case 'integer':
        return fc.oneof(
          fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 }),
          fc.constantFrom(s.minimum ?? 0, s.maximum ?? 0, ...(wild ? [(s.maximum ?? 0) + 1, (s.minimum ?? 0) - 1] : [])),
        );
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(child(s.items ?? {}), { minLength: Math.min(s.minItems ?? 0, 3), maxLength: Math.min(s.maxItems ?? 3, 3) });
      case 'object':
        return this.object(s, depth, wild);
      default:
        return wild ? hostile : fc.constant(null);
    }
  }

  string(s: Schema): fc.Arbitrary<string> {
    const options: fc.Arbitrary<string>[] = [fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 60) })];
    if (s.format === 'date')
      options.push(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2026-11-29'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      );
    if (s.format === 'date-time')
      options.push(fc.date({ min: new Date('2020-01-01'), max: new Date('2026-11-29'), noInvalidDate: true }).map((d) => d.toISOString()));
    if (s.format === 'email') options.push(fc.emailAddress());
    if (s.format === 'uri') options.push(fc.webUrl());
    if (s.pattern) {
      try {
        options.push(fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 200)));
      } catch {
        /* a pattern JavaScript cannot read: the plain strings remain */
      }
    }
    options.push(fc.constantFrom(...this.known));
    return fc.oneof(...options);
  }

  object(s: Schema, depth: number, wild: boolean): fc.Arbitrary<unknown> {
    const properties: Record<string, Schema> = s.properties ?? {};
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, prop] of Object.entries(properties)) model[key] = wild ? this.value(prop, depth + 1) : this.valid(prop, depth + 1);
    const required = (s.required ?? []).filter((key: string) => key in model);
    const record = fc.record(model, { requiredKeys: required });
    if (!wild) return record;
    // Sometimes a required field is left out, or a field no schema knows is added.
    return fc
      .tuple(record, rarely(fc.constantFrom(...Object.keys(model), '__proto__')), rarely(fc.tuple(wildString, hostile)))
      .map(([value, drop, extra]) => {
        const out: Record<string, unknown> = { ...(value as object) };
        if (drop !== null) delete out[drop];
        if (extra !== null) out[extra[0]] = extra[1];
        return out;
      });
  }
}

/** Characters a database cannot store or nobody types, to put into one text of an otherwise valid value. */
const BAD_CHARACTERS = ['\u0000', '\ud800', '\udfff', '\u0007', '\u001b', '\u007f'];

/** A valid value with one of its texts (the `pick`th, counting in document order) given a refused character. */
function withBadCharacter(value: unknown, pick: number, bad: string): unknown {
  const texts = (v: unknown): number =>
    typeof v === 'string'
      ? 1
      : Array.isArray(v)
        ? v.reduce((n: number, x) => n + texts(x), 0)
        : v && typeof v === 'object'
          ? Object.values(v).reduce((n: number, x) => n + texts(x), 0)
          : 0;
  const count = texts(value);
  if (!count) return value;
  const target = pick % count;
  let index = 0;
  const map = (v: unknown): unknown => {
    if (typeof v === 'string') return index++ === target ? `${v.slice(0, 3)}${bad}${v.slice(3)}` : v;
    if (Array.isArray(v)) return v.map(map);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x)]));
    return v;
  };
  return map(value);
}

/** Percent-encodes any JavaScript string, lone surrogates included (as the bytes a broken client would send). */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

/** A query or path value as a client would write it: numbers and booleans as text, sometimes raw broken encoding. */
function asText(value: unknown): fc.Arbitrary<string> {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return fc.oneof(
    { weight: 15, arbitrary: fc.constant(encode(text)) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%ff', '%ED%A0%80', '%C0%AF', '%00') },
  );
}

function requests(operation: Operation, generator: Generator, tokens: string[], ids: string[]): fc.Arbitrary<FuzzRequest> {
  const parameters: Schema[] = (operation.op.parameters ?? []).filter((p: Schema) => p.in === 'query' || p.in === 'path');
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const pathArb = fc.tuple(
    ...pathParams.map(() =>
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: wildString }).chain(asText),
    ),
  );
  // The query: valid values (each optional one present half the time), then either kept, or one of
  // them given a refused character, or every one of them possibly hostile.
  const validQuery = fc.tuple(
    ...queryParams.map((p) => (p.required ? generator.valid(p.schema ?? {}) : fc.option(generator.valid(p.schema ?? {})))),
  );
  const wildQuery = fc.tuple(...queryParams.map((p) => fc.option(generator.value(p.schema ?? {}))));
  const asQueryText = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  const queryValuesArb: fc.Arbitrary<Array<string | null>> = fc.oneof(
    { weight: 3, arbitrary: validQuery.map((vs) => vs.map(asQueryText)) },
    {
      weight: 3,
      arbitrary: fc.tuple(validQuery, fc.nat(), fc.constantFrom(...BAD_CHARACTERS)).map(([vs, pick, bad]) => {
        const texts = vs.map(asQueryText);
        const present = texts.flatMap((t, i) => (t === null ? [] : [i]));
        const i = present.length ? present[pick % present.length] : -1;
        if (i >= 0) texts[i] = `${texts[i]!.slice(0, 3)}${bad}${texts[i]!.slice(3)}`;
        return texts;
      }),
    },
    { weight: 2, arbitrary: wildQuery.map((vs) => vs.map(asQueryText)) },
  );
  const queryArb = fc
    .tuple(
      queryValuesArb.chain((texts) => fc.tuple(...texts.map((t) => (t === null ? fc.constant(null) : asText(t))))),
      rarely(fc.tuple(wildString.chain(asText), wildString.chain(asText)), 8),
      fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([values, extra, repeat]) => [...values, extra, repeat] as unknown[]);
  const content = operation.op.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const multipart = content['multipart/form-data']?.schema;
  const bodyArb: fc.Arbitrary<{ body?: BodyInit; type?: string; what: string; refused?: boolean; value?: unknown }> = json
    ? fc.oneof(
        { weight: 4, arbitrary: generator.valid(json).map(jsonBody) },
        {
          weight: 4,
          arbitrary: fc
            .tuple(generator.valid(json), fc.nat(), fc.constantFrom(...BAD_CHARACTERS))
            .map(([valid, pick, bad]) => withBadCharacter(valid, pick, bad))
            .map(jsonBody),
        },
        { weight: 4, arbitrary: generator.value(json).map(jsonBody) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              '{',
              '{"a":',
              '[1,]',
              '',
              'null',
              '"x"',
              '\u0000',
              '{"a":"\\ud800"}',
              '{"a":"\\u0000"}',
              '['.repeat(5000) + ']'.repeat(5000),
            )
            .map((body) => ({ body, type: 'application/json', what: `raw ${JSON.stringify(body.slice(0, 50))}` })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1')
            .map((type) => ({ body: '{}', type, what: `as ${type}` })),
        },
        {
          weight: 1,
          arbitrary: fc
            .uint8Array({ maxLength: 60 })
            .map((bytes) => ({ body: bytes as Uint8Array<ArrayBuffer>, type: 'application/json', what: `bytes ${[...bytes].join(',')}` })),
        },
      )
    : multipart
      ? fc
          .tuple(
            wildString,
            fc.oneof(
              wildString,
              fc.constantFrom('datum;kanaal;onderwerp\n2026-11-28;balie;huurtoeslag\n', 'date,channel\n\u0000,\ud800\n'),
            ),
            fc.dictionary(fc.constantFrom(...Object.keys(generator.resolve(multipart).properties ?? { file: 1 }), 'extra'), wildString, {
              maxKeys: 3,
            }),
          )
          .map(([name, text, fields]) => {
            const form = new FormData();
            form.set('file', new Blob([text], { type: 'text/csv' }), name || 'x.csv');
            for (const [k, v] of Object.entries(fields)) if (k !== 'file') form.set(k, v);
            return { body: form, what: `multipart ${JSON.stringify({ name, text: text.slice(0, 60), fields })}` };
          })
      : fc.constant({ what: 'no body' });
  // The national login can do the most, so it is the one most requests carry.
  const tokenArb = fc.oneof(
    { weight: tokens.length, arbitrary: fc.constant(tokens[0]) },
    { weight: tokens.length - 1, arbitrary: fc.constantFrom(...tokens.slice(1)) },
  );
  return fc
    .tuple(pathArb, queryArb, bodyArb, tokenArb, fc.constantFrom('nl', 'en', 'de', ''))
    .map(([pathValues, queryValues, body, token, lang]) => {
      let path = operation.path;
      pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, pathValues[i]);
      });
      const pairs: string[] = [];
      const extra = queryValues[queryParams.length] as [string, string] | null;
      const repeat = queryValues[queryParams.length + 1] as boolean;
      let refusedQuery = false;
      queryParams.forEach((p, i) => {
        const v = queryValues[i] as string | null;
        if (v !== null) refusedQuery ||= unreadable(v);
        if (v !== null) pairs.push(`${p.name}=${v}`);
        if (v !== null && repeat && i === 0) pairs.push(`${p.name}=${v}`);
      });
      if (extra) pairs.push(`${extra[0]}=${extra[1]}`);
      const url = `${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (lang) headers['accept-language'] = lang;
      if (body.type) headers['content-type'] = body.type;
      return {
        url,
        init: { method: operation.method, headers, body: body.body },
        describe: `${operation.method} ${url} ${body.what}`,
        refused: refusedQuery || !!body.refused,
        value: body.value,
      };
    });
}

/** Whether an encoded query value cannot be decoded as UTF-8, or holds a refused character once decoded. */
function unreadable(encoded: string): boolean {
  try {
    return REFUSED.test(decodeURIComponent(encoded));
  } catch {
    return true;
  }
}

/** GETs first, DELETEs and the logout last, so that what the others need still exists while they run. */
function order(op: Operation): number {
  if (op.path.endsWith('/auth/logout')) return 4;
  return { GET: 0, POST: 1, PATCH: 2, DELETE: 3 }[op.method] ?? 1;
}

/** A fixed seed per operation, so that a run gives the same requests whatever else changed. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h | 0;
}

for (const backend of backends) {
  describe(`fuzzing every operation of the OpenAPI document on ${backend}`, () => {
    let ctx: TestContext;
    let operations: Operation[] = [];
    let generator: Generator;
    let tokens: string[];
    let ids: string[];
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => NOW, config: { publicRateLimit: 1_000_000, loginRateLimit: 1_000_000 } });
      const t = await seedTenants(ctx);
      const registration = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({ locationId: t.a.location.id, occurredAt: '2026-11-28T10:00:00+01:00' }),
      });
      const course = await ctx.call('POST', '/api/v1/courses', {
        token: t.a.coordinator,
        body: { locationId: t.a.location.id, type: 'digisterker', startDate: '2026-01-05', sessions: 4, enrolled: 8 },
      });
      const users = await ctx.call('GET', '/api/v1/users', { token: t.national });
      tokens = [t.national, t.a.coordinator, t.a.secretKey, t.a.deskKeyNoOrigin];
      ids = [
        t.a.location.id,
        t.a.location2.id,
        t.b.location.id,
        t.a.partner.id,
        t.b.partner.id,
        t.a.organisation.id,
        t.b.organisation.id,
        t.a.secretKeyId,
        t.a.deskKeyId,
        registration.body.id,
        course.body.id,
        ...users.body.items.map((u: { id: string }) => u.id),
        '00000000-0000-0000-0000-000000000000',
        'nope',
      ];
      const spec = await ctx.call('GET', '/api/v1/openapi.json');
      assert.equal(spec.status, 200);
      // The value lists' codes, so that generated registrations, partners and courses can be valid.
      const taxonomy = (await ctx.call('GET', '/api/v1/taxonomy')).body as Record<string, unknown>;
      const codes = Object.values(taxonomy)
        .filter(Array.isArray)
        .flatMap((list) => (list as Array<{ code?: string }>).map((x) => x.code))
        .filter((c): c is string => typeof c === 'string');
      generator = new Generator(spec.body.components.schemas, [...ids, ...new Set(codes)]);
      for (const [path, item] of Object.entries(spec.body.paths as Record<string, Schema>)) {
        for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
          if (item[method]) operations.push({ method: method.toUpperCase(), path, op: item[method] });
        }
      }
      operations = operations.sort((a, b) => order(a) - order(b));
    });
    after(() => ctx.close());

    it('finds the operations in the served document', () => {
      assert.ok(operations.length >= 40, `only ${operations.length} operations`);
    });

    it(`answers ${RUNS} generated requests per operation without a 5xx, every 4xx a problem document`, async () => {
      const seen = new Map<string, Set<number>>();
      for (const operation of operations) {
        const statuses = new Set<number>();
        seen.set(`${operation.method} ${operation.path}`, statuses);
        await fc.assert(
          fc.asyncProperty(requests(operation, generator, tokens, ids), async (request) => {
            const res = await ctx.app.request(request.url, request.init);
            const text = await res.text();
            statuses.add(res.status);
            assert.ok(res.status < 500, `${res.status} for ${request.describe}: ${text.slice(0, 500)}`);
            // A refused character is never accepted (and so never stored as something else).
            if (request.refused) {
              const batch = res.status === 200 && operation.path.endsWith('/registrations/batch');
              if (!batch)
                assert.ok(
                  res.status >= 400,
                  `${res.status} although refused characters were sent: ${request.describe}: ${text.slice(0, 300)}`,
                );
              // In a batch, each item with one is invalid on its own.
              else {
                const items = (request.value as { registrations: unknown[] }).registrations;
                const results = JSON.parse(text).results as Array<{ status: string }>;
                items.forEach((item, i) => {
                  if (holdsRefused(item)) assert.equal(results[i].status, 'invalid', `batch item ${i}: ${request.describe}`);
                });
              }
            }
            if (res.status >= 400) {
              assert.match(
                res.headers.get('content-type') ?? '',
                /^application\/problem\+json/,
                `${res.status} without a problem document for ${request.describe}`,
              );
              const problem = JSON.parse(text);
              assert.equal(problem.status, res.status, request.describe);
              assert.equal(typeof problem.type, 'string', request.describe);
              assert.equal(typeof problem.title, 'string', request.describe);
            }
          }),
          { seed: seedOf(`${operation.method} ${operation.path}`), numRuns: RUNS, endOnFailure: true },
        );
      }
      // Every operation was called, and the generated requests reached past validation somewhere.
      assert.equal(seen.size, operations.length);
      const answered = [...seen.values()].flatMap((s) => [...s]);
      assert.ok(
        answered.some((s) => s < 300),
        'some requests succeeded',
      );
      assert.ok(answered.includes(422) && answered.includes(400), 'some requests were refused as invalid and as unreadable');
    });
  });
}
