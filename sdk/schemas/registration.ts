/** A visit (registration) with its questions: what the desk registers, and what the API stores. */
import * as z from 'zod/mini';
import { Code, DateTime, Id, LocalDate, FieldError, list, page } from './common.js';
import { BATCH_MAX, NOTE_MAX } from './limits.js';

export const Referral = z.strictObject({
  partnerId: z.optional(Id),
  partnerKind: z.optional(Code),
  warm: z.optional(z.boolean()),
}).check(
  z.refine((r) => r.partnerId !== undefined || r.partnerKind !== undefined, {
    message: 'A referral names partnerId or partnerKind.',
    params: { code: 'referral-target' },
  }),
);
export type Referral = z.infer<typeof Referral>;

export const QuestionInput = z.strictObject({
  type: Code,
  topic: Code,
  agencies: z._default(z.array(Code).check(z.maxLength(20)), []),
  help: z._default(z.array(Code).check(z.maxLength(10)), []),
  referral: z.optional(Referral),
  digid: z.optional(Code),
});
export type QuestionInput = z.input<typeof QuestionInput>;
export type Question = z.output<typeof QuestionInput>;

export { NOTE_MAX, BATCH_MAX } from './limits.js';

/** The body of `POST /api/v1/registrations`: one visit. */
export const RegistrationInput = z.strictObject({
  id: z.optional(z.uuid()),
  locationId: z.optional(Id),
  occurredAt: z.optional(DateTime),
  channel: Code,
  duration: Code,
  questions: z.array(QuestionInput).check(z.minLength(1), z.maxLength(20)),
  note: z.optional(z.string().check(z.maxLength(NOTE_MAX))),
});
export type RegistrationInput = z.input<typeof RegistrationInput>;

/** `PATCH /api/v1/registrations/:id`: top-level fields merged, lists replaced whole. */
export const RegistrationPatch = z.strictObject({
  locationId: z.optional(Id),
  occurredAt: z.optional(DateTime),
  channel: z.optional(Code),
  duration: z.optional(Code),
  questions: z.optional(z.array(QuestionInput).check(z.minLength(1), z.maxLength(20))),
  note: z.optional(z.nullable(z.string().check(z.maxLength(NOTE_MAX)))),
});
export type RegistrationPatch = z.input<typeof RegistrationPatch>;

/** A stored registration as the API answers it. */
export const Registration = z.object({
  id: Id,
  organisationId: Id,
  locationId: Id,
  occurredAt: z.string(),
  channel: z.string(),
  duration: z.string(),
  questions: z.array(z.object({
    type: z.string(),
    topic: z.string(),
    agencies: z.array(z.string()),
    help: z.array(z.string()),
    referral: z.optional(z.nullable(z.object({
      partnerId: z.optional(z.nullable(z.string())),
      partnerKind: z.optional(z.nullable(z.string())),
      warm: z.optional(z.nullable(z.boolean())),
    }))),
    digid: z.optional(z.nullable(z.string())),
  })),
  note: z.optional(z.nullable(z.string())),
  createdAt: z.string(),
  updatedAt: z.optional(z.string()),
});
export type Registration = z.infer<typeof Registration>;

export const BatchInput = z.strictObject({
  registrations: z.array(z.unknown()).check(z.minLength(1), z.maxLength(BATCH_MAX)),
});

export const BatchItemStatus = z.enum(['created', 'duplicate', 'conflict', 'invalid']);
export type BatchItemStatus = z.infer<typeof BatchItemStatus>;

export const BatchResult = z.object({
  results: z.array(z.object({
    id: z.nullable(z.string()),
    status: BatchItemStatus,
    errors: z.optional(z.array(FieldError)),
  })),
});
export type BatchResult = z.infer<typeof BatchResult>;

export const RegistrationQuery = z.strictObject({
  locationId: z.optional(Id),
  from: z.optional(LocalDate),
  to: z.optional(LocalDate),
  topic: z.optional(Code),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type RegistrationQuery = z.input<typeof RegistrationQuery>;

/** One change in a registration's audit trail. */
export const AuditEntry = z.object({
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
