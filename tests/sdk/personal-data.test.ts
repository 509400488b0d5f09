// Tests for the personal-data finder used to keep BSNs, IBANs, phone numbers etc. out of visit notes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  describePersonalData,
  findPersonalData,
  isValidBsn,
  isValidIban,
  personalDataLabel,
  type PersonalDataKind,
  type PersonalDataMatch,
} from '../../sdk/personal-data.js';

/** The moment every note is written: a fixed clock, so no answer depends on the day the tests run. */
const NOW = new Date('2026-06-15T10:00:00+02:00');
const thisYear = 2026;

/** Matches as [kind, matched text] pairs: easy to read and checks index/length at the same time. */
function found(text: string, now: Date = NOW): Array<[PersonalDataKind, string]> {
  return findPersonalData(text, { now }).map((m) => [m.kind, text.slice(m.index, m.index + m.length)]);
}

/** Notes that contain personal data, with every expected match in order. */
const POSITIVES: Array<[string, Array<[PersonalDataKind, string]>]> = [
  // BSN
  ['BSN 111222333 gecontroleerd', [['bsn', '111222333']]],
  ['bsn: 123456782', [['bsn', '123456782']]],
  ['Burgerservicenummer 1112 22 333 genoteerd', [['bsn', '1112 22 333']]],
  ['BSN is 111.222.333.', [['bsn', '111.222.333']]],
  ['nummer 123 456 782 doorgegeven', [['bsn', '123 456 782']]],
  ['BSN-nummer:111222333', [['bsn', '111222333']]],
  ['oud BSN 12345672 (8 cijfers)', [['bsn', '12345672']]],
  ['bsn 111-222-333', [['bsn', '111-222-333']]],
  // A BSN glued to its label
  ['bsn372923720 gecontroleerd', [['bsn', '372923720']]],
  ['BSN:372923720', [['bsn', '372923720']]],
  ['burgerservicenummer111222333', [['bsn', '111222333']]],
  ['sofinr123456782 (oud)', [['bsn', '123456782']]],
  // IBAN
  ['Rekeningnummer NL91 ABNA 0417 1643 00 voor de huur', [['iban', 'NL91 ABNA 0417 1643 00']]],
  ['IBAN NL91ABNA0417164300', [['iban', 'NL91ABNA0417164300']]],
  ['nl91abna0417164300 voor de huur', [['iban', 'nl91abna0417164300']]],
  ['Belgische rekening BE68 5390 0754 7034.', [['iban', 'BE68 5390 0754 7034']]],
  ['Duitse rekening DE89 3704 0044 0532 0130 00', [['iban', 'DE89 3704 0044 0532 0130 00']]],
  ['GB82 WEST 1234 5698 7654 32 (Engeland)', [['iban', 'GB82 WEST 1234 5698 7654 32']]],
  // Phone
  ['Bel mevrouw op 06-12345678', [['phone', '06-12345678']]],
  ['mobiel 06 1234 5678 na 17 uur', [['phone', '06 1234 5678']]],
  ['0612345678', [['phone', '0612345678']]],
  ['telefoon +31 6 12345678', [['phone', '+31 6 12345678']]],
  ['tel:0031612345678', [['phone', '0031612345678']]],
  ['vast nummer 020-1234567', [['phone', '020-1234567']]],
  ['bel 030 123 4567 terug', [['phone', '030 123 4567']]],
  ['+31 (0)20 123 4567 is het nummer', [['phone', '+31 (0)20 123 4567']]],
  ['(010) 123 45 67', [['phone', '(010) 123 45 67']]],
  ['06.12.34.56.78', [['phone', '06.12.34.56.78']]],
  ['0297-123456 thuis', [['phone', '0297-123456']]],
  // Phone numbers as people write them: " - " between the area code and the number, or an en dash
  ['bel 06 - 89 09 56 47 na 12 uur', [['phone', '06 - 89 09 56 47']]],
  ['vast: 030 - 827 95 75', [['phone', '030 - 827 95 75']]],
  ['thuis 0543 - 627 310, liefst na vieren', [['phone', '0543 - 627 310']]],
  ['mobiel 06–40376547', [['phone', '06–40376547']]],
  ['020 – 123 45 67 (vaste lijn)', [['phone', '020 – 123 45 67']]],
  ['06-89 09 56 47', [['phone', '06-89 09 56 47']]],
  // E-mail
  ['Mail naar jan.jansen@example.nl', [['email', 'jan.jansen@example.nl']]],
  ['mail: J.de-Vries+ido@gemeente.utrecht.nl.', [['email', 'J.de-Vries+ido@gemeente.utrecht.nl']]],
  ['info_123@bibliotheek.org, graag antwoord', [['email', 'info_123@bibliotheek.org']]],
  // Birth dates (with a cue, or a full date 14–110 years ago)
  ['Geboren op 12-03-1948', [['birthdate', '12-03-1948']]],
  ['geb. 12-3-48', [['birthdate', '12-3-48']]],
  ['Geboortedatum: 01/02/1975', [['birthdate', '01/02/1975']]],
  ['DOB 5.6.1960', [['birthdate', '5.6.1960']]],
  ['date of birth: March 12, 1948', [['birthdate', 'March 12, 1948']]],
  ['born on 3rd of May 1951', [['birthdate', '3rd of May 1951']]],
  ['Mevrouw (12 maart 1948) wil hulp bij DigiD', [['birthdate', '12 maart 1948']]],
  ['meneer, 12 mrt 1948', [['birthdate', '12 mrt 1948']]],
  ['1948-03-12', [['birthdate', '1948-03-12']]],
  ['12.03.1948', [['birthdate', '12.03.1948']]],
  ['Geboren in Utrecht op 1 mei 1950', [['birthdate', '1 mei 1950']]],
  ['gebdat 29-02-1952', [['birthdate', '29-02-1952']]],
  [`kind geboren op 3-2-${thisYear}`, [['birthdate', `3-2-${thisYear}`]]],
  ['17 September 1961 (meneer)', [['birthdate', '17 September 1961']]],
  // Addresses
  ['woont op Kerkstraat 12', [['address', 'Kerkstraat 12']]],
  ['woont aan de Oudegracht 167bis', [['address', 'Oudegracht 167bis']]],
  ['Laan van Meerdervoort 35, Den Haag', [['address', 'Laan van Meerdervoort 35']]],
  ['postcode en huisnummer 3511 AB 12', [['address', '3511 AB 12']]],
  ['3511AB 12a', [['address', '3511AB 12a']]],
  ['Kerkstraat 12, 3511 AB Utrecht', [['address', 'Kerkstraat 12, 3511 AB']]],
  ['Markt 12, 3511 AB', [['address', 'Markt 12, 3511 AB']]],
  ['Amsterdamseweg 250', [['address', 'Amsterdamseweg 250']]],
  ['lelielaan 4-2', [['address', 'lelielaan 4-2']]],
  ['Prins Hendrikkade 12 A', [['address', 'Hendrikkade 12 A']]],
  ['Stadsring 5 in Amersfoort', [['address', 'Stadsring 5']]],
  // The abbreviated street
  ['woont op Kerkstr. 12', [['address', 'Kerkstr. 12']]],
  ['Kerkstr.12a, Utrecht', [['address', 'Kerkstr.12a']]],
  ['Burg. de Withstr. 4, 3511 AB', [['address', 'Withstr. 4, 3511 AB']]],
  // Several kinds in one note
  [
    'BSN 111222333, tel 06-12345678, mail jan@example.nl',
    [
      ['bsn', '111222333'],
      ['phone', '06-12345678'],
      ['email', 'jan@example.nl'],
    ],
  ],
  [
    'Mevr. geb. 12-03-1948, Kerkstraat 12, IBAN NL91ABNA0417164300',
    [
      ['birthdate', '12-03-1948'],
      ['address', 'Kerkstraat 12'],
      ['iban', 'NL91ABNA0417164300'],
    ],
  ],
];

/** Ordinary visit notes: nothing may be flagged. */
const NEGATIVES: string[] = [
  'Hulp bij huurtoeslag aanvragen, bezoeker komt volgende week terug',
  'Aangifte 2024 ingevuld samen met mevrouw',
  'Zaaknummer 123456789 bij CJIB',
  'Toeslag van € 1.250,00 per maand',
  'Afspraak gemaakt voor 12-03-2026 om 10:30',
  'Doorverwezen naar Juridisch Loket, 0800-8020',
  'Belastingjaar 2023 en 2024',
  'DigiD app geactiveerd op telefoon',
  'AOW vanaf 67 jaar en 3 maanden',
  'Postcodegebied 3511 AB',
  'Bezoek duurde 15-30 minuten',
  'wachtnummer 42',
  'Bel de Belastingtelefoon: 0800-0543',
  'Informatienummer 0900-1234567 doorgegeven',
  'Gratis nummer 0800 1234567 van de gemeente',
  `Afspraak op 12-03-${thisYear} om 14:00`,
  `Volgende afspraak 3 januari ${thisYear + 1}`,
  `Brief ontvangen op 1-12-${thisYear - 1}`,
  'Afspraak 06-03-2026 10 uur',
  'Kenmerk 2024-001234 van de gemeente',
  'Dossier 1234567890 aangemaakt',
  'Referentie 12345678901',
  'Tien cijfers 1111222333 is geen BSN',
  'Mobiel 06-123456789 klopt niet (te lang)',
  'Bedrag van 1.234.567,89 euro genoemd',
  'Artikel 12 van de Participatiewet uitgelegd',
  'Uitkering 1250 netto per maand',
  'Onderweg 10 minuten vertraging gehad',
  'Op de arbeidsmarkt 20 jaar gewerkt',
  'Supermarkt 3 bonnen gegeven',
  'Loopbaan 25 jaar bij de gemeente',
  'Telefoonnummer gewijzigd in DigiD',
  'E-mailadres aangepast bij MijnOverheid',
  'Geholpen met IBAN wijzigen bij de SVB',
  'Zorgtoeslag 2025: € 123,00 per maand',
  'Open tussen 9:00 en 12:30',
  'Geboortedatum gecontroleerd in de app',
  'Mevrouw is 85 jaar en woont zelfstandig',
  'Bezoeker nummer 12 van vandaag',
  'Versie 1.2.3 van de app geïnstalleerd',
  'Belastingdienst brief van 01-04-2010 besproken',
  'Huurtoeslag sinds 1 januari 2005',
  'Postcode 3511 AB, 12 bezoekers vandaag',
  'Openingstijden 10.00-17.00 uur',
  'Kwam om 10:30 en bleef tot 11:15',
  'BSN-nummer niet bekend, bezoeker komt terug',
  'Pincode 1234 niet delen met anderen',
  'Stap 1 tot 12 doorlopen in MijnOverheid',
  'Haal die weg: 2 formulieren ingevuld',
  'Bestelnummer NL12345 bij webshop',
  'Score 3/4/5 op de vragenlijst',
  'Geboren in Amsterdam. Afspraak 12-03-2026',
  'Alleen geboortejaar 1948 genoemd',
  // Public numbers of organisations: 088 (companies and government bodies), 0800, 0900, 14 0xx
  'UWV gebeld op 088 123 6555',
  'Belastingtelefoon 0800-0543 en DUO 088-1234567',
  'Gemeente: 14 030',
  'CJIB 088 - 123 65 55 gebeld',
  'Servicenummer 0900 – 1234567',
  // Times, amounts and ranges written with " - " or an en dash
  'Spreekuur 09.30 - 12.30 uur',
  'Open 10:00 – 13:00 en 14:00 – 16:00',
  'Bedrag € 1.250 - € 300 = € 950',
  'Huurtoeslag 2024 – 2025 aangevraagd',
  'Week 12 - 14 vakantie, daarna terug',
  'Geholpen op 12-3 en 14-3 (zonder jaar)',
  'Afspraak 12 maart om 10:30',
  '21% btw en 9% btw uitgelegd',
  'Eigen bijdrage 12,5 procent',
  'Postcode 3511AB',
  'Dossiernummer 372923721 bij de gemeente',
  'Kerkstraat genoemd, geen huisnummer',
  'Aanvraagnummer bsn-check 12345 gedaan',
  'Str. 12 is geen straat',
];

describe('findPersonalData: positives', () => {
  it('has a corpus of at least 40 positives covering every kind', () => {
    assert.ok(POSITIVES.length >= 40, `only ${POSITIVES.length} positives`);
    const kinds = new Set(POSITIVES.flatMap(([, expected]) => expected.map(([kind]) => kind)));
    assert.deepEqual([...kinds].sort(), ['address', 'birthdate', 'bsn', 'email', 'iban', 'phone']);
  });

  for (const [text, expected] of POSITIVES) {
    it(`finds ${expected.map(([kind]) => kind).join(', ')} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(found(text), expected);
    });
  }
});

describe('findPersonalData: ordinary notes', () => {
  it('has a corpus of at least 40 ordinary notes', () => {
    assert.ok(NEGATIVES.length >= 40, `only ${NEGATIVES.length} negatives`);
  });

  for (const text of NEGATIVES) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(found(text), []);
    });
  }

  it('finds nothing in an empty string', () => {
    assert.deepEqual(findPersonalData(''), []);
  });
});

describe('findPersonalData: positions and overlaps', () => {
  it('reports index and length of each match', () => {
    const expected: PersonalDataMatch[] = [
      { kind: 'phone', index: 4, length: 11 },
      { kind: 'email', index: 24, length: 14 },
    ];
    assert.deepEqual(findPersonalData('Bel 06-12345678 of mail jan@example.nl'), expected);
  });

  it('counts positions in UTF-16 code units, like String.prototype.slice', () => {
    assert.deepEqual(findPersonalData('😀 BSN 111222333'), [{ kind: 'bsn', index: 7, length: 9 }]);
  });

  it('returns matches in order of position, without overlaps, for every corpus note', () => {
    for (const text of [...POSITIVES.map(([t]) => t), ...NEGATIVES]) {
      const matches = findPersonalData(text, { now: NOW });
      for (let i = 1; i < matches.length; i++) {
        const previous = matches[i - 1];
        assert.ok(previous.index + previous.length <= matches[i].index, `overlap in ${JSON.stringify(text)}`);
      }
      for (const m of matches) {
        assert.ok(m.index >= 0 && m.length > 0 && m.index + m.length <= text.length);
      }
    }
  });

  it('reports a spaced IBAN once, not also its digits as BSN or phone number', () => {
    assert.deepEqual(found('NL91 ABNA 0417 1643 00'), [['iban', 'NL91 ABNA 0417 1643 00']]);
    // NL20INGB0001234567 contains the digits 0001234567 (10 digits starting with 0).
    assert.deepEqual(found('NL20 INGB 0001 2345 67 en NL20INGB0001234567'), [
      ['iban', 'NL20 INGB 0001 2345 67'],
      ['iban', 'NL20INGB0001234567'],
    ]);
  });

  it('does not read the digits of an e-mail address as a phone number or BSN', () => {
    assert.deepEqual(found('0612345678@sms.example.nl'), [['email', '0612345678@sms.example.nl']]);
    assert.deepEqual(found('bsn111222333@example.nl'), [['email', 'bsn111222333@example.nl']]);
  });

  it('finds the same kind several times', () => {
    assert.deepEqual(found('06-12345678 en 06-87654321'), [
      ['phone', '06-12345678'],
      ['phone', '06-87654321'],
    ]);
  });

  it('does not take a 9-digit number without leading 0 for a phone number', () => {
    assert.deepEqual(found('123456782'), [['bsn', '123456782']]);
    assert.deepEqual(found('612345678'), []); // fails the elfproef, and no phone without 0
  });
});

describe('findPersonalData: the clock', () => {
  it("judges a date against the moment given, not the machine's date", () => {
    const text = '1-6-2012';
    assert.deepEqual(found(text, new Date('2026-06-15T10:00:00Z')), [['birthdate', '1-6-2012']]);
    assert.deepEqual(found(text, new Date('2025-06-15T10:00:00Z')), []); // 13 years back: not yet
  });

  it('counts the year in the Netherlands: on 31 December at 23:30 UTC it is already the next year', () => {
    // 14 years back from 2027 is 2013: a birth date in Amsterdam's new year, not yet in UTC.
    assert.deepEqual(found('1-1-2013', new Date('2026-12-31T23:30:00Z')), [['birthdate', '1-1-2013']]);
    assert.deepEqual(found('1-1-2013', new Date('2026-12-31T22:30:00Z')), []);
  });
});

describe('findPersonalData: birth dates', () => {
  it('flags a cue-less full date from 14 up to 110 years ago', () => {
    assert.deepEqual(found(`1-6-${thisYear - 14}`), [['birthdate', `1-6-${thisYear - 14}`]]);
    assert.deepEqual(found(`1-6-${thisYear - 110}`), [['birthdate', `1-6-${thisYear - 110}`]]);
    assert.deepEqual(found(`1-6-${thisYear - 13}`), []);
    assert.deepEqual(found(`1-6-${thisYear - 111}`), []);
  });

  it('flags a recent or 2-digit-year date only after a cue word', () => {
    assert.deepEqual(found(`12-03-${thisYear - 1}`), []);
    assert.deepEqual(found(`geboren ${thisYear - 1}-03-12`), [['birthdate', `${thisYear - 1}-03-12`]]);
    assert.deepEqual(found('12-03-48'), []);
    assert.deepEqual(found('DOB: 12/03/48'), [['birthdate', '12/03/48']]);
  });

  it('does not flag impossible dates', () => {
    assert.deepEqual(found('geboren 31-02-1950'), []);
    assert.deepEqual(found('geboren 29-02-1951'), []);
    assert.deepEqual(found('geboren 12-13-1950'), []);
  });

  it('does not flag a date in the future even with a cue', () => {
    assert.deepEqual(found(`geboren op 1-1-${thisYear + 1}`), []);
  });

  it('does not take "geb" inside another word as a cue', () => {
    assert.deepEqual(found(`gebruikt op 12-03-${thisYear - 2}`), []);
  });
});

describe('isValidBsn', () => {
  it('accepts numbers that pass the elfproef', () => {
    assert.equal(isValidBsn('111222333'), true);
    assert.equal(isValidBsn('123456782'), true);
    assert.equal(isValidBsn('12345672'), true); // 8 digits, read as 012345672
  });

  it('rejects numbers that fail the elfproef', () => {
    assert.equal(isValidBsn('123456789'), false);
    assert.equal(isValidBsn('111222334'), false);
    assert.equal(isValidBsn('12345678'), false);
  });

  it('rejects a sum of 0 and wrong lengths or characters', () => {
    assert.equal(isValidBsn('000000000'), false);
    assert.equal(isValidBsn('1234567'), false);
    assert.equal(isValidBsn('1112223330'), false);
    assert.equal(isValidBsn('11122233a'), false);
    assert.equal(isValidBsn(''), false);
  });

  it('ignores spaces and dots between groups', () => {
    assert.equal(isValidBsn('111 222 333'), true);
    assert.equal(isValidBsn('111.222.333'), true);
    assert.equal(isValidBsn('1112 22 333'), true);
  });
});

describe('isValidIban', () => {
  it('accepts valid IBANs of several countries, spaced or not, any case', () => {
    assert.equal(isValidIban('NL91ABNA0417164300'), true);
    assert.equal(isValidIban('NL91 ABNA 0417 1643 00'), true);
    assert.equal(isValidIban('nl91 abna 0417 1643 00'), true);
    assert.equal(isValidIban('BE68539007547034'), true);
    assert.equal(isValidIban('DE89 3704 0044 0532 0130 00'), true);
    assert.equal(isValidIban('GB82 WEST 1234 5698 7654 32'), true);
    assert.equal(isValidIban('FR14 2004 1010 0505 0001 3M02 606'), true);
  });

  it('rejects wrong check digits and typos', () => {
    assert.equal(isValidIban('NL92ABNA0417164300'), false);
    assert.equal(isValidIban('NL91ABNA0417164301'), false);
    assert.equal(isValidIban('NL91ABNA0471164300'), false);
  });

  it('rejects wrong lengths and malformed input', () => {
    assert.equal(isValidIban('NL91ABNA041716430'), false); // one character short
    assert.equal(isValidIban('NL91ABNA04171643000'), false); // one character long
    assert.equal(isValidIban('9191ABNA0417164300'), false);
    assert.equal(isValidIban('NLAAABNA0417164300'), false);
    assert.equal(isValidIban('NL91-ABNA-0417-1643-00'), false);
    assert.equal(isValidIban(''), false);
  });
});

describe('personalDataLabel', () => {
  it('names every kind in Dutch by default', () => {
    const kinds: PersonalDataKind[] = ['bsn', 'iban', 'phone', 'email', 'birthdate', 'address'];
    assert.deepEqual(
      kinds.map((kind) => personalDataLabel(kind)),
      ['BSN', 'IBAN', 'telefoonnummer', 'e-mailadres', 'geboortedatum', 'adres'],
    );
    assert.deepEqual(
      kinds.map((kind) => personalDataLabel(kind, 'en')),
      ['BSN', 'IBAN', 'phone number', 'e-mail address', 'date of birth', 'address'],
    );
  });
});

describe('describePersonalData', () => {
  it('names two kinds in Dutch, as in the example', () => {
    assert.equal(
      describePersonalData(['bsn', 'phone']),
      'Deze notitie bevat een BSN en een telefoonnummer. Haal die weg: persoonsgegevens mogen niet in de registratie.',
    );
  });

  it('names one kind in Dutch', () => {
    assert.equal(
      describePersonalData(['email'], 'nl'),
      'Deze notitie bevat een e-mailadres. Haal dat weg: persoonsgegevens mogen niet in de registratie.',
    );
  });

  it('lists three or more kinds with commas and "en", each once', () => {
    assert.equal(
      describePersonalData(['iban', 'birthdate', 'iban', 'address']),
      'Deze notitie bevat een IBAN, een geboortedatum en een adres. Haal die weg: persoonsgegevens mogen niet in de registratie.',
    );
  });

  it('writes English with the right articles', () => {
    assert.equal(
      describePersonalData(['bsn', 'phone'], 'en'),
      'This note contains a BSN and a phone number. Remove them: personal data must not be stored in the registration.',
    );
    assert.equal(
      describePersonalData(['iban'], 'en'),
      'This note contains an IBAN. Remove it: personal data must not be stored in the registration.',
    );
    assert.equal(
      describePersonalData(['email', 'birthdate', 'address'], 'en'),
      'This note contains an e-mail address, a date of birth and an address. Remove them: personal data must not be stored in the registration.',
    );
  });

  it('says so when nothing was found', () => {
    assert.equal(describePersonalData([]), 'Deze notitie bevat geen persoonsgegevens.');
    assert.equal(describePersonalData([], 'en'), 'This note contains no personal data.');
  });

  it('describes what findPersonalData found', () => {
    const kinds = findPersonalData('BSN 111222333, bel 06-12345678').map((m) => m.kind);
    assert.equal(
      describePersonalData(kinds),
      'Deze notitie bevat een BSN en een telefoonnummer. Haal die weg: persoonsgegevens mogen niet in de registratie.',
    );
  });
});
