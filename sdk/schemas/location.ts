/** IDO locations: where a desk is, when it is open for walk-in, how to reach it. */
import * as z from 'zod/mini';
import { Address, Code, HolidayListCode, Contact, Coordinates, Id, LocalDate, LocalTime, Text, list } from './common.js';

export const WalkInRange = /* @__PURE__ */ z.strictObject({
  day: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(7)),
  opens: LocalTime,
  closes: LocalTime,
}).check(/* @__PURE__ */ z.refine((r) => r.opens < r.closes, { message: 'opens must be before closes', params: { code: 'time-order' } }));

export const OpeningException = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.strictObject({ date: LocalDate, closed: /* @__PURE__ */ z.literal(true), note: /* @__PURE__ */ z.optional(/* @__PURE__ */ Text(200)) }),
  /* @__PURE__ */ z.strictObject({ date: LocalDate, closed: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.literal(false)), opens: LocalTime, closes: LocalTime, note: /* @__PURE__ */ z.optional(/* @__PURE__ */ Text(200)) }),
]);

export const Accessibility = /* @__PURE__ */ z.strictObject({
  wheelchair: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  hearingLoop: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  notes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(500))),
});

export const LocationVariant = /* @__PURE__ */ z.enum(['spreekuur', 'inloop', 'breed']);

const locationFields = {
  name: /* @__PURE__ */ Text(200),
  address: Address,
  coordinates: Coordinates,
  walkInHours: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(WalkInRange).check(/* @__PURE__ */ z.maxLength(50))),
  openingHours: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(WalkInRange).check(/* @__PURE__ */ z.maxLength(50))),
  exceptions: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(OpeningException).check(/* @__PURE__ */ z.maxLength(400))),
  closedOnHolidays: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(HolidayListCode).check(/* @__PURE__ */ z.maxLength(20))),
  accessibility: /* @__PURE__ */ z.optional(Accessibility),
  contact: /* @__PURE__ */ z.optional(Contact),
  variant: /* @__PURE__ */ z.optional(LocationVariant),
  insideLibrary: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  languages: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(10))).check(/* @__PURE__ */ z.maxLength(30))),
};

/** `POST /api/v1/locations`. National users name the organisation. */
export const LocationInput = /* @__PURE__ */ z.strictObject({ ...locationFields, organisationId: /* @__PURE__ */ z.optional(Id) });
export type LocationInput = z.input<typeof LocationInput>;

export const LocationPatch = /* @__PURE__ */ z.partial(/* @__PURE__ */ z.strictObject(locationFields));
export type LocationPatch = z.input<typeof LocationPatch>;

export const Location = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  name: /* @__PURE__ */ z.string(),
  address: /* @__PURE__ */ z.object({
    street: /* @__PURE__ */ z.string(), postcode: /* @__PURE__ */ z.string(), city: /* @__PURE__ */ z.string(),
    municipality: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string())), province: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string())),
  }),
  coordinates: /* @__PURE__ */ z.object({ lat: /* @__PURE__ */ z.number(), lon: /* @__PURE__ */ z.number() }),
  walkInHours: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ day: /* @__PURE__ */ z.number(), opens: /* @__PURE__ */ z.string(), closes: /* @__PURE__ */ z.string() })),
  openingHours: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ day: /* @__PURE__ */ z.number(), opens: /* @__PURE__ */ z.string(), closes: /* @__PURE__ */ z.string() })),
  exceptions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.looseObject({ date: /* @__PURE__ */ z.string() })),
  closedOnHolidays: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  accessibility: /* @__PURE__ */ z.looseObject({}),
  contact: /* @__PURE__ */ z.looseObject({}),
  variant: /* @__PURE__ */ z.string(),
  insideLibrary: /* @__PURE__ */ z.boolean(),
  languages: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
});
export type Location = z.infer<typeof Location>;

/** `GET /locations`. */
export const LocationListQuery = /* @__PURE__ */ z.strictObject({ organisationId: /* @__PURE__ */ z.optional(Id) });
export const LocationList = /* @__PURE__ */ list(Location);
