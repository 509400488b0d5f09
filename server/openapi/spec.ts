/** The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate requests and parse responses. */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import * as S from '../../sdk/schemas/index.js';
import { ExportQuery, SearchDemandQuery } from '../routes/reports/index.js';
import { PublicStats, PublicStatsQuery } from '../routes/reports/public-stats.js';
import { ImportMapping } from '../services/import-parse.js';

type Json = Record<string, unknown>;
type ObjectSchema = z.ZodMiniObject;

// ---------------------------------------------------------------------------------------------
// Schemas the routes validate with that `sdk/schemas` does not hold. Exported ones are imported from
// the route itself. The list queries below mirror the routes' private `ListQuery` schemas until
// those are exported (or move into `sdk/schemas`); tests/server/openapi.test.ts checks that every
// documented path is routed.

const LangParam = z.optional(S.Lang);

export const TaxonomyQuery = z.strictObject({ version: z.optional(z.string().check(z.maxLength(20))), lang: LangParam });
export const LocationListQuery = z.strictObject({ organisationId: z.optional(S.Id) });
export const PartnerListQuery = z.strictObject({ organisationId: z.optional(S.Id), topic: z.optional(S.Code), kind: z.optional(S.Code), locationId: z.optional(S.Id) });
export const CourseListQuery = z.strictObject({ from: z.optional(S.LocalDate), to: z.optional(S.LocalDate), locationId: z.optional(S.Id), organisationId: z.optional(S.Id), type: z.optional(S.Code) });
export const UserListQuery = z.strictObject({ organisationId: z.optional(S.Id), role: z.optional(S.Role) });
export const KeyListQuery = z.strictObject({ organisationId: z.optional(S.Id), kind: z.optional(S.KeyKind), locationId: z.optional(S.Id) });
export const OrganisationListQuery = z.strictObject({});

/** The multipart form of `POST /imports`; `mapping` is a JSON part (or JSON text), the other fields are text. */
export const ImportForm = z.object({
  file: z.file(),
  mapping: z.optional(ImportMapping),
  dryRun: z.optional(z.enum(['true', 'false'])),
  organisationId: z.optional(S.Id),
  locationId: z.optional(S.Id),
  background: z.optional(z.enum(['true', 'false'])),
});
const ImportSummary = z.object({ visits: z.number(), questions: z.number(), duplicates: z.number() });
const importFields = {
  id: S.Id,
  organisationId: S.Id,
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
export const ImportStatus = z.object({
  ...importFields,
  errors: z.array(z.object({ row: z.optional(z.number()), path: z.optional(z.string()), column: z.optional(z.string()), code: z.string(), message: z.string() })),
  mapping: z.optional(z.unknown()),
  createdBy: z.string(),
});
export const ImportList = S.list(z.object({ ...importFields, errorCount: z.number() }));
export const ImportListQuery = z.strictObject({ organisationId: z.optional(S.Id) });
export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
/** The batch body as documented: each item is a registration (validated one by one, so one bad item does not fail the rest). */
export const RegistrationBatchInput = z.strictObject({
  registrations: z.array(S.RegistrationInput).check(z.minLength(1), z.maxLength(S.BATCH_MAX)),
});

// ---------------------------------------------------------------------------------------------
// Components.

interface Described { schema: z.ZodMiniType; en: string; nl: string }
const d = (schema: z.ZodMiniType, en: string, nl: string): Described => ({ schema, en, nl });

/** Request bodies, converted as the server reads them (`io: 'input'`: defaults make a field optional). */
const INPUTS: Record<string, Described> = {
  RegistrationInput: d(S.RegistrationInput, 'One visit with one or more questions.', 'Eén bezoek met een of meer vragen.'),
  QuestionInput: d(S.QuestionInput, 'One question of a visit.', 'Eén vraag van een bezoek.'),
  Referral: d(S.Referral, 'A referral to a partner, a kind of partner, or both.', 'Een doorverwijzing naar een partner, een soort partner of allebei.'),
  RegistrationPatch: d(S.RegistrationPatch, 'Top-level fields to change; a list given replaces the stored one.', 'Velden om te wijzigen; een lijst vervangt de opgeslagen lijst.'),
  RegistrationBatchInput: d(RegistrationBatchInput, '1 to 500 visits, for offline queues.', '1 tot 500 bezoeken, voor een offline wachtrij.'),
  LocationInput: d(S.LocationInput, 'A new IDO location. National users name the organisation.', 'Een nieuwe IDO-locatie. Landelijke gebruikers noemen de organisatie.'),
  LocationPatch: d(S.LocationPatch, 'Location fields to change.', 'Velden van de locatie om te wijzigen.'),
  Address: d(S.Address, 'A Dutch postal address.', 'Een Nederlands adres.'),
  Coordinates: d(S.Coordinates, 'WGS84 latitude and longitude.', 'Breedte- en lengtegraad (WGS84).'),
  WalkInRange: d(S.WalkInRange, 'A weekly range; day 1 = Monday … 7 = Sunday, Europe/Amsterdam.', 'Een vast tijdvak per week; dag 1 = maandag … 7 = zondag.'),
  OpeningException: d(S.OpeningException, 'A dated closure, or other hours on that date.', 'Een datum waarop de locatie dicht is of andere tijden heeft.'),
  Accessibility: d(S.Accessibility, 'Accessibility of the location.', 'Toegankelijkheid van de locatie.'),
  Contact: d(S.Contact, 'Public contact details of an organisation (not personal data).', 'Openbare contactgegevens van een organisatie (geen persoonsgegevens).'),
  PartnerInput: d(S.PartnerInput, 'A partner of the sociale kaart.', 'Een partner op de sociale kaart.'),
  PartnerPatch: d(S.PartnerPatch, 'Partner fields to change.', 'Velden van de partner om te wijzigen.'),
  CourseInput: d(S.CourseInput, 'A course run at a location.', 'Een cursus op een locatie.'),
  CoursePatch: d(S.CoursePatch, 'Course fields to change.', 'Velden van de cursus om te wijzigen.'),
  OrganisationInput: d(S.OrganisationInput, 'A library organisation.', 'Een bibliotheekorganisatie.'),
  OrganisationPatch: d(S.OrganisationPatch, 'Organisation fields to change.', 'Velden van de organisatie om te wijzigen.'),
  UserInput: d(S.UserInput, 'A user; `organisationId` is left out for national users.', 'Een gebruiker; `organisationId` ontbreekt bij landelijke gebruikers.'),
  KeyInput: d(S.KeyInput, 'A new API key: `desk` (publishable, origin-bound) or `secret` (server-to-server).', 'Een nieuwe sleutel: `desk` (baliesleutel, gebonden aan websites) of `secret` (geheim, server naar server).'),
  LoginInput: d(S.LoginInput, 'E-mail address and password.', 'E-mailadres en wachtwoord.'),
  ImportForm: d(ImportForm, 'A CSV or XLSX file (a row per question, as the questions export writes it, or daily counts), the column mapping as JSON text (see ImportMapping), whether to only check it (`dryRun`), the organisation (national users), a default location, and whether to run in the background.', 'Een CSV- of XLSX-bestand (een rij per vraag, zoals de export, of aantallen per dag), de kolomindeling als JSON (zie ImportMapping), of het alleen gecontroleerd moet worden (`dryRun`), de organisatie (landelijke gebruikers), een standaardlocatie en of het op de achtergrond moet lopen.'),
  ImportMapping: d(ImportMapping, 'Which column holds which field, how sheet values map onto codes, and defaults; sent as JSON text in the `mapping` form field.', 'Welke kolom welk veld bevat, hoe waarden uit het bestand op codes passen, en standaardwaarden; als JSON in het formulierveld `mapping`.'),
};

/** Responses, converted as the server writes them (`io: 'output'`). */
const OUTPUTS: Record<string, Described> = {
  Problem: d(S.Problem, 'RFC 9457 problem document; Dutch by default, English for `Accept-Language: en`.', 'Foutmelding volgens RFC 9457; Nederlands, of Engels bij `Accept-Language: en`.'),
  FieldError: d(S.FieldError, 'One broken field; `path` is dotted (`questions.0.topic`).', 'Eén fout veld; `path` met punten (`questions.0.topic`).'),
  Registration: d(S.Registration, 'A stored visit.', 'Een opgeslagen bezoek.'),
  RegistrationPage: d(S.page(S.Registration), 'A page of visits; `nextCursor` is null on the last page.', 'Een pagina bezoeken; `nextCursor` is null op de laatste pagina.'),
  BatchResult: d(S.BatchResult, 'One result per item, in order.', 'Eén uitkomst per bezoek, in volgorde.'),
  AuditEntry: d(S.AuditEntry, 'One change in an audit trail.', 'Eén wijziging in het logboek.'),
  AuditTrail: d(S.list(S.AuditEntry), 'Every change of a registration, oldest first.', 'Alle wijzigingen van een registratie, oudste eerst.'),
  Location: d(S.Location, 'An IDO location.', 'Een IDO-locatie.'),
  LocationList: d(S.list(S.Location), 'Locations.', 'Locaties.'),
  Partner: d(S.Partner, 'A partner of the sociale kaart.', 'Een partner op de sociale kaart.'),
  PartnerList: d(S.list(S.Partner), 'Partners.', 'Partners.'),
  Course: d(S.Course, 'A course run.', 'Een cursus.'),
  CourseList: d(S.list(S.Course), 'Course runs.', 'Cursussen.'),
  Organisation: d(S.Organisation, 'A library organisation.', 'Een bibliotheekorganisatie.'),
  OrganisationList: d(S.list(S.Organisation), 'Organisations.', 'Organisaties.'),
  User: d(S.User, 'A user.', 'Een gebruiker.'),
  UserList: d(S.list(S.User), 'Users.', 'Gebruikers.'),
  ApiKey: d(S.ApiKey, 'An API key; `key` only in the answer to the create, shown once.', 'Een sleutel; `key` alleen in het antwoord bij het maken, één keer.'),
  ApiKeyList: d(S.list(S.ApiKey), 'Keys (without the secrets).', 'Sleutels (zonder de geheimen).'),
  Session: d(S.Session, 'A session token and the user it belongs to.', 'Een sessiesleutel en de gebruiker.'),
  Me: d(S.Me, 'Who the credential sent is: a key with its organisation and bound location, or a user.', 'Wie de meegestuurde sleutel of sessie is: een sleutel met organisatie en locatie, of een gebruiker.'),
  Taxonomy: d(S.Taxonomy, 'The value lists of one version, labels in one language.', 'De waardelijsten van één versie, in één taal.'),
  TaxonomyVersion: d(S.TaxonomyVersion, 'A version of the value lists with its mapping of retired codes.', 'Een versie van de waardelijsten met de vertaling van oude codes.'),
  TaxonomyVersions: d(S.TaxonomyVersions, 'Every version of the value lists.', 'Alle versies van de waardelijsten.'),
  Summary: d(S.Summary, 'Visits, questions and referrals, optionally grouped.', 'Bezoeken, vragen en doorverwijzingen, eventueel gegroepeerd.'),
  CourseReport: d(S.CourseReport, 'Course runs and participants.', 'Cursussen en cursisten.'),
  SearchDemand: d(S.SearchDemand, 'Locator searches per PC4 area.', 'Zoekvragen in de locatiezoeker per PC4-gebied.'),
  PublicLocations: d(S.PublicLocations, 'Nearest locations first, with open-now state.', 'Dichtstbijzijnde locaties eerst, met of ze nu open zijn.'),
  PublicLocation: d(S.PublicLocation, 'A location as the public sees it.', 'Een locatie zoals iedereen die ziet.'),
  PublicStats: d(PublicStats, 'National figures; a count under 5 is null with `suppressed: true`.', 'Landelijke cijfers; een aantal onder 5 is null met `suppressed: true`.'),
  ImportStatus: d(ImportStatus, 'An import and its progress; `errors` lists every row that could not be read.', 'Een import en de voortgang; `errors` noemt elke rij die niet gelezen kon worden.'),
  ImportList: d(ImportList, 'The latest imports, without their errors.', 'De laatste imports, zonder fouten.'),
  GeocodedAddress: d(S.GeocodedAddress, 'An address found by postcode and house number; `precision` says how much is known (`pc4`: only the centroid of the four digits, the other fields null).', 'Een adres bij postcode en huisnummer; `precision` zegt hoeveel bekend is (`pc4`: alleen het midden van het postcodegebied, de rest null).'),
  Health: d(Health, 'The process can reach its database.', 'Het proces kan de database bereiken.'),
};

const TARGET = 'draft-2020-12';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function componentSchemas(entries: Record<string, Described>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, entry] of Object.entries(entries)) registry.add(entry.schema, { id });
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

/** Query parameters from a (strict) object schema, each property one parameter. */
function queryParameters(schema: ObjectSchema): Json[] {
  const json = z.toJSONSchema(schema, { target: TARGET, io: 'input', unrepresentable: 'any' }) as Json;
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...schemaOnly } = prop;
    return {
      name, in: 'query', required: required.has(name),
      ...(PARAMETER_TEXT[name] ? { description: PARAMETER_TEXT[name].en, 'x-description-nl': PARAMETER_TEXT[name].nl } : description ? { description } : {}),
      schema: schemaOnly,
    };
  });
}

const PARAMETER_TEXT: Record<string, { en: string; nl: string }> = {
  from: { en: 'First day, inclusive (Europe/Amsterdam).', nl: 'Eerste dag, inclusief (Europe/Amsterdam).' },
  to: { en: 'Last day, inclusive (Europe/Amsterdam).', nl: 'Laatste dag, inclusief (Europe/Amsterdam).' },
  locationId: { en: 'Only this location.', nl: 'Alleen deze locatie.' },
  organisationId: { en: 'Only this organisation (national users).', nl: 'Alleen deze organisatie (landelijke gebruikers).' },
  topic: { en: 'A topic code.', nl: 'Een onderwerpcode.' },
  kind: { en: 'A kind code.', nl: 'Een soort (code).' },
  type: { en: 'A course type code.', nl: 'Een soort cursus (code).' },
  role: { en: 'Only users with this role.', nl: 'Alleen gebruikers met deze rol.' },
  period: { en: 'Period column of the summary tables.', nl: 'Periode-kolom van de verantwoordingstabellen.' },
  limit: { en: 'Page size.', nl: 'Aantal per pagina.' },
  cursor: { en: '`nextCursor` of the previous page.', nl: '`nextCursor` van de vorige pagina.' },
  lang: { en: 'Language of labels and messages: `nl` (default) or `en`. `Accept-Language` works too.', nl: 'Taal van labels en meldingen: `nl` (standaard) of `en`.' },
  groupBy: { en: 'How to group the counts.', nl: 'Hoe de aantallen worden gegroepeerd.' },
  municipality: { en: 'Only locations in this municipality.', nl: 'Alleen locaties in deze gemeente.' },
  province: { en: 'Only locations in this province.', nl: 'Alleen locaties in deze provincie.' },
  version: { en: 'A version of the value lists; default the current one.', nl: 'Een versie van de waardelijsten; standaard de huidige.' },
  postcode: { en: 'A Dutch postcode (PC6 `3511AB` or PC4 `3511`).', nl: 'Een postcode (`3511AB` of `3511`).' },
  near: { en: '`lat,lon` of the visitor ("use my location").', nl: '`lat,lon` van de bezoeker ("gebruik mijn locatie").' },
  q: { en: 'A place name.', nl: 'Een plaatsnaam.' },
  openNow: { en: 'Only locations open now.', nl: 'Alleen locaties die nu open zijn.' },
  format: { en: '`csv` (`;`, UTF-8 with BOM, for Dutch Excel) or `xlsx`.', nl: '`csv` (`;`, UTF-8 met BOM, voor Nederlandse Excel) of `xlsx`.' },
  view: { en: '`questions`: a row per question (the shape an import reads back); `summary`: the accountability tables.', nl: '`questions`: een rij per vraag; `summary`: de verantwoordingstabellen.' },
  number: { en: 'House number, digits only.', nl: 'Huisnummer, alleen cijfers.' },
  addition: { en: 'House letter or addition (`A`, `2-hoog`).', nl: 'Huisletter of toevoeging (`A`, `2-hoog`).' },
  suppress: { en: 'Replace counts under 5 by `< 5`.', nl: 'Aantallen onder 5 als `< 5` tonen.' },
};

// ---------------------------------------------------------------------------------------------
// Operations.

type Access = 'public' | 'desk' | 'staff' | 'national' | 'caller';
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429;

interface Operation {
  tag: string;
  id: string;
  en: string;
  nl: string;
  description?: string;
  access: Access;
  query?: ObjectSchema;
  body?: string;
  multipart?: string;
  /** Success responses: status → component name (or null for no body). */
  ok: Record<number, { schema: string | null; en: string; nl: string } | { content: Json; en: string; nl: string }>;
  errors?: ErrorStatus[];
  /** Takes an `If-Match` header (contract v3). */
  ifMatch?: boolean;
}

const ok = (schema: string | null, en: string, nl: string) => ({ schema, en, nl });

const PROBLEMS: Record<ErrorStatus, { name: string; en: string; nl: string }> = {
  400: { name: 'BadRequest', en: 'The body is not JSON, or the query string cannot be read.', nl: 'De inhoud is geen JSON of de zoekparameters zijn onleesbaar.' },
  401: { name: 'Unauthorized', en: 'No or invalid credentials.', nl: 'Geen of een ongeldige sleutel of sessie.' },
  403: { name: 'Forbidden', en: 'Authenticated, but not allowed (a desk key outside its rights or origins).', nl: 'Wel ingelogd, maar dit mag niet.' },
  404: { name: 'NotFound', en: 'Not found, or of another organisation.', nl: 'Niet gevonden, of van een andere organisatie.' },
  409: { name: 'Conflict', en: 'Conflicts with what is stored (e.g. the same id with another body).', nl: 'Botst met wat is opgeslagen (bijvoorbeeld hetzelfde id met andere inhoud).' },
  412: { name: 'PreconditionFailed', en: '`If-Match` names an ETag that is no longer current: someone else changed it; nothing was changed.', nl: '`If-Match` noemt een ETag die niet meer klopt: iemand anders heeft het gewijzigd; er is niets veranderd.' },
  413: { name: 'PayloadTooLarge', en: 'Body too large: 1 MiB, 5 MiB for batch and import.', nl: 'Te groot: 1 MiB, 5 MiB voor batch en import.' },
  415: { name: 'UnsupportedMediaType', en: 'Wrong content type.', nl: 'Verkeerd soort inhoud.' },
  422: { name: 'ValidationFailed', en: 'Valid JSON that breaks the rules; `errors` lists every broken field.', nl: 'Geldige JSON die niet aan de regels voldoet; `errors` noemt elk fout veld.' },
  429: { name: 'TooManyRequests', en: 'Too many requests; see `Retry-After`.', nl: 'Te veel verzoeken; zie `Retry-After`.' },
};

const SECURITY: Record<Access, Json[]> = {
  public: [],
  desk: [{ deskKey: [] }, { secretKey: [] }, { sessionToken: [] }],
  staff: [{ secretKey: [] }, { sessionToken: [] }],
  caller: [{ sessionToken: [] }, { secretKey: [] }, { deskKey: [] }],
  national: [{ sessionToken: [] }],
};

const ACCESS_TEXT: Record<Access, { en: string; nl: string }> = {
  public: { en: 'Public, no credentials, rate limited.', nl: 'Openbaar, zonder sleutel, met een limiet per minuut.' },
  desk: { en: 'Desk keys, secret keys and user sessions.', nl: 'Baliesleutels, geheime sleutels en ingelogde gebruikers.' },
  staff: { en: 'Secret keys and user sessions (coordinators see their own organisation, national users every one).', nl: 'Geheime sleutels en ingelogde gebruikers (coördinatoren zien hun eigen organisatie, landelijke gebruikers alles).' },
  caller: { en: 'Any credential.', nl: 'Elke sleutel of sessie.' },
  national: { en: 'National users only.', nl: 'Alleen landelijke gebruikers.' },
};

const NOUNS: Record<string, string> = {
  registrations: 'registration', locations: 'location', partners: 'partner', courses: 'course', organisations: 'organisation',
  users: 'user', keys: 'key', imports: 'import', public: 'location',
};
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id.`, schema: { type: 'string', minLength: 1, maxLength: 64 } });

const P = '/api/v1';
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Standard CRUD operations of one resource. */
function crud(tag: string, name: string, plural: string, nl: { one: string; many: string }, options: { query?: ObjectSchema; list?: Access; read?: Access; write?: Access; create?: Access; patch?: boolean; noGet?: boolean; noDelete?: boolean } = {}) {
  const write = options.write ?? 'staff';
  const collection: Record<string, Operation> = {
    get: { tag, id: `list${plural}`, en: `List ${plural.toLowerCase()}`, nl: `${nl.many} opvragen`, access: options.list ?? 'staff', query: options.query, ok: { 200: ok(`${name}List`, `The ${plural.toLowerCase()}.`, `De ${nl.many.toLowerCase()}.`) } },
    post: { tag, id: `create${name}`, en: `Create a ${name.toLowerCase()}`, nl: `${nl.one} maken`, access: options.create ?? write, body: `${name}Input`, ok: { 201: ok(name, 'Created.', 'Gemaakt.') }, errors: [403, 422] },
  };
  const item: Record<string, Operation> = {};
  if (!options.noGet) item.get = { tag, id: `get${name}`, en: `Read a ${name.toLowerCase()}`, nl: `${nl.one} opvragen`, access: options.read ?? 'staff', ok: { 200: ok(name, `The ${name.toLowerCase()}.`, `De ${nl.one.toLowerCase()}.`) } };
  if (options.patch !== false) item.patch = { tag, id: `update${name}`, en: `Change a ${name.toLowerCase()}`, nl: `${nl.one} wijzigen`, description: 'Merges the top-level fields given; a list field given is replaced whole.', access: write, body: `${name}Patch`, ok: { 200: ok(name, 'The changed resource.', 'Het gewijzigde geheel.') }, errors: [403, 422] };
  if (!options.noDelete) item.delete = { tag, id: `delete${name}`, en: `Delete a ${name.toLowerCase()}`, nl: `${nl.one} verwijderen`, description: 'Answers 404 afterwards.', access: write, ok: { 204: ok(null, 'Deleted.', 'Verwijderd.') }, errors: [403] };
  return { collection, item };
}

function operations(): Record<string, Record<string, Operation>> {
  const locations = crud('locations', 'Location', 'Locations', { one: 'Locatie', many: 'Locaties' }, { list: 'desk', read: 'desk', query: LocationListQuery });
  const partners = crud('partners', 'Partner', 'Partners', { one: 'Partner', many: 'Partners' }, { list: 'desk', read: 'desk', query: PartnerListQuery });
  const courses = crud('courses', 'Course', 'Courses', { one: 'Cursus', many: 'Cursussen' }, { query: CourseListQuery });
  // Contract v3: the answers carry an ETag; PATCH and DELETE take If-Match, a stale one is 412.
  for (const op of [locations, courses].flatMap((r) => [r.item.patch, r.item.delete])) {
    op.ifMatch = true;
    op.errors = [...(op.errors ?? []), 412];
    op.description = `${op.description ?? ''} Send the \`ETag\` of what you read as \`If-Match\`: when someone else changed it meanwhile the answer is 412 and nothing changes. Without \`If-Match\` it changes whatever is stored.`.trim();
  }
  const organisations = crud('organisations', 'Organisation', 'Organisations', { one: 'Organisatie', many: 'Organisaties' }, { create: 'national', noDelete: true, query: OrganisationListQuery });
  const users = crud('users', 'User', 'Users', { one: 'Gebruiker', many: 'Gebruikers' }, { patch: false, noGet: true, query: UserListQuery });
  const keys = crud('keys', 'ApiKey', 'Keys', { one: 'Sleutel', many: 'Sleutels' }, { patch: false, noGet: true, query: KeyListQuery });
  keys.collection.post = { ...keys.collection.post, id: 'createKey', en: 'Create an API key', body: 'KeyInput', description: 'The key itself is in `key`, shown this once; only its SHA-256 is stored.' };
  keys.item.delete = { ...keys.item.delete, id: 'revokeKey', en: 'Revoke an API key', nl: 'Sleutel intrekken', description: 'Revoked at once.' };
  users.collection.post.errors = [403, 409, 422];
  organisations.collection.post.description = 'National users only.';

  return {
    [`${P}/auth/login`]: {
      post: { tag: 'auth', id: 'login', en: 'Log in', nl: 'Inloggen', description: 'Rate limited per client. The token is a Bearer credential until `expiresAt`.', access: 'public', body: 'LoginInput', ok: { 200: ok('Session', 'Logged in.', 'Ingelogd.') }, errors: [401, 422, 429] },
    },
    [`${P}/auth/me`]: {
      get: { tag: 'auth', id: 'me', en: 'Who am I', nl: 'Wie ben ik', description: 'The caller as the server sees it: for a desk or secret key `{ kind, organisationId, locationId }` (`locationId` is the location a desk key is bound to, null when it is not bound; a secret key is never bound), for a session `{ kind: "user", user }`. Reveals nothing the caller does not already hold; the desk widget uses it to find its location.', access: 'caller', ok: { 200: ok('Me', 'The caller.', 'De aanroeper.') }, errors: [401, 403] },
    },
    [`${P}/auth/logout`]: {
      post: { tag: 'auth', id: 'logout', en: 'Log out', nl: 'Uitloggen', description: 'Ends the session of the token sent.', access: 'caller', ok: { 204: ok(null, 'Logged out.', 'Uitgelogd.') } },
    },
    [`${P}/taxonomy`]: {
      get: { tag: 'taxonomy', id: 'getTaxonomy', en: 'Read the value lists', nl: 'Waardelijsten opvragen', access: 'public', query: TaxonomyQuery, ok: { 200: ok('Taxonomy', 'The value lists.', 'De waardelijsten.') }, errors: [404, 422, 429] },
    },
    [`${P}/taxonomy/versions`]: {
      get: { tag: 'taxonomy', id: 'listTaxonomyVersions', en: 'List the versions of the value lists', nl: 'Versies van de waardelijsten', access: 'public', ok: { 200: ok('TaxonomyVersions', 'The versions with their mappings.', 'De versies met hun vertalingen.') }, errors: [429] },
    },
    [`${P}/registrations`]: {
      get: { tag: 'registrations', id: 'listRegistrations', en: 'List registrations', nl: 'Registraties opvragen', description: 'Newest first, paged. Desk keys see only those of their location of the last 24 hours.', access: 'desk', query: S.RegistrationQuery, ok: { 200: ok('RegistrationPage', 'A page of registrations.', 'Een pagina registraties.') } },
      post: {
        tag: 'registrations', id: 'createRegistration', en: 'Register a visit', nl: 'Bezoek registreren',
        description: 'Idempotent by `id`: the same id with the same body again answers 200 with the stored registration; another body, or the id of a deleted one, 409. `locationId` may be left out when the desk key is bound to a location.',
        access: 'desk', body: 'RegistrationInput',
        ok: { 201: ok('Registration', 'Stored.', 'Opgeslagen.'), 200: ok('Registration', 'Already stored with this id and body.', 'Was al opgeslagen met dit id en deze inhoud.') },
        errors: [403, 409, 422],
      },
    },
    [`${P}/registrations/batch`]: {
      post: {
        tag: 'registrations', id: 'createRegistrations', en: 'Register a batch of visits', nl: 'Een reeks bezoeken registreren',
        description: 'For offline queues: 1 to 500 visits, each validated and stored on its own; the results come in order. One bad item does not fail the others.',
        access: 'desk', body: 'RegistrationBatchInput', ok: { 200: ok('BatchResult', 'One result per item.', 'Eén uitkomst per bezoek.') }, errors: [403, 422],
      },
    },
    [`${P}/registrations/{id}`]: {
      get: { tag: 'registrations', id: 'getRegistration', en: 'Read a registration', nl: 'Registratie opvragen', access: 'desk', ok: { 200: ok('Registration', 'The registration.', 'De registratie.') } },
      patch: { tag: 'registrations', id: 'updateRegistration', en: 'Correct a registration', nl: 'Registratie verbeteren', description: 'Kept in the audit trail. Desk keys: only those of their location of the last 24 hours.', access: 'desk', body: 'RegistrationPatch', ok: { 200: ok('Registration', 'The corrected registration.', 'De verbeterde registratie.') }, errors: [403, 422] },
      delete: { tag: 'registrations', id: 'deleteRegistration', en: 'Delete a registration', nl: 'Registratie verwijderen', description: 'A soft delete, kept in the audit trail; 404 afterwards.', access: 'desk', ok: { 204: ok(null, 'Deleted.', 'Verwijderd.') }, errors: [403] },
    },
    [`${P}/registrations/{id}/audit`]: {
      get: { tag: 'registrations', id: 'getRegistrationAudit', en: "Read a registration's audit trail", nl: 'Logboek van een registratie', access: 'staff', ok: { 200: ok('AuditTrail', 'Every change.', 'Alle wijzigingen.') } },
    },
    [`${P}/locations`]: locations.collection,
    [`${P}/locations/{id}`]: locations.item,
    [`${P}/partners`]: partners.collection,
    [`${P}/partners/{id}`]: partners.item,
    [`${P}/courses`]: courses.collection,
    [`${P}/courses/{id}`]: courses.item,
    [`${P}/organisations`]: organisations.collection,
    [`${P}/organisations/{id}`]: organisations.item,
    [`${P}/users`]: users.collection,
    [`${P}/users/{id}`]: users.item,
    [`${P}/keys`]: keys.collection,
    [`${P}/keys/{id}`]: keys.item,
    [`${P}/reports/summary`]: {
      get: {
        tag: 'reports', id: 'getSummary', en: 'Summary of visits and questions', nl: 'Overzicht van bezoeken en vragen',
        description: 'A visit counts once in each group that one of its questions falls in. Desk keys may read only `groupBy=topic&locationId=<their location>`.',
        access: 'desk', query: S.SummaryQuery, ok: { 200: ok('Summary', 'The counts.', 'De aantallen.') }, errors: [403, 404, 422],
      },
    },
    [`${P}/reports/courses`]: {
      get: { tag: 'reports', id: 'getCourseReport', en: 'Course runs and participants', nl: 'Cursussen en cursisten', access: 'staff', query: S.CourseReportQuery, ok: { 200: ok('CourseReport', 'The counts.', 'De aantallen.') }, errors: [403, 422] },
    },
    [`${P}/reports/search-demand`]: {
      get: { tag: 'reports', id: 'getSearchDemand', en: 'Locator searches per PC4 area', nl: 'Zoekvragen per postcodegebied', access: 'staff', query: SearchDemandQuery, ok: { 200: ok('SearchDemand', 'Searches per PC4.', 'Zoekvragen per PC4.') }, errors: [403, 422] },
    },
    [`${P}/reports/export`]: {
      get: {
        tag: 'reports', id: 'exportReport', en: 'Export as CSV or XLSX', nl: 'Exporteren als CSV of XLSX',
        access: 'staff', query: ExportQuery,
        ok: { 200: { en: 'The file.', nl: 'Het bestand.', content: {
          [CSV]: { schema: { type: 'string', contentMediaType: CSV } },
          [XLSX]: { schema: { type: 'string', contentMediaType: XLSX, contentEncoding: 'binary' } },
        } } },
        errors: [403, 422],
      },
    },
    [`${P}/geocode`]: {
      get: {
        tag: 'locations', id: 'geocodeAddress', en: 'Look up an address by postcode and house number', nl: 'Adres opzoeken bij postcode en huisnummer',
        description: "For the admin form: PDOK's address when PDOK is reachable (`precision: \"address\"`), else PDOK's postcode area (`postcode`) or the PC4 centroid (`pc4`, street, place, municipality and province null). 422 when nothing is found.",
        access: 'staff', query: S.GeocodeQuery, ok: { 200: ok('GeocodedAddress', 'The address.', 'Het adres.') }, errors: [403, 422],
      },
    },
    [`${P}/imports`]: {
      get: { tag: 'imports', id: 'listImports', en: 'List imports', nl: 'Imports opvragen', access: 'staff', query: ImportListQuery, ok: { 200: ok('ImportList', 'The latest 50 imports.', 'De laatste 50 imports.') } },
      post: {
        tag: 'imports', id: 'createImport', en: 'Import registrations from a file', nl: 'Registraties importeren uit een bestand',
        description: 'Multipart upload, up to 5 MiB. A dry run checks every row and stores nothing (200). A small file is imported at once (201); a large one, or `background=true`, runs in the background (202): follow `GET /api/v1/imports/{id}` (also in the `Location` header). Rows already imported are recognised and counted as duplicates.',
        access: 'staff', multipart: 'ImportForm',
        ok: {
          201: ok('ImportStatus', 'Imported.', 'Geïmporteerd.'),
          200: ok('ImportStatus', 'The result of a dry run.', 'De uitkomst van een proefimport.'),
          202: ok('ImportStatus', 'Accepted; running in the background.', 'Aangenomen; loopt op de achtergrond.'),
        },
        errors: [403, 422],
      },
    },
    [`${P}/imports/{id}`]: {
      get: { tag: 'imports', id: 'getImport', en: 'Read an import', nl: 'Import opvragen', access: 'staff', ok: { 200: ok('ImportStatus', 'The import and its progress.', 'De import en de voortgang.') } },
    },
    [`${P}/public/locations`]: {
      get: {
        tag: 'public', id: 'findLocations', en: 'Find the nearest IDO locations', nl: 'Dichtstbijzijnde IDO vinden',
        description: 'By `postcode`, `near` or `q`; nearest first. A postcode or place that cannot be resolved answers 422, suggesting "use my location".',
        access: 'public', query: S.PublicLocationsQuery, ok: { 200: ok('PublicLocations', 'The locations.', 'De locaties.') }, errors: [422, 429],
      },
    },
    [`${P}/public/locations/{id}`]: {
      get: { tag: 'public', id: 'getPublicLocation', en: 'Read one location, with schema.org JSON-LD', nl: 'Eén locatie, met schema.org JSON-LD', access: 'public', ok: { 200: ok('PublicLocation', 'The location with `jsonLd`.', 'De locatie met `jsonLd`.') }, errors: [404, 429] },
    },
    [`${P}/public/stats`]: {
      get: { tag: 'public', id: 'getPublicStats', en: 'National figures', nl: 'Landelijke cijfers', description: 'Any count under 5 is `null` with `"suppressed": true`.', access: 'public', query: PublicStatsQuery, ok: { 200: ok('PublicStats', 'The figures.', 'De cijfers.') }, errors: [422, 429] },
    },
    [`${P}/openapi.json`]: {
      get: { tag: 'system', id: 'getOpenApi', en: 'This document', nl: 'Dit document', access: 'public', ok: { 200: { en: 'OpenAPI 3.1.', nl: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } }, errors: [429] },
    },
    ['/healthz']: {
      get: { tag: 'system', id: 'health', en: 'Health check', nl: 'Gezondheidscontrole', description: '200 when the process can reach its database, 503 otherwise.', access: 'public', ok: { 200: ok('Health', 'Healthy.', 'In orde.') }, errors: [] },
    },
  };
}

const TAGS: { name: string; en: string; nl: string }[] = [
  { name: 'registrations', en: 'Registrations: visits with their questions', nl: 'Registraties: bezoeken met hun vragen' },
  { name: 'locations', en: 'IDO locations, their walk-in hours and accessibility', nl: 'IDO-locaties, inlooptijden en toegankelijkheid' },
  { name: 'partners', en: 'Partners: the sociale kaart', nl: 'Partners: de sociale kaart' },
  { name: 'courses', en: 'Course runs (cursussen)', nl: 'Cursussen' },
  { name: 'organisations', en: 'Library organisations', nl: 'Bibliotheekorganisaties' },
  { name: 'users', en: 'Users: coordinators and national users', nl: 'Gebruikers: coördinatoren en landelijke gebruikers' },
  { name: 'keys', en: 'API keys: desk keys and secret keys', nl: 'Sleutels: baliesleutels en geheime sleutels' },
  { name: 'auth', en: 'Sessions', nl: 'Inloggen en uitloggen' },
  { name: 'taxonomy', en: 'Value lists, versioned', nl: 'Waardelijsten, met versies' },
  { name: 'reports', en: 'Reports and exports', nl: 'Rapportages en exports' },
  { name: 'imports', en: 'Imports of earlier registrations', nl: 'Import van eerdere registraties' },
  { name: 'public', en: 'Public: locator and national figures', nl: 'Openbaar: locatiezoeker en landelijke cijfers' },
  { name: 'system', en: 'Health and this document', nl: 'Status en dit document' },
];

function problemResponses(): Json {
  const out: Json = {};
  for (const [status, p] of Object.entries(PROBLEMS)) {
    out[p.name] = {
      description: p.en,
      'x-description-nl': p.nl,
      ...(status === '429' ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } } } } : {}),
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }
  return out;
}

function buildOperation(path: string, method: string, op: Operation): Json {
  const parameters: Json[] = [];
  if (path.includes('{id}')) parameters.push(idParam(NOUNS[op.tag] ?? 'resource'));
  if (op.query) parameters.push(...queryParameters(op.query));
  if (op.ifMatch) parameters.push({ name: 'If-Match', in: 'header', required: false, description: 'The `ETag` of the version you read; a stale one answers 412.', 'x-description-nl': 'De `ETag` van wat je las; een verouderde geeft 412.', schema: { type: 'string' } });
  parameters.push({ name: 'Accept-Language', in: 'header', required: false, description: 'nl (default) or en.', schema: { type: 'string' } });

  const responses: Json = {};
  for (const [status, r] of Object.entries(op.ok)) {
    const base = { description: r.en, 'x-description-nl': r.nl };
    if ('content' in r) responses[status] = { ...base, content: r.content };
    else responses[status] = r.schema ? { ...base, content: { 'application/json': { schema: ref(r.schema) } } } : base;
  }
  const errors = new Set<ErrorStatus>(op.errors ?? []);
  if (op.access !== 'public') errors.add(401);
  if (op.access === 'desk' && method !== 'get') errors.add(403);
  if (op.access === 'staff' || op.access === 'national') errors.add(403);
  if (path.includes('{id}')) errors.add(404);
  if (op.body) [400, 413, 415, 422].forEach((s) => errors.add(s as ErrorStatus));
  if (op.multipart) [413, 415, 422].forEach((s) => errors.add(s as ErrorStatus));
  if (op.query) [400, 422].forEach((s) => errors.add(s as ErrorStatus));
  if (op.access === 'public' && path !== '/healthz') errors.add(429);
  for (const status of [...errors].sort()) responses[status] = { $ref: `#/components/responses/${PROBLEMS[status].name}` };

  const access = ACCESS_TEXT[op.access];
  return {
    tags: [op.tag],
    operationId: op.id,
    summary: op.en,
    'x-summary-nl': op.nl,
    description: [op.description, `Access: ${access.en}`].filter(Boolean).join('\n\n'),
    'x-access': op.access,
    'x-access-en': access.en,
    'x-access-nl': access.nl,
    security: SECURITY[op.access],
    parameters,
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    ...(op.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: ref(op.multipart), encoding: { mapping: { contentType: 'application/json' }, file: { contentType: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } } } } } } : {}),
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
  const paths: Json = {};
  for (const [path, methods] of Object.entries(operations())) {
    const item: Json = {};
    for (const [method, op] of Object.entries(methods)) item[method] = buildOperation(path, method, op);
    paths[path] = item;
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
        'Credentials are a Bearer header: a desk key `ido_dk_…` (publishable, only from the origins listed on it), a secret key `ido_sk_…` (server-to-server, acts as the organisation\'s coordinator) or a session token from `POST /api/v1/auth/login`. Anything of another organisation is answered 404 in a path and 422 inside a body.',
        'Registraties, locaties en rapportages voor de Informatiepunten Digitale Overheid in bibliotheken. Foutmeldingen zijn standaard Nederlands.',
      ].join('\n\n'),
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: options.serverUrl ?? '/', description: 'This server / Deze server' }],
    security: SECURITY.staff,
    tags: TAGS.map((t) => ({ name: t.name, description: t.en, 'x-description-nl': t.nl })),
    paths,
    components: {
      schemas: { ...componentSchemas(INPUTS, 'input'), ...componentSchemas(OUTPUTS, 'output') },
      responses: problemResponses(),
      securitySchemes: {
        deskKey: { type: 'http', scheme: 'bearer', bearerFormat: 'ido_dk_…', description: 'Desk key: publishable, for the registration widget; one organisation and optionally one location; accepted only from the origins listed on the key (a key with no origins only from requests without `Origin`).' },
        secretKey: { type: 'http', scheme: 'bearer', bearerFormat: 'ido_sk_…', description: "Secret key: server-to-server, acts as the organisation's coordinator. Never put it in a web page." },
        sessionToken: { type: 'http', scheme: 'bearer', bearerFormat: 'ido_st_…', description: 'Session token from `POST /api/v1/auth/login`, until `expiresAt`.' },
      },
    },
  };
}

/** Every path of the public contract, for tests and for the docs page's table of contents. */
export const CONTRACT_PATHS = Object.freeze(Object.keys(operations()));
