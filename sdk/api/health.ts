/** `health`: whether the server runs and reaches its database. */
import * as z from 'zod/mini';
import type { IdoClient } from '../client.js';
import type { Http } from '../http.js';

const HealthSchema = z.object({ status: z.string(), database: z.optional(z.string()) });

/** The `health` call of a client over `http` (`GET /healthz`, beside `/api/v1`). */
export function healthApi(http: Http): IdoClient['health'] {
  return (o) => http.request('get', new URL(`${http.base}/healthz`, globalThis.location?.href), HealthSchema, o);
}
