/** Turns a postcode or place name into coordinates: PDOK Locatieserver first, the imported PC4 table as fallback. */
import { eq } from 'drizzle-orm';
import { parsePostcode } from '../../sdk/postcode.js';
import type { Database } from '../db/client.js';
import { geocodeCache, postcodes } from '../db/schema.js';

export interface GeoPoint { lat: number; lon: number; label: string; pc4?: string }

export interface Geocoder {
  /** A point for a postcode ('3511 AB', '3511ab', '3511') or place name; null when nothing knows it. */
  geocode(input: { postcode?: string; q?: string }): Promise<GeoPoint | null>;
}

export interface GeocoderOptions {
  database: Database;
  /** PDOK Locatieserver base URL (…/search/v3_1), or null to use only the PC4 table. */
  pdokUrl: string | null;
  /** @default 1500 */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** How long a PDOK answer is reused from the cache. */
const CACHE_DAYS = 30;

export function createGeocoder(options: GeocoderOptions): Geocoder {
  const { db } = options.database;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 1500;

  async function fromCache(key: string): Promise<GeoPoint | null | undefined> {
    const [row] = await db.select().from(geocodeCache).where(eq(geocodeCache.query, key)).limit(1);
    if (!row) return undefined;
    if (Date.now() - row.fetchedAt.getTime() > CACHE_DAYS * 86400_000) return undefined;
    return row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon, label: row.label ?? key };
  }

  async function fromPdok(query: string, type: 'postcode' | 'woonplaats'): Promise<GeoPoint | null | undefined> {
    if (!options.pdokUrl) return undefined;
    const url = new URL(`${options.pdokUrl.replace(/\/$/, '')}/free`);
    url.searchParams.set('q', query);
    url.searchParams.set('fq', `type:${type}`);
    url.searchParams.set('rows', '1');
    url.searchParams.set('fl', 'weergavenaam,postcode,centroide_ll');
    try {
      const res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!res.ok) return undefined;
      const json = (await res.json()) as { response?: { docs?: { weergavenaam?: string; centroide_ll?: string }[] } };
      const doc = json.response?.docs?.[0];
      if (!doc?.centroide_ll) return null;
      // WKT is "POINT(lon lat)": longitude first.
      const m = /POINT\(([-\d.]+) ([-\d.]+)\)/.exec(doc.centroide_ll);
      if (!m) return null;
      return { lat: Number(m[2]), lon: Number(m[1]), label: doc.weergavenaam ?? query };
    } catch {
      return undefined; // unreachable or timed out: fall back
    }
  }

  async function remember(key: string, point: GeoPoint | null) {
    await db.insert(geocodeCache).values({ query: key, lat: point?.lat ?? null, lon: point?.lon ?? null, label: point?.label ?? null, fetchedAt: new Date() })
      .onConflictDoUpdate({ target: geocodeCache.query, set: { lat: point?.lat ?? null, lon: point?.lon ?? null, label: point?.label ?? null, fetchedAt: new Date() } });
  }

  async function fromPc4(pc4: string): Promise<GeoPoint | null> {
    const [row] = await db.select().from(postcodes).where(eq(postcodes.pc4, pc4)).limit(1);
    return row ? { lat: row.lat, lon: row.lon, label: pc4, pc4 } : null;
  }

  return {
    async geocode(input) {
      if (input.postcode !== undefined) {
        const pc = parsePostcode(input.postcode);
        if (!pc) return null;
        if (pc.pc6) {
          const key = `pc6:${pc.pc6}`;
          const cached = await fromCache(key);
          if (cached) return { ...cached, pc4: pc.pc4 };
          const found = await fromPdok(pc.pc6, 'postcode');
          if (found !== undefined) {
            await remember(key, found);
            if (found) return { ...found, pc4: pc.pc4 };
          }
        }
        // PDOK has no PC4 type: a PC4, or PDOK out of reach, uses the imported centroids.
        const point = await fromPc4(pc.pc4);
        return point ? { ...point, label: pc.display } : null;
      }
      const q = input.q?.trim();
      if (!q) return null;
      const key = `q:${q.toLowerCase()}`;
      const cached = await fromCache(key);
      if (cached !== undefined) return cached;
      const found = await fromPdok(q, 'woonplaats');
      if (found !== undefined) await remember(key, found);
      return found ?? null;
    },
  };
}
