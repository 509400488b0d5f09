/** English texts of the details panel of `<ido-registratie>`. */
import type { DetailsTexts } from './i18n.details.nl.js';

export const en: DetailsTexts = {
  visitLegend: 'Visit',
  visitHint: 'This is for the whole visit.',
  questionLegend: (n: number, topic: string | null) => `Question${n ? ` ${n}` : ''}${topic ? `: ${topic}` : ''}`,
  questionHint: 'This is for this question only.',
  channelLegend: 'How was the contact?',
  durationLegend: 'How long did it take?',
  typeLegend: 'Kind of question',
  helpLegend: 'What help did you give?',
  agenciesLegend: 'Which organisation was the question about?',
  agenciesSuggested: 'Suggested for this topic. You can change it.',
  addAgency: 'Add an organisation',
  addAgencyPlaceholder: 'Choose an organisation',
  digidLegend: 'Does the visitor have DigiD?',
  digidNotAsked: 'Not asked',
  noteLabel: 'Note (optional)',
  noteHint: 'Do not write a name, BSN, address, phone number, e-mail address, IBAN or date of birth here.',
  noteLeft: (n) => `${n} characters left`,
};
