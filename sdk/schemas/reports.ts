/** Report queries and answers: summary, courses, search demand, public stats, public locations. */
import * as z from 'zod/mini';
import { Code, Id, Lang, LocalDate } from './common.js';
import { Location } from './location.js';

export const SUMMARY_GROUP_BY = [
  'topic',
  'agency',
  'help',
  'organisation',
  'channel',
  'duration',
  'location',
  'day',
  'week',
  'month',
  'weekday-hour',
] as const;
export const SummaryGroupBy = /* @__PURE__ */ z.enum(SUMMARY_GROUP_BY);
export type SummaryGroupBy = z.infer<typeof SummaryGroupBy>;

export const SummaryQuery = /* @__PURE__ */ z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  groupBy: z.optional(SummaryGroupBy),
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
  municipality: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
  province: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
  lang: z.optional(Lang),
});
export type SummaryQuery = z.input<typeof SummaryQuery>;

export const SummaryGroup = /* @__PURE__ */ z.object({
  key: z.string(),
  label: z.string(),
  visits: z.number(),
  questions: z.number(),
});
export const Summary = /* @__PURE__ */ z.object({
  visits: z.number(),
  questions: z.number(),
  referred: z.number(),
  groups: z.array(SummaryGroup),
});
export type Summary = z.infer<typeof Summary>;

export const CourseReportQuery = /* @__PURE__ */ z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  groupBy: z.optional(z.enum(['type', 'location', 'month'])),
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
  lang: z.optional(Lang),
});
export const CourseReport = /* @__PURE__ */ z.object({
  runs: z.number(),
  enrolled: z.number(),
  completed: z.number(),
  groups: z.array(z.object({ key: z.string(), label: z.string(), runs: z.number(), enrolled: z.number(), completed: z.number() })),
});
export type CourseReport = z.infer<typeof CourseReport>;

export const SearchDemand = /* @__PURE__ */ z.object({ items: z.array(z.object({ pc4: z.string(), searches: z.number() })) });

export const PublicLocationsQuery = /* @__PURE__ */ z.strictObject({
  postcode: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(20))),
  near: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,3}(\.\d+)?$/))),
  q: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
  limit: z.optional(/* @__PURE__ */ z.coerce.number().check(z.int(), z.gte(1), z.lte(50))),
  openNow: z.optional(z.enum(['true', 'false'])),
  lang: z.optional(Lang),
});
export type PublicLocationsQuery = z.input<typeof PublicLocationsQuery>;

export const NextChange = /* @__PURE__ */ z.object({ at: z.string(), open: z.boolean() });

export const PublicLocation = /* @__PURE__ */ z.object({
  ...z.omit(Location, { createdAt: true, updatedAt: true, organisationId: true }).shape,
  organisationName: z.optional(z.string()),
  distanceKm: z.optional(z.number()),
  openNow: z.boolean(),
  nextChange: z.nullable(NextChange),
  jsonLd: z.optional(z.unknown()),
});
export type PublicLocation = z.infer<typeof PublicLocation>;

/**
 * How exactly the search's origin is known: the visitor's own position (`device`), a postcode found
 * as such (`postcode`), only its four-digit area's centre (`pc4`: the distances are approximate), or a
 * place's centre (`place`).
 */
export const ORIGIN_PRECISIONS = ['device', 'postcode', 'pc4', 'place'] as const;
export type OriginPrecision = (typeof ORIGIN_PRECISIONS)[number];

export const PublicLocations = /* @__PURE__ */ z.object({
  origin: z.nullable(
    z.object({
      lat: z.number(),
      lon: z.number(),
      label: z.string(),
      /** Absent from servers before December 2026. */
      precision: z.optional(z.enum(ORIGIN_PRECISIONS)),
    }),
  ),
  items: z.array(PublicLocation),
  attribution: z.optional(z.string()),
});
export type PublicLocations = z.infer<typeof PublicLocations>;

export const Topics = /* @__PURE__ */ z.array(Code);

const Period = { from: z.optional(LocalDate), to: z.optional(LocalDate) };

/** `GET /reports/search-demand`. */
export const SearchDemandQuery = /* @__PURE__ */ z.strictObject({ ...Period, lang: z.optional(Lang) });

/** `GET /reports/export`. `period` is the period column of the summary's question table. */
export const ExportQuery = /* @__PURE__ */ z.strictObject({
  format: z._default(z.enum(['csv', 'xlsx']), 'csv'),
  view: z._default(z.enum(['questions', 'summary']), 'questions'),
  ...Period,
  suppress: z.optional(z.enum(['true', 'false'])),
  period: z.optional(z.enum(['month', 'quarter', 'year'])),
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
  municipality: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
  province: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
  lang: z.optional(Lang),
});

/** `GET /public/stats`. */
export const PublicStatsQuery = /* @__PURE__ */ z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  groupBy: z.optional(z.enum(['topic', 'month'])),
  municipality: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
  province: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(100))),
  lang: z.optional(Lang),
});

const suppressedCount = /* @__PURE__ */ z.nullable(z.number());
/** National figures; a count under 5 is null with `suppressed: true`. */
export const PublicStats = /* @__PURE__ */ z.object({
  visits: suppressedCount,
  questions: suppressedCount,
  referred: suppressedCount,
  suppressed: z.optional(z.boolean()),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      visits: suppressedCount,
      questions: suppressedCount,
      suppressed: z.optional(z.boolean()),
    }),
  ),
});
