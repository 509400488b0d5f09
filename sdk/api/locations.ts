/** `locations`: the organisation's IDO locations, and the public locator. */
import type { IdoClient } from '../client.js';
import { at, resource, type Http } from '../http.js';
import { Location } from '../schemas/location.js';
import { PublicLocation, PublicLocations } from '../schemas/reports.js';

/** The `locations` namespace of a client over `http`. */
export function locationsApi(http: Http): IdoClient['locations'] {
  return {
    ...resource(http, 'locations', Location),
    nearest: (query, o) => http.request('get', 'public/locations', PublicLocations, { query, signal: o?.signal }),
    publicGet: (id, o) => http.request('get', at('public/locations', id), PublicLocation, o),
  };
}
