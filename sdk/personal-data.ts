// Finds personal data (BSN, IBAN, phone, e-mail, birth date, address) in free-text visit notes so they can be removed before saving; pure, no I/O.
import { amsterdamParts } from './amsterdam-time.js';

/** The kinds of personal data the finder recognises. */
export type PersonalDataKind = 'bsn' | 'iban' | 'phone' | 'email' | 'birthdate' | 'address';

/** One piece of personal data found in a text: its kind and where it is (UTF-16 index and length). */
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  index: number;
  length: number;
}

const LABELS: Record<PersonalDataKind, { nl: string; en: string }> = {
  bsn: { nl: 'BSN', en: 'BSN' },
  iban: { nl: 'IBAN', en: 'IBAN' },
  phone: { nl: 'telefoonnummer', en: 'phone number' },
  email: { nl: 'e-mailadres', en: 'e-mail address' },
  birthdate: { nl: 'geboortedatum', en: 'date of birth' },
  address: { nl: 'adres', en: 'address' },
};

/** English indefinite article per kind ("an IBAN", "a phone number"); Dutch always uses "een". */
const EN_ARTICLE: Record<PersonalDataKind, 'a' | 'an'> = {
  bsn: 'a',
  iban: 'an',
  phone: 'a',
  email: 'an',
  birthdate: 'a',
  address: 'an',
};

/**
 * Human label of a kind of personal data.
 *
 * @param kind - the kind to name
 * @param lang - `'nl'` (default): BSN, IBAN, telefoonnummer, e-mailadres, geboortedatum, adres;
 *   `'en'`: BSN, IBAN, phone number, e-mail address, date of birth, address
 */
export function personalDataLabel(kind: PersonalDataKind, lang: 'nl' | 'en' = 'nl'): string {
  return LABELS[kind][lang];
}

/**
 * Plain-language sentence (Dutch at B1 level, or English) that tells the user what was found and
 * asks to remove it, e.g. "Deze notitie bevat een BSN en een telefoonnummer. Haal die weg:
 * persoonsgegevens mogen niet in de registratie."
 *
 * Duplicate kinds are mentioned once, in the order they are first given. With no kinds the
 * sentence says that nothing was found.
 *
 * @param kinds - kinds found, e.g. `findPersonalData(note).map((m) => m.kind)`
 * @param lang - `'nl'` (default) or `'en'`
 */
export function describePersonalData(kinds: PersonalDataKind[], lang: 'nl' | 'en' = 'nl'): string {
  const unique = [...new Set(kinds)];
  if (lang === 'en') {
    if (unique.length === 0) return 'This note contains no personal data.';
    const list = joinList(
      unique.map((kind) => `${EN_ARTICLE[kind]} ${LABELS[kind].en}`),
      'and',
    );
    const pronoun = unique.length === 1 ? 'it' : 'them';
    return `This note contains ${list}. Remove ${pronoun}: personal data must not be stored in the registration.`;
  }
  if (unique.length === 0) return 'Deze notitie bevat geen persoonsgegevens.';
  const list = joinList(
    unique.map((kind) => `een ${LABELS[kind].nl}`),
    'en',
  );
  const pronoun = unique.length === 1 ? 'dat' : 'die';
  return `Deze notitie bevat ${list}. Haal ${pronoun} weg: persoonsgegevens mogen niet in de registratie.`;
}

/** "a", "a and b", "a, b and c" (no serial comma, as in Dutch and British English). */
function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * Elfproef (eleven test) for a Dutch citizen service number (BSN): for digits A..I,
 * 9A + 8B + 7C + 6D + 5E + 4F + 3G + 2H - 1I must be divisible by 11 and not 0.
 *
 * @param digits - 9 digits, or 8 digits (read with a leading 0); spaces and dots between groups
 *   ("111 222 333", "111.222.333") are ignored
 * @returns whether the number passes the elfproef
 */
export function isValidBsn(digits: string): boolean {
  const compact = digits.replace(/[ .]/g, '');
  if (!/^\d{8,9}$/.test(compact)) return false;
  const padded = compact.padStart(9, '0');
  let sum = -Number(padded[8]);
  for (let i = 0; i < 8; i++) sum += Number(padded[i]) * (9 - i);
  return sum !== 0 && sum % 11 === 0;
}

/**
 * IBAN lengths of common (mostly European) countries, from the SWIFT IBAN registry. A candidate
 * from one of these countries must have exactly this length; other countries only need 15–34.
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  TR: 26,
};

/**
 * IBAN check: 2-letter country code, 2 check digits and an alphanumeric account part; the whole
 * must pass the ISO 7064 mod-97 test. Works for any country; case-insensitive; spaces are ignored.
 *
 * @param text - e.g. "NL91 ABNA 0417 1643 00" or "nl91abna0417164300"
 * @returns whether the text is a valid IBAN
 */
export function isValidIban(text: string): boolean {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expectedLength = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expectedLength !== undefined && compact.length !== expectedLength) return false;
  // Move country code and check digits to the end, read letters as 10..35, take mod 97 piecewise.
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = parseInt(char, 36);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** What the finder needs besides the text. */
export interface FindPersonalDataOptions {
  /**
   * The moment the text is written, which decides whether a date is a plausible birth date
   * (14–110 years back). Pass the caller's clock (the server's `deps.clock()`, the elements'
   * `now()`), so that the answer does not depend on the machine's date.
   * @default the current time
   */
  now?: Date;
}

/**
 * All personal data in a text, in order of position, without overlaps.
 *
 * Recognised: BSN (9 or 8 digits, plain, grouped or glued to
 * its label as in "bsn372923720", passing the elfproef), IBAN (mod 97), Dutch
 * phone numbers (not 0800/0900 service numbers or the 088 range of organisations; written with
 * spaces, dots, hyphens, " - " or en dashes), e-mail addresses, birth dates (after a cue such
 * as "geboren" or "DOB", or a full date 14–110 years ago) and addresses (street + house number,
 * also abbreviated as "Kerkstr. 12"; postcode + house number). Case numbers, amounts, appointment dates, bare years and a postcode
 * on its own are left alone.
 *
 * When two findings overlap, the more specific kind wins, in this order: e-mail, IBAN, phone,
 * BSN, birth date, address.
 *
 * @param text - free text, e.g. a visit note
 * @param options - `now`: the moment the text is written (see {@link FindPersonalDataOptions})
 */
export function findPersonalData(text: string, options: FindPersonalDataOptions = {}): PersonalDataMatch[] {
  const context: FinderContext = { referenceYear: amsterdamYear(options.now ?? new Date()) };
  const accepted: PersonalDataMatch[] = [];
  for (const finder of FINDERS_BY_PRIORITY) {
    for (const match of finder(text, context)) {
      if (!accepted.some((other) => overlaps(other, match))) accepted.push(match);
    }
  }
  return accepted.sort((a, b) => a.index - b.index);
}

/** What every finder may use besides the text. */
interface FinderContext {
  /** The calendar year (Europe/Amsterdam) in which the text is written. */
  referenceYear: number;
}

/** The year in the Netherlands at that moment (on 31 December 23:30 UTC it is already next year there). */
function amsterdamYear(instant: Date): number {
  return Number(amsterdamParts(instant).date.slice(0, 4));
}

function overlaps(a: PersonalDataMatch, b: PersonalDataMatch): boolean {
  return a.index < b.index + b.length && b.index < a.index + a.length;
}

// ---------------------------------------------------------------------------------------------
// E-mail

/** local@domain.tld; the domain ends in a letters-only TLD so "jan@example.nl." stops before the period. */
const EMAIL = /(?<![\w.%+-])[\w%+-][\w.%+-]*@[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)*\.[a-z]{2,}(?![\w-])/gi;

function findEmails(text: string): PersonalDataMatch[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email', index: m.index, length: m[0].length }));
}

// ---------------------------------------------------------------------------------------------
// IBAN

/** Where an IBAN may start: 2 letters + 2 check digits, not glued to a preceding letter or digit. */
const IBAN_START = /(?<![a-z\d])[a-z]{2}\d{2}/gi;
const ALNUM = /[a-z\d]/i;

/**
 * From every possible start, collect up to 34 alphanumerics (single spaces allowed between them,
 * as in "NL91 ABNA 0417 1643 00"), then take the longest prefix that ends at a word boundary and
 * passes {@link isValidIban}. Trying shorter prefixes keeps "NL91ABNA0417164300 voor" working.
 */
function findIbans(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const start of text.matchAll(IBAN_START)) {
    let compact = '';
    const ends: number[] = []; // ends[i] = text position just after the (i+1)-th character
    let pos = start.index;
    while (compact.length < 34 && pos < text.length) {
      if (ALNUM.test(text[pos])) {
        compact += text[pos];
        ends.push(++pos);
      } else if (text[pos] === ' ' && ALNUM.test(text[pos + 1] ?? '')) {
        pos++;
      } else break;
    }
    for (let length = compact.length; length >= 15; length--) {
      const end = ends[length - 1];
      if (ALNUM.test(text[end] ?? '')) continue; // would cut a word in half
      if (isValidIban(compact.slice(0, length))) {
        matches.push({ kind: 'iban', index: start.index, length: end - start.index });
        break;
      }
    }
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/**
 * Dutch number: trunk prefix 0 (optionally in "(020)") or country code +31 / 0031 (optionally
 * followed by "(0)"), then a 9-digit national number that does not start with 0, with at most one
 * separator between digits: a space, dot, slash, hyphen or en dash, a hyphen or en dash with a
 * space on each side ("030 - 827 95 75", as people write it), or a closing parenthesis. Not glued
 * to other digits or letters, so 11-digit runs and IBAN parts are skipped.
 */
const PHONE =
  /(?<![\w+@])(?<!\d[.,/\-–])(?:(?:\+|00)31[ -]?(?:\(0\)[ -]?)?|\(?0)[1-9](?:(?: [-–] |[ ./\-–]|\) ?)?\d){8}(?![\w@])(?![.,/\-–]\d)/g;
const COUNTRY_PREFIX = /^(?:\+|00)31[ -]?(?:\(0\)[ -]?)?/;
/**
 * Free (0800) and paid (0900, 0906, 0909) service numbers, and the 088 range that is only given
 * to companies and government bodies ("088 123 6555"), are public numbers, not personal ones.
 */
const SERVICE_NUMBER = /^(?:800|90[069]|88)/;
/** "06-03-2026 10" has ten digits but is a date and a time. */
const DATE_INSIDE = /(?<!\d)\d{1,2}( ?[-–./] ?)\d{1,2}\1(?:19|20)\d{2}(?!\d)/;

function findPhones(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const m of text.matchAll(PHONE)) {
    const raw = m[0];
    if (DATE_INSIDE.test(raw)) continue;
    if (raw.split('(').length !== raw.split(')').length) continue; // unbalanced parentheses
    const international = COUNTRY_PREFIX.test(raw);
    const national = (international ? raw.replace(COUNTRY_PREFIX, '') : raw.replace(/^\(?0/, '')).replace(/\D/g, '');
    if (SERVICE_NUMBER.test(national)) continue;
    // A 2-digit first group can only be the mobile prefix 06; "01-02 ..." is not a phone number.
    const firstGroup = /^\(?(\d+)/.exec(raw)?.[1] ?? '';
    if (!international && firstGroup.length === 2 && firstGroup !== '06') continue;
    matches.push({ kind: 'phone', index: m.index, length: raw.length });
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// BSN

/**
 * 9 or 8 digits, plain or grouped as 3-3-3 ("111.222.333") or 4-2-3 ("1112 22 333") with one kind
 * of separator. Not part of a longer digit run, a word/IBAN, or an amount/date ("2024-111222333").
 */
const BSN = /(?<!\w)(?<!\d[.,/-])(?:\d{8,9}|\d{3}([ .-])\d{3}\1\d{3}|\d{4}([ .-])\d{2}\2\d{3})(?!\w)(?![.,/-]\d)/g;

/**
 * A BSN glued to its label, as typed in a hurry: "bsn372923720", "BSN:372923720", "sofinr123456782".
 * The match is the digits only, like a BSN after a space.
 */
const GLUED_BSN = /(?<!\p{L})(?:bsn|burgerservicenummer|sofi(?:nummer|nr)?)(?:-?nr|-?nummer)?[:#.-]?(\d{8,9})(?!\w)(?![.,/-]\d)/giu;

function findBsns(text: string): PersonalDataMatch[] {
  const spaced = [...text.matchAll(BSN)]
    .filter((m) => isValidBsn(m[0].replace(/\D/g, '')))
    .map((m): PersonalDataMatch => ({ kind: 'bsn', index: m.index, length: m[0].length }));
  const glued = [...text.matchAll(GLUED_BSN)]
    .filter((m) => isValidBsn(m[1]))
    .map((m): PersonalDataMatch => ({ kind: 'bsn', index: m.index + m[0].length - m[1].length, length: m[1].length }));
  return [...spaced, ...glued];
}

// ---------------------------------------------------------------------------------------------
// Birth dates

/** Dutch and English month names and abbreviations; "mar"/"mrt", "okt"/"oct" etc. */
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  maart: 3,
  march: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augustus: 8,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
/** Longest names first so "maart" is not read as "mar" + "rt". */
const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** 12-03-1948, 1/3/1948, 12.03.1948 and, only after a cue, 12-03-48 (same separator twice). */
const NUMERIC_DATE = /(?<![\w.,/-])(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?!\w)(?![.,/-]\d)/g;
/** 1948-03-12 (ISO). */
const ISO_DATE = /(?<![\w.,/-])(\d{4})-(\d{2})-(\d{2})(?!\w)(?![.,/-]\d)/g;
/** 12 maart 1948, 12 mrt. 1948, 3rd of May 1948, 12 mei '48. */
const TEXT_DATE_DMY = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:ste|de|e|st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAME})\\.?\\s+(\\d{4}|'?\\d{2})(?![\\p{L}\\d])(?![.,:]\\d)`,
  'giu',
);
/** March 12, 1948 (English order). */
const TEXT_DATE_MDY = new RegExp(
  `(?<![\\p{L}\\d])(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\p{L}\\d])(?![.,:]\\d)`,
  'giu',
);

/** Words that announce a birth date ("geboren op", "geb.", "DOB:", "date of birth"). */
const BIRTH_CUE_WORDS =
  'geboren|geboortedatum|geboortedag|gebdatum|gebdat|geb\\.?\\s?datum|geb|d\\.?o\\.?b|date\\s+of\\s+birth|birth\\s?date|birthday|born';
/** Words after which a date is about something else ("sinds 1-1-2000", "brief van 3-4-2005"). */
const OTHER_DATE_CUE_WORDS =
  'sinds|vanaf|per|tot|t/m|ingangsdatum|afspraak|brief|beschikking|ontvangen|verstuurd|verzonden|d\\.d|since|from|until|appointment';
/**
 * A cue directly before the date, possibly with up to `maxFiller` words in between
 * ("geboren in Utrecht op 1 mei 1950"). Applied to the text just before the date.
 */
function cueBefore(words: string, maxFiller: number): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${words})\\.?(?:[\\s:,()/-]+[\\p{L}'’]+){0,${maxFiller}}[\\s:,()/-]*$`, 'iu');
}
const BIRTH_CUE = cueBefore(BIRTH_CUE_WORDS, 3);
const OTHER_DATE_CUE = cueBefore(OTHER_DATE_CUE_WORDS, 2);

/** Without a cue, a full date counts as a birth date when it lies this many years back. */
const MIN_AGE = 14;
const MAX_AGE = 110;
/** With a cue, accept any year from this far back (older records, or a parent's birth date). */
const MAX_AGE_WITH_CUE = 125;

interface DateCandidate {
  index: number;
  length: number;
  day: number;
  month: number;
  /** Year as written: 2 or 4 digits, without apostrophe. */
  year: string;
}

function dateCandidates(text: string): DateCandidate[] {
  const candidates: DateCandidate[] = [];
  const add = (m: RegExpExecArray | RegExpMatchArray, day: string, month: number | string, year: string) =>
    candidates.push({ index: m.index!, length: m[0].length, day: Number(day), month: Number(month), year: year.replace("'", '') });
  for (const m of text.matchAll(NUMERIC_DATE)) add(m, m[1], m[3], m[4]);
  for (const m of text.matchAll(ISO_DATE)) add(m, m[3], m[2], m[1]);
  for (const m of text.matchAll(TEXT_DATE_DMY)) add(m, m[1], MONTHS[m[2].toLowerCase()], m[3]);
  for (const m of text.matchAll(TEXT_DATE_MDY)) add(m, m[2], MONTHS[m[1].toLowerCase()], m[3]);
  return candidates;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function findBirthdates(text: string, { referenceYear }: FinderContext): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const c of dateCandidates(text)) {
    const before = text.slice(Math.max(0, c.index - 60), c.index);
    const hasCue = BIRTH_CUE.test(before);
    let year = Number(c.year);
    if (c.year.length === 2) {
      if (!hasCue) continue; // "12-03-48" is too vague on its own
      year += year <= referenceYear % 100 ? 2000 : 1900;
    }
    if (!isRealDate(year, c.month, c.day)) continue;
    const plausible = hasCue
      ? year >= referenceYear - MAX_AGE_WITH_CUE && year <= referenceYear
      : year >= referenceYear - MAX_AGE && year <= referenceYear - MIN_AGE && !OTHER_DATE_CUE.test(before);
    if (plausible) matches.push({ kind: 'birthdate', index: c.index, length: c.length });
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** Street-name endings that are rarely anything else, so "kerkstraat 12" counts in any case. */
const SAFE_STREET_SUFFIX = 'straat|laan|gracht|kade|singel|dijk|dreef|plein|steeg|plantsoen|boulevard|allee';
/** Endings that also end ordinary words (uitkering, onderweg, loopbaan): need a capital letter. */
const AMBIGUOUS_STREET_SUFFIX = 'weg|hof|pad|markt|park|baan|ring|wal';
/** Capitalised words with an ambiguous ending that are not street names. */
const NOT_A_STREET =
  /ering$|^(?:onderweg|halfweg|allerweg|loopbaan|bijbaan|arbeidsmarkt|woningmarkt|huizenmarkt|supermarkt|kerstmarkt|rommelmarkt|pretpark|gerechtshof)$/i;
/** Small words inside street names: "Laan van Meerdervoort", "Weg der Verenigde Naties". */
const NAME_CONNECTOR = "van|der|de|den|het|'t|op|aan|in|te|ter|ten|bij|voor|achter|over|tot|naar";
/** Followed by one of these, a number is a quantity ("Onderweg 10 minuten"), not a house number. */
const UNIT =
  "jaar|jr|uur|u|minuten|minuut|min|maanden|maand|mnd|weken|week|dagen|dag|keer|x|euro|eur|procent|%|km|kilometer|meter|m|kg|personen|mensen|bezoekers|stuks|pagina's";
/** 12, 12a, 12 A, 167bis, 12-2, 12 hs; not a time, amount, or quantity. */
const HOUSE_NUMBER =
  `(?:nr\\.?\\s*)?\\d{1,4}(?:[a-zA-Z](?!\\p{L})|bis|hs|-\\d{1,3}|[ -](?:[A-Z]|bis|hs|bg|huis)(?!\\p{L}))?` +
  `(?!\\d)(?![.,:]\\d)(?!\\s*(?:${UNIT})(?!\\p{L}))`;
/** Dutch postcode "3511 AB" / "3511AB" (upper case only, so "1250 en" is no postcode; SA/SD/SS are not issued). */
const POSTCODE = `[1-9]\\d{3}\\s?(?!S[ADS])[A-Z]{2}(?![\\p{L}\\d])`;

/**
 * Street (by its ending, or "Laan van ..." style) + house number, optionally followed by the
 * postcode. "str." is the usual abbreviation of "straat" ("Kerkstr. 12", "Kerkstr.12").
 */
const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])(?:` +
    `\\p{L}[\\p{L}'’-]*str\\.\\s*(?=\\d|nr)` +
    `|\\p{L}[\\p{L}'’-]*(?:${SAFE_STREET_SUFFIX})\\s+` +
    `|(?<ambiguous>\\p{Lu}[\\p{L}'’-]*(?:${AMBIGUOUS_STREET_SUFFIX}))\\s+` +
    `|(?:Straat|Laan|Gracht|Kade|Singel|Dijk|Dreef|Plein|Weg|Hof|Pad|Markt|Park|Baan|Ring|Wal|Boulevard|Allee)` +
    `(?:\\s+(?:${NAME_CONNECTOR}))+(?:\\s+\\p{Lu}[\\p{L}'’.-]*)+\\s+` +
    `)${HOUSE_NUMBER}(?:,?\\s+${POSTCODE})?`,
  'gu',
);
/** Postcode + house number: "3511 AB 12", "3511AB 12a". A postcode alone is not an address. */
const POSTCODE_HOUSE_NUMBER = new RegExp(`(?<![\\p{L}\\d])${POSTCODE}\\s+${HOUSE_NUMBER}`, 'gu');
/** Any capitalised name + house number + postcode: "Markt 12, 3511 AB", "Hoogt 5 3512 GW". */
const NAME_NUMBER_POSTCODE = new RegExp(`(?<![\\p{L}\\d])\\p{Lu}[\\p{L}'’.-]+\\s+${HOUSE_NUMBER},?\\s+${POSTCODE}`, 'gu');

function findAddresses(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  for (const m of text.matchAll(STREET_ADDRESS)) {
    const ambiguous = m.groups?.ambiguous;
    if (ambiguous !== undefined && NOT_A_STREET.test(ambiguous)) continue;
    matches.push({ kind: 'address', index: m.index, length: m[0].length });
  }
  for (const re of [NAME_NUMBER_POSTCODE, POSTCODE_HOUSE_NUMBER]) {
    for (const m of text.matchAll(re)) matches.push({ kind: 'address', index: m.index, length: m[0].length });
  }
  return matches;
}

/** Most specific first: an e-mail address or IBAN may contain digits that look like a phone or BSN. */
const FINDERS_BY_PRIORITY: ReadonlyArray<(text: string, context: FinderContext) => PersonalDataMatch[]> = [
  findEmails,
  findIbans,
  findPhones,
  findBsns,
  findBirthdates,
  findAddresses,
];
