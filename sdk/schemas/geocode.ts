/** `GET /api/v1/geocode` (contract v3): an address by postcode and house number, for the admin form. */
import * as z from 'zod/mini';

/** The query: a PC6 postcode, a house number, and an optional letter or addition ("A", "2-hoog"). */
export const GeocodeQuery = z.strictObject({
  postcode: z.string().check(z.maxLength(10)),
  number: z.string().check(z.regex(/^\s*[1-9]\d{0,4}\s*$/)),
  addition: z.optional(z.string().check(z.maxLength(10))),
});
export type GeocodeQuery = z.input<typeof GeocodeQuery>;

/**
 * How much is known: `address` the building (PDOK), `postcode` the PC6 area (PDOK),
 * `pc4` only the centroid of the four digits (street, place, municipality and province null).
 */
export const GeocodePrecision = z.enum(['address', 'postcode', 'pc4']);
export type GeocodePrecision = z.infer<typeof GeocodePrecision>;

export const GeocodedAddress = z.object({
  street: z.nullable(z.string()),
  number: z.number(),
  addition: z.optional(z.nullable(z.string())),
  postcode: z.string(),
  city: z.nullable(z.string()),
  municipality: z.nullable(z.string()),
  province: z.nullable(z.string()),
  coordinates: z.object({ lat: z.number(), lon: z.number() }),
  precision: GeocodePrecision,
  /** Credit for the PC4 centroids, when they were used. */
  attribution: z.optional(z.string()),
});
export type GeocodedAddress = z.infer<typeof GeocodedAddress>;
