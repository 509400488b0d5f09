/**
 * `GET /api/v1/geocode?postcode=3511AB&number=11[&addition=A]` (contract v3, staff only): the
 * address at a postcode and house number, so that the admin form fills in street, place,
 * municipality, province and coordinates. PDOK's address when it is reachable, else what the
 * postcode tells (PDOK's PC6 area, or the PC4 centroid, `precision: "pc4"`, fields it cannot know
 * null); 422 when nothing is found.
 *
 * Written as a router of its own (mounted by app.ts) so that it moves to the declared-operations
 * pattern in one piece.
 */
import { Hono } from 'hono';
import { GeocodeQuery } from '../../../sdk/schemas/geocode.js';
import { requireStaff } from '../../http/auth.js';
import { ApiError } from '../../http/problem.js';
import { query } from '../../http/validate.js';
import type { AppEnv } from '../../types.js';
import { PC4_ATTRIBUTION } from '../public/index.js';

const fail = (path: string, code: string) => new ApiError('validation', { issues: [{ path, code }] });

export const geocodeRoutes = new Hono<AppEnv>();

geocodeRoutes.get('/', async (c) => {
  requireStaff(c);
  const q = query(c, GeocodeQuery);
  const result = await c.var.deps.geocoder.address({ postcode: q.postcode, number: Number(q.number), addition: q.addition });
  if (!result.ok) {
    if (result.reason === 'invalid') throw fail('postcode', 'invalid-postcode-pc6');
    throw fail('postcode', result.reason === 'unavailable' ? 'address-lookup-unavailable' : 'unknown-address');
  }
  const { address } = result;
  return c.json({ ...address, ...(address.precision === 'pc4' ? { attribution: PC4_ATTRIBUTION } : {}) });
});
