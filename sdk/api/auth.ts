/** `auth`: user sessions, and who the credential is. */
import type * as z from 'zod/mini';
import { call, type Http, type RequestOptions } from '../http.js';
import { login, logout, me } from '../operations/auth.js';
import type { LoginInput, Me, Session } from '../schemas/resources.js';

/** User sessions, and who the credential is. */
export interface AuthApi {
  /**
   * Logs in; from then on the client sends the session token.
   * @example
   * ```ts
   * const { user } = await ido.auth.login({ email, password });
   * ```
   */
  login(input: z.input<typeof LoginInput>, options?: RequestOptions): Promise<Session>;
  /**
   * Ends the session on the server; the client forgets the token even when that fails.
   * @example
   * ```ts
   * await ido.auth.logout();
   * ```
   */
  logout(options?: RequestOptions): Promise<void>;
  /**
   * Who the credential this client sends is (`GET /api/v1/auth/me`): for a desk or secret key
   * its organisation and the location it is bound to (`locationId`, null when not bound), for a
   * session its user. A desk uses it to find its own location in one request.
   * @example
   * ```ts
   * const me = await ido.auth.me();
   * if (me.kind === 'desk' && me.locationId) console.log('registers at', me.locationId);
   * ```
   */
  me(options?: RequestOptions): Promise<Me>;
}

/** The `auth` namespace of a client over `http`: `login` makes `http` send the session token. */
export function authApi(http: Http): AuthApi {
  return {
    login: async (input, o) => {
      const session = await call(http, login, { body: input, signal: o?.signal });
      http.token = session.token;
      return session;
    },
    me: (o) => call(http, me, { signal: o?.signal }),
    // Not try/finally: rollup keeps every property of what a try block touches.
    logout: (o) =>
      call(http, logout, { signal: o?.signal }).finally(() => {
        http.token = http.options.apiKey;
      }),
  };
}
