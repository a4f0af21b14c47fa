import type { ExportItem } from '../events.js';

/** One CSV field: quoted when needed (RFC 4180), and never read as a formula by spreadsheets. */
function field(value: string | undefined): string {
  let text = (value ?? '').replace(/<[^>]*>/g, '');
  // A leading =, +, - or @ would make Excel or Sheets evaluate provider text as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The selection as CSV: code, statement, GUID, URI, framework (with a header row, CRLF lines). */
export function toCsv(items: readonly ExportItem[]): string {
  const rows = [['code', 'statement', 'GUID', 'URI', 'framework']];
  for (const item of items) {
    if (item.status === 'not-found') continue; // nothing to align to
    rows.push([item.humanCodingScheme ?? '', item.fullStatement, item.identifier, item.uri, item.documentTitle ?? item.documentIdentifier]);
  }
  return `${rows.map(r => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** One item as plain text for the clipboard: `code statement — URI`. */
export function toPlainText(item: ExportItem): string {
  const statement = item.fullStatement
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [item.humanCodingScheme, statement].filter(Boolean).join(' ') + (item.uri ? ` — ${item.uri}` : '');
}
