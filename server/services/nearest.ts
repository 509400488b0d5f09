/**
 * The public locator: the nearest live IDO locations to a point, with their open state.
 *
 * A bounding box on (lat, lon) (index `locations_lat_lon`) selects candidates; the box widens
 * (10, 25, 50, 100, 300 km, then everything) until at least `limit` candidates lie within the box's
 * radius by exact haversine distance. Only then is the top `limit` certain: a candidate in a corner
 * of the box may be farther away than a location just outside it. Candidates are read with only
 * id and coordinates (and the schedule when `openNow` filters); full rows are read for the winners.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { boundingBox, distanceKm, type LatLon } from '../../sdk/geo.js';
import type { HolidayCode } from '../../sdk/holidays.js';
import { amsterdamParts, hoursOn, openState, type OpenState, type OpeningSchedule } from '../../sdk/opening-hours.js';
import type { Database } from '../db/client.js';
import { locations, organisations } from '../db/schema.js';

/** Search radii in km; after the last one, every live location is a candidate. */
export const RADII_KM = [10, 25, 50, 100, 300] as const;

export type LocationRow = typeof locations.$inferSelect;
type ScheduleFields = Pick<LocationRow, 'walkInHours' | 'exceptions' | 'closedOnHolidays'>;

/** A location as the public sees it: the Location fields minus organisationId/createdAt/updatedAt. */
export interface PublicLocationView {
  id: string;
  name: string;
  address: { street: string; postcode: string; city: string; municipality?: string | null; province?: string | null };
  coordinates: { lat: number; lon: number };
  walkInHours: { day: number; opens: string; closes: string }[];
  openingHours: { day: number; opens: string; closes: string }[];
  exceptions: Record<string, unknown>[];
  closedOnHolidays: string[];
  accessibility: Record<string, unknown>;
  contact: Record<string, unknown>;
  variant: string;
  insideLibrary: boolean;
  languages: string[];
  organisationName?: string;
  openNow: boolean;
  nextChange: { at: string; open: boolean } | null;
}

export interface NearbyLocation extends PublicLocationView { distanceKm: number }

export interface NearestOptions {
  origin: LatLon;
  /** 1–50. */
  limit: number;
  /** Only locations open at `now`. */
  openNow?: boolean;
  now: Date;
}

export function scheduleOf(row: ScheduleFields): OpeningSchedule {
  return {
    walkInHours: row.walkInHours ?? [],
    exceptions: (row.exceptions ?? []) as unknown as OpeningSchedule['exceptions'],
    closedOnHolidays: (row.closedOnHolidays ?? []) as HolidayCode[],
  };
}

/** `openState`, but a location with a broken schedule counts as closed rather than failing the search. */
export function safeOpenState(row: ScheduleFields, now: Date): OpenState {
  try {
    return openState(scheduleOf(row), now);
  } catch {
    return { openNow: false, nextChange: null };
  }
}

/**
 * Open states are costly (two weeks of wall-clock arithmetic, about a millisecond or two each) and
 * only change at `nextChange`, so each location's state is kept until then: the same state holds for
 * every instant from when it was worked out up to the next change. Keyed by the schedule itself, so
 * an edited location is worked out afresh. When nothing changes within the 14-day look-ahead, the
 * state is reused for a minute only (the look-ahead window moves).
 */
const stateCache = new Map<string, { fingerprint: string; from: number; until: number; state: OpenState }>();
const STATE_CACHE_ENTRIES = 20_000;
const NO_CHANGE_REUSE_MS = 60_000;

export function cachedOpenState(id: string, row: ScheduleFields, now: Date): OpenState {
  const at = now.getTime();
  const fingerprint = JSON.stringify([row.walkInHours, row.exceptions, row.closedOnHolidays]);
  const hit = stateCache.get(id);
  if (hit && hit.fingerprint === fingerprint && hit.from <= at && at < hit.until) return hit.state;
  const state = safeOpenState(row, now);
  const until = state.nextChange ? Date.parse(state.nextChange.at) : at + NO_CHANGE_REUSE_MS;
  stateCache.delete(id);
  stateCache.set(id, { fingerprint, from: at, until, state });
  if (stateCache.size > STATE_CACHE_ENTRIES) stateCache.delete(stateCache.keys().next().value!);
  return state;
}

/**
 * A cheap "open at this wall-clock minute?" for filtering many candidates: today's ranges only
 * (ranges never cross midnight). The winners are confirmed with the full `openState`.
 */
function openAtWallClock(row: ScheduleFields, date: string, minute: number): boolean {
  try {
    return hoursOn(scheduleOf(row), date).some((r) => toMinutes(r.opens) <= minute && minute < toMinutes(r.closes));
  } catch {
    return false;
  }
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** What the public view is made from: a drizzle row or the locator's raw row. */
export type PublicSource = Pick<LocationRow, 'id' | 'name' | 'address' | 'municipality' | 'province' | 'lat' | 'lon' | 'walkInHours' | 'openingHours' | 'exceptions' | 'closedOnHolidays' | 'accessibility' | 'contact' | 'variant' | 'insideLibrary' | 'languages'>;

/** The public view of a row. */
export function toPublicLocation(row: PublicSource, organisationName: string | null | undefined, state: OpenState): PublicLocationView {
  const address = row.address as Record<string, string | undefined>;
  return {
    id: row.id,
    name: row.name,
    address: {
      street: address.street ?? '',
      postcode: address.postcode ?? '',
      city: address.city ?? '',
      municipality: row.municipality ?? address.municipality ?? null,
      province: row.province ?? address.province ?? null,
    },
    coordinates: { lat: row.lat, lon: row.lon },
    walkInHours: row.walkInHours ?? [],
    openingHours: row.openingHours ?? [],
    exceptions: row.exceptions ?? [],
    closedOnHolidays: row.closedOnHolidays ?? [],
    accessibility: row.accessibility ?? {},
    contact: row.contact ?? {},
    variant: row.variant,
    insideLibrary: row.insideLibrary,
    languages: row.languages ?? [],
    ...(organisationName ? { organisationName } : {}),
    openNow: state.openNow,
    nextChange: state.nextChange,
  };
}

interface Candidate {
  id: string;
  distance: number;
  state?: OpenState;
}

/**
 * The locations open at a minute, with their open states, worked out once per minute and database:
 * one read of every live schedule and a cheap wall-clock check, the full open state only for the
 * ones that pass. Without it, "open now" on a Sunday (nothing open) read and checked every schedule
 * in every request. Location writes in this process drop the set at once
 * ({@link invalidateOpenLocations}); another server instance sees a change within the minute.
 */
const openSets = new WeakMap<Database, { minute: string; builtAt: number; open: Promise<Map<string, OpenState>> }>();

async function openLocations(database: Database, now: Date): Promise<Map<string, OpenState>> {
  const wall = amsterdamParts(now);
  const minuteKey = `${wall.date} ${wall.time}`;
  const hit = openSets.get(database);
  if (hit && hit.minute === minuteKey && Date.now() - hit.builtAt < 60_000) return hit.open;
  const open = (async () => {
    const rows = await database.rows<{ id: string } & ScheduleFields>(sql`select id, walk_in_hours as "walkInHours", exceptions,
      closed_on_holidays as "closedOnHolidays" from locations where deleted_at is null`);
    const minute = wall.hour * 60 + wall.minute;
    const result = new Map<string, OpenState>();
    for (const row of rows) {
      if (!openAtWallClock(row, wall.date, minute)) continue;
      const state = cachedOpenState(row.id, row, now);
      if (state.openNow) result.set(row.id, state);
    }
    return result;
  })();
  openSets.set(database, { minute: minuteKey, builtAt: Date.now(), open });
  open.catch(() => openSets.delete(database));
  return open;
}

/** Forget the open set of a database: a location was created, changed or deleted. */
export function invalidateOpenLocations(database: Database): void {
  openSets.delete(database);
}

/** The columns the public sees, camelCased as drizzle would, plus the organisation's name. */
const PUBLIC_COLUMNS = sql.raw(`l.id, l.name, l.address, l.municipality, l.province, l.lat, l.lon,
  l.walk_in_hours as "walkInHours", l.opening_hours as "openingHours", l.exceptions,
  l.closed_on_holidays as "closedOnHolidays", l.accessibility, l.contact, l.variant,
  l.inside_library as "insideLibrary", l.languages, o.name as "organisationName"`);

type PublicRow = PublicSource & { organisationName: string };

/**
 * The nearest live locations of any organisation, nearest first, `distanceKm` rounded to 0.1.
 * Raw SQL on purpose: this is the hottest public path, and building and mapping queries through the
 * ORM cost more than the queries themselves.
 */
export async function findNearest(database: Database, options: NearestOptions): Promise<NearbyLocation[]> {
  const { origin, limit, now } = options;
  // With openNow, the open locations of this minute are known once for all requests (see
  // openLocations), so every widening step reads only ids and coordinates.
  const open = options.openNow ? await openLocations(database, now) : null;

  let chosen: Candidate[] = [];
  for (let step = 0; step <= RADII_KM.length; step++) {
    const radius: number = RADII_KM[step] ?? Infinity;
    let where = sql`deleted_at is null`;
    if (Number.isFinite(radius)) {
      const box = boundingBox(origin, radius);
      where = sql`${where} and lat between ${box.minLat} and ${box.maxLat}`;
      if (box.minLon > -180 || box.maxLon < 180) where = sql`${where} and lon between ${box.minLon} and ${box.maxLon}`;
    }
    const rows = await database.rows<{ id: string; lat: number; lon: number }>(sql`select id, lat, lon from locations where ${where}`);
    const inside: Candidate[] = [];
    for (const row of rows) {
      if (open && !open.has(row.id)) continue;
      const distance = distanceKm(origin, row);
      if (distance <= radius) inside.push({ id: row.id, distance, state: open?.get(row.id) });
    }
    inside.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
    chosen = inside.slice(0, limit);
    if (chosen.length >= limit) break;
    // Nothing more can be found when every open location is already in the box.
    if (open && inside.length === open.size) break;
  }
  if (chosen.length === 0) return [];

  const ids = sql.join(chosen.map((c) => sql`${c.id}`), sql`, `);
  const full = await database.rows<PublicRow>(sql`select ${PUBLIC_COLUMNS} from locations l join organisations o on o.id = l.organisation_id
    where l.deleted_at is null and l.id in (${ids})`);
  const byId = new Map(full.map((r) => [r.id, r]));
  const out: NearbyLocation[] = [];
  for (const c of chosen) {
    const r = byId.get(c.id);
    if (!r) continue; // deleted between the two reads
    const state = c.state ?? cachedOpenState(r.id, r, now);
    out.push({ ...toPublicLocation(r, r.organisationName, state), distanceKm: Math.round(c.distance * 10) / 10 });
  }
  return out;
}

/** One live location with its organisation's name, or null. */
export async function findPublicLocation(database: Database, id: string): Promise<{ row: LocationRow; organisationName: string } | null> {
  const [r] = await database.db
    .select({ location: locations, organisationName: organisations.name })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(and(eq(locations.id, id), isNull(locations.deletedAt)))
    .limit(1);
  return r ? { row: r.location, organisationName: r.organisationName } : null;
}
