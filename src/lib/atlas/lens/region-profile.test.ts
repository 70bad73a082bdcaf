import { describe, expect, test } from 'vitest';
import type { AreaHit, PlanFeature } from '$lib/geo/features-in-area';
import { regionProfile } from './region-profile';

const src = (line: number) => ({ seed: '000_c35a7d169af5c8ce.txt', line, quote: `第${line}行` });
const fig = (metric: string, value: number, unit: string, kind = 'planned') => ({
	metric,
	value,
	unit: unit === 'MW' ? '万千瓦' : '亿元',
	value_normalised: value,
	unit_normalised: unit,
	period: '2025',
	kind,
	source: src(1)
});
const feature = (
	id: string,
	kind: string,
	industries: [string, string, string?][],
	figures: object[] = [],
	line = 10
) =>
	({
		type: 'Feature',
		properties: {
			id,
			kind,
			name_zh: id,
			industries: industries.map(([category, text_zh, group]) => ({
				category,
				text_zh,
				...(group ? { group: { id: group, name_zh: group, name_en: group } } : {})
			})),
			figures,
			sources: [src(line)]
		},
		geometry: { type: 'Point', coordinates: [100, 30] }
	}) as unknown as PlanFeature;
const hit = (feature: PlanFeature, relation: AreaHit['relation'] = 'inside', certainty?: 'possible'): AreaHit => ({
	feature,
	relation,
	...(certainty ? { certainty } : {})
});

const hits = [
	hit(feature('pv-a', 'pv_base', [['solar', '光伏发电']], [fig('planned_capacity', 1000, 'MW')], 20)),
	hit(feature('pv-b', 'pv_site', [['solar', '光伏']], [fig('installed_capacity', 500, 'MW', 'capacity')], 21)),
	hit(
		feature(
			'turbine',
			'project',
			[['natural_gas', '燃气发电']],
			[fig('unit_capacity_each_of_2', 475, 'MW'), fig('voltage', 500, 'kV')]
		)
	),
	hit(
		feature(
			'park',
			'park',
			[
				['lithium', '锂电', '飞地园区'],
				['solar', '光伏发电']
			],
			[fig('planned_investment', 64, 'million CNY', 'investment'), fig('gdp', 9, 'million CNY', 'target')]
		)
	),
	// a corridor crossing the region: its industries count, its figures do not
	hit(feature('corridor', 'corridor', [['lithium', '锂电产业']], [fig('planned_capacity', 9999, 'MW')]), 'intersects'),
	// only possibly here, and a region containing this one: neither counts
	hit(feature('maybe', 'park', [['lithium', '锂电']]), 'same-county', 'possible'),
	hit(feature('region', 'economic_region', [['tourism_culture', '文旅']]), 'contains')
];

describe('a region profile', () => {
	const profile = regionProfile(hits);

	test('industries ranked by how many features plan them here, in the plans’ words, with groups and sources', () => {
		expect(profile.total).toBe(5);
		expect(profile.industries.map((i) => [i.category, i.count])).toEqual([
			['solar', 3],
			['lithium', 2],
			['natural_gas', 1]
		]);
		const solar = profile.industries[0];
		expect(solar.words).toEqual(['光伏发电', '光伏']);
		expect(solar.ids).toEqual(['pv-a', 'pv-b', 'park']);
		expect(solar.sources.map((s) => s.line)).toEqual([20, 21, 10]);
		expect(profile.industries[1].groups).toEqual(['飞地园区']);
	});

	test('figures summed by metric and unit over features wholly here; targets are not summed', () => {
		const sums = Object.fromEntries(profile.figures.map((f) => [f.metric, [f.sum, f.ids]]));
		expect(sums.planned_capacity).toEqual([1000, ['pv-a']]);
		expect(sums.installed_capacity).toEqual([500, ['pv-b']]);
		expect(sums.unit_capacity_each_of_2).toEqual([950, ['turbine']]);
		expect(sums.planned_investment).toEqual([64, ['park']]);
		expect(sums.gdp).toBeUndefined();
		// a voltage is not a quantity that adds up
		expect(sums.voltage).toBeUndefined();
	});

	test('capacity by energy family adds up to the capacity figures', () => {
		expect(profile.capacityByFamily).toEqual([
			{ family: 'solar', mw: 1500, ids: ['pv-a', 'pv-b'] },
			{ family: 'bases', mw: 950, ids: ['turbine'] }
		]);
		const total = profile.figures.filter((f) => f.unit === 'MW').reduce((s, f) => s + f.sum, 0);
		expect(profile.capacityByFamily.reduce((s, c) => s + c.mw, 0)).toBe(total);
	});

	test('the list by kind holds the same features', () => {
		expect(profile.byKind.reduce((n, g) => n + g.count, 0)).toBe(5);
	});
});
