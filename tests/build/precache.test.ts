/** The desk page's precache list (scripts/precache.mjs): which files, and a version that follows their content. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filesFor, precacheManifest, reachableModules, sha256, shellUrl } from '../../scripts/precache.mjs';

const shell = (ido: string) => [
  { url: '/balie', content: '<!doctype html><title>IDO-balie</title>' },
  { url: '/widget/ido.js', content: ido },
  { url: '/widget/chunks/desk-client-Ab12Cd34.js', content: 'export const c = 1;' },
];

test('the version changes when the content of any file changes, and only then', () => {
  const first = precacheManifest(shell('console.log(1)'));
  assert.equal(precacheManifest(shell('console.log(1)')).version, first.version, 'the same files: the same version');
  assert.notEqual(precacheManifest(shell('console.log(2)')).version, first.version, 'ido.js changed: a new version');
  assert.match(first.version, /^[0-9a-f]{16}$/);

  // The same bytes under another name are another shell too.
  const renamed = shell('console.log(1)').map((f) =>
    f.url.includes('desk-client') ? { ...f, url: '/widget/chunks/desk-client-Zz99Yy88.js' } : f,
  );
  assert.notEqual(precacheManifest(renamed).version, first.version);
});

test('the order files are found in does not matter; each file carries the hash the service worker checks', () => {
  const files = shell('x');
  const manifest = precacheManifest(files);
  assert.deepEqual(precacheManifest([...files].reverse()), manifest);
  assert.deepEqual(
    manifest.files.map((f) => f.url),
    ['/balie', '/widget/chunks/desk-client-Ab12Cd34.js', '/widget/ido.js'],
  );
  assert.equal(manifest.files.find((f) => f.url === '/widget/ido.js')!.sha256, sha256('x'));
  assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('a file listed twice is a build error, not a cache that holds one of the two', () => {
  assert.throws(() => precacheManifest([...shell('x'), { url: '/widget/ido.js', content: 'y' }]), /\/widget\/ido\.js is listed twice/);
});

test('the desk needs the entry, the chunks holding modules it reaches, and what those import statically', () => {
  // widget/index → registratie → (lazy) desk-client → sdk; index → locator → (lazy) map → leaflet
  const graph: Record<string, { importedIds: string[]; dynamicallyImportedIds: string[] }> = {
    index: { importedIds: ['registratie', 'locator'], dynamicallyImportedIds: [] },
    registratie: { importedIds: ['shared'], dynamicallyImportedIds: ['desk-client', 'i18n-desk'] },
    'desk-client': { importedIds: ['sdk'], dynamicallyImportedIds: [] },
    'i18n-desk': { importedIds: [], dynamicallyImportedIds: [] },
    sdk: { importedIds: [], dynamicallyImportedIds: [] },
    shared: { importedIds: [], dynamicallyImportedIds: [] },
    locator: { importedIds: ['shared'], dynamicallyImportedIds: ['map', 'search'] },
    map: { importedIds: ['leaflet'], dynamicallyImportedIds: [] },
    leaflet: { importedIds: [], dynamicallyImportedIds: [] },
    search: { importedIds: ['sdk'], dynamicallyImportedIds: [] },
  };
  const reached = reachableModules('registratie', (id) => graph[id] ?? null);
  assert.deepEqual([...reached].sort(), ['desk-client', 'i18n-desk', 'registratie', 'sdk', 'shared']);

  const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], isEntry = false) => ({
    type: 'chunk',
    fileName,
    moduleIds,
    imports,
    isEntry,
  });
  const bundle = {
    'ido.js': chunk('ido.js', ['index', 'registratie', 'locator', 'shared'], [], true),
    'ido.js.map': { type: 'asset', fileName: 'ido.js.map' },
    'chunks/desk-client-1.js': chunk('chunks/desk-client-1.js', ['desk-client'], ['chunks/sdk-client-2.js']),
    'chunks/sdk-client-2.js': chunk('chunks/sdk-client-2.js', ['sdk'], ['chunks/zod-locales-3.js']),
    // Holds nothing the desk runs, but the desk's sdk chunk imports it, so the browser fetches it.
    'chunks/zod-locales-3.js': chunk('chunks/zod-locales-3.js', ['locales']),
    'chunks/i18n.en-4.js': chunk('chunks/i18n.en-4.js', ['i18n-desk']),
    'chunks/map-5.js': chunk('chunks/map-5.js', ['map', 'leaflet']),
    'chunks/search-6.js': chunk('chunks/search-6.js', ['search'], ['chunks/sdk-client-2.js']),
  };
  assert.deepEqual(filesFor(bundle, reached), [
    'chunks/desk-client-1.js',
    'chunks/i18n.en-4.js',
    'chunks/sdk-client-2.js',
    'chunks/zod-locales-3.js',
    'ido.js',
  ]);
});

test('the files of dist/balie are served under /balie, the page itself at /balie', () => {
  assert.equal(shellUrl('index.html'), '/balie');
  assert.equal(shellUrl('balie.js'), '/balie/balie.js');
  assert.equal(shellUrl('icons/icon-192.png'), '/balie/icons/icon-192.png');
});
