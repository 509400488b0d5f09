/**
 * The OpenAPI 3.1 document of the API, generated from the operations declared in sdk/operations
 * (the same declarations the server mounts and the SDK calls) and the zod schemas they name; the
 * words come from texts.ts. This file holds no schema of its own.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import * as S from '../../sdk/schemas/index.js';
import { OPERATIONS, impliedStatuses, type Answer, type ErrorStatus, type Operation } from '../../sdk/operations/index.js';
import { describeCode } from './codes.js';
import {
  ACCESS_TEXT,
  INPUT_TEXTS,
  NOUNS,
  OPERATION_TEXTS,
  OUTPUT_TEXTS,
  PARAMETER_TEXT,
  PROBLEMS,
  SECURITY,
  TAGS,
  type Words,
} from './texts.js';

type Json = Record<string, unknown>;

const TARGET = 'draft-2020-12';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The contract's schema of a component name (every name in texts.ts is an export of sdk/schemas). */
function schemaNamed(name: string): z.ZodMiniType {
  const schema = (S as unknown as Record<string, z.ZodMiniType | undefined>)[name];
  if (!schema) throw new Error(`OpenAPI: no schema ${name} in sdk/schemas`);
  return schema;
}

/** Schema → component name, for the bodies and answers the declarations name. */
function componentNames(): Map<z.ZodMiniType, string> {
  const names = new Map<z.ZodMiniType, string>();
  for (const name of [...Object.keys(INPUT_TEXTS), ...Object.keys(OUTPUT_TEXTS)]) names.set(schemaNamed(name), name);
  return names;
}

function componentSchemas(entries: Record<string, Words>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const id of Object.keys(entries)) registry.add(schemaNamed(id), { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: TARGET,
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    // A response object that is not strict may grow fields (the contract allows more fields):
    // do not tell clients that nothing else will come.
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as { type: string; catchall?: unknown };
      if (io === 'output' && def.type === 'object' && def.catchall === undefined) delete (jsonSchema as Json).additionalProperties;
      // The refinement "partnerId or partnerKind" has no JSON Schema of its own; say it in JSON Schema.
      if (zodSchema === S.Referral) (jsonSchema as Json).anyOf = [{ required: ['partnerId'] }, { required: ['partnerKind'] }];
      describeCode(zodSchema, jsonSchema as Json);
    },
  }) as unknown as { schemas: Record<string, Json> };
  const out: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // `$id` with a fragment is not allowed in 2020-12, and the dialect is the document's.
    const { $schema: _s, $id: _i, ...rest } = schema;
    out[id] = { ...rest, description: entries[id].en, 'x-description-nl': entries[id].nl };
  }
  return out;
}

/** Parameters from a (strict) object schema, each property one parameter. */
function parameters(schema: z.ZodMiniObject, where: 'query' | 'path', tag: string): Json[] {
  const json = z.toJSONSchema(schema, {
    target: TARGET,
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => describeCode(zodSchema, jsonSchema as Json),
  }) as Json;
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...schemaOnly } = prop;
    if (where === 'path')
      return { name, in: 'path', required: true, description: `The ${NOUNS[tag] ?? 'resource'}'s id.`, schema: schemaOnly };
    return {
      name,
      in: 'query',
      required: required.has(name),
      ...(PARAMETER_TEXT[name]
        ? { description: PARAMETER_TEXT[name].en, 'x-description-nl': PARAMETER_TEXT[name].nl }
        : description
          ? { description }
          : {}),
      schema: schemaOnly,
    };
  });
}

function problemResponses(used: Set<ErrorStatus>): Json {
  const out: Json = {};
  for (const [status, p] of Object.entries(PROBLEMS)) {
    if (!used.has(Number(status) as ErrorStatus)) continue;
    out[p.name] = {
      description: p.en,
      'x-description-nl': p.nl,
      ...(status === '429'
        ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } } } }
        : {}),
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }
  return out;
}

const named = (components: Map<z.ZodMiniType, string>, schema: z.ZodMiniType, where: string) => {
  const name = components.get(schema);
  if (!name) throw new Error(`OpenAPI: ${where} names a schema without a component name (add it to texts.ts)`);
  return name;
};

/** The content of a success answer. */
function content(answer: Answer, components: Map<z.ZodMiniType, string>, where: string): Json | undefined {
  if (answer === null) return undefined;
  if ('media' in answer) {
    return Object.fromEntries(
      answer.media.map((type) => [
        type,
        {
          schema:
            type === 'application/json'
              ? { type: 'object' }
              : type === 'text/csv'
                ? { type: 'string', contentMediaType: type }
                : { type: 'string', contentMediaType: type, contentEncoding: 'binary' },
        },
      ]),
    );
  }
  return { 'application/json': { schema: ref(named(components, answer, where)) } };
}

function buildOperation(op: Operation, components: Map<z.ZodMiniType, string>, used: Set<ErrorStatus>): Json {
  const texts = OPERATION_TEXTS[op.id];
  if (!texts) throw new Error(`OpenAPI: no texts for ${op.id} in texts.ts`);
  const parameterList: Json[] = [];
  if (op.params) parameterList.push(...parameters(op.params, 'path', op.tag));
  if (op.query) parameterList.push(...parameters(op.query, 'query', op.tag));
  parameterList.push({
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'nl (default) or en.',
    schema: { type: 'string' },
  });
  if (op.etag && (op.method === 'patch' || op.method === 'delete')) {
    parameterList.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: 'The `ETag` of the version you read: a stale one is a 412 and nothing changes. Without it the change is made as before.',
      'x-description-nl':
        'De `ETag` van de versie die je las: een verouderde geeft 412 en er verandert niets. Zonder gaat de wijziging door zoals voorheen.',
    });
  }

  const responses: Json = {};
  for (const [status, answer] of Object.entries(op.responses)) {
    const [en, nl] = texts.ok[Number(status)] ?? [];
    if (en === undefined) throw new Error(`OpenAPI: no text for ${op.id} ${status} in texts.ts`);
    const body = content(answer, components, `${op.id} ${status}`);
    responses[status] = { description: en, 'x-description-nl': nl, ...(body ? { content: body } : {}) };
  }
  for (const status of impliedStatuses(op)) {
    used.add(status);
    responses[status] = { $ref: `#/components/responses/${PROBLEMS[status].name}` };
  }

  const access = ACCESS_TEXT[op.access];
  return {
    tags: [op.tag],
    operationId: op.id,
    summary: texts.en,
    'x-summary-nl': texts.nl,
    description: [texts.description, `Access: ${access.en}`].filter(Boolean).join('\n\n'),
    'x-access': op.access,
    'x-access-en': access.en,
    'x-access-nl': access.nl,
    security: SECURITY[op.access],
    parameters: parameterList,
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(named(components, op.body, `${op.id} body`)) } } } }
      : {}),
    ...(op.form
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: ref(named(components, op.form, `${op.id} form`)),
                encoding: {
                  mapping: { contentType: 'application/json' },
                  file: { contentType: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
                },
              },
            },
          },
        }
      : {}),
    responses,
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export interface SpecOptions {
  /** The server's public origin, when known (IDO_PUBLIC_URL); otherwise the document's own origin. */
  serverUrl?: string;
}

/** Builds the whole document. Pure and deterministic: cache the result. */
export function buildOpenApi(options: SpecOptions = {}): Json {
  const components = componentNames();
  const paths: Record<string, Json> = {};
  const used = new Set<ErrorStatus>();
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = buildOperation(op, components, used);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'IDO-registratie API',
      version: packageVersion(),
      summary: 'Registration, locator and reports for Informatiepunten Digitale Overheid (IDO) in Dutch public libraries.',
      description: [
        'JSON in and out under `/api/v1`. Errors are `application/problem+json` (RFC 9457), Dutch by default and English for `Accept-Language: en`; a 422 lists every broken field.',
        "Credentials are a Bearer header: a desk key `ido_dk_…` (publishable, only from the origins listed on it), a secret key `ido_sk_…` (server-to-server, acts as the organisation's coordinator) or a session token from `POST /api/v1/auth/login`. Anything of another organisation is answered 404 in a path and 422 inside a body.",
        'Registraties, locaties en rapportages voor de Informatiepunten Digitale Overheid in bibliotheken. Foutmeldingen zijn standaard Nederlands.',
      ].join('\n\n'),
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: options.serverUrl ?? '/', description: 'This server / Deze server' }],
    security: SECURITY.staff,
    tags: TAGS.map((t) => ({ name: t.name, description: t.en, 'x-description-nl': t.nl })),
    paths,
    components: {
      schemas: { ...componentSchemas(INPUT_TEXTS, 'input'), ...componentSchemas(OUTPUT_TEXTS, 'output') },
      responses: problemResponses(used),
      securitySchemes: {
        deskKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ido_dk_…',
          description:
            'Desk key: publishable, for the registration widget; one organisation and optionally one location; accepted only from the origins listed on the key (a key with no origins only from requests without `Origin`).',
        },
        secretKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ido_sk_…',
          description: "Secret key: server-to-server, acts as the organisation's coordinator. Never put it in a web page.",
        },
        sessionToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ido_st_…',
          description: 'Session token from `POST /api/v1/auth/login`, until `expiresAt`.',
        },
      },
    },
  };
}

/** Every path of the public contract, for tests and for the docs page's table of contents. */
export const CONTRACT_PATHS = Object.freeze([...new Set(OPERATIONS.map((op) => op.path))]);
