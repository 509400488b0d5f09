/** Fixed-window rate limiting with a pluggable store: in memory by default, Redis to share between instances. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../types.js';
import { ApiError } from './problem.js';
import { pickClientAddress } from './client-address.js';
import type { RateLimiter, RateLimitResult } from './rate-limiter.js';

export type { RateLimiter, RateLimitResult };

/** One process's counters. Windows are swept lazily so memory stays bounded by active clients. */
export function memoryRateLimiter(clock: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = clock();
  return {
    async hit(key, limit, windowSeconds) {
      const now = clock();
      const windowMs = windowSeconds * 1000;
      if (now - lastSweep > 60_000) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
        lastSweep = now;
      }
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
      return { allowed: w.count <= limit, remaining: Math.max(0, limit - w.count), retryAfterSeconds };
    },
  };
}

/**
 * The client a limit applies to: the socket's address, or behind the proxies `IDO_TRUST_PROXY`
 * names, the address they forwarded (server/http/client-address.ts). Never a header a client
 * wrote itself, so a forged `X-Forwarded-For` gets no fresh budget.
 */
export function clientKey(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return pickClientAddress(env?.incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), c.var.deps.config.trustProxy);
}

export interface RateLimitOptions {
  /** Bucket name, so that limits on different routes do not share counts. */
  name: string;
  /** Requests per window. */
  limit: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => number;
  /** @default 60 */
  windowSeconds?: number;
}

/**
 * Answers 429 with `Retry-After` once a client passes its limit.
 * @example app.use('/api/v1/public/*', rateLimit({ name: 'public', limit: (c) => c.var.deps.config.publicRateLimit }))
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const windowSeconds = options.windowSeconds ?? 60;
  return async function rateLimitMiddleware(c, next) {
    const limit = options.limit(c);
    const result = await c.var.deps.rateLimiter.hit(`${options.name}:${clientKey(c)}`, limit, windowSeconds);
    c.header('RateLimit-Limit', String(limit));
    c.header('RateLimit-Remaining', String(result.remaining));
    if (!result.allowed) throw new ApiError('rate-limited', { headers: { 'Retry-After': String(result.retryAfterSeconds) } });
    return next();
  };
}
