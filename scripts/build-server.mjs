// Transpiles the server (and the sdk it imports) from TypeScript to JavaScript, file by file, into
// dist/node/, so that `ido-server` runs without tsx's loader thread (about 80 MB of a server's
// memory; docs/performance.md, "Memory"). The TypeScript stays the one source: bin/ido-server.mjs
// runs this output only while the sources are the ones it was built from (bin/server-build.mjs),
// and runs the TypeScript through tsx otherwise, so an edit never runs stale code.
//
// A file keeps its path (server/db/client.ts → dist/node/server/db/client.js), so the relative
// imports work unchanged. `import.meta.url` is rewritten to the URL of the source file, because
// the server finds its data (migrations, value lists, demo, PC4, the OpenAPI page) beside it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { OUT_DIR, STAMP, sourceDigest, sourceFiles } from '../bin/server-build.mjs';

/**
 * Transpiles every source file of `root` into `outDir` and writes the stamp; answers how many.
 * Exported for the test that runs the output.
 */
export function transpileServer(root, outDir) {
  // Taken first: a source saved while the build runs makes the output count as out of date.
  const digest = sourceDigest(root);
  rmSync(outDir, { recursive: true, force: true });
  const files = sourceFiles(root);
  for (const file of files) {
    const target = join(outDir, file.replace(/\.ts$/, '.js'));
    const toSource = relative(dirname(target), join(root, file)).split('\\').join('/');
    const { code } = transformSync(readFileSync(join(root, file), 'utf8'), {
      loader: 'ts',
      format: 'esm',
      target: 'node20',
      sourcefile: file,
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, verbatimModuleSyntax: true } },
      define: { 'import.meta.url': '__idoSourceUrl' },
      banner: `const __idoSourceUrl = new URL(${JSON.stringify(toSource)}, import.meta.url).href;`,
    });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  // Written last, so that a build cut short leaves no stamp.
  writeFileSync(join(outDir, STAMP), `${digest}\n`);
  return files.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const count = transpileServer(root, join(root, OUT_DIR));
  process.stdout.write(`${OUT_DIR}: ${count} server and sdk files transpiled\n`);
}
