/** Dutch texts of the details panel of `<ido-registratie>` (details-panel.ts, a chunk with the panel): B1, "je". */
export const nl = {
  visitLegend: 'Bezoek',
  visitHint: 'Dit geldt voor het hele bezoek.',
  questionLegend: (n: number, topic: string | null) => `Vraag${n ? ` ${n}` : ''}${topic ? `: ${topic}` : ''}`,
  questionHint: 'Dit geldt alleen voor deze vraag.',
  channelLegend: 'Hoe was het contact?',
  durationLegend: 'Hoe lang duurde het?',
  typeLegend: 'Soort vraag',
  helpLegend: 'Welke hulp heb je gegeven?',
  agenciesLegend: 'Over welke organisatie ging de vraag?',
  agenciesSuggested: 'Voorgesteld bij dit onderwerp. Je kunt het aanpassen.',
  addAgency: 'Voeg een organisatie toe',
  addAgencyPlaceholder: 'Kies een organisatie',
  digidLegend: 'Heeft de bezoeker DigiD?',
  digidNotAsked: 'Niet gevraagd',
  noteLabel: 'Notitie (niet verplicht)',
  noteHint: 'Zet hier geen naam, BSN, adres, telefoonnummer, e-mailadres, IBAN of geboortedatum in.',
  noteLeft: (n: number) => `Nog ${n} tekens`,
};

export type DetailsTexts = typeof nl;
