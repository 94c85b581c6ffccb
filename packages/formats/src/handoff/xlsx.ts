/**
 * The handoff as an XLSX workbook (exceljs): one sheet per table, a bold frozen header row and an
 * auto-filter. Cells are written as strings (never formulas), so no cell text can run.
 *
 * Deterministic bytes: exceljs stamps the workbook's created/modified dates (docProps/core.xml) and
 * its zip writer stamps every entry with the current time, so the dates are fixed and the package
 * is re-zipped with fflate in path order with a fixed time, as zipBundle does.
 * exceljs is loaded on first use: the browser build of @viplane/formats never writes XLSX (the web
 * app downloads it from the server), so it does not pay for it.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Handoff } from './types.ts';

/** The workbook's created/modified date: a constant, so the same design gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export async function handoffXlsx(handoff: Handoff): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Viplane';
  workbook.lastModifiedBy = 'Viplane';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = `Network handoff: ${handoff.designName}`;
  for (const table of handoff.tables) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.key, width: Math.min(60, Math.max(10, c.label.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    for (const r of table.rows) sheet.addRow(table.columns.map((c) => r[c.key] ?? ''));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return rezip(written);
}

/** The same zip entries, in path order, with a fixed time (DOS time is local: fields made at call time, as in zipBundle). */
function rezip(zip: Uint8Array): Uint8Array {
  const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
  const entries = unzipSync(zip);
  const out: Zippable = {};
  for (const path of Object.keys(entries).sort()) out[path] = [entries[path]!, { mtime: FIXED_MTIME, level: 6 }];
  return zipSync(out, { mtime: FIXED_MTIME });
}
