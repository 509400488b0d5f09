/**
 * localStorage as a cache that may be missing: private windows, full disks and locked-down
 * intranet browsers throw on access, and the widget must keep working without it.
 */
const PREFIX = 'ido:';

export function readJson<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A cache that cannot be written is only slower next time.
  }
}

/**
 * A short, stable, non-secret fingerprint (FNV-1a) to keep one desk's cache apart from
 * another's without writing the key itself into storage names.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
