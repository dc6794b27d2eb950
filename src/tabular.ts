// **tabular** lays out rows of text as an aligned table, CSV (RFC 4180) or TSV, for query results.

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Terminal width: when given, the widest columns are cut (with "…") so each line fits. Default: no limit. */
  width?: number;
}

const SPACE = /\s+/g;
const GAP = '  ';
const MIN_COLUMN = 6;

// One line per cell: a line break inside evidence would break the layout.
const flat = (s: string): string => s.replace(SPACE, ' ');
const len = (s: string): number => [...s].length;

function cut(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

// ### `formatTable` aligns `rows` under `columns`, with a rule under the header. Nothing but
// spaces between columns, so the output stays readable when piped into `less` or a file.
export function formatTable(columns: string[], rows: string[][], options: TableOptions = {}): string {
  const cells = rows.map((r) => columns.map((_, i) => flat(r[i] ?? '')));
  const widths = columns.map((c, i) => Math.max(len(c), ...cells.map((r) => len(r[i]))));
  if (options.width) {
    // Shrink the widest column one character at a time until the table fits (or nothing can shrink).
    const room = options.width - GAP.length * (columns.length - 1);
    let total = widths.reduce((x, y) => x + y, 0);
    while (total > room) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest] <= MIN_COLUMN) break;
      widths[widest]--;
      total--;
    }
  }
  const line = (r: string[]): string => r.map((c, i) => {
    const v = cut(c, widths[i]);
    return i === r.length - 1 ? v : v + ' '.repeat(widths[i] - len(v));
  }).join(GAP);
  return [line(columns), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

const needsQuotes = /[",\r\n]/;

// ### `csvField` quotes a field when it holds a quote, comma or line break (RFC 4180).
export const csvField = (s: string): string => (needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// ### `formatCsv` writes RFC 4180 CSV: a header line, CRLF line ends, fields quoted as needed.
export function formatCsv(columns: string[], rows: string[][]): string {
  return [columns, ...rows].map((r) => columns.map((_, i) => csvField(r[i] ?? '')).join(',')).join('\r\n') + '\r\n';
}

const TAB_OR_BREAK = /[\t\r\n]/g;

// ### `formatTsv` writes tab-separated lines; a tab or line break inside a cell becomes a space.
export function formatTsv(columns: string[], rows: string[][]): string {
  return [columns, ...rows].map((r) => columns.map((_, i) => (r[i] ?? '').replace(TAB_OR_BREAK, ' ')).join('\t')).join('\n') + '\n';
}
