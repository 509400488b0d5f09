/** A visit (registration) with its questions: what the desk registers, and what the API stores. */
import * as z from 'zod/mini';
import {
  AgencyCode,
  ChannelCode,
  Code,
  DigidCode,
  DurationCode,
  HelpCode,
  PartnerKindCode,
  QuestionTypeCode,
  TopicCode,
  DateTime,
  Id,
  LocalDate,
  FieldError,
  list,
  page,
} from './common.js';
import { BATCH_MAX, NOTE_MAX } from './limits.js';

export const Referral = /* @__PURE__ */ z
  .strictObject({
    partnerId: z.optional(Id),
    partnerKind: z.optional(PartnerKindCode),
    warm: z.optional(z.boolean()),
  })
  .check(
    z.refine((r) => r.partnerId !== undefined || r.partnerKind !== undefined, {
      message: 'A referral names partnerId or partnerKind.',
      params: { code: 'referral-target' },
    }),
  );
export type Referral = z.infer<typeof Referral>;

export const QuestionInput = /* @__PURE__ */ z.strictObject({
  type: QuestionTypeCode,
  topic: TopicCode,
  agencies: z._default(/* @__PURE__ */ z.array(AgencyCode).check(z.maxLength(20)), []),
  help: z._default(/* @__PURE__ */ z.array(HelpCode).check(z.maxLength(10)), []),
  referral: z.optional(Referral),
  digid: z.optional(DigidCode),
});
export type QuestionInput = z.input<typeof QuestionInput>;
export type Question = z.output<typeof QuestionInput>;

export { NOTE_MAX, BATCH_MAX } from './limits.js';

/** The body of `POST /api/v1/registrations`: one visit. */
export const RegistrationInput = /* @__PURE__ */ z.strictObject({
  id: z.optional(z.uuid()),
  locationId: z.optional(Id),
  occurredAt: z.optional(DateTime),
  channel: ChannelCode,
  duration: DurationCode,
  questions: /* @__PURE__ */ z.array(QuestionInput).check(z.minLength(1), z.maxLength(20)),
  note: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(NOTE_MAX))),
});
export type RegistrationInput = z.input<typeof RegistrationInput>;

/** `PATCH /api/v1/registrations/:id`: top-level fields merged, lists replaced whole. */
export const RegistrationPatch = /* @__PURE__ */ z.strictObject({
  locationId: z.optional(Id),
  occurredAt: z.optional(DateTime),
  channel: z.optional(ChannelCode),
  duration: z.optional(DurationCode),
  questions: z.optional(/* @__PURE__ */ z.array(QuestionInput).check(z.minLength(1), z.maxLength(20))),
  note: z.optional(z.nullable(/* @__PURE__ */ z.string().check(z.maxLength(NOTE_MAX)))),
});
export type RegistrationPatch = z.input<typeof RegistrationPatch>;

/** A stored registration as the API answers it. */
export const Registration = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  locationId: Id,
  occurredAt: z.string(),
  channel: z.string(),
  duration: z.string(),
  questions: z.array(
    z.object({
      type: z.string(),
      topic: z.string(),
      agencies: z.array(z.string()),
      help: z.array(z.string()),
      referral: z.optional(
        z.nullable(
          z.object({
            partnerId: z.optional(z.nullable(z.string())),
            partnerKind: z.optional(z.nullable(z.string())),
            warm: z.optional(z.nullable(z.boolean())),
          }),
        ),
      ),
      digid: z.optional(z.nullable(z.string())),
    }),
  ),
  note: z.optional(z.nullable(z.string())),
  createdAt: z.string(),
  updatedAt: z.optional(z.string()),
});
export type Registration = z.infer<typeof Registration>;

export const BatchInput = /* @__PURE__ */ z.strictObject({
  registrations: /* @__PURE__ */ z.array(z.unknown()).check(z.minLength(1), z.maxLength(BATCH_MAX)),
});

export const BatchItemStatus = /* @__PURE__ */ z.enum(['created', 'duplicate', 'conflict', 'invalid']);
export type BatchItemStatus = z.infer<typeof BatchItemStatus>;

export const BatchResult = /* @__PURE__ */ z.object({
  results: z.array(
    z.object({
      id: z.nullable(z.string()),
      status: BatchItemStatus,
      errors: z.optional(z.array(FieldError)),
    }),
  ),
});
export type BatchResult = z.infer<typeof BatchResult>;

export const RegistrationQuery = /* @__PURE__ */ z.strictObject({
  locationId: z.optional(Id),
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  topic: z.optional(TopicCode),
  limit: z.optional(/* @__PURE__ */ z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
  cursor: z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200))),
});
export type RegistrationQuery = z.input<typeof RegistrationQuery>;

/** One change in a registration's audit trail. */
export const AuditEntry = /* @__PURE__ */ z.object({
  at: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  actor: z.string(),
  changes: z.optional(z.unknown()),
});

/** The batch body as documented: each item is a registration (the server checks them one by one, so one bad item does not fail the rest: `BatchInput`). */
export const RegistrationBatchInput = /* @__PURE__ */ z.strictObject({
  registrations: /* @__PURE__ */ z.array(RegistrationInput).check(z.minLength(1), z.maxLength(BATCH_MAX)),
});
export const RegistrationPage = /* @__PURE__ */ page(Registration);
export const AuditTrail = /* @__PURE__ */ list(AuditEntry);
