/** Dutch texts of the body of `<ido-beheer>` (admin.ts and its sections): plain Dutch (B1) for library staff, addressed as "je". */

const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `2026-12-24` → "donderdag 24 december 2026" (the weekday from the date itself, not the computer's zone). */
const longDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${DAYS[weekday]} ${d} ${MONTHS[m - 1]} ${y}`;
};

export const nl = {
  /** Visually hidden prefix of an error, so a screen reader says it is one. */
  errorPrefix: 'Fout: ',
  heading: 'Beheer Informatiepunt Digitale Overheid',
  loginHeading: 'Inloggen voor beheer',
  loginIntro: 'Log in met je account van het IDO-registratiesysteem. Dan kun je je locaties, inlooptijden en uitzonderingen beheren.',
  navLabel: 'Onderdelen van beheer',
  sections: { locations: 'Locaties' },

  // The list.
  locationsIntro: 'Hier staan de IDO-locaties van je organisatie. Het publiek vindt ze in de locatiezoeker, de balies registreren erop.',
  search: 'Zoek een locatie',
  searchHint: 'Op naam, plaats of postcode.',
  newLocation: 'Nieuwe locatie',
  loadingList: 'De locaties worden geladen…',
  listFailed: 'De locaties konden niet worden geladen. Probeer het opnieuw.',
  retry: 'Probeer opnieuw',
  none: 'Je organisatie heeft nog geen locaties. Begin met een nieuwe locatie.',
  noMatch: (q: string) => `Geen locatie gevonden met „${q}”. Zoek op een ander woord.`,
  count: (n: number, of: number) => (n === of ? `${n} ${n === 1 ? 'locatie' : 'locaties'}` : `${n} van ${of} locaties`),
  edit: 'Wijzig',
  editNamed: (name: string) => `Wijzig ${name}`,
  hoursSummary: (days: number) => (days === 0 ? 'Geen inlooptijden' : `Inloop op ${days} ${days === 1 ? 'dag' : 'dagen'} per week`),

  // The form.
  newHeading: 'Nieuwe locatie',
  editHeading: (name: string) => `${name} wijzigen`,
  back: 'Terug naar de locaties',
  loadingOne: 'De locatie wordt geladen…',
  errorSummary: 'Er gaat nog iets mis. Kijk bij deze velden:',
  name: 'Naam van de locatie',
  nameHint: 'Zoals het publiek de locatie kent, bijvoorbeeld Bibliotheek Neude.',
  addressLegend: 'Adres',
  addressHint: 'Vul de postcode en het huisnummer in en kies "Zoek adres op". Dan vullen we de rest in.',
  postcode: 'Postcode',
  number: 'Huisnummer',
  addition: 'Letter of toevoeging',
  optional: '(niet verplicht)',
  lookUp: 'Zoek adres op',
  lookingUp: 'Het adres wordt opgezocht…',
  street: 'Straat',
  city: 'Plaats',
  municipality: 'Gemeente',
  province: 'Provincie',
  coordinatesLegend: 'Plek op de kaart',
  coordinatesHint: 'De locatiezoeker rekent hiermee de afstand uit. Na "Zoek adres op" staan ze er al.',
  lat: 'Breedtegraad',
  lon: 'Lengtegraad',
  found: (line: string) => `Adres gevonden: ${line}. Controleer het. Klopt iets niet, pas het dan hieronder aan.`,
  foundPostcode: (street: string) => `We vonden de straat (${street}) bij deze postcode, maar niet het huisnummer. Controleer de straat en de plek op de kaart.`,
  foundPc4: (pc4: string) => `We weten alleen in welk postcodegebied (${pc4}) dit adres ligt, niet het precieze adres. Vul de straat, de plaats en de gemeente zelf in. De plek op de kaart wijst nu naar het midden van het gebied: pas de breedte- en lengtegraad aan als je ze weet.`,
  lookUpFailed: 'Het adres opzoeken lukt nu niet. Vul het adres en de plek op de kaart zelf in.',
  lookUpNeedsPostcode: 'Vul eerst een postcode en een huisnummer in.',

  nameMissing: 'Vul de naam van de locatie in.',
  postcodeInvalid: 'Vul een postcode in van vier cijfers en twee letters, zoals 3511 AB.',
  numberInvalid: 'Vul een huisnummer in met alleen cijfers, zoals 11. Een letter of toevoeging komt in het veld erna.',
  streetMissing: 'Vul de straat in.',
  cityMissing: 'Vul de plaats in.',
  latInvalid: 'Vul de breedtegraad in als een getal, zoals 52.0907.',
  lonInvalid: 'Vul de lengtegraad in als een getal, zoals 5.1214.',
  emailInvalid: 'Vul een e-mailadres in zoals info@bibliotheek.nl.',
  urlInvalid: 'Vul een webadres in dat begint met https://, zoals https://www.bibliotheek.nl.',

  // Walk-in hours.
  hoursLegend: 'Inlooptijden',
  hoursHint: 'Per dag een of meer tijdvakken, zoals 10:00 tot 13:00. Een dag zonder tijdvak is de locatie dicht.',
  days: DAYS.map(cap),
  closedDay: 'Dicht',
  opens: 'Van',
  closes: 'Tot',
  timeHint: 'uu:mm',
  addRange: 'Tijdvak toevoegen',
  addRangeOn: (day: string) => `op ${day}`,
  removeRange: 'Verwijder',
  removeRangeOf: (day: string, opens: string, closes: string) => `tijdvak ${opens || '…'} tot ${closes || '…'} op ${day}`,
  copyWorkdays: 'Kopieer naar alle werkdagen',
  copyWorkdaysOf: (day: string) => `de tijden van ${day}`,
  copied: (day: string) => `De tijden van ${day} staan nu ook bij de andere werkdagen.`,
  opensFormat: 'Vul de begintijd in als 09:30.',
  closesFormat: 'Vul de eindtijd in als 13:00.',
  order: (opens: string) => `De eindtijd ligt voor de begintijd. Kies een eindtijd na ${opens}.`,
  overlap: (opens: string, closes: string) => `Dit tijdvak overlapt met ${opens} tot ${closes} op dezelfde dag. Kies tijden die elkaar niet raken, of maak er één tijdvak van.`,

  // Exceptions.
  exceptionsLegend: 'Uitzonderingen',
  exceptionsHint: 'Dagen waarop de locatie dicht is of andere tijden heeft, zoals 24 december.',
  noExceptions: 'Er zijn geen uitzonderingen gepland.',
  closedOn: (iso: string) => `Gesloten op ${longDate(iso)}`,
  otherHoursOn: (iso: string, opens: string, closes: string) => `Andere tijden op ${longDate(iso)}: ${opens} tot ${closes}`,
  pastExceptions: (n: number) => `Eerdere uitzonderingen (${n})`,
  removeException: 'Verwijder',
  removeExceptionOf: (line: string) => line,
  addException: 'Uitzondering toevoegen',
  date: 'Datum',
  dateHint: 'Bijvoorbeeld 28-12-2026.',
  exceptionKind: 'Wat is er anders?',
  kindClosed: 'Gesloten',
  kindHours: 'Andere tijden',
  note: 'Toelichting',
  noteHint: 'Bijvoorbeeld: Kerstavond. Geen persoonsgegevens.',
  add: 'Voeg toe',
  dateFormat: 'Vul een datum in als 28-12-2026 (dag-maand-jaar).',
  dateExists: 'Voor deze datum is al een uitzondering. Verwijder die eerst als je hem wilt veranderen.',
  added: (line: string) => `Toegevoegd: ${line}.`,
  removed: (line: string) => `Verwijderd: ${line}.`,

  // Holidays, accessibility, contact, variant.
  holidaysLegend: 'Dicht op feestdagen',
  holidaysHint: 'Vink de feestdagen aan waarop de locatie dicht is.',
  accessLegend: 'Toegankelijkheid',
  wheelchair: 'Toegankelijk met een rolstoel',
  hearingLoop: 'Er is een ringleiding',
  accessNotes: 'Meer over de toegankelijkheid',
  contactLegend: 'Contact',
  phone: 'Telefoonnummer',
  email: 'E-mailadres',
  url: 'Website',
  variantLegend: 'Soort informatiepunt',
  variants: {
    inloop: 'Inloop: iedereen kan binnenlopen tijdens de inlooptijden',
    spreekuur: 'Spreekuur: alleen op afspraak of op vaste uren',
    breed: 'Breed: ook hulp bij andere vragen dan over de overheid',
  },

  // Preview.
  previewHeading: 'Zo ziet het publiek het',
  previewIntro: 'De komende 7 dagen, met de inlooptijden, uitzonderingen en feestdagen hierboven.',
  previewNow: 'Nu',
  previewToday: 'Vandaag',
  previewClosed: 'Dicht',
  previewRange: (opens: string, closes: string) => `${opens} tot ${closes}`,

  // Saving and deleting.
  save: 'Opslaan',
  saving: 'Bezig met opslaan…',
  cancel: 'Annuleren',
  saved: (name: string) => `${name} is opgeslagen.`,
  created: (name: string) => `${name} is toegevoegd.`,
  saveFailed: 'Opslaan lukt nu niet. Wat je hebt ingevuld staat er nog. Probeer het zo opnieuw.',
  saveNetwork: 'Er is geen verbinding met de server. Wat je hebt ingevuld staat er nog. Probeer het opnieuw als de verbinding terug is.',
  serverInvalid: 'De server accepteert niet alles wat je hebt ingevuld. Kijk bij de velden met een melding.',
  forbidden: 'Dit mag je niet met je account.',
  gone: 'Deze locatie bestaat niet meer. Iemand anders heeft hem misschien verwijderd.',
  conflictHeading: 'Iemand anders heeft dit net gewijzigd',
  conflictText: 'Terwijl jij deze locatie aanpaste, heeft iemand anders hem opgeslagen. Er is nog niets van jou opgeslagen. Wat je hebt ingevuld staat er nog.',
  conflictChanged: (fields: string) => `Zij veranderden: ${fields}.`,
  conflictReload: 'Laad hun versie (jouw wijzigingen vervallen)',
  conflictApply: 'Zet mijn wijzigingen op hun versie',
  conflictApplied: 'Je wijzigingen staan nu op de nieuwe versie. Controleer ze en kies opnieuw "Opslaan".',
  fieldNames: {
    name: 'de naam', address: 'het adres', coordinates: 'de plek op de kaart', walkInHours: 'de inlooptijden',
    exceptions: 'de uitzonderingen', closedOnHolidays: 'de feestdagen', accessibility: 'de toegankelijkheid',
    contact: 'het contact', variant: 'het soort informatiepunt',
  } as Record<string, string>,
  deleteLocation: 'Verwijder deze locatie',
  confirmDelete: (name: string) => `Weet je zeker dat je ${name} wilt verwijderen?`,
  confirmDeleteText: 'De locatie verdwijnt uit de locatiezoeker, en balies kunnen er niet meer op registreren. Bezoeken die al geregistreerd zijn, blijven in de rapportage.',
  confirmDeleteYes: (name: string) => `Ja, verwijder ${name}`,
  confirmDeleteNo: 'Nee, niet verwijderen',
  deleted: (name: string) => `${name} is verwijderd.`,
  deleteFailed: 'Verwijderen lukt nu niet. Probeer het zo opnieuw.',
};

export type AdminTexts = typeof nl;
