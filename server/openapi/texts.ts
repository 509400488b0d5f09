/**
 * The words of the OpenAPI document: summaries, descriptions and the Dutch beside the English, per
 * operation (by `operationId`), per component schema, per parameter and per problem status. The
 * declarations in sdk/operations hold no texts, so that the widget's bundle carries none; spec.ts
 * joins the two.
 */
import type { Access, ErrorStatus } from '../../sdk/operations/index.js';

type Json = Record<string, unknown>;

export interface Words {
  en: string;
  nl: string;
}

/** Per operation: its summary, the description (the access line is added), and a line per success status. */
export interface OperationTexts extends Words {
  description?: string;
  ok: Record<number, [en: string, nl: string]>;
}

export const OPERATION_TEXTS: Record<string, OperationTexts> = {
  login: {
    en: 'Log in',
    nl: 'Inloggen',
    description: 'Rate limited per client. The token is a Bearer credential until `expiresAt`.',
    ok: { 200: ['Logged in.', 'Ingelogd.'] },
  },
  me: {
    en: 'Who am I',
    nl: 'Wie ben ik',
    description:
      'The caller as the server sees it: for a desk or secret key `{ kind, organisationId, locationId }` (`locationId` is the location a desk key is bound to, null when it is not bound; a secret key is never bound), for a session `{ kind: "user", user }`. Reveals nothing the caller does not already hold; the desk widget uses it to find its location.',
    ok: { 200: ['The caller.', 'De aanroeper.'] },
  },
  logout: {
    en: 'Log out',
    nl: 'Uitloggen',
    description: 'Ends the session of the token sent.',
    ok: { 204: ['Logged out.', 'Uitgelogd.'] },
  },
  getTaxonomy: { en: 'Read the value lists', nl: 'Waardelijsten opvragen', ok: { 200: ['The value lists.', 'De waardelijsten.'] } },
  listTaxonomyVersions: {
    en: 'List the versions of the value lists',
    nl: 'Versies van de waardelijsten',
    ok: { 200: ['The versions with their mappings.', 'De versies met hun vertalingen.'] },
  },
  listRegistrations: {
    en: 'List registrations',
    nl: 'Registraties opvragen',
    description: 'Newest first, paged. Desk keys see only those of their location of the last 24 hours.',
    ok: { 200: ['A page of registrations.', 'Een pagina registraties.'] },
  },
  createRegistration: {
    en: 'Register a visit',
    nl: 'Bezoek registreren',
    description:
      'Idempotent by `id`: the same id with the same body again answers 200 with the stored registration; another body, or the id of a deleted one, 409. `locationId` may be left out when the desk key is bound to a location.',
    ok: { 200: ['Already stored with this id and body.', 'Was al opgeslagen met dit id en deze inhoud.'], 201: ['Stored.', 'Opgeslagen.'] },
  },
  createRegistrations: {
    en: 'Register a batch of visits',
    nl: 'Een reeks bezoeken registreren',
    description:
      'For offline queues: 1 to 500 visits, each validated and stored on its own; the results come in order. One bad item does not fail the others.',
    ok: { 200: ['One result per item.', 'Eén uitkomst per bezoek.'] },
  },
  getRegistration: { en: 'Read a registration', nl: 'Registratie opvragen', ok: { 200: ['The registration.', 'De registratie.'] } },
  updateRegistration: {
    en: 'Correct a registration',
    nl: 'Registratie verbeteren',
    description: 'Kept in the audit trail. Desk keys: only those of their location of the last 24 hours.',
    ok: { 200: ['The corrected registration.', 'De verbeterde registratie.'] },
  },
  deleteRegistration: {
    en: 'Delete a registration',
    nl: 'Registratie verwijderen',
    description: 'A soft delete, kept in the audit trail; 404 afterwards.',
    ok: { 204: ['Deleted.', 'Verwijderd.'] },
  },
  getRegistrationAudit: {
    en: "Read a registration's audit trail",
    nl: 'Logboek van een registratie',
    ok: { 200: ['Every change.', 'Alle wijzigingen.'] },
  },
  listLocations: { en: 'List locations', nl: 'Locaties opvragen', ok: { 200: ['The locations.', 'De locaties.'] } },
  createLocation: { en: 'Create a location', nl: 'Locatie maken', ok: { 201: ['Created.', 'Gemaakt.'] } },
  getLocation: { en: 'Read a location', nl: 'Locatie opvragen', ok: { 200: ['The location.', 'De locatie.'] } },
  updateLocation: {
    en: 'Change a location',
    nl: 'Locatie wijzigen',
    description: 'Merges the top-level fields given; a list field given is replaced whole.',
    ok: { 200: ['The changed resource.', 'Het gewijzigde geheel.'] },
  },
  deleteLocation: {
    en: 'Delete a location',
    nl: 'Locatie verwijderen',
    description: 'Answers 404 afterwards.',
    ok: { 204: ['Deleted.', 'Verwijderd.'] },
  },
  geocode: {
    en: 'Look up an address',
    nl: 'Adres opzoeken',
    description:
      "By postcode and house number: PDOK's address when it is reachable, else the postcode area or the PC4 centroid (`precision`; the fields it cannot know are null). 422 when nothing is found.",
    ok: { 200: ['The address.', 'Het adres.'] },
  },
  listPartners: { en: 'List partners', nl: 'Partners opvragen', ok: { 200: ['The partners.', 'De partners.'] } },
  createPartner: { en: 'Create a partner', nl: 'Partner maken', ok: { 201: ['Created.', 'Gemaakt.'] } },
  getPartner: { en: 'Read a partner', nl: 'Partner opvragen', ok: { 200: ['The partner.', 'De partner.'] } },
  updatePartner: {
    en: 'Change a partner',
    nl: 'Partner wijzigen',
    description: 'Merges the top-level fields given; a list field given is replaced whole.',
    ok: { 200: ['The changed resource.', 'Het gewijzigde geheel.'] },
  },
  deletePartner: {
    en: 'Delete a partner',
    nl: 'Partner verwijderen',
    description: 'Answers 404 afterwards.',
    ok: { 204: ['Deleted.', 'Verwijderd.'] },
  },
  listCourses: { en: 'List courses', nl: 'Cursussen opvragen', ok: { 200: ['The courses.', 'De cursussen.'] } },
  createCourse: { en: 'Create a course', nl: 'Cursus maken', ok: { 201: ['Created.', 'Gemaakt.'] } },
  getCourse: { en: 'Read a course', nl: 'Cursus opvragen', ok: { 200: ['The course.', 'De cursus.'] } },
  updateCourse: {
    en: 'Change a course',
    nl: 'Cursus wijzigen',
    description: 'Merges the top-level fields given; a list field given is replaced whole.',
    ok: { 200: ['The changed resource.', 'Het gewijzigde geheel.'] },
  },
  deleteCourse: {
    en: 'Delete a course',
    nl: 'Cursus verwijderen',
    description: 'Answers 404 afterwards.',
    ok: { 204: ['Deleted.', 'Verwijderd.'] },
  },
  listOrganisations: { en: 'List organisations', nl: 'Organisaties opvragen', ok: { 200: ['The organisations.', 'De organisaties.'] } },
  createOrganisation: {
    en: 'Create a organisation',
    nl: 'Organisatie maken',
    description: 'National users only.',
    ok: { 201: ['Created.', 'Gemaakt.'] },
  },
  getOrganisation: { en: 'Read a organisation', nl: 'Organisatie opvragen', ok: { 200: ['The organisation.', 'De organisatie.'] } },
  updateOrganisation: {
    en: 'Change a organisation',
    nl: 'Organisatie wijzigen',
    description: 'Merges the top-level fields given; a list field given is replaced whole.',
    ok: { 200: ['The changed resource.', 'Het gewijzigde geheel.'] },
  },
  listUsers: { en: 'List users', nl: 'Gebruikers opvragen', ok: { 200: ['The users.', 'De gebruikers.'] } },
  createUser: { en: 'Create a user', nl: 'Gebruiker maken', ok: { 201: ['Created.', 'Gemaakt.'] } },
  deleteUser: {
    en: 'Delete a user',
    nl: 'Gebruiker verwijderen',
    description: 'Answers 404 afterwards.',
    ok: { 204: ['Deleted.', 'Verwijderd.'] },
  },
  listKeys: { en: 'List keys', nl: 'Sleutels opvragen', ok: { 200: ['The keys.', 'De sleutels.'] } },
  createKey: {
    en: 'Create an API key',
    nl: 'Sleutel maken',
    description: 'The key itself is in `key`, shown this once; only its SHA-256 is stored.',
    ok: { 201: ['Created.', 'Gemaakt.'] },
  },
  revokeKey: {
    en: 'Revoke an API key',
    nl: 'Sleutel intrekken',
    description: 'Revoked at once.',
    ok: { 204: ['Deleted.', 'Verwijderd.'] },
  },
  listReportSubscriptions: {
    en: 'List report subscriptions',
    nl: 'Abonnementen op cijfers opvragen',
    ok: { 200: ['The report subscriptions.', 'De abonnementen op cijfers.'] },
  },
  createReportSubscription: {
    en: 'Subscribe to scheduled reports by mail',
    nl: 'Abonnement op cijfers maken',
    description:
      'One mail per subscription and period, whatever the number of servers; sent only when the server has `IDO_SMTP_URL`. A location or organisation of another organisation is an unknown id (422).',
    ok: { 201: ['Created.', 'Gemaakt.'] },
  },
  deleteReportSubscription: {
    en: 'Unsubscribe',
    nl: 'Abonnement opzeggen',
    description: 'No mail after this; 404 afterwards.',
    ok: { 204: ['Deleted.', 'Verwijderd.'] },
  },
  getSummary: {
    en: 'Summary of visits and questions',
    nl: 'Overzicht van bezoeken en vragen',
    description:
      'A visit counts once in each group that one of its questions falls in. Desk keys may read only `groupBy=topic&locationId=<their location>`.',
    ok: { 200: ['The counts.', 'De aantallen.'] },
  },
  getCourseReport: {
    en: 'Course runs and participants',
    nl: 'Cursussen en cursisten',
    description: "An unknown or another organisation's `locationId` or `organisationId` is a 404.",
    ok: { 200: ['The counts.', 'De aantallen.'] },
  },
  getSearchDemand: {
    en: 'Locator searches per PC4 area',
    nl: 'Zoekvragen per postcodegebied',
    ok: { 200: ['Searches per PC4.', 'Zoekvragen per PC4.'] },
  },
  exportReport: {
    en: 'Export as CSV or XLSX',
    nl: 'Exporteren als CSV of XLSX',
    description:
      "The same filters as the summary (`locationId`, `organisationId`, `municipality`, `province`): an unknown or another organisation's `locationId` or `organisationId` is a 404. `suppress=true` goes with `view=summary` only (422 with `view=questions`).",
    ok: { 200: ['The file.', 'Het bestand.'] },
  },
  listImports: { en: 'List imports', nl: 'Imports opvragen', ok: { 200: ['The latest 50 imports.', 'De laatste 50 imports.'] } },
  createImport: {
    en: 'Import registrations from a file',
    nl: 'Registraties importeren uit een bestand',
    description:
      'Multipart upload, up to 5 MiB. A dry run checks every row and stores nothing (200). A small file is imported at once (201); a large one, or `background=true`, runs in the background (202): follow `GET /api/v1/imports/{id}` (also in the `Location` header). Rows already imported are recognised and counted as duplicates.',
    ok: {
      200: ['The result of a dry run.', 'De uitkomst van een proefimport.'],
      201: ['Imported.', 'Geïmporteerd.'],
      202: ['Accepted; running in the background.', 'Aangenomen; loopt op de achtergrond.'],
    },
  },
  getImport: { en: 'Read an import', nl: 'Import opvragen', ok: { 200: ['The import and its progress.', 'De import en de voortgang.'] } },
  findLocations: {
    en: 'Find the nearest IDO locations',
    nl: 'Dichtstbijzijnde IDO vinden',
    description:
      'By `postcode`, `near` or `q`; nearest first. A postcode or place that cannot be resolved answers 422, suggesting "use my location".',
    ok: { 200: ['The locations.', 'De locaties.'] },
  },
  getPublicLocation: {
    en: 'Read one location, with schema.org JSON-LD',
    nl: 'Eén locatie, met schema.org JSON-LD',
    ok: { 200: ['The location with `jsonLd`.', 'De locatie met `jsonLd`.'] },
  },
  getPublicStats: {
    en: 'National figures',
    nl: 'Landelijke cijfers',
    description: 'Any count under 5 is `null` with `"suppressed": true`.',
    ok: { 200: ['The figures.', 'De cijfers.'] },
  },
  getOpenApi: { en: 'This document', nl: 'Dit document', ok: { 200: ['OpenAPI 3.1.', 'OpenAPI 3.1.'] } },
  health: {
    en: 'Health check',
    nl: 'Gezondheidscontrole',
    description: '200 when the process can reach its database, 503 otherwise.',
    ok: { 200: ['Healthy.', 'In orde.'] },
  },
};

/** Request bodies, converted as the server reads them (`io: 'input'`: defaults make a field optional). By the schema's name in sdk/schemas. */
export const INPUT_TEXTS: Record<string, Words> = {
  RegistrationInput: { en: 'One visit with one or more questions.', nl: 'Eén bezoek met een of meer vragen.' },
  QuestionInput: { en: 'One question of a visit.', nl: 'Eén vraag van een bezoek.' },
  Referral: {
    en: 'A referral to a partner, a kind of partner, or both.',
    nl: 'Een doorverwijzing naar een partner, een soort partner of allebei.',
  },
  RegistrationPatch: {
    en: 'Top-level fields to change; a list given replaces the stored one.',
    nl: 'Velden om te wijzigen; een lijst vervangt de opgeslagen lijst.',
  },
  RegistrationBatchInput: { en: '1 to 500 visits, for offline queues.', nl: '1 tot 500 bezoeken, voor een offline wachtrij.' },
  LocationInput: {
    en: 'A new IDO location. National users name the organisation.',
    nl: 'Een nieuwe IDO-locatie. Landelijke gebruikers noemen de organisatie.',
  },
  LocationPatch: { en: 'Location fields to change.', nl: 'Velden van de locatie om te wijzigen.' },
  Address: { en: 'A Dutch postal address.', nl: 'Een Nederlands adres.' },
  Coordinates: { en: 'WGS84 latitude and longitude.', nl: 'Breedte- en lengtegraad (WGS84).' },
  WalkInRange: {
    en: 'A weekly range; day 1 = Monday … 7 = Sunday, Europe/Amsterdam.',
    nl: 'Een vast tijdvak per week; dag 1 = maandag … 7 = zondag.',
  },
  OpeningException: {
    en: 'A dated closure, or other hours on that date.',
    nl: 'Een datum waarop de locatie dicht is of andere tijden heeft.',
  },
  Accessibility: { en: 'Accessibility of the location.', nl: 'Toegankelijkheid van de locatie.' },
  Contact: {
    en: 'Public contact details of an organisation (not personal data).',
    nl: 'Openbare contactgegevens van een organisatie (geen persoonsgegevens).',
  },
  PartnerInput: { en: 'A partner of the sociale kaart.', nl: 'Een partner op de sociale kaart.' },
  PartnerPatch: { en: 'Partner fields to change.', nl: 'Velden van de partner om te wijzigen.' },
  CourseInput: { en: 'A course run at a location.', nl: 'Een cursus op een locatie.' },
  CoursePatch: { en: 'Course fields to change.', nl: 'Velden van de cursus om te wijzigen.' },
  OrganisationInput: { en: 'A library organisation.', nl: 'Een bibliotheekorganisatie.' },
  OrganisationPatch: { en: 'Organisation fields to change.', nl: 'Velden van de organisatie om te wijzigen.' },
  UserInput: {
    en: 'A user; `organisationId` is left out for national users.',
    nl: 'Een gebruiker; `organisationId` ontbreekt bij landelijke gebruikers.',
  },
  KeyInput: {
    en: 'A new API key: `desk` (publishable, origin-bound) or `secret` (server-to-server).',
    nl: 'Een nieuwe sleutel: `desk` (baliesleutel, gebonden aan websites) of `secret` (geheim, server naar server).',
  },
  ReportSubscriptionInput: {
    en: "A scheduled report by mail: after each month, quarter or year (the first day of the next, 07:00 Europe/Amsterdam) the key figures in the body and the accountability export attached. Without `organisationId`, a coordinator's own organisation; a national user without either gets the whole country.",
    nl: 'Cijfers per mail: na elke maand, elk kwartaal of elk jaar (de eerste dag daarna, 07:00) de belangrijkste cijfers in de mail en de verantwoording als bijlage.',
  },
  LoginInput: { en: 'E-mail address and password.', nl: 'E-mailadres en wachtwoord.' },
  ImportForm: {
    en: 'A CSV or XLSX file (a row per question, as the questions export writes it, or daily counts), the column mapping as JSON text (see ImportMapping), whether to only check it (`dryRun`), the organisation (national users), a default location, and whether to run in the background.',
    nl: 'Een CSV- of XLSX-bestand (een rij per vraag, zoals de export, of aantallen per dag), de kolomindeling als JSON (zie ImportMapping), of het alleen gecontroleerd moet worden (`dryRun`), de organisatie (landelijke gebruikers), een standaardlocatie en of het op de achtergrond moet lopen.',
  },
  ImportMapping: {
    en: 'Which column holds which field, how sheet values map onto codes, and defaults; sent as JSON text in the `mapping` form field.',
    nl: 'Welke kolom welk veld bevat, hoe waarden uit het bestand op codes passen, en standaardwaarden; als JSON in het formulierveld `mapping`.',
  },
};

/** Responses, converted as the server writes them (`io: 'output'`). By the schema's name in sdk/schemas. */
export const OUTPUT_TEXTS: Record<string, Words> = {
  GeocodedAddress: {
    en: 'An address found by postcode and house number; `precision` says how much is known (`pc4`: only the centroid of the four digits, the other fields null).',
    nl: 'Een adres bij postcode en huisnummer; `precision` zegt hoeveel bekend is (`pc4`: alleen het midden van het postcodegebied, de rest null).',
  },
  Problem: {
    en: 'RFC 9457 problem document; Dutch by default, English for `Accept-Language: en`.',
    nl: 'Foutmelding volgens RFC 9457; Nederlands, of Engels bij `Accept-Language: en`.',
  },
  FieldError: {
    en: 'One broken field; `path` is dotted (`questions.0.topic`).',
    nl: 'Eén fout veld; `path` met punten (`questions.0.topic`).',
  },
  Registration: { en: 'A stored visit.', nl: 'Een opgeslagen bezoek.' },
  RegistrationPage: {
    en: 'A page of visits; `nextCursor` is null on the last page.',
    nl: 'Een pagina bezoeken; `nextCursor` is null op de laatste pagina.',
  },
  BatchResult: { en: 'One result per item, in order.', nl: 'Eén uitkomst per bezoek, in volgorde.' },
  AuditEntry: { en: 'One change in an audit trail.', nl: 'Eén wijziging in het logboek.' },
  AuditTrail: { en: 'Every change of a registration, oldest first.', nl: 'Alle wijzigingen van een registratie, oudste eerst.' },
  Location: { en: 'An IDO location.', nl: 'Een IDO-locatie.' },
  LocationList: { en: 'Locations.', nl: 'Locaties.' },
  Partner: { en: 'A partner of the sociale kaart.', nl: 'Een partner op de sociale kaart.' },
  PartnerList: { en: 'Partners.', nl: 'Partners.' },
  Course: { en: 'A course run.', nl: 'Een cursus.' },
  CourseList: { en: 'Course runs.', nl: 'Cursussen.' },
  Organisation: { en: 'A library organisation.', nl: 'Een bibliotheekorganisatie.' },
  OrganisationList: { en: 'Organisations.', nl: 'Organisaties.' },
  User: { en: 'A user.', nl: 'Een gebruiker.' },
  UserList: { en: 'Users.', nl: 'Gebruikers.' },
  ApiKey: {
    en: 'An API key; `key` only in the answer to the create, shown once.',
    nl: 'Een sleutel; `key` alleen in het antwoord bij het maken, één keer.',
  },
  ApiKeyList: { en: 'Keys (without the secrets).', nl: 'Sleutels (zonder de geheimen).' },
  ReportSubscription: {
    en: 'A scheduled report by mail; `lastSentPeriod` (`2026-11`, `2026-Q4`, `2026`) is null until the first mail.',
    nl: 'Cijfers per mail; `lastSentPeriod` is leeg tot de eerste mail.',
  },
  ReportSubscriptionList: { en: 'Scheduled reports by mail.', nl: 'Cijfers per mail.' },
  Session: { en: 'A session token and the user it belongs to.', nl: 'Een sessiesleutel en de gebruiker.' },
  Me: {
    en: 'Who the credential sent is: a key with its organisation and bound location, or a user.',
    nl: 'Wie de meegestuurde sleutel of sessie is: een sleutel met organisatie en locatie, of een gebruiker.',
  },
  Taxonomy: { en: 'The value lists of one version, labels in one language.', nl: 'De waardelijsten van één versie, in één taal.' },
  TaxonomyVersion: {
    en: 'A version of the value lists with its mapping of retired codes.',
    nl: 'Een versie van de waardelijsten met de vertaling van oude codes.',
  },
  TaxonomyVersions: { en: 'Every version of the value lists.', nl: 'Alle versies van de waardelijsten.' },
  Summary: {
    en: 'Visits, questions and referrals, optionally grouped.',
    nl: 'Bezoeken, vragen en doorverwijzingen, eventueel gegroepeerd.',
  },
  CourseReport: { en: 'Course runs and participants.', nl: 'Cursussen en cursisten.' },
  SearchDemand: { en: 'Locator searches per PC4 area.', nl: 'Zoekvragen in de locatiezoeker per PC4-gebied.' },
  PublicLocations: { en: 'Nearest locations first, with open-now state.', nl: 'Dichtstbijzijnde locaties eerst, met of ze nu open zijn.' },
  PublicLocation: { en: 'A location as the public sees it.', nl: 'Een locatie zoals iedereen die ziet.' },
  PublicStats: {
    en: 'National figures; a count under 5 is null with `suppressed: true`.',
    nl: 'Landelijke cijfers; een aantal onder 5 is null met `suppressed: true`.',
  },
  ImportStatus: {
    en: 'An import and its progress; `errors` lists every row that could not be read.',
    nl: 'Een import en de voortgang; `errors` noemt elke rij die niet gelezen kon worden.',
  },
  ImportList: { en: 'The latest imports, without their errors.', nl: 'De laatste imports, zonder fouten.' },
  Health: { en: 'The process can reach its database.', nl: 'Het proces kan de database bereiken.' },
};

export const PARAMETER_TEXT: Record<string, { en: string; nl: string }> = {
  number: { en: 'House number, digits only.', nl: 'Huisnummer, alleen cijfers.' },
  addition: { en: 'House letter or addition (`A`, `2-hoog`).', nl: 'Huisletter of toevoeging (`A`, `2-hoog`).' },
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
  lang: {
    en: 'Language of labels and messages: `nl` (default) or `en`. `Accept-Language` works too.',
    nl: 'Taal van labels en meldingen: `nl` (standaard) of `en`.',
  },
  groupBy: { en: 'How to group the counts.', nl: 'Hoe de aantallen worden gegroepeerd.' },
  municipality: { en: 'Only locations in this municipality.', nl: 'Alleen locaties in deze gemeente.' },
  province: { en: 'Only locations in this province.', nl: 'Alleen locaties in deze provincie.' },
  version: { en: 'A version of the value lists; default the current one.', nl: 'Een versie van de waardelijsten; standaard de huidige.' },
  postcode: { en: 'A Dutch postcode (PC6 `3511AB` or PC4 `3511`).', nl: 'Een postcode (`3511AB` of `3511`).' },
  near: { en: '`lat,lon` of the visitor ("use my location").', nl: '`lat,lon` van de bezoeker ("gebruik mijn locatie").' },
  q: { en: 'A place name.', nl: 'Een plaatsnaam.' },
  openNow: { en: 'Only locations open now.', nl: 'Alleen locaties die nu open zijn.' },
  format: {
    en: '`csv` (`;`, UTF-8 with BOM, for Dutch Excel) or `xlsx`.',
    nl: '`csv` (`;`, UTF-8 met BOM, voor Nederlandse Excel) of `xlsx`.',
  },
  view: {
    en: '`questions`: a row per question (the shape an import reads back); `summary`: the accountability tables.',
    nl: '`questions`: een rij per vraag; `summary`: de verantwoordingstabellen.',
  },
  suppress: {
    en: 'Replace counts under 5 by `< 5`. Only with `view=summary`: `view=questions` has a row per question and no counts, so `suppress=true` with it is a 422 (`invalid-value` at `suppress`).',
    nl: 'Aantallen onder 5 als `< 5` tonen. Alleen bij `view=summary`: `view=questions` heeft een rij per vraag en geen aantallen, dus `suppress=true` daarbij is een 422 (`invalid-value` bij `suppress`).',
  },
};

export const PROBLEMS: Record<ErrorStatus, { name: string; en: string; nl: string }> = {
  400: {
    name: 'BadRequest',
    en: 'The body is not JSON, or the query string cannot be read.',
    nl: 'De inhoud is geen JSON of de zoekparameters zijn onleesbaar.',
  },
  401: { name: 'Unauthorized', en: 'No or invalid credentials.', nl: 'Geen of een ongeldige sleutel of sessie.' },
  403: {
    name: 'Forbidden',
    en: 'Authenticated, but not allowed (a desk key outside its rights or origins).',
    nl: 'Wel ingelogd, maar dit mag niet.',
  },
  404: { name: 'NotFound', en: 'Not found, or of another organisation.', nl: 'Niet gevonden, of van een andere organisatie.' },
  409: {
    name: 'Conflict',
    en: 'Conflicts with what is stored (e.g. the same id with another body).',
    nl: 'Botst met wat is opgeslagen (bijvoorbeeld hetzelfde id met andere inhoud).',
  },
  413: {
    name: 'PayloadTooLarge',
    en: 'Body too large: 1 MiB, 5 MiB for batch and import.',
    nl: 'Te groot: 1 MiB, 5 MiB voor batch en import.',
  },
  415: { name: 'UnsupportedMediaType', en: 'Wrong content type.', nl: 'Verkeerd soort inhoud.' },
  422: {
    name: 'ValidationFailed',
    en: 'Valid JSON that breaks the rules; `errors` lists every broken field.',
    nl: 'Geldige JSON die niet aan de regels voldoet; `errors` noemt elk fout veld.',
  },
  412: {
    name: 'PreconditionFailed',
    en: 'The `If-Match` sent does not match the current version (`ETag`): read it again.',
    nl: 'De meegestuurde `If-Match` past niet bij de huidige versie (`ETag`): lees opnieuw.',
  },
  429: { name: 'TooManyRequests', en: 'Too many requests; see `Retry-After`.', nl: 'Te veel verzoeken; zie `Retry-After`.' },
  503: { name: 'ServiceUnavailable', en: 'The server cannot reach its database.', nl: 'De server kan de database niet bereiken.' },
};

export const SECURITY: Record<Access, Json[]> = {
  public: [],
  desk: [{ deskKey: [] }, { secretKey: [] }, { sessionToken: [] }],
  staff: [{ secretKey: [] }, { sessionToken: [] }],
  caller: [{ sessionToken: [] }, { secretKey: [] }, { deskKey: [] }],
  national: [{ sessionToken: [] }],
};

export const ACCESS_TEXT: Record<Access, { en: string; nl: string }> = {
  public: { en: 'Public, no credentials, rate limited.', nl: 'Openbaar, zonder sleutel, met een limiet per minuut.' },
  desk: { en: 'Desk keys, secret keys and user sessions.', nl: 'Baliesleutels, geheime sleutels en ingelogde gebruikers.' },
  staff: {
    en: 'Secret keys and user sessions (coordinators see their own organisation, national users every one).',
    nl: 'Geheime sleutels en ingelogde gebruikers (coördinatoren zien hun eigen organisatie, landelijke gebruikers alles).',
  },
  caller: { en: 'Any credential.', nl: 'Elke sleutel of sessie.' },
  national: { en: 'National users only.', nl: 'Alleen landelijke gebruikers.' },
};

/** What the `{id}` of a tag's paths names. */
export const NOUNS: Record<string, string> = {
  registrations: 'registration',
  locations: 'location',
  partners: 'partner',
  courses: 'course',
  organisations: 'organisation',
  users: 'user',
  keys: 'key',
  imports: 'import',
  public: 'location',
  'report-subscriptions': 'subscription',
};

export const TAGS: { name: string; en: string; nl: string }[] = [
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
  { name: 'report-subscriptions', en: 'Scheduled reports by mail', nl: 'Cijfers per mail' },
  { name: 'imports', en: 'Imports of earlier registrations', nl: 'Import van eerdere registraties' },
  {
    name: 'geocode',
    en: 'Addresses by postcode and house number, for entering a location',
    nl: 'Adressen bij postcode en huisnummer, voor het invoeren van een locatie',
  },
  { name: 'public', en: 'Public: locator and national figures', nl: 'Openbaar: locatiezoeker en landelijke cijfers' },
  { name: 'system', en: 'Health and this document', nl: 'Status en dit document' },
];
