import { describe, expect, test } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSet } from '$lib/map/layer-set';
import { regionLayerSet, shapeLayerSet } from './map-layers';
import { regionShading } from './region-style';
import { shapeAt } from './shape-pick';
import type { RegionLayer } from './user-layer';

/** A style holding the base map's region sources and the sets, as MapLibre would be given it. */
const styleWith = (...sets: LayerSet[]): StyleSpecification => ({
	version: 8,
	sources: {
		counties: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
		prefectures: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
		...Object.assign({}, ...sets.map((s) => s.sources))
	},
	layers: sets.flatMap((s) => s.layers)
});

const zone = {
	type: 'Polygon' as const,
	coordinates: [
		[
			[101, 30],
			[102, 30],
			[102, 31],
			[101, 30]
		]
	]
};
const road = {
	type: 'LineString' as const,
	coordinates: [
		[101, 30],
		[102, 31]
	]
};

describe("MapLibre layers of a user's layer", () => {
	test('shapes: one source whose features carry their row, a fill for areas and an outline for all', () => {
		const set = shapeLayerSet({ id: 'data-3', geometries: [zone, road] }, 'rgb(1, 2, 3)');
		expect(validateStyleMin(styleWith(set))).toEqual([]);
		const [source] = Object.values(set.sources);
		const features = (source as unknown as { data: { features: { id: number; properties: { row: number } }[] } }).data
			.features;
		expect(features.map((f) => [f.id, f.properties.row])).toEqual([
			[0, 0],
			[1, 1]
		]);
		expect(set.layers.map((l) => l.type)).toEqual(['fill', 'line']);
		expect(set.layers[0]).toMatchObject({ filter: ['==', ['geometry-type'], 'Polygon'] });
		// the ids are the ones a click looks for
		const fakeMap = {
			getStyle: () => ({ layers: set.layers }),
			queryRenderedFeatures: (_: unknown, o: { layers: string[] }) => [
				{ layer: { id: o.layers[1] }, properties: { row: 1 } }
			]
		};
		expect(shapeAt(fakeMap as never, [0, 0] as never)).toEqual({ id: 'data-3', index: 1 });
	});

	test('a table by region: a fill on the base counties, only the codes it names, coloured by its shading', () => {
		const layer: RegionLayer = {
			id: 'data-4',
			name: 't.csv',
			kind: 'regions',
			level: 'county',
			regionColumn: '县',
			columns: ['县', '企业数'],
			rows: [
				['理塘', '12'],
				['康定', '30'],
				['理塘', '1']
			],
			rowNumbers: [2, 3, 4],
			bad: [],
			codes: ['513334', '513301', '513334']
		};
		const set = regionLayerSet(layer, regionShading(layer));
		expect(validateStyleMin(styleWith(set))).toEqual([]);
		expect(set.sources).toEqual({});
		expect(set.layers[0]).toMatchObject({
			source: 'counties',
			filter: ['in', ['get', 'code'], ['literal', ['513334', '513301']]]
		});
		expect(regionLayerSet({ ...layer, level: 'prefecture' }, regionShading(layer)).layers[0]).toMatchObject({
			source: 'prefectures'
		});
	});
});
