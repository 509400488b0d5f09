/**
 * The service worker of the desk page (/balie/sw.js, scope /balie): keeps the page, ido.js and the
 * chunks the desk element loads, so that the desk opens without any connection. The list and its
 * version come from the build (scripts/precache.mjs); a new build is a new worker with a new
 * cache, which takes over when the page asks (the worker at the desk chooses the moment) and then
 * deletes the old caches.
 */
import { PRECACHE } from 'virtual:precache';
import { SKIP_WAITING, VERSION_QUERY, cacheName, routeOf, staleCaches } from './shell.js';

declare const self: ServiceWorkerGlobalScope;

const current = cacheName(PRECACHE.version);
const kept = new Set(PRECACHE.files.map((f) => f.url));

async function hex(buffer: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Downloads every file past the browser's HTTP cache and checks it against the build's hash: a
 * server that was updated meanwhile fails the install (the old shell stays, the next visit tries
 * again) rather than leaving a mix of two versions in one cache.
 */
async function precache(): Promise<void> {
  const cache = await caches.open(current);
  try {
    await Promise.all(
      PRECACHE.files.map(async (file) => {
        const response = await fetch(file.url, { cache: 'reload' });
        if (!response.ok) throw new Error(`${file.url}: ${response.status}`);
        if ((await hex(await response.clone().arrayBuffer())) !== file.sha256)
          throw new Error(`${file.url} is not the file of version ${PRECACHE.version}`);
        await cache.put(file.url, response);
      }),
    );
  } catch (error) {
    await caches.delete(current);
    throw error;
  }
}

async function activate(): Promise<void> {
  for (const name of staleCaches(await caches.keys(), current)) await caches.delete(name);
  await self.clients.claim();
}

async function fromShell(key: string, request: Request): Promise<Response> {
  const hit = await (await caches.open(current)).match(key);
  return hit ?? fetch(request);
}

self.addEventListener('install', (event) => event.waitUntil(precache()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));
self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void self.skipWaiting();
  else if (event.data === VERSION_QUERY) event.ports[0]?.postMessage(PRECACHE.version);
});
self.addEventListener('fetch', (event) => {
  const route = routeOf(event.request, self.location.origin, kept);
  // Not answered here: the browser fetches it as if there were no service worker.
  if (route.kind === 'network') return;
  event.respondWith(fromShell(route.key, event.request));
});
