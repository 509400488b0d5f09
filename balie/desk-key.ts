/** The desk page's key: taken from the address once, checked for its form, shown masked. Pure functions. */

/** The query parameter a coordinator's link may carry the key in (`/balie?key=ido_dk_…`). */
export const KEY_PARAM = 'key';

/**
 * The key in `href`'s query, and the address to show instead (the same without it), so that the
 * key does not stay in the address bar, the history or a bookmark.
 */
export function keyFromAddress(href: string): { key: string | null; address: string } {
  const url = new URL(href);
  const key = url.searchParams.get(KEY_PARAM);
  if (key === null) return { key: null, address: url.pathname + url.search + url.hash };
  url.searchParams.delete(KEY_PARAM);
  return { key: key.trim(), address: url.pathname + url.search + url.hash };
}

/** What is wrong with the form of a typed key, before the server is asked. */
export type KeyProblem = 'empty' | 'secret' | 'format';

export function keyProblem(text: string): KeyProblem | null {
  const key = text.trim();
  if (!key) return 'empty';
  // A secret key works on the server only and must never be kept in a browser.
  if (key.startsWith('ido_sk_')) return 'secret';
  return /^ido_dk_[A-Za-z0-9_-]{16,}$/.test(key) ? null : 'format';
}

/** "ido_dk_…3f9a": enough to tell two keys apart on screen, too little to use. */
export const maskKey = (key: string): string => `${key.slice(0, 7)}…${key.slice(-4)}`;

/** Why the server did not accept a key, from the status it answered with (0: no answer). */
export type KeyRefusal = 'unknown' | 'origin' | 'offline' | 'server';

export function refusalOf(status: number): KeyRefusal {
  if (status === 401) return 'unknown';
  if (status === 403) return 'origin';
  return status === 0 ? 'offline' : 'server';
}
