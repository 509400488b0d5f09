/** `keys`: API keys. */
import type { Http, RequestOptions } from '../http.js';
import { createKey, listKeys, revokeKey } from '../operations/keys.js';
import type { ApiKey, KeyInput } from '../schemas/resources.js';
import type { KeyListQuery } from '../schemas/resources.js';
import type * as z from 'zod/mini';
import { resource, type Resource } from './resource.js';

/** API keys. */
export type KeysApi = Pick<Resource<ApiKey, KeyInput, never, z.input<typeof KeyListQuery>>, 'list' | 'create'> & {
  /**
   * Revokes a key at once.
   * @example
   * ```ts
   * await ido.keys.revoke(key.id);
   * ```
   */
  revoke(id: string, options?: RequestOptions): Promise<void>;
};

/** The `keys` namespace of a client over `http`. */
export function keysApi(http: Http): KeysApi {
  const keys = resource(http, listKeys, undefined, createKey, undefined, revokeKey);
  return { list: keys.list, create: keys.create, revoke: keys.delete } as KeysApi;
}
