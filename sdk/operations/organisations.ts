/** Library organisations: national users create them; coordinators see and edit their own. No delete. */
import { IdParams } from '../schemas/common.js';
import { Organisation, OrganisationInput, OrganisationList, OrganisationListQuery, OrganisationPatch } from '../schemas/resources.js';

export const listOrganisations = {
  id: 'listOrganisations',
  tag: 'organisations',
  method: 'get',
  path: '/api/v1/organisations',
  access: 'staff',
  query: OrganisationListQuery,
  responses: { 200: OrganisationList },
} as const;

export const createOrganisation = {
  id: 'createOrganisation',
  tag: 'organisations',
  method: 'post',
  path: '/api/v1/organisations',
  access: 'national',
  body: OrganisationInput,
  responses: { 201: Organisation },
  errors: [403, 422],
} as const;

export const getOrganisation = {
  id: 'getOrganisation',
  tag: 'organisations',
  method: 'get',
  path: '/api/v1/organisations/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 200: Organisation },
} as const;

export const updateOrganisation = {
  id: 'updateOrganisation',
  tag: 'organisations',
  method: 'patch',
  path: '/api/v1/organisations/{id}',
  access: 'staff',
  params: IdParams,
  body: OrganisationPatch,
  responses: { 200: Organisation },
  errors: [403, 422],
} as const;
