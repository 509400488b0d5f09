/** Partners (the sociale kaart), courses, organisations, users, keys and sessions. */
import * as z from 'zod/mini';
import { Code, CourseTypeCode, PartnerKindCode, TopicCode, Contact, Id, LocalDate, Text, list } from './common.js';

const partnerFields = {
  name: /* @__PURE__ */ Text(200),
  kind: PartnerKindCode,
  topics: /* @__PURE__ */ z.array(TopicCode).check(z.maxLength(60)),
  spreekuur: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
  address: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(300))),
  contact: z.optional(Contact),
  description: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(1000))),
  locationIds: z.optional(/* @__PURE__ */ z.array(Id).check(z.maxLength(200))),
};
export const PartnerInput = /* @__PURE__ */ z.strictObject({ ...partnerFields, organisationId: z.optional(Id) });
export type PartnerInput = z.input<typeof PartnerInput>;
export const PartnerPatch = /* @__PURE__ */ z.partial(z.strictObject(partnerFields));
export type PartnerPatch = z.input<typeof PartnerPatch>;
export const Partner = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  name: z.string(),
  kind: z.string(),
  topics: z.array(z.string()),
  spreekuur: z.nullable(z.string()),
  address: z.nullable(z.string()),
  contact: z.looseObject({}),
  description: z.nullable(z.string()),
  locationIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof Partner>;

const count = /* @__PURE__ */ z.number().check(z.int(), z.gte(0), z.lte(100000));
const courseFields = {
  locationId: Id,
  type: CourseTypeCode,
  startDate: LocalDate,
  sessions: /* @__PURE__ */ z.number().check(z.int(), z.gte(1), z.lte(1000)),
  enrolled: count,
  completed: z.optional(count),
  note: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(500))),
};
export const CourseInput = /* @__PURE__ */ z.strictObject(courseFields);
export type CourseInput = z.input<typeof CourseInput>;
export const CoursePatch = /* @__PURE__ */ z.partial(z.strictObject(courseFields));
export type CoursePatch = z.input<typeof CoursePatch>;
export const Course = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  locationId: Id,
  type: z.string(),
  startDate: z.string(),
  sessions: z.number(),
  enrolled: z.number(),
  completed: z.nullable(z.number()),
  note: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Course = z.infer<typeof Course>;

const organisationFields = {
  name: /* @__PURE__ */ Text(200),
  municipality: z.optional(/* @__PURE__ */ Text(100)),
  province: z.optional(/* @__PURE__ */ Text(100)),
};
export const OrganisationInput = /* @__PURE__ */ z.strictObject(organisationFields);
export type OrganisationInput = z.input<typeof OrganisationInput>;
export const OrganisationPatch = /* @__PURE__ */ z.partial(z.strictObject(organisationFields));
export const Organisation = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  municipality: z.nullable(z.string()),
  province: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const Role = /* @__PURE__ */ z.enum(['national', 'coordinator']);
export type Role = z.infer<typeof Role>;

export const Email = /* @__PURE__ */ z.string().check(z.trim(), z.toLowerCase(), z.email(), z.maxLength(254));

export const UserInput = /* @__PURE__ */ z.strictObject({
  email: Email,
  password: /* @__PURE__ */ z.string().check(z.minLength(12), z.maxLength(200)),
  role: Role,
  organisationId: z.optional(z.nullable(Id)),
});
export type UserInput = z.input<typeof UserInput>;
export const User = /* @__PURE__ */ z.object({
  id: Id,
  email: z.string(),
  role: Role,
  organisationId: z.nullable(Id),
  createdAt: z.optional(z.string()),
});
export type User = z.infer<typeof User>;

export const KeyKind = /* @__PURE__ */ z.enum(['desk', 'secret']);
export const Origin = /* @__PURE__ */ z.string().check(z.regex(/^https?:\/\/[^/\s]+$/), z.maxLength(200));
export const KeyInput = /* @__PURE__ */ z.strictObject({
  kind: KeyKind,
  locationId: z.optional(Id),
  origins: z.optional(/* @__PURE__ */ z.array(Origin).check(z.maxLength(20))),
  name: z.optional(/* @__PURE__ */ Text(100)),
  organisationId: z.optional(Id),
});
export type KeyInput = z.input<typeof KeyInput>;
export const ApiKey = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  kind: KeyKind,
  name: z.nullable(z.string()),
  prefix: z.string(),
  locationId: z.nullable(Id),
  origins: z.array(z.string()),
  createdAt: z.string(),
  /** Only in the answer to the create: the key itself, shown once. */
  key: z.optional(z.string()),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const LoginInput = /* @__PURE__ */ z.strictObject({
  email: Email,
  password: /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200)),
});
export const Session = /* @__PURE__ */ z.object({ token: z.string(), expiresAt: z.string(), user: User });
export type Session = z.infer<typeof Session>;

/**
 * `GET /api/v1/auth/me`: who the credential sent is. A key names its organisation and, for a desk
 * key bound to one, its location (`null` when not bound; a secret key is never bound); a session
 * names its user. Nothing the caller does not already hold.
 */
export const Me = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('desk'), organisationId: Id, locationId: z.nullable(Id) }),
  z.object({ kind: z.literal('secret'), organisationId: Id, locationId: z.null() }),
  z.object({ kind: z.literal('user'), user: User }),
]);
export type Me = z.infer<typeof Me>;

// ---------------------------------------------------------------------------------------------
// List queries and lists. Only requests use the queries: they are pure, so bundles that do not
// send them leave them out.

/** `GET /partners`: `topic` finds the partners that take it (or its parent). */
export const PartnerListQuery = /* @__PURE__ */ z.strictObject({
  organisationId: z.optional(Id),
  topic: z.optional(TopicCode),
  kind: z.optional(PartnerKindCode),
  locationId: z.optional(Id),
});
/** `GET /courses`: dates are start dates, inclusive. */
export const CourseListQuery = /* @__PURE__ */ z.strictObject({
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  locationId: z.optional(Id),
  organisationId: z.optional(Id),
  type: z.optional(CourseTypeCode),
});
/** `GET /organisations` takes no parameters. */
export const OrganisationListQuery = /* @__PURE__ */ z.strictObject({});
export const UserListQuery = /* @__PURE__ */ z.strictObject({ organisationId: z.optional(Id), role: z.optional(Role) });
export const KeyListQuery = /* @__PURE__ */ z.strictObject({
  organisationId: z.optional(Id),
  kind: z.optional(KeyKind),
  locationId: z.optional(Id),
});

export const PartnerList = /* @__PURE__ */ list(Partner);
export const CourseList = /* @__PURE__ */ list(Course);
export const OrganisationList = /* @__PURE__ */ list(Organisation);
export const UserList = /* @__PURE__ */ list(User);
export const ApiKeyList = /* @__PURE__ */ list(ApiKey);
