/** `taxonomy`: the value lists (codes and labels). */
import type { IdoClient } from '../client.js';
import type { Http } from '../http.js';
import { Taxonomy, TaxonomyVersions } from '../schemas/taxonomy.js';

/** The `taxonomy` namespace of a client over `http`. */
export function taxonomyApi(http: Http): IdoClient['taxonomy'] {
  return {
    get: (query, o) => http.request('get', 'taxonomy', Taxonomy, { query, signal: o?.signal }),
    versions: (o) => http.request('get', 'taxonomy/versions', TaxonomyVersions, o),
  };
}
