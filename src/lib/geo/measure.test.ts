import { describe, expect, test } from 'vitest';
import { area as turfArea, length as turfLength, lineString, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { lineLengthKm, polygonAreaKm2 } from './measure';

const CHENGDU: Position = [104.0665, 30.5723];
const KANGDING: Position = [101.9556, 30.0013];

describe('geodesic measures (WGS84)', () => {
	test('one degree of longitude on the equator is 111.319 km; of latitude at 30°N 110.852 km', () => {
		expect(
			lineLengthKm([
				[0, 0],
				[1, 0]
			])
		).toBeCloseTo(111.3195, 3);
		expect(
			lineLengthKm([
				[100, 29.5],
				[100, 30.5]
			])
		).toBeCloseTo(110.852, 2);
	});

	test('成都–康定 agrees with turf’s sphere within 0.5 %, and a polyline adds its legs', () => {
		const km = lineLengthKm([CHENGDU, KANGDING]);
		expect(Math.abs(km / turfLength(lineString([CHENGDU, KANGDING])) - 1)).toBeLessThan(0.005);
		expect(km).toBeGreaterThan(205);
		expect(km).toBeLessThan(215);
		const via: Position = [103, 30.3];
		expect(lineLengthKm([CHENGDU, via, KANGDING])).toBeCloseTo(
			lineLengthKm([CHENGDU, via]) + lineLengthKm([via, KANGDING]),
			9
		);
		expect(lineLengthKm([CHENGDU])).toBe(0);
	});

	test('polygon area agrees with turf within 0.5 %, either winding; holes are subtracted', () => {
		const outer: Position[] = [
			[101, 29.5],
			[102.5, 29.5],
			[102.5, 30.5],
			[101, 30.5],
			[101, 29.5]
		];
		const hole: Position[] = [
			[101.5, 29.8],
			[101.5, 30.2],
			[102, 30.2],
			[102, 29.8],
			[101.5, 29.8]
		];
		const { areaKm2, perimeterKm } = polygonAreaKm2([outer]);
		expect(Math.abs(areaKm2 / (turfArea(polygon([outer])) / 1e6) - 1)).toBeLessThan(0.005);
		expect(polygonAreaKm2([[...outer].reverse()]).areaKm2).toBeCloseTo(areaKm2, 6);
		expect(perimeterKm).toBeGreaterThan(2 * 111 + 2 * 140);
		const withHole = polygonAreaKm2([outer, hole]).areaKm2;
		expect(withHole).toBeCloseTo(areaKm2 - polygonAreaKm2([hole]).areaKm2, 6);
	});
});
