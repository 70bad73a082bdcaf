import { describe, expect, test } from 'vitest';
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import type { PlanProperties } from '$lib/data/plan-schema';
import type { PlanFeature } from '$lib/data/plan-data';
import { havePublishedData, loadPublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { greatCircleKm } from './distance';
import { at, buildSpatialIndex, inside, near, nearestKinds, nearLine, proximity } from './spatial-index';
import { MAX_VERTICES } from './spatial-input';

const ring = (x: number, y: number, w: number, h = w): Position[] => [
	[x, y],
	[x + w, y],
	[x + w, y + h],
	[x, y + h],
	[x, y]
];
const rect = (x: number, y: number, w: number, h = w): Polygon => ({
	type: 'Polygon',
	coordinates: [ring(x, y, w, h)]
});
const place = (code: string, name: string, geometry: Geometry, prefecture_code?: string): Feature => ({
	type: 'Feature',
	properties: { code, name_zh: name, name_en: name, ...(prefecture_code && { prefecture_code }) },
	geometry
});
const plan = (id: string, kind: string, geometry: Geometry, props: Partial<PlanProperties> = {}): PlanFeature => ({
	type: 'Feature',
	properties: {
		id,
		name_zh: id,
		name_en: id,
		aliases: [],
		kind,
		layers: ['energy-hydro'],
		county_code: null,
		prefecture_code: null,
		industries: [],
		figures: [],
		sources: [{ seed: '000_c35a7d169af5c8ce.txt', line: 1, quote: '示例' }],
		location: { precision: 'site', basis: 'plan', note_zh: '测试', note_en: 'test' },
		file: 'test.json',
		...props
	},
	geometry
});
const pt = (id: string, kind: string, x: number, y: number, props?: Partial<PlanProperties>) =>
	plan(id, kind, { type: 'Point', coordinates: [x, y] }, props);

// Two counties sharing the border x = 101; county B is a multipolygon with a detached part (an exclave) at x 103–103.5.
const counties = [
	place('510101', 'A县', rect(100, 30, 1), '510100'),
	place('510102', 'B县', { type: 'MultiPolygon', coordinates: [[ring(101, 30, 1)], [ring(103, 30, 0.5)]] }, '510100')
];
const prefectures = [
	place('510100', '甲市', { type: 'MultiPolygon', coordinates: [[ring(100, 30, 2)], [ring(103, 30, 0.5)]] })
];
const features = [
	pt('hydro-a', 'hydro_station', 100.2, 30.2),
	pt('hydro-b', 'hydro_station', 101.9, 30.9, {
		location: { precision: 'county', basis: 'seat', note_zh: '驻地', note_en: 'seat' }
	}),
	// a long line whose bbox is closer to (100.5, 30.5) than the point park-near, but whose line is farther
	plan('line-diag', 'power_line', {
		type: 'LineString',
		coordinates: [
			[100.0, 31.6],
			[102.0, 30.8]
		]
	}),
	pt('park-near', 'park', 100.55, 30.55),
	pt('park-far', 'park', 100.4, 31.9),
	plan('axis-a', 'axis', {
		type: 'LineString',
		coordinates: [
			[100, 30.5],
			[103.5, 30.5]
		]
	}),
	plan('region-b', 'economic_region', counties[1].geometry),
	pt('exclave-site', 'pv_site', 103.25, 30.25)
];
const index = buildSpatialIndex(features, counties, prefectures);

describe('what is here (at)', () => {
	test('points just either side of a county border fall in the right county', () => {
		expect(at(index, [100.999, 30.5]).county?.code).toBe('510101');
		expect(at(index, [101.001, 30.5]).county?.code).toBe('510102');
		expect(at(index, [100.999, 30.5]).prefecture?.code).toBe('510100');
	});

	test('a point in the detached part of a multipolygon county is in that county and its region', () => {
		const r = at(index, [103.25, 30.1]);
		expect(r.county?.code).toBe('510102');
		expect(r.regions.map((x) => x.id)).toEqual(['region-b']);
		expect(r.inSichuan).toBe(true);
		expect(r.note).toBeUndefined();
	});

	test('nearest of each kind is exact, not the bbox-nearest; corridors within 10 km are listed', () => {
		const r = at(index, [100.5, 30.55]);
		const byKind = Object.fromEntries(r.nearest.map((h) => [h.kind, h]));
		expect(byKind.park.id).toBe('park-near');
		expect(byKind.park.km).toBeCloseTo(greatCircleKm([100.5, 30.55], [100.55, 30.55]), 6);
		expect(byKind.hydro_station.id).toBe('hydro-a');
		expect(r.corridors.map((c) => c.id)).toEqual(['axis-a']);
		expect(r.corridors[0].km).toBeCloseTo(5.56, 1);
		expect(r.nearest.map((h) => h.km)).toEqual([...r.nearest.map((h) => h.km)].sort((a, b) => a - b));
	});

	test('a point placed at a county seat says so (precision)', () => {
		const r = at(index, [101.95, 30.95]);
		expect(r.nearest.find((h) => h.kind === 'hydro_station')).toMatchObject({ id: 'hydro-b', precision: 'county' });
	});

	test('a far point (Beijing) is outside Sichuan, explained, and still gets distances', () => {
		const r = at(index, [116.4, 39.9]);
		expect(r).toMatchObject({ inSichuan: false, county: null, prefecture: null, regions: [], corridors: [] });
		expect(r.note).toMatch(/outside Sichuan/);
		const hydro = r.nearest.find((h) => h.kind === 'hydro_station')!;
		expect(hydro.id).toBe('hydro-b'); // the nearer of the two to Beijing
		expect(hydro.km).toBeCloseTo(greatCircleKm([116.4, 39.9], [101.9, 30.9]), 6);
	});

	test('bad positions are refused with a clear message', () => {
		expect(() => at(index, [200, 30])).toThrow(/not on Earth/);
		expect(() => at(index, ['a', 30])).toThrow(/two numbers/);
		expect(() => at(index, null)).toThrow(/two numbers/);
	});
});

describe('near', () => {
	test('everything within a distance of a line, nearest first, crossing areas at 0 km', () => {
		const hits = near(index, 'axis-a', 30);
		expect(hits.map((h) => h.id)).toEqual(['region-b', 'park-near', 'exclave-site']);
		expect(hits[0].km).toBe(0);
		// line-diag ends 0.3° north of the axis: its nearest point is that end, although its bbox touches the axis
		const diag = near(index, 'axis-a', 40).find((h) => h.id === 'line-diag')!;
		expect(diag.km).toBeCloseTo(greatCircleKm([102, 30.8], [102, 30.5]), 3);
		expect(near(index, 'axis-a', 20).map((h) => h.id)).toEqual(['region-b', 'park-near']);
	});

	test('bad distances, unknown ids and area sources are refused with the allowed range or the reason', () => {
		expect(() => near(index, 'axis-a', 0)).toThrow('km must be between 0.1 and 500; got 0');
		expect(() => near(index, 'axis-a', 10_000)).toThrow('km must be between 0.1 and 500; got 10000');
		expect(() => near(index, 'axis-a', Number.NaN)).toThrow(/km must be between/);
		expect(() => near(index, 'nope', 5)).toThrow('no plan feature with id "nope"');
		expect(() => near(index, 'region-b', 5)).toThrow(/is an area/);
	});
});

describe("near a line that is not the plan's (a user's road)", () => {
	const road = {
		type: 'LineString' as const,
		coordinates: [
			[101.2, 30.95],
			[101.6, 30.95]
		]
	};
	// placed at B县's seat, 50 km south of the road: it may be anywhere in B县, which the road crosses
	const seated = pt('park-seat', 'park', 101.5, 30.5, {
		county_code: '510102',
		location: { precision: 'county', basis: 'seat', note_zh: '驻地', note_en: 'seat' }
	});
	// a zone holding the whole road (where it lies, not what is near it) and one it crosses
	const zones = [plan('zone-all', 'zone', rect(101, 30.5, 1)), plan('zone-part', 'zone', rect(101.5, 30.9, 0.5, 0.2))];
	const withSeat = buildSpatialIndex([...features, seated, ...zones], counties, prefectures);

	test('certain for a line within reach, possible for a point standing in at the seat of a county it crosses', () => {
		const hits = nearLine(withSeat, road, 10);
		// nearest first by where each may be: the county the road crosses is at 0 km
		expect(hits.map((h) => [h.id, h.certainty])).toEqual([
			['zone-part', 'certain'],
			['park-seat', 'possible'],
			['line-diag', 'certain']
		]);
		expect(hits[1]).toMatchObject({ kmMin: 0 });
		expect(hits[1].km).toBeGreaterThan(40); // as drawn, the seat mark is far
		expect(hits[2].km).toBeLessThan(2);
	});

	test('leaves out the planning regions it crosses, areas holding it and what is beyond reach', () => {
		expect(nearLine(withSeat, road, 10).map((h) => h.id)).not.toContain('region-b');
		expect(nearLine(withSeat, road, 10).map((h) => h.id)).not.toContain('zone-all');
		expect(nearLine(index, road, 10).map((h) => h.id)).toEqual(['line-diag']);
		expect(
			nearLine(
				index,
				{
					...road,
					coordinates: [
						[103.8, 31.8],
						[103.9, 31.8]
					]
				},
				5
			)
		).toEqual([]);
	});
});

describe('inside', () => {
	test('lists points inside, lines crossing and areas overlapping a drawn rectangle; not areas that contain it', () => {
		const hits = inside(index, rect(100.1, 30.1, 0.6));
		expect(Object.fromEntries(hits.map((h) => [h.id, h.relation]))).toEqual({
			'hydro-a': 'inside',
			'park-near': 'inside',
			'axis-a': 'intersects'
		});
		const inB = inside(index, { type: 'Feature', properties: {}, geometry: rect(101.2, 30.4, 0.2) });
		expect(inB.map((h) => h.id)).toEqual(['axis-a']); // region-b contains the shape: left out
		// the exclave of a multipolygon: its site is found; region-b contains the shape, so it is left out
		expect(inside(index, rect(103, 30, 0.5)).map((h) => h.id)).toEqual(['axis-a', 'exclave-site']);
		expect(inside(index, rect(102.9, 29.9, 0.4)).map((h) => h.id)).toEqual(['region-b', 'exclave-site']);
	});

	test('a shape far from everything gives an empty list', () => {
		expect(inside(index, rect(116, 39, 1))).toEqual([]);
	});

	test('self-intersecting, zero-area, unclosed, non-polygon and huge shapes are refused with a clear message', () => {
		const bowtie = {
			type: 'Polygon',
			coordinates: [
				[
					[100, 30],
					[101, 31],
					[101, 30],
					[100, 31],
					[100, 30]
				]
			]
		};
		expect(() => inside(index, bowtie)).toThrow(/self-intersecting/);
		const flat = {
			type: 'Polygon',
			coordinates: [
				[
					[100, 30],
					[101, 30],
					[102, 30],
					[100, 30]
				]
			]
		};
		expect(() => inside(index, flat)).toThrow(/zero-area/);
		expect(() => inside(index, { type: 'Point', coordinates: [100, 30] })).toThrow(/Polygon or MultiPolygon/);
		expect(() => inside(index, { type: 'Polygon', coordinates: [ring(100, 30, 1).slice(0, 4)] })).toThrow(/not closed/);
		const many = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => {
			const a = (i / MAX_VERTICES) * 2 * Math.PI;
			return [100 + Math.cos(a), 30 + Math.sin(a)];
		});
		many.push(many[0]);
		expect(() => inside(index, { type: 'Polygon', coordinates: [many] })).toThrow(/at most 10000/);
		expect(() => inside(index, undefined)).toThrow(/Polygon/);
	});
});

describe.skipIf(!havePublishedData)('real data (static/data, built by npm run data)', () => {
	const idx = havePublishedData ? publishedSpatialIndex() : null!;
	const { base } = havePublishedData ? loadPublishedData() : { base: null! };

	test('at 康定’s seat names 康定市 and 甘孜州, 康东 and the 康巴 axis', () => {
		const seat = base.countySeats.features.find((f) => f.properties!.code === '513301')!;
		const r = at(idx, (seat.geometry as GeoJSON.Point).coordinates);
		expect(r.county).toMatchObject({ code: '513301', name_zh: '康定市' });
		expect(r.prefecture).toMatchObject({ code: '513300' });
		expect(r.prefecture!.name_zh).toMatch(/^甘孜/);
		expect(r.regions.map((x) => x.id)).toContain('subregion-kangdong');
		expect(r.corridors.map((x) => x.id)).toContain('axis-kangba-east-west');
		expect(new Set(r.nearest.map((h) => h.kind)).size).toBe(r.nearest.length);
	});

	test('near 康巴东西发展轴 at 20 km includes features in 康定, 雅江 and 理塘', () => {
		const counties = new Set(near(idx, 'axis-kangba-east-west', 20).map((h) => h.county_code));
		for (const code of ['513301', '513325', '513334']) expect(counties.has(code), code).toBe(true);
	});

	test('a rectangle over 康定–泸定 lists 硬梁包 and the 康-泸 zone and its sub-bases', () => {
		const ids = inside(idx, rect(101.4, 29.7, 1.0, 0.5)).map((h) => h.id);
		for (const id of [
			'hydro-station-yingliangbao',
			'zone-kang-lu',
			'sub-base-xinduqiao',
			'sub-base-yuanyangba',
			'sub-base-dewei-lvse-zaineng',
			'sub-base-lengqi-lvse-xunhuan',
			'sub-base-xinglong-ditan-shuini'
		])
			expect(ids, id).toContain(id);
	});

	test('every county seat lies in its own county', () => {
		for (const seat of base.countySeats.features) {
			const r = at(idx, (seat.geometry as GeoJSON.Point).coordinates);
			expect(r.county?.code, seat.properties!.name_zh).toBe(seat.properties!.code);
		}
	});
});

describe('proximity card', () => {
	test('a park: nearest energy base of each kind and the corridors it lies on', () => {
		const card = proximity(index, 'park-near');
		expect(card.energy.map((h) => h.id)).toEqual(['hydro-a', 'line-diag', 'exclave-site']);
		expect(card.corridors.map((h) => h.id)).toEqual(['axis-a']);
		expect(card.precision).toBe('site');
		expect(() => proximity(index, 'axis-a')).toThrow(/no point feature/);
	});

	test('the nearest of chosen kinds, nearest first, never the feature itself', () => {
		const hits = nearestKinds(index, 'park-near', ['hydro_station', 'power_line', 'park']);
		expect(hits.map((h) => h.id)).toEqual(['hydro-a', 'line-diag']);
		expect(hits.every((h, i) => i === 0 || h.km >= hits[i - 1].km)).toBe(true);
		expect(() => nearestKinds(index, 'axis-a', ['park'])).toThrow(/no point feature/);
	});
});
