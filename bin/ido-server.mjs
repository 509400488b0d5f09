#!/usr/bin/env node
// Runs the server: its JavaScript from `npm run build` (dist/node) when that is newer than every
// source file, otherwise the TypeScript through tsx. Both are the same code; the built one saves
// tsx's loader thread, about 80 MB of memory (docs/performance.md, "Memory").
import v8 from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtServer } from './server-build.mjs';

// PGlite's WebAssembly (PostgreSQL, 9 MB) compiled by V8's baseline compiler only: the optimising
// tier holds about 50 MB more for no measurable gain in the server's queries, and compiling it
// competes with the start-up for the CPU. Set before anything compiles WebAssembly; PostgreSQL
// servers (DATABASE_URL) load none.
v8.setFlagsFromString('--liftoff-only');

const root = fileURLToPath(new URL('../', import.meta.url));
const built = builtServer(root);
if (built) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli.ts');
}
