/**
 * A location as the form edits it (every field text, as typed) and back: the draft of a stored
 * location, an empty one, the checks in words before anything is sent, the payload, which fields
 * the coordinator changed, and how those changes go on top of a newer version after a 412. Pure
 * functions, no I/O; the texts come in as an argument.
 */
import { DEFAULT_CLOSED_ON_HOLIDAYS } from '../../sdk/holidays.js';
import type { Location, LocationPatch } from '../../sdk/schemas/location.js';
import { formatDutchDate, parseDutchDate, parseTime } from './dates.js';
import { checkHours, hoursPayload, type HoursProblem, type HoursRow } from './hours.js';

export type Variant = 'spreekuur' | 'inloop' | 'breed';

/** One exception as the list holds it: the date already ISO (it was checked when it was added). */
export interface ExceptionRow {
  date: string;
  closed: boolean;
  opens?: string;
  closes?: string;
  note?: string;
}

export interface LocationDraft {
  name: string;
  postcode: string;
  number: string;
  addition: string;
  street: string;
  city: string;
  municipality: string;
  province: string;
  lat: string;
  lon: string;
  hours: HoursRow[];
  exceptions: ExceptionRow[];
  closedOnHolidays: string[];
  wheelchair: boolean;
  hearingLoop: boolean;
  accessNotes: string;
  phone: string;
  email: string;
  url: string;
  variant: Variant;
}

/** The fields of the form that can carry an error: the ids of their inputs. */
export type FieldId = 'name' | 'postcode' | 'number' | 'street' | 'city' | 'lat' | 'lon' | 'email' | 'url' | 'phone' | 'accessNotes';

/** The texts the checks speak with (a slice of the section's catalogue). */
export interface DraftTexts {
  nameMissing: string;
  postcodeInvalid: string;
  numberInvalid: string;
  streetMissing: string;
  cityMissing: string;
  latInvalid: string;
  lonInvalid: string;
  emailInvalid: string;
  urlInvalid: string;
}

export interface DraftErrors {
  fields: Partial<Record<FieldId, string>>;
  /** Problems of the week grid, by row index. */
  hours: Map<number, HoursProblem>;
}

const POSTCODE = /^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$/;

/** `3512ae` → `3512 AE`; anything else as typed (the check says what is wrong). */
export function normalisePostcode(input: string): string {
  const m = POSTCODE.exec(input);
  return m ? `${m[1]} ${m[2].toUpperCase()}` : input.trim();
}

/** "Neude 11", "Oudegracht 11A", "Kerkstraat 4-2": the street, the number and what follows it. */
export function splitStreet(street: string): { street: string; number: string; addition: string } {
  const m = /^(.*\S)\s+(\d{1,5})\s*[-\s]?\s*([A-Za-z0-9]{0,6})$/.exec(street.trim());
  return m ? { street: m[1], number: m[2], addition: m[3] } : { street: street.trim(), number: '', addition: '' };
}

/** The street line the API stores: "Oudegracht 11A", "Kerkstraat 4-2". */
export function joinStreet(street: string, number: string, addition: string): string {
  const add = addition.trim();
  const suffix = !add ? '' : /^[A-Za-z]$/.test(add) ? add.toUpperCase() : `-${add}`;
  return [street.trim(), number.trim() ? `${number.trim()}${suffix}` : ''].filter(Boolean).join(' ');
}

export function emptyDraft(): LocationDraft {
  return {
    name: '',
    postcode: '',
    number: '',
    addition: '',
    street: '',
    city: '',
    municipality: '',
    province: '',
    lat: '',
    lon: '',
    hours: [],
    exceptions: [],
    closedOnHolidays: [...DEFAULT_CLOSED_ON_HOLIDAYS],
    wheelchair: false,
    hearingLoop: false,
    accessNotes: '',
    phone: '',
    email: '',
    url: '',
    variant: 'inloop',
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The draft of a stored location. */
export function draftFrom(location: Location): LocationDraft {
  const street = splitStreet(location.address.street);
  const access = location.accessibility as { wheelchair?: boolean; hearingLoop?: boolean; notes?: string };
  const contact = location.contact as { phone?: string; email?: string; url?: string };
  return {
    name: location.name,
    postcode: location.address.postcode,
    number: street.number,
    addition: street.addition,
    street: street.street,
    city: location.address.city,
    municipality: location.address.municipality ?? '',
    province: location.address.province ?? '',
    lat: String(location.coordinates.lat),
    lon: String(location.coordinates.lon),
    hours: location.walkInHours
      .map((r) => ({ day: r.day, opens: r.opens, closes: r.closes }))
      .sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens)),
    exceptions: location.exceptions.map((e) => {
      const x = e as { date: string; closed?: boolean; opens?: string; closes?: string; note?: string };
      return x.closed
        ? { date: x.date, closed: true, note: x.note }
        : { date: x.date, closed: false, opens: x.opens, closes: x.closes, note: x.note };
    }),
    closedOnHolidays: [...location.closedOnHolidays],
    wheelchair: !!access.wheelchair,
    hearingLoop: !!access.hearingLoop,
    accessNotes: text(access.notes),
    phone: text(contact.phone),
    email: text(contact.email),
    url: text(contact.url),
    variant: (['spreekuur', 'inloop', 'breed'].includes(location.variant) ? location.variant : 'inloop') as Variant,
  };
}

const coordinate = (value: string, limit: number) => {
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
};

/** Everything the form can check itself, in words; empty when the draft can be sent. */
export function checkDraft(draft: LocationDraft, t: DraftTexts): DraftErrors {
  const fields: DraftErrors['fields'] = {};
  if (!draft.name.trim()) fields.name = t.nameMissing;
  if (!POSTCODE.test(draft.postcode)) fields.postcode = t.postcodeInvalid;
  if (draft.number.trim() && !/^\d{1,5}$/.test(draft.number.trim())) fields.number = t.numberInvalid;
  if (!draft.street.trim()) fields.street = t.streetMissing;
  if (!draft.city.trim()) fields.city = t.cityMissing;
  if (coordinate(draft.lat, 90) === null) fields.lat = t.latInvalid;
  if (coordinate(draft.lon, 180) === null) fields.lon = t.lonInvalid;
  if (draft.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) fields.email = t.emailInvalid;
  if (draft.url.trim() && !/^https?:\/\/\S+$/.test(draft.url.trim())) fields.url = t.urlInvalid;
  return { fields, hours: checkHours(draft.hours) };
}

export const hasErrors = (errors: DraftErrors) => Object.keys(errors.fields).length > 0 || errors.hours.size > 0;

/** Leaves out empty optional strings: the API keeps "not given" apart from "empty". */
function compact<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '' && v !== undefined)) as Partial<T>;
}

/** Every field of the location as the API takes it (a checked draft). */
export function payloadOf(draft: LocationDraft): Required<Omit<LocationPatch, 'openingHours' | 'insideLibrary' | 'languages'>> {
  return {
    name: draft.name.trim(),
    address: {
      street: joinStreet(draft.street, draft.number, draft.addition),
      postcode: normalisePostcode(draft.postcode),
      city: draft.city.trim(),
      ...compact({ municipality: draft.municipality.trim(), province: draft.province.trim() }),
    },
    coordinates: { lat: coordinate(draft.lat, 90)!, lon: coordinate(draft.lon, 180)! },
    walkInHours: hoursPayload(draft.hours),
    exceptions: draft.exceptions.map((e) =>
      e.closed
        ? { date: e.date, closed: true as const, ...compact({ note: e.note }) }
        : { date: e.date, opens: e.opens!, closes: e.closes!, ...compact({ note: e.note }) },
    ),
    closedOnHolidays: [...draft.closedOnHolidays],
    accessibility: { wheelchair: draft.wheelchair, hearingLoop: draft.hearingLoop, ...compact({ notes: draft.accessNotes.trim() }) },
    contact: compact({ phone: draft.phone.trim(), email: draft.email.trim(), url: draft.url.trim() }),
    variant: draft.variant,
  };
}

type Payload = ReturnType<typeof payloadOf>;
export type PayloadField = keyof Payload;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The top-level fields of `draft` that differ from `original` (what the coordinator changed). */
export function changedFields(draft: LocationDraft, original: LocationDraft): PayloadField[] {
  const mine = payloadOf(draft);
  const before = payloadOf(original);
  return (Object.keys(mine) as PayloadField[]).filter((k) => !same(mine[k], before[k]));
}

/** The PATCH of the changed fields; each list sent whole, as the form shows it. */
export function patchOf(draft: LocationDraft, fields: PayloadField[]): LocationPatch {
  const payload = payloadOf(draft);
  return Object.fromEntries(fields.map((k) => [k, payload[k]])) as LocationPatch;
}

/**
 * After a 412: the coordinator's changes on top of the newer version. Fields they changed take
 * their value, except the exceptions, which take the newer list with their additions and removals
 * applied (so someone else's new closure is not dropped); everything else is the newer version's.
 */
export function rebase(mine: LocationDraft, original: LocationDraft, latest: LocationDraft): LocationDraft {
  const changed = new Set(changedFields(mine, original));
  const out: LocationDraft = { ...latest };
  const take = <K extends keyof LocationDraft>(...keys: K[]) => {
    for (const k of keys) out[k] = mine[k];
  };
  if (changed.has('name')) take('name');
  if (changed.has('address')) take('postcode', 'number', 'addition', 'street', 'city', 'municipality', 'province');
  if (changed.has('coordinates')) take('lat', 'lon');
  if (changed.has('walkInHours')) take('hours');
  if (changed.has('closedOnHolidays')) take('closedOnHolidays');
  if (changed.has('accessibility')) take('wheelchair', 'hearingLoop', 'accessNotes');
  if (changed.has('contact')) take('phone', 'email', 'url');
  if (changed.has('variant')) take('variant');
  if (changed.has('exceptions')) {
    const key = (e: ExceptionRow) => JSON.stringify([e.date, e.closed, e.opens, e.closes, e.note ?? '']);
    const before = new Set(original.exceptions.map(key));
    const now = new Set(mine.exceptions.map(key));
    const removed = new Set([...before].filter((k) => !now.has(k)));
    const added = mine.exceptions.filter((e) => !before.has(key(e)));
    const addedDates = new Set(added.map((e) => e.date));
    out.exceptions = [...latest.exceptions.filter((e) => !removed.has(key(e)) && !addedDates.has(e.date)), ...added].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
  }
  return out;
}

/** A new exception, checked: the date typed (`28-12-2026`), closed or other hours. */
export interface ExceptionInput {
  date: string;
  closed: boolean;
  opens: string;
  closes: string;
  note: string;
}

export type ExceptionProblem =
  | { field: 'date'; kind: 'format' | 'exists' }
  | { field: 'opens' | 'closes'; kind: 'format' }
  | { field: 'closes'; kind: 'order' };

/** The exception to add, or what is wrong with it. */
export function checkException(input: ExceptionInput, existing: ExceptionRow[]): { row: ExceptionRow } | { problem: ExceptionProblem } {
  const date = parseDutchDate(input.date);
  if (!date) return { problem: { field: 'date', kind: 'format' } };
  if (existing.some((e) => e.date === date)) return { problem: { field: 'date', kind: 'exists' } };
  const note = input.note.trim() || undefined;
  if (input.closed) return { row: { date, closed: true, note } };
  const opens = parseTime(input.opens);
  if (!opens) return { problem: { field: 'opens', kind: 'format' } };
  const closes = parseTime(input.closes);
  if (!closes) return { problem: { field: 'closes', kind: 'format' } };
  if (closes <= opens) return { problem: { field: 'closes', kind: 'order' } };
  return { row: { date, closed: false, opens, closes, note } };
}

export { formatDutchDate };
