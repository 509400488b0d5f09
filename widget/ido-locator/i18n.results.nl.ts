/**
 * The locator's texts that are needed only once a search has answered, in Dutch ("u"): the result
 * cards, the status line, the problems the server can report and the map. Part of the search chunk
 * (search-client.ts), with the cards that use them, so the element's first paint does not carry
 * them; the English ones are a chunk of their own (i18n.results.en.ts).
 */
export const nl = {
  unknownPostcode: 'We kennen deze postcode niet. Controleer de postcode of gebruik uw locatie.',
  unknownPlace: 'We kennen deze plaats niet. Controleer de naam of vul uw postcode in.',
  /** The server could not look the postcode or place up just now. */
  lookupUnavailable: 'We kunnen dit nu niet opzoeken. Gebruik uw locatie of probeer het later opnieuw.',
  serverError: 'Het zoeken is niet gelukt. Dat ligt niet aan u. Probeer het over een paar minuten opnieuw.',
  tooManyRequests: 'Er wordt nu heel veel gezocht. Wacht een minuut en probeer het dan opnieuw.',
  /** `where` is a postcode ("3511 AB"), a place ("Utrecht") or {@link yourLocation}. */
  found: (count: number, where: string) =>
    count === 1 ? `1 informatiepunt gevonden bij ${where}` : `${count} informatiepunten gevonden bij ${where}`,
  noneFound: (where: string) => `Geen informatiepunten gevonden bij ${where}. Probeer een andere postcode.`,
  yourLocation: 'uw locatie',
  distance: (label: string) => `${label} hiervandaan`,
  today: (hours: string) => `Vandaag: ${hours}`,
  /** "10:00 tot 13:00". */
  range: (opens: string, closes: string) => `${opens} tot ${closes}`,
  /** Joins the ranges of one day. */
  and: ' en ',
  closed: 'gesloten',
  showHours: 'Toon alle openingstijden',
  /** The same button once the week is open. */
  hideHours: 'Verberg de openingstijden',
  hoursCaption: (name: string) => `Openingstijden van het informatiepunt in ${name}`,
  todayMark: '(vandaag)',
  /** Heading above dates in the next two weeks whose hours differ from the usual week. */
  otherHours: 'Let op, andere tijden:',
  /** Beside a day of the coming week whose hours are not the usual ones (and not a holiday, which is named instead). */
  otherThanUsual: 'andere tijden dan normaal',
  /** The postcode was found only as its four-digit area (`area`: "9999"); `postcode` is what the visitor typed. */
  approximate: (postcode: string, area: string) =>
    postcode.replace(/\s/g, '') === area
      ? `We zoeken vanaf het midden van postcodegebied ${area}. De afstanden kloppen daarom ongeveer.`
      : `We kennen postcode ${postcode} niet precies. We zoeken vanaf het midden van postcodegebied ${area}. De afstanden kloppen daarom ongeveer.`,
  /** The nearest one is more than 25 km away (`distance`: "154 km"). */
  farAway: (distance: string) => `Er is geen informatiepunt dichtbij. Het dichtstbijzijnde is ${distance} hiervandaan.`,
  /** Credit for the postcode areas, shown when the answer used them (CC BY 4.0 asks for it). */
  pc4Credit: 'Postcodegebieden: © GeoNames (geonames.org), CC BY 4.0',
  /** Monday first. */
  weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  address: 'Adres',
  route: 'Route plannen',
  routeTo: (name: string) => ` naar ${name}`,
  newWindow: '(opent in nieuw venster)',
  call: (phone: string) => `Bel ${phone}`,
  wheelchair: 'Rolstoeltoegankelijk',
  noWheelchair: 'Niet toegankelijk met een rolstoel',
  hearingLoop: 'Ringleiding',
  noHearingLoop: 'Geen ringleiding',
  languages: (list: string) => `Talen: ${list}`,
  choose: 'Kies dit informatiepunt',
  mapLabel: 'Kaart met de informatiepunten',
  mapLoading: 'De kaart wordt geladen…',
  mapFailed: 'De kaart kon niet worden geladen. In de lijst hierboven staat alles wat u nodig heeft.',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  /** Accessible name of a map marker: "1. Bibliotheek Neude". */
  marker: (number: number, name: string) => `${number}. ${name}`,
};

export type ResultTexts = typeof nl;
