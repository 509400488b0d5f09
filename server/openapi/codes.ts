/**
 * Which value list a code field of the contract takes its codes from, for the OpenAPI document.
 * The lists that do not grow from one version to the next are given as an `enum` (every code any
 * version holds, so a retired code the server still maps is listed too); the others (topics,
 * agencies) stay strings, with the list named in the description.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type * as z from 'zod/mini';
import * as S from '../../sdk/schemas/index.js';
import type { TaxonomyList } from '../../sdk/schemas/taxonomy.js';

const LISTS = new Map<z.ZodMiniType, { list: TaxonomyList; fixed: boolean }>([
  [S.ChannelCode, { list: 'channels', fixed: true }],
  [S.DurationCode, { list: 'durations', fixed: true }],
  [S.HelpCode, { list: 'help', fixed: true }],
  [S.DigidCode, { list: 'digid', fixed: true }],
  [S.HolidayListCode, { list: 'holidays', fixed: true }],
  [S.CourseTypeCode, { list: 'courseTypes', fixed: true }],
  [S.PartnerKindCode, { list: 'partnerKinds', fixed: true }],
  [S.QuestionTypeCode, { list: 'questionTypes', fixed: true }],
  [S.TopicCode, { list: 'topics', fixed: false }],
  [S.AgencyCode, { list: 'agencies', fixed: false }],
]);

const DATA = new URL('../data/taxonomy/', import.meta.url);

/** Every code of a list over all versions of the value lists, in the order they first appear. */
function codesOf(list: TaxonomyList): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(DATA)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(new URL(file, DATA), 'utf8')) as { lists: Record<string, { code: string }[]> };
    for (const entry of data.lists[list] ?? []) codes.add(entry.code);
  }
  return [...codes];
}

/** Adds what the document says of a code field: its enum, or the list it comes from. */
export function describeCode(zodSchema: object, jsonSchema: Record<string, unknown>): void {
  const known = LISTS.get(zodSchema as z.ZodMiniType);
  if (!known) return;
  if (known.fixed) {
    jsonSchema.enum = codesOf(known.list);
    jsonSchema.description = `A code of the value list \`${known.list}\` (GET /api/v1/taxonomy).`;
  } else {
    jsonSchema.description = `A code of the value list \`${known.list}\` (GET /api/v1/taxonomy); the list grows with new versions, so it is not an enum here.`;
  }
}
