/** Building blocks shared by every resource schema of the public contract. */
import * as z from 'zod/mini';

/** Ids are opaque strings (UUIDs in this implementation). */
export const Id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(64));

/** A value-list code: lower-case kebab-case, checked against the taxonomy by the server. */
export const Code = /* @__PURE__ */ z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\+?$/), z.maxLength(64));

/**
 * A code of one value list: the same check as `Code`, one schema per list, so that the OpenAPI
 * document can name the list, and give the codes of the lists that do not grow as an `enum`
 * (server/openapi/codes.ts). The server checks every code against the value lists themselves.
 */
const listCode = /* @__NO_SIDE_EFFECTS__ */ () =>
  /* @__PURE__ */ z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\+?$/), z.maxLength(64));
export const ChannelCode = /* @__PURE__ */ listCode();
export const DurationCode = /* @__PURE__ */ listCode();
export const HelpCode = /* @__PURE__ */ listCode();
export const DigidCode = /* @__PURE__ */ listCode();
export const HolidayListCode = /* @__PURE__ */ listCode();
export const CourseTypeCode = /* @__PURE__ */ listCode();
export const PartnerKindCode = /* @__PURE__ */ listCode();
export const QuestionTypeCode = /* @__PURE__ */ listCode();
export const TopicCode = /* @__PURE__ */ listCode();
export const AgencyCode = /* @__PURE__ */ listCode();

/** A calendar date, `YYYY-MM-DD`, read in Europe/Amsterdam. */
export const LocalDate = /* @__PURE__ */ z.iso.date();

/** A wall-clock time, `HH:MM`, 00:00–24:00. */
export const LocalTime = /* @__PURE__ */ z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/));

/** An instant with an explicit offset or `Z`. */
export const DateTime = /* @__PURE__ */ z.iso.datetime({ offset: true });

/** A short human text without control characters. */
export const Text = /* @__NO_SIDE_EFFECTS__ */ (max: number) =>
  /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const Coordinates = /* @__PURE__ */ z.strictObject({
  lat: /* @__PURE__ */ z.number().check(z.gte(-90), z.lte(90)),
  lon: /* @__PURE__ */ z.number().check(z.gte(-180), z.lte(180)),
});
export type Coordinates = z.infer<typeof Coordinates>;

export const Address = /* @__PURE__ */ z.strictObject({
  street: /* @__PURE__ */ Text(200),
  postcode: /* @__PURE__ */ z.string().check(z.trim(), z.regex(/^[1-9]\d{3} ?[A-Za-z]{2}$/)),
  city: /* @__PURE__ */ Text(100),
  municipality: z.optional(/* @__PURE__ */ Text(100)),
  province: z.optional(/* @__PURE__ */ Text(100)),
});
export type Address = z.infer<typeof Address>;

export const Contact = /* @__PURE__ */ z.strictObject({
  phone: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(40))),
  email: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
  url: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
});
export type Contact = z.infer<typeof Contact>;

/** `{ items }` with a cursor where the list pages. */
export const page = /* @__NO_SIDE_EFFECTS__ */ <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.nullable(z.string())) });

export const list = /* @__NO_SIDE_EFFECTS__ */ <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item) });

/** One broken field in a 422. `path` is dotted: `questions.0.topic`. */
export const FieldError = /* @__PURE__ */ z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem document, the one error shape of the API. */
export const Problem = /* @__PURE__ */ z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;

/** The languages of the API: labels, problem documents and exports. */
export const Lang = /* @__PURE__ */ z.enum(['nl', 'en']);
export type Lang = z.infer<typeof Lang>;

/** The path of one resource: `{id}`. An id that does not match cannot exist (404). */
export const IdParams = /* @__PURE__ */ z.strictObject({ id: Id });
