/**
 * What an operation of the API is, declared once: method, path, who may call it, the schemas of
 * its path, query and body, and its answers. The server mounts its routes from these declarations
 * (server/http/mount.ts), the OpenAPI document is generated from them (server/openapi/spec.ts) and
 * the SDK's namespaces call them (sdk/http.ts `call`). Texts for people (summaries, descriptions)
 * are not part of a declaration: they live in server/openapi/texts.ts, so that the widget's bundle
 * never carries them.
 *
 * A declaration is a plain object literal, and the SDK's `call` reads only `method`, `path` and
 * `responses`: rollup drops the other properties from the widget's bundle, and the request schemas
 * with them (the schemas that only requests use are written `/* @__PURE__ *\/` for that).
 */
import type * as z from 'zod/mini';

/**
 * Who may call an operation, as the server's authentication knows callers (server/http/auth.ts):
 * `public` anyone (rate limited), `caller` any credential, `desk` desk keys too (and secret keys and
 * sessions), `staff` secret keys and sessions (not desk keys), `national` national users only.
 */
export type Access = 'public' | 'caller' | 'desk' | 'staff' | 'national';

/** The problem statuses an operation may answer (each a `components/responses` entry of the document). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 503;

/** An answer with a body other than JSON: a file in one of these media types, or a JSON document of any shape. */
export interface MediaAnswer {
  readonly media: readonly string[];
}

/** What one success status answers: a JSON body parsed with the schema, no body (`null`), or a file. */
export type Answer = z.ZodMiniType | null | MediaAnswer;

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** One operation of the API. */
export interface Operation {
  /** `operationId` in the document; also the key of its texts. */
  readonly id: string;
  /** The document's tag (the feature). */
  readonly tag: string;
  readonly method: Method;
  /** The full path, OpenAPI style (`/api/v1/locations/{id}`). */
  readonly path: string;
  readonly access: Access;
  /** Path parameters; a value that does not match is a 404 (the thing cannot exist). */
  readonly params?: z.ZodMiniObject;
  /** Query parameters: a strict object (an unknown parameter is a 422). Left out: the query is not read. */
  readonly query?: z.ZodMiniObject;
  /** A JSON body. */
  readonly body?: z.ZodMiniType;
  /** A `multipart/form-data` body (read by the route itself: files are not JSON). */
  readonly form?: z.ZodMiniType;
  /** The success statuses and what each answers. */
  readonly responses: { readonly [status: number]: Answer };
  /**
   * The problem statuses the operation answers beyond those its declaration implies (see
   * `impliedStatuses`): a 404 for an id in the query, a 409, a 412, …
   */
  readonly errors?: readonly ErrorStatus[];
  /** Retried like a GET by the SDK (a POST that carries its own ids). */
  readonly idempotent?: boolean;
  /**
   * Answers with an `ETag` and takes `If-Match` (contract v3): a stale one is a 412 and nothing
   * changes. On the GET, PATCH and DELETE of one resource that people edit.
   */
  readonly etag?: boolean;
}

/**
 * The problem statuses that follow from a declaration itself: 401 where credentials are needed,
 * 403 where a desk key or a coordinator may be refused, 404 for a path id, 400/413/415/422 for a
 * body, 400/422 for a query, 429 for public (rate-limited) operations. With `errors`, this is every
 * problem status the operation answers; the document lists them all.
 */
export function impliedStatuses(op: Operation): ErrorStatus[] {
  const out = new Set<ErrorStatus>(op.errors ?? []);
  if (op.access !== 'public') out.add(401);
  if (op.access === 'desk' && op.method !== 'get') out.add(403);
  if (op.access === 'staff' || op.access === 'national') out.add(403);
  if (op.params) out.add(404);
  const add = (statuses: ErrorStatus[]) => {
    for (const status of statuses) out.add(status);
  };
  if (op.body) add([400, 413, 415, 422]);
  if (op.form) add([413, 415, 422]);
  if (op.query) add([400, 422]);
  if (op.access === 'public' && op.path !== '/healthz') out.add(429);
  if (op.etag && (op.method === 'patch' || op.method === 'delete')) out.add(412);
  return [...out].sort();
}

type SchemaOf<T, K extends string> = T extends { readonly [P in K]: infer S extends z.ZodMiniType } ? S : never;

/** The query an operation takes, as a caller writes it (`z.input` of its schema). */
export type QueryOf<O extends Operation> = z.input<SchemaOf<O, 'query'>>;
/** The JSON body an operation takes, as a caller writes it. */
export type BodyOf<O extends Operation> = z.input<SchemaOf<O, 'body'>>;
/** The path parameters an operation takes. */
export type ParamsOf<O extends Operation> = z.input<SchemaOf<O, 'params'>>;

/** The body of an operation's first success status, as parsed. */
export type AnswerOf<O extends Operation> = O['responses'][keyof O['responses']] extends infer A
  ? A extends z.ZodMiniType
    ? z.output<A>
    : A extends MediaAnswer
      ? Blob
      : undefined
  : never;
