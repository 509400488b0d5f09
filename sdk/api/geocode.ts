/** `geocode`: an address by postcode and house number (contract v3), for forms that enter a location. */
import type { IdoClient } from '../client.js';
import type { Http } from '../http.js';
import { GeocodedAddress } from '../schemas/geocode.js';

/** The `geocode` call of a client over `http` (`GET /api/v1/geocode`, staff only). */
export function geocodeApi(http: Http): IdoClient['geocode'] {
  return (query, o) => http.request('get', 'geocode', GeocodedAddress, { query, signal: o?.signal });
}
