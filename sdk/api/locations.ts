/** `locations`: the organisation's IDO locations, and the public locator. */
import type * as z from 'zod/mini';
import { call, type Http, type QueryInput, type RequestOptions } from '../http.js';
import { createLocation, deleteLocation, getLocation, listLocations, updateLocation } from '../operations/locations.js';
import { findLocations, getPublicLocation } from '../operations/public.js';
import type { Location, LocationInput, LocationListQuery, LocationPatch } from '../schemas/location.js';
import type { PublicLocation, PublicLocations, PublicLocationsQuery } from '../schemas/reports.js';
import { resource, type Resource } from './resource.js';

/**
 * Where to search from for `locations.nearest`: a `postcode`, coordinates (`near`, the browser's
 * location, as `{ lat, lon }` or `lat,lon`) or a place name (`q`); exactly one of them.
 */
export type NearestQuery = Omit<QueryInput<typeof PublicLocationsQuery>, 'near'> & { near?: string | { lat: number; lon: number } };

/** The organisation's IDO locations, and the public locator. */
export type LocationsApi = Resource<Location, LocationInput, LocationPatch, z.input<typeof LocationListQuery>> & {
  /**
   * The public locator (`GET /api/v1/public/locations`, no credentials needed): locations
   * nearest to a postcode, coordinates or place, nearest first. A place that cannot be
   * resolved is an `IdoHttpError` 422.
   * @example
   * ```ts
   * const { origin, items } = await ido.locations.nearest({ postcode: '3511AB', limit: 5, openNow: true });
   * ```
   */
  nearest(query: NearestQuery, options?: RequestOptions): Promise<PublicLocations>;
  /**
   * One location's public details, with its schema.org `jsonLd`.
   * @example
   * ```ts
   * const location = await ido.locations.publicGet(id);
   * ```
   */
  publicGet(id: string, options?: RequestOptions): Promise<PublicLocation>;
};

/** The `locations` namespace of a client over `http`. */
export function locationsApi(http: Http): LocationsApi {
  return {
    ...(resource(http, listLocations, getLocation, createLocation, updateLocation, deleteLocation) as Resource<
      Location,
      LocationInput,
      LocationPatch,
      z.input<typeof LocationListQuery>
    >),
    nearest: (query, o) => call(http, findLocations, { query, signal: o?.signal }),
    publicGet: (id, o) => call(http, getPublicLocation, { path: { id }, signal: o?.signal }),
  };
}
