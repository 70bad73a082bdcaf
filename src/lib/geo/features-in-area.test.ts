import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { area as turfArea } from '@turf/turf';
import { feature as topoFeature } from 'topojson-client';
import type { Geometry, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Figure, PlanProperties } from '$lib/data/plan-schema';
import {
	capacityFigure,
	featuresInArea,
	overlapArea,
	summariseByKind,
	type AreaFeature,
	type PlanFeature
} from './features-in-area';

const ring = (x: number, y: number, w: number, h = w): Position[] => [
	[x, y],
	[x + w, y],
	[x + w, y + h],
	[x, y + h],
	[x, y]
];
const area = (...polygons: Position[][][]): AreaFeature => ({
	type: 'Feature',
	properties: {},
	geometry: { type: 'MultiPolygon', coordinates: polygons }
});
const source = { seed: '000_c35a7d169af5c8ce.txt', line: 1, quote: '示例' } as const;
const plan = (id: string, geometry: Geometry, props: Partial<PlanProperties> = {}): PlanFeature => ({
	type: 'Feature',
	properties: {
		id,
		name_zh: id,
		name_en: id,
		aliases: [],
		kind: 'project',
		layers: ['energy-hydro'],
		county_code: null,
		prefecture_code: null,
		industries: [],
		figures: [],
		sources: [source],
		location: { precision: 'site', basis: 'plan', note_zh: '测试', note_en: 'test' },
		file: 'test.json',
		...props
	},
	geometry
});
const pt = (id: string, x: number, y: number, props?: Partial<PlanProperties>) =>
	plan(id, { type: 'Point', coordinates: [x, y] }, props);
const line = (id: string, ...coords: Position[]) => plan(id, { type: 'LineString', coordinates: coords });
const poly = (id: string, a: AreaFeature, props?: Partial<PlanProperties>) => plan(id, a.geometry, props);
const ids = (hits: { feature: PlanFeature; relation: string }[]) =>
	Object.fromEntries(hits.map((h) => [h.feature.properties.id, h.relation]));
const mw = (kind: Figure['kind'], value: number, period: string, metric = 'installed_capacity'): Figure => ({
	metric,
	value,
	unit: 'MW',
	value_normalised: value,
	unit_normalised: 'MW',
	period,
	kind,
	source
});

describe('points', () => {
	test('inside a multipolygon part counts, inside its hole or outside does not', () => {
		const holed = area([ring(0, 0, 4), ring(1, 1, 2)], [ring(10, 0, 1)]);
		const hits = featuresInArea(holed, [
			pt('rim', 0.5, 0.5),
			pt('hole', 2, 2),
			pt('part2', 10.5, 0.5),
			pt('out', 5, 5)
		]);
		expect(ids(hits)).toEqual({ rim: 'inside', part2: 'inside' });
	});

	test('a point exactly on the shared edge of two counties is listed for both (geometry only)', () => {
		const p = pt('edge', 1, 0.5);
		expect(ids(featuresInArea(area([ring(0, 0, 1)]), [p]))).toEqual({ edge: 'inside' });
		expect(ids(featuresInArea(area([ring(1, 0, 1)]), [p]))).toEqual({ edge: 'inside' });
	});

	test('a county-seat point is assigned by county_code, not by where its marker falls', () => {
		const [west, east] = [area([ring(0, 0, 1)]), area([ring(1, 0, 1)])];
		// the seat of 510102 (east) drawn just inside the west county; a site point of 510102 drawn outside both
		const seat = pt('seat', 0.99, 0.5, {
			county_code: '510102',
			location: { precision: 'county', basis: 'seat', note_zh: '驻地', note_en: 'seat' }
		});
		const site = pt('site', 5, 5, { county_code: '510102', prefecture_code: '510100' });
		const all = [seat, site];
		expect(ids(featuresInArea(west, all, { areaCode: '510101' }))).toEqual({});
		expect(ids(featuresInArea(east, all, { areaCode: '510102' }))).toEqual({
			seat: 'same-county',
			site: 'same-county'
		});
		expect(ids(featuresInArea(area([ring(0, 0, 2, 1)]), all, { areaCode: '510100' }))).toEqual({
			seat: 'same-county',
			site: 'same-county'
		});
		// without a county / prefecture code (an economic region, the province) geometry decides
		expect(ids(featuresInArea(west, all))).toEqual({ seat: 'inside' });
		expect(ids(featuresInArea(west, all, { areaCode: '510000' }))).toEqual({ seat: 'inside' });
	});
});

describe('lines', () => {
	test('a line crossing an area without a vertex inside intersects; one in the bbox only, or in a hole, does not', () => {
		const lShape = area([
			[
				[0, 0],
				[4, 0],
				[4, 1],
				[1, 1],
				[1, 4],
				[0, 4],
				[0, 0]
			]
		]);
		const hits = featuresInArea(lShape, [
			line('crossing', [-1, 0.5], [5, 0.5]),
			line('bbox-only', [2, 4], [4, 2]),
			line('beside', [5, 0], [5, 4])
		]);
		expect(ids(hits)).toEqual({ crossing: 'intersects' });
		const holed = area([ring(0, 0, 4), ring(1, 1, 2)]);
		expect(ids(featuresInArea(holed, [line('in-hole', [1.5, 1.5], [2.5, 2.5])]))).toEqual({});
	});
});

describe('areas', () => {
	const clicked = area([ring(0, 0, 1)]);
	test('contains / inside / overlaps; a neighbour sharing only an edge or a sliver is not listed', () => {
		const hits = featuresInArea(clicked, [
			poly('region', area([ring(-1, -1, 3)])),
			poly('park', area([ring(0.2, 0.2, 0.1)])),
			poly('half', area([ring(0.5, 0, 1)])),
			poly('neighbour', area([ring(1, 0, 1)])),
			poly('sliver', area([ring(0.9995, 0, 1)])),
			poly('far', area([ring(5, 5, 1)]))
		]);
		expect(ids(hits)).toEqual({ region: 'contains', park: 'inside', half: 'intersects' });
	});

	test('excludeIds drops the clicked feature itself', () => {
		const self = poly('self', clicked);
		expect(ids(featuresInArea(clicked, [self]))).toEqual({ self: 'inside' });
		expect(featuresInArea(clicked, [self], { excludeIds: ['self'] })).toEqual([]);
	});

	test('overlapArea matches turf area for a multipolygon with a hole', () => {
		const holed = area([ring(100, 30, 1), ring(100.25, 30.25, 0.5)], [ring(102, 30, 0.5)]);
		expect(overlapArea(holed, holed) / turfArea(holed)).toBeCloseTo(1, 2);
		expect(overlapArea(holed, area([ring(99, 29, 10)])) / turfArea(holed)).toBeCloseTo(1, 2);
		expect(overlapArea(holed, area([ring(100.3, 30.3, 0.2)]))).toBe(0);
	});
});

describe('capacity', () => {
	test('one MW figure per feature: capacity > planned > target, then the latest period', () => {
		const p = (figures: Figure[]) => pt('x', 0, 0, { figures }).properties;
		expect(capacityFigure(p([mw('target', 1, '2030'), mw('planned', 2, '2021-2025')]))?.mw).toBe(2);
		expect(
			capacityFigure(p([mw('target', 1, '2025'), mw('target', 3, '2030'), mw('baseline', 9, '2035')]))
		).toMatchObject({ id: 'x', mw: 3, period: '2030', kind: 'target' });
		expect(
			capacityFigure(p([mw('baseline', 5, '2020'), { ...mw('capacity', 5, '2020'), unit_normalised: 'kV' }]))
		).toBe(undefined);
	});

	test('summariseByKind groups by kind, sums capacity of features wholly in the area and cites each figure', () => {
		const clicked = area([ring(0, 0, 1)]);
		const features = [
			pt('pv-a', 0.2, 0.2, { kind: 'pv_site', figures: [mw('capacity', 100, '2025'), mw('planned', 500, '2030')] }),
			pt('pv-b', 0.4, 0.4, { kind: 'pv_site', figures: [mw('target', 50, '2025')] }),
			pt('park', 0.6, 0.6, { kind: 'park' }),
			poly('base', area([ring(-1, -1, 3)]), { kind: 'pv_site', figures: [mw('target', 9000, '2025')] })
		];
		const summary = summariseByKind(featuresInArea(clicked, features));
		expect(summary.map((g) => [g.kind, g.count])).toEqual([
			['pv_site', 3],
			['park', 1]
		]);
		const [pv] = summary;
		expect(pv.capacity_mw).toBe(150); // the containing base's 9 000 MW is shown on its row but not summed
		expect(pv.capacity_figures.map((f) => [f.id, f.metric, f.period])).toEqual([
			['pv-a', 'installed_capacity', '2025'],
			['pv-b', 'installed_capacity', '2025']
		]);
		expect(pv.items.map((i) => i.id)).toEqual(['pv-a', 'pv-b', 'base']);
		expect(pv.items[2].capacity?.mw).toBe(9000);
		expect(summary[1].capacity_mw).toBeUndefined();
	});
});

const planPath = fileURLToPath(new URL('../../../static/data/plan.geojson', import.meta.url));
const basePath = fileURLToPath(new URL('../../../static/data/base.topo.json', import.meta.url));
const haveData = existsSync(planPath) && existsSync(basePath);

test.skipIf(!haveData)(
	`real data: clicking 理塘县 lists features located there and the regions containing it${haveData ? '' : ' (skipped: static/data/plan.geojson absent, run npm run data)'}`,
	() => {
		const features = (JSON.parse(readFileSync(planPath, 'utf8')) as { features: PlanFeature[] }).features;
		const topo = JSON.parse(readFileSync(basePath, 'utf8')) as Topology;
		const counties = topoFeature(topo, topo.objects.counties as GeometryCollection<{ code: string }>).features;
		const litang = counties.find((c) => c.properties.code === '513334') as unknown as AreaFeature;
		expect(litang).toBeDefined();
		featuresInArea(litang, features, { areaCode: '513334' }); // warm the bbox / area caches
		// Its speed is measured by `npm run bench:spatial`, never asserted here (a loaded CI machine is slower).
		const hits = featuresInArea(litang, features, { areaCode: '513334' });
		const found = (kind: string, relation: string) =>
			hits.some((h) => h.feature.properties.kind === kind && h.relation === relation);
		expect(hits.some((h) => h.feature.properties.county_code === '513334')).toBe(true);
		expect(found('economic_region', 'contains')).toBe(true);
		expect(found('subregion', 'contains')).toBe(true);
		// neighbouring node counties (e.g. 稻城) share only a border with 理塘
		const nodeCounties = hits.filter((h) => h.feature.properties.kind === 'node_county');
		expect(nodeCounties.every((h) => [null, '513334'].includes(h.feature.properties.county_code))).toBe(true);
		expect(summariseByKind(hits).reduce((n, g) => n + g.count, 0)).toBe(hits.length);
	}
);
