/**
 * `GET /stats`: national figures for anyone (to be mounted under /api/v1/public, where app.ts rate
 * limits it). Every count under 5 is null, with `"suppressed": true` on its group (and on the
 * totals), so that no small group of visitors can be singled out.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { Lang, LocalDate } from '../../../sdk/schemas/common.js';
import { query } from '../../http/validate.js';
import { periodOf, publicStats } from '../../services/reports/index.js';
import type { AppEnv } from '../../types.js';

export const PublicStatsQuery = z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  groupBy: z.optional(z.enum(['topic', 'month'])),
  municipality: z.optional(z.string().check(z.maxLength(100))),
  province: z.optional(z.string().check(z.maxLength(100))),
  lang: z.optional(Lang),
});

const suppressedCount = z.nullable(z.number());
export const PublicStats = z.object({
  visits: suppressedCount,
  questions: suppressedCount,
  referred: suppressedCount,
  suppressed: z.optional(z.boolean()),
  groups: z.array(z.object({
    key: z.string(),
    label: z.string(),
    visits: suppressedCount,
    questions: suppressedCount,
    suppressed: z.optional(z.boolean()),
  })),
});

export const publicStatsRoute = new Hono<AppEnv>()
  .get('/stats', async (c) => {
    const q = query(c, PublicStatsQuery);
    const period = periodOf(c.var.deps, q);
    const stats = await publicStats(c.var.deps, {
      ...period,
      municipality: q.municipality?.trim() || undefined,
      province: q.province?.trim() || undefined,
    }, q.groupBy, c.var.lang);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(stats);
  });
