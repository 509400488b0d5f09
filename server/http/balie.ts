/**
 * `GET /balie`: the desk page of its own (contract v3), built into dist/balie: the page, its
 * script, styles, web app manifest and icons, and its service worker. Not an API operation.
 */
import { normalize } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../types.js';
import { load, packageRoot, respond } from './static.js';

/**
 * Every file is revalidated (`no-cache`, answered 304 while unchanged): the service worker keeps
 * the copies that work offline, so the HTTP cache must never hand it an older file at install.
 */
const REVALIDATE = 'no-cache';

export function balieFiles() {
  const dir = normalize(packageRoot + 'dist/balie');
  return new Hono<AppEnv>()
    .get('/balie', async (c) => {
      const file = await load(dir, 'index.html');
      return file ? respond(c, file, 'index.html', REVALIDATE) : c.notFound();
    })
    .get('/balie/', (c) => {
      const { search } = new URL(c.req.url);
      return c.redirect(`/balie${search}`, 301);
    })
    .get('/balie/sw.js', async (c) => {
      const file = await load(dir, 'sw.js');
      // The worker lives under /balie/ but serves the page at /balie itself.
      return file ? respond(c, file, 'sw.js', REVALIDATE, { 'Service-Worker-Allowed': '/balie' }) : c.notFound();
    })
    .get('/balie/*', async (c) => {
      const path = decodeURIComponent(c.req.path.slice('/balie/'.length));
      const file = path === 'index.html' ? null : await load(dir, path);
      return file ? respond(c, file, path, REVALIDATE) : c.notFound();
    });
}
