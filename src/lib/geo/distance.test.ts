import { describe, expect, test } from 'vitest';
import { pointToLineDistance, lineString, point } from '@turf/turf';
import type { Position } from 'geojson';
import { capBox, greatCircleKm, positionToShapeKm, shapeOf, shapeToShapeKm } from './distance';

const CHENGDU: Position = [104.0665, 30.5723];
const KANGDING: Position = [101.9556, 30.0013];
const line = (...coordinates: Position[]) => shapeOf({ type: 'LineString', coordinates });
const square = (x: number, y: number, w: number) =>
	shapeOf({
		type: 'Polygon',
		coordinates: [
			[
				[x, y],
				[x + w, y],
				[x + w, y + w],
				[x, y + w],
				[x, y]
			]
		]
	});

describe('distances in km', () => {
	test('great circle: one degree of latitude is 111.19 km; 成都–康定 ≈ 212 km', () => {
		expect(greatCircleKm([0, 0], [0, 1])).toBeCloseTo(111.195, 2);
		expect(greatCircleKm(CHENGDU, KANGDING)).toBeGreaterThan(205);
		expect(greatCircleKm(CHENGDU, KANGDING)).toBeLessThan(215);
	});

	test('point to line agrees with turf pointToLineDistance within 0.5 %, near and far', () => {
		const l = [
			[102.2, 29.9],
			[101.0, 30.03],
			[99.1, 30.0],
			[98.8, 31.2]
		] as Position[];
		for (const p of [
			[101.5, 30.3],
			[100.0, 29.0],
			[103.0, 31.5],
			[116.4, 39.9], // Beijing, ~1 600 km away
			[98.0, 33.0]
		] as Position[]) {
			const ours = positionToShapeKm(p, line(...l));
			const turf = pointToLineDistance(point(p), lineString(l), { units: 'kilometers' });
			expect(Math.abs(ours - turf) / turf, JSON.stringify(p)).toBeLessThan(0.005);
		}
	});

	test('a point inside an area is 0 km from it; outside, the distance to its boundary', () => {
		const sq = square(100, 30, 1);
		expect(positionToShapeKm([100.5, 30.5], sq)).toBe(0);
		expect(positionToShapeKm([102, 30.5], sq)).toBeCloseTo(greatCircleKm([102, 30.5], [101, 30.5]), 1);
	});

	test('the cap box holds every point at that distance, and stays finite near the pole', () => {
		const [x0, y0, x1, y1] = capBox([100, 30], 50);
		for (let a = 0; a < 360; a += 15) {
			// step 50 km on a bearing by small increments of latitude/longitude on the sphere
			const r = 49.999 / 6371.0088;
			const lat1 = (30 * Math.PI) / 180;
			const b = (a * Math.PI) / 180;
			const lat2 = Math.asin(Math.sin(lat1) * Math.cos(r) + Math.cos(lat1) * Math.sin(r) * Math.cos(b));
			const lng2 =
				100 +
				(Math.atan2(Math.sin(b) * Math.sin(r) * Math.cos(lat1), Math.cos(r) - Math.sin(lat1) * Math.sin(lat2)) * 180) /
					Math.PI;
			const y = (lat2 * 180) / Math.PI;
			expect(lng2 >= x0 && lng2 <= x1 && y >= y0 && y <= y1, `bearing ${a}`).toBe(true);
		}
		expect(capBox([0, 89.95], 100)[2]).toBe(180);
	});

	test('shapes: crossing lines are 0 km apart; a line through an area with no vertex inside is 0 km from it', () => {
		expect(shapeToShapeKm(line([0, 0], [1, 1]), line([0, 1], [1, 0]))).toBe(0);
		expect(shapeToShapeKm(line([99, 30.5], [102, 30.5]), square(100, 30, 1))).toBe(0);
		const apart = shapeToShapeKm(line([0, 0], [1, 0]), line([0, 1], [1, 1]));
		expect(apart).toBeCloseTo(111.19, 1);
	});
});
