import { describe, expect, test } from 'vitest';
import type { PlanFeature } from '$lib/data/plan-data';
import { matrixCsv, regionMatrix, sortMatrixRows } from './region-matrix';

const f = (id: string, prefecture: string | null, ...categories: string[]) =>
	({
		properties: {
			id,
			prefecture_code: prefecture,
			industries: categories.map((category) => ({ category, text_zh: category }))
		}
	}) as unknown as PlanFeature;
const features = [
	f('a', '510100', 'aerospace', 'electronics'),
	f('b', '510100', 'aerospace'),
	f('c', '510600', 'aerospace', 'aerospace'),
	f('d', '513300', 'hydropower'),
	f('e', null, 'hydropower'),
	f('g', '510100')
];
const prefectures = [
	{ id: 'prefecture-510100', name_zh: '成都市', name_en: 'Chengdu', prefectures: ['510100'] },
	{ id: 'prefecture-510600', name_zh: '德阳市', name_en: 'Deyang', prefectures: ['510600'] },
	{ id: 'prefecture-513300', name_zh: '甘孜藏族自治州', name_en: 'Garzê', prefectures: ['513300'] }
];

describe('regions against industries', () => {
	test('counts per prefecture and category; a feature counts once per category', () => {
		const m = regionMatrix(features, prefectures);
		expect(m.categories).toEqual(['aerospace', 'electronics', 'hydropower']);
		expect(m.rows.map((r) => [r.id, r.counts, r.total])).toEqual([
			['prefecture-510100', { aerospace: 2, electronics: 1 }, 2],
			['prefecture-510600', { aerospace: 1 }, 1],
			['prefecture-513300', { hydropower: 1 }, 1]
		]);
		expect(m.rows[0].ids.aerospace).toEqual(['a', 'b']);
	});

	test('an economic region adds up its prefectures', () => {
		const m = regionMatrix(features, [
			{
				id: 'economic-region-chengdu-plain',
				name_zh: '成都平原经济区',
				name_en: 'Chengdu Plain',
				prefectures: ['510100', '510600']
			}
		]);
		expect(m.rows[0].counts).toEqual({ aerospace: 3, electronics: 1 });
	});

	test('sorting by a category, the total, or the name by pinyin', () => {
		const { rows } = regionMatrix(features, prefectures);
		expect(sortMatrixRows(rows, { by: 'aerospace', dir: 'desc' }, 'zh').map((r) => r.id)[0]).toBe('prefecture-510100');
		expect(sortMatrixRows(rows, { by: 'hydropower', dir: 'desc' }, 'zh')[0].id).toBe('prefecture-513300');
		expect(sortMatrixRows(rows, { by: 'name', dir: 'asc' }, 'zh').map((r) => r.name_zh)).toEqual([
			'成都市',
			'德阳市',
			'甘孜藏族自治州'
		]);
	});

	test('CSV: a column per category, zeros written', () => {
		const csv = matrixCsv(regionMatrix(features, prefectures));
		expect(csv.split('\r\n')[0]).toBe('\uFEFFregion_id,name_zh,name_en,total,aerospace,electronics,hydropower');
		expect(csv).toContain('prefecture-513300,甘孜藏族自治州,Garzê,1,0,0,1');
	});
});
