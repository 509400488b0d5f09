/** Report queries and answers: summary, courses, search demand, public stats, public locations. */
import * as z from 'zod/mini';
import { Code, Id, Lang, LocalDate } from './common.js';
import { Location } from './location.js';

export const SUMMARY_GROUP_BY = [
  'topic', 'agency', 'help', 'organisation', 'channel', 'duration', 'location',
  'day', 'week', 'month', 'weekday-hour',
] as const;
export const SummaryGroupBy = /* @__PURE__ */ z.enum(SUMMARY_GROUP_BY);
export type SummaryGroupBy = z.infer<typeof SummaryGroupBy>;

export const SummaryQuery = /* @__PURE__ */ z.strictObject({
  from: /* @__PURE__ */ z.optional(LocalDate),
  to: /* @__PURE__ */ z.optional(LocalDate),
  groupBy: /* @__PURE__ */ z.optional(SummaryGroupBy),
  locationId: /* @__PURE__ */ z.optional(Id),
  organisationId: /* @__PURE__ */ z.optional(Id),
  municipality: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  province: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  lang: /* @__PURE__ */ z.optional(Lang),
});
export type SummaryQuery = z.input<typeof SummaryQuery>;

export const SummaryGroup = /* @__PURE__ */ z.object({
  key: /* @__PURE__ */ z.string(),
  label: /* @__PURE__ */ z.string(),
  visits: /* @__PURE__ */ z.number(),
  questions: /* @__PURE__ */ z.number(),
});
export const Summary = /* @__PURE__ */ z.object({
  visits: /* @__PURE__ */ z.number(),
  questions: /* @__PURE__ */ z.number(),
  referred: /* @__PURE__ */ z.number(),
  groups: /* @__PURE__ */ z.array(SummaryGroup),
});
export type Summary = z.infer<typeof Summary>;

export const CourseReportQuery = /* @__PURE__ */ z.strictObject({
  from: /* @__PURE__ */ z.optional(LocalDate),
  to: /* @__PURE__ */ z.optional(LocalDate),
  groupBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['type', 'location', 'month'])),
  locationId: /* @__PURE__ */ z.optional(Id),
  organisationId: /* @__PURE__ */ z.optional(Id),
  lang: /* @__PURE__ */ z.optional(Lang),
});
export const CourseReport = /* @__PURE__ */ z.object({
  runs: /* @__PURE__ */ z.number(),
  enrolled: /* @__PURE__ */ z.number(),
  completed: /* @__PURE__ */ z.number(),
  groups: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ key: /* @__PURE__ */ z.string(), label: /* @__PURE__ */ z.string(), runs: /* @__PURE__ */ z.number(), enrolled: /* @__PURE__ */ z.number(), completed: /* @__PURE__ */ z.number() })),
});
export type CourseReport = z.infer<typeof CourseReport>;

export const SearchDemand = /* @__PURE__ */ z.object({ items: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ pc4: /* @__PURE__ */ z.string(), searches: /* @__PURE__ */ z.number() })) });

export const PublicLocationsQuery = /* @__PURE__ */ z.strictObject({
  postcode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(20))),
  near: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,3}(\.\d+)?$/))),
  q: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  limit: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(50))),
  openNow: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['true', 'false'])),
  lang: /* @__PURE__ */ z.optional(Lang),
});
export type PublicLocationsQuery = z.input<typeof PublicLocationsQuery>;

export const NextChange = /* @__PURE__ */ z.object({ at: /* @__PURE__ */ z.string(), open: /* @__PURE__ */ z.boolean() });

export const PublicLocation = /* @__PURE__ */ z.object({
  ...z.omit(Location, { createdAt: true, updatedAt: true, organisationId: true }).shape,
  organisationName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  distanceKm: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  openNow: /* @__PURE__ */ z.boolean(),
  nextChange: /* @__PURE__ */ z.nullable(NextChange),
  jsonLd: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown()),
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
  origin: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({
    lat: /* @__PURE__ */ z.number(), lon: /* @__PURE__ */ z.number(), label: /* @__PURE__ */ z.string(),
    /** Absent from servers before December 2026. */
    precision: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(ORIGIN_PRECISIONS)),
  })),
  items: /* @__PURE__ */ z.array(PublicLocation),
  attribution: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type PublicLocations = z.infer<typeof PublicLocations>;

export const Topics = /* @__PURE__ */ z.array(Code);

const Period = { from: /* @__PURE__ */ z.optional(LocalDate), to: /* @__PURE__ */ z.optional(LocalDate) };

/** `GET /reports/search-demand`. */
export const SearchDemandQuery = /* @__PURE__ */ z.strictObject({ ...Period, lang: /* @__PURE__ */ z.optional(Lang) });

/** `GET /reports/export`. `period` is the period column of the summary's question table. */
export const ExportQuery = /* @__PURE__ */ z.strictObject({
  format: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['csv', 'xlsx']), 'csv'),
  view: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum(['questions', 'summary']), 'questions'),
  ...Period,
  suppress: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['true', 'false'])),
  period: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['month', 'quarter', 'year'])),
  locationId: /* @__PURE__ */ z.optional(Id),
  organisationId: /* @__PURE__ */ z.optional(Id),
  municipality: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  province: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  lang: /* @__PURE__ */ z.optional(Lang),
});

/** `GET /public/stats`. */
export const PublicStatsQuery = /* @__PURE__ */ z.strictObject({
  from: /* @__PURE__ */ z.optional(LocalDate),
  to: /* @__PURE__ */ z.optional(LocalDate),
  groupBy: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['topic', 'month'])),
  municipality: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  province: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  lang: /* @__PURE__ */ z.optional(Lang),
});

const suppressedCount = /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number());
/** National figures; a count under 5 is null with `suppressed: true`. */
export const PublicStats = /* @__PURE__ */ z.object({
  visits: suppressedCount,
  questions: suppressedCount,
  referred: suppressedCount,
  suppressed: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  groups: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({
    key: /* @__PURE__ */ z.string(),
    label: /* @__PURE__ */ z.string(),
    visits: suppressedCount,
    questions: suppressedCount,
    suppressed: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  })),
});
