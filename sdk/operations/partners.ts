/** The sociale kaart: partners an IDO refers visitors to. Desk keys may read them. */
import { IdParams } from '../schemas/common.js';
import { Partner, PartnerInput, PartnerList, PartnerListQuery, PartnerPatch } from '../schemas/resources.js';

export const listPartners = {
  id: 'listPartners',
  tag: 'partners',
  method: 'get',
  path: '/api/v1/partners',
  access: 'desk',
  query: PartnerListQuery,
  responses: { 200: PartnerList },
} as const;

export const createPartner = {
  id: 'createPartner',
  tag: 'partners',
  method: 'post',
  path: '/api/v1/partners',
  access: 'staff',
  body: PartnerInput,
  responses: { 201: Partner },
  errors: [403, 422],
} as const;

export const getPartner = {
  id: 'getPartner',
  tag: 'partners',
  method: 'get',
  path: '/api/v1/partners/{id}',
  access: 'desk',
  params: IdParams,
  responses: { 200: Partner },
} as const;

export const updatePartner = {
  id: 'updatePartner',
  tag: 'partners',
  method: 'patch',
  path: '/api/v1/partners/{id}',
  access: 'staff',
  params: IdParams,
  body: PartnerPatch,
  responses: { 200: Partner },
  errors: [403, 422],
} as const;

export const deletePartner = {
  id: 'deletePartner',
  tag: 'partners',
  method: 'delete',
  path: '/api/v1/partners/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 204: null },
  errors: [403],
} as const;
