/** A visit (registration) with its questions: what the desk registers, and what the API stores. */
import * as z from 'zod/mini';
import { AgencyCode, ChannelCode, Code, DigidCode, DurationCode, HelpCode, PartnerKindCode, QuestionTypeCode, TopicCode, DateTime, Id, LocalDate, FieldError, list, page } from './common.js';
import { BATCH_MAX, NOTE_MAX } from './limits.js';

export const Referral = /* @__PURE__ */ z.strictObject({
  partnerId: /* @__PURE__ */ z.optional(Id),
  partnerKind: /* @__PURE__ */ z.optional(PartnerKindCode),
  warm: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
}).check(
  /* @__PURE__ */ z.refine((r) => r.partnerId !== undefined || r.partnerKind !== undefined, {
    message: 'A referral names partnerId or partnerKind.',
    params: { code: 'referral-target' },
  }),
);
export type Referral = z.infer<typeof Referral>;

export const QuestionInput = /* @__PURE__ */ z.strictObject({
  type: QuestionTypeCode,
  topic: TopicCode,
  agencies: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(AgencyCode).check(/* @__PURE__ */ z.maxLength(20)), []),
  help: /* @__PURE__ */ z._default(/* @__PURE__ */ z.array(HelpCode).check(/* @__PURE__ */ z.maxLength(10)), []),
  referral: /* @__PURE__ */ z.optional(Referral),
  digid: /* @__PURE__ */ z.optional(DigidCode),
});
export type QuestionInput = z.input<typeof QuestionInput>;
export type Question = z.output<typeof QuestionInput>;

export { NOTE_MAX, BATCH_MAX } from './limits.js';

/** The body of `POST /api/v1/registrations`: one visit. */
export const RegistrationInput = /* @__PURE__ */ z.strictObject({
  id: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.uuid()),
  locationId: /* @__PURE__ */ z.optional(Id),
  occurredAt: /* @__PURE__ */ z.optional(DateTime),
  channel: ChannelCode,
  duration: DurationCode,
  questions: /* @__PURE__ */ z.array(QuestionInput).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20)),
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(NOTE_MAX))),
});
export type RegistrationInput = z.input<typeof RegistrationInput>;

/** `PATCH /api/v1/registrations/:id`: top-level fields merged, lists replaced whole. */
export const RegistrationPatch = /* @__PURE__ */ z.strictObject({
  locationId: /* @__PURE__ */ z.optional(Id),
  occurredAt: /* @__PURE__ */ z.optional(DateTime),
  channel: /* @__PURE__ */ z.optional(ChannelCode),
  duration: /* @__PURE__ */ z.optional(DurationCode),
  questions: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(QuestionInput).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20))),
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(NOTE_MAX)))),
});
export type RegistrationPatch = z.input<typeof RegistrationPatch>;

/** A stored registration as the API answers it. */
export const Registration = /* @__PURE__ */ z.object({
  id: Id,
  organisationId: Id,
  locationId: Id,
  occurredAt: /* @__PURE__ */ z.string(),
  channel: /* @__PURE__ */ z.string(),
  duration: /* @__PURE__ */ z.string(),
  questions: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({
    type: /* @__PURE__ */ z.string(),
    topic: /* @__PURE__ */ z.string(),
    agencies: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
    help: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
    referral: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({
      partnerId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string())),
      partnerKind: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string())),
      warm: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.boolean())),
    }))),
    digid: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string())),
  })),
  note: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string())),
  createdAt: /* @__PURE__ */ z.string(),
  updatedAt: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
export type Registration = z.infer<typeof Registration>;

export const BatchInput = /* @__PURE__ */ z.strictObject({
  registrations: /* @__PURE__ */ z.array(/* @__PURE__ */ z.unknown()).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(BATCH_MAX)),
});

export const BatchItemStatus = /* @__PURE__ */ z.enum(['created', 'duplicate', 'conflict', 'invalid']);
export type BatchItemStatus = z.infer<typeof BatchItemStatus>;

export const BatchResult = /* @__PURE__ */ z.object({
  results: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({
    id: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    status: BatchItemStatus,
    errors: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(FieldError)),
  })),
});
export type BatchResult = z.infer<typeof BatchResult>;

export const RegistrationQuery = /* @__PURE__ */ z.strictObject({
  locationId: /* @__PURE__ */ z.optional(Id),
  from: /* @__PURE__ */ z.optional(LocalDate),
  to: /* @__PURE__ */ z.optional(LocalDate),
  topic: /* @__PURE__ */ z.optional(TopicCode),
  limit: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(500))),
  cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200))),
});
export type RegistrationQuery = z.input<typeof RegistrationQuery>;

/** One change in a registration's audit trail. */
export const AuditEntry = /* @__PURE__ */ z.object({
  at: /* @__PURE__ */ z.string(),
  action: /* @__PURE__ */ z.enum(['create', 'update', 'delete']),
  actor: /* @__PURE__ */ z.string(),
  changes: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown()),
});

/** The batch body as documented: each item is a registration (the server checks them one by one, so one bad item does not fail the rest: `BatchInput`). */
export const RegistrationBatchInput = /* @__PURE__ */ z.strictObject({
  registrations: /* @__PURE__ */ z.array(RegistrationInput).check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(BATCH_MAX)),
});
export const RegistrationPage = /* @__PURE__ */ page(Registration);
export const AuditTrail = /* @__PURE__ */ list(AuditEntry);
