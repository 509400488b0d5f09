/** `courses`: digital-skills courses run at the locations. */
import type { IdoClient } from '../client.js';
import { resource, type Http } from '../http.js';
import { Course } from '../schemas/resources.js';

/** The `courses` namespace of a client over `http`. */
export function coursesApi(http: Http): IdoClient['courses'] {
  return resource(http, 'courses', Course);
}
