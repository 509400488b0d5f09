/** `ido-registratie/sdk`: the typed client, its errors, the offline outbox and the pure domain helpers. Every export is named. */
export {
  createIdoClient,
  type IdoClient,
  type IdoClientOptions,
  type RequestOptions,
  type Resource,
  type Page,
  type ListQuery,
  type RegistrationListQuery,
  type CourseListQuery,
  type NearestQuery,
  type ExportQuery,
  type Health,
  type AuditEntry,
  type TaxonomyVersions,
  type SearchDemand,
} from './client.js';

export {
  IdoError,
  IdoHttpError,
  IdoNetworkError,
  IdoTimeoutError,
  IdoSchemaError,
  isIdoError,
  isIdoHttpError,
  isIdoNetworkError,
  isIdoTimeoutError,
  isIdoSchemaError,
  type IdoErrorKind,
  type IdoSchemaIssue,
} from './errors.js';

export {
  createOutbox,
  memoryOutboxStore,
  type Outbox,
  type OutboxItem,
  type OutboxOptions,
  type OutboxRetry,
  type OutboxTimers,
  type OutboxStore,
  type SubmitResult,
  type FlushResult,
  type FailedItem,
} from './outbox.js';
export { indexedDbOutboxStore } from './outbox-idb.js';

// The contract's types. The schemas themselves stay in sdk/schemas: the server imports them from
// there, and leaving them out of this entry keeps them out of bundles that only need the client.
export type { Address, Contact, Coordinates, FieldError, Lang, Problem } from './schemas/common.js';
export type {
  BatchItemStatus,
  BatchResult,
  Question,
  QuestionInput,
  Referral,
  Registration,
  RegistrationInput,
  RegistrationPatch,
  RegistrationQuery,
} from './schemas/registration.js';
export type { Location, LocationInput, LocationPatch } from './schemas/location.js';
export type {
  ApiKey,
  Course,
  CourseInput,
  CoursePatch,
  KeyInput,
  Organisation,
  OrganisationInput,
  Partner,
  PartnerInput,
  Me,
  PartnerPatch,
  Role,
  Session,
  User,
  UserInput,
} from './schemas/resources.js';
export type { Taxonomy, TaxonomyEntry, TaxonomyList, TaxonomyVersion, Topic } from './schemas/taxonomy.js';
export type {
  CourseReport,
  PublicLocation,
  PublicLocations,
  PublicLocationsQuery,
  Summary,
  SummaryGroupBy,
  SummaryQuery,
} from './schemas/reports.js';

export {
  findPersonalData,
  describePersonalData,
  personalDataLabel,
  isValidBsn,
  isValidIban,
  type PersonalDataKind,
  type PersonalDataMatch,
} from './personal-data.js';
export {
  openState,
  describeOpenState,
  hoursOn,
  addDays,
  isoWeek,
  amsterdamParts,
  amsterdamInstant,
  toAmsterdamIso,
  type WalkInRange,
  type OpeningException,
  type OpeningSchedule,
  type OpenState,
} from './opening-hours.js';
export {
  HOLIDAY_CODES,
  DEFAULT_CLOSED_ON_HOLIDAYS,
  easterSunday,
  holidaysOf,
  holidayOn,
  holidayLabel,
  type HolidayCode,
} from './holidays.js';
export { distanceKm, boundingBox, formatDistance, EARTH_RADIUS_KM, type LatLon, type BoundingBox } from './geo.js';
export { parsePostcode, type ParsedPostcode } from './postcode.js';
