/**
 * What a rate limiter is (the counters in memory, rate-limit.ts, or in Redis, rate-limit-redis.ts).
 * In a file of its own so that `types.ts` (which puts one in `Deps`) and the middleware (which needs
 * `AppEnv`) do not import each other.
 */
export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** Counts hits per key in windows; `hit` is atomic per key. */
export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>;
  close?(): Promise<void>;
}
