/** The value lists (taxonomy) as the API serves them: versioned data, labels in one language. */
import * as z from 'zod/mini';
import { Code, Lang } from './common.js';

export const TaxonomyEntry = /* @__PURE__ */ z.looseObject({
  code: Code,
  label: /* @__PURE__ */ z.string(),
  short: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type TaxonomyEntry = z.infer<typeof TaxonomyEntry>;

export const TopicLink = /* @__PURE__ */ z.object({ label: /* @__PURE__ */ z.string(), url: /* @__PURE__ */ z.string() });

export const Topic = /* @__PURE__ */ z.looseObject({
  code: Code,
  label: /* @__PURE__ */ z.string(),
  parent: /* @__PURE__ */ z.nullable(Code),
  agencies: /* @__PURE__ */ z.array(Code),
  links: /* @__PURE__ */ z.array(TopicLink),
  keywords: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string())),
});
export type Topic = z.infer<typeof Topic>;

export const TAXONOMY_LISTS = [
  'questionTypes', 'topics', 'agencies', 'channels', 'help', 'durations', 'digid',
  'partnerKinds', 'courseTypes', 'holidays',
] as const;
export type TaxonomyList = (typeof TAXONOMY_LISTS)[number];

export const Taxonomy = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.string(),
  lang: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  questionTypes: /* @__PURE__ */ z.array(TaxonomyEntry),
  topics: /* @__PURE__ */ z.array(Topic),
  agencies: /* @__PURE__ */ z.array(TaxonomyEntry),
  channels: /* @__PURE__ */ z.array(TaxonomyEntry),
  help: /* @__PURE__ */ z.array(TaxonomyEntry),
  durations: /* @__PURE__ */ z.array(TaxonomyEntry),
  digid: /* @__PURE__ */ z.array(TaxonomyEntry),
  partnerKinds: /* @__PURE__ */ z.array(TaxonomyEntry),
  courseTypes: /* @__PURE__ */ z.array(TaxonomyEntry),
  holidays: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(TaxonomyEntry)),
});
export type Taxonomy = z.infer<typeof Taxonomy>;

export const TaxonomyVersion = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.string(),
  validFrom: /* @__PURE__ */ z.string(),
  current: /* @__PURE__ */ z.boolean(),
  replaces: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /** Retired code → current code, per list. */
  mappings: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.string()),
});
export type TaxonomyVersion = z.infer<typeof TaxonomyVersion>;

export const TaxonomyVersions = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(TaxonomyVersion) });

/** `GET /taxonomy`: a version (default the current one) and a language. */
export const TaxonomyQuery = /* @__PURE__ */ z.strictObject({
  version: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(20))),
  lang: /* @__PURE__ */ z.optional(Lang),
});
