// Fails on any import cycle among the project's own modules (sdk, server, widget, balie), type
// imports included: a cycle through `import type` costs nothing at run time but ties two files'
// designs together, and the next value import along it breaks the load order.
//
//   node scripts/check-cycles.mjs          prints each cycle, exits 1 when there is one
//
// Dynamic `import()` is left out: that is how the elements load their parts on demand, after the
// importer has loaded, so it never forms a load-order cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOTS = ['sdk', 'server', 'widget', 'balie'];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module a relative specifier names: `./x.js` is written for `./x.ts`. */
function resolveSpecifier(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Static imports and re-exports, `import type` and `export type … from` included; comments removed first. */
export function importsOf(code) {
  const bare = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found = [];
  for (const m of bare.matchAll(/(?:^|[;}\s])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g))
    found.push(m[1]);
  return found;
}

/**
 * The cycles of a module graph (file → the files it imports): its strongly connected components of
 * more than one file, and files that import themselves (Tarjan), each as one concrete loop.
 */
export function cyclesOf(graph) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const components = [];
  const connect = (v) => {
    meta.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!meta.has(w)) {
        connect(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const file of graph.keys()) if (!meta.has(file)) connect(file);
  return components.map((component) => loopIn(graph, component));
}

/** One loop through a component, for the message: from its first file, breadth first back to it. */
function loopIn(graph, component) {
  const inside = new Set(component);
  const start = [...component].sort()[0];
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length) {
    const at = queue.shift();
    for (const next of graph.get(at) ?? []) {
      if (!inside.has(next)) continue;
      if (next === start) {
        const loop = [start];
        for (let back = at; back !== start; back = cameFrom.get(back)) loop.splice(1, 0, back);
        return [...loop, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = ROOTS.filter((d) => existsSync(join(root, d))).flatMap((d) => sources(join(root, d)));
  const graph = new Map(
    files.map((file) => [
      file,
      importsOf(readFileSync(file, 'utf8'))
        .map((s) => resolveSpecifier(file, s))
        .filter(Boolean),
    ]),
  );
  const cycles = cyclesOf(graph);
  for (const loop of cycles) console.error(`import cycle: ${loop.map((f) => relative(root, f)).join(' → ')}`);
  console.log(`${files.length} modules, ${cycles.length} import cycle(s)`);
  process.exit(cycles.length ? 1 : 0);
}
