/**
 * The desk's client, with the SDK's HTTP core (ky, zod/mini and the schemas: most of the
 * element's weight) in a chunk of its own (desk-client.ts). Every call waits for that chunk, then
 * makes the real call; the element and the outbox use it as they would the client itself.
 *
 * When the chunk cannot be loaded (the desk went offline after the page loaded), a call fails
 * with an `IdoNetworkError`, exactly as when the server cannot be reached: the visit is queued in
 * the outbox and the cached value lists are used; the chunk is asked for again with the next call.
 */
import type { IdoClientOptions } from '../../sdk/client.js';
import { IdoNetworkError } from '../../sdk/errors.js';
import { lazy } from '../shared/lazy.js';
import type { DeskClient } from './desk-client.js';

export type { DeskClient };

const chunk = lazy(() => import('./desk-client.js'));

/** A client of the desk's calls with `options`; the chunk starts loading at once. */
export function lazyDeskClient(options: IdoClientOptions): DeskClient {
  const real = lazy(() =>
    chunk().then(
      (m) => m.deskClient(options),
      (cause: unknown) => {
        throw new IdoNetworkError(undefined, { cause });
      },
    ),
  );
  real().catch(() => undefined);
  const call = <N extends keyof DeskClient, M extends keyof DeskClient[N]>(namespace: N, method: M) =>
    (async (...args: unknown[]) => {
      const target = (await real())[namespace];
      return (target[method] as (...a: unknown[]) => unknown).apply(target, args);
    }) as DeskClient[N][M];
  return {
    auth: { me: call('auth', 'me') },
    taxonomy: { get: call('taxonomy', 'get') },
    locations: { list: call('locations', 'list') },
    reports: { summary: call('reports', 'summary') },
    partners: { list: call('partners', 'list') },
    registrations: {
      list: call('registrations', 'list'),
      create: call('registrations', 'create'),
      createBatch: call('registrations', 'createBatch'),
      update: call('registrations', 'update'),
      delete: call('registrations', 'delete'),
    },
  };
}
