/** An organisation's IDO locations. Desk keys may read them; staff manage them. */
import { IdParams } from '../schemas/common.js';
import { Location, LocationInput, LocationList, LocationListQuery, LocationPatch } from '../schemas/location.js';

export const listLocations = {
  id: 'listLocations',
  tag: 'locations',
  method: 'get',
  path: '/api/v1/locations',
  access: 'desk',
  query: LocationListQuery,
  responses: { 200: LocationList },
} as const;

export const createLocation = {
  id: 'createLocation',
  tag: 'locations',
  method: 'post',
  path: '/api/v1/locations',
  access: 'staff',
  body: LocationInput,
  responses: { 201: Location },
  errors: [403, 422],
  etag: true,
} as const;

export const getLocation = {
  id: 'getLocation',
  tag: 'locations',
  method: 'get',
  path: '/api/v1/locations/{id}',
  access: 'desk',
  params: IdParams,
  responses: { 200: Location },
  etag: true,
} as const;

export const updateLocation = {
  id: 'updateLocation',
  tag: 'locations',
  method: 'patch',
  path: '/api/v1/locations/{id}',
  access: 'staff',
  params: IdParams,
  body: LocationPatch,
  responses: { 200: Location },
  errors: [403, 422],
  etag: true,
} as const;

export const deleteLocation = {
  id: 'deleteLocation',
  tag: 'locations',
  method: 'delete',
  path: '/api/v1/locations/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 204: null },
  errors: [403],
  etag: true,
} as const;
