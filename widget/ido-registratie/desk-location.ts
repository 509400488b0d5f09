/**
 * Where this desk registers: the location its key is bound to (`GET /api/v1/auth/me`, one
 * request) and the locations of its organisation (for the name on screen, and for the choice an
 * unbound key asks for once).
 *
 * Remembered in this browser per key, and used from there at once: after a reload without a
 * connection the desk must not wait for the server to fail before it knows its location, for the
 * chips are cached per key and location and would stay empty until it does (with a server that
 * does not answer, ky's timeouts and retries make that half a minute or more). The same holds for
 * the counts and the partners: shown from this browser's copy while the server is asked.
 */
import type { Location } from '../../sdk/schemas/location.js';
import type { Registration } from '../../sdk/schemas/registration.js';
import type { Partner } from '../../sdk/schemas/resources.js';
import { fingerprint, readJson } from '../shared/storage.js';
import type { DeskClient } from './lazy-client.js';

export interface DeskScope {
  /** The locations of the key's organisation. */
  locations: Location[];
  /** The location the desk key is bound to (or the only one there is); null when the worker chooses. */
  bound: string | null;
}

/** The storage name of a key's scope (the same name as before `auth/me`: older copies still count). */
export const scopeCacheKey = (key: string) => `locations:${fingerprint(key)}`;

/** The storage name of the desk's topic counts at a location, for the chips. */
export const countsCacheKey = (key: string, locationId: string) => `counts:${fingerprint(`${key}|${locationId}`)}`;

/** The storage name of the partners that take `topic`, as `key` last saw them. */
export const partnersCacheKey = (key: string, topic: string) => `partners:${fingerprint(key)}:${topic}`;

/** The scope this browser remembers for `key`, or null. */
export function rememberedScope(key: string): DeskScope | null {
  const scope = readJson<DeskScope | null>(scopeCacheKey(key), null);
  return scope && Array.isArray(scope.locations) ? scope : null;
}

/** The topic counts this browser remembers for `key` at `locationId`, or undefined. */
export function rememberedCounts(key: string, locationId: string): [string, number][] | undefined {
  const counts = readJson<[string, number][] | null>(countsCacheKey(key, locationId), null);
  return Array.isArray(counts) ? counts : undefined;
}

/** The partners for `topic` this browser remembers for `key`, or undefined. */
export function rememberedPartners(key: string, topic: string): Partner[] | undefined {
  const partners = readJson<Partner[] | null>(partnersCacheKey(key, topic), null);
  return Array.isArray(partners) ? partners : undefined;
}

/** The storage name of the visits stored today at a location, as `key` last saw them (one entry, overwritten each day). */
export const recentCacheKey = (key: string, locationId: string | null) => `recent:${fingerprint(`${key}|${locationId ?? ''}`)}`;

/** What is kept under `recentCacheKey`. */
export interface RememberedRecent {
  day: string;
  items: Registration[];
}

/**
 * The visits of `day` this browser remembers for `key` at `locationId`, or an empty list: after a
 * reload without a connection the worker still sees what was registered today (not only what
 * waits), so no one thinks those visits were lost.
 */
export function rememberedRecent(key: string, locationId: string | null, day: string): Registration[] {
  const kept = readJson<RememberedRecent | null>(recentCacheKey(key, locationId), null);
  return kept?.day === day && Array.isArray(kept.items) ? kept.items : [];
}

/** Asks the server who the key is and which locations its organisation has. */
export async function fetchScope(client: DeskClient, signal: AbortSignal): Promise<DeskScope> {
  const [me, { items }] = await Promise.all([client.auth.me({ signal }), client.locations.list({}, { signal })]);
  const own = me.kind === 'desk' ? me.locationId : null;
  return { locations: items, bound: own ?? (items.length === 1 ? items[0].id : null) };
}
