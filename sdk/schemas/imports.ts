/** Imports of earlier registrations: the multipart form, the column mapping, and an import's status. */
import * as z from 'zod/mini';
import { Id, list } from './common.js';

/** What a column of an imported sheet can hold. */
export const IMPORT_FIELDS = [
  'visit',
  'occurredAt',
  'time',
  'locationId',
  'location',
  'channel',
  'duration',
  'position',
  'type',
  'topic',
  'agencies',
  'help',
  'referralKind',
  'referralPartner',
  'referralWarm',
  'digid',
  'note',
  'count',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const Str = /* @__PURE__ */ z.string().check(z.maxLength(200));
const ValueMap = /* @__PURE__ */ z.record(
  /* @__PURE__ */ z.string().check(z.maxLength(200)),
  /* @__PURE__ */ z.string().check(z.maxLength(200)),
);

/** `mapping`: which column holds which field, how sheet values map onto codes, and defaults. */
export const ImportMapping = /* @__PURE__ */ z.strictObject({
  shape: z.optional(z.enum(['question', 'daily'])),
  columns: z.optional(
    z.strictObject(
      Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.optional(Str)])) as Record<ImportField, z.ZodMiniOptional<typeof Str>>,
    ),
  ),
  /** Per field: sheet value → code (or location id / name). */
  values: z.optional(
    z.strictObject({
      location: z.optional(ValueMap),
      channel: z.optional(ValueMap),
      duration: z.optional(ValueMap),
      type: z.optional(ValueMap),
      topic: z.optional(ValueMap),
      agencies: z.optional(ValueMap),
      help: z.optional(ValueMap),
      digid: z.optional(ValueMap),
      referralKind: z.optional(ValueMap),
    }),
  ),
  /** Counts sheets: header of a count column → topic; without it, every column named after a topic. */
  topicColumns: z.optional(ValueMap),
  defaults: z.optional(
    z.strictObject({
      locationId: z.optional(Str),
      location: z.optional(Str),
      channel: z.optional(Str),
      duration: z.optional(Str),
      type: z.optional(Str),
      topic: z.optional(Str),
      agencies: z.optional(z.array(Str)),
      help: z.optional(z.array(Str)),
      digid: z.optional(Str),
      time: z.optional(Str),
    }),
  ),
});
export type ImportMapping = z.output<typeof ImportMapping>;

/** The multipart form of `POST /imports`; `mapping` is a JSON part (or JSON text), the other fields are text. */
export const ImportForm = /* @__PURE__ */ z.object({
  file: z.file(),
  mapping: z.optional(ImportMapping),
  dryRun: z.optional(z.enum(['true', 'false'])),
  organisationId: z.optional(Id),
  locationId: z.optional(Id),
  background: z.optional(z.enum(['true', 'false'])),
});

const ImportSummary = /* @__PURE__ */ z.object({ visits: z.number(), questions: z.number(), duplicates: z.number() });
const importFields = {
  id: Id,
  organisationId: Id,
  status: z.enum(['running', 'done', 'failed', 'dry-run']),
  fileName: z.nullable(z.string()),
  rows: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  progress: z.number(),
  summary: ImportSummary,
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
};
/** An import and its progress; `errors` lists every row that could not be read. */
export const ImportStatus = /* @__PURE__ */ z.object({
  ...importFields,
  errors: z.array(
    z.object({
      row: z.optional(z.number()),
      path: z.optional(z.string()),
      column: z.optional(z.string()),
      code: z.string(),
      message: z.string(),
    }),
  ),
  mapping: z.optional(z.unknown()),
  createdBy: z.string(),
});
/** The latest imports, without their errors. */
export const ImportList = /* @__PURE__ */ list(z.object({ ...importFields, errorCount: z.number() }));

/** `GET /imports`: national users may name one organisation; `limit` is how many (newest first). */
export const ImportListQuery = /* @__PURE__ */ z.strictObject({
  organisationId: z.optional(Id),
  limit: z.optional(/* @__PURE__ */ z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});
