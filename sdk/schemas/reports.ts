/** Report queries and answers: summary, courses, search demand, public stats, public locations. */
import * as z from 'zod/mini';
import { Code, Id, LocalDate } from './common.js';
import { Location } from './location.js';

export const SUMMARY_GROUP_BY = [
  'topic', 'agency', 'help', 'organisation', 'channel', 'duration', 'location',
  'day', 'week', 'month', 'weekday-hour',
] as const;
export const SummaryGroupBy = z.enum(SUMMARY_GROUP_BY);
export type SummaryGroupBy = z.infer<typeof SummaryGroupBy>;

export const SummaryQuery = z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  groupBy: z.optional(SummaryGroupBy),
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
  municipality: z.optional(z.string().check(z.maxLength(100))),
  province: z.optional(z.string().check(z.maxLength(100))),
  lang: z.optional(z.enum(['nl', 'en'])),
});
export type SummaryQuery = z.input<typeof SummaryQuery>;

export const SummaryGroup = z.object({
  key: z.string(),
  label: z.string(),
  visits: z.number(),
  questions: z.number(),
});
export const Summary = z.object({
  visits: z.number(),
  questions: z.number(),
  referred: z.number(),
  groups: z.array(SummaryGroup),
});
export type Summary = z.infer<typeof Summary>;

export const CourseReportQuery = z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  groupBy: z.optional(z.enum(['type', 'location', 'month'])),
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
  lang: z.optional(z.enum(['nl', 'en'])),
});
export const CourseReport = z.object({
  runs: z.number(),
  enrolled: z.number(),
  completed: z.number(),
  groups: z.array(z.object({ key: z.string(), label: z.string(), runs: z.number(), enrolled: z.number(), completed: z.number() })),
});
export type CourseReport = z.infer<typeof CourseReport>;

export const SearchDemand = z.object({ items: z.array(z.object({ pc4: z.string(), searches: z.number() })) });

export const PublicLocationsQuery = z.strictObject({
  postcode: z.optional(z.string().check(z.maxLength(20))),
  near: z.optional(z.string().check(z.regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,3}(\.\d+)?$/))),
  q: z.optional(z.string().check(z.maxLength(100))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(50))),
  openNow: z.optional(z.enum(['true', 'false'])),
  lang: z.optional(z.enum(['nl', 'en'])),
});
export type PublicLocationsQuery = z.input<typeof PublicLocationsQuery>;

export const NextChange = z.object({ at: z.string(), open: z.boolean() });

export const PublicLocation = z.object({
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

export const PublicLocations = z.object({
  origin: z.nullable(z.object({
    lat: z.number(), lon: z.number(), label: z.string(),
    /** Absent from servers before December 2026. */
    precision: z.optional(z.enum(ORIGIN_PRECISIONS)),
  })),
  items: z.array(PublicLocation),
  attribution: z.optional(z.string()),
});
export type PublicLocations = z.infer<typeof PublicLocations>;

export const Topics = z.array(Code);
