import { joinLayer, NEAR_PARK_KM } from '$lib/user-data/join';
import { describe, expect, test } from 'vitest';
import { havePublishedData, loadPublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { placesAt } from '$lib/geo/spatial-index';
import { parseTable } from '$lib/user-data/parse-table';
import { regionMatcher, type Place } from '$lib/user-data/regions';
import { buildLayer, type Geography, type PointLayer, type RegionLayer } from '$lib/user-data/user-layer';
import { countsBy, layerHere, prefectureOfCounty, regionKeyOf, rowPlaces } from './region-counts';
import { perRegion, plansNearPoint, pointsNearPlans } from './questions';

test('a selection names a region: county, prefecture or economic region; anything else none', () => {
	const kinds: Record<string, string> = { 'economic-region-panxi': 'economic_region', 'park-x': 'park' };
	const kindOf = (id: string) => kinds[id];
	expect(regionKeyOf('county-513334', kindOf)).toEqual({ level: 'county', code: '513334' });
	expect(regionKeyOf('prefecture-513300', kindOf)).toEqual({ level: 'prefecture', code: '513300' });
	expect(regionKeyOf('economic-region-panxi', kindOf)).toEqual({
		level: 'economic_region',
		id: 'economic-region-panxi'
	});
	expect(regionKeyOf('park-x', kindOf)).toBeNull();
	expect(regionKeyOf('county-5133', kindOf)).toBeNull();
	expect(regionKeyOf(null, kindOf)).toBeNull();
	expect(prefectureOfCounty('513334')).toBe('513300');
});

describe.skipIf(!havePublishedData)('real data: the user rows in a region, and questions about them', () => {
	const index = havePublishedData ? publishedSpatialIndex() : null!;
	const { base } = havePublishedData ? loadPublishedData() : null!;
	const places = (fc: typeof base.counties) => fc.features.map((f) => f.properties as Place);
	const geo: Geography = {
		matcher: regionMatcher(places(base.counties), places(base.prefectures)),
		countyAt: (p) => placesAt(index, p).county?.code ?? null
	};
	// 2 km from 新都桥 (a sub-base the plan places at its town), beside 理塘's seat (its zone stands in there), 成都,
	// and one outside Sichuan (昆明)
	const points = buildLayer(
		parseTable(
			'名称,lon,lat\n新都桥旁,101.51,30.05\n理塘,100.275,30.005\n天府广场,104.0633,30.6598\n昆明,102.71,25.04\n'
		),
		geo,
		'p',
		{ crs: 'wgs84' }
	) as PointLayer;
	const table = buildLayer(parseTable('县,企业数\n理塘,12\n康定市,30\n理塘县,5\n'), geo, 't') as RegionLayer;

	test('each row lies in its county, prefecture and economic region', () => {
		const p = rowPlaces(points, index);
		expect(p.map((r) => r.county)).toEqual(['513301', '513334', '510105', '']);
		expect(p[0]).toMatchObject({ prefecture: '513300', region: 'economic-region-northwest-sichuan' });
		expect(p[2].region).toBe('economic-region-chengdu-plain');
		expect(rowPlaces(points, index)).toBe(p); // computed once per layer
		const t = rowPlaces(table, index);
		expect(t.map((r) => r.county)).toEqual(['513334', '513301', '513334']);
		expect(t.every((r) => r.prefecture === '513300')).toBe(true);
	});

	test("a region's profile counts the rows there; a table at the region's level lists its rows as text", () => {
		const county = { level: 'county', code: '513334' } as const;
		expect(layerHere(points, rowPlaces(points, index), county)).toMatchObject({ count: 1, rows: null });
		const here = layerHere(table, rowPlaces(table, index), county);
		expect(here.count).toBe(2);
		expect(here.rows).toEqual({
			columns: ['县', '企业数'],
			cells: [
				['理塘', '12'],
				['理塘县', '5']
			]
		});
		const ganzi = { level: 'prefecture', code: '513300' } as const;
		expect(layerHere(points, rowPlaces(points, index), ganzi).count).toBe(2);
		expect(layerHere(table, rowPlaces(table, index), ganzi)).toMatchObject({ count: 3, rows: null });
		const plain = { level: 'economic_region', id: 'economic-region-chengdu-plain' } as const;
		expect(layerHere(points, rowPlaces(points, index), plain).count).toBe(1);
		expect(countsBy(rowPlaces(points, index), 'prefecture')).toEqual([
			['513300', 2],
			['510100', 1]
		]);
	});

	test('my points within N km of a planned park: site-placed parks certainly, seat-placed ones possibly', () => {
		const near = pointsNearPlans(points, index, 5);
		expect(near.map((n) => [n.cells[0], n.certainty])).toEqual([
			['新都桥旁', 'certain'],
			['天府广场', 'possible'],
			['理塘', 'possible']
		]);
		expect(near[0]).toMatchObject({ index: 0, row: 2 });
		expect(near[0].nearest.id).toBe('sub-base-xinduqiao');
		expect(near[0].nearest.km).toBeGreaterThan(1);
		expect(near[0].nearest.km).toBeLessThan(3);
		expect(near[2].nearest).toMatchObject({ id: 'zone-litang-kangzang', precision: 'county' });
		expect(near[2].nearest.kmMax).toBeGreaterThan(5);
		expect(['county', 'prefecture']).toContain(near[1].nearest.precision);
		// nothing within 5 km of 昆明
		expect(near.some((n) => n.index === 3)).toBe(false);
	});

	test("the layer card's summary counts a row near a park as the question does (a certain site beats a possible seat)", () => {
		const joined = joinLayer(points, index);
		const byQuestion = new Map(pointsNearPlans(points, index, NEAR_PARK_KM).map((n) => [n.index, n.certainty]));
		expect(joined.map((r, i) => [r.near, byQuestion.get(i) ?? null])).toEqual(
			joined.map((_, i) => [byQuestion.get(i) ?? null, byQuestion.get(i) ?? null])
		);
		expect(joined[0].near).toBe('certain');
	});

	test('plan features within N km of my point, nearest first; a bad row index is refused', () => {
		const hits = plansNearPoint(points, 0, index, 5, ['sub_base', 'zone']);
		// least possible distance first: 康-泸's zone stands in at 康定's seat, so it may be anywhere in 康定市, 0 km
		expect(hits[0]).toMatchObject({ id: 'zone-kang-lu', certainty: 'possible', kmMin: 0 });
		expect(hits.find((h) => h.certainty === 'certain')?.id).toBe('sub-base-xinduqiao');
		expect(hits.every((h) => ['sub_base', 'zone'].includes(h.kind))).toBe(true);
		expect(() => plansNearPoint(points, 9, index, 5)).toThrow(RangeError);
		expect(() => plansNearPoint(points, 0, index, 0)).toThrow(/km must be/);
	});

	test('my points per economic region, named, with those outside Sichuan apart', () => {
		const name = (k: string) => ({ name_zh: `zh:${k}`, name_en: `en:${k}` });
		const { counts, outside } = perRegion(points, rowPlaces(points, index), 'economic_region', name);
		expect(counts.map((c) => [c.key, c.count])).toEqual([
			['economic-region-northwest-sichuan', 2],
			['economic-region-chengdu-plain', 1]
		]);
		expect(counts[0].share).toBe(0.5);
		expect(outside).toBe(1);
	});
});
