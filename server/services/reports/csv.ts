/** CSV for Dutch Excel: `;` between fields, CRLF between records, UTF-8 with a byte-order mark. Pure. */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export type CsvValue = string | number | boolean | null | undefined;

/** Quotes a field when it holds the separator, a quote, a line break or leading/trailing spaces. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export const csvLine = (values: CsvValue[]) => values.map(csvField).join(CSV_SEPARATOR) + '\r\n';

/**
 * Free text (a note, a name) that a spreadsheet would read as a formula gets a leading apostrophe
 * (OWASP CSV injection); codes, ids and numbers never start with these characters.
 */
export function safeText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
