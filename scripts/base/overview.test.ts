/**
 * The overview geography (scripts/base/overview.ts) against the detailed files it is built from: the same objects,
 * features and properties, shared borders still shared, every outline within a pixel of the detail at the zoom it is
 * stated for, and far fewer positions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { feature, neighbors } from 'topojson-client';
import { area, length } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { riverLabelPoints } from '../../src/lib/geo/river-labels';
import {
	mercatorPixel,
	overviewTopology,
	pixelTriangleArea,
	positionCount,
	OVERVIEW_BASE_OBJECTS,
	OVERVIEW_MAX_ZOOM
} from './overview';

const json = (p: string) => JSON.parse(readFileSync(`static/data/${p}`, 'utf8'));
const base = json('base.topo.json') as Topology;
const context = json('context.topo.json') as Topology;
const rivers = json('rivers.geojson') as FeatureCollection;
const overview = overviewTopology(base, context, rivers);
const decode = (t: Topology, name: string) =>
	feature(t, t.objects[name] as GeometryCollection).features as Feature<Polygon | MultiPolygon | Point>[];

describe('pixelTriangleArea', () => {
	test('is the triangle’s area in Web Mercator pixels at the zoom', () => {
		const [x, y] = mercatorPixel([104, 30], 6);
		const lonPerPx = 360 / (512 * 2 ** 6);
		// a right triangle 10 px wide (east) and, near enough, 0 px tall has ~0 area; one 10 × 10 px has ~50
		expect(
			pixelTriangleArea(6)([
				[104, 30],
				[104 + 10 * lonPerPx, 30],
				[104 + 20 * lonPerPx, 30]
			])
		).toBeCloseTo(0, 6);
		const up = mercatorPixel([104, 30.05], 6);
		const h = y - up[1];
		const a = pixelTriangleArea(6)([
			[104, 30],
			[104 + 10 * lonPerPx, 30],
			[104, 30.05]
		]);
		expect(a).toBeCloseTo((10 * h) / 2, 3);
		expect(x).toBeGreaterThan(0);
	});
});

describe('overviewTopology', () => {
	test('carries every base object with the same features and properties, plus neighbours, rivers and labels', () => {
		expect(Object.keys(overview.objects).sort()).toEqual(
			[...OVERVIEW_BASE_OBJECTS, 'neighbours', 'rivers', 'river_labels'].sort()
		);
		for (const name of OVERVIEW_BASE_OBJECTS)
			expect(decode(overview, name).map((f) => f.properties)).toEqual(decode(base, name).map((f) => f.properties));
		expect(decode(overview, 'neighbours').map((f) => f.properties)).toEqual(
			decode(context, 'neighbours').map((f) => f.properties)
		);
		expect(decode(overview, 'rivers').map((f) => f.properties)).toEqual(rivers.features.map((f) => f.properties));
	});

	test('keeps borders shared: every county keeps the same neighbours', () => {
		const list = (t: Topology) => {
			const g = (t.objects.counties as GeometryCollection).geometries;
			const codes = g.map((x) => String(x.properties!.code));
			return new Map(neighbors(g as never).map((n, i) => [codes[i], n.map((j) => codes[j]).sort()]));
		};
		expect(list(overview)).toEqual(list(base));
	});

	test('moves no county or prefecture outline by more than half a pixel on average at the zoom it is stated for', () => {
		// the area gained or lost over the perimeter is the outline's mean displacement
		const metresPerPixel = (40_075_016 * Math.cos((30 * Math.PI) / 180)) / (512 * 2 ** OVERVIEW_MAX_ZOOM);
		for (const name of ['counties', 'prefectures']) {
			const detail = decode(base, name);
			decode(overview, name).forEach((f, i) => {
				const d = detail[i] as Feature<Polygon>;
				const shift = Math.abs(area(f as Feature<Polygon>) - area(d)) / (length(d, { units: 'meters' }) || 1);
				expect(shift / metresPerPixel, String(f.properties!.code)).toBeLessThan(0.5);
			});
		}
	});

	test('moves no seat or river label by more than half a pixel at the zoom it is stated for', () => {
		const px = (a: number[], b: number[]) => {
			const [p, q] = [mercatorPixel(a, OVERVIEW_MAX_ZOOM), mercatorPixel(b, OVERVIEW_MAX_ZOOM)];
			return Math.hypot(p[0] - q[0], p[1] - q[1]);
		};
		const labels = riverLabelPoints(rivers).features;
		const pairs = [
			...['county_seats', 'prefecture_seats'].flatMap((name) =>
				decode(overview, name).map((f, i) => [f, decode(base, name)[i]])
			),
			...decode(overview, 'river_labels').map((f, i) => [f, labels[i]])
		] as Feature<Point>[][];
		expect(pairs.length).toBeGreaterThan(200);
		for (const [a, b] of pairs) expect(px(a.geometry.coordinates, b.geometry.coordinates)).toBeLessThan(0.5);
	});

	test('has far fewer positions than the detailed files', () => {
		expect(positionCount(overview)).toBeLessThan(positionCount(base) / 2);
	});
});
