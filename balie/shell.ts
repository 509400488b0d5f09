/**
 * What the desk page's service worker does with each request, and which caches it clears: pure
 * functions, so that the rules that keep other desks' data out of any cache are tested on their own.
 */

/** Every cache of this service worker starts with this; other caches of the origin are not ours. */
export const CACHE_PREFIX = 'ido-balie-';

/** The path of the desk page itself, and the key it is kept under. */
export const SHELL_PATH = '/balie';

/** What the page posts to a waiting service worker to let it take over. */
export const SKIP_WAITING = 'skip-waiting';

/** What the page posts, with a port, to learn the version of the shell that serves it. */
export const VERSION_QUERY = 'version';

/** The cache of one build of the shell. */
export const cacheName = (version: string): string => CACHE_PREFIX + version;

/** The version in one of our cache names, or null for a cache that is not ours. */
export const versionOf = (name: string): string | null => (name.startsWith(CACHE_PREFIX) ? name.slice(CACHE_PREFIX.length) : null);

/** Straight to the network (the service worker does not answer), or from the shell's cache under `key`. */
export type Route = { kind: 'network' } | { kind: 'shell'; key: string };

const NETWORK: Route = { kind: 'network' };

/** The parts of a `Request` the decision depends on. */
export interface RequestLike {
  method: string;
  url: string;
  mode: string;
}

/**
 * How to answer `request` from a page at `origin`, given the paths the shell keeps.
 *
 * Only the shell's own files, fetched with GET and without a query, come from the cache; the page
 * itself for any navigation to `/balie` (with `?key=` or not). Everything else goes to the
 * network untouched and is never stored, above all the API: its answers hold a desk's
 * registrations and must not outlive the request, nor be served to another key.
 */
export function routeOf(request: RequestLike, origin: string, kept: ReadonlySet<string>): Route {
  if (request.method !== 'GET') return NETWORK;
  const url = new URL(request.url);
  if (url.origin !== origin || url.pathname.startsWith('/api/')) return NETWORK;
  if (request.mode === 'navigate') {
    return url.pathname === SHELL_PATH || url.pathname === `${SHELL_PATH}/` ? { kind: 'shell', key: SHELL_PATH } : NETWORK;
  }
  return url.search === '' && kept.has(url.pathname) && url.pathname !== SHELL_PATH ? { kind: 'shell', key: url.pathname } : NETWORK;
}

/** The caches to delete once `current` is active: every older one of ours, none of anyone else's. */
export function staleCaches(names: readonly string[], current: string): string[] {
  return names.filter((name) => versionOf(name) !== null && name !== current);
}
