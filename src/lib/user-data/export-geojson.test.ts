import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { SpatialIndex } from '$lib/geo/spatial-index';
import { layerGeometry, propertyNames, tableToGeoJson } from './export-geojson';
import type { PointLayer, RegionLayer } from './user-layer';

const square: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[100, 29],
			[101, 29],
			[101, 30],
			[100, 30],
			[100, 29]
		]
	]
};
const county = { type: 'Feature', properties: { code: '513334' }, geometry: square } as Feature<Polygon | MultiPolygon>;
const index = { counties: { items: [county] }, prefectures: { items: [] } } as unknown as SpatialIndex;

describe('tableToGeoJson', () => {
	it('makes one feature per row, cells as string properties, duplicate names told apart', () => {
		const fc = tableToGeoJson(['name', 'county', 'county'], [['<b>甲</b>', '=1+1', '理塘县']], () => ({
			type: 'Point',
			coordinates: [100.27, 29.99]
		}));
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features).toHaveLength(1);
		expect(fc.features[0].properties).toEqual({ name: '<b>甲</b>', county: '=1+1', 'county (2)': '理塘县' });
		expect(fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [100.27, 29.99] });
		// it survives a JSON round trip unchanged (text stays text)
		expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
	});

	it('names columns apart', () => {
		expect(propertyNames(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a (2)', 'a (3)']);
	});
});

describe('layerGeometry', () => {
	it('gives a point layer its WGS84 points, rounded to 6 decimals', () => {
		const layer = { kind: 'points', positions: Float64Array.from([104.0657123456, 30.6574987654]) } as PointLayer;
		expect(layerGeometry(layer, index)(0)).toEqual({ type: 'Point', coordinates: [104.065712, 30.657499] });
	});

	it("gives a region table its county's outline, and null for a code the geography lacks", () => {
		const layer = { kind: 'regions', level: 'county', codes: ['513334', '999999'] } as RegionLayer;
		const at = layerGeometry(layer, index);
		expect(at(0)).toEqual(square);
		expect(at(1)).toBeNull();
	});
});
