/** API keys: desk keys (publishable, origin-bound) and secret keys (server to server). */
import { IdParams } from '../schemas/common.js';
import { ApiKey, ApiKeyList, KeyInput, KeyListQuery } from '../schemas/resources.js';

export const listKeys = {
  id: 'listKeys',
  tag: 'keys',
  method: 'get',
  path: '/api/v1/keys',
  access: 'staff',
  query: KeyListQuery,
  responses: { 200: ApiKeyList },
} as const;

export const createKey = {
  id: 'createKey',
  tag: 'keys',
  method: 'post',
  path: '/api/v1/keys',
  access: 'staff',
  body: KeyInput,
  responses: { 201: ApiKey },
  errors: [403, 422],
} as const;

export const revokeKey = {
  id: 'revokeKey',
  tag: 'keys',
  method: 'delete',
  path: '/api/v1/keys/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 204: null },
  errors: [403],
} as const;
