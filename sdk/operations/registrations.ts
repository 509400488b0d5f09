/** Visits registered at a desk: one or a batch, listed, read, corrected, deleted, and their audit trail. */
import { IdParams } from '../schemas/common.js';
import {
  AuditTrail,
  BatchResult,
  Registration,
  RegistrationBatchInput,
  RegistrationInput,
  RegistrationPage,
  RegistrationPatch,
  RegistrationQuery,
} from '../schemas/registration.js';

export const listRegistrations = {
  id: 'listRegistrations',
  tag: 'registrations',
  method: 'get',
  path: '/api/v1/registrations',
  access: 'desk',
  query: RegistrationQuery,
  responses: { 200: RegistrationPage },
} as const;

export const createRegistration = {
  id: 'createRegistration',
  tag: 'registrations',
  method: 'post',
  path: '/api/v1/registrations',
  access: 'desk',
  body: RegistrationInput,
  responses: { 201: Registration, 200: Registration },
  errors: [403, 409, 422],
  idempotent: true,
} as const;

export const createRegistrations = {
  id: 'createRegistrations',
  tag: 'registrations',
  method: 'post',
  path: '/api/v1/registrations/batch',
  access: 'desk',
  body: RegistrationBatchInput,
  responses: { 200: BatchResult },
  errors: [403, 422],
  idempotent: true,
} as const;

export const getRegistration = {
  id: 'getRegistration',
  tag: 'registrations',
  method: 'get',
  path: '/api/v1/registrations/{id}',
  access: 'desk',
  params: IdParams,
  responses: { 200: Registration },
} as const;

export const updateRegistration = {
  id: 'updateRegistration',
  tag: 'registrations',
  method: 'patch',
  path: '/api/v1/registrations/{id}',
  access: 'desk',
  params: IdParams,
  body: RegistrationPatch,
  responses: { 200: Registration },
  errors: [403, 422],
} as const;

export const deleteRegistration = {
  id: 'deleteRegistration',
  tag: 'registrations',
  method: 'delete',
  path: '/api/v1/registrations/{id}',
  access: 'desk',
  params: IdParams,
  responses: { 204: null },
  errors: [403],
} as const;

export const getRegistrationAudit = {
  id: 'getRegistrationAudit',
  tag: 'registrations',
  method: 'get',
  path: '/api/v1/registrations/{id}/audit',
  access: 'staff',
  params: IdParams,
  responses: { 200: AuditTrail },
} as const;
