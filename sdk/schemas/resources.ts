/** Partners (the sociale kaart), courses, organisations, users, keys and sessions. */
import * as z from 'zod/mini';
import { Code, CourseTypeCode, PartnerKindCode, TopicCode, Contact, Id, LocalDate, Text, list } from './common.js';

const partnerFields = {
  name: /* @__PURE__ */ Text(200),
  kind: PartnerKindCode,
  topics: /* @__PURE__ */ z.array(TopicCode).check(/* @__PURE__ */ z.maxLength(60)),
  spreekuur: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(500))),
  address: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(300))),
  contact: /* @__PURE__ */ z.optional(Contact),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(1000))),
  locationIds: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Id).check(/* @__PURE__ */ z.maxLength(200))),
};
export const PartnerInput = /* @__PURE__ */ z.strictObject({ ...partnerFields, organisationId: /* @__PURE__ */ z.optional(Id) });
export type PartnerInput = z.input<typeof PartnerInput>;
export const PartnerPatch = /* @__PURE__ */ z.partial(/* @__PURE__ */ z.strictObject(partnerFields));
export type PartnerPatch = z.input<typeof PartnerPatch>;
export const Partner = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  name: /* @__PURE__ */ z.string(),
  kind: /* @__PURE__ */ z.string(),
  topics: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  spreekuur: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  address: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  contact: /* @__PURE__ */ z.looseObject({}),
  description: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  locationIds: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
});
export type Partner = z.infer<typeof Partner>;

const count = /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(0), /* @__PURE__ */ z.lte(100000));
const courseFields = {
  locationId: Id,
  type: CourseTypeCode,
  startDate: LocalDate,
  sessions: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(1000)),
  enrolled: count,
  completed: /* @__PURE__ */ z.optional(count),
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(500))),
};
export const CourseInput = /* @__PURE__ */ z.strictObject(courseFields);
export type CourseInput = z.input<typeof CourseInput>;
export const CoursePatch = /* @__PURE__ */ z.partial(/* @__PURE__ */ z.strictObject(courseFields));
export type CoursePatch = z.input<typeof CoursePatch>;
export const Course = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  locationId: Id,
  type: /* @__PURE__ */ z.string(),
  startDate: /* @__PURE__ */ z.string(),
  sessions: /* @__PURE__ */ z.number(),
  enrolled: /* @__PURE__ */ z.number(),
  completed: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
  note: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.string(),
});
export type Course = z.infer<typeof Course>;

const organisationFields = {
  name: /* @__PURE__ */ Text(200),
  municipality: /* @__PURE__ */ z.optional(/* @__PURE__ */ Text(100)),
  province: /* @__PURE__ */ z.optional(/* @__PURE__ */ Text(100)),
};
export const OrganisationInput = /* @__PURE__ */ z.strictObject(organisationFields);
export type OrganisationInput = z.input<typeof OrganisationInput>;
export const OrganisationPatch = /* @__PURE__ */ z.partial(/* @__PURE__ */ z.strictObject(organisationFields));
export const Organisation = /* @__PURE__ */ z.object({
  id: Id,
  name: /* @__PURE__ */ z.string(),
  municipality: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  province: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  createdAt: /* @__PURE__ */ z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const Role = /* @__PURE__ */ z.enum(['national', 'coordinator']);
export type Role = z.infer<typeof Role>;

export const Email = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.toLowerCase(), /* @__PURE__ */ z.email(), /* @__PURE__ */ z.maxLength(254));

export const UserInput = /* @__PURE__ */ z.strictObject({
  email: Email,
  password: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(12), /* @__PURE__ */ z.maxLength(200)),
  role: Role,
  organisationId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(Id)),
});
export type UserInput = z.input<typeof UserInput>;
export const User = /* @__PURE__ */ z.object({
  id: Id,
  email: /* @__PURE__ */ z.string(),
  role: Role,
  organisationId: /* @__PURE__ */ z.nullable(Id),
  createdAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type User = z.infer<typeof User>;

export const KeyKind = /* @__PURE__ */ z.enum(['desk', 'secret']);
export const Origin = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^https?:\/\/[^/\s]+$/), /* @__PURE__ */ z.maxLength(200));
export const KeyInput = /* @__PURE__ */ z.strictObject({
  kind: KeyKind,
  locationId: /* @__PURE__ */ z.optional(Id),
  origins: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Origin).check(/* @__PURE__ */ z.maxLength(20))),
  name: /* @__PURE__ */ z.optional(/* @__PURE__ */ Text(100)),
  organisationId: /* @__PURE__ */ z.optional(Id),
});
export type KeyInput = z.input<typeof KeyInput>;
export const ApiKey = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  kind: KeyKind,
  name: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  prefix: /* @__PURE__ */ z.string(),
  locationId: /* @__PURE__ */ z.nullable(Id),
  origins: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  createdAt: /* @__PURE__ */ z.string(),
  /** Only in the answer to the create: the key itself, shown once. */
  key: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const LoginInput = /* @__PURE__ */ z.strictObject({
  email: Email,
  password: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
});
export const Session = /* @__PURE__ */ z.object({ token: /* @__PURE__ */ z.string(), expiresAt: /* @__PURE__ */ z.string(), user: User });
export type Session = z.infer<typeof Session>;

/**
 * `GET /api/v1/auth/me`: who the credential sent is. A key names its organisation and, for a desk
 * key bound to one, its location (`null` when not bound; a secret key is never bound); a session
 * names its user. Nothing the caller does not already hold.
 */
export const Me = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('desk'), organisationId: Id, locationId: /* @__PURE__ */ z.nullable(Id) }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('secret'), organisationId: Id, locationId: /* @__PURE__ */ z.null() }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('user'), user: User }),
]);
export type Me = z.infer<typeof Me>;

// ---------------------------------------------------------------------------------------------
// List queries and lists. Only requests use the queries: they are pure, so bundles that do not
// send them leave them out.

/** `GET /partners`: `topic` finds the partners that take it (or its parent). */
export const PartnerListQuery = /* @__PURE__ */ z.strictObject({
  organisationId: /* @__PURE__ */ z.optional(Id),
  topic: /* @__PURE__ */ z.optional(TopicCode),
  kind: /* @__PURE__ */ z.optional(PartnerKindCode),
  locationId: /* @__PURE__ */ z.optional(Id),
});
/** `GET /courses`: dates are start dates, inclusive. */
export const CourseListQuery = /* @__PURE__ */ z.strictObject({
  from: /* @__PURE__ */ z.optional(LocalDate),
  to: /* @__PURE__ */ z.optional(LocalDate),
  locationId: /* @__PURE__ */ z.optional(Id),
  organisationId: /* @__PURE__ */ z.optional(Id),
  type: /* @__PURE__ */ z.optional(CourseTypeCode),
});
/** `GET /organisations` takes no parameters. */
export const OrganisationListQuery = /* @__PURE__ */ z.strictObject({});
export const UserListQuery = /* @__PURE__ */ z.strictObject({ organisationId: /* @__PURE__ */ z.optional(Id), role: /* @__PURE__ */ z.optional(Role) });
export const KeyListQuery = /* @__PURE__ */ z.strictObject({ organisationId: /* @__PURE__ */ z.optional(Id), kind: /* @__PURE__ */ z.optional(KeyKind), locationId: /* @__PURE__ */ z.optional(Id) });

export const PartnerList = /* @__PURE__ */ list(Partner);
export const CourseList = /* @__PURE__ */ list(Course);
export const OrganisationList = /* @__PURE__ */ list(Organisation);
export const UserList = /* @__PURE__ */ list(User);
export const ApiKeyList = /* @__PURE__ */ list(ApiKey);
