/** The desk page's service worker rules (balie/shell.ts): what comes from its cache, and which caches it deletes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CACHE_PREFIX, cacheName, routeOf, staleCaches, versionOf } from '../../balie/shell.js';

const origin = 'https://ido.example.nl';
const kept = new Set(['/balie', '/balie/balie.js', '/widget/ido.js', '/widget/chunks/desk-client-Ab12Cd34.js']);
const get = (path: string, mode = 'cors') => routeOf({ method: 'GET', url: origin + path, mode }, origin, kept);

test("the API always goes to the network: no answer that holds a desk's data is ever kept or served from a cache", () => {
  for (const path of [
    '/api/v1/registrations?from=2026-12-04',
    '/api/v1/auth/me',
    '/api/v1/taxonomy',
    '/api/v1/locations',
    '/api/v1/reports/summary',
  ]) {
    assert.deepEqual(get(path), { kind: 'network' }, path);
    assert.deepEqual(get(path, 'navigate'), { kind: 'network' }, `${path} as a navigation`);
  }
  for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
    assert.deepEqual(routeOf({ method, url: `${origin}/api/v1/registrations`, mode: 'cors' }, origin, kept), { kind: 'network' }, method);
    assert.deepEqual(
      routeOf({ method, url: `${origin}/widget/ido.js`, mode: 'cors' }, origin, kept),
      { kind: 'network' },
      `${method} of a kept path`,
    );
  }
});

test('a navigation to the desk page, with or without ?key=, gets the kept page', () => {
  for (const path of ['/balie', '/balie?key=ido_dk_abc', '/balie/', '/balie#x']) {
    assert.deepEqual(get(path, 'navigate'), { kind: 'shell', key: '/balie' }, path);
  }
  assert.deepEqual(get('/registratie.html', 'navigate'), { kind: 'network' });
  assert.deepEqual(get('/balie-oud', 'navigate'), { kind: 'network' });
});

test("the shell's own files come from the cache; anything else, another origin or a query, from the network", () => {
  assert.deepEqual(get('/widget/ido.js'), { kind: 'shell', key: '/widget/ido.js' });
  assert.deepEqual(get('/widget/chunks/desk-client-Ab12Cd34.js', 'no-cors'), {
    kind: 'shell',
    key: '/widget/chunks/desk-client-Ab12Cd34.js',
  });
  assert.deepEqual(get('/widget/ido.js?v=2'), { kind: 'network' });
  assert.deepEqual(get('/widget/chunks/map-Zz99Yy88.js'), { kind: 'network' });
  assert.deepEqual(get('/widget/ido.js.map'), { kind: 'network' });
  assert.deepEqual(get('/balie'), { kind: 'network' }, 'a script fetching the page is not a navigation');
  assert.deepEqual(routeOf({ method: 'GET', url: 'https://service.pdok.nl/widget/ido.js', mode: 'cors' }, origin, kept), {
    kind: 'network',
  });
});

test("on activation every older cache of ours goes, the current one and anyone else's stay", () => {
  const current = cacheName('bbbbbbbbbbbbbbbb');
  const names = [cacheName('aaaaaaaaaaaaaaaa'), current, 'workbox-precache-v2', 'ido-balie', cacheName('cccccccccccccccc')];
  assert.deepEqual(staleCaches(names, current), [cacheName('aaaaaaaaaaaaaaaa'), cacheName('cccccccccccccccc')]);
  assert.deepEqual(staleCaches([current], current), []);
  assert.equal(versionOf(current), 'bbbbbbbbbbbbbbbb');
  assert.equal(versionOf('workbox-precache-v2'), null);
  assert.ok(current.startsWith(CACHE_PREFIX));
});
