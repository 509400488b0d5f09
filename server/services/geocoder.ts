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
export type GeocodeResult = { ok: true; point: GeoPoint } | { ok: false; reason: 'invalid' | 'unknown' | 'unavailable' };

export interface Geocoder {
  /** A point for a postcode ('3511 AB', '3511ab', '3511') or place name; null when nothing knows it. */
  geocode(input: { postcode?: string; q?: string }): Promise<GeoPoint | null>;
  /** The same, saying why when there is no point. */
  resolve(input: { postcode?: string; q?: string }): Promise<GeocodeResult>;
  /** One address by postcode and house number (the admin form): PDOK's address, else what the postcode tells. */
  address(input: AddressQuery): Promise<AddressResult>;
}

/** `GET /api/v1/geocode`'s question: a PC6 postcode, a house number and an optional letter or addition. */
export interface AddressQuery {
  postcode: string;
  number: number;
  addition?: string;
}

/** How much of an address is known: the building (PDOK), the PC6 area (PDOK), or only the PC4 centroid. */
export type AddressPrecision = 'address' | 'postcode' | 'pc4';

export interface FoundAddress {
  street: string | null;
  number: number;
  addition: string | null;
  postcode: string;
  city: string | null;
  municipality: string | null;
  province: string | null;
  coordinates: { lat: number; lon: number };
  precision: AddressPrecision;
}

export type AddressResult = { ok: true; address: FoundAddress } | { ok: false; reason: 'invalid' | 'unknown' | 'unavailable' };

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

interface Cached {
  point: GeoPoint | null;
  at: number;
}

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
      await db
        .insert(geocodeCache)
        .values({ query: key, ...values })
        .onConflictDoUpdate({ target: geocodeCache.query, set: values });
    } catch (error) {
      report(error, 'geocode cache write'); // the answer is still good; the next instance asks PDOK again
    }
  }

  /**
   * One PDOK `/free` request: its docs, or undefined when PDOK could not be asked (unreachable,
   * timed out, broken, or in its cool-down).
   */
  async function pdokDocs(params: { q: string; fq: string[]; rows: number; fl: string }): Promise<PdokDoc[] | undefined> {
    if (!base || now() < pdokDownUntil) return undefined;
    const url = new URL(`${base}/free`);
    url.searchParams.set('q', params.q);
    for (const fq of params.fq) url.searchParams.append('fq', fq);
    url.searchParams.set('rows', String(params.rows));
    url.searchParams.set('fl', params.fl);
    try {
      const res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw new Error(`PDOK answered ${res.status}`);
      }
      const json = (await res.json()) as { response?: { numFound?: number; docs?: PdokDoc[] } };
      if (!json || typeof json !== 'object' || !json.response || !Array.isArray(json.response.docs))
        throw new Error('PDOK answered an unexpected shape');
      return json.response.docs;
    } catch (error) {
      pdokDownUntil = now() + cooldownMs;
      report(error, 'pdok');
      return undefined; // unreachable, timed out or broken: fall back
    }
  }

  /** One PDOK point of a type. `expect` checks the returned doc (PDOK's search is fuzzy). */
  async function askPdok(query: string, type: 'postcode' | 'woonplaats', expect?: (doc: PdokDoc) => boolean): Promise<PdokAnswer> {
    const docs = await pdokDocs({ q: query, fq: [`type:${type}`], rows: 1, fl: 'weergavenaam,postcode,centroide_ll' });
    if (!docs) return undefined;
    const doc = docs[0];
    if (!doc || (expect && !expect(doc))) return null;
    const point = parsePoint(doc.centroide_ll);
    if (!point) return null;
    return { ...point, label: doc.weergavenaam ?? query, source: 'pdok' };
  }

  /**
   * PDOK's addresses at a postcode and house number (a few when the number has letters or
   * additions). Kept in memory only: the admin form asks rarely, and the shared cache table holds
   * points, not addresses.
   */
  const addresses = new Map<string, { docs: PdokDoc[]; at: number }>();
  async function addressDocs(pc6: string, number: number): Promise<PdokDoc[] | undefined> {
    const key = `${pc6} ${number}`;
    const hit = addresses.get(key);
    if (hit && now() - hit.at < (hit.docs.length ? FOUND_TTL_MS : NOT_FOUND_TTL_MS)) return hit.docs;
    const docs = await pdokDocs({
      q: `${pc6} ${number}`,
      fq: ['type:adres', `postcode:${pc6}`, `huisnummer:${number}`],
      rows: 20,
      fl: 'weergavenaam,straatnaam,huisnummer,huisletter,huisnummertoevoeging,postcode,woonplaatsnaam,gemeentenaam,provincienaam,centroide_ll',
    });
    if (!docs) return undefined;
    // PDOK's search is fuzzy: keep only the docs of exactly this postcode and number.
    const exact = docs.filter(
      (d) => normalisePostcode(d.postcode) === pc6 && Number(d.huisnummer) === number && parsePoint(d.centroide_ll),
    );
    setNewest(addresses, key, { docs: exact, at: now() }, memoryEntries);
    return exact;
  }

  async function address(input: AddressQuery): Promise<AddressResult> {
    const pc = parsePostcode(input.postcode);
    if (!pc?.pc6 || !Number.isInteger(input.number) || input.number < 1) return { ok: false, reason: 'invalid' };
    const pc6 = pc.pc6;
    const addition = input.addition?.trim() || null;
    const known = { number: input.number, addition, postcode: pc.display };
    const docs = await addressDocs(pc6, input.number);
    if (docs?.length) {
      const wanted = (addition ?? '').replace(/[\s-]+/g, '').toLowerCase();
      const suffix = (d: PdokDoc) => `${d.huisletter ?? ''}${d.huisnummertoevoeging ?? ''}`.toLowerCase();
      // The doc with this letter or addition; else the number without one (the same building).
      const doc = docs.find((d) => suffix(d) === wanted) ?? docs.find((d) => suffix(d) === '') ?? docs[0];
      return {
        ok: true,
        address: {
          ...known,
          street: doc.straatnaam ?? null,
          city: doc.woonplaatsnaam ?? null,
          municipality: doc.gemeentenaam ?? null,
          province: doc.provincienaam ?? null,
          coordinates: parsePoint(doc.centroide_ll)!,
          precision: 'address',
        },
      };
    }
    // No such address at PDOK (or PDOK out of reach): what the postcode itself tells.
    const area = await resolvePostcode(pc6);
    if (!area.ok)
      return { ok: false, reason: docs === undefined && base !== null && area.reason === 'unknown' ? 'unavailable' : area.reason };
    const { lat, lon } = area.point;
    if (area.point.source === 'pdok') {
      // PDOK's postcode label reads "Oudegracht, 3511AB Utrecht".
      const label = /^(.+?), [1-9]\d{3} ?[A-Z]{2} (.+)$/.exec(area.point.label);
      return {
        ok: true,
        address: {
          ...known,
          street: label?.[1] ?? null,
          city: label?.[2] ?? null,
          municipality: null,
          province: null,
          coordinates: { lat, lon },
          precision: 'postcode',
        },
      };
    }
    return {
      ok: true,
      address: { ...known, street: null, city: null, municipality: null, province: null, coordinates: { lat, lon }, precision: 'pc4' },
    };
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
      .select({
        lat: sql<number>`avg(${locations.lat})::float8`,
        lon: sql<number>`avg(${locations.lon})::float8`,
        label: sql<string | null>`min(${city})`,
      })
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
    address,
    async geocode(input) {
      const result = await resolve(input);
      return result.ok ? result.point : null;
    },
  };
}

interface PdokDoc {
  weergavenaam?: string;
  postcode?: string;
  centroide_ll?: string;
  straatnaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummertoevoeging?: string;
  woonplaatsnaam?: string;
  gemeentenaam?: string;
  provincienaam?: string;
}

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
