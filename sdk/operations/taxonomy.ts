/** The value lists, versioned; public. */
import { Taxonomy, TaxonomyQuery, TaxonomyVersions } from '../schemas/taxonomy.js';

export const getTaxonomy = {
  id: 'getTaxonomy',
  tag: 'taxonomy',
  method: 'get',
  path: '/api/v1/taxonomy',
  access: 'public',
  query: TaxonomyQuery,
  responses: { 200: Taxonomy },
  errors: [404, 422, 429],
} as const;

export const listTaxonomyVersions = {
  id: 'listTaxonomyVersions',
  tag: 'taxonomy',
  method: 'get',
  path: '/api/v1/taxonomy/versions',
  access: 'public',
  responses: { 200: TaxonomyVersions },
  errors: [429],
} as const;
