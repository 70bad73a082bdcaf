import { describe, expect, it } from 'vitest';
import { cellOf, packRows, rowOf, rowsView } from './packed-rows';

const rows = [
	['104.1', '30.5', '<img src=x onerror=alert(1)>'],
	['', '31', '成都'],
	['105', '29.9', '=1+1']
];

describe('packed rows (a large table crossing from the worker)', () => {
	it('gives back every cell and row as written', () => {
		const p = packRows(rows, 3);
		expect(p.length).toBe(3);
		expect(cellOf(p, 1, 0)).toBe('');
		expect(cellOf(p, 1, 2)).toBe('成都');
		expect(rowOf(p, 2)).toEqual(rows[2]);
	});

	it('reads as a plain array of rows: length, index, map, slice, forEach, spread', () => {
		const view = rowsView(packRows(rows, 3));
		expect(view.length).toBe(3);
		expect(view[0]).toEqual(rows[0]);
		expect(view[3]).toBeUndefined();
		expect(view.map((r) => r[2])).toEqual(rows.map((r) => r[2]));
		expect(view.slice(1)).toEqual(rows.slice(1));
		const seen: string[] = [];
		view.forEach((r, i) => seen.push(`${i}:${r[1]}`));
		expect(seen).toEqual(['0:30.5', '1:31', '2:29.9']);
		expect([...view]).toEqual(rows);
		expect(Array.isArray(view)).toBe(true);
	});

	it('is read-only', () => {
		const view = rowsView(packRows(rows, 3));
		expect(() => {
			'use strict';
			view[0] = ['x'];
		}).toThrow();
		expect(view[0]).toEqual(rows[0]);
	});

	it('packs an empty table', () => {
		const view = rowsView(packRows([], 2));
		expect(view.length).toBe(0);
		expect(view.map((r) => r)).toEqual([]);
	});
});
