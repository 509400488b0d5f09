/** Rate-limit counters in Redis, so that every server instance behind a load balancer shares them. */
import { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limit.js';

/** INCR and set the window's expiry in one round trip; atomic per key. */
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

export function redisRateLimiter(url: string): RateLimiter {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  return {
    async hit(key, limit, windowSeconds) {
      const [count, ttl] = (await redis.eval(HIT, 1, `ido:rl:${key}`, String(windowSeconds * 1000))) as [number, number];
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
    },
    async close() {
      await redis.quit();
    },
  };
}
