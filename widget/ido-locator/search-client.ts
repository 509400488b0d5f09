/**
 * What the locator needs once the visitor searches: the `locations` namespace of the SDK client
 * over the HTTP core (ky and the locator's response schemas, with zod/mini), what a failed search
 * means, and the result cards with their opening hours, holidays, texts and styles (results.ts).
 * Loaded with `import()` on the first search, so a page that shows the locator does not fetch and
 * parse any of it before the visitor asks for something; the form paints without it.
 */
import type { IdoClient, IdoClientOptions } from '../../sdk/client.js';
import { isIdoHttpError, isIdoNetworkError } from '../../sdk/errors.js';
import { createHttp } from '../../sdk/http.js';
import { locationsApi } from '../../sdk/api/locations.js';
import { lazyCatalogue } from '../shared/i18n.js';
import { nl } from './i18n.results.nl.js';

export function locationsClient(options: IdoClientOptions): IdoClient['locations'] {
  return locationsApi(createHttp(options));
}

/**
 * What a failed call to the server means for the visitor: the postcode or place is not known
 * (`unknown`), the server cannot look it up now, it is busy, it cannot be reached, or it failed.
 */
export function problemOf(error: unknown): 'unknown' | 'lookup-unavailable' | 'busy' | 'network' | 'server' {
  if (isIdoHttpError(error) && (error.status === 422 || error.status === 400)) {
    return error.errors.some((e) => e.code === 'geocoder-unavailable') ? 'lookup-unavailable' : 'unknown';
  }
  if (isIdoHttpError(error) && error.status === 429) return 'busy';
  return isIdoNetworkError(error) ? 'network' : 'server';
}

export { renderCard, renderCredit, renderSearchNotes } from './results.js';
export { resultStyles } from './results.styles.js';

/** The texts of the cards, server answers and the map: Dutch here, English a chunk of its own (the element waits for it). */
export const resultTexts = lazyCatalogue(nl, async () => (await import('./i18n.results.en.js')).en);
