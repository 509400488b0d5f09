/** The value lists (taxonomy) as the API serves them: versioned data, labels in one language. */
import * as z from 'zod/mini';
import { Code, Lang } from './common.js';

export const TaxonomyEntry = /* @__PURE__ */ z.looseObject({
  code: Code,
  label: z.string(),
  short: z.optional(z.string()),
});
export type TaxonomyEntry = z.infer<typeof TaxonomyEntry>;

export const TopicLink = /* @__PURE__ */ z.object({ label: z.string(), url: z.string() });

export const Topic = /* @__PURE__ */ z.looseObject({
  code: Code,
  label: z.string(),
  parent: z.nullable(Code),
  agencies: z.array(Code),
  links: z.array(TopicLink),
  keywords: z.optional(z.array(z.string())),
});
export type Topic = z.infer<typeof Topic>;

export const TAXONOMY_LISTS = [
  'questionTypes',
  'topics',
  'agencies',
  'channels',
  'help',
  'durations',
  'digid',
  'partnerKinds',
  'courseTypes',
  'holidays',
] as const;
export type TaxonomyList = (typeof TAXONOMY_LISTS)[number];

export const Taxonomy = /* @__PURE__ */ z.object({
  version: z.string(),
  lang: z.optional(z.string()),
  questionTypes: z.array(TaxonomyEntry),
  topics: z.array(Topic),
  agencies: z.array(TaxonomyEntry),
  channels: z.array(TaxonomyEntry),
  help: z.array(TaxonomyEntry),
  durations: z.array(TaxonomyEntry),
  digid: z.array(TaxonomyEntry),
  partnerKinds: z.array(TaxonomyEntry),
  courseTypes: z.array(TaxonomyEntry),
  holidays: z.optional(z.array(TaxonomyEntry)),
});
export type Taxonomy = z.infer<typeof Taxonomy>;

export const TaxonomyVersion = /* @__PURE__ */ z.object({
  version: z.string(),
  validFrom: z.string(),
  current: z.boolean(),
  replaces: z.nullable(z.string()),
  /** Retired code → current code, per list. */
  mappings: z.record(z.string(), z.string()),
});
export type TaxonomyVersion = z.infer<typeof TaxonomyVersion>;

export const TaxonomyVersions = /* @__PURE__ */ z.object({ items: z.array(TaxonomyVersion) });

/** `GET /taxonomy`: a version (default the current one) and a language. */
export const TaxonomyQuery = /* @__PURE__ */ z.strictObject({
  version: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(20))),
  lang: z.optional(Lang),
});
