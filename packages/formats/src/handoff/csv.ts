/**
 * CSV per table (RFC 4180, CRLF, a header line of the column labels), through the address plan's
 * csvField: quoted where needed, and a cell a spreadsheet would run as a formula (= + - @ tab CR
 * first) gets a leading apostrophe.
 */
import { csvField } from '../address-plan/index.ts';
import type { HandoffTable } from './types.ts';

export function csvLines(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function tableCsv(table: HandoffTable): string {
  return csvLines(
    table.columns.map((c) => c.label),
    table.rows.map((r) => table.columns.map((c) => r[c.key] ?? '')),
  );
}
