/** IDO locations: where a desk is, when it is open for walk-in, how to reach it. */
import * as z from 'zod/mini';
import { Address, Code, Contact, Coordinates, Id, LocalDate, LocalTime, Text, list } from './common.js';

export const WalkInRange = z.strictObject({
  day: z.number().check(z.int(), z.gte(1), z.lte(7)),
  opens: LocalTime,
  closes: LocalTime,
}).check(z.refine((r) => r.opens < r.closes, { message: 'opens must be before closes', params: { code: 'time-order' } }));

export const OpeningException = z.union([
  z.strictObject({ date: LocalDate, closed: z.literal(true), note: z.optional(Text(200)) }),
  z.strictObject({ date: LocalDate, closed: z.optional(z.literal(false)), opens: LocalTime, closes: LocalTime, note: z.optional(Text(200)) }),
]);

export const Accessibility = z.strictObject({
  wheelchair: z.optional(z.boolean()),
  hearingLoop: z.optional(z.boolean()),
  notes: z.optional(z.string().check(z.maxLength(500))),
});

export const LocationVariant = z.enum(['spreekuur', 'inloop', 'breed']);

const locationFields = {
  name: Text(200),
  address: Address,
  coordinates: Coordinates,
  walkInHours: z.optional(z.array(WalkInRange).check(z.maxLength(50))),
  openingHours: z.optional(z.array(WalkInRange).check(z.maxLength(50))),
  exceptions: z.optional(z.array(OpeningException).check(z.maxLength(400))),
  closedOnHolidays: z.optional(z.array(Code).check(z.maxLength(20))),
  accessibility: z.optional(Accessibility),
  contact: z.optional(Contact),
  variant: z.optional(LocationVariant),
  insideLibrary: z.optional(z.boolean()),
  languages: z.optional(z.array(z.string().check(z.maxLength(10))).check(z.maxLength(30))),
};

/** `POST /api/v1/locations`. National users name the organisation. */
export const LocationInput = z.strictObject({ ...locationFields, organisationId: z.optional(Id) });
export type LocationInput = z.input<typeof LocationInput>;

export const LocationPatch = z.partial(z.strictObject(locationFields));
export type LocationPatch = z.input<typeof LocationPatch>;

export const Location = z.object({
  id: Id,
  organisationId: Id,
  name: z.string(),
  address: z.object({
    street: z.string(), postcode: z.string(), city: z.string(),
    municipality: z.optional(z.nullable(z.string())), province: z.optional(z.nullable(z.string())),
  }),
  coordinates: z.object({ lat: z.number(), lon: z.number() }),
  walkInHours: z.array(z.object({ day: z.number(), opens: z.string(), closes: z.string() })),
  openingHours: z.array(z.object({ day: z.number(), opens: z.string(), closes: z.string() })),
  exceptions: z.array(z.looseObject({ date: z.string() })),
  closedOnHolidays: z.array(z.string()),
  accessibility: z.looseObject({}),
  contact: z.looseObject({}),
  variant: z.string(),
  insideLibrary: z.boolean(),
  languages: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Location = z.infer<typeof Location>;

/** `GET /locations`. */
export const LocationListQuery = /* @__PURE__ */ z.strictObject({ organisationId: z.optional(Id) });
export const LocationList = /* @__PURE__ */ list(Location);
