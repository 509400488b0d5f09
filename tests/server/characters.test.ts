// Characters PostgreSQL cannot store (U+0000, unpaired surrogates) and other control characters:
// refused in one place, 422 in a body and 400 in a query string, never a 500, nothing stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { characterIssues, hasRefusedCharacter } from '../../server/http/characters.js';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

/** Texts that must be refused, with what they are. */
const REFUSED: Array<[string, string]> = [
  ['nul\u0000byte', 'U+0000'],
  ['bel\u0007', 'a C0 control character'],
  ['esc\u001b[31m', 'an escape sequence'],
  ['del\u007f', 'DEL'],
  ['half \ud800 teken', 'a lone high surrogate'],
  ['\udc00 laag', 'a lone low surrogate'],
  ['omgekeerd \udc00\ud800', 'surrogates in the wrong order'],
];

const TABLES = ['organisations', 'api_keys', 'locations', 'partners', 'courses', 'registrations', 'audit_log'];
async function snapshot(ctx: TestContext): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await ctx.rows<{ t: string }>(
      sql.raw(`select coalesce(string_agg(x::text, '|' order by x::text), '') as t from ${table} x`),
    );
    parts.push(`${table}:${rows[0].t}`);
  }
  return parts.join('\n');
}

describe('the character rule', () => {
  it('refuses NUL, other C0 controls, DEL and unpaired surrogates', () => {
    for (const [text, what] of REFUSED) assert.equal(hasRefusedCharacter(text), true, what);
  });

  it('allows tab, line breaks, paired surrogates (emoji) and ordinary Unicode', () => {
    for (const text of [
      'regel 1\nregel 2\r\n\tingesprongen',
      'blij 😀',
      'Zoë, façade, één, ĳ',
      '€ 12,50',
      'C1 \u0085 and \u00a0 are storable',
      'tekens ‘’“”–—…',
    ]) {
      assert.equal(hasRefusedCharacter(text), false, JSON.stringify(text));
    }
  });

  it('names the path of every refused text and key, nested in objects and arrays', () => {
    const issues = characterIssues({ name: 'ok', address: { street: 'a\u0000' }, topics: ['ok', 'b\ud800'], ['k\u0001']: 'x' });
    assert.deepEqual(
      issues.map((i) => `${i.path}:${i.code}`),
      ['address.street:invalid-character', 'topics.1:invalid-character', 'k\\u0001:invalid-character'],
    );
  });

  it('walks deep nesting without overflowing the stack, and reports a bounded number of issues', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.equal(characterIssues(deep).length, 1);
    assert.equal(characterIssues(Array.from({ length: 10_000 }, () => '\u0000')).length, 20);
  });
});

for (const backend of backends) {
  describe(`refused characters on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let stored: string;
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => new Date('2026-11-30T09:00:00Z'), config: { publicRateLimit: 10_000 } });
      t = await seedTenants(ctx);
      stored = await snapshot(ctx);
    });
    after(() => ctx.close());

    const refusedIn = (r: { status: number; headers: Headers; body: any; text: string }, path: string, what: string) => {
      assert.equal(r.status, 422, `${what}: ${r.text.slice(0, 300)}`);
      assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.ok(
        r.body.errors.some(
          (e: { path: string; code: string; message: string }) =>
            e.path === path && e.code === 'invalid-character' && /teken/.test(e.message),
        ),
        `${what}: ${r.text.slice(0, 300)}`,
      );
    };

    it('answers 422 invalid-character, naming the field, for names and notes of every resource', async () => {
      const loc = t.a.location.id;
      const cases: Array<{ method: string; path: string; token: string; body: (bad: string) => unknown; field: string }> = [
        {
          method: 'POST',
          path: '/api/v1/locations',
          token: t.a.coordinator,
          field: 'name',
          body: (bad) => ({
            name: bad,
            address: { street: 'Neude 11', postcode: '3512 AE', city: 'Utrecht' },
            coordinates: { lat: 52.09, lon: 5.12 },
          }),
        },
        {
          method: 'PATCH',
          path: `/api/v1/locations/${loc}`,
          token: t.a.coordinator,
          field: 'accessibility.notes',
          body: (bad) => ({ accessibility: { notes: bad } }),
        },
        {
          method: 'PATCH',
          path: `/api/v1/locations/${loc}`,
          token: t.a.coordinator,
          field: 'address.street',
          body: (bad) => ({ address: { street: bad, postcode: '3512 AE', city: 'Utrecht' } }),
        },
        {
          method: 'POST',
          path: '/api/v1/partners',
          token: t.a.coordinator,
          field: 'name',
          body: (bad) => ({ name: bad, kind: 'welzijn', topics: ['huur'] }),
        },
        {
          method: 'PATCH',
          path: `/api/v1/partners/${t.a.partner.id}`,
          token: t.a.coordinator,
          field: 'name',
          body: (bad) => ({ name: bad }),
        },
        {
          method: 'POST',
          path: '/api/v1/courses',
          token: t.a.coordinator,
          field: 'note',
          body: (bad) => ({ locationId: loc, type: 'digisterker', startDate: '2026-01-05', sessions: 4, enrolled: 8, note: bad }),
        },
        { method: 'POST', path: '/api/v1/keys', token: t.a.coordinator, field: 'name', body: (bad) => ({ kind: 'secret', name: bad }) },
        { method: 'POST', path: '/api/v1/organisations', token: t.national, field: 'name', body: (bad) => ({ name: bad }) },
        {
          method: 'PATCH',
          path: `/api/v1/organisations/${t.a.organisation.id}`,
          token: t.national,
          field: 'name',
          body: (bad) => ({ name: bad }),
        },
        {
          method: 'POST',
          path: '/api/v1/registrations',
          token: t.a.coordinator,
          field: 'note',
          body: (bad) => visit({ locationId: loc, note: bad }),
        },
        { method: 'POST', path: '/api/v1/auth/login', token: '', field: 'email', body: (bad) => ({ email: bad, password: 'x' }) },
      ];
      for (const c of cases) {
        for (const [bad, what] of REFUSED) {
          const r = await ctx.call(c.method, c.path, { token: c.token || undefined, body: c.body(bad) });
          refusedIn(r, c.field, `${c.method} ${c.path} ${c.field} with ${what}`);
        }
      }
      // A key with a refused character is named by its path too.
      refusedIn(
        await ctx.call('POST', '/api/v1/organisations', { token: t.national, body: { name: 'Ok', ['x\u0000']: 1 } }),
        'x\\u0000',
        'a key',
      );
      assert.equal(await snapshot(ctx), stored, 'nothing was stored');
    });

    it('keeps tab and line breaks in a note, and stores exactly what was sent', async () => {
      const note = 'Eerste regel\nTweede\tregel\r\nmet 😀';
      const r = await ctx.call('POST', '/api/v1/courses', {
        token: t.a.coordinator,
        body: { locationId: t.a.location.id, type: 'digisterker', startDate: '2026-01-05', sessions: 4, enrolled: 8, note },
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.note, note);
      const again = await ctx.call('GET', `/api/v1/courses/${r.body.id}`, { token: t.a.coordinator });
      assert.equal(again.body.note, note);
      await ctx.call('DELETE', `/api/v1/courses/${r.body.id}`, { token: t.a.coordinator });
      stored = await snapshot(ctx);
    });

    it('marks only the batch item with a refused character invalid', async () => {
      const r = await ctx.call('POST', '/api/v1/registrations/batch', {
        token: t.a.coordinator,
        body: { registrations: [visit({ locationId: t.a.location.id, note: 'a\u0000' }), visit({ locationId: t.a.location.id })] },
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        r.body.results.map((x: { status: string }) => x.status),
        ['invalid', 'created'],
      );
      assert.deepEqual(
        r.body.results[0].errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
        ['note:invalid-character'],
      );
      // Outside the items, the batch body itself is checked like any other.
      refusedIn(
        await ctx.call('POST', '/api/v1/registrations/batch', {
          token: t.a.coordinator,
          body: { registrations: [visit({ locationId: t.a.location.id })], ['x\ud800']: 1 },
        }),
        'x\\ud800',
        'a batch key',
      );
      stored = await snapshot(ctx);
    });

    it('answers 400 with the parameter named for a refused character in a query string', async () => {
      const queries: Array<[string, string, string | undefined]> = [
        ['/api/v1/public/locations?q=a%00b', 'q', undefined],
        ['/api/v1/public/locations?q=Utrecht%01', 'q', undefined],
        ['/api/v1/public/stats?municipality=Utrecht%00', 'municipality', undefined],
        ['/api/v1/public/stats?province=%7F', 'province', undefined],
        ['/api/v1/reports/summary?from=2026-01-01&to=2026-12-31&municipality=a%00', 'municipality', t.national],
        ['/api/v1/reports/summary?from=2026-01-01&to=2026-12-31&province=%1b', 'province', t.national],
        ['/api/v1/reports/export?format=csv&view=summary&from=2026-01-01&to=2026-12-31&municipality=%00', 'municipality', t.national],
        ['/api/v1/registrations?topic=%00', 'topic', t.a.coordinator],
        ['/api/v1/public/locations?q%00=x', 'q\\u0000', undefined],
        // Percent-encoding that is not UTF-8: an encoded lone surrogate, a stray byte, a stray %.
        ['/api/v1/public/locations?q=a%ED%A0%80b', 'q', undefined],
        ['/api/v1/public/stats?municipality=%ff', 'municipality', undefined],
        ['/api/v1/reports/summary?from=2026-01-01&to=2026-12-31&municipality=50%', 'municipality', t.national],
      ];
      for (const [path, param, token] of queries) {
        const r = await ctx.call('GET', path, { token });
        assert.equal(r.status, 400, `${path}: ${r.text.slice(0, 300)}`);
        assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.deepEqual(
          r.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
          [`${param}:invalid-character`],
          path,
        );
        assert.ok(r.body.detail.includes(param), `${path}: ${r.body.detail}`);
      }
      const en = await ctx.call('GET', '/api/v1/public/locations?q=a%00b', { headers: { 'accept-language': 'en' } });
      assert.match(en.body.detail, /The parameter q contains a character that cannot be read/);
    });

    it('answers 400 for a body that is not UTF-8, instead of storing U+FFFD', async () => {
      const bytes = (...parts: Array<string | number[]>) =>
        new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
      for (const raw of [
        bytes('{"name":"', [0xff], '"}'),
        bytes('{"name":"', [0xc3], '"}'), // a sequence cut short
        bytes('{"name":"', [0xed, 0xa0, 0x80], '"}'), // a surrogate written as UTF-8
        bytes('{"name":"', [0xc0, 0xaf], '"}'), // an overlong encoding of "/"
      ]) {
        const r = await ctx.call('POST', '/api/v1/organisations', {
          token: t.national,
          raw,
          headers: { 'content-type': 'application/json' },
        });
        assert.equal(r.status, 400, r.text);
        assert.equal(r.body.detail, 'De inhoud is geen geldige UTF-8-tekst.');
      }
      // A byte-order mark before the JSON is still fine.
      const bom = await ctx.call('PATCH', `/api/v1/organisations/${t.a.organisation.id}`, {
        token: t.national,
        raw: bytes([0xef, 0xbb, 0xbf], JSON.stringify({ name: t.a.organisation.name })),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(bom.status, 200, bom.text);
      stored = await snapshot(ctx);
    });

    it('refuses a refused character in an import form field or file name with 422', async () => {
      const form = (name: string, fields: Record<string, string> = {}) => {
        const f = new FormData();
        f.set('file', new Blob(['datum;kanaal\n'], { type: 'text/csv' }), name);
        for (const [k, v] of Object.entries(fields)) f.set(k, v);
        return f;
      };
      refusedIn(
        await ctx.call('POST', '/api/v1/imports', { token: t.a.coordinator, raw: form('oud\u0000.csv') as never }),
        'file',
        'file name',
      );
      refusedIn(
        await ctx.call('POST', '/api/v1/imports', { token: t.a.coordinator, raw: form('oud.csv', { locationId: 'x\u0000' }) as never }),
        'locationId',
        'form field',
      );
      assert.equal(await snapshot(ctx), stored);
    });
  });
}
