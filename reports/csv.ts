/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Chinese opens correctly), CRLF, quoted cells, and
 * cells that a spreadsheet would run as a formula (= + - @, full-width too, after blanks; tab, CR) made inert with a leading quote.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/**
 * A formula start: = + - @ (and their full-width forms ＝＋－＠, which WPS takes as formula starts when typed
 * with a Chinese input method), after any leading blanks (spreadsheets skip spaces, full-width spaces and line
 * breaks before a formula), or a tab/CR first.
 */
const formulaStart = /^(?:[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

export function inertCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = inertCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
