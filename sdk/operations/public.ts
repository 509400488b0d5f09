/** Public, credential-free and rate limited: the locator, a location's page data, national figures. */
import { IdParams } from '../schemas/common.js';
import { PublicLocation, PublicLocations, PublicLocationsQuery, PublicStats, PublicStatsQuery } from '../schemas/reports.js';

export const findLocations = {
  id: 'findLocations',
  tag: 'public',
  method: 'get',
  path: '/api/v1/public/locations',
  access: 'public',
  query: PublicLocationsQuery,
  responses: { 200: PublicLocations },
  errors: [422, 429],
} as const;

export const getPublicLocation = {
  id: 'getPublicLocation',
  tag: 'public',
  method: 'get',
  path: '/api/v1/public/locations/{id}',
  access: 'public',
  params: IdParams,
  responses: { 200: PublicLocation },
  errors: [404, 429],
} as const;

export const getPublicStats = {
  id: 'getPublicStats',
  tag: 'public',
  method: 'get',
  path: '/api/v1/public/stats',
  access: 'public',
  query: PublicStatsQuery,
  responses: { 200: PublicStats },
  errors: [422, 429],
} as const;
