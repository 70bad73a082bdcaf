import { describe, expect, test } from 'vitest';
import type { PlanFeature } from '$lib/data/plan-data';
import { classColour, lensClasses, unattributed, whereCounts, whereCsv } from './industry-where';

const f = (id: string, category: string, county: string | null, prefecture: string | null) =>
	({
		properties: { id, industries: [{ category, text_zh: '锂电' }], county_code: county, prefecture_code: prefecture }
	}) as unknown as PlanFeature;
const features = [
	f('a', 'lithium', '510904', '510900'),
	f('b', 'lithium', '510904', '510900'),
	f('c', 'lithium', '513321', '513300'),
	f('d', 'lithium', null, '513300'),
	f('e', 'lithium', null, null),
	f('x', 'solar', '513321', '513300')
];
const names = new Map([
	['510904', { name_zh: '安居区', name_en: 'Anju' }],
	['513321', { name_zh: '康定市', name_en: 'Kangding' }],
	['510900', { name_zh: '遂宁市', name_en: 'Suining' }],
	['513300', { name_zh: '甘孜藏族自治州', name_en: 'Garzê' }]
]);

describe('where an industry is planned', () => {
	test('per county: features naming that county, most first', () => {
		expect(whereCounts(features, 'lithium', 'county', names)).toEqual([
			{ code: '510904', name_zh: '安居区', name_en: 'Anju', level: 'county', count: 2, ids: ['a', 'b'] },
			{ code: '513321', name_zh: '康定市', name_en: 'Kangding', level: 'county', count: 1, ids: ['c'] }
		]);
		expect(unattributed(features, 'lithium', 'county')).toBe(2);
	});

	test('per prefecture: a prefecture-wide feature counts there too', () => {
		const rows = whereCounts(features, 'lithium', 'prefecture', names);
		expect(rows.map((r) => [r.code, r.count])).toEqual([
			['510900', 2],
			['513300', 2]
		]);
		expect(unattributed(features, 'lithium', 'prefecture')).toBe(1);
	});

	test('classes: one per count while few, five equal steps beyond; every count has one colour', () => {
		expect(lensClasses(0)).toEqual([]);
		expect(lensClasses(3).map((c) => [c.from, c.to])).toEqual([
			[1, 1],
			[2, 2],
			[3, 3]
		]);
		const c = lensClasses(23);
		expect(c).toHaveLength(5);
		expect(c[0].from).toBe(1);
		expect(c.at(-1)!.to).toBe(23);
		for (let n = 1; n <= 23; n++) expect(classColour(c, n), String(n)).toMatch(/^#/);
		expect(classColour(c, 0)).toBeNull();
	});

	test('CSV with BOM, one line per region', () => {
		const csv = whereCsv('lithium', whereCounts(features, 'lithium', 'county', names));
		expect(csv.startsWith('\uFEFFcategory,level,code')).toBe(true);
		expect(csv.trim().split('\r\n')).toHaveLength(3);
		expect(csv).toContain('lithium,county,510904,安居区,Anju,2,a; b');
	});
});
