/** Dutch texts of `<ido-rapportage>` itself: what it says while its dashboard (a chunk) loads. */
export const nl = {
  loading: 'De rapportage wordt geladen…',
  loadFailed: 'De rapportage kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.',
  retry: 'Probeer opnieuw',
};

export type RapportageTexts = typeof nl;
