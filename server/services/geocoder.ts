/**
 * Turns a postcode or place name into coordinates: PDOK Locatieserver first, the imported PC4 table
 * (and, for place names, the cities of our own locations) as fallback.
 *
 * Lookups are cached in memory (per process) and in `geocode_cache` (shared by every instance), so a
 * postcode is asked of PDOK at most once a month. Identical lookups in flight share one request. When
 * PDOK fails or times out, it is left alone for a short cool-down so that a PDOK outage does not make
 * every search wait for the timeout.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { parsePostcode } from '../../sdk/postcode.js';
import type { Database } from '../db/client.js';
import { geocodeCache, locations, postcodes } from '../db/schema.js';
import { setNewest } from './recent-map.js';

/** Where a point came from: PDOK (live or cached), the PC4 centroid table, or our own locations' cities. */
export type GeoSource = 'pdok' | 'pc4' | 'locations';

export interface GeoPoint {
  lat: number;
  lon: number;
  label: string;
  /** The four digits of a postcode search. */
  pc4?: string;
  source?: GeoSource;
}

/**
 * The outcome of a lookup. `invalid`: not a postcode / empty; `unknown`: nothing knows it;
 * `unavailable`: PDOK could not be reached and no fallback knew it.
 */
export type GeocodeResult =
  | { ok: true; point: GeoPoint }
  | { ok: false; reason: 'invalid' | 'unknown' | 'unavailable' };

export interface Geocoder {
  /** A point for a postcode ('3511 AB', '3511ab', '3511') or place name; null when nothing knows it. */
  geocode(input: { postcode?: string; q?: string }): Promise<GeoPoint | null>;
  /** The same, saying why when there is no point. */
  resolve(input: { postcode?: string; q?: string }): Promise<GeocodeResult>;
}

export interface GeocoderOptions {
  database: Database;
  /** PDOK Locatieserver base URL (…/search/v3_1), or null to use only the PC4 table. */
  pdokUrl: string | null;
  /** Per PDOK request, headers and body included. @default 1500 */
  timeoutMs?: number;
  /** After a PDOK failure, skip PDOK for this long. @default 30000 */
  cooldownMs?: number;
  /** Entries kept in the in-process cache. @default 5000 */
  memoryEntries?: number;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; for cache ages and the cool-down. */
  now?: () => number;
  /** Called with failures that are handled (PDOK errors, cache writes), for logging. */
  onError?: (error: unknown, context: string) => void;
}

const DAY_MS = 86_400_000;
/** How long a PDOK answer is reused. */
const FOUND_TTL_MS = 30 * DAY_MS;
/** How long "PDOK does not know this" is believed: new postcodes appear. */
const NOT_FOUND_TTL_MS = DAY_MS;
/** How long a PC4 centroid read from the table is reused. */
const PC4_TTL_MS = 10 * 60_000;

/** What PDOK said: a point, "not found" (null), or nothing because it could not be asked (undefined). */
type PdokAnswer = GeoPoint | null | undefined;

interface Cached { point: GeoPoint | null; at: number }

export function createGeocoder(options: GeocoderOptions): Geocoder {
  const { db } = options.database;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 1500;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const memoryEntries = options.memoryEntries ?? 5000;
  const now = options.now ?? Date.now;
  const report = options.onError ?? (() => {});
  const base = options.pdokUrl ? options.pdokUrl.replace(/\/+$/, '') : null;

  const memory = new Map<string, Cached>();
  const inFlight = new Map<string, Promise<PdokAnswer>>();
  let pdokDownUntil = 0;

  const fresh = (entry: Cached) => now() - entry.at < (entry.point ? FOUND_TTL_MS : NOT_FOUND_TTL_MS);

  const remember = (key: string, entry: Cached) => setNewest(memory, key, entry, memoryEntries);

  async function fromCache(key: string): Promise<Cached | undefined> {
    const hit = memory.get(key);
    if (hit && fresh(hit)) {
      memory.delete(key); // keep recently used entries at the end
      memory.set(key, hit);
      return hit;
    }
    const [row] = await db.select().from(geocodeCache).where(eq(geocodeCache.query, key)).limit(1);
    if (!row) return undefined;
    const entry: Cached = {
      point: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon, label: row.label ?? key, source: 'pdok' },
      at: row.fetchedAt.getTime(),
    };
    if (!fresh(entry)) return undefined;
    remember(key, entry);
    return entry;
  }

  async function store(key: string, point: GeoPoint | null) {
    const at = now();
    remember(key, { point, at });
    const values = { lat: point?.lat ?? null, lon: point?.lon ?? null, label: point?.label ?? null, fetchedAt: new Date(at) };
    try {
      await db.insert(geocodeCache).values({ query: key, ...values }).onConflictDoUpdate({ target: geocodeCache.query, set: values });
    } catch (error) {
      report(error, 'geocode cache write'); // the answer is still good; the next instance asks PDOK again
    }
  }

  /** One PDOK `/free` request. `expect` checks the returned doc (PDOK's search is fuzzy). */
  async function askPdok(query: string, type: 'postcode' | 'woonplaats', expect?: (doc: PdokDoc) => boolean): Promise<PdokAnswer> {
    if (!base || now() < pdokDownUntil) return undefined;
    const url = new URL(`${base}/free`);
    url.searchParams.set('q', query);
    url.searchParams.set('fq', `type:${type}`);
    url.searchParams.set('rows', '1');
    url.searchParams.set('fl', 'weergavenaam,postcode,centroide_ll');
    try {
      const res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw new Error(`PDOK answered ${res.status}`);
      }
      const json = (await res.json()) as { response?: { numFound?: number; docs?: PdokDoc[] } };
      if (!json || typeof json !== 'object' || !json.response || !Array.isArray(json.response.docs)) throw new Error('PDOK answered an unexpected shape');
      const doc = json.response.docs[0];
      if (!doc || (expect && !expect(doc))) return null;
      const point = parsePoint(doc.centroide_ll);
      if (!point) return null;
      return { ...point, label: doc.weergavenaam ?? query, source: 'pdok' };
    } catch (error) {
      pdokDownUntil = now() + cooldownMs;
      report(error, 'pdok');
      return undefined; // unreachable, timed out or broken: fall back
    }
  }

  /** Cache, then PDOK (once per key at a time). `undefined`: PDOK could not be asked. */
  async function lookup(key: string, ask: () => Promise<PdokAnswer>): Promise<PdokAnswer> {
    const cached = await fromCache(key);
    if (cached) return cached.point;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = (async () => {
        const answer = await ask();
        if (answer !== undefined) await store(key, answer);
        return answer;
      })().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  /**
   * PC4 centroids found, kept in memory for ten minutes: every search by postcode needs one, and the
   * table changes only when it is imported again. A PC4 not found is asked again each time, so a
   * freshly imported one shows at once.
   */
  const pc4Points = new Map<string, { point: GeoPoint; at: number }>();
  async function fromPc4(pc4: string): Promise<GeoPoint | null> {
    const hit = pc4Points.get(pc4);
    if (hit && now() - hit.at < PC4_TTL_MS) return hit.point;
    const [row] = await db.select().from(postcodes).where(eq(postcodes.pc4, pc4)).limit(1);
    if (!row) return null;
    const point: GeoPoint = { lat: row.lat, lon: row.lon, label: pc4, pc4, source: 'pc4' };
    setNewest(pc4Points, pc4, { point, at: now() }, memoryEntries);
    return point;
  }

  /** The centre of our own live locations in a city of that name: a rough offline place search. */
  async function fromLocationCities(q: string): Promise<GeoPoint | null> {
    const city = sql<string>`${locations.address}->>'city'`;
    const [row] = await db
      .select({ lat: sql<number>`avg(${locations.lat})::float8`, lon: sql<number>`avg(${locations.lon})::float8`, label: sql<string | null>`min(${city})` })
      .from(locations)
      .where(and(isNull(locations.deletedAt), sql`lower(${city}) = ${q.toLowerCase()}`));
    if (!row || row.lat === null || row.lon === null || !row.label) return null;
    return { lat: Number(row.lat), lon: Number(row.lon), label: row.label, source: 'locations' };
  }

  async function resolvePostcode(input: string): Promise<GeocodeResult> {
    const pc = parsePostcode(input);
    if (!pc) return { ok: false, reason: 'invalid' };
    let pdokUnavailable = false;
    if (pc.pc6) {
      const pc6 = pc.pc6;
      const found = await lookup(`pc6:${pc6}`, () => askPdok(pc6, 'postcode', (doc) => normalisePostcode(doc.postcode) === pc6));
      if (found) return { ok: true, point: { ...found, pc4: pc.pc4, source: 'pdok' } };
      pdokUnavailable = found === undefined && base !== null;
    }
    // PDOK has no PC4 type: a PC4, a PC6 PDOK does not know (yet), or PDOK out of reach uses the centroids.
    const point = await fromPc4(pc.pc4);
    if (point) return { ok: true, point: { ...point, label: pc.display } };
    return { ok: false, reason: pdokUnavailable ? 'unavailable' : 'unknown' };
  }

  async function resolvePlace(input: string): Promise<GeocodeResult> {
    const q = input.trim().replace(/\s+/g, ' ');
    if (!q) return { ok: false, reason: 'invalid' };
    if (parsePostcode(q)) return resolvePostcode(q);
    const found = await lookup(`q:${q.toLowerCase()}`, () => askPdok(q, 'woonplaats'));
    if (found) return { ok: true, point: found };
    const local = await fromLocationCities(q);
    if (local) return { ok: true, point: local };
    return { ok: false, reason: found === undefined ? 'unavailable' : 'unknown' };
  }

  async function resolve(input: { postcode?: string; q?: string }): Promise<GeocodeResult> {
    if (input.postcode !== undefined) return resolvePostcode(input.postcode);
    if (input.q !== undefined) return resolvePlace(input.q);
    return { ok: false, reason: 'invalid' };
  }

  return {
    resolve,
    async geocode(input) {
      const result = await resolve(input);
      return result.ok ? result.point : null;
    },
  };
}

interface PdokDoc { weergavenaam?: string; postcode?: string; centroide_ll?: string }

/** WKT "POINT(lon lat)": longitude first. */
export function parsePoint(wkt: unknown): { lat: number; lon: number } | null {
  if (typeof wkt !== 'string') return null;
  const m = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s+(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*\)\s*$/i.exec(wkt);
  if (!m) return null;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}

function normalisePostcode(value: unknown): string | null {
  return typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : null;
}
