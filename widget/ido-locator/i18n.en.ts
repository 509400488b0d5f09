/** English texts of `<ido-locator>`: short sentences in plain English. */
import type { LocatorTexts } from './i18n.nl.js';

export const en: LocatorTexts = {
  heading: 'Find a Digital Government Information Point',
  intro: 'Free help with questions about the government. You do not need to be a library member.',
  postcodeLabel: 'Your postcode',
  postcodeHint: 'For example 3511 AB',
  search: 'Search',
  useLocation: 'Use my location',
  errorPrefix: 'Error: ',
  invalidPostcode: 'Enter a postcode, for example 3511 AB',
  locationDenied: 'You did not share your location. Enter your postcode.',
  locationUnavailable: 'We could not find your location. Enter your postcode.',
  networkError: 'There is no connection. Check that you are online. Then try again.',
  retry: 'Try again',
  searching: 'Searching…',
  locating: 'Finding your location…',
};
