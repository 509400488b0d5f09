/** IDO locations: where a desk is, when it is open for walk-in, how to reach it. */
import * as z from 'zod/mini';
import { Address, Code, HolidayListCode, Contact, Coordinates, Id, LocalDate, LocalTime, Text, list } from './common.js';

export const WalkInRange = /* @__PURE__ */ z
  .strictObject({
    day: /* @__PURE__ */ z.number().check(z.int(), z.gte(1), z.lte(7)),
    opens: LocalTime,
    closes: LocalTime,
  })
  .check(z.refine((r) => r.opens < r.closes, { message: 'opens must be before closes', params: { code: 'time-order' } }));

export const OpeningException = /* @__PURE__ */ z.union([
  z.strictObject({ date: LocalDate, closed: z.literal(true), note: z.optional(/* @__PURE__ */ Text(200)) }),
  z.strictObject({
    date: LocalDate,
    closed: z.optional(z.literal(false)),
    opens: LocalTime,
    closes: LocalTime,
    note: z.optional(/* @__PURE__ */ Text(200)),
  }),
]);

export const Accessibility = /* @__PURE__ */ z.strictObject({
  wheelchair: z.optional(z.boolean()),
  hearingLoop: z.optional(z.boolean()),
  notes: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
});

export const LocationVariant = /* @__PURE__ */ z.enum(['spreekuur', 'inloop', 'breed']);

const locationFields = {
  name: /* @__PURE__ */ Text(200),
  address: Address,
  coordinates: Coordinates,
  walkInHours: z.optional(/* @__PURE__ */ z.array(WalkInRange).check(z.maxLength(50))),
  openingHours: z.optional(/* @__PURE__ */ z.array(WalkInRange).check(z.maxLength(50))),
  exceptions: z.optional(/* @__PURE__ */ z.array(OpeningException).check(z.maxLength(400))),
  closedOnHolidays: z.optional(/* @__PURE__ */ z.array(HolidayListCode).check(z.maxLength(20))),
  accessibility: z.optional(Accessibility),
  contact: z.optional(Contact),
  variant: z.optional(LocationVariant),
  insideLibrary: z.optional(z.boolean()),
  languages: z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string().check(z.maxLength(10))).check(z.maxLength(30))),
};

/** `POST /api/v1/locations`. National users name the organisation. */
export const LocationInput = /* @__PURE__ */ z.strictObject({ ...locationFields, organisationId: z.optional(Id) });
export type LocationInput = z.input<typeof LocationInput>;

export const LocationPatch = /* @__PURE__ */ z.partial(z.strictObject(locationFields));
export type LocationPatch = z.input<typeof LocationPatch>;

export const Location = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  name: z.string(),
  address: z.object({
    street: z.string(),
    postcode: z.string(),
    city: z.string(),
    municipality: z.optional(z.nullable(z.string())),
    province: z.optional(z.nullable(z.string())),
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
