/** Imports of earlier registrations from a CSV or XLSX file, and their progress. Staff only. */
import { IdParams } from '../schemas/common.js';
import { ImportForm, ImportList, ImportListQuery, ImportStatus } from '../schemas/imports.js';

export const listImports = {
  id: 'listImports',
  tag: 'imports',
  method: 'get',
  path: '/api/v1/imports',
  access: 'staff',
  query: ImportListQuery,
  responses: { 200: ImportList },
} as const;

export const createImport = {
  id: 'createImport',
  tag: 'imports',
  method: 'post',
  path: '/api/v1/imports',
  access: 'staff',
  form: ImportForm,
  responses: { 201: ImportStatus, 200: ImportStatus, 202: ImportStatus },
  errors: [403, 422],
} as const;

export const getImport = {
  id: 'getImport',
  tag: 'imports',
  method: 'get',
  path: '/api/v1/imports/{id}',
  access: 'staff',
  params: IdParams,
  responses: { 200: ImportStatus },
} as const;
