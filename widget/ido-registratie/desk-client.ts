/**
 * The part of the SDK client the desk uses: six namespaces over the HTTP core (ky, and the
 * response schemas of those namespaces with zod/mini). A chunk of its own, loaded with `import()`
 * when the element connects (see lazy-client.ts): the form paints ("Loading topics…") without it.
 */
import type { IdoClient, IdoClientOptions } from '../../sdk/client.js';
import { createHttp } from '../../sdk/http.js';
import { authApi } from '../../sdk/api/auth.js';
import { locationsApi } from '../../sdk/api/locations.js';
import { partnersApi } from '../../sdk/api/partners.js';
import { registrationsApi } from '../../sdk/api/registrations.js';
import { reportsApi } from '../../sdk/api/reports.js';
import { taxonomyApi } from '../../sdk/api/taxonomy.js';

/** The calls of the client the desk makes. */
export interface DeskClient {
  auth: Pick<IdoClient['auth'], 'me'>;
  taxonomy: Pick<IdoClient['taxonomy'], 'get'>;
  locations: Pick<IdoClient['locations'], 'list'>;
  reports: Pick<IdoClient['reports'], 'summary'>;
  partners: Pick<IdoClient['partners'], 'list'>;
  registrations: Pick<IdoClient['registrations'], 'list' | 'create' | 'createBatch' | 'update' | 'delete'>;
}

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
