/** An address by postcode and house number (contract v3), for the forms that enter a location. */
import { GeocodedAddress, GeocodeQuery } from '../schemas/geocode.js';

/** PDOK's address, else the postcode area or the PC4 centroid (`precision`); 422 when nothing is found. */
export const geocode = {
  id: 'geocode',
  tag: 'geocode',
  method: 'get',
  path: '/api/v1/geocode',
  access: 'staff',
  query: GeocodeQuery,
  responses: { 200: GeocodedAddress },
  errors: [403, 422],
} as const;
