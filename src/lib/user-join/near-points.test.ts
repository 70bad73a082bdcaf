import { describe, expect, it } from 'vitest';
import { havePublishedData, publishedSpatialIndex } from '../../../scripts/spatial/published-data';
import { PARK_KINDS, pointsNearFrom, pointsNearPlans } from '$lib/user-plans/questions';
import type { PointLayer } from '$lib/user-data/user-layer';
import { emptyNear, nearHitAt, nearPoints } from './near-points';

describe.skipIf(!havePublishedData)('real data: "my points within N km of a park" asked as the workers ask it', () => {
	const index = havePublishedData ? publishedSpatialIndex() : null!;
	let s = 11;
	const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
	const n = 1500;
	const coords: number[] = [];
	for (let k = 0; k < n; k++) coords.push(102.5 + rnd() * 4, 28.5 + rnd() * 3.5);
	const layer = {
		kind: 'points',
		positions: Float64Array.from(coords),
		rows: Array.from({ length: n }, (_, i) => [`p${i}`]),
		rowNumbers: Array.from({ length: n }, (_, i) => i + 2)
	} as unknown as PointLayer;

	for (const km of [3, 10, 40])
		it(`at ${km} km: the same rows, hits and certainties as the page's question`, () => {
			const near = emptyNear(n);
			// in two parts, as two workers would
			nearPoints(index, layer.positions, km, PARK_KINDS, near, 0, 700);
			nearPoints(index, layer.positions, km, PARK_KINDS, near, 700, n);
			const fromWorkers = pointsNearFrom(layer, (i) => nearHitAt(near, i));
			const onPage = pointsNearPlans(layer, index, km);
			expect(fromWorkers).toEqual(onPage);
			expect(onPage.length).toBeGreaterThan(0);
			if (km === 40) expect(onPage.some((r) => r.certainty === 'possible')).toBe(true);
		});
});
