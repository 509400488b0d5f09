/**
 * Mounts one declared operation (sdk/operations) on a router: the access check and the validation
 * of path, query and body come from the declaration, so a route's handler starts from a known
 * caller and parsed input. The order is the API's: who is calling (401/403), then the path (a
 * path that cannot name anything is a 404), the query (400/422), what `load` finds (404 for
 * another organisation's row, and where a precondition such as `If-Match` is checked), and only
 * then the body (415/400/422): a 404 is never hidden behind a 422.
 */
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Access, Operation } from '../../sdk/operations/operation.js';
import type { AppEnv } from '../types.js';
import { requireCaller, requireNational, requireStaff, type Principal } from './auth.js';
import { notFound } from './problem.js';
import { body as readBody, query as readQuery } from './validate.js';

type Caller<A extends Access> = A extends 'public'
  ? Principal
  : A extends 'staff'
    ? ReturnType<typeof requireStaff>
    : A extends 'national'
      ? ReturnType<typeof requireNational>
      : ReturnType<typeof requireCaller>;

type Parsed<O, K extends string> = O extends { readonly [P in K]: infer S extends z.ZodMiniType } ? z.output<S> : undefined;

/** What a handler (and `load`) gets: the context, the caller as its access allows, and the parsed input. */
export interface Request<O extends Operation> {
  c: Context<AppEnv>;
  caller: Caller<O['access']>;
  params: Parsed<O, 'params'>;
  query: Parsed<O, 'query'>;
}

export interface Handled<O extends Operation, R> extends Request<O> {
  body: Parsed<O, 'body'>;
  /** What `load` found. */
  row: R;
}

export interface MountOptions<O extends Operation, R> {
  /** Runs before the body is read: the row the operation works on (a 404 when there is none), or a precondition. */
  load?: (request: Request<O>) => R | Promise<R>;
  /**
   * The schema the body is read with, when it is not the declared one: the batch reads its items
   * one by one (one bad item must not fail the others), while the document and the SDK's types
   * show the items as registrations.
   */
  bodySchema?: z.ZodMiniType;
  /** How the body is read (`body` of validate.ts): the batch's items are checked later, one by one. */
  bodyOptions?: Parameters<typeof readBody>[2];
}

function authorise(c: Context<AppEnv>, access: Access): Principal {
  switch (access) {
    case 'public':
      return c.var.principal;
    case 'staff':
      return requireStaff(c);
    case 'national':
      return requireNational(c);
    default:
      return requireCaller(c);
  }
}

/** `/api/v1/locations/{id}` → `/api/v1/locations/:id`. */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Mounts `op` on `router` with `handler`. */
export function mount<O extends Operation, R = undefined>(
  router: Hono<AppEnv>,
  op: O,
  handler: (input: Handled<O, R>) => Response | Promise<Response>,
  options: MountOptions<O, R> = {},
): void {
  router.on(op.method.toUpperCase(), honoPath(op.path), async (c) => {
    const caller = authorise(c, op.access) as Caller<O['access']>;
    let params: unknown;
    if (op.params) {
      const parsed = z.safeParse(op.params, c.req.param());
      if (!parsed.success) throw notFound();
      params = parsed.data;
    }
    const query = op.query ? readQuery(c, op.query) : undefined;
    const request = { c, caller, params, query } as Request<O>;
    const row = (options.load ? await options.load(request) : undefined) as R;
    const schema = options.bodySchema ?? op.body;
    const body = schema ? await readBody(c, schema, options.bodyOptions) : undefined;
    return handler({ ...request, body: body as Parsed<O, 'body'>, row });
  });
}
