// Parsing and normalising Dutch postcodes (PC4 '3511' or PC6 '3511 AB').

/** A parsed Dutch postcode. */
export interface ParsedPostcode {
  /** The four digits, e.g. '3511'. */
  pc4: string;
  /** Digits and letters without space, e.g. '3511AB'; null when only four digits were given. */
  pc6: string | null;
  /** The conventional notation: '3511 AB' or '3511'. */
  display: string;
}

/** Letter pairs never used in Dutch postcodes. */
const UNUSED_LETTERS = new Set(['SA', 'SD', 'SS']);

/**
 * Parse a Dutch postcode, ignoring case and surrounding/inner whitespace ('3511 AB', '3511ab',
 * ' 3511  AB ', or just '3511'). The digits must not start with 0 and the letter pairs SA, SD and SS
 * are rejected because they are not used.
 * @param input User input.
 * @returns The parsed postcode, or null when the input is not a valid PC4 or PC6 postcode.
 */
export function parsePostcode(input: string): ParsedPostcode | null {
  if (typeof input !== 'string') return null;
  const match = /^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$/.exec(input);
  if (!match) return null;
  const pc4 = match[1];
  if (match[2] === undefined) return { pc4, pc6: null, display: pc4 };
  const letters = match[2].toUpperCase();
  if (UNUSED_LETTERS.has(letters)) return null;
  return { pc4, pc6: `${pc4}${letters}`, display: `${pc4} ${letters}` };
}
