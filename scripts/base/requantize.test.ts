import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Point } from 'geojson';
import { BASE_QUANTIZATION, gridStepMetres, requantize } from './requantize';

// A square of two arcs (a shared edge and the rest) and a point, quantized on a 0..10 grid over [100,30]–[101,31].
const square: Topology = {
	type: 'Topology',
	transform: { scale: [0.1, 0.1], translate: [100, 30] },
	arcs: [
		[
			[0, 0],
			[10, 0],
			[0, 10]
		],
		[
			[10, 10],
			[-1, 0],
			[-9, 0],
			[0, -10]
		]
	],
	objects: {
		a: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]] }] },
		p: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [4, 6] }] }
	}
};

describe('requantize', () => {
	it('snaps arcs and points to the coarser grid, drops repeated points and keeps the shape', () => {
		const q = requantize(square, 6);
		expect(q.transform).toEqual({ scale: [0.2, 0.2], translate: [100, 30] });
		expect(q.bbox).toEqual([100, 30, 101, 31]);
		// [10,10] then [9,10] round to the same cell (4.5 → 5 … 5): the repeated point is gone
		expect(q.arcs[1]).toEqual([
			[5, 5],
			[-5, 0],
			[0, -5]
		]);
		const [poly] = (feature(q, q.objects.a as GeometryCollection) as FeatureCollection).features;
		const ring = (poly.geometry as { coordinates: number[][][] }).coordinates[0];
		expect(ring.map(([x, y]) => [+x.toFixed(6), +y.toFixed(6)])).toEqual([
			[100, 30],
			[101, 30],
			[101, 31],
			[100, 31],
			[100, 30]
		]);
		const [pt] = (feature(q, q.objects.p as GeometryCollection) as FeatureCollection<Point>).features;
		expect(pt.geometry.coordinates.map((v) => +v.toFixed(6))).toEqual([100.4, 30.6]);
	});

	it('keeps two positions in an arc that collapses to one cell', () => {
		const tiny: Topology = {
			...square,
			arcs: [
				[
					[0, 0],
					[1, 0]
				],
				...square.arcs.slice(1)
			]
		};
		expect(requantize(tiny, 3).arcs[0]).toEqual([
			[0, 0],
			[0, 0]
		]);
	});

	it('refuses a grid of fewer than two steps', () => {
		expect(() => requantize(square, 1)).toThrow(/at least 2/);
	});

	it('the published base geography is on the documented grid, ~50 m, and its borders still meet', () => {
		const topo = JSON.parse(readFileSync('static/data/base.topo.json', 'utf8')) as Topology;
		const [x0, y0, x1, y1] = topo.bbox!;
		expect(topo.transform!.scale[0]).toBeCloseTo((x1 - x0) / (BASE_QUANTIZATION - 1), 12);
		expect(topo.transform!.scale[1]).toBeCloseTo((y1 - y0) / (BASE_QUANTIZATION - 1), 12);
		const [mx, my] = gridStepMetres(topo.bbox!, BASE_QUANTIZATION);
		expect(mx).toBeLessThan(60);
		expect(my).toBeLessThan(60);
		// the province outline is still exactly the counties' outer edge (shared arcs, not copies)
		const outer = mesh(topo, topo.objects.counties as GeometryCollection, (a, b) => a === b);
		const province = mesh(topo, topo.objects.province as GeometryCollection);
		expect(outer.coordinates.flat().length).toBe(province.coordinates.flat().length);
	});
});
