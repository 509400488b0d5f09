/** `GET /api/v1/taxonomy[?version][&lang]` and `GET /api/v1/taxonomy/versions`: the value lists, public. */
import { Hono } from 'hono';
import { getTaxonomy, listTaxonomyVersions } from '../../../sdk/operations/taxonomy.js';
import { mount } from '../../http/mount.js';
import { notFound } from '../../http/problem.js';
import type { AppEnv } from '../../types.js';

export const taxonomyRoutes = new Hono<AppEnv>();

mount(taxonomyRoutes, getTaxonomy, ({ c, query }) => {
  const view = c.var.deps.taxonomy.view(c.var.lang, query.version);
  if (!view) throw notFound();
  c.header('Cache-Control', 'public, max-age=3600');
  c.header('Vary', 'Accept-Language');
  return c.json(view);
});

mount(taxonomyRoutes, listTaxonomyVersions, ({ c }) => {
  c.header('Cache-Control', 'public, max-age=3600');
  return c.json({ items: c.var.deps.taxonomy.versions() });
});
