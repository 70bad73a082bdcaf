import { describe, expect, test } from 'vitest';
import { fillColorExpression, regionShading } from './region-style';
import { summaryLines } from './summary-text';
import type { RegionLayer } from './user-layer';
import type { JoinSummary } from './join';

const layer = (columns: string[], rows: string[][], codes: string[]): RegionLayer => ({
	id: 'data-1',
	name: 't.csv',
	kind: 'regions',
	level: 'county',
	regionColumn: columns[0],
	columns,
	rows,
	rowNumbers: rows.map((_, i) => i + 2),
	bad: [],
	codes
});

describe('region shading', () => {
	test('by the first numeric column, summed per place; the most gets the dark end', () => {
		const s = regionShading(
			layer(
				['县', '备注', '企业数'],
				[
					['理塘', 'a', '10'],
					['康定', 'b', '1,000'],
					['理塘', 'c', '5']
				],
				['513334', '513301', '513334']
			)
		);
		expect(s.column).toBe('企业数');
		expect(s.values).toEqual(
			new Map([
				['513334', 15],
				['513301', 1000]
			])
		);
		expect([s.min, s.max]).toEqual([15, 1000]);
		expect(s.colors.get('513301')).toBe(s.ramp[4]);
		expect(s.colors.get('513334')).toBe(s.ramp[0]);
		const expr = fillColorExpression(s) as unknown[];
		expect(expr.slice(0, 2)).toEqual(['match', ['get', 'code']]);
		expect(expr).toContain('513301');
	});
	test('rows are counted when no column is numeric', () => {
		const s = regionShading(
			layer(
				['县', '名称'],
				[
					['理塘', 'x'],
					['理塘', 'y']
				],
				['513334', '513334']
			)
		);
		expect(s.column).toBeNull();
		expect(s.values.get('513334')).toBe(2);
		expect(fillColorExpression(regionShading(layer(['县'], [], [])))).toBe('rgba(0,0,0,0)');
	});
});

test('summary in words, both languages', () => {
	const s: JoinSummary = {
		rows: 4,
		inSichuan: 3,
		byRegion: [
			{ id: 'r1', name_zh: '成都平原经济区', name_en: 'Chengdu Plain Economic Region', count: 3, share: 0.75 }
		],
		nearPark: 1,
		nearParkPossible: 2,
		nearParkKm: 10
	};
	expect(summaryLines(s, 'points', 'zh')).toEqual([
		'75 % 位于成都平原经济区',
		'1 个距规划园区 10 km 以内',
		'另 2 个可能在内（园区仅定位到县、市驻地）',
		'1 个在四川以外'
	]);
	expect(summaryLines(s, 'regions', 'en')).toEqual(['75 % in Chengdu Plain Economic Region']);
});
