/** `keys`: API keys. */
import type { IdoClient } from '../client.js';
import { resource, type Http } from '../http.js';
import { ApiKey } from '../schemas/resources.js';

/** The `keys` namespace of a client over `http`. */
export function keysApi(http: Http): IdoClient['keys'] {
  const keys = resource(http, 'keys', ApiKey);
  return { list: keys.list, create: keys.create, revoke: keys.delete };
}
