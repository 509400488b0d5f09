/** English texts of `<ido-beheer>` itself. */
import type { BeheerShellTexts } from './i18n.nl.js';

export const en: BeheerShellTexts = {
  loading: 'Loading the settings…',
  loadFailed: 'The settings could not be loaded. Check your internet connection and try again.',
  retry: 'Try again',
};
