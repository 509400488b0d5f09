/** The import-cycle guard (scripts/check-cycles.mjs): which imports it sees, and which loops it reports. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cyclesOf, importsOf } from '../../scripts/check-cycles.mjs';

test('sees value, type and re-export imports, not dynamic imports or commented ones', () => {
  const code = [
    "import { a } from './a.js';",
    "import type { B } from '../b.js';",
    "export { c } from './c.js';",
    "export type { D } from './d.js';",
    "import './e.js';",
    "import * as f from './f.js';",
    "const g = await import('./g.js');",
    "// import { h } from './h.js';",
    "/* import { i } from './i.js'; */",
    "import { html } from 'lit';",
  ].join('\n');
  assert.deepEqual(importsOf(code), ['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js']);
});

test('reports each cycle once, as a loop that returns to its start, and nothing for a tree', () => {
  const tree = new Map([
    ['a', ['b', 'c']],
    ['b', ['c']],
    ['c', []],
  ]);
  assert.deepEqual(cyclesOf(tree), []);

  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a', 'd']],
    ['d', []],
    ['e', ['e']],
  ]);
  const cycles = cyclesOf(graph);
  assert.equal(cycles.length, 2);
  assert.deepEqual(
    cycles.find((loop) => loop.length > 2),
    ['a', 'b', 'c', 'a'],
  );
  assert.deepEqual(
    cycles.find((loop) => loop.length === 2),
    ['e', 'e'],
  );
});
