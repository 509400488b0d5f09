/** `health`: whether the server runs and reaches its database. */
import { call, type Http, type RequestOptions } from '../http.js';
import { health } from '../operations/system.js';
import type { Health } from '../schemas/health.js';

/**
 * Whether the server runs and reaches its database (`GET /healthz`).
 * @example
 * ```ts
 * const { status } = await ido.health();
 * ```
 */
export type HealthApi = (options?: RequestOptions) => Promise<Health>;

/** The `health` call of a client over `http` (`GET /healthz`, beside `/api/v1`). */
export function healthApi(http: Http): HealthApi {
  return (o) => call(http, health, { signal: o?.signal });
}
