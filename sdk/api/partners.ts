/** `partners`: the sociale kaart. */
import type { IdoClient } from '../client.js';
import { resource, type Http } from '../http.js';
import { Partner } from '../schemas/resources.js';

/** The `partners` namespace of a client over `http`. */
export function partnersApi(http: Http): IdoClient['partners'] {
  return resource(http, 'partners', Partner);
}
