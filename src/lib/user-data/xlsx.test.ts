import { describe, expect, it } from 'vitest';
import { utils, write, type WorkBook } from '@e965/xlsx';
import { UserDataError } from './decode';
import { isWorkbook, parseWorkbook, sheetOf } from './xlsx';

/** An .xlsx file's bytes, made with the library's own writer: one sheet per entry. */
function workbook(sheets: Record<string, unknown[][]>, edit?: (book: WorkBook) => void): Uint8Array {
	const book = utils.book_new();
	for (const [name, rows] of Object.entries(sheets)) utils.book_append_sheet(book, utils.aoa_to_sheet(rows), name);
	edit?.(book);
	return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('isWorkbook', () => {
	it('knows a workbook from text files', () => {
		expect(isWorkbook(workbook({ A: [['x']] }))).toBe(true);
		expect(isWorkbook(new TextEncoder().encode('lon,lat\n104,30\n'))).toBe(false);
		expect(isWorkbook(new TextEncoder().encode('{"type":"FeatureCollection"}'))).toBe(false);
	});
});

describe('parseWorkbook', () => {
	it('reads the first sheet as text cells, numbers and dates as displayed', () => {
		const bytes = workbook(
			{
				点位: [
					['名称', '经度', '纬度', '投资（万元）', '日期'],
					['甲厂', 104.06, 30.67, 12000, new Date(Date.UTC(2024, 0, 15))],
					['乙厂', 100.27, 29.99, 0.5, '']
				],
				其他: [['x'], ['1']]
			},
			(book) => {
				const ws = book.Sheets['点位'];
				ws['D2'].z = '#,##0';
				delete ws['D2'].w;
			}
		);
		const t = parseWorkbook(bytes);
		expect(t.sheet).toBe('点位');
		expect(t.sheets).toEqual(['点位', '其他']);
		expect(t.columns).toEqual(['名称', '经度', '纬度', '投资（万元）', '日期']);
		expect(t.rows[0].slice(0, 4)).toEqual(['甲厂', '104.06', '30.67', '12,000']);
		// a date cell is text as Excel shows it, not a serial number
		expect(t.rows[0][4]).not.toMatch(/^4\d{4}$/);
		expect(t.rows[0][4]).toMatch(/2024|24/);
		expect(t.rows[1][3]).toBe('0.5');
		expect(t.rowNumbers).toEqual([2, 3]);
		expect(sheetOf(t)).toEqual({ sheet: '点位', sheets: ['点位', '其他'] });
	});

	it('reads the sheet asked for, and names a missing one', () => {
		const bytes = workbook({ A: [['lon'], ['1']], B: [['县'], ['理塘县']] });
		expect(parseWorkbook(bytes, 'B').rows).toEqual([['理塘县']]);
		expect(() => parseWorkbook(bytes, 'C')).toThrow(UserDataError);
		expect(() => parseWorkbook(bytes, 'C')).toThrow(/no sheet named "C"/);
	});

	it("numbers rows as the sheet does, when the table starts lower down, and keeps a row's bad cells named", () => {
		const bytes = workbook({ S: [] }, (book) => {
			const ws = utils.aoa_to_sheet([]);
			utils.sheet_add_aoa(ws, [['lon', 'lat'], ['104', '30'], [], ['x'.repeat(10_001), '30']], { origin: 'A3' });
			book.Sheets['S'] = ws;
		});
		const t = parseWorkbook(bytes);
		expect(t.rowNumbers).toEqual([4]);
		expect(t.bad).toEqual([expect.objectContaining({ row: 6, code: 'too-long', detail: 'lon' })]);
	});

	it('keeps hostile strings and formulas as inert text', () => {
		const bytes = workbook({ S: [['name'], ['<img src=x onerror=alert(1)>'], ['=1+1']] }, (book) => {
			book.Sheets['S']['A4'] = { t: 'n', v: 2, f: 'SUM(1,1)' };
			book.Sheets['S']['!ref'] = 'A1:A4';
		});
		const t = parseWorkbook(bytes);
		expect(t.rows).toEqual([['<img src=x onerror=alert(1)>'], ['=1+1'], ['2']]);
	});

	it('refuses a damaged workbook with a message, not a crash', () => {
		const bytes = workbook({ S: [['a'], ['1']] }).slice(0, 200);
		expect(() => parseWorkbook(bytes)).toThrow(UserDataError);
	});
});
