/** Reads and validates request bodies and queries against the contract's schemas, failing as problem documents. */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiError, type FieldIssue } from './problem.js';

type Issue = z.core.$ZodIssue;

const dotted = (path: PropertyKey[]) => path.map(String).join('.');

/**
 * Which form a string should have, for a message that names it ("Vul een datum in als
 * 2026-12-28"): ISO dates, times, postcodes and house numbers; undefined for others.
 */
function formatOf(issue: Issue): string | undefined {
  if (issue.code !== 'invalid_format') return undefined;
  if (issue.format === 'date') return 'date';
  const pattern = String((issue as { pattern?: unknown }).pattern ?? '');
  if (pattern.includes('[01]\\d|2[0-3]')) return 'time';
  if (pattern.includes('[A-Za-z]{2}')) return 'postcode';
  if (pattern.includes('[1-9]\\d{0,4}')) return 'house-number';
  return undefined;
}

/** Maps zod's issues onto the contract's field-error codes. */
export function issuesFromZod(issues: readonly Issue[], prefix: PropertyKey[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case 'invalid_type':
        out.push(issue.input === undefined
          ? { path: dotted(path), code: 'required' }
          : { path: dotted(path), code: 'invalid-type', params: { expected: issue.expected } });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: dotted([...path, key]), code: 'unknown-field' });
        break;
      case 'too_big':
        out.push({ path: dotted(path), code: issue.origin === 'string' || issue.origin === 'array' ? 'too-long' : 'too-big', params: { maximum: issue.maximum } });
        break;
      case 'too_small':
        out.push({ path: dotted(path), code: issue.origin === 'string' || issue.origin === 'array' ? (issue.input === '' ? 'required' : 'too-short') : 'too-small', params: { minimum: issue.minimum } });
        break;
      case 'invalid_format': {
        // The code stays the contract's; the message says which form is wanted (see formatOf).
        const format = formatOf(issue);
        out.push({ path: dotted(path), code: 'invalid-format', ...(format ? { params: { format } } : {}) });
        break;
      }
      case 'invalid_union': {
        // Report the branch that got furthest, not a vague "no match".
        const best = issue.errors.slice().sort((a, b) => a.length - b.length)[0];
        if (best?.length) out.push(...issuesFromZod(best, path));
        else out.push({ path: dotted(path), code: 'invalid-value' });
        break;
      }
      case 'custom': {
        const code = (issue.params as { code?: string } | undefined)?.code ?? 'invalid-value';
        out.push({ path: dotted(path), code });
        break;
      }
      default:
        out.push({ path: dotted(path), code: 'invalid-value' });
    }
  }
  return out;
}

/** Parses with a schema or throws a 422 listing every broken field. */
export function check<T extends z.ZodMiniType>(schema: T, value: unknown, prefix: PropertyKey[] = []): z.output<T> {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (!result.success) throw new ApiError('validation', { issues: issuesFromZod(result.error.issues, prefix) });
  return result.data;
}

/** The same, returning issues instead of throwing (batch items). */
export function tryCheck<T extends z.ZodMiniType>(schema: T, value: unknown): { data: z.output<T>; issues?: undefined } | { data?: undefined; issues: FieldIssue[] } {
  const result = z.safeParse(schema, value, { reportInput: true });
  return result.success ? { data: result.data } : { issues: issuesFromZod(result.error.issues) };
}

/** Reads a JSON body: 415 for another content type, 400 for text that is not JSON. Size is limited by middleware. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new ApiError('unsupported-media-type');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad-request', { detail: { nl: 'De inhoud is geen geldige JSON.', en: 'The body is not valid JSON.' } });
  }
}

export async function body<T extends z.ZodMiniType>(c: Context, schema: T): Promise<z.output<T>> {
  return check(schema, await readJson(c));
}

/** Validates the query string; a repeated parameter where one is expected is a 400. */
export function query<T extends z.ZodMiniType>(c: Context, schema: T): z.output<T> {
  const all = c.req.queries();
  const flat: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    if (values.length > 1) throw new ApiError('bad-request', { detail: { nl: `De parameter ${key} staat er meer dan eens in.`, en: `The parameter ${key} is given more than once.` } });
    flat[key] = values[0];
  }
  return check(schema, flat);
}
