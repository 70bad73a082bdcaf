/**
 * Which sheet of a workbook a table came from. Apart from xlsx.ts (SheetJS) and parse-table.ts (papaparse) so the
 * user-data store, which the first view loads, does not pull those readers in (issue 12).
 */
import type { RawTable } from './parse-table';

/** A table read from one sheet of a workbook: which sheet, and the names of all of them (for a sheet picker). */
export interface SheetTable extends RawTable {
	sheet: string;
	sheets: string[];
}

/** The sheet a table came from, or null for a CSV or GeoJSON. */
export const sheetOf = (raw: RawTable): { sheet: string; sheets: string[] } | null => {
	const s = raw as Partial<SheetTable>;
	return typeof s.sheet === 'string' && Array.isArray(s.sheets) ? { sheet: s.sheet, sheets: s.sheets } : null;
};
