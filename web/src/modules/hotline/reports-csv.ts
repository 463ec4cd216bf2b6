/**
 * CSV made in the browser for the report's by-day table. UTF-8 with a byte-order mark and
 * CRLF line ends: Excel on Windows reads a CSV without a BOM in the local code page and
 * turns Korean headers into mojibake. Cells are quoted only when they must be (RFC 4180),
 * and text that a spreadsheet would run as a formula is defused with a leading apostrophe.
 */

export const CSV_BOM = '\uFEFF';
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, BOM first; the last line ends with CRLF too. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface ByDayRow {
  day: string;
  sms: number;
  voice: number;
  web: number;
}

/** The by-day table: a header row in the page language, one row per day with a total. */
export function byDayCsv(rows: readonly ByDayRow[], headers: { day: string; sms: string; voice: string; web: string; total: string }): string {
  return toCsv([
    [headers.day, headers.sms, headers.voice, headers.web, headers.total],
    ...rows.map((r) => [r.day, r.sms, r.voice, r.web, r.sms + r.voice + r.web]),
  ]);
}

/** Hand the text to the browser as a file download (no server round trip: the numbers are on screen already). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
