/**
 * A spreadsheet workbook (XLSX; also the older XLS and ODS) → the same table of string cells as a CSV, so column
 * detection, points, regions and the join work as for CSV. One sheet is read: the one named, or the first. Cells are
 * taken as the spreadsheet displays them (numbers and dates formatted, formulas as their cached result, never the
 * formula itself), row numbers are the sheet's own, so a bad row is named by sheet and row as Excel shows them.
 *
 * The reader is SheetJS as republished on npm by @e965/xlsx (0.20.x, the line with the prototype-pollution and ReDoS
 * fixes); the npm `xlsx` 0.18 line is not used (known advisories, no longer published there). Pure, no DOM: it runs
 * in the parsing worker.
 */
import { read, utils } from '@e965/xlsx';
import { UserDataError } from './decode';
import { parseDelimited } from './parse-table';
import type { SheetTable } from './sheet-of';

export type { SheetTable } from './sheet-of';

/** ZIP (XLSX, ODS) or OLE compound file (XLS): the first bytes of a workbook. Text files (CSV, GeoJSON) never start so. */
export function isWorkbook(bytes: Uint8Array): boolean {
	const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	const cfb = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
	return zip || cfb;
}

// In its own module (no SheetJS, no papaparse) so the store, which is in the first view, does not pull them in.
export { sheetOf } from './sheet-of';

/** Reads one sheet of a workbook (`sheet` by name, the first by default) as a table. */
export function parseWorkbook(bytes: Uint8Array, sheet?: string, onProgress?: (share: number) => void): SheetTable {
	let book;
	try {
		// Only values and their displayed text: no formulas, styles, HTML renderings or macros are kept.
		book = read(bytes, {
			type: 'array',
			dense: true,
			cellFormula: false,
			cellHTML: false,
			cellStyles: false,
			bookVBA: false
		});
	} catch (e) {
		const why = String((e as Error)?.message ?? e).slice(0, 200);
		throw new UserDataError(`the workbook cannot be read: ${why}`, `无法读取这个工作簿：${why}`);
	}
	const sheets = book.SheetNames;
	const name = sheet ?? sheets[0];
	const ws = name === undefined ? undefined : book.Sheets[name];
	if (!ws) {
		const n = JSON.stringify(String(sheet)).slice(0, 60);
		throw new UserDataError(
			sheets.length ? `the workbook has no sheet named ${n}` : 'the workbook has no sheets',
			sheets.length ? `工作簿中没有名为 ${n} 的工作表` : '工作簿中没有工作表'
		);
	}
	// The sheet's used range may start below row 1 (a sheet whose top rows are empty): its CSV starts there.
	const first = ws['!ref'] ? utils.decode_range(ws['!ref']).s.r : 0;
	const csv = utils.sheet_to_csv(ws, { blankrows: true, strip: false });
	const table = parseDelimited(csv, onProgress);
	return {
		...table,
		rowNumbers: table.rowNumbers.map((r) => r + first),
		bad: table.bad.map((b) => ({ ...b, row: b.row + first })),
		sheet: name!,
		sheets
	};
}
