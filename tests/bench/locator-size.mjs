/**
 * Size of `<ido-locator>` built alone with Lit (widget/ido-locator/define.ts), minified and
 * gzip -9, against the budget. Leaflet is a separate chunk (loaded only with `map`) and reported
 * apart. Also measured: the same without the SDK client (`sdk/client.ts`, `sdk/http.ts`, `sdk/api/*` with ky and the contract's
 * schemas), to show which part of the weight is the element's own.
 *
 * The widget's modules get the same treatment of Lit's css`` and html`` text as in the real build
 * (scripts/rollup-minify-templates.mjs), so this measures what is shipped; `--raw-templates`
 * leaves them as written.
 *
 * Fails when zod's classic API or Leaflet ends up in the initial load; with `--check`, also when the
 * budget is exceeded.
 *
 *   node tests/bench/locator-size.mjs [--json] [--check]
 */
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { applyEdits, templateEdits } from '../../scripts/rollup-minify-templates.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUDGET = 12 * 1024;
const tsconfigRaw = await readFile(new URL('tsconfig.json', new URL('../../', import.meta.url)), 'utf8');

/** As in rollup.config.mjs: TypeScript to JavaScript, then Lit's template text collapsed. */
const minifyTemplates = {
  name: 'minify-templates',
  setup: (b) =>
    b.onLoad({ filter: /\/widget\/.*\.ts$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), {
        loader: 'ts',
        target: 'es2022',
        tsconfigRaw,
        sourcefile: args.path,
      });
      const edits = templateEdits(code, parseAst(code));
      return { contents: edits.length ? applyEdits(code, edits, args.path).code : code, loader: 'js', resolveDir: dirname(args.path) };
    }),
};
const templatePlugins = process.argv.includes('--raw-templates') ? [] : [minifyTemplates];

const options = {
  absWorkingDir: root,
  entryPoints: ['widget/ido-locator/define.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  splitting: true,
  outdir: 'out',
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'silent',
  plugins: templatePlugins,
};
const result = await build(options);

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const outputs = result.metafile.outputs;
const contents = Object.fromEntries(result.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/out/') + 1), f.contents]));
const entryName = Object.keys(outputs).find((name) => name.endsWith('/define.js'));

// What a page loads up front: the entry and every chunk it imports statically (Lit is shared with
// the map chunk, so esbuild splits it out). Chunks behind import() are loaded only with `map`.
const initialNames = new Set();
const visit = (name) => {
  if (initialNames.has(name)) return;
  initialNames.add(name);
  for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
};
visit(entryName);
const initialBytes = Buffer.concat([...initialNames].map((name) => Buffer.from(contents[name])));
const entry = { gzip: gz(initialBytes), raw: initialBytes.length, files: [...initialNames] };
const chunks = Object.keys(outputs)
  .filter((name) => !initialNames.has(name) && name.endsWith('.js'))
  .map((name) => ({ path: name, raw: contents[name].length, gzip: gz(contents[name]) }));

// What the entry (not the lazy map chunk) pulls in, per package/folder, minified bytes before gzip.
const initialInputs = [...initialNames].flatMap((name) => Object.entries(outputs[name].inputs));
const byOwner = {};
for (const [input, { bytesInOutput }] of initialInputs) {
  const owner = input.includes('node_modules/')
    ? input
        .split('node_modules/')[1]
        .split('/')
        .slice(0, input.split('node_modules/')[1].startsWith('@') ? 2 : 1)
        .join('/')
    : input.split('/').slice(0, 2).join('/');
  byOwner[owner] = (byOwner[owner] ?? 0) + bytesInOutput;
}
const inputs = initialInputs.map(([input]) => input);

// The same build with the SDK client left out (marked external).
const withoutClient = await build({
  ...options,
  plugins: [
    ...templatePlugins,
    {
      name: 'without-sdk-client',
      setup: (b) => b.onResolve({ filter: /\/sdk\/(client|http|api\/[^/]+)\.js$/ }, (args) => ({ path: args.path, external: true })),
    },
  ],
});
const wcOutputs = withoutClient.metafile.outputs;
const wcContents = Object.fromEntries(withoutClient.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/out/') + 1), f.contents]));
const wcInitial = new Set();
const wcVisit = (name) => {
  if (wcInitial.has(name)) return;
  wcInitial.add(name);
  for (const imported of wcOutputs[name].imports) if (imported.kind === 'import-statement' && !imported.external) wcVisit(imported.path);
};
wcVisit(Object.keys(wcOutputs).find((name) => name.endsWith('/define.js')));
const withoutClientGzip = gz(Buffer.concat([...wcInitial].map((name) => Buffer.from(wcContents[name]))));
const zodClassic = inputs.filter(
  (i) => /node_modules\/zod\/(v4\/)?(classic|index|v3)\b/.test(i) || /node_modules\/zod\/v4\/locales\//.test(i),
);
const leafletInEntry = inputs.some((i) => i.includes('node_modules/leaflet/'));

const report = {
  initial: entry,
  withoutSdkClient: { gzip: withoutClientGzip },
  budget: BUDGET,
  chunks,
  byOwner: Object.fromEntries(Object.entries(byOwner).sort((a, b) => b[1] - a[1])),
  zodClassic,
  leafletInEntry,
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(
    `ido-locator alone, initial load (define.ts + Lit): ${kb(entry.gzip)} gzip -9 (${kb(entry.raw)} minified), budget ${kb(BUDGET)}`,
  );
  console.log(
    `  of which the SDK client in the initial load (ky, zod/mini, schemas; lazy when 0): ${kb(entry.gzip - withoutClientGzip)}; without it: ${kb(withoutClientGzip)}`,
  );
  for (const c of chunks) console.log(`  lazy (import()): ${c.path} ${kb(c.gzip)} gzip -9`);
  console.log('  initial load by source (minified, before gzip):');
  for (const [owner, bytes] of Object.entries(report.byOwner)) console.log(`    ${owner.padEnd(28)} ${kb(bytes)}`);
  if (zodClassic.length) console.log(`  zod classic pulled in by: ${zodClassic.slice(0, 5).join(', ')}`);
  if (leafletInEntry) console.log('  Leaflet is in the entry: it must only be loaded through import()');
}

const broken = zodClassic.length > 0 || leafletInEntry;
const over = entry.gzip > BUDGET;
if (over) console.log(`over budget by ${kb(entry.gzip - BUDGET)}`);
if (broken || (over && process.argv.includes('--check'))) process.exitCode = 1;
