/**
 * Strong ETags of one resource and `If-Match` on its `PATCH` and `DELETE` (contract v3): a client
 * that edits what it read sends the ETag it got, and a stale one is refused with 412, nothing
 * changed. The ETag is a hash of the resource as the API presents it, so it needs no column of
 * its own and changes whenever anything the client sees changes.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { ApiError } from './problem.js';

/** `"<sha1 base64url>"` of the presented resource. */
export function etagOf(presented: unknown): string {
  return `"${createHash('sha1').update(JSON.stringify(presented)).digest('base64url')}"`;
}

/** The tags of `If-Match` (weak prefixes dropped, `*` kept), or null when the request has none. */
export function ifMatchOf(c: Context): string[] | null {
  const header = c.req.header('if-match');
  if (header === undefined) return null;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter(Boolean);
}

export const preconditionFailed = () =>
  new ApiError('precondition-failed', {
    detail: {
      nl: 'Iemand anders heeft dit gewijzigd sinds je het opvroeg. Er is niets veranderd. Vraag het opnieuw op en breng je wijziging daarin aan.',
      en: 'Someone else changed this since you read it. Nothing was changed. Read it again and make your change in that.',
    },
  });

/**
 * Throws 412 when the request's `If-Match` names neither `*` nor the current ETag. Call it inside
 * the transaction that holds the row locked (`select … for update`), so that of two edits with the
 * same ETag exactly one wins.
 */
export function checkIfMatch(tags: string[] | null, current: string): void {
  if (tags === null) return;
  if (tags.includes('*') || tags.includes(current)) return;
  throw preconditionFailed();
}

/** Answers one resource as JSON with its `ETag`, for a later `If-Match`. */
export function jsonWithEtag(c: Context, presented: Record<string, unknown>, status: 200 | 201 = 200): Response {
  c.header('ETag', etagOf(presented));
  return c.json(presented, status);
}
