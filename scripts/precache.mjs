// The desk page's offline shell (/balie): which built files its service worker keeps, and the
// cache version, which changes whenever the content of one of them does. Pure functions, and the
// two small rollup plugins of rollup.config.mjs that use them.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The module that `virtual:precache` names in balie/sw.ts. */
export const PRECACHE_MODULE = 'virtual:precache';

/** The manifest as a file beside sw.js, for people and tests to read (`/balie/precache.json`). */
export const PRECACHE_FILE = 'precache.json';

/** Hex SHA-256 of a file's bytes (the service worker checks what it downloads against it). */
export const sha256 = (content) => createHash('sha256').update(content).digest('hex');

/**
 * Every module reachable from `entry` through static and dynamic imports.
 * @param {string} entry
 * @param {(id: string) => { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null} moduleInfo
 * @returns {Set<string>}
 */
export function reachableModules(entry, moduleInfo) {
  const seen = new Set();
  const todo = [entry];
  while (todo.length) {
    const id = todo.pop();
    if (seen.has(id)) continue;
    const info = moduleInfo(id);
    if (!info) continue;
    seen.add(id);
    todo.push(...info.importedIds, ...info.dynamicallyImportedIds);
  }
  return seen;
}

/**
 * The output files a page needs when it uses only `modules`: the entry, every chunk that holds one
 * of them, and every chunk those import statically (a browser fetches a chunk's static imports
 * with it, even where the desk never runs their code).
 * @param {Record<string, { type: string; fileName: string; isEntry?: boolean; moduleIds?: readonly string[]; imports?: readonly string[] }>} bundle
 * @param {Set<string>} modules
 * @returns {string[]} file names, sorted
 */
export function filesFor(bundle, modules) {
  const chunks = new Map(
    Object.values(bundle)
      .filter((o) => o.type === 'chunk')
      .map((o) => [o.fileName, o]),
  );
  const chosen = new Set();
  const todo = [...chunks.values()].filter((c) => c.isEntry || c.moduleIds.some((id) => modules.has(id))).map((c) => c.fileName);
  while (todo.length) {
    const name = todo.pop();
    if (chosen.has(name) || !chunks.has(name)) continue;
    chosen.add(name);
    todo.push(...(chunks.get(name).imports ?? []));
  }
  return [...chosen].sort();
}

/**
 * What the service worker keeps: each file's URL and hash, and a version made from all of them, so
 * that any change of content (and only a change of content) makes a new cache.
 * @param {{ url: string; content: string | Uint8Array }[]} files
 * @returns {{ version: string; files: { url: string; sha256: string }[] }}
 */
export function precacheManifest(files) {
  const entries = files
    .map((f) => ({ url: f.url, sha256: sha256(f.content) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].url === entries[i - 1].url) throw new Error(`precache: ${entries[i].url} is listed twice`);
  }
  const version = sha256(entries.map((e) => `${e.url} ${e.sha256}`).join('\n')).slice(0, 16);
  return { version, files: entries };
}

/** The URL the server answers a file of dist/balie at: the page itself is `/balie`. */
export const shellUrl = (path) => (path === 'index.html' ? '/balie' : `/balie/${path.split(sep).join('/')}`);

/** Files under `dir`, as paths relative to it. */
export function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? d.path, d.name)))
    .sort();
}

/**
 * Rollup plugin for the widget build: records which of its output files the desk element needs
 * (ido.js and the chunks reachable from `elementModule`), for the service worker's list.
 * @param {string} elementModule absolute path of the element's module
 */
export function deskFiles(elementModule) {
  /** @type {string[] | null} */
  let files = null;
  return {
    files() {
      if (!files) throw new Error('precache: the widget build has not run before the service worker build');
      return files;
    },
    plugin: {
      name: 'desk-files',
      generateBundle(_options, bundle) {
        if (!this.getModuleInfo(elementModule)) this.error(`precache: ${elementModule} is not in this build`);
        files = filesFor(
          bundle,
          reachableModules(elementModule, (id) => this.getModuleInfo(id)),
        );
      },
    },
  };
}

/**
 * Rollup plugin for the service worker build: `import { PRECACHE } from 'virtual:precache'` gives
 * the manifest of the files named by `files()` (read from disk, as the server will send them),
 * which is also written beside the worker as precache.json.
 * @param {() => { url: string; path: string }[]} files
 */
export function precacheModule(files) {
  const resolved = '\0' + PRECACHE_MODULE;
  let manifest = null;
  return {
    name: 'precache-manifest',
    resolveId: (id) => (id === PRECACHE_MODULE ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      manifest = precacheManifest(files().map((f) => ({ url: f.url, content: readFileSync(f.path) })));
      return `export const PRECACHE = ${JSON.stringify(manifest)};`;
    },
    generateBundle() {
      if (!manifest) this.error(`precache: nothing imported ${PRECACHE_MODULE}`);
      this.emitFile({ type: 'asset', fileName: PRECACHE_FILE, source: JSON.stringify(manifest, null, 2) + '\n' });
    },
  };
}
