/** Dutch and English wording of every problem title and field error the API answers with. */
export type { Lang } from '../../sdk/schemas/common.js';
import type { Lang } from '../../sdk/schemas/common.js';

export const PROBLEM_TYPES = {
  'bad-request': { status: 400, nl: 'Het verzoek kan niet worden gelezen', en: 'The request cannot be read' },
  unauthorized: { status: 401, nl: 'Niet ingelogd of ongeldige sleutel', en: 'Not logged in or invalid key' },
  forbidden: { status: 403, nl: 'Dit mag niet met deze inlog of sleutel', en: 'Not allowed with these credentials' },
  'not-found': { status: 404, nl: 'Niet gevonden', en: 'Not found' },
  conflict: { status: 409, nl: 'Dit botst met wat al is opgeslagen', en: 'This conflicts with what is stored' },
  'payload-too-large': { status: 413, nl: 'Het verzoek is te groot', en: 'The request is too large' },
  'unsupported-media-type': { status: 415, nl: 'Verkeerd soort inhoud: stuur JSON', en: 'Wrong content type: send JSON' },
  validation: { status: 422, nl: 'Niet alle gegevens kloppen', en: 'Some fields are not valid' },
  'precondition-failed': { status: 412, nl: 'Iemand anders heeft dit net gewijzigd', en: 'Someone else has just changed this' },
  'rate-limited': { status: 429, nl: 'Te veel verzoeken. Probeer het zo opnieuw', en: 'Too many requests. Try again shortly' },
  internal: { status: 500, nl: 'Er ging iets mis bij ons', en: 'Something went wrong on our side' },
  unavailable: { status: 503, nl: 'De dienst is even niet bereikbaar', en: 'The service is unavailable' },
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

/** Field-error codes with their messages; `{x}` is filled from params. */
export const FIELD_MESSAGES: Record<string, { nl: string; en: string }> = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  'invalid-type': { nl: 'Verkeerd soort waarde: verwacht {expected}.', en: 'Wrong kind of value: expected {expected}.' },
  'unknown-field': { nl: 'Dit veld bestaat niet.', en: 'This field does not exist.' },
  'too-long': { nl: 'Te lang: maximaal {maximum}.', en: 'Too long: at most {maximum}.' },
  'too-short': { nl: 'Te kort: minimaal {minimum}.', en: 'Too short: at least {minimum}.' },
  'too-big': { nl: 'Te groot: maximaal {maximum}.', en: 'Too large: at most {maximum}.' },
  'too-small': { nl: 'Te klein: minimaal {minimum}.', en: 'Too small: at least {minimum}.' },
  'invalid-format': { nl: 'Deze waarde heeft niet de goede vorm.', en: 'This value does not have the right format.' },
  // The wording of 'invalid-format' for a known form (params.format); the code stays 'invalid-format'.
  'invalid-format:date': { nl: 'Vul een datum in als 2026-12-28 (jaar-maand-dag).', en: 'Enter a date as 2026-12-28 (year-month-day).' },
  'invalid-format:time': { nl: 'Vul een tijd in als 09:30 (uren:minuten).', en: 'Enter a time as 09:30 (hours:minutes).' },
  'invalid-format:postcode': {
    nl: 'Vul een postcode in van vier cijfers en twee letters, zoals 3511 AB.',
    en: 'Enter a postcode of four digits and two letters, such as 3511 AB.',
  },
  'invalid-format:house-number': {
    nl: 'Vul een huisnummer in met alleen cijfers, zoals 11. Een letter of toevoeging komt in het veld erna.',
    en: 'Enter a house number in digits only, such as 11. A letter or addition goes in the next field.',
  },
  'invalid-value': { nl: 'Deze waarde is niet toegestaan.', en: 'This value is not allowed.' },
  'invalid-character': {
    nl: 'Hier staat een teken in dat we niet kunnen opslaan, zoals een stuurteken. Haal het weg of typ de tekst opnieuw.',
    en: 'This contains a character that cannot be stored, such as a control character. Remove it, or type the text again.',
  },
  'unknown-code': { nl: 'Onbekende code "{code}" in de lijst {list}.', en: 'Unknown code "{code}" in the list {list}.' },
  'unknown-id': { nl: 'Niet gevonden: "{id}".', en: 'Not found: "{id}".' },
  'personal-data': {
    nl: 'Hier staat een {kind} in. Persoonsgegevens mogen niet worden opgeslagen.',
    en: 'This contains a {kind}. Personal data may not be stored.',
  },
  future: { nl: 'Dit tijdstip ligt in de toekomst.', en: 'This time is in the future.' },
  'time-order': { nl: 'De begintijd moet voor de eindtijd liggen.', en: 'The start time must be before the end time.' },
  'referral-target': { nl: 'Kies een partner of een soort partner.', en: 'Choose a partner or a kind of partner.' },
  'location-required': { nl: 'Kies een locatie.', en: 'Choose a location.' },
  'not-allowed': { nl: 'Dit mag niet met deze inlog of sleutel.', en: 'Not allowed with these credentials.' },
  exists: { nl: 'Dit bestaat al.', en: 'This already exists.' },
  'exactly-one': { nl: 'Geef precies één van: {fields}.', en: 'Give exactly one of: {fields}.' },
  'invalid-postcode': {
    nl: 'Dit is geen postcode. Een postcode is vier cijfers en twee letters, zoals 3511 AB.',
    en: 'This is not a postcode. A postcode is four digits and two letters, such as 3511 AB.',
  },
  'unknown-postcode': {
    nl: 'We kennen deze postcode niet. Controleer de postcode of kies ‘Gebruik mijn locatie’.',
    en: 'We do not know this postcode. Check it, or choose ‘Use my location’.',
  },
  'unknown-place': {
    nl: 'We kennen deze plaats niet. Zoek op postcode of kies ‘Gebruik mijn locatie’.',
    en: 'We do not know this place. Search by postcode, or choose ‘Use my location’.',
  },
  'geocoder-unavailable': {
    nl: 'We kunnen dit nu niet opzoeken. Kies ‘Gebruik mijn locatie’ of probeer het later opnieuw.',
    en: 'We cannot look this up right now. Choose ‘Use my location’, or try again later.',
  },
  'invalid-postcode-pc6': {
    nl: 'Vul een postcode in van vier cijfers en twee letters, zoals 3511 AB.',
    en: 'Enter a postcode of four digits and two letters, such as 3511 AB.',
  },
  'unknown-address': {
    nl: 'We vinden geen adres bij deze postcode. Controleer de postcode, of vul het adres en de coördinaten zelf in.',
    en: 'We find no address at this postcode. Check it, or fill in the address and coordinates yourself.',
  },
  'address-lookup-unavailable': {
    nl: 'We kunnen het adres nu niet opzoeken. Vul het adres en de coördinaten zelf in, of probeer het later opnieuw.',
    en: 'We cannot look up the address right now. Fill in the address and coordinates yourself, or try again later.',
  },
  'precondition-failed': {
    nl: 'Iemand anders heeft dit net gewijzigd. Laad het opnieuw en probeer het nog eens.',
    en: 'Someone else has just changed this. Reload it and try again.',
  },
  'invalid-near': { nl: 'Geef breedtegraad,lengtegraad, zoals 52.09,5.12.', en: 'Give latitude,longitude, such as 52.09,5.12.' },
};

export function fieldMessage(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const specific = typeof params.format === 'string' ? FIELD_MESSAGES[`${code}:${params.format}`] : undefined;
  const template = (specific ?? FIELD_MESSAGES[code])?.[lang] ?? FIELD_MESSAGES['invalid-value'][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Picks nl or en from `?lang` or `Accept-Language`; Dutch unless English is asked for. */
export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'nl') return query;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}
