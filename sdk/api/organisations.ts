/** `organisations`: library organisations. */
import type { IdoClient } from '../client.js';
import { resource, type Http } from '../http.js';
import { Organisation } from '../schemas/resources.js';

/** The `organisations` namespace of a client over `http` (no `delete`). */
export function organisationsApi(http: Http): IdoClient['organisations'] {
  const { list, get, create, update } = resource(http, 'organisations', Organisation);
  return { list, get, create, update };
}
