/** The document itself, and the health check beside the API. */
import { Health } from '../schemas/health.js';

export const getOpenApi = {
  id: 'getOpenApi',
  tag: 'system',
  method: 'get',
  path: '/api/v1/openapi.json',
  access: 'public',
  responses: { 200: { media: ['application/json'] } },
  errors: [429],
} as const;

/** 503 when the database cannot be reached. Not rate limited. */
export const health = {
  id: 'health',
  tag: 'system',
  method: 'get',
  path: '/healthz',
  access: 'public',
  responses: { 200: Health },
  errors: [503],
} as const;
