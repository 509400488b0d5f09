/**
 * The part of the SDK client the desk uses: six namespaces over the HTTP core (ky, and the
 * response schemas of those namespaces with zod/mini). A chunk of its own, loaded with `import()`
 * when the element connects (see lazy-client.ts): the form paints ("Loading topics…") without it.
 */
import type { IdoClientOptions } from '../../sdk/client.js';
import { createHttp } from '../../sdk/http.js';
import { authApi } from '../../sdk/api/auth.js';
import { locationsApi } from '../../sdk/api/locations.js';
import { partnersApi } from '../../sdk/api/partners.js';
import { registrationsApi } from '../../sdk/api/registrations.js';
import { reportsApi } from '../../sdk/api/reports.js';
import { taxonomyApi } from '../../sdk/api/taxonomy.js';
import type { DeskClient } from './lazy-client.js';

export function deskClient(options: IdoClientOptions): DeskClient {
  const http = createHttp(options);
  return {
    auth: authApi(http),
    locations: locationsApi(http),
    partners: partnersApi(http),
    registrations: registrationsApi(http),
    reports: reportsApi(http),
    taxonomy: taxonomyApi(http),
  };
}
