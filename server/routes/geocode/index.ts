/**
 * `GET /api/v1/geocode?postcode=3511AB&number=11[&addition=A]` (contract v3, staff only): the
 * address at a postcode and house number, so that the admin form fills in street, place,
 * municipality, province and coordinates. PDOK's address when it is reachable, else what the
 * postcode tells (PDOK's PC6 area, or the PC4 centroid, `precision: "pc4"`, fields it cannot know
 * null); 422 when nothing is found.
 */
import { Hono } from 'hono';
import { geocode } from '../../../sdk/operations/geocode.js';
import { mount } from '../../http/mount.js';
import { ApiError } from '../../http/problem.js';
import type { AppEnv } from '../../types.js';
import { PC4_ATTRIBUTION } from '../public/index.js';

const fail = (path: string, code: string) => new ApiError('validation', { issues: [{ path, code }] });

export const geocodeRoutes = new Hono<AppEnv>();

mount(geocodeRoutes, geocode, async ({ c, query: q }) => {
  const result = await c.var.deps.geocoder.address({ postcode: q.postcode, number: Number(q.number), addition: q.addition });
  if (!result.ok) {
    if (result.reason === 'invalid') throw fail('postcode', 'invalid-postcode-pc6');
    throw fail('postcode', result.reason === 'unavailable' ? 'address-lookup-unavailable' : 'unknown-address');
  }
  const { address } = result;
  return c.json({ ...address, ...(address.precision === 'pc4' ? { attribution: PC4_ATTRIBUTION } : {}) });
});
