/** Writing CSV fields and rows (RFC 4180: quote when needed, double quotes inside). Pure. */

/** One CSV field: quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  // Numbers keep full precision (shortest round-trip form), as in JSON: analysts round when they show them.
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row with CRLF line end, as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | boolean | undefined | null)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
