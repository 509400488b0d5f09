/**
 * The locator's texts that are needed only once a search has answered: the result cards, the
 * status line, the problems the server can report and the map, in Dutch ("u") and English. Part of
 * the search chunk (search-client.ts), with the cards that use them, so the element's first paint
 * does not carry them; both languages, because the chunk is small and a language switch then
 * needs nothing more.
 */
import type { Lang } from '../../sdk/schemas/common.js';

export interface ResultMessages {
  unknownPostcode: string;
  unknownPlace: string;
  /** The server could not look the postcode or place up just now. */
  lookupUnavailable: string;
  serverError: string;
  tooManyRequests: string;
  /** `where` is a postcode ("3511 AB"), a place ("Utrecht") or {@link yourLocation}. */
  found: (count: number, where: string) => string;
  noneFound: (where: string) => string;
  yourLocation: string;
  distance: (label: string) => string;
  today: (hours: string) => string;
  /** "10:00 tot 13:00". */
  range: (opens: string, closes: string) => string;
  /** Joins the ranges of one day. */
  and: string;
  closed: string;
  showHours: string;
  hoursCaption: (name: string) => string;
  todayMark: string;
  /** Heading above dates in the next two weeks whose hours differ from the usual week. */
  otherHours: string;
  /** Monday first. */
  weekdays: readonly string[];
  months: readonly string[];
  address: string;
  route: string;
  routeTo: (name: string) => string;
  newWindow: string;
  call: (phone: string) => string;
  wheelchair: string;
  noWheelchair: string;
  hearingLoop: string;
  noHearingLoop: string;
  languages: (list: string) => string;
  choose: string;
  mapLabel: string;
  mapLoading: string;
  mapFailed: string;
  zoomIn: string;
  zoomOut: string;
  /** Accessible name of a map marker: "1. Bibliotheek Neude". */
  marker: (number: number, name: string) => string;
}

const nl: ResultMessages = {
  unknownPostcode: 'We kennen deze postcode niet. Controleer de postcode of gebruik uw locatie.',
  unknownPlace: 'We kennen deze plaats niet. Controleer de naam of vul uw postcode in.',
  lookupUnavailable: 'We kunnen dit nu niet opzoeken. Gebruik uw locatie of probeer het later opnieuw.',
  serverError: 'Het zoeken is niet gelukt. Dat ligt niet aan u. Probeer het over een paar minuten opnieuw.',
  tooManyRequests: 'Er wordt nu heel veel gezocht. Wacht een minuut en probeer het dan opnieuw.',
  found: (count, where) =>
    count === 1 ? `1 informatiepunt gevonden bij ${where}` : `${count} informatiepunten gevonden bij ${where}`,
  noneFound: (where) => `Geen informatiepunten gevonden bij ${where}. Probeer een andere postcode.`,
  yourLocation: 'uw locatie',
  distance: (label) => `${label} hiervandaan`,
  today: (hours) => `Vandaag: ${hours}`,
  range: (opens, closes) => `${opens} tot ${closes}`,
  and: ' en ',
  closed: 'gesloten',
  showHours: 'Toon alle openingstijden',
  hoursCaption: (name) => `Openingstijden van het informatiepunt in ${name}`,
  todayMark: '(vandaag)',
  otherHours: 'Let op, andere tijden:',
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  address: 'Adres',
  route: 'Route plannen',
  routeTo: (name) => ` naar ${name}`,
  newWindow: '(opent in nieuw venster)',
  call: (phone) => `Bel ${phone}`,
  wheelchair: 'Rolstoeltoegankelijk',
  noWheelchair: 'Niet toegankelijk met een rolstoel',
  hearingLoop: 'Ringleiding',
  noHearingLoop: 'Geen ringleiding',
  languages: (list) => `Talen: ${list}`,
  choose: 'Kies dit informatiepunt',
  mapLabel: 'Kaart met de informatiepunten',
  mapLoading: 'De kaart wordt geladen…',
  mapFailed: 'De kaart kon niet worden geladen. In de lijst hierboven staat alles wat u nodig heeft.',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  marker: (number, name) => `${number}. ${name}`,
};

const en: ResultMessages = {
  unknownPostcode: 'We do not know this postcode. Check the postcode or use your location.',
  unknownPlace: 'We do not know this place. Check the name or enter your postcode.',
  lookupUnavailable: 'We cannot look this up right now. Use your location or try again later.',
  serverError: 'The search did not work. This is not your fault. Try again in a few minutes.',
  tooManyRequests: 'Many people are searching right now. Wait a minute and then try again.',
  found: (count, where) =>
    count === 1 ? `1 information point found near ${where}` : `${count} information points found near ${where}`,
  noneFound: (where) => `No information points found near ${where}. Try another postcode.`,
  yourLocation: 'your location',
  distance: (label) => `${label} away`,
  today: (hours) => `Today: ${hours}`,
  range: (opens, closes) => `${opens} to ${closes}`,
  and: ' and ',
  closed: 'closed',
  showHours: 'Show all opening hours',
  hoursCaption: (name) => `Opening hours of the information point at ${name}`,
  todayMark: '(today)',
  otherHours: 'Please note, different hours:',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  address: 'Address',
  route: 'Plan a route',
  routeTo: (name) => ` to ${name}`,
  newWindow: '(opens in a new window)',
  call: (phone) => `Call ${phone}`,
  wheelchair: 'Wheelchair accessible',
  noWheelchair: 'Not accessible by wheelchair',
  hearingLoop: 'Hearing loop',
  noHearingLoop: 'No hearing loop',
  languages: (list) => `Languages: ${list}`,
  choose: 'Choose this information point',
  mapLabel: 'Map of the information points',
  mapLoading: 'Loading the map…',
  mapFailed: 'The map could not be loaded. The list above has everything you need.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  marker: (number, name) => `${number}. ${name}`,
};

export const resultTexts: Record<Lang, ResultMessages> = { nl, en };
