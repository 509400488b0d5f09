/** `users`: user accounts. */
import type { IdoClient } from '../client.js';
import { resource, type Http } from '../http.js';
import { User } from '../schemas/resources.js';

/** The `users` namespace of a client over `http`. */
export function usersApi(http: Http): IdoClient['users'] {
  const users = resource(http, 'users', User);
  return { list: users.list, create: users.create, delete: users.delete };
}
