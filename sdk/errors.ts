/** The few error classes the SDK throws, with guards that also work across two copies of the SDK. */
import type { FieldError, Problem } from './schemas/common.js';

/**
 * What failed: `http` (the server answered with an error status), `network` (it could not be
 * reached), `timeout` (it did not answer in time), `schema` (it answered something the contract
 * does not allow).
 */
export type IdoErrorKind = 'http' | 'network' | 'timeout' | 'schema';

/**
 * Base class of every error the SDK throws. An aborted call is not one of these: it rejects with
 * the signal's reason (an `AbortError` `DOMException`), as `fetch` does.
 *
 * @example
 * ```ts
 * try { await ido.registrations.create(visit); }
 * catch (error) { if (isIdoError(error)) console.warn(error.kind, error.message); }
 * ```
 */
export class IdoError extends Error {
  /** What failed. */
  readonly kind: IdoErrorKind;

  constructor(kind: IdoErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = 'IdoError';
  }

  /** Brand for the guards: `instanceof` fails when a page loads two copies of the SDK (say the widget's and its own). */
  get isIdoError(): true {
    return true;
  }
}

/**
 * The server answered with a 4xx or 5xx status. `problem` is the parsed RFC 9457 problem
 * document when the body was one.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isIdoHttpError(error) && error.status === 422) {
 *     for (const e of error.errors) showFieldError(e.path, e.message);
 *   }
 * }
 * ```
 */
export class IdoHttpError extends IdoError {
  declare readonly kind: 'http';
  /** The HTTP status, 400–599. */
  readonly status: number;
  /** The problem document, or `undefined` when the body was not `application/problem+json` (a proxy's error page, say). */
  readonly problem: Problem | undefined;
  /**
   * Seconds to wait before trying again, from `Retry-After` (429, 503).
   * @default undefined
   */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfter?: number) {
    super('http', problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'IdoHttpError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /**
   * The broken fields of a 422 (`path` dotted, such as `questions.0.topic`); empty otherwise.
   * @default []
   */
  get errors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

/**
 * The server could not be reached: offline, DNS, connection refused or reset, CORS refused.
 * Safe to queue and send later (see `createOutbox`).
 *
 * @example
 * ```ts
 * catch (error) { if (isIdoNetworkError(error)) showOfflineBanner(); }
 * ```
 */
export class IdoNetworkError extends IdoError {
  declare readonly kind: 'network' | 'timeout';
  constructor(message = 'The server could not be reached.', options?: { cause?: unknown }, kind: 'network' | 'timeout' = 'network') {
    super(kind, message, options);
    this.name = 'IdoNetworkError';
  }
}

/**
 * The server did not answer within the client's `timeout`. A kind of `IdoNetworkError`.
 *
 * @example
 * ```ts
 * catch (error) { if (isIdoTimeoutError(error)) showMessage('De server reageert traag.'); }
 * ```
 */
export class IdoTimeoutError extends IdoNetworkError {
  declare readonly kind: 'timeout';
  constructor(timeout: number, options?: { cause?: unknown }) {
    super(`The server did not answer within ${timeout} ms.`, options, 'timeout');
    this.name = 'IdoTimeoutError';
  }
}

/** One way in which a response broke its schema. */
export interface IdoSchemaIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * The server answered with success, but the body does not match the contract's schema (a server
 * of another version, a proxy's HTML page). Distinct from HTTP failures: the request itself may
 * well have taken effect.
 *
 * @example
 * ```ts
 * catch (error) { if (isIdoSchemaError(error)) console.error(error.issues); }
 * ```
 */
export class IdoSchemaError extends IdoError {
  declare readonly kind: 'schema';
  /**
   * What did not match; empty when the body was not JSON at all.
   * @default []
   */
  readonly issues: readonly IdoSchemaIssue[];
  /** The body as received (parsed JSON, or the text when it was not JSON). */
  readonly body: unknown;

  constructor(path: string, issues: readonly IdoSchemaIssue[], body: unknown) {
    const first = issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    super('schema', `Unexpected response from ${path}${first ? `: ${first}` : ': not JSON'}`);
    this.name = 'IdoSchemaError';
    this.issues = issues;
    this.body = body;
  }
}

const kindOf = (error: unknown): IdoErrorKind | undefined =>
  typeof error === 'object' && error !== null && (error as IdoError).isIdoError === true ? (error as IdoError).kind : undefined;

/**
 * Whether `error` is any error of the SDK.
 * @example
 * ```ts
 * if (isIdoError(error)) console.warn(error.kind);
 * ```
 */
export const isIdoError = (error: unknown): error is IdoError => kindOf(error) !== undefined;

/**
 * Whether `error` is an HTTP error status from the server.
 * @example
 * ```ts
 * if (isIdoHttpError(error) && error.status === 401) askForLogin();
 * ```
 */
export const isIdoHttpError = (error: unknown): error is IdoHttpError => kindOf(error) === 'http';

/**
 * Whether the server could not be reached (including a timeout).
 * @example
 * ```ts
 * if (isIdoNetworkError(error)) queueForLater();
 * ```
 */
export const isIdoNetworkError = (error: unknown): error is IdoNetworkError => {
  const kind = kindOf(error);
  return kind === 'network' || kind === 'timeout';
};

/**
 * Whether the server did not answer in time.
 * @example
 * ```ts
 * if (isIdoTimeoutError(error)) showMessage('Probeer het zo nog eens.');
 * ```
 */
export const isIdoTimeoutError = (error: unknown): error is IdoTimeoutError => kindOf(error) === 'timeout';

/**
 * Whether a successful response did not match the contract.
 * @example
 * ```ts
 * if (isIdoSchemaError(error)) reportBug(error.issues);
 * ```
 */
export const isIdoSchemaError = (error: unknown): error is IdoSchemaError => kindOf(error) === 'schema';
