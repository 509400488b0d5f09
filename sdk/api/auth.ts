/** `auth`: user sessions, and who the credential is. */
import type { IdoClient } from '../client.js';
import type { Http } from '../http.js';
import { Me, Session } from '../schemas/resources.js';

/** The `auth` namespace of a client over `http`: `login` makes `http` send the session token. */
export function authApi(http: Http): IdoClient['auth'] {
  return {
    login: async (input, o) => {
      const session = await http.request('post', 'auth/login', Session, { json: input, signal: o?.signal });
      http.token = session.token;
      return session;
    },
    me: (o) => http.request('get', 'auth/me', Me, { signal: o?.signal }),
    logout: async (o) => {
      try {
        await http.send('post', 'auth/logout', { signal: o?.signal });
      } finally {
        http.token = http.options.apiKey;
      }
    },
  };
}
