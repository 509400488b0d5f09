/** `geocode`: an address by postcode and house number (contract v3), for forms that enter a location. */
import { call, type Http, type QueryInput, type RequestOptions } from '../http.js';
import { geocode } from '../operations/geocode.js';
import type { GeocodedAddress, GeocodeQuery } from '../schemas/geocode.js';

/** The address at a postcode and house number (`GET /api/v1/geocode`, staff only). */
export type GeocodeApi = (query: QueryInput<typeof GeocodeQuery>, options?: RequestOptions) => Promise<GeocodedAddress>;

/** The `geocode` call of a client over `http`. */
export function geocodeApi(http: Http): GeocodeApi {
  return (query, o) => call(http, geocode, { query, signal: o?.signal });
}
