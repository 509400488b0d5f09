/** `partners`: the sociale kaart. */
import type * as z from 'zod/mini';
import type { Http } from '../http.js';
import { createPartner, deletePartner, getPartner, listPartners, updatePartner } from '../operations/partners.js';
import type { Partner, PartnerInput, PartnerListQuery, PartnerPatch } from '../schemas/resources.js';
import { resource, type Resource } from './resource.js';

/** The sociale kaart: partners to refer visitors to; `list({ topic })` finds those that take a topic. */
export type PartnersApi = Resource<Partner, PartnerInput, PartnerPatch, z.input<typeof PartnerListQuery>>;

/** The `partners` namespace of a client over `http`. */
export function partnersApi(http: Http): PartnersApi {
  return resource(http, listPartners, getPartner, createPartner, updatePartner, deletePartner) as PartnersApi;
}
