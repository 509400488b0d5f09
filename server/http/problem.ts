/** The one error shape of the API: RFC 9457 problem documents, thrown as ApiError and written by onError. */
import type { FieldError } from '../../sdk/schemas/common.js';
import { PROBLEM_TYPES, fieldMessage, type Lang, type ProblemType } from './messages.js';

export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/** An expected failure; `app.onError` turns it into `application/problem+json`. */
export class ApiError extends Error {
  readonly type: ProblemType;
  readonly status: number;
  readonly issues: FieldIssue[] | undefined;
  readonly detail: { nl: string; en: string } | undefined;
  readonly headers: Record<string, string>;

  constructor(
    type: ProblemType,
    options: { issues?: FieldIssue[]; detail?: { nl: string; en: string }; headers?: Record<string, string> } = {},
  ) {
    super(type);
    this.type = type;
    this.status = PROBLEM_TYPES[type].status;
    this.issues = options.issues;
    this.detail = options.detail;
    this.headers = options.headers ?? {};
  }
}

export const notFound = () =>
  new ApiError('not-found', {
    detail: { nl: 'Dit bestaat niet, of u heeft er geen toegang toe.', en: 'This does not exist, or you have no access to it.' },
  });
export const forbidden = (detail?: { nl: string; en: string }) => new ApiError('forbidden', { detail });
export const unauthorized = (detail?: { nl: string; en: string }) => new ApiError('unauthorized', { detail });
export const invalid = (issues: FieldIssue[]) => new ApiError('validation', { issues });

export function fieldErrors(issues: FieldIssue[], lang: Lang): FieldError[] {
  return issues.map((i) => ({ path: i.path, code: i.code, message: fieldMessage(i.code, lang, i.params) }));
}

export function problemBody(error: ApiError, lang: Lang) {
  const info = PROBLEM_TYPES[error.type];
  return {
    type: `https://ido-registratie.nl/problems/${error.type}`,
    title: info[lang],
    status: error.status,
    ...(error.detail ? { detail: error.detail[lang] } : {}),
    ...(error.issues ? { errors: fieldErrors(error.issues, lang) } : {}),
  };
}
