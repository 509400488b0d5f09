// Where the transpiled server lives and whether it matches the sources: shared by
// scripts/build-server.mjs (which writes it) and bin/ido-server.mjs (which runs it only then).
// Content, not file times, decides: npm gives every file of an installed package the same time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders the server is made of. */
export const SOURCE_DIRS = ['server', 'sdk'];
export const OUT_DIR = 'dist/node';
/** Holds the digest of the sources the output was built from. */
export const STAMP = '.sources';

function tsFiles(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(root, path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The server's TypeScript files, relative to `root`, in a fixed order. */
export function sourceFiles(root) {
  return SOURCE_DIRS.filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) => tsFiles(root, dir))
    .sort();
}

/** One digest of every source file's path and content (a few milliseconds for the whole server). */
export function sourceDigest(root) {
  const hash = createHash('sha256');
  for (const file of sourceFiles(root))
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/**
 * The transpiled CLI when it was built from exactly the sources there are now; otherwise null
 * (never built, or edited since: run the TypeScript).
 */
export function builtServer(root) {
  const stamp = join(root, OUT_DIR, STAMP);
  const cli = join(root, OUT_DIR, 'server', 'cli.js');
  if (!existsSync(stamp) || !existsSync(cli)) return null;
  return readFileSync(stamp, 'utf8').trim() === sourceDigest(root) ? cli : null;
}
