/**
 * The session of the staff elements' own login form (`<ido-rapportage>`, `<ido-beheer>`): in
 * sessionStorage (gone when the tab closes), never in localStorage. One key for both, so that a
 * coordinator who logged in to one is logged in to the other in the same tab.
 */
import type { User } from '../../sdk/schemas/resources.js';
import { fingerprint } from './storage.js';
import { now } from './clock.js';

/** What the element keeps of a session. */
export interface StoredSession {
  token: string;
  expiresAt: string;
  user: User;
}

const SESSION_KEY = 'ido:session:';

/** The session stored for the API at `api`, unless it expired (then it is removed). */
export function readSession(api: string): StoredSession | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(SESSION_KEY + fingerprint(api));
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredSession;
    if (typeof stored?.token !== 'string' || typeof stored.user?.email !== 'string' || !(Date.parse(stored.expiresAt) > now().getTime())) {
      globalThis.sessionStorage.removeItem(SESSION_KEY + fingerprint(api));
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

/** Stores the session for the API at `api` (`null`: forgets it). */
export function writeSession(api: string, session: StoredSession | null): void {
  try {
    if (session) globalThis.sessionStorage?.setItem(SESSION_KEY + fingerprint(api), JSON.stringify(session));
    else globalThis.sessionStorage?.removeItem(SESSION_KEY + fingerprint(api));
  } catch {
    // Without sessionStorage the session lives in memory only: a reload asks to log in again.
  }
}
