/** Serves the built widget at /widget/ and the demo pages at /, from the package's own folders. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../types.js';

/** The package's root folder, which holds `dist/` and `demo/`. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const TYPES: Record<string, string> = {
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Reads a file under `base`, refusing paths that climb out of it. */
export async function load(base: string, path: string): Promise<Buffer | null> {
  const full = normalize(base + sep + path);
  // `base + sep`: a sibling folder whose name starts the same (dist/balie-x) is outside too.
  if (!full.startsWith(base + sep)) return null;
  try {
    return await readFile(full);
  } catch {
    return null;
  }
}

/** Answers with `file` (its type from `path`'s extension), or 304 when the client has this very version. */
export function respond(c: Context, file: Buffer, path: string, cacheControl: string, extra: Record<string, string> = {}) {
  const etag = `"${createHash('sha1').update(file).digest('base64url')}"`;
  const headers = {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    ...extra,
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(file), 200, headers);
}

export function staticFiles() {
  const widgetDir = normalize(packageRoot + 'dist/widget');
  const demoDir = normalize(packageRoot + 'demo');
  return new Hono<AppEnv>()
    .get('/widget/*', async (c) => {
      const path = c.req.path.slice('/widget/'.length);
      const file = await load(widgetDir, path);
      if (!file) return c.notFound();
      // Chunks carry a content hash in their name and never change; ido.js keeps its name, so revalidate.
      const immutable = /-[A-Za-z0-9_-]{8,}\.js$/.test(path);
      c.header('Access-Control-Allow-Origin', '*');
      return respond(
        c,
        file,
        path,
        immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400',
      );
    })
    .get('/*', async (c) => {
      let path = decodeURIComponent(c.req.path);
      if (path.endsWith('/')) path += 'index.html';
      const file = await load(demoDir, path);
      if (!file) return c.notFound();
      return respond(c, file, path, 'no-cache');
    });
}
