/**
 * `GET /api/v1/public/stats`: national figures for anyone (rate limited by app.ts with the other
 * public paths). Every count under 5 is null, with `"suppressed": true` on its group (and on the
 * totals), so that no small group of visitors can be singled out.
 */
import { Hono } from 'hono';
import { getPublicStats } from '../../../sdk/operations/public.js';
import { mount } from '../../http/mount.js';
import { periodOf, publicStats } from '../../services/reports/index.js';
import type { AppEnv } from '../../types.js';

export const publicStatsRoute = new Hono<AppEnv>();

mount(publicStatsRoute, getPublicStats, async ({ c, query: q }) => {
  const period = periodOf(c.var.deps, q);
  const stats = await publicStats(
    c.var.deps,
    {
      ...period,
      municipality: q.municipality?.trim() || undefined,
      province: q.province?.trim() || undefined,
    },
    q.groupBy,
    c.var.lang,
  );
  c.header('Cache-Control', 'public, max-age=300');
  return c.json(stats);
});
