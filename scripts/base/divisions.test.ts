import { describe, expect, test } from 'vitest';
import {
	currentDivision,
	decodeEchartsRing,
	dropDegenerateRings,
	englishName,
	gcjToWgs,
	prefectureCodeOf,
	ringArea
} from './divisions';

describe('gcjToWgs', () => {
	test('moves a Sichuan position by the GCJ-02 offset (a few hundred metres south-west)', () => {
		const [lng, lat] = gcjToWgs([104.066, 30.659]);
		const dx = (104.066 - lng) * 111_320 * Math.cos((30.659 * Math.PI) / 180);
		const dy = (30.659 - lat) * 110_574;
		const metres = Math.hypot(dx, dy);
		expect(metres).toBeGreaterThan(200);
		expect(metres).toBeLessThan(700);
		expect(dx).toBeGreaterThan(0);
	});
});

describe('dropDegenerateRings', () => {
	const square = [
		[100, 30],
		[101, 30],
		[101, 31],
		[100, 31],
		[100, 30]
	];
	test('keeps real rings and removes rings with fewer than 4 positions or no area', () => {
		const spike = [
			[100, 30],
			[100.5, 30],
			[100, 30]
		];
		const flat = [
			[102, 30],
			[103, 30],
			[104, 30],
			[102, 30]
		];
		const out = dropDegenerateRings({ type: 'MultiPolygon', coordinates: [[square], [spike], [flat]] });
		expect(out?.coordinates).toHaveLength(1);
	});
	test('removes consecutive duplicates and closes open rings', () => {
		const open = [
			[100, 30],
			[100, 30],
			[101, 30],
			[101, 31],
			[100, 31]
		];
		const out = dropDegenerateRings({ type: 'Polygon', coordinates: [open] });
		expect(out?.coordinates[0][0]).toEqual(square);
	});
	test('returns null when nothing usable is left', () => {
		expect(
			dropDegenerateRings({
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[0, 0],
						[0, 0]
					]
				]
			})
		).toBeNull();
	});
	test('ringArea is signed by orientation', () => {
		expect(Math.abs(ringArea(square))).toBeCloseTo(1);
		expect(ringArea(square)).toBe(-ringArea([...square].reverse()));
	});
});

describe('decodeEchartsRing', () => {
	test("decodes ECharts' zigzag delta encoding", () => {
		// Encode [[1,2],[3,1]] at scale 1 from offset [0,0]: deltas (1,2), (2,-1) → zigzag (2,4), (4,1) → chars +64.
		const encoded = String.fromCharCode(66, 68, 68, 65);
		expect(decodeEchartsRing(encoded, [0, 0], 1)).toEqual([
			[1, 2],
			[3, 1]
		]);
	});
});

describe('current divisions', () => {
	const renames = [{ old_code: '513425', code: '513402', name_zh: '会理市' }];
	test('applies the renames of records older than 2021', () => {
		expect(currentDivision('513425', '会理县', renames)).toEqual({ code: '513402', name_zh: '会理市' });
		expect(currentDivision('513301', '康定市', renames)).toEqual({ code: '513301', name_zh: '康定市' });
	});
	test('prefecture code', () => expect(prefectureCodeOf('513301')).toBe('513300'));
});

describe('englishName', () => {
	test('pinyin plus the type of division', () => {
		expect(englishName('513301', '康定市', {})).toEqual({ name_en: 'Kangding City', label_en: 'Kangding' });
		expect(englishName('510726', '北川羌族自治县', {})).toEqual({
			name_en: 'Beichuan Qiang Autonomous County',
			label_en: 'Beichuan'
		});
		expect(englishName('513300', '甘孜藏族自治州', { '513300': 'Ganzi' }).name_en).toBe(
			'Ganzi Tibetan Autonomous Prefecture'
		);
	});
	test('overrides fix characters pinyin-pro reads wrongly', () => {
		expect(englishName('511527', '筠连县', { '511527': 'Junlian' }).label_en).toBe('Junlian');
	});
});
