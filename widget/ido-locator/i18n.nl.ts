/**
 * Dutch texts of `<ido-locator>`: plain Dutch (B1), the visitor addressed as "u". The texts of the
 * form and of the problems that can occur before the search chunk is there; the texts of results,
 * server answers and the map travel with the result cards (i18n.results.nl.ts).
 */
export const nl = {
  heading: 'Vind een Informatiepunt Digitale Overheid',
  intro: 'Gratis hulp bij vragen over de overheid. U hoeft geen lid te zijn van de bibliotheek.',
  postcodeLabel: 'Uw postcode',
  postcodeHint: 'Bijvoorbeeld 3511 AB',
  search: 'Zoek',
  useLocation: 'Gebruik mijn locatie',
  /** Visually hidden prefix of an error, so a screen reader says it is one. */
  errorPrefix: 'Let op: ',
  invalidPostcode: 'Vul een postcode in, bijvoorbeeld 3511 AB',
  locationDenied: 'U heeft uw locatie niet gedeeld. Vul uw postcode in.',
  locationUnavailable: 'We konden uw locatie niet vinden. Vul uw postcode in.',
  networkError: 'Er is geen verbinding. Controleer of u internet heeft. Probeer het daarna opnieuw.',
  retry: 'Probeer opnieuw',
  searching: 'Bezig met zoeken…',
  locating: 'Bezig met het zoeken van uw locatie…',
};

export type LocatorTexts = typeof nl;
