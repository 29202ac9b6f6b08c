/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a cell that begins with = + - @, a tab
 * or a carriage return would be run as a formula by Excel or LibreOffice (CSV injection), so it
 * is prefixed with an apostrophe, which spreadsheets show as text. Quotes are doubled and any
 * cell with a comma, quote or line break is quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}
