import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Registration } from '../../sdk/schemas/registration.js';
import { page } from '../../sdk/schemas/common.js';
import { backends, createTestContext, seedTenants, visit, type TestContext } from '../helpers/context.js';

type Tenants = Awaited<ReturnType<typeof seedTenants>>;

const HOUR = 3600_000;

async function count(ctx: TestContext, table: 'registrations' | 'questions' | 'audit_log', where = sql`true`): Promise<number> {
  const [row] = await ctx.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return Number(row.n);
}

/** A visit with four questions, for the "one row per question" checks. */
function fourQuestions(overrides: Record<string, unknown> = {}) {
  return visit({
    questions: [
      { type: 'digitale-overheid', topic: 'huurtoeslag', agencies: ['dienst-toeslagen'], help: ['digitaal-contact'] },
      { type: 'digitale-overheid', topic: 'digid-aanvragen', agencies: ['logius'], help: ['digitaal-contact'], digid: 'nee' },
      { type: 'bibliotheekdienst', topic: 'overig' },
      {
        type: 'digitale-overheid',
        topic: 'aow-pensioen',
        agencies: ['svb'],
        help: ['doorverwijzing'],
        referral: { partnerKind: 'ouderenbond', warm: false },
      },
    ],
    ...overrides,
  });
}

for (const backend of backends) {
  describe(`registrations: creating on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let now = new Date('2026-11-28T11:00:00Z');
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it("stores a coordinator's visit with its questions and an audit entry, and answers 201 with the stored registration", async () => {
      const r = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: fourQuestions({ locationId: t.a.location.id, occurredAt: '2026-11-28T10:15:00+01:00', note: 'Kwam terug voor de aanvraag.' }),
      });
      assert.equal(r.status, 201, r.text);
      assert.match(r.body.id, /^[0-9a-f-]{36}$/);
      assert.equal(r.body.organisationId, t.a.organisation.id);
      assert.equal(r.body.locationId, t.a.location.id);
      assert.equal(new Date(r.body.occurredAt).toISOString(), '2026-11-28T09:15:00.000Z');
      assert.equal(r.body.channel, 'balie');
      assert.equal(r.body.duration, '5-15');
      assert.equal(r.body.note, 'Kwam terug voor de aanvraag.');
      assert.equal(r.body.questions.length, 4);
      assert.deepEqual(r.body.questions[2], {
        type: 'bibliotheekdienst',
        topic: 'overig',
        agencies: [],
        help: [],
        referral: null,
        digid: null,
      });
      assert.deepEqual(r.body.questions[3].referral, { partnerId: null, partnerKind: 'ouderenbond', warm: false });
      assert.equal(r.body.createdAt, now.toISOString());
      assert.equal(r.headers.get('location'), `/api/v1/registrations/${r.body.id}`);
      // What the SDK parses every answer with.
      assert.ok(z.safeParse(Registration, r.body).success);

      const [row] = await ctx.rows<Record<string, unknown>>(
        sql`select organisation_id, location_id, taxonomy_version, created_by, body_hash from registrations where id = ${r.body.id}`,
      );
      assert.equal(row.organisation_id, t.a.organisation.id);
      assert.equal(row.taxonomy_version, '2024');
      assert.match(String(row.created_by), /^user:/);
      assert.match(String(row.body_hash), /^[0-9a-f]{64}$/);
      const qs = await ctx.rows<{ position: number; topic: string; digid: string | null }>(
        sql`select position, topic, digid from questions where registration_id = ${r.body.id} order by position`,
      );
      assert.deepEqual(
        qs.map((q) => [Number(q.position), q.topic]),
        [
          [0, 'huurtoeslag'],
          [1, 'digid-aanvragen'],
          [2, 'overig'],
          [3, 'aow-pensioen'],
        ],
      );
      assert.equal(qs[1].digid, 'nee');
      const audits = await ctx.rows<{ action: string; actor: string; changes: { id: string } }>(
        sql`select action, actor, changes from audit_log where entity = 'registration' and entity_id = ${r.body.id}`,
      );
      assert.equal(audits.length, 1);
      assert.equal(audits[0].action, 'create');
      assert.equal(audits[0].actor, row.created_by);
      assert.equal(audits[0].changes.id, r.body.id);
    });

    it('accepts a secret key (its organisation) and a national user (organisation from the location)', async () => {
      const secret = await ctx.call('POST', '/api/v1/registrations', {
        token: t.b.secretKey,
        body: visit({ locationId: t.b.location.id }),
      });
      assert.equal(secret.status, 201, secret.text);
      assert.equal(secret.body.organisationId, t.b.organisation.id);
      const [row] = await ctx.rows<{ created_by: string }>(sql`select created_by from registrations where id = ${secret.body.id}`);
      assert.equal(row.created_by, `key:${t.b.secretKeyId}`);

      const national = await ctx.call('POST', '/api/v1/registrations', {
        token: t.national,
        body: visit({ locationId: t.b.location2.id }),
      });
      assert.equal(national.status, 201, national.text);
      assert.equal(national.body.organisationId, t.b.organisation.id);
      assert.equal(national.body.locationId, t.b.location2.id);
    });

    it('lets a desk key register from its origin, at its own location by default, with the time defaulting to now', async () => {
      const r = await ctx.call('POST', '/api/v1/registrations', { token: t.a.deskKey, headers: { origin: t.a.deskOrigin }, body: visit() });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.locationId, t.a.location.id);
      assert.equal(r.body.organisationId, t.a.organisation.id);
      assert.equal(r.body.occurredAt, now.toISOString());
      const [row] = await ctx.rows<{ created_by: string }>(sql`select created_by from registrations where id = ${r.body.id}`);
      assert.equal(row.created_by, `key:${t.a.deskKeyId}`);

      const noOrigin = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.deskKeyNoOrigin,
        body: visit({ locationId: t.a.location.id }),
      });
      assert.equal(noOrigin.status, 201, noOrigin.text);
    });

    it('refuses a desk key at another location, and callers without a location, storing nothing', async () => {
      const before = await count(ctx, 'registrations');
      const other = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.deskKey,
        headers: { origin: t.a.deskOrigin },
        body: visit({ locationId: t.a.location2.id }),
      });
      assert.equal(other.status, 422);
      assert.deepEqual(
        other.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
        [['locationId', 'unknown-id']],
      );

      for (const token of [t.a.coordinator, t.a.secretKey, t.national]) {
        const r = await ctx.call('POST', '/api/v1/registrations', { token, body: visit() });
        assert.equal(r.status, 422);
        assert.equal(r.body.errors[0].path, 'locationId');
        assert.equal(r.body.errors[0].code, 'location-required');
        assert.equal(r.body.errors[0].message, 'Kies een locatie.');
      }
      const anonymous = await ctx.call('POST', '/api/v1/registrations', { body: visit({ locationId: t.a.location.id }) });
      assert.equal(anonymous.status, 401);
      assert.equal(await count(ctx, 'registrations'), before);
    });

    it('allows backdating, a little clock skew, and refuses a visit in the future', async () => {
      const old = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({ locationId: t.a.location.id, occurredAt: '2023-01-15T14:00:00+01:00' }),
      });
      assert.equal(old.status, 201, old.text);
      assert.equal(old.body.occurredAt, '2023-01-15T13:00:00.000Z');
      const skew = new Date(now.getTime() + 60_000).toISOString();
      assert.equal(
        (
          await ctx.call('POST', '/api/v1/registrations', {
            token: t.a.coordinator,
            body: visit({ locationId: t.a.location.id, occurredAt: skew }),
          })
        ).status,
        201,
      );

      const before = await count(ctx, 'registrations');
      const future = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({ locationId: t.a.location.id, occurredAt: new Date(now.getTime() + HOUR).toISOString() }),
      });
      assert.equal(future.status, 422);
      assert.deepEqual(future.body.errors, [{ path: 'occurredAt', code: 'future', message: 'Dit tijdstip ligt in de toekomst.' }]);
      assert.equal(await count(ctx, 'registrations'), before);
    });

    it('lists every unknown code at its dotted path in one 422', async () => {
      const before = await count(ctx, 'registrations');
      const r = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: {
          locationId: t.a.location.id,
          channel: 'postduif',
          duration: '5-15',
          questions: [
            {
              type: 'digitale-overheid',
              topic: 'huurtoeslagen',
              agencies: ['dienst-toeslagen', 'ministerie-van-magie'],
              help: ['toveren'],
              digid: 'misschien',
              referral: { partnerKind: 'kabouters' },
            },
            { type: 'iets-anders', topic: 'huurtoeslag' },
          ],
        },
      });
      assert.equal(r.status, 422);
      assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
      const got = r.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort();
      assert.deepEqual(got, [
        'channel:unknown-code',
        'questions.0.agencies.1:unknown-code',
        'questions.0.digid:unknown-code',
        'questions.0.help.0:unknown-code',
        'questions.0.referral.partnerKind:unknown-code',
        'questions.0.topic:unknown-code',
        'questions.1.type:unknown-code',
      ]);
      const topic = r.body.errors.find((e: { path: string }) => e.path === 'questions.0.topic');
      assert.equal(topic.message, 'Onbekende code "huurtoeslagen" in de lijst topics.');
      assert.equal(await count(ctx, 'registrations'), before);
    });

    it('refuses personal data in the note, naming the kind, in Dutch and English, and stores nothing', async () => {
      const before = await count(ctx, 'registrations');
      const cases: [string, string, string][] = [
        ['BSN van de bezoeker is 111222333', 'BSN', 'BSN'],
        ['Rekening NL91 ABNA 0417 1643 00 gecontroleerd', 'IBAN', 'IBAN'],
        ['Bel terug op 06-12345678', 'telefoonnummer', 'phone number'],
        ['Mail naar jan.jansen@example.nl gestuurd', 'e-mailadres', 'e-mail address'],
      ];
      for (const [note, nl, en] of cases) {
        const r = await ctx.call('POST', '/api/v1/registrations', {
          token: t.a.coordinator,
          body: visit({ locationId: t.a.location.id, note }),
        });
        assert.equal(r.status, 422, note);
        const issue = r.body.errors.find((e: { path: string }) => e.path === 'note');
        assert.equal(issue.code, 'personal-data');
        assert.ok(issue.message.includes(nl), `${issue.message} names ${nl}`);
        const english = await ctx.call('POST', '/api/v1/registrations', {
          token: t.a.coordinator,
          headers: { 'accept-language': 'en' },
          body: visit({ locationId: t.a.location.id, note }),
        });
        assert.equal(english.status, 422);
        assert.ok(english.body.errors.find((e: { path: string }) => e.path === 'note').message.includes(en));
        assert.equal(english.body.title, 'Some fields are not valid');
      }
      const both = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({ locationId: t.a.location.id, note: 'BSN 111222333 en 06-12345678', channel: 'fax' }),
      });
      assert.deepEqual(both.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(), [
        'channel:unknown-code',
        'note:personal-data',
        'note:personal-data',
      ]);
      assert.equal(await count(ctx, 'registrations'), before);

      const ordinary = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({
          locationId: t.a.location.id,
          note: 'Uitleg gegeven over de huurtoeslag 2026, verwezen naar het spreekuur van dinsdag.',
        }),
      });
      assert.equal(ordinary.status, 201, ordinary.text);
    });

    it("refuses another organisation's location or partner as unknown-id and accepts its own partner", async () => {
      const before = await count(ctx, 'registrations');
      const loc = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: visit({ locationId: t.b.location.id }) });
      assert.equal(loc.status, 422);
      assert.deepEqual(
        loc.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
        [['locationId', 'unknown-id']],
      );
      const partner = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({
          locationId: t.a.location.id,
          questions: [{ type: 'digitale-overheid', topic: 'huurtoeslag', referral: { partnerId: t.b.partner.id, warm: true } }],
        }),
      });
      assert.equal(partner.status, 422);
      assert.deepEqual(
        partner.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
        [['questions.0.referral.partnerId', 'unknown-id']],
      );
      const notAnId = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({ locationId: 'kantoor-1', questions: [{ type: 'overig', topic: 'overig', referral: { partnerId: 'x' } }] }),
      });
      assert.equal(notAnId.status, 422);
      assert.deepEqual(notAnId.body.errors.map((e: { path: string }) => e.path).sort(), ['locationId', 'questions.0.referral.partnerId']);
      assert.equal(await count(ctx, 'registrations'), before);

      const own = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.deskKey,
        headers: { origin: t.a.deskOrigin },
        body: visit({
          questions: [
            {
              type: 'digitale-overheid',
              topic: 'huurtoeslag',
              referral: { partnerId: t.a.partner.id, partnerKind: 'sociaal-raadslieden', warm: true },
            },
          ],
        }),
      });
      assert.equal(own.status, 201, own.text);
      assert.deepEqual(own.body.questions[0].referral, { partnerId: t.a.partner.id, partnerKind: 'sociaal-raadslieden', warm: true });
      const [q] = await ctx.rows<{ referral_partner_id: string; referral_warm: boolean }>(
        sql`select referral_partner_id, referral_warm from questions where registration_id = ${own.body.id}`,
      );
      assert.equal(q.referral_partner_id, t.a.partner.id);
      assert.equal(q.referral_warm, true);
    });
  });

  describe(`registrations: idempotency on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let now = new Date('2026-11-28T11:00:00Z');
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now, config: { sessionHours: 24 * 30 } });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it('answers a replay with 200 and the stored registration, even an hour later without occurredAt', async () => {
      const id = randomUUID();
      const body = visit({ id, locationId: t.a.location.id });
      const first = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body });
      assert.equal(first.status, 201, first.text);
      now = new Date(now.getTime() + HOUR);
      const again = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body });
      assert.equal(again.status, 200, again.text);
      assert.deepEqual(again.body, first.body);
      // Same content written differently: key order, defaults spelled out, another offset for the same instant.
      const desk = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.deskKey,
        headers: { origin: t.a.deskOrigin },
        body: {
          questions: [{ help: ['digitaal-contact'], agencies: ['dienst-toeslagen'], topic: 'huurtoeslag', type: 'digitale-overheid' }],
          duration: '5-15',
          channel: 'balie',
          id,
        },
      });
      assert.equal(desk.status, 200, desk.text);
      assert.equal(await count(ctx, 'registrations', sql`id = ${id}`), 1);
      assert.equal(await count(ctx, 'questions', sql`registration_id = ${id}`), 1);
      assert.equal(await count(ctx, 'audit_log', sql`entity_id = ${id}`), 1);

      const timed = visit({ id: randomUUID(), locationId: t.a.location.id, occurredAt: '2026-11-28T10:00:00+01:00' });
      assert.equal((await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: timed })).status, 201);
      assert.equal(
        (
          await ctx.call('POST', '/api/v1/registrations', {
            token: t.a.coordinator,
            body: { ...timed, occurredAt: '2026-11-28T09:00:00Z' },
          })
        ).status,
        200,
      );
    });

    it("answers 409 for the same id with another body, for a deleted id, and for another organisation's id", async () => {
      const id = randomUUID();
      assert.equal(
        (await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: visit({ id, locationId: t.a.location.id }) }))
          .status,
        201,
      );
      const other = await ctx.call('POST', '/api/v1/registrations', {
        token: t.a.coordinator,
        body: visit({ id, locationId: t.a.location.id, duration: '60+' }),
      });
      assert.equal(other.status, 409);
      assert.match(other.headers.get('content-type')!, /application\/problem\+json/);
      assert.equal(other.body.title, 'Dit botst met wat al is opgeslagen');

      const theirs = await ctx.call('POST', '/api/v1/registrations', {
        token: t.b.coordinator,
        body: visit({ id, locationId: t.b.location.id }),
      });
      assert.equal(theirs.status, 409);
      assert.equal(JSON.stringify(theirs.body).includes(t.a.organisation.id), false);
      const [row] = await ctx.rows<{ organisation_id: string; duration: string }>(
        sql`select organisation_id, duration from registrations where id = ${id}`,
      );
      assert.equal(row.organisation_id, t.a.organisation.id);
      assert.equal(row.duration, '5-15');

      const deleted = randomUUID();
      const body = visit({ id: deleted, locationId: t.a.location.id });
      assert.equal((await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body })).status, 201);
      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${deleted}`, { token: t.a.coordinator })).status, 204);
      const reuse = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body });
      assert.equal(reuse.status, 409);
      assert.equal(await count(ctx, 'registrations', sql`id in (${id}, ${deleted})`), 2);
    });

    it('stores exactly one registration for ten concurrent requests with one id', async () => {
      const id = randomUUID();
      const body = fourQuestions({ id, locationId: t.a.location.id });
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body })),
      );
      const statuses = responses.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 200, 200, 201], responses.map((r) => r.text).join('\n'));
      assert.ok(responses.every((r) => r.body.id === id && r.body.questions.length === 4));
      assert.equal(await count(ctx, 'registrations', sql`id = ${id}`), 1);
      assert.equal(await count(ctx, 'questions', sql`registration_id = ${id}`), 4);
      assert.equal(await count(ctx, 'audit_log', sql`entity_id = ${id}`), 1);

      // Concurrent and different: one wins, the others conflict.
      const contested = randomUUID();
      const mixed = await Promise.all(
        ['0-5', '5-15', '15-30', '30-60', '60+'].map((duration) =>
          ctx.call('POST', '/api/v1/registrations', {
            token: t.a.coordinator,
            body: visit({ id: contested, locationId: t.a.location.id, duration }),
          }),
        ),
      );
      assert.deepEqual(mixed.map((r) => r.status).sort(), [201, 409, 409, 409, 409]);
      assert.equal(await count(ctx, 'registrations', sql`id = ${contested}`), 1);
    });
  });

  describe(`registrations: listing on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    let now = new Date('2026-11-29T12:00:00Z');
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now, config: { sessionHours: 24 * 30 } });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    const create = async (token: string, body: Record<string, unknown>) => {
      const r = await ctx.call('POST', '/api/v1/registrations', { token, body });
      assert.equal(r.status, 201, r.text);
      return r.body as { id: string; occurredAt: string };
    };

    it('pages newest first with a keyset cursor, without duplicates, ending with nextCursor null', async () => {
      const made = [];
      for (let i = 0; i < 7; i++) {
        // Two share an instant, so the id decides their order.
        const occurredAt = new Date(Date.UTC(2026, 9, 1 + Math.min(i, 5), 9, 0)).toISOString();
        made.push(await create(t.a.coordinator, visit({ locationId: t.a.location2.id, occurredAt })));
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      const sizes: number[] = [];
      do {
        const path: string = `/api/v1/registrations?locationId=${t.a.location2.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const r = await ctx.call('GET', path, { token: t.a.coordinator });
        assert.equal(r.status, 200, r.text);
        sizes.push(r.body.items.length);
        seen.push(...r.body.items.map((x: { id: string }) => x.id));
        cursor = r.body.nextCursor;
      } while (cursor);
      assert.deepEqual(sizes, [3, 3, 1]);
      const first = await ctx.call('GET', `/api/v1/registrations?locationId=${t.a.location2.id}&limit=3`, { token: t.a.coordinator });
      assert.ok(z.safeParse(page(Registration), first.body).success);
      assert.equal(new Set(seen).size, 7);
      const expected = made
        .slice()
        .sort((x, y) => (x.occurredAt === y.occurredAt ? (x.id < y.id ? 1 : -1) : x.occurredAt < y.occurredAt ? 1 : -1))
        .map((x) => x.id);
      assert.deepEqual(seen, expected);
    });

    it("filters by Amsterdam dates (inclusive), topic and location, within the caller's organisation", async () => {
      // 2026-11-28 in Amsterdam runs from 2026-11-27T23:00Z to 2026-11-28T23:00Z.
      const inside1 = await create(t.b.coordinator, visit({ locationId: t.b.location.id, occurredAt: '2026-11-27T23:30:00Z' }));
      const inside2 = await create(
        t.b.coordinator,
        visit({
          locationId: t.b.location.id,
          occurredAt: '2026-11-28T22:59:59Z',
          questions: [
            { type: 'digitale-overheid', topic: 'zorgtoeslag' },
            { type: 'digitale-overheid', topic: 'digid-app' },
          ],
        }),
      );
      await create(t.b.coordinator, visit({ locationId: t.b.location.id, occurredAt: '2026-11-27T22:59:00Z' }));
      await create(t.b.coordinator, visit({ locationId: t.b.location2.id, occurredAt: '2026-11-28T23:00:00Z' }));

      const day = await ctx.call('GET', '/api/v1/registrations?from=2026-11-28&to=2026-11-28', { token: t.b.coordinator });
      assert.equal(day.status, 200, day.text);
      assert.deepEqual(
        day.body.items.map((x: { id: string }) => x.id),
        [inside2.id, inside1.id],
      );
      assert.equal(day.body.nextCursor, null);

      const topic = await ctx.call('GET', '/api/v1/registrations?topic=digid-app', { token: t.b.secretKey });
      assert.deepEqual(
        topic.body.items.map((x: { id: string }) => x.id),
        [inside2.id],
      );
      assert.equal(topic.body.items[0].questions.length, 2);

      const loc2 = await ctx.call('GET', `/api/v1/registrations?locationId=${t.b.location2.id}`, { token: t.b.coordinator });
      assert.equal(loc2.body.items.length, 1);

      // Organisation a sees none of b's; the national user sees both.
      const crossed = await ctx.call('GET', `/api/v1/registrations?locationId=${t.b.location.id}`, { token: t.a.coordinator });
      assert.deepEqual(crossed.body.items, []);
      const all = await ctx.call('GET', '/api/v1/registrations?limit=500', { token: t.national });
      const orgs = new Set(all.body.items.map((x: { organisationId: string }) => x.organisationId));
      assert.deepEqual([...orgs].sort(), [t.a.organisation.id, t.b.organisation.id].sort());
      const firstPage = await ctx.call('GET', '/api/v1/registrations', { token: t.a.coordinator });
      assert.equal(firstPage.body.items.length, 7);
    });

    it("shows a desk key only its own location's registrations of the last 24 hours", async () => {
      const desk = { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } };
      const r = await ctx.call('POST', '/api/v1/registrations', { ...desk, body: visit({ occurredAt: '2026-11-20T10:00:00Z' }) });
      assert.equal(r.status, 201, r.text);
      const mine = r.body.id as string;
      const elsewhere = await create(t.a.coordinator, visit({ locationId: t.a.location2.id }));
      const atDeskByCoordinator = await create(t.a.coordinator, visit({ locationId: t.a.location.id }));

      const list = await ctx.call('GET', '/api/v1/registrations', desk);
      assert.equal(list.status, 200, list.text);
      // Backdated by a week, but made just now: the window runs on when it was made.
      assert.deepEqual(list.body.items.map((x: { id: string }) => x.id).sort(), [mine, atDeskByCoordinator.id].sort());
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${mine}`, desk)).status, 200);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${elsewhere.id}`, desk)).status, 404);

      now = new Date(now.getTime() + 23 * HOUR);
      assert.equal((await ctx.call('GET', '/api/v1/registrations', desk)).body.items.length, 2);
      now = new Date(now.getTime() + 2 * HOUR);
      const later = await ctx.call('GET', '/api/v1/registrations', desk);
      assert.deepEqual(later.body.items, []);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${mine}`, desk)).status, 404);
      assert.equal((await ctx.call('PATCH', `/api/v1/registrations/${mine}`, { ...desk, body: { duration: '0-5' } })).status, 404);
      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${mine}`, desk)).status, 404);
      const coordinator = await ctx.call('GET', `/api/v1/registrations/${mine}`, { token: t.a.coordinator });
      assert.equal(coordinator.status, 200);
      assert.equal(coordinator.body.duration, '5-15');
      assert.equal(await count(ctx, 'registrations', sql`id = ${mine} and deleted_at is null`), 1);
    });
  });

  describe(`registrations: reading, correcting and deleting on ${backend}`, () => {
    let ctx: TestContext;
    let t: Tenants;
    const now = new Date('2026-11-28T11:00:00Z');
    before(async () => {
      ctx = await createTestContext(backend, { clock: () => now });
      t = await seedTenants(ctx);
    });
    after(() => ctx.close());

    it("reads one registration, and answers 404 for another organisation's", async () => {
      const r = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: visit({ locationId: t.a.location.id }) });
      const got = await ctx.call('GET', `/api/v1/registrations/${r.body.id}`, { token: t.a.secretKey });
      assert.equal(got.status, 200);
      assert.deepEqual(got.body, r.body);
      const theirs = await ctx.call('GET', `/api/v1/registrations/${r.body.id}`, { token: t.b.coordinator });
      assert.equal(theirs.status, 404);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${r.body.id}`, { token: t.national })).status, 200);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${randomUUID()}`, { token: t.a.coordinator })).status, 404);
      assert.equal(
        (await ctx.call('PATCH', `/api/v1/registrations/${r.body.id}`, { token: t.b.coordinator, body: { duration: '0-5' } })).status,
        404,
      );
      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${r.body.id}`, { token: t.b.secretKey })).status, 404);
      assert.equal(await count(ctx, 'registrations', sql`id = ${r.body.id} and deleted_at is null and duration = '5-15'`), 1);
    });

    it('merges a correction, replaces the questions, keeps an audit trail of create, update and delete, then answers 404', async () => {
      const desk = { token: t.a.deskKey, headers: { origin: t.a.deskOrigin } };
      const created = await ctx.call('POST', '/api/v1/registrations', { ...desk, body: fourQuestions({ note: 'Eerste bezoek.' }) });
      assert.equal(created.status, 201, created.text);
      const id = created.body.id as string;

      const patched = await ctx.call('PATCH', `/api/v1/registrations/${id}`, {
        ...desk,
        body: { duration: '15-30', questions: [{ type: 'digitale-overheid', topic: 'zorgtoeslag', agencies: ['dienst-toeslagen'] }] },
      });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.body.duration, '15-30');
      assert.equal(patched.body.channel, 'balie');
      assert.equal(patched.body.note, 'Eerste bezoek.');
      assert.deepEqual(patched.body.questions, [
        { type: 'digitale-overheid', topic: 'zorgtoeslag', agencies: ['dienst-toeslagen'], help: [], referral: null, digid: null },
      ]);
      assert.equal(await count(ctx, 'questions', sql`registration_id = ${id}`), 1);

      const refused = await ctx.call('PATCH', `/api/v1/registrations/${id}`, {
        ...desk,
        body: { note: 'Bel 06-12345678', channel: 'duif', locationId: t.a.location2.id },
      });
      assert.equal(refused.status, 422);
      assert.deepEqual(refused.body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort(), [
        'channel:unknown-code',
        'locationId:unknown-id',
        'note:personal-data',
      ]);

      const cleared = await ctx.call('PATCH', `/api/v1/registrations/${id}`, {
        token: t.a.coordinator,
        body: { note: null, locationId: t.a.location2.id },
      });
      assert.equal(cleared.status, 200, cleared.text);
      assert.equal(cleared.body.note, null);
      assert.equal(cleared.body.locationId, t.a.location2.id);
      const moveAway = await ctx.call('PATCH', `/api/v1/registrations/${id}`, {
        token: t.a.coordinator,
        body: { locationId: t.b.location.id },
      });
      assert.equal(moveAway.status, 422);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${id}`, { token: t.a.coordinator })).body.note, null);

      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${id}`, { token: t.a.coordinator })).status, 204);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${id}`, { token: t.a.coordinator })).status, 404);
      assert.equal(
        (await ctx.call('PATCH', `/api/v1/registrations/${id}`, { token: t.a.coordinator, body: { duration: '0-5' } })).status,
        404,
      );
      assert.equal((await ctx.call('DELETE', `/api/v1/registrations/${id}`, { token: t.a.coordinator })).status, 404);
      const list = await ctx.call('GET', '/api/v1/registrations', { token: t.a.coordinator });
      assert.ok(!list.body.items.some((x: { id: string }) => x.id === id));
      const [row] = await ctx.rows<{ deleted_at: unknown }>(sql`select deleted_at from registrations where id = ${id}`);
      assert.ok(row.deleted_at);

      const trail = await ctx.call('GET', `/api/v1/registrations/${id}/audit`, { token: t.a.coordinator });
      assert.equal(trail.status, 200, trail.text);
      assert.deepEqual(
        trail.body.items.map((e: { action: string }) => e.action),
        ['create', 'update', 'update', 'delete'],
      );
      const [create, update, update2, remove] = trail.body.items;
      assert.equal(create.actor, `key:${t.a.deskKeyId}`);
      assert.equal(update.actor, `key:${t.a.deskKeyId}`);
      assert.match(update2.actor, /^user:/);
      assert.equal(remove.actor, update2.actor);
      assert.deepEqual(update.changes.duration, { from: '5-15', to: '15-30' });
      assert.equal(update.changes.questions.from.length, 4);
      assert.equal(update.changes.channel, undefined);
      assert.deepEqual(update2.changes.note, { from: 'Eerste bezoek.', to: null });
      assert.equal(create.at, now.toISOString());

      assert.equal((await ctx.call('GET', `/api/v1/registrations/${id}/audit`, desk)).status, 403);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${id}/audit`, { token: t.b.coordinator })).status, 404);
      assert.equal((await ctx.call('GET', `/api/v1/registrations/${id}/audit`, { token: t.national })).status, 200);
    });

    it('does not write or audit a correction that changes nothing', async () => {
      const r = await ctx.call('POST', '/api/v1/registrations', { token: t.a.coordinator, body: visit({ locationId: t.a.location.id }) });
      const same = await ctx.call('PATCH', `/api/v1/registrations/${r.body.id}`, { token: t.a.coordinator, body: { channel: 'balie' } });
      assert.equal(same.status, 200);
      assert.equal(await count(ctx, 'audit_log', sql`entity_id = ${r.body.id}`), 1);
    });
  });
}
