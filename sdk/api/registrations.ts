/** `registrations`: visits registered at a desk. */
import type { IdoClient } from '../client.js';
import { at, resource, withId, type Http } from '../http.js';
import { list } from '../schemas/common.js';
import { AuditEntry, BatchResult, Registration } from '../schemas/registration.js';

/** The `registrations` namespace of a client over `http`. */
export function registrationsApi(http: Http): IdoClient['registrations'] {
  return {
    ...resource(http, 'registrations', Registration),
    create: (input, o) => http.request('post', 'registrations', Registration, { json: withId(input), idempotent: true, signal: o?.signal }),
    createBatch: (items, o) =>
      http.request('post', 'registrations/batch', BatchResult, { json: { registrations: items.map(withId) }, idempotent: true, signal: o?.signal }),
    audit: (id, o) => http.request('get', `${at('registrations', id)}/audit`, list(AuditEntry), o),
  };
}
