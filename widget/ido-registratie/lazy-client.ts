/**
 * The desk's client, with the SDK's HTTP core (ky, zod/mini and the schemas: most of the
 * element's weight) in a chunk of its own (desk-client.ts). Every call waits for that chunk, then
 * makes the real call; the element and the outbox use it as they would the client itself.
 *
 * When the chunk cannot be loaded (the desk went offline after the page loaded), a call fails
 * with an `IdoNetworkError`, exactly as when the server cannot be reached: the visit is queued in
 * the outbox and the cached value lists are used; the chunk is asked for again with the next call.
 */
import type { IdoClient, IdoClientOptions } from '../../sdk/client.js';
import { IdoNetworkError } from '../../sdk/errors.js';

/** The calls of the client the desk makes. */
export interface DeskClient {
  auth: Pick<IdoClient['auth'], 'me'>;
  taxonomy: Pick<IdoClient['taxonomy'], 'get'>;
  locations: Pick<IdoClient['locations'], 'list'>;
  reports: Pick<IdoClient['reports'], 'summary'>;
  partners: Pick<IdoClient['partners'], 'list'>;
  registrations: Pick<IdoClient['registrations'], 'list' | 'create' | 'createBatch' | 'update' | 'delete'>;
}

let module: Promise<typeof import('./desk-client.js')> | undefined;

/** The chunk, loaded once (again after a failure). */
function load(): Promise<typeof import('./desk-client.js')> {
  return (module ??= import('./desk-client.js').catch((cause: unknown) => {
    module = undefined;
    throw new IdoNetworkError(undefined, { cause });
  }));
}

/** A client of the desk's calls with `options`; the chunk starts loading at once. */
export function lazyDeskClient(options: IdoClientOptions): DeskClient {
  let client: Promise<DeskClient> | undefined;
  const real = () =>
    (client ??= load().then(
      (m) => m.deskClient(options),
      (error: unknown) => {
        client = undefined;
        throw error;
      },
    ));
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
