// Prints the gzip -9 size of the initial widget script (dist/widget/ido.js) and of each element
// built on its own (dist/widget/elements/*.js), with the lazy chunks beside them. Run `npx rollup -c` first.
// Exits with status 1 when ido.js is over its budget (30 KB gzip, all three elements).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 30 * 1024;
const repo = new URL('../../', import.meta.url).pathname;
const root = join(repo, 'dist/widget/');

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (name, raw, gzip, note = '') => console.log(`${name.padEnd(52)} ${kb(raw).padStart(9)} ${kb(gzip).padStart(9)}  ${note}`);

if (!existsSync(join(root, 'ido.js'))) {
  console.error('dist/widget/ido.js is missing: run `npx rollup -c` first.');
  process.exit(1);
}

/** Static imports of an entry (the chunks it pulls in at once), followed transitively. */
function staticClosure(file, dir) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.\.?\/[^"']+)["']/g)) {
      visit(join(path, '..', m[1]));
    }
  };
  visit(join(dir, file));
  return [...seen];
}

console.log(`${'file'.padEnd(52)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)}`);
const initial = staticClosure('ido.js', root);
const initialGzip = initial.reduce((sum, p) => sum + gz(p), 0);
for (const path of initial) row(relative(repo, path), readFileSync(path).length, gz(path));
row(
  '= initial load (ido.js + static imports)',
  initial.reduce((s, p) => s + readFileSync(p).length, 0),
  initialGzip,
  initialGzip <= BUDGET ? `within ${kb(BUDGET)}` : `OVER ${kb(BUDGET)}`,
);

const chunks = join(root, 'chunks');
if (existsSync(chunks)) {
  const lazy = readdirSync(chunks).filter((f) => f.endsWith('.js') && !initial.includes(join(chunks, f)));
  for (const f of lazy) row(`dist/widget/chunks/${f}`, readFileSync(join(chunks, f)).length, gz(join(chunks, f)), 'lazy');
}

const elements = join(root, 'elements');
if (existsSync(elements)) {
  console.log('\nEach element on its own:');
  for (const f of readdirSync(elements)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const closure = staticClosure(f, elements);
    const sum = closure.reduce((s, p) => s + gz(p), 0);
    row(
      `dist/widget/elements/${f}`,
      closure.reduce((s, p) => s + readFileSync(p).length, 0),
      sum,
      closure.length > 1 ? `with ${closure.length - 1} static chunk(s)` : '',
    );
  }
}

process.exit(initialGzip <= BUDGET ? 0 : 1);
