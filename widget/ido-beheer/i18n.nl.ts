/** Dutch texts of `<ido-beheer>` itself: what it says while its body (a chunk) loads. */
export const nl = {
  loading: 'Het beheer wordt geladen…',
  loadFailed: 'Het beheer kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.',
  retry: 'Probeer opnieuw',
};

export type BeheerShellTexts = typeof nl;
