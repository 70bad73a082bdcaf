import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { havePublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { joinLayer, summarise } from '$lib/user-data/join';
import type { PointLayer } from '$lib/user-data/user-layer';
import { emptyColumns, joinPoints, prepareJoin } from './fast-join';
import { joinedRowAt, joinNames, rowPlacesOf, summariseColumns } from './join-columns';
import { buildPolygonGrid, gridAt, MIXED, OUTSIDE } from './polygon-grid';
import { rowPlaces } from '$lib/user-plans/region-counts';

/** A seeded generator, so a failure names the same points again. */
function random(seed: number) {
	let s = seed;
	return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('the polygon grid answers as point-in-polygon wherever it answers', () => {
	// a square with a square hole, and a triangle beside it; a second part of a multipolygon far off
	const ring = (x0: number, y0: number, x1: number, y1: number) => [
		[x0, y0],
		[x1, y0],
		[x1, y1],
		[x0, y1],
		[x0, y0]
	];
	const holed: Polygon = { type: 'Polygon', coordinates: [ring(0, 0, 1, 1), ring(0.3, 0.3, 0.6, 0.6)] };
	const multi: MultiPolygon = {
		type: 'MultiPolygon',
		coordinates: [
			[
				[
					[1.2, 0],
					[2, 0],
					[1.2, 0.9],
					[1.2, 0]
				]
			],
			[ring(3, 3, 3.5, 3.5)]
		]
	};
	const grid = buildPolygonGrid([holed, multi], 0.05);
	it('settles most cells and agrees with turf on 20 000 random points', () => {
		const rnd = random(7);
		let settled = 0;
		for (let k = 0; k < 20_000; k++) {
			const p = [-0.5 + rnd() * 4.5, -0.5 + rnd() * 4.5];
			const g = gridAt(grid, p[0], p[1]);
			if (g === MIXED) continue;
			settled++;
			const exact = booleanPointInPolygon(p, holed) ? 0 : booleanPointInPolygon(p, multi) ? 1 : OUTSIDE;
			expect(g, `at ${p}`).toBe(exact);
		}
		expect(settled).toBeGreaterThan(17_000);
	});
	it('leaves to the exact test a point on a boundary and in the hole’s edge cells', () => {
		expect(gridAt(grid, 0.5, 0)).toBe(MIXED);
		expect(gridAt(grid, 0.3, 0.45)).toBe(MIXED);
		expect(gridAt(grid, 0.45, 0.45)).toBe(OUTSIDE); // inside the hole
		expect(gridAt(grid, 0.15, 0.8)).toBe(0);
		expect(gridAt(grid, 3.25, 3.25)).toBe(1);
		expect(gridAt(grid, 50, 50)).toBe(OUTSIDE);
	});
});

describe.skipIf(!havePublishedData)('real data: the fast join is join.ts row for row', () => {
	const index = havePublishedData ? publishedSpatialIndex() : null!;
	const joiner = havePublishedData ? prepareJoin(index) : null!;

	function layerOf(coords: number[]): PointLayer {
		const n = coords.length / 2;
		return {
			kind: 'points',
			positions: Float64Array.from(coords),
			rows: Array.from({ length: n }, () => [] as string[])
		} as unknown as PointLayer;
	}

	function check(coords: number[]) {
		const layer = layerOf(coords);
		const n = coords.length / 2;
		const cols = emptyColumns(n);
		joinPoints(joiner, layer.positions, cols, 0, n);
		const names = joinNames(index, cols);
		const slow = joinLayer(layer, index);
		const fast = Array.from({ length: n }, (_, i) => joinedRowAt(cols, names, i));
		for (let i = 0; i < n; i++) expect(fast[i], `row ${i} at ${coords[2 * i]},${coords[2 * i + 1]}`).toEqual(slow[i]);
		expect(summariseColumns(cols, names)).toEqual(summarise(slow));
		expect(rowPlacesOf(cols, names)).toEqual(rowPlaces(layer, index));
		return { cols, slow };
	}

	it('over Sichuan’s bbox and a margin beyond it (4 000 random points)', () => {
		const rnd = random(42);
		const coords: number[] = [];
		for (let k = 0; k < 4000; k++) coords.push(96.5 + rnd() * 13, 25.5 + rnd() * 9.5);
		const { slow } = check(coords);
		// the sample reaches every kind of answer
		expect(slow.some((r) => r.near === 'certain')).toBe(true);
		expect(slow.some((r) => r.near === 'possible')).toBe(true);
		expect(slow.some((r) => r.nearest_park_placement === 'site')).toBe(true);
		expect(slow.some((r) => !r.county_code)).toBe(true);
	});

	it('around 成都, where parks are dense (3 000 points)', () => {
		const rnd = random(9);
		const coords: number[] = [];
		for (let k = 0; k < 3000; k++) coords.push(103.6 + rnd() * 1.0, 30.3 + rnd() * 0.8);
		check(coords);
	});

	it('on county boundaries: vertices and edge midpoints of 20 counties', () => {
		const coords: number[] = [];
		for (const f of index.counties.items.slice(0, 20)) {
			const g = f.geometry as Polygon | MultiPolygon;
			const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
			for (let k = 1; k < ring.length; k += Math.max(1, Math.floor(ring.length / 15))) {
				coords.push(ring[k][0], ring[k][1]);
				coords.push((ring[k][0] + ring[k - 1][0]) / 2, (ring[k][1] + ring[k - 1][1]) / 2);
			}
		}
		check(coords);
	});

	it('settles most rows by the grids (the exact tests are the exception)', () => {
		const rnd = random(5);
		const n = 5000;
		const positions = new Float64Array(2 * n);
		for (let k = 0; k < n; k++) [positions[2 * k], positions[2 * k + 1]] = [97.3 + rnd() * 11.3, 26 + rnd() * 8.3];
		const j = prepareJoin(index);
		joinPoints(j, positions, emptyColumns(n), 0, n);
		expect(j.exactPlaces / n).toBeLessThan(0.1);
	});
});
