/**
 * What the locator needs once the visitor searches: the `locations` namespace of the SDK client
 * over the HTTP core (ky and the locator's response schemas, with zod/mini), and the result cards
 * with their opening hours and holidays (results.ts). Loaded with `import()` on the first search,
 * so a page that shows the locator does not fetch and parse any of it before the visitor asks for
 * something; the form paints without it.
 */
import type { IdoClient, IdoClientOptions } from '../../sdk/client.js';
import { createHttp } from '../../sdk/http.js';
import { locationsApi } from '../../sdk/api/locations.js';

export function locationsClient(options: IdoClientOptions): IdoClient['locations'] {
  return locationsApi(createHttp(options));
}

export { renderCard } from './results.js';
