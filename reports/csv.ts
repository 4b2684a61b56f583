/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Chinese opens correctly), CRLF, quoted cells, and
 * cells that a spreadsheet would run as a formula (= + - @, tab, CR) made inert with a leading quote.
 */
export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = inertCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
