/** Logins: national users manage everyone, coordinators the coordinators of their organisation. */
import { IdParams } from '../schemas/common.js';
import { User, UserInput, UserList, UserListQuery } from '../schemas/resources.js';

export const listUsers = {
  id: 'listUsers',
  tag: 'users',
  method: 'get',
  path: '/api/v1/users',
  access: 'staff',
  query: UserListQuery,
  responses: { 200: UserList },
} as const;

export const createUser = {
  id: 'createUser',
  tag: 'users',
  method: 'post',
  path: '/api/v1/users',
  access: 'staff',
  body: UserInput,
  responses: { 201: User },
  errors: [403, 409, 422],
} as const;

/** 409 for your own account: ask another administrator. */
export const deleteUser = {
  id: 'deleteUser',
  tag: 'users',
  method: 'delete',
  path: '/api/v1/users/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 204: null },
  errors: [403, 409],
} as const;
