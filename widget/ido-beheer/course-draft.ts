/**
 * A course run as the form edits it (text, as typed) and back: the draft of a stored course, an
 * empty one, the checks in words, and the payload. Pure functions, no I/O.
 */
import type { Course, CourseInput } from '../../sdk/schemas/resources.js';
import { formatDutchDate, parseDutchDate } from './dates.js';

export interface CourseDraft {
  locationId: string;
  type: string;
  startDate: string;
  sessions: string;
  enrolled: string;
  completed: string;
  note: string;
}

export type CourseField = keyof CourseDraft;

export interface CourseTexts {
  locationMissing: string;
  typeMissing: string;
  dateFormat: string;
  sessionsInvalid: string;
  enrolledInvalid: string;
  completedInvalid: string;
  completedTooMany: (enrolled: number) => string;
}

export function emptyCourse(locationId = ''): CourseDraft {
  return { locationId, type: '', startDate: '', sessions: '', enrolled: '', completed: '', note: '' };
}

export function courseDraftFrom(course: Course): CourseDraft {
  return {
    locationId: course.locationId,
    type: course.type,
    startDate: formatDutchDate(course.startDate),
    sessions: String(course.sessions),
    enrolled: String(course.enrolled),
    completed: course.completed === null ? '' : String(course.completed),
    note: course.note ?? '',
  };
}

const whole = (value: string) => (/^\s*\d{1,6}\s*$/.test(value) ? Number(value) : null);

/** What is wrong, field by field, in words; empty when the draft can be sent. */
export function checkCourse(draft: CourseDraft, t: CourseTexts): Partial<Record<CourseField, string>> {
  const errors: Partial<Record<CourseField, string>> = {};
  if (!draft.locationId) errors.locationId = t.locationMissing;
  if (!draft.type) errors.type = t.typeMissing;
  if (!parseDutchDate(draft.startDate)) errors.startDate = t.dateFormat;
  const sessions = whole(draft.sessions);
  if (sessions === null || sessions < 1 || sessions > 1000) errors.sessions = t.sessionsInvalid;
  const enrolled = whole(draft.enrolled);
  if (enrolled === null) errors.enrolled = t.enrolledInvalid;
  if (draft.completed.trim()) {
    const completed = whole(draft.completed);
    if (completed === null) errors.completed = t.completedInvalid;
    else if (enrolled !== null && completed > enrolled) errors.completed = t.completedTooMany(enrolled);
  }
  return errors;
}

/** The course as the API takes it (a checked draft). An empty "afgerond" is left out: not known yet. */
export function coursePayload(draft: CourseDraft): CourseInput {
  return {
    locationId: draft.locationId,
    type: draft.type,
    startDate: parseDutchDate(draft.startDate)!,
    sessions: Number(draft.sessions),
    enrolled: Number(draft.enrolled),
    ...(draft.completed.trim() ? { completed: Number(draft.completed) } : {}),
    ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
  };
}
