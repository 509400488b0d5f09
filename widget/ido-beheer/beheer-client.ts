/** The parts of the SDK client `<ido-beheer>` uses: only their schemas are bundled in its chunk. */
import type { IdoClient, IdoClientOptions } from '../../sdk/client.js';
import { createHttp } from '../../sdk/http.js';
import { geocodeApi } from '../../sdk/api/geocode.js';
import { locationsApi } from '../../sdk/api/locations.js';

export type BeheerClient = Pick<IdoClient, 'locations' | 'geocode'>;

export function beheerClient(options: IdoClientOptions): BeheerClient {
  const http = createHttp(options);
  return { locations: locationsApi(http), geocode: geocodeApi(http) };
}
