import { describe, expect, test } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { PlanFeature } from '$lib/data/plan-data';
import { queryOverlay } from './query-overlay';

const line = {
	type: 'Feature',
	properties: { id: 'axis' },
	geometry: {
		type: 'LineString',
		coordinates: [
			[100, 30],
			[101, 30]
		]
	}
} as unknown as PlanFeature;
const park = {
	type: 'Feature',
	properties: { id: 'park' },
	geometry: { type: 'Point', coordinates: [100.5, 30.1] }
} as unknown as PlanFeature;
const lookup = (id: string) => ({ axis: line, park })[id];
const ref = {
	kind: 'park',
	name_zh: '',
	name_en: '',
	precision: 'site',
	county_code: null,
	certainty: 'certain' as const
};

describe('map overlay of an answer', () => {
	test('near: a buffer of the chosen distance around the source, and the hits highlighted', () => {
		const o = queryOverlay({ question: 'near', id: 'axis', km: 20, hits: [{ ...ref, id: 'park', km: 11 }] }, lookup);
		const zone = o.buffer.features[0] as Feature<Polygon>;
		expect(booleanPointInPolygon([100.5, 30.15], zone)).toBe(true); // 16.7 km
		expect(booleanPointInPolygon([100.5, 30.2], zone)).toBe(false); // 22.2 km
		expect(o.hits.features.map((f) => f.properties!.id)).toEqual(['park']);
		expect(o.marker.features).toEqual([]);
	});

	test('what is here: a marker at the point; nothing for no answer', () => {
		const o = queryOverlay(
			{
				question: 'at',
				result: {
					point: [101, 30],
					inSichuan: true,
					county: null,
					prefecture: null,
					regions: [],
					corridors: [],
					nearest: []
				}
			},
			lookup
		);
		expect(o.marker.features[0].geometry).toEqual({ type: 'Point', coordinates: [101, 30] });
		expect(queryOverlay(null, lookup).buffer.features).toEqual([]);
	});
});
