/**
 * schema.org JSON-LD for a public IDO location, so that search engines and maps can show the desk,
 * its address and its walk-in hours. The desk is a `GovernmentOffice` (a government information
 * point); when it sits in a library, that library is its `containedInPlace`.
 */
import { HOLIDAY_CODES, holidaysOf, type HolidayCode } from '../../sdk/holidays.js';
import { addDays, amsterdamParts } from '../../sdk/opening-hours.js';
import type { PublicLocationView } from './nearest.js';

const DAY_URLS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => `https://schema.org/${d}`);

/** How far ahead holiday closures are listed. */
const HOLIDAY_HORIZON_DAYS = 365;

type Hours = { day: number; opens: string; closes: string }[];

/** Weekly ranges as OpeningHoursSpecification, days with the same hours together. */
export function weeklySpecification(hours: Hours) {
  const groups = new Map<string, { opens: string; closes: string; days: number[] }>();
  for (const r of [...hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))) {
    if (r.day < 1 || r.day > 7) continue;
    const key = `${r.opens}-${r.closes}`;
    const g = groups.get(key) ?? { opens: r.opens, closes: r.closes, days: [] };
    if (!g.days.includes(r.day)) g.days.push(r.day);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: g.days.length === 1 ? DAY_URLS[g.days[0] - 1] : g.days.map((d) => DAY_URLS[d - 1]),
    opens: g.opens,
    closes: g.closes,
  }));
}

/** A day closed is written as opens = closes = 00:00, as schema.org describes. */
const closedOn = (date: string) => ({
  '@type': 'OpeningHoursSpecification',
  validFrom: date,
  validThrough: date,
  opens: '00:00',
  closes: '00:00',
});

/**
 * Exceptions from today on, and the holidays within a year on which the desk would otherwise be
 * open but is closed, as specialOpeningHoursSpecification.
 */
export function specialSpecification(location: Pick<PublicLocationView, 'walkInHours' | 'exceptions' | 'closedOnHolidays'>, now: Date) {
  const today = amsterdamParts(now).date;
  const specs: { date: string; spec: Record<string, unknown> }[] = [];
  const exceptionDates = new Set<string>();
  for (const e of location.exceptions as { date?: string; closed?: boolean; opens?: string; closes?: string }[]) {
    if (typeof e.date !== 'string' || e.date < today) continue;
    exceptionDates.add(e.date);
    specs.push({
      date: e.date,
      spec:
        e.closed === true || !e.opens || !e.closes
          ? closedOn(e.date)
          : { '@type': 'OpeningHoursSpecification', validFrom: e.date, validThrough: e.date, opens: e.opens, closes: e.closes },
    });
  }
  const closed = new Set(location.closedOnHolidays.filter((c): c is HolidayCode => (HOLIDAY_CODES as readonly string[]).includes(c)));
  const horizon = addDays(today, HOLIDAY_HORIZON_DAYS);
  const openDays = new Set(location.walkInHours.map((r) => r.day));
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (const h of holidaysOf(y)) {
      if (!closed.has(h.code) || h.date < today || h.date > horizon || exceptionDates.has(h.date)) continue;
      if (!openDays.has(isoWeekday(h.date))) continue; // closed that weekday anyway
      exceptionDates.add(h.date); // two holidays on one date give one entry
      specs.push({ date: h.date, spec: closedOn(h.date) });
    }
  }
  // A closed day wins over hours given for the same date.
  const closedDates = new Set(specs.filter((s) => s.spec.opens === '00:00' && s.spec.closes === '00:00').map((s) => s.date));
  return specs
    .filter((s) => !closedDates.has(s.date) || (s.spec.opens === '00:00' && s.spec.closes === '00:00'))
    .filter(
      (s, i, all) => all.findIndex((o) => o.date === s.date && o.spec.opens === s.spec.opens && o.spec.closes === s.spec.closes) === i,
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : String(a.spec.opens).localeCompare(String(b.spec.opens))))
    .map((s) => s.spec);
}

function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

export interface JsonLdOptions {
  /** The instant that decides which exceptions and holidays are still ahead. */
  now: Date;
  /** A URL that identifies the location (becomes `@id`). */
  id?: string;
}

/** The JSON-LD document of a location. */
export function locationJsonLd(location: PublicLocationView, options: JsonLdOptions): Record<string, unknown> {
  const contact = location.contact as { phone?: string; email?: string; url?: string };
  const accessibility = location.accessibility as { wheelchair?: boolean; hearingLoop?: boolean };
  const address = {
    '@type': 'PostalAddress',
    streetAddress: location.address.street,
    postalCode: location.address.postcode,
    addressLocality: location.address.city,
    ...(location.address.province ? { addressRegion: location.address.province } : {}),
    addressCountry: 'NL',
  };
  const amenities = [
    ...(typeof accessibility.wheelchair === 'boolean'
      ? [{ '@type': 'LocationFeatureSpecification', name: 'Rolstoeltoegankelijk', value: accessibility.wheelchair }]
      : []),
    ...(typeof accessibility.hearingLoop === 'boolean'
      ? [{ '@type': 'LocationFeatureSpecification', name: 'Ringleiding', value: accessibility.hearingLoop }]
      : []),
  ];
  const special = specialSpecification(location, options.now);
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOffice',
    ...(options.id ? { '@id': options.id } : {}),
    name: location.name,
    description: 'Informatiepunt Digitale Overheid: gratis hulp bij digitale overheidszaken.',
    address,
    geo: { '@type': 'GeoCoordinates', latitude: location.coordinates.lat, longitude: location.coordinates.lon },
    ...(contact.phone ? { telephone: contact.phone } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.url ? { url: contact.url } : {}),
    isAccessibleForFree: true,
    publicAccess: true,
    ...(location.languages.length ? { availableLanguage: location.languages } : {}),
    openingHoursSpecification: weeklySpecification(location.walkInHours),
    ...(special.length ? { specialOpeningHoursSpecification: special } : {}),
    ...(amenities.length ? { amenityFeature: amenities } : {}),
    ...(location.organisationName ? { parentOrganization: { '@type': 'Organization', name: location.organisationName } } : {}),
    ...(location.insideLibrary
      ? {
          containedInPlace: {
            '@type': 'Library',
            ...(location.organisationName ? { name: location.organisationName } : {}),
            address,
            ...(location.openingHours.length ? { openingHoursSpecification: weeklySpecification(location.openingHours) } : {}),
          },
        }
      : {}),
  };
}
