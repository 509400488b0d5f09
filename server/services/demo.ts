/** Demo mode (`IDO_DEMO=1`): fills an empty database with real library branches, partners, courses, logins, a fixed desk key and a year of visits. */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { count, eq, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { CourseInput, LocationInput, OrganisationInput, PartnerInput } from '../../sdk/schemas/index.js';
import { DEFAULT_CLOSED_ON_HOLIDAYS } from '../../sdk/holidays.js';
import { addDays, amsterdamInstant, amsterdamParts, hoursOn, type OpeningSchedule } from '../../sdk/opening-hours.js';
import { sha256 } from '../crypto.js';
import type { Database, Db } from '../db/client.js';
import {
  apiKeys,
  auditLog,
  courses,
  locations,
  organisations,
  partners,
  postcodes,
  questions,
  registrations,
  searchDemand,
} from '../db/schema.js';
import type { TaxonomyList } from '../../sdk/schemas/taxonomy.js';
import type { Deps } from '../types.js';
import { createUser } from './accounts.js';
import { bodyHash, type StoredQuestion } from './registrations.js';
import { rebuildAggregates } from './reports/rebuild.js';
import { prng } from './prng.js';

/** The fixed demo desk key: publishable by design, documented in the README, only ever created in demo mode. */
export const DEMO_DESK_KEY = 'ido_dk_demo_0000000000000000000000000000000000000000';
export const DEMO_NATIONAL = { email: 'landelijk@demo.ido-registratie.nl', password: 'demo-landelijk-2026' } as const;
export const DEMO_COORDINATOR_PASSWORD = 'demo-coordinator-2026';
export const demoCoordinatorEmail = (organisationKey: string) => `coordinator.${organisationKey}@demo.ido-registratie.nl`;

export const demoFile = fileURLToPath(new URL('../data/demo.json', import.meta.url));

export interface DemoLogin {
  role: 'national' | 'coordinator';
  label: string;
  email: string;
  password: string;
}
export interface DemoInfo {
  logins: DemoLogin[];
  deskKey: string;
  /** Name of the location the desk key registers at. */
  deskKeyLocation: string;
  /** Origins the desk key is accepted from. */
  origins: string[];
  /** Whether this call filled the database (false: it was filled before). */
  seeded: boolean;
  /** Visits in the database. */
  registrations: number;
}

// ---------------------------------------------------------------------------------------------
// The demo data file, checked with the API's own schemas so that demo data is always valid data.

const Key = z.string().check(z.regex(/^[a-z0-9-]+$/));
const DemoLocation = z.extend(z.omit(LocationInput, { organisationId: true }), { key: Key });
const DemoPartner = z.extend(z.omit(PartnerInput, { organisationId: true, locationIds: true }), { locations: z.optional(z.array(Key)) });
const DemoCourse = z.extend(z.omit(CourseInput, { locationId: true }), { location: Key });
const DemoOrganisation = z.extend(OrganisationInput, {
  key: Key,
  locations: z.array(DemoLocation).check(z.minLength(1)),
  partners: z._default(z.array(DemoPartner), []),
  courses: z._default(z.array(DemoCourse), []),
});
export const DemoData = z.strictObject({ organisations: z.array(DemoOrganisation).check(z.minLength(1)) });
export type DemoData = z.output<typeof DemoData>;

/** Reads and checks `server/data/demo.json`: schema, value-list codes, and references between its parts. */
export function loadDemoData(has: (list: TaxonomyList, code: string) => boolean, file = demoFile): DemoData {
  const parsed = z.safeParse(DemoData, JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Invalid demo data in ${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const data = parsed.data;
  const problems: string[] = [];
  const code = (list: TaxonomyList, value: string, where: string) => {
    if (!has(list, value)) problems.push(`${where}: unknown ${list} code "${value}"`);
  };
  data.organisations.forEach((org, o) => {
    const keys = new Set(org.locations.map((l) => l.key));
    if (keys.size !== org.locations.length) problems.push(`organisations.${o}: duplicate location keys`);
    org.locations.forEach((l, i) => {
      for (const h of l.closedOnHolidays ?? []) code('holidays', h, `organisations.${o}.locations.${i}.closedOnHolidays`);
    });
    org.partners.forEach((p, i) => {
      code('partnerKinds', p.kind, `organisations.${o}.partners.${i}.kind`);
      for (const t of p.topics) code('topics', t, `organisations.${o}.partners.${i}.topics`);
      (p.locations ?? []).forEach((k) => {
        if (!keys.has(k)) problems.push(`organisations.${o}.partners.${i}.locations: no location "${k}"`);
      });
    });
    org.courses.forEach((c, i) => {
      code('courseTypes', c.type, `organisations.${o}.courses.${i}.type`);
      if (!keys.has(c.location)) problems.push(`organisations.${o}.courses.${i}.location: no location "${c.location}"`);
      if (c.completed !== undefined && c.completed > c.enrolled)
        problems.push(`organisations.${o}.courses.${i}: more completed than enrolled`);
    });
  });
  if (problems.length) throw new Error(`Invalid demo data in ${file}:\n  ${problems.join('\n  ')}`);
  return data;
}

// ---------------------------------------------------------------------------------------------
// Seeding.

/** Origins the demo desk key accepts: the server's own, and its localhost and 127.0.0.1 forms. */
export function demoOrigins(origin: string, port: number): string[] {
  const out = new Set<string>();
  try {
    out.add(new URL(origin).origin);
  } catch {
    /* a malformed IDO_PUBLIC_URL is reported elsewhere */
  }
  const own = (() => {
    try {
      return Number(new URL(origin).port) || port;
    } catch {
      return port;
    }
  })();
  for (const p of new Set([own, port])) {
    if (!p) continue;
    out.add(`http://localhost:${p}`);
    out.add(`http://127.0.0.1:${p}`);
  }
  return [...out];
}

/**
 * Fills a database that has no organisations with the demo, and returns how to log in. When the
 * database was filled by an earlier demo start it adds nothing (it only lets the desk key accept this
 * server's origin too) and returns the same logins; when it holds other, real organisations it
 * returns null and touches nothing.
 */
export async function seedDemo(deps: Deps, options: { origin: string; port?: number }): Promise<DemoInfo | null> {
  const { database, logger } = deps;

  const origins = demoOrigins(options.origin, options.port ?? deps.config.port);
  const data = loadDemoData((list, code) => deps.taxonomy.has(list, code));
  const keyHash = sha256(DEMO_DESK_KEY);

  const seeded = await database.db.transaction(async (tx) => {
    // Two servers starting at once on one PostgreSQL must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(7242001)`);
    const [{ n }] = await tx.select({ n: count() }).from(organisations);
    if (n > 0) return false;
    const inTx = { ...database, db: tx as unknown as Db };
    await fill(deps, inTx, data, origins, keyHash);
    // The visits were inserted directly, around the write path that keeps the report aggregates.
    await rebuildAggregates(inTx, { taxonomy: deps.taxonomy });
    return true;
  });

  const [key] = await database.db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
  if (!key) {
    logger.info({ msg: 'demo not added: the database already has organisations' });
    return null;
  }
  if (!seeded) {
    const merged = [...new Set([...key.origins, ...origins])];
    if (merged.length !== key.origins.length) await database.db.update(apiKeys).set({ origins: merged }).where(eq(apiKeys.id, key.id));
  }
  const [location] = key.locationId
    ? await database.db.select({ name: locations.name }).from(locations).where(eq(locations.id, key.locationId)).limit(1)
    : [];
  const [{ visits }] = await database.db.select({ visits: count() }).from(registrations);
  const info: DemoInfo = {
    logins: [
      { role: 'national', label: 'Landelijk', email: DEMO_NATIONAL.email, password: DEMO_NATIONAL.password },
      ...data.organisations.map((o) => ({
        role: 'coordinator' as const,
        label: `Coördinator ${o.name}`,
        email: demoCoordinatorEmail(o.key),
        password: DEMO_COORDINATOR_PASSWORD,
      })),
    ],
    deskKey: DEMO_DESK_KEY,
    deskKeyLocation: location?.name ?? '',
    origins: [...new Set([...key.origins, ...origins])],
    seeded,
    registrations: visits,
  };
  if (seeded) logger.info({ msg: 'demo data added', organisations: data.organisations.length });
  return info;
}

interface SeededLocation {
  id: string;
  organisationId: string;
  variant: string;
  schedule: OpeningSchedule;
  opening: OpeningSchedule;
  weight: number;
  pc4: string;
}
interface SeededPartner {
  id: string;
  organisationId: string;
  kind: string;
  topics: string[];
}

async function fill(deps: Deps, database: Database, data: DemoData, origins: string[], keyHash: string) {
  const { db } = database;
  const seededLocations: SeededLocation[] = [];
  const seededPartners: SeededPartner[] = [];

  for (const org of data.organisations) {
    const [organisation] = await db
      .insert(organisations)
      .values({ name: org.name, municipality: org.municipality ?? null, province: org.province ?? null })
      .returning();
    const locationIds = new Map<string, string>();
    for (const l of org.locations) {
      const closedOnHolidays = l.closedOnHolidays ?? [...DEFAULT_CLOSED_ON_HOLIDAYS];
      const [row] = await db
        .insert(locations)
        .values({
          organisationId: organisation.id,
          name: l.name,
          address: { ...l.address },
          municipality: l.address.municipality ?? org.municipality ?? null,
          province: l.address.province ?? org.province ?? null,
          lat: l.coordinates.lat,
          lon: l.coordinates.lon,
          walkInHours: l.walkInHours ?? [],
          openingHours: l.openingHours ?? [],
          exceptions: (l.exceptions ?? []) as Record<string, unknown>[],
          closedOnHolidays,
          accessibility: l.accessibility ?? {},
          contact: l.contact ?? {},
          variant: l.variant ?? 'inloop',
          insideLibrary: l.insideLibrary ?? true,
          languages: l.languages ?? ['nl'],
        })
        .returning({ id: locations.id });
      locationIds.set(l.key, row.id);
      const exceptions = (l.exceptions ?? []) as OpeningSchedule['exceptions'];
      seededLocations.push({
        id: row.id,
        organisationId: organisation.id,
        variant: l.variant ?? 'inloop',
        schedule: {
          walkInHours: l.walkInHours ?? [],
          exceptions,
          closedOnHolidays: closedOnHolidays as OpeningSchedule['closedOnHolidays'],
        },
        opening: {
          walkInHours: l.openingHours ?? [],
          exceptions: [],
          closedOnHolidays: closedOnHolidays as OpeningSchedule['closedOnHolidays'],
        },
        // Appointment hours are short and full; central libraries see more walk-ins than branches.
        weight: l.variant === 'spreekuur' ? 1.3 : org.locations.indexOf(l) === 0 ? 1.2 : 0.9,
        pc4: l.address.postcode.slice(0, 4),
      });
    }
    for (const p of org.partners) {
      const [row] = await db
        .insert(partners)
        .values({
          organisationId: organisation.id,
          name: p.name,
          kind: p.kind,
          topics: p.topics,
          spreekuur: p.spreekuur ?? null,
          address: p.address ?? null,
          contact: p.contact ?? {},
          description: p.description ?? null,
          locationIds: (p.locations ?? []).map((k) => locationIds.get(k)!),
        })
        .returning({ id: partners.id });
      seededPartners.push({ id: row.id, organisationId: organisation.id, kind: p.kind, topics: p.topics });
    }
    if (org.courses.length) {
      await db.insert(courses).values(
        org.courses.map((c) => ({
          organisationId: organisation.id,
          locationId: locationIds.get(c.location)!,
          type: c.type,
          startDate: c.startDate,
          sessions: c.sessions,
          enrolled: c.enrolled,
          completed: c.completed ?? null,
          note: c.note ?? null,
        })),
      );
    }
    await createUser(database, {
      email: demoCoordinatorEmail(org.key),
      password: DEMO_COORDINATOR_PASSWORD,
      role: 'coordinator',
      organisationId: organisation.id,
    });
  }
  await createUser(database, { email: DEMO_NATIONAL.email, password: DEMO_NATIONAL.password, role: 'national', organisationId: null });

  const first = seededLocations[0];
  const [key] = await db
    .insert(apiKeys)
    .values({
      organisationId: first.organisationId,
      kind: 'desk',
      name: 'Demo-balie (alleen demo)',
      prefix: DEMO_DESK_KEY.slice(0, 11),
      keyHash,
      locationId: first.id,
      origins,
    })
    .returning({ id: apiKeys.id });
  await db.insert(auditLog).values({
    organisationId: first.organisationId,
    entity: 'key',
    entityId: key.id,
    action: 'create',
    actor: 'demo',
    changes: { kind: 'desk', locationId: first.id, origins },
  });

  const visits = demoVisits(deps, seededLocations, seededPartners);
  await insertVisits(db, visits, deps.taxonomy.current());
  await insertSearchDemand(db, deps.clock(), seededLocations);
}

// ---------------------------------------------------------------------------------------------
// A year of visits: walk-in hours, seasons (tax returns in spring, allowances in January), a
// weekday pattern, topics in realistic proportions and referrals to the demo partners.

interface DemoQuestion {
  type: string;
  topic: string;
  agencies: string[];
  help: string[];
  referral?: { partnerId?: string; partnerKind?: string; warm?: boolean };
  digid?: string;
}
interface DemoVisit {
  id: string;
  organisationId: string;
  locationId: string;
  occurredAt: Date;
  channel: string;
  duration: string;
  note?: string;
  questions: DemoQuestion[];
}

function weighted<T extends string>(random: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) {
    r -= w;
    if (r <= 0) return value;
  }
  return entries[entries.length - 1][0];
}

/** Poisson-distributed count (Knuth), fine for the small means used here. */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

const TOPICS: Record<string, number> = {
  'digid-aanvragen': 8,
  'digid-activeren': 7,
  'digid-app': 7,
  'digid-machtigen': 5,
  digid: 2,
  huurtoeslag: 9,
  zorgtoeslag: 7,
  kinderopvangtoeslag: 2,
  'kindgebonden-budget': 2,
  toeslagen: 2,
  belastingaangifte: 5,
  'belasting-overig': 3,
  'aow-pensioen': 6,
  'werk-uitkering': 5,
  'zorg-wmo': 4,
  'rijbewijs-voertuig': 3,
  studiefinanciering: 2,
  'boetes-betalingsregelingen': 3,
  huur: 3,
  kinderalimentatie: 1,
  rechtsbijstand: 1,
  'paspoort-id': 3,
  gemeente: 3,
  berichtenbox: 5,
  overig: 2,
};
/** Visitors per month relative to the year's average: quiet summers, busy springs. */
const MONTH = [1.2, 1.1, 1.45, 1.4, 1.0, 0.9, 0.6, 0.6, 1.0, 1.05, 1.1, 0.8];
const REFERRAL_CHANCE: Record<string, number> = {
  toeslagen: 0.3,
  belastingen: 0.3,
  'boetes-betalingsregelingen': 0.45,
  huur: 0.35,
  rechtsbijstand: 0.6,
  kinderalimentatie: 0.5,
  'zorg-wmo': 0.35,
  'werk-uitkering': 0.25,
  digid: 0.05,
};
const KIND_FOR: Record<string, string> = {
  toeslagen: 'sociaal-raadslieden',
  belastingen: 'formulierenbrigade',
  'boetes-betalingsregelingen': 'schuldhulp',
  huur: 'juridisch-loket',
  rechtsbijstand: 'juridisch-loket',
  kinderalimentatie: 'juridisch-loket',
  'zorg-wmo': 'clientondersteuning',
  'werk-uitkering': 'welzijn',
  'aow-pensioen': 'ouderenbond',
  digid: 'welzijn',
};
const NOTES = [
  'Vervolgafspraak gemaakt voor volgende week.',
  'Bezoeker had de brief bij zich; samen de website doorgenomen.',
  'Uitgelegd hoe de DigiD-app werkt.',
  'Samen de juiste pagina op de website gezocht.',
  'Bezoeker komt terug met de ontbrekende papieren.',
  'Tolk via de telefoon ingeschakeld.',
  'Gewezen op de cursus Digisterker.',
];

function demoVisits(deps: Deps, seeded: SeededLocation[], seededPartners: SeededPartner[]): DemoVisit[] {
  const now = deps.clock();
  const random = prng(20261128);
  const view = deps.taxonomy.view('nl');
  const topicInfo = new Map((view?.topics ?? []).map((t) => [t.code, t]));
  const today = amsterdamParts(now).date;
  const start = addDays(today, -365);
  const visits: DemoVisit[] = [];
  const parentOf = (code: string) => topicInfo.get(code)?.parent ?? code;

  const question = (orgId: string, used: Set<string>, month: number): DemoQuestion => {
    const weights = { ...TOPICS };
    if (month === 2 || month === 3) {
      weights.belastingaangifte *= 4;
      weights['belasting-overig'] *= 2;
    } // March–April: tax returns
    if (month === 0) {
      weights.huurtoeslag *= 1.6;
      weights.zorgtoeslag *= 1.6;
      weights.toeslagen *= 2;
    } // new allowance year
    if (month >= 8 && month <= 10) weights.zorgtoeslag *= 1.3; // new health insurance year ahead
    for (const t of used) delete weights[t];
    const topic = weighted(random, weights);
    used.add(topic);
    const roll = random();
    const type =
      topic === 'overig' ? (roll < 0.5 ? 'bibliotheekdienst' : 'overig') : roll < 0.04 ? 'bibliotheekdienst' : 'digitale-overheid';
    const agencies = type === 'digitale-overheid' ? [...(topicInfo.get(topic)?.agencies ?? [])].slice(0, random() < 0.85 ? 1 : 2) : [];
    const help = new Set<string>();
    help.add(random() < 0.8 ? 'digitaal-contact' : 'dienstverleners');
    if (random() < 0.15) help.add('dienstverleners');
    if (random() < 0.08) help.add('digitale-samenleving');
    if (random() < 0.06) help.add('cursus');
    const q: DemoQuestion = { type, topic, agencies, help: [] };
    const parent = parentOf(topic);
    if (type === 'digitale-overheid' && random() < (REFERRAL_CHANCE[topic] ?? REFERRAL_CHANCE[parent] ?? 0.1)) {
      const candidates = seededPartners.filter(
        (p) => p.organisationId === orgId && (p.topics.includes(topic) || p.topics.includes(parent)),
      );
      const partner = candidates.length && random() < 0.8 ? candidates[Math.floor(random() * candidates.length)] : undefined;
      q.referral = partner
        ? { partnerId: partner.id, partnerKind: partner.kind, warm: random() < 0.55 }
        : { partnerKind: KIND_FOR[topic] ?? KIND_FOR[parent] ?? 'overig', warm: false };
      help.add('doorverwijzing');
    }
    q.help = [...help];
    if (parent === 'digid') q.digid = weighted(random, { ja: 35, nee: 50, 'weet-niet': 15 });
    else if (type === 'digitale-overheid' && random() < 0.5) q.digid = weighted(random, { ja: 75, nee: 18, 'weet-niet': 7 });
    return q;
  };

  const visit = (l: SeededLocation, date: string, opens: string, closes: string, channel: string, month: number) => {
    const [oh, om] = opens.split(':').map(Number);
    const [ch, cm] = closes.split(':').map(Number);
    const startMin = oh * 60 + om;
    const minute = startMin + Math.floor(random() * Math.max(1, ch * 60 + cm - startMin - 5));
    const occurredAt = amsterdamInstant(
      date,
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
    );
    if (occurredAt > now) return;
    const used = new Set<string>();
    const n = weighted(random, { 1: 74, 2: 21, 3: 5 } as Record<string, number>);
    const qs = Array.from({ length: Number(n) }, () => question(l.organisationId, used, month));
    const durationWeights =
      channel === 'email-chat' || channel === 'telefoon'
        ? { '0-5': 35, '5-15': 45, '15-30': 15, '30-60': 5, '60+': 0 }
        : { '0-5': 12, '5-15': 38, '15-30': 30, '30-60': 15, '60+': 5 };
    if (qs.length > 1) {
      durationWeights['0-5'] /= 3;
      durationWeights['30-60'] *= 2;
    }
    visits.push({
      id: randomUUID(),
      organisationId: l.organisationId,
      locationId: l.id,
      occurredAt,
      channel,
      duration: weighted(random, durationWeights),
      questions: qs,
      ...(random() < 0.05 ? { note: NOTES[Math.floor(random() * NOTES.length)] } : {}),
    });
  };

  for (let i = 0; i <= 365; i++) {
    const date = addDays(start, i);
    const month = Number(date.slice(5, 7)) - 1;
    // Slow growth over the year, as more people find the desk.
    const trend = 0.8 + 0.4 * (i / 365);
    for (const l of seeded) {
      for (const range of hoursOn(l.schedule, date)) {
        const hours =
          (Number(range.closes.slice(0, 2)) * 60 +
            Number(range.closes.slice(3)) -
            Number(range.opens.slice(0, 2)) * 60 -
            Number(range.opens.slice(3))) /
          60;
        const n = poisson(random, 0.16 * hours * l.weight * MONTH[month] * trend);
        for (let k = 0; k < n; k++) {
          const channel = l.variant === 'spreekuur' ? (random() < 0.8 ? 'spreekuur' : 'balie') : 'balie';
          visit(l, date, range.opens, range.closes, channel, month);
        }
      }
      // Phone calls and e-mails come in during the library's opening hours, not only at the desk's.
      const opening = hoursOn(l.opening, date);
      if (opening.length && random() < 0.06 * MONTH[month]) {
        const range = opening[Math.floor(random() * opening.length)];
        visit(l, date, range.opens, range.closes, random() < 0.7 ? 'telefoon' : 'email-chat', month);
      }
    }
  }
  return visits.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** A demo question in the stored shape the registration service hashes, answers and audits. */
const stored = (q: DemoQuestion): StoredQuestion => ({
  type: q.type,
  topic: q.topic,
  agencies: q.agencies,
  help: q.help,
  referral: q.referral
    ? { partnerId: q.referral.partnerId ?? null, partnerKind: q.referral.partnerKind ?? null, warm: q.referral.warm ?? null }
    : null,
  digid: q.digid ?? null,
});

/** Direct multi-row inserts in the caller's transaction: hundreds of visits in well under a second. */
async function insertVisits(db: Db, visits: DemoVisit[], taxonomyVersion: string) {
  const CHUNK = 250;
  for (let i = 0; i < visits.length; i += CHUNK) {
    const rows = visits.slice(i, i + CHUNK).map((v) => {
      // Registered a few minutes after the visit began, as a desk does between two visitors.
      const createdAt = new Date(v.occurredAt.getTime() + (2 + (v.id.charCodeAt(0) % 20)) * 60_000);
      const list = v.questions.map(stored);
      const note = v.note ?? null;
      return {
        row: {
          id: v.id,
          organisationId: v.organisationId,
          locationId: v.locationId,
          occurredAt: v.occurredAt,
          channel: v.channel,
          duration: v.duration,
          note,
          taxonomyVersion,
          bodyHash: bodyHash({
            locationId: v.locationId,
            occurredAt: v.occurredAt,
            channel: v.channel,
            duration: v.duration,
            questions: list,
            note,
          }),
          createdBy: 'demo',
          createdAt,
          updatedAt: createdAt,
        },
        list,
      };
    });
    await db.insert(registrations).values(rows.map((r) => r.row));
    await db.insert(questions).values(
      rows.flatMap(({ row, list }) =>
        list.map((q, position) => ({
          registrationId: row.id,
          position,
          type: q.type,
          topic: q.topic,
          agencies: q.agencies,
          help: q.help,
          referralPartnerId: q.referral?.partnerId ?? null,
          referralPartnerKind: q.referral?.partnerKind ?? null,
          referralWarm: q.referral?.warm ?? null,
          digid: q.digid,
        })),
      ),
    );
    // The same audit entry the registration service writes for a create: the stored registration.
    await db.insert(auditLog).values(
      rows.map(({ row, list }) => ({
        organisationId: row.organisationId,
        entity: 'registration',
        entityId: row.id,
        action: 'create' as const,
        actor: 'demo',
        at: row.createdAt,
        changes: {
          id: row.id,
          organisationId: row.organisationId,
          locationId: row.locationId,
          occurredAt: row.occurredAt.toISOString(),
          channel: row.channel,
          duration: row.duration,
          questions: list,
          note: row.note,
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
        },
      })),
    );
  }
}

/** Locator searches of the last 90 days around the demo locations, for the search-demand report. */
async function insertSearchDemand(db: Db, now: Date, seeded: SeededLocation[]) {
  const random = prng(4070);
  const known = new Set((await db.select({ pc4: postcodes.pc4 }).from(postcodes)).map((r) => r.pc4));
  const areas = new Set<string>();
  for (const l of seeded) {
    const base = Number(l.pc4);
    for (let d = -12; d <= 12; d++) {
      const pc4 = String(base + d);
      if (known.size === 0 ? Math.abs(d) <= 3 : known.has(pc4)) areas.add(pc4);
    }
  }
  const today = amsterdamParts(now).date;
  const rows: { pc4: string; day: string; searches: number }[] = [];
  for (let i = 1; i <= 90; i++) {
    const day = addDays(today, -i);
    for (const pc4 of areas) {
      const searches = poisson(random, 0.35);
      if (searches > 0) rows.push({ pc4, day, searches });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insert(searchDemand).values(rows.slice(i, i + 1000));
}
