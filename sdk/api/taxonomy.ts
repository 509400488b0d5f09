/** `taxonomy`: the value lists (codes and labels). */
import type * as z from 'zod/mini';
import { call, type Http, type RequestOptions } from '../http.js';
import { getTaxonomy, listTaxonomyVersions } from '../operations/taxonomy.js';
import type { Taxonomy, TaxonomyQuery, TaxonomyVersions } from '../schemas/taxonomy.js';

/** The value lists (codes and labels). */
export interface TaxonomyApi {
  /**
   * The value lists of one version (default the current one) in one language (default the client's).
   * @example
   * ```ts
   * const { topics } = await ido.taxonomy.get({ lang: 'en' });
   * ```
   */
  get(query?: z.input<typeof TaxonomyQuery>, options?: RequestOptions): Promise<Taxonomy>;
  /**
   * Every version with its mapping of retired codes to current ones.
   * @example
   * ```ts
   * const { items } = await ido.taxonomy.versions();
   * ```
   */
  versions(options?: RequestOptions): Promise<z.output<typeof TaxonomyVersions>>;
}

/** The `taxonomy` namespace of a client over `http`. */
export function taxonomyApi(http: Http): TaxonomyApi {
  return {
    get: (query, o) => call(http, getTaxonomy, { query, signal: o?.signal }),
    versions: (o) => call(http, listTaxonomyVersions, { signal: o?.signal }),
  };
}
