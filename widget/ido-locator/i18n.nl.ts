/** Dutch texts of `<ido-locator>`: plain Dutch (B1), the visitor addressed as "u". */

/** Every text the locator shows; the English file implements the same shape. */
export interface LocatorMessages {
  heading: string;
  intro: string;
  postcodeLabel: string;
  postcodeHint: string;
  search: string;
  useLocation: string;
  /** Visually hidden prefix of an error, so a screen reader says it is one. */
  errorPrefix: string;
  invalidPostcode: string;
  unknownPostcode: string;
  unknownPlace: string;
  /** The server could not look the postcode or place up just now. */
  lookupUnavailable: string;
  locationDenied: string;
  locationUnavailable: string;
  networkError: string;
  serverError: string;
  tooManyRequests: string;
  retry: string;
  searching: string;
  locating: string;
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
  dayHeader: string;
  hoursHeader: string;
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

export const nl: LocatorMessages = {
  heading: 'Vind een Informatiepunt Digitale Overheid',
  intro: 'Gratis hulp bij vragen over de overheid. U hoeft geen lid te zijn van de bibliotheek.',
  postcodeLabel: 'Uw postcode',
  postcodeHint: 'Bijvoorbeeld 3511 AB',
  search: 'Zoek',
  useLocation: 'Gebruik mijn locatie',
  errorPrefix: 'Let op: ',
  invalidPostcode: 'Vul een postcode in, bijvoorbeeld 3511 AB',
  unknownPostcode: 'We kennen deze postcode niet. Controleer de postcode of gebruik uw locatie.',
  unknownPlace: 'We kennen deze plaats niet. Controleer de naam of vul uw postcode in.',
  lookupUnavailable: 'We kunnen dit nu niet opzoeken. Gebruik uw locatie of probeer het later opnieuw.',
  locationDenied: 'U heeft uw locatie niet gedeeld. Vul uw postcode in.',
  locationUnavailable: 'We konden uw locatie niet vinden. Vul uw postcode in.',
  networkError: 'Er is geen verbinding. Controleer of u internet heeft. Probeer het daarna opnieuw.',
  serverError: 'Het zoeken is niet gelukt. Dat ligt niet aan u. Probeer het over een paar minuten opnieuw.',
  tooManyRequests: 'Er wordt nu heel veel gezocht. Wacht een minuut en probeer het dan opnieuw.',
  retry: 'Probeer opnieuw',
  searching: 'Bezig met zoeken…',
  locating: 'Bezig met het zoeken van uw locatie…',
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
  dayHeader: 'Dag',
  hoursHeader: 'Open',
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
