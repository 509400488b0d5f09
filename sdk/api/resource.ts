/** The shape shared by the resources with the five calls (list, get, create, update, delete), and its one implementation over declared operations. */
import type * as z from 'zod/mini';
import type { Operation } from '../operations/operation.js';
import type { RegistrationQuery } from '../schemas/registration.js';
import { call, type Http, type QueryInput, type RequestOptions } from '../http.js';

/** One page of a list; `nextCursor` goes into the next call's `cursor` (null on the last page). */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** Where the next page starts; null or absent on the last page. @default null */
  nextCursor?: string | null;
}

/** Paging of a list (the registrations page; other lists answer whole). */
export type ListQuery = Pick<QueryInput<typeof RegistrationQuery>, 'limit' | 'cursor'>;

/** The create, read, update and delete calls of one resource. */
export interface Resource<T, I, P, Q = ListQuery> {
  /**
   * One page of the resource (`GET`).
   * @example
   * ```ts
   * const { items, nextCursor } = await ido.partners.list({ topic: 'huurtoeslag' });
   * ```
   */
  list(query?: Q, options?: RequestOptions): Promise<Page<T>>;
  /**
   * One by id; `IdoHttpError` 404 when it does not exist or belongs to another organisation.
   * @example
   * ```ts
   * const location = await ido.locations.get(id);
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<T>;
  /**
   * Creates one (`POST`, 201) and answers it with its `id`. Not retried.
   * @example
   * ```ts
   * const partner = await ido.partners.create({ name: 'Humanitas', kind: 'humanitas', topics: ['huur'] });
   * ```
   */
  create(input: I, options?: RequestOptions): Promise<T>;
  /**
   * Merges the top-level fields given (a list given is replaced whole). Not retried.
   * @example
   * ```ts
   * await ido.locations.update(id, { variant: 'inloop' });
   * ```
   */
  update(id: string, patch: P, options?: RequestOptions): Promise<T>;
  /**
   * Deletes one (`204`); it is a 404 afterwards. Not retried.
   * @example
   * ```ts
   * await ido.courses.delete(id);
   * ```
   */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

/**
 * The five calls of a resource over its declared operations; an operation the resource does not
 * have is left `undefined` and its call is left out of the namespace. The operations are
 * arguments of their own, not an object of operations, and every call is made unconditionally
 * (no `list && …`): that way rollup follows each into `call` and still drops what only the server
 * reads.
 */
export function resource(http: Http, list?: Operation, get?: Operation, create?: Operation, update?: Operation, remove?: Operation) {
  return {
    list: (query?: object, o?: RequestOptions) => call(http, list!, { query, signal: o?.signal }),
    get: (id: string, o?: RequestOptions) => call(http, get!, { path: { id }, signal: o?.signal, onEtag: o?.onEtag }),
    create: (body: unknown, o?: RequestOptions) => call(http, create!, { body, signal: o?.signal, onEtag: o?.onEtag }),
    update: (id: string, body: unknown, o?: RequestOptions) =>
      call(http, update!, { path: { id }, body, signal: o?.signal, ifMatch: o?.ifMatch, onEtag: o?.onEtag }),
    delete: (id: string, o?: RequestOptions) =>
      call(http, remove!, { path: { id }, signal: o?.signal, ifMatch: o?.ifMatch }) as Promise<void>,
  };
}

/** The item type of a list answer. */
export type ItemOf<S extends z.ZodMiniType> = z.output<S> extends { items: (infer T)[] } ? T : never;
