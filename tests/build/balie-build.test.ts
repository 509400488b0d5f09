/**
 * The built desk page (dist/balie, made by `npm run build`): its service worker lists exactly the
 * files the server sends for the shell, with their real hashes, and the desk's part of ido.js.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { balieFiles } from '../../server/http/balie.js';
import { staticFiles } from '../../server/http/static.js';
import { precacheManifest, type PrecacheManifest } from '../../scripts/precache.mjs';

const dist = new URL('../../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('balie/precache.json', dist), 'utf8')) as PrecacheManifest;
const worker = readFileSync(new URL('balie/sw.js', dist), 'utf8');
const routers = [balieFiles(), staticFiles()];

/** What the server answers for `url`, through the same routers the app mounts. */
async function served(url: string): Promise<{ status: number; body: Buffer; headers: Headers }> {
  for (const router of routers) {
    const response = await router.request(url);
    if (response.status !== 404)
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }
  return { status: 404, body: Buffer.alloc(0), headers: new Headers() };
}

test("the service worker carries the build's version and the hash of every file it keeps", () => {
  assert.match(manifest.version, /^[0-9a-f]{16}$/);
  assert.ok(worker.includes(manifest.version), 'sw.js names the version of precache.json');
  for (const file of manifest.files) assert.ok(worker.includes(file.sha256), `sw.js has the hash of ${file.url}`);
});

test('every kept file is what the server sends at its URL, and the version is the one those files make', async () => {
  const files = [];
  for (const file of manifest.files) {
    const { status, body, headers } = await served(file.url);
    assert.equal(status, 200, file.url);
    assert.equal(createHash('sha256').update(body).digest('hex'), file.sha256, `${file.url} as served`);
    assert.match(headers.get('cache-control') ?? '', /no-cache|max-age/, `${file.url} has a cache policy`);
    files.push({ url: file.url, content: body });
  }
  assert.equal(precacheManifest(files).version, manifest.version);
});

test("the shell holds the page, its manifest and icons, ido.js and the desk's chunks, and nothing of the map, the charts or the API", () => {
  const urls = manifest.files.map((f) => f.url);
  for (const url of [
    '/balie',
    '/balie/balie.js',
    '/balie/balie.css',
    '/balie/manifest.webmanifest',
    '/balie/icons/icon-192.png',
    '/balie/icons/icon-512.png',
    '/widget/ido.js',
  ]) {
    assert.ok(urls.includes(url), `${url} is kept`);
  }
  for (const part of ['desk-client', 'details-panel', 'sdk-client']) {
    assert.ok(
      urls.some((u) => new RegExp(`^/widget/chunks/${part}-[\\w-]{8}\\.js$`).test(u)),
      `the ${part} chunk is kept`,
    );
  }
  for (const part of ['map', 'dashboard', 'charts', 'search-client']) {
    assert.ok(!urls.some((u) => u.startsWith(`/widget/chunks/${part}-`)), `the ${part} chunk is not the desk's`);
  }
  assert.ok(!urls.some((u) => u.startsWith('/api/') || u.endsWith('.map') || u === '/balie/sw.js'), JSON.stringify(urls));
});

test('the worker is served for the scope /balie and always revalidated', async () => {
  const { status, headers } = await served('/balie/sw.js');
  assert.equal(status, 200);
  assert.equal(headers.get('service-worker-allowed'), '/balie');
  assert.equal(headers.get('cache-control'), 'no-cache');
  assert.match(headers.get('content-type') ?? '', /^text\/javascript/);
  assert.match((await served('/balie/manifest.webmanifest')).headers.get('content-type') ?? '', /^application\/manifest\+json/);
  assert.equal((await served('/balie/../../package.json')).status, 404);
  assert.equal((await served('/balie/index.html')).status, 404, 'one address for the page: /balie');
});

test('the web app manifest is installable: a name, a start inside its scope, standalone, 192 and 512 px icons that exist', async () => {
  const app = JSON.parse((await served('/balie/manifest.webmanifest')).body.toString('utf8'));
  assert.equal(app.name, 'IDO-balie');
  assert.equal(app.lang, 'nl');
  assert.equal(app.display, 'standalone');
  assert.ok(app.start_url.startsWith(app.scope));
  for (const size of ['192x192', '512x512']) {
    const icon = app.icons.find(
      (i: { sizes: string; type: string; purpose: string }) => i.sizes === size && i.type === 'image/png' && i.purpose.includes('any'),
    );
    assert.ok(icon, `a ${size} png icon`);
    const png = (await served(icon.src)).body;
    // The PNG's own header says how large it is (IHDR: width and height at bytes 16 and 20).
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, size, icon.src);
  }
  assert.ok(
    app.icons.some((i: { purpose: string }) => i.purpose === 'maskable'),
    'a maskable icon',
  );
});
