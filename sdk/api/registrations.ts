/** `registrations`: visits registered at a desk. */
import type * as z from 'zod/mini';
import { call, withId, type Http, type QueryInput, type RequestOptions } from '../http.js';
import {
  createRegistration,
  createRegistrations,
  deleteRegistration,
  getRegistration,
  getRegistrationAudit,
  listRegistrations,
  updateRegistration,
} from '../operations/registrations.js';
import type {
  AuditEntry,
  BatchResult,
  Registration,
  RegistrationInput,
  RegistrationPatch,
  RegistrationQuery,
} from '../schemas/registration.js';
import { resource, type Resource } from './resource.js';

/** Filters of `registrations.list`; dates are `YYYY-MM-DD`, inclusive, Europe/Amsterdam. */
export type RegistrationListQuery = QueryInput<typeof RegistrationQuery>;

/** Visits registered at a desk. */
export type RegistrationsApi = Resource<Registration, RegistrationInput, RegistrationPatch, RegistrationListQuery> & {
  /**
   * Registers one visit. The client gives it an `id` (a UUID) when it has none, which makes the
   * create idempotent, so it is retried like a GET; the same id and body again answer the
   * stored registration, never a second row.
   * @example
   * ```ts
   * const saved = await ido.registrations.create({
   *   channel: 'balie', duration: '5-15',
   *   questions: [{ type: 'digitale-overheid', topic: 'huurtoeslag' }],
   * });
   * ```
   */
  create(input: RegistrationInput, options?: RequestOptions): Promise<Registration>;
  /**
   * Sends 1 to 500 visits at once (offline queues); one bad item does not fail the others.
   * Results come in order. Items without an `id` get one; retried like a GET.
   * @example
   * ```ts
   * const { results } = await ido.registrations.createBatch(queued);
   * ```
   */
  createBatch(items: RegistrationInput[], options?: RequestOptions): Promise<BatchResult>;
  /**
   * Every change to one registration.
   * @example
   * ```ts
   * const { items } = await ido.registrations.audit(id);
   * ```
   */
  audit(id: string, options?: RequestOptions): Promise<{ items: z.output<typeof AuditEntry>[] }>;
};

/** The `registrations` namespace of a client over `http`. */
export function registrationsApi(http: Http): RegistrationsApi {
  return {
    ...(resource(http, listRegistrations, getRegistration, undefined, updateRegistration, deleteRegistration) as Omit<
      RegistrationsApi,
      'create' | 'createBatch' | 'audit'
    >),
    create: (input, o) => call(http, createRegistration, { body: withId(input), signal: o?.signal }),
    createBatch: (items, o) => call(http, createRegistrations, { body: { registrations: items.map(withId) }, signal: o?.signal }),
    audit: (id, o) => call(http, getRegistrationAudit, { path: { id }, signal: o?.signal }),
  };
}
