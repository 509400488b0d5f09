/** `GET /api/v1/taxonomy[?version][&lang]` and `GET /api/v1/taxonomy/versions`: the value lists, public. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { query } from '../../http/validate.js';
import { notFound } from '../../http/problem.js';
import type { AppEnv } from '../../types.js';

const TaxonomyQuery = z.strictObject({
  version: z.optional(z.string().check(z.maxLength(20))),
  lang: z.optional(z.enum(['nl', 'en'])),
});

export const taxonomyRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const q = query(c, TaxonomyQuery);
    const view = c.var.deps.taxonomy.view(c.var.lang, q.version);
    if (!view) throw notFound();
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Vary', 'Accept-Language');
    return c.json(view);
  })
  .get('/versions', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json({ items: c.var.deps.taxonomy.versions() });
  });
