/** Imports of earlier registrations: the multipart form, the column mapping, and an import's status. */
import * as z from 'zod/mini';
import { Id, list } from './common.js';

/** What a column of an imported sheet can hold. */
export const IMPORT_FIELDS = [
  'visit', 'occurredAt', 'time', 'locationId', 'location', 'channel', 'duration', 'position', 'type', 'topic',
  'agencies', 'help', 'referralKind', 'referralPartner', 'referralWarm', 'digid', 'note', 'count',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const Str = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200));
const ValueMap = /* @__PURE__ */ z.record(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)), /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)));

/** `mapping`: which column holds which field, how sheet values map onto codes, and defaults. */
export const ImportMapping = /* @__PURE__ */ z.strictObject({
  shape: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['question', 'daily'])),
  columns: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, /* @__PURE__ */ z.optional(Str)])) as Record<ImportField, z.ZodMiniOptional<typeof Str>>)),
  /** Per field: sheet value → code (or location id / name). */
  values: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject({
    location: /* @__PURE__ */ z.optional(ValueMap), channel: /* @__PURE__ */ z.optional(ValueMap), duration: /* @__PURE__ */ z.optional(ValueMap), type: /* @__PURE__ */ z.optional(ValueMap),
    topic: /* @__PURE__ */ z.optional(ValueMap), agencies: /* @__PURE__ */ z.optional(ValueMap), help: /* @__PURE__ */ z.optional(ValueMap), digid: /* @__PURE__ */ z.optional(ValueMap),
    referralKind: /* @__PURE__ */ z.optional(ValueMap),
  })),
  /** Counts sheets: header of a count column → topic; without it, every column named after a topic. */
  topicColumns: /* @__PURE__ */ z.optional(ValueMap),
  defaults: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.strictObject({
    locationId: /* @__PURE__ */ z.optional(Str), location: /* @__PURE__ */ z.optional(Str), channel: /* @__PURE__ */ z.optional(Str), duration: /* @__PURE__ */ z.optional(Str),
    type: /* @__PURE__ */ z.optional(Str), topic: /* @__PURE__ */ z.optional(Str), agencies: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Str)), help: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(Str)),
    digid: /* @__PURE__ */ z.optional(Str), time: /* @__PURE__ */ z.optional(Str),
  })),
});
export type ImportMapping = z.output<typeof ImportMapping>;

/** The multipart form of `POST /imports`; `mapping` is a JSON part (or JSON text), the other fields are text. */
export const ImportForm = /* @__PURE__ */ z.object({
  file: /* @__PURE__ */ z.file(),
  mapping: /* @__PURE__ */ z.optional(ImportMapping),
  dryRun: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['true', 'false'])),
  organisationId: /* @__PURE__ */ z.optional(Id),
  locationId: /* @__PURE__ */ z.optional(Id),
  background: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['true', 'false'])),
});

const ImportSummary = /* @__PURE__ */ z.object({ visits: /* @__PURE__ */ z.number(), questions: /* @__PURE__ */ z.number(), duplicates: /* @__PURE__ */ z.number() });
const importFields = {
  id: Id,
  organisationId: Id,
  status: /* @__PURE__ */ z.enum(['running', 'done', 'failed', 'dry-run']),
  fileName: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  rows: /* @__PURE__ */ z.number(),
  imported: z.number(),
  duplicates: /* @__PURE__ */ z.number(),
  progress: /* @__PURE__ */ z.number(),
  summary: ImportSummary,
  createdAt: /* @__PURE__ */ z.string(),
  finishedAt: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
};
/** An import and its progress; `errors` lists every row that could not be read. */
export const ImportStatus = /* @__PURE__ */ z.object({
  ...importFields,
  errors: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ row: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()), path: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), column: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()), code: /* @__PURE__ */ z.string(), message: /* @__PURE__ */ z.string() })),
  mapping: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown()),
  createdBy: /* @__PURE__ */ z.string(),
});
/** The latest imports, without their errors. */
export const ImportList = /* @__PURE__ */ list(/* @__PURE__ */ z.object({ ...importFields, errorCount: /* @__PURE__ */ z.number() }));

/** `GET /imports`: national users may name one organisation; `limit` is how many (newest first). */
export const ImportListQuery = /* @__PURE__ */ z.strictObject({
  organisationId: /* @__PURE__ */ z.optional(Id),
  limit: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.coerce.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(200))),
});
