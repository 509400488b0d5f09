/** English texts of `<ido-rapportage>` itself. */
import type { RapportageTexts } from './i18n.nl.js';

export const en: RapportageTexts = {
  loading: 'Loading the reports…',
  loadFailed: 'The reports could not be loaded. Check your internet connection and try again.',
  retry: 'Try again',
};
