/**
 * The public locator: the nearest live IDO locations to a point, with their open state.
 *
 * A bounding box on (lat, lon) (index `locations_lat_lon`) selects candidates; the box widens
 * (10, 25, 50, 100, 300 km, then everything) until at least `limit` candidates lie within the box's
 * radius by exact haversine distance. Only then is the top `limit` certain: a candidate in a corner
 * of the box may be farther away than a location just outside it. Candidates are read with only
 * id, coordinates and row version; the winners' public rows come from a per-minute snapshot in memory
 * (see {@link publicSnapshot}), so a request costs one round trip per box it looks in.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { boundingBox, distanceKm, type LatLon } from '../../sdk/geo.js';
import type { HolidayCode } from '../../sdk/holidays.js';
import { amsterdamParts, hoursOn, openState, type OpenState, type OpeningSchedule } from '../../sdk/opening-hours.js';
import type { Database } from '../db/client.js';
import { locations, organisations } from '../db/schema.js';
import { setNewest } from './recent-map.js';

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

export interface NearbyLocation extends PublicLocationView {
  distanceKm: number;
}

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
  return openStateSpan(id, row, now).state;
}

/** The open state at `now` with the span of instants it holds for. */
function openStateSpan(id: string, row: ScheduleFields, now: Date): { from: number; until: number; state: OpenState } {
  const at = now.getTime();
  const fingerprint = JSON.stringify([row.walkInHours, row.exceptions, row.closedOnHolidays]);
  const hit = stateCache.get(id);
  if (hit && hit.fingerprint === fingerprint && hit.from <= at && at < hit.until) return hit;
  const state = safeOpenState(row, now);
  const until = state.nextChange ? Date.parse(state.nextChange.at) : at + NO_CHANGE_REUSE_MS;
  const span = { fingerprint, from: at, until, state };
  setNewest(stateCache, id, span, STATE_CACHE_ENTRIES);
  return span;
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
export type PublicSource = Pick<
  LocationRow,
  | 'id'
  | 'name'
  | 'address'
  | 'municipality'
  | 'province'
  | 'lat'
  | 'lon'
  | 'walkInHours'
  | 'openingHours'
  | 'exceptions'
  | 'closedOnHolidays'
  | 'accessibility'
  | 'contact'
  | 'variant'
  | 'insideLibrary'
  | 'languages'
>;

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

/**
 * The public rows of every live location, read once per minute and database, with the open set of
 * that minute worked out from them. A request then reads from the database only the ids, coordinates
 * and row versions (`xmin`) inside its bounding box, through the index: one round trip, and every
 * location it returns is live at that moment. Its winners come from the snapshot, except a row the
 * snapshot does not hold or holds in an older version (created or changed since, e.g. through another
 * server instance): those are read afresh and put into the snapshot. So a location created, changed
 * or deleted anywhere shows in the very next answer; only an organisation renamed through another
 * instance shows within the minute. Writes through this process drop the snapshot as well
 * ({@link invalidatePublicLocations}).
 */
interface Entry {
  row: PublicRow;
  /** The row version (`xmin`): a new one for every update of the row. */
  version: string;
  /** The open state and the instants it holds for (the row is fixed, so no fingerprint to compare). */
  span?: { from: number; until: number; state: OpenState };
  /** The public view at the open state it was made for; made again when the state changes. */
  view?: PublicLocationView;
}

interface Snapshot {
  /** The Amsterdam wall-clock minute the open set is for. */
  minute: string;
  builtAt: number;
  entries: Map<string, Entry>;
  /** The live locations open in that minute, with their open states. */
  open: Map<string, OpenState>;
}

const snapshots = new WeakMap<Database, { minute: string; builtAt: number; snapshot: Promise<Snapshot> }>();

/** The columns the public sees, camelCased as drizzle would, plus the organisation's name and the row version. */
const PUBLIC_COLUMNS = sql.raw(`l.id, l.name, l.address, l.municipality, l.province, l.lat, l.lon,
  l.walk_in_hours as "walkInHours", l.opening_hours as "openingHours", l.exceptions,
  l.closed_on_holidays as "closedOnHolidays", l.accessibility, l.contact, l.variant,
  l.inside_library as "insideLibrary", l.languages, o.name as "organisationName", l.xmin::text as version`);

type PublicRow = PublicSource & { organisationName: string };

async function readRows(database: Database, ids?: string[]): Promise<(PublicRow & { version: string })[]> {
  const only = ids
    ? sql` and l.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  return database.rows(sql`select ${PUBLIC_COLUMNS} from locations l join organisations o on o.id = l.organisation_id
    where l.deleted_at is null${only}`);
}

/** Puts a freshly read row into the snapshot, with its open state for the snapshot's minute. */
function remember(
  snapshot: Snapshot,
  { version, ...row }: PublicRow & { version: string },
  now: Date,
  wall: { date: string; minute: number },
) {
  const entry: Entry = { row, version };
  snapshot.entries.set(row.id, entry);
  const state = openAtWallClock(row, wall.date, wall.minute) ? stateOf(entry, now) : null;
  if (state?.openNow) snapshot.open.set(row.id, state);
  else snapshot.open.delete(row.id);
}

function forget(snapshot: Snapshot, id: string) {
  snapshot.entries.delete(id);
  snapshot.open.delete(id);
}

function wallMinute(now: Date) {
  const wall = amsterdamParts(now);
  return { key: `${wall.date} ${wall.time}`, date: wall.date, minute: wall.hour * 60 + wall.minute };
}

async function publicSnapshot(database: Database, now: Date): Promise<Snapshot> {
  const wall = wallMinute(now);
  const hit = snapshots.get(database);
  if (hit && hit.minute === wall.key && Date.now() - hit.builtAt < 60_000) return hit.snapshot;
  const builtAt = Date.now();
  const snapshot = (async () => {
    const built: Snapshot = { minute: wall.key, builtAt, entries: new Map(), open: new Map() };
    for (const row of await readRows(database)) remember(built, row, now, wall);
    return built;
  })();
  snapshots.set(database, { minute: wall.key, builtAt, snapshot });
  snapshot.catch(() => {
    if (snapshots.get(database)?.snapshot === snapshot) snapshots.delete(database);
  });
  return snapshot;
}

/** Forget the public snapshot of a database: a location or an organisation was created, changed or deleted. */
export function invalidatePublicLocations(database: Database): void {
  snapshots.delete(database);
}

/** The open state of a snapshot entry at `now`. */
function stateOf(entry: Entry, now: Date): OpenState {
  const at = now.getTime();
  if (!entry.span || at < entry.span.from || at >= entry.span.until) entry.span = openStateSpan(entry.row.id, entry.row, now);
  return entry.span.state;
}

/** The public view of a snapshot entry at `state`, made once per entry and state. */
function viewOf(entry: Entry, state: OpenState): PublicLocationView {
  if (entry.view?.openNow !== state.openNow || entry.view.nextChange !== state.nextChange) {
    entry.view = toPublicLocation(entry.row, entry.row.organisationName, state);
  }
  return entry.view;
}

/**
 * The ids, coordinates and row versions of the live locations in the bounding box of a circle
 * (index `locations_lat_lon`), or of all live locations for an infinite radius. Fixed texts, so that
 * PostgreSQL prepares each once per connection.
 */
const BOX_COLUMNS = 'select id, lat, lon, xmin::text as version from locations where deleted_at is null';
function boxQuery(origin: LatLon, radius: number): [string, unknown[]] {
  if (!Number.isFinite(radius)) return [BOX_COLUMNS, []];
  const box = boundingBox(origin, radius);
  if (box.minLon > -180 || box.maxLon < 180) {
    return [`${BOX_COLUMNS} and lat between $1 and $2 and lon between $3 and $4`, [box.minLat, box.maxLat, box.minLon, box.maxLon]];
  }
  return [`${BOX_COLUMNS} and lat between $1 and $2`, [box.minLat, box.maxLat]];
}

interface Candidate {
  entry: Entry;
  distance: number;
}

/**
 * The nearest live locations of any organisation, nearest first, `distanceKm` rounded to 0.1.
 * Raw SQL on purpose: this is the hottest public path, and building and mapping queries through the
 * ORM cost more than the queries themselves.
 */
export async function findNearest(database: Database, options: NearestOptions): Promise<NearbyLocation[]> {
  const { origin, limit, now } = options;
  const snapshot = await publicSnapshot(database, now);
  // With openNow, the open locations of this minute are known once for all requests, so every
  // widening step still reads only ids, coordinates and versions.
  const open = options.openNow ? snapshot.open : null;

  let chosen: Candidate[] = [];
  for (let step = 0; step <= RADII_KM.length; step++) {
    const radius: number = RADII_KM[step] ?? Infinity;
    const rows = await database.query<{ id: string; lat: number; lon: number; version: string }>(...boxQuery(origin, radius));
    // Rows the snapshot does not know, or knows in an older version: read them now.
    const stale = rows.filter((r) => snapshot.entries.get(r.id)?.version !== r.version);
    if (stale.length) {
      const wall = wallMinute(now);
      const fresh = await readRows(
        database,
        stale.map((r) => r.id),
      );
      for (const row of fresh) remember(snapshot, row, now, wall);
      // Deleted between the two reads.
      for (const { id } of stale) if (!fresh.some((r) => r.id === id)) forget(snapshot, id);
    }
    const inside: Candidate[] = [];
    for (const row of rows) {
      const entry = snapshot.entries.get(row.id);
      if (!entry || (open && !open.has(row.id))) continue; // deleted between the two reads, or closed
      const distance = distanceKm(origin, row);
      if (distance <= radius) inside.push({ entry, distance });
    }
    inside.sort((a, b) => a.distance - b.distance || (a.entry.row.id < b.entry.row.id ? -1 : 1));
    chosen = inside.slice(0, limit);
    if (chosen.length >= limit) break;
    // Nothing more can be found when every open location is already in the box.
    if (open && inside.length >= open.size) break;
  }

  return chosen.map(({ entry, distance }) => {
    const state = open?.get(entry.row.id) ?? stateOf(entry, now);
    return { ...viewOf(entry, state), distanceKm: Math.round(distance * 10) / 10 };
  });
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
