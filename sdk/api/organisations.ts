/** `organisations`: library organisations. */
import type * as z from 'zod/mini';
import type { Http } from '../http.js';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from '../operations/organisations.js';
import type { Organisation, OrganisationInput, OrganisationListQuery, OrganisationPatch } from '../schemas/resources.js';
import { resource, type Resource } from './resource.js';

/** Library organisations (creating one is for national users). */
export type OrganisationsApi = Omit<
  Resource<Organisation, OrganisationInput, z.input<typeof OrganisationPatch>, z.input<typeof OrganisationListQuery>>,
  'delete'
>;

/** The `organisations` namespace of a client over `http` (no `delete`). */
export function organisationsApi(http: Http): OrganisationsApi {
  const { list, get, create, update } = resource(http, listOrganisations, getOrganisation, createOrganisation, updateOrganisation);
  return { list, get, create, update } as OrganisationsApi;
}
