/** `users`: user accounts. */
import type * as z from 'zod/mini';
import type { Http } from '../http.js';
import { createUser, deleteUser, listUsers } from '../operations/users.js';
import type { User, UserInput, UserListQuery } from '../schemas/resources.js';
import { resource, type Resource } from './resource.js';

/** User accounts. */
export type UsersApi = Pick<Resource<User, UserInput, never, z.input<typeof UserListQuery>>, 'list' | 'create' | 'delete'>;

/** The `users` namespace of a client over `http`. */
export function usersApi(http: Http): UsersApi {
  const users = resource(http, listUsers, undefined, createUser, undefined, deleteUser);
  return { list: users.list, create: users.create, delete: users.delete } as UsersApi;
}
