/**
 * Public, credential-free endpoints for citizens' websites (mounted at /api/v1/public, rate limited
 * by app.ts): the IDO locator and a location's page data with schema.org JSON-LD; and the national
 * statistics of the reports feature (`GET /stats`, written in routes/reports/public-stats.ts).
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { findLocations, getPublicLocation } from '../../../sdk/operations/public.js';
import type { OriginPrecision } from '../../../sdk/schemas/reports.js';
import { amsterdamParts } from '../../../sdk/opening-hours.js';
import { isUuid } from '../../../sdk/uuid.js';
import { mount } from '../../http/mount.js';
import { ApiError, notFound } from '../../http/problem.js';
import type { GeocodeResult } from '../../services/geocoder.js';
import { locationJsonLd } from '../../services/json-ld.js';
import { findNearest, findPublicLocation, cachedOpenState, toPublicLocation } from '../../services/nearest.js';
import { searchDemandFor } from '../../services/search-demand.js';
import type { AppEnv } from '../../types.js';
import { publicStatsRoute } from '../reports/public-stats.js';

export const PC4_ATTRIBUTION = 'Postcode data © GeoNames (geonames.org), CC BY 4.0';
const DEFAULT_LIMIT = 5;

const MY_LOCATION = { nl: '‘Gebruik mijn locatie’', en: '‘Use my location’' };

/** Why a search could not be resolved, worded for the visitor, always pointing at "use my location". */
const DETAILS = {
  'exactly-one': {
    nl: 'Zoek op postcode (postcode), plaats (q) of locatie (near): precies één daarvan.',
    en: 'Search by postcode (postcode), place (q) or location (near): exactly one of them.',
  },
  'invalid-postcode': {
    nl: `Dit is geen postcode. Een postcode is vier cijfers en twee letters, zoals 3511 AB. U kunt ook kiezen voor ${MY_LOCATION.nl}.`,
    en: `This is not a postcode. A postcode is four digits and two letters, such as 3511 AB. You can also choose ${MY_LOCATION.en}.`,
  },
  'unknown-postcode': {
    nl: `We kennen deze postcode niet. Controleer de postcode of kies ${MY_LOCATION.nl}.`,
    en: `We do not know this postcode. Check the postcode, or choose ${MY_LOCATION.en}.`,
  },
  'unknown-place': {
    nl: `We kennen deze plaats niet. Controleer de naam, zoek op postcode of kies ${MY_LOCATION.nl}.`,
    en: `We do not know this place. Check the name, search by postcode, or choose ${MY_LOCATION.en}.`,
  },
  'geocoder-unavailable': {
    nl: `We kunnen dit nu niet opzoeken. Kies ${MY_LOCATION.nl} of probeer het later opnieuw.`,
    en: `We cannot look this up right now. Choose ${MY_LOCATION.en}, or try again later.`,
  },
  'invalid-near': {
    nl: `Geef uw locatie als breedtegraad,lengtegraad, bijvoorbeeld 52.09,5.12. U kunt ook kiezen voor ${MY_LOCATION.nl}.`,
    en: `Give your location as latitude,longitude, for example 52.09,5.12. You can also choose ${MY_LOCATION.en}.`,
  },
} as const;

type DetailCode = keyof typeof DETAILS;

const fail = (path: string, code: DetailCode) => new ApiError('validation', { issues: [{ path, code }], detail: DETAILS[code] });

/** JSON with a strong ETag and a short public cache; 304 when the client has it already. */
function cachedJson(c: Context<AppEnv>, body: unknown, vary?: string) {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': 'public, max-age=60' };
  if (vary) headers.Vary = vary;
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  return c.body(text, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
}

/** If-None-Match uses the weak comparison: `W/` is ignored, a list or `*` may be given. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

const present = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v : undefined);

export const publicRoutes = new Hono<AppEnv>();

mount(publicRoutes, findLocations, async ({ c, query: params }) => {
  const { deps } = c.var;
  const given = (['postcode', 'near', 'q'] as const).filter((k) => present(params[k]) !== undefined);
  if (given.length !== 1) {
    const paths = given.length === 0 ? ['postcode'] : given;
    throw new ApiError('validation', {
      issues: paths.map((path) => ({ path, code: 'exactly-one', params: { fields: 'postcode, near, q' } })),
      detail: DETAILS['exactly-one'],
    });
  }
  const by = given[0];
  const limit = params.limit ?? DEFAULT_LIMIT;
  const now = deps.clock();

  let origin: { lat: number; lon: number; label: string; precision: OriginPrecision };
  let attribution: string | undefined;
  if (by === 'near') {
    const [lat, lon] = params.near!.split(',').map(Number);
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) throw fail('near', 'invalid-near');
    origin = { lat, lon, label: c.var.lang === 'en' ? 'Your location' : 'Uw locatie', precision: 'device' };
  } else {
    const input = by === 'postcode' ? { postcode: params.postcode! } : { q: params.q! };
    const result: GeocodeResult = await deps.geocoder.resolve(input);
    if (!result.ok) {
      if (result.reason === 'unavailable') throw fail(by, 'geocoder-unavailable');
      if (by === 'postcode') throw fail(by, result.reason === 'invalid' ? 'invalid-postcode' : 'unknown-postcode');
      throw fail(by, 'unknown-place');
    }
    const point = result.point;
    const precision = point.source === 'pc4' ? 'pc4' : by === 'postcode' ? 'postcode' : 'place';
    origin = { lat: point.lat, lon: point.lon, label: point.label, precision };
    if (point.source === 'pc4') attribution = PC4_ATTRIBUTION;
    // Search demand: the four digits and the local date only, counted in memory.
    if (point.pc4) searchDemandFor(deps).count(point.pc4, amsterdamParts(now).date);
  }

  const items = await findNearest(deps.database, { origin, limit, openNow: params.openNow === 'true', now });
  return cachedJson(c, { origin, items, ...(attribution ? { attribution } : {}) }, 'Accept-Language');
});

mount(publicRoutes, getPublicLocation, async ({ c, params: { id } }) => {
  const { deps } = c.var;
  if (!isUuid(id)) throw notFound();
  const found = await findPublicLocation(deps.database, id);
  if (!found) throw notFound();
  const now = deps.clock();
  const view = toPublicLocation(found.row, found.organisationName, cachedOpenState(found.row.id, found.row, now));
  const base = deps.config.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;
  const jsonLd = locationJsonLd(view, { now, id: `${base}/api/v1/public/locations/${view.id}` });
  return cachedJson(c, { ...view, jsonLd });
});

// GET /stats belongs to the reports feature (routes/reports/public-stats.ts); it is public, so it is mounted with these.
publicRoutes.route('/', publicStatsRoute);
