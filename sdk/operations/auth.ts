/** Sessions, and who the credential sent is. */
import { LoginInput, Me, Session } from '../schemas/resources.js';

export const login = {
  id: 'login',
  tag: 'auth',
  method: 'post',
  path: '/api/v1/auth/login',
  access: 'public',
  body: LoginInput,
  responses: { 200: Session },
  errors: [401, 422, 429],
} as const;

export const me = {
  id: 'me',
  tag: 'auth',
  method: 'get',
  path: '/api/v1/auth/me',
  access: 'caller',
  responses: { 200: Me },
  errors: [401, 403],
} as const;

export const logout = {
  id: 'logout',
  tag: 'auth',
  method: 'post',
  path: '/api/v1/auth/logout',
  access: 'caller',
  responses: { 204: null },
} as const;
