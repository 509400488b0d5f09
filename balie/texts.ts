/**
 * The words the desk page's script puts on screen (Dutch, B1, "je": the page is for desk staff).
 * The words that never change are in index.html itself.
 */
import type { KeyProblem, KeyRefusal } from './desk-key.js';

export const texts = {
  checking: 'Bezig met controleren…',
  problem: {
    empty: 'Vul de baliesleutel in.',
    secret: 'Dit is een geheime sleutel (ido_sk_…). Zet die nooit in een browser. Vraag je coördinator om een baliesleutel.',
    format: 'Dit is geen baliesleutel. Een baliesleutel begint met ido_dk_ en heeft geen spaties.',
  } satisfies Record<KeyProblem, string>,
  refusal: (reason: KeyRefusal, origin: string): string =>
    ({
      unknown: 'De server kent deze sleutel niet, of hij is ingetrokken. Controleer de sleutel of vraag je coördinator om een nieuwe.',
      origin: `Deze sleutel werkt niet op ${origin}. Vraag je coördinator om een baliesleutel voor dit adres.`,
      offline: 'Er is geen verbinding met de server. Controleer de verbinding en probeer het opnieuw.',
      server: 'De server kon de sleutel nu niet controleren. Probeer het over een paar minuten opnieuw.',
    })[reason],
  storedRefused: (reason: string) => `De server accepteert de sleutel van deze balie niet meer. ${reason}`,
  kept: (masked: string) => `Deze browser bewaart de baliesleutel ${masked}.`,
  version: (version: string) => `Versie van de balie: ${version}.`,
  noOffline: 'Deze browser kan de balie niet bewaren voor gebruik zonder verbinding. Daarvoor is een https-adres nodig.',
  update: 'Er is een nieuwe versie van de balie. Wachtende registraties blijven bewaard.',
} as const;
