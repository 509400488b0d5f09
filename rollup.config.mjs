// Builds the browser widget (dist/widget/ido.js plus lazy chunks), one standalone file per element
// for size measurement (dist/widget/elements/), the SDK as an ESM library (dist/sdk/index.js), and
// the desk page /balie with its service worker (dist/balie/).
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyTemplates from './scripts/rollup-minify-templates.mjs';
import { PRECACHE_FILE, deskFiles, listFiles, precacheModule, shellUrl } from './scripts/precache.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** The custom elements and the class module that implements each. */
const ELEMENTS = {
  'ido-registratie': { module: 'widget/ido-registratie/ido-registratie.ts', className: 'IdoRegistratie' },
  'ido-locator': { module: 'widget/ido-locator/ido-locator.ts', className: 'IdoLocator' },
  'ido-rapportage': { module: 'widget/ido-rapportage/ido-rapportage.ts', className: 'IdoRapportage' },
  'ido-beheer': { module: 'widget/ido-beheer/ido-beheer.ts', className: 'IdoBeheer' },
};

const browserPlugins = () => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'module', 'default'] }),
  esbuild({ target: 'es2022', tsconfig: here('tsconfig.json'), minify: false, sourceMap: true }),
  // Lit's css`` and html`` text, written indented for people: collapsed (terser leaves it alone).
  minifyTemplates(),
  terser({
    ecma: 2022,
    module: true,
    compress: { passes: 2 },
    format: { comments: false },
  }),
];

/**
 * A virtual entry per element that defines just that tag, with the same guard as widget/index.ts:
 * what a page that uses only this element would load.
 */
function defineOneElement() {
  const prefix = '\0define:';
  return {
    name: 'define-one-element',
    resolveId: (id) => (id.startsWith('define:') ? prefix + id.slice('define:'.length) : null),
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const tag = id.slice(prefix.length);
      const { module, className } = ELEMENTS[tag];
      return [
        `import { ${className} } from ${JSON.stringify(here(module))};`,
        `if (!customElements.get(${JSON.stringify(tag)})) customElements.define(${JSON.stringify(tag)}, ${className});`,
        `export { ${className} };`,
      ].join('\n');
    },
  };
}

/**
 * A chunk shared by several lazy parts, holding the SDK's HTTP core (ky, zod/mini, schemas), is
 * named `sdk-client` instead of after whichever of its modules rollup picks.
 */
const chunkName = (chunk) =>
  chunk.facadeModuleId === null && chunk.moduleIds.some((id) => id.includes('/node_modules/ky/')) ? 'sdk-client' : '[name]';

/** The files of ido.js's build that the desk element needs: what the desk page keeps offline. */
const desk = deskFiles(here(ELEMENTS['ido-registratie'].module));

/** The desk page's files that are not built, copied into its output as they are. */
const BALIE_STATIC = ['index.html', 'balie.css', 'manifest.webmanifest', ...listFiles(here('balie/icons')).map((f) => `icons/${f}`)];

function copyStatic(dir, files) {
  return {
    name: 'copy-static',
    buildStart() {
      for (const file of files) this.addWatchFile(here(`${dir}/${file}`));
    },
    generateBundle() {
      for (const file of files) this.emitFile({ type: 'asset', fileName: file, source: readFileSync(here(`${dir}/${file}`)) });
    },
  };
}

/** What the service worker keeps: the desk page's files (as built just before it) and the desk's part of ido.js. */
const shellFiles = () => [
  ...listFiles(here('dist/balie'))
    .filter((f) => f !== 'sw.js' && f !== PRECACHE_FILE && !f.endsWith('.map'))
    .map((f) => ({ url: shellUrl(f), path: here(`dist/balie/${f}`) })),
  ...desk.files().map((f) => ({ url: `/widget/${f}`, path: here(`dist/widget/${f}`) })),
];

const inDependency = (warning) => [warning.id, ...(warning.ids ?? [])].some((id) => id?.includes('/node_modules/'));

/** Dependencies' own notes (zod's comments and cycles) are not ours to act on; our code's warnings still show. */
/** Empties the output folders once, before the first build, so no chunk of an earlier build lingers beside ido.js. */
function cleanOutput(dirs) {
  return {
    name: 'clean-output',
    buildStart() {
      for (const dir of dirs) rmSync(here(dir), { recursive: true, force: true });
    },
  };
}

const onwarn = (warning, warn) => {
  if (['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code) && inDependency(warning)) return;
  warn(warning);
};

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { ido: 'widget/index.ts' },
    // The entry keeps its exports, and may export more: code it shares with a lazy chunk then stays
    // in ido.js instead of going to a chunk of its own that every page would have to fetch too.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/widget',
      format: 'es',
      entryFileNames: '[name].js',
      // Lazy parts (the map, the charts) load from beside ido.js, so a CDN or CMS path just works.
      chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`,
      sourcemap: true,
    },
    plugins: [cleanOutput(['dist/widget', 'dist/sdk', 'dist/balie']), desk.plugin, ...browserPlugins()],
    onwarn,
  },
  // One build per element, each on its own, so that its size is what that element alone costs.
  ...Object.keys(ELEMENTS).map((tag) => ({
    input: { [tag]: `define:${tag}` },
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/widget/elements',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => `chunks/${tag}-${chunkName(chunk)}-[hash].js`,
      sourcemap: false,
    },
    plugins: [defineOneElement(), ...browserPlugins()],
    onwarn,
  })),
  {
    input: { index: 'sdk/index.ts' },
    preserveEntrySignatures: 'strict',
    // A library: its dependencies (ky, zod) are the application's to install and bundle.
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id),
    output: {
      dir: 'dist/sdk',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [esbuild({ target: 'es2022', tsconfig: here('tsconfig.json'), sourceMap: true })],
    onwarn,
  },
  // The desk page's script and files, then its service worker, which lists them (and the desk's
  // part of ido.js) with their hashes: rollup builds these configurations one after another.
  {
    input: { balie: 'balie/balie.ts' },
    output: { dir: 'dist/balie', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: false },
    plugins: [copyStatic('balie', BALIE_STATIC), ...browserPlugins()],
    onwarn,
  },
  {
    input: { sw: 'balie/sw.ts' },
    // A classic worker script: module service workers are not yet everywhere a desk may run.
    output: { dir: 'dist/balie', format: 'iife', entryFileNames: '[name].js', sourcemap: false },
    plugins: [precacheModule(shellFiles), ...browserPlugins()],
    onwarn,
  },
];
