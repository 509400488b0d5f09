/**
 * Every operation of the API, in the order of the document. The server mounts and documents them
 * all; the SDK's namespaces import the feature files they call, never this list (a bundle keeps
 * only what it calls).
 */
import type { Operation } from './operation.js';
import * as auth from './auth.js';
import * as taxonomy from './taxonomy.js';
import * as registrations from './registrations.js';
import * as locations from './locations.js';
import * as partners from './partners.js';
import * as courses from './courses.js';
import * as organisations from './organisations.js';
import * as users from './users.js';
import * as keys from './keys.js';
import * as reports from './reports.js';
import * as reportSubscriptions from './report-subscriptions.js';
import * as imports from './imports.js';
import * as publicOps from './public.js';
import * as system from './system.js';
import * as geocodeOps from './geocode.js';

const isOperation = (value: unknown): value is Operation =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'responses' in value;

const features = [
  auth,
  taxonomy,
  registrations,
  locations,
  partners,
  courses,
  organisations,
  users,
  keys,
  reports,
  reportSubscriptions,
  imports,
  geocodeOps,
  publicOps,
  system,
];

const METHOD_ORDER = ['get', 'post', 'patch', 'delete'];
/** A module's exports come in alphabetical order: within a feature, by path and then method, as the document lists them. */
const byPathAndMethod = (a: Operation, b: Operation) =>
  a.path === b.path ? METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method) : a.path < b.path ? -1 : 1;

/** All operations, feature by feature. */
export const OPERATIONS: readonly Operation[] = features.flatMap((f) => Object.values(f).filter(isOperation).sort(byPathAndMethod));

export type { Access, Answer, ErrorStatus, MediaAnswer, Method, Operation } from './operation.js';
export { impliedStatuses } from './operation.js';
