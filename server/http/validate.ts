/** Reads and validates request bodies and queries against the contract's schemas, failing as problem documents. */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiError, type FieldIssue } from './problem.js';
import { characterIssues, hasRefusedCharacter, visible } from './characters.js';

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
        out.push(
          issue.input === undefined
            ? { path: dotted(path), code: 'required' }
            : { path: dotted(path), code: 'invalid-type', params: { expected: issue.expected } },
        );
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: dotted([...path, key]), code: 'unknown-field' });
        break;
      case 'too_big':
        out.push({
          path: dotted(path),
          code: issue.origin === 'string' || issue.origin === 'array' ? 'too-long' : 'too-big',
          params: { maximum: issue.maximum },
        });
        break;
      case 'too_small':
        out.push({
          path: dotted(path),
          code: issue.origin === 'string' || issue.origin === 'array' ? (issue.input === '' ? 'required' : 'too-short') : 'too-small',
          params: { minimum: issue.minimum },
        });
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

export interface CheckOptions {
  /** The path of the value, put before every issue's path (e.g. `['mapping']`). */
  prefix?: PropertyKey[];
  /**
   * A top-level field whose items are checked one by one later with {@link tryCheck} (the batch's
   * `registrations`), so that a refused character in one item marks only that item invalid.
   */
  itemsCheckedLater?: string;
}

/**
 * Parses with a schema or throws a 422 listing every broken field. Every text in the value is
 * checked for characters that cannot be stored (server/http/characters.ts: U+0000, unpaired
 * surrogates, other control characters), whatever the schema says: this is the one place for it.
 */
export function check<T extends z.ZodMiniType>(schema: T, value: unknown, options: CheckOptions | PropertyKey[] = {}): z.output<T> {
  const { prefix = [], itemsCheckedLater } = Array.isArray(options) ? { prefix: options } : options;
  const result = z.safeParse(schema, value, { reportInput: true });
  const refused = characterIssues(itemsCheckedLater ? without(value, itemsCheckedLater) : value, prefix);
  if (!result.success || refused.length) {
    throw new ApiError('validation', { issues: [...refused, ...(result.success ? [] : issuesFromZod(result.error.issues, prefix))] });
  }
  return result.data;
}

/** The same, returning issues instead of throwing (batch items). */
export function tryCheck<T extends z.ZodMiniType>(
  schema: T,
  value: unknown,
): { data: z.output<T>; issues?: undefined } | { data?: undefined; issues: FieldIssue[] } {
  const result = z.safeParse(schema, value, { reportInput: true });
  const refused = characterIssues(value);
  if (result.success && !refused.length) return { data: result.data };
  return { issues: [...refused, ...(result.success ? [] : issuesFromZod(result.error.issues))] };
}

/** An object without one of its fields (the rest is still checked). */
function without(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { [key]: _, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is refused, never turned into U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a JSON body: 415 for another content type, 400 for text that is not JSON. Size is limited by middleware. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new ApiError('unsupported-media-type');
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch (error) {
    if (error instanceof ApiError) throw error; // 413 from the size limit while reading
    throw new ApiError('bad-request', {
      detail: { nl: 'De inhoud is geen geldige UTF-8-tekst.', en: 'The body is not valid UTF-8 text.' },
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad-request', { detail: { nl: 'De inhoud is geen geldige JSON.', en: 'The body is not valid JSON.' } });
  }
}

/**
 * The name of the first query parameter whose percent-encoding is not UTF-8 (`%ff`, `%ED%A0%80`, a
 * stray `%`), or undefined. Hono keeps such a value as the raw text, so that `q=%ff` would search
 * for the three characters "%ff"; a query string that cannot be decoded cannot be read.
 */
function undecodable(url: string): string | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  const end = url.indexOf('#', start);
  for (const pair of url.slice(start + 1, end < 0 ? undefined : end).split('&')) {
    const [name, value = ''] = pair.split(/=(.*)/s);
    for (const part of [name, value]) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        return visibleName(name);
      }
    }
  }
  return undefined;
}

/** A parameter's name as far as it can be decoded, for a message. */
function visibleName(name: string): string {
  try {
    return visible(decodeURIComponent(name.replace(/\+/g, ' ')));
  } catch {
    return name.slice(0, 100);
  }
}

/** Reads a JSON body and checks it with a schema (415, 400, 422 as {@link readJson} and {@link check}). */
export async function body<T extends z.ZodMiniType>(
  c: Context,
  schema: T,
  options: Omit<CheckOptions, 'prefix'> = {},
): Promise<z.output<T>> {
  return check(schema, await readJson(c), options);
}

/**
 * Validates the query string. A repeated parameter where one is expected, or a refused character
 * (server/http/characters.ts) in a name or value, is a 400: the query cannot be read.
 */
export function query<T extends z.ZodMiniType>(c: Context, schema: T): z.output<T> {
  const unreadable = undecodable(c.req.url);
  if (unreadable !== undefined) {
    throw new ApiError('bad-request', {
      detail: { nl: `De parameter ${unreadable} is geen geldige UTF-8-tekst.`, en: `The parameter ${unreadable} is not valid UTF-8 text.` },
      issues: [{ path: unreadable, code: 'invalid-character' }],
    });
  }
  const all = c.req.queries();
  const flat: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    const refused = [key, ...values].some(hasRefusedCharacter);
    if (refused) {
      const name = visible(key);
      throw new ApiError('bad-request', {
        detail: {
          nl: `In de parameter ${name} staat een teken dat we niet kunnen lezen.`,
          en: `The parameter ${name} contains a character that cannot be read.`,
        },
        issues: [{ path: name, code: 'invalid-character' }],
      });
    }
    if (values.length > 1)
      throw new ApiError('bad-request', {
        detail: { nl: `De parameter ${key} staat er meer dan eens in.`, en: `The parameter ${key} is given more than once.` },
      });
    flat[key] = values[0];
  }
  return check(schema, flat);
}
