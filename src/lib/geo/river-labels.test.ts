import { expect, test } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { RIVER_LABEL_INTERVAL_KM, riverLabelPoints } from './river-labels';

const river = (name: string | null, coords: number[][], rank = 2) => ({
	type: 'Feature' as const,
	properties: { name_zh: name, name_en: name && `${name} River`, rank },
	geometry: { type: 'LineString' as const, coordinates: coords }
});

test('long rivers get several evenly spaced labels away from their ends; unnamed rivers none', () => {
	// ~ 555 km due north along a meridian
	const fc: FeatureCollection = {
		type: 'FeatureCollection',
		features: [
			river('岷江', [
				[104, 28],
				[104, 33]
			]),
			river(null, [
				[100, 28],
				[100, 33]
			])
		]
	};
	const points = riverLabelPoints(fc).features;
	expect(points).toHaveLength(Math.round(556 / RIVER_LABEL_INTERVAL_KM));
	const lats = points.map((p) => p.geometry.coordinates[1]);
	expect(Math.min(...lats)).toBeGreaterThan(28.5);
	expect(Math.max(...lats)).toBeLessThan(32.5);
	expect(points.every((p) => p.properties.name_zh === '岷江' && p.properties.rank === 2)).toBe(true);
	expect(points.filter((p) => p.properties.primary)).toHaveLength(1);
});

test('a short river still gets one label, on its longest part', () => {
	const fc: FeatureCollection = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: { name_zh: '渠江', name_en: 'Qu River', rank: 3 },
				geometry: {
					type: 'MultiLineString',
					coordinates: [
						[
							[106, 30],
							[106.01, 30.01]
						],
						[
							[107, 30],
							[107, 30.5]
						]
					]
				}
			}
		]
	};
	const [p] = riverLabelPoints(fc).features;
	expect(p.geometry.coordinates[0]).toBeCloseTo(107, 5);
});
