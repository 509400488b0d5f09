/** The parts of the SDK client `<ido-beheer>` uses: only their schemas are bundled in its chunk. */
import type { IdoClient, IdoClientOptions } from '../../sdk/client.js';
import { createHttp } from '../../sdk/http.js';
import { geocodeApi } from '../../sdk/api/geocode.js';
import { locationsApi } from '../../sdk/api/locations.js';
import { coursesApi } from '../../sdk/api/courses.js';
import { reportsApi } from '../../sdk/api/reports.js';
import { taxonomyApi } from '../../sdk/api/taxonomy.js';

export type BeheerClient = Pick<IdoClient, 'locations' | 'geocode' | 'courses' | 'reports' | 'taxonomy'>;

export function beheerClient(options: IdoClientOptions): BeheerClient {
  const http = createHttp(options);
  return {
    locations: locationsApi(http),
    geocode: geocodeApi(http),
    courses: coursesApi(http),
    reports: reportsApi(http),
    taxonomy: taxonomyApi(http),
  };
}
