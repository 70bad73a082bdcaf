import { describe, expect, test } from 'vitest';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { addLayerSet, removeLayerSet, type LayerSet, type LayerSetMap } from './layer-set';

/** A map that keeps its sources and its layers in draw order, and refuses what MapLibre refuses. */
function fakeMap(layerIds: string[] = []) {
	const sources = new Map<string, SourceSpecification>();
	const order = [...layerIds];
	const layers = new Map<string, { source?: string }>(layerIds.map((id) => [id, {}]));
	const map = {
		getLayer: (id: string) => layers.get(id),
		getSource: (id: string) => sources.get(id),
		addSource(id: string, s: SourceSpecification) {
			if (sources.has(id)) throw new Error(`source ${id} exists`);
			sources.set(id, s);
		},
		removeSource(id: string) {
			if ([...layers.values()].some((l) => l.source === id)) throw new Error(`source ${id} in use`);
			sources.delete(id);
		},
		addLayer(l: LayerSpecification, before?: string) {
			if (layers.has(l.id)) throw new Error(`layer ${l.id} exists`);
			layers.set(l.id, { source: 'source' in l ? (l.source as string) : undefined });
			order.splice(before ? order.indexOf(before) : order.length, 0, l.id);
		},
		removeLayer(id: string) {
			layers.delete(id);
			order.splice(order.indexOf(id), 1);
		}
	};
	return { map: map as unknown as LayerSetMap, order, sources };
}

const set: LayerSet = {
	sources: { s: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
	layers: [
		{ id: 'fill', type: 'fill', source: 's' },
		{ id: 'line', type: 'line', source: 's' }
	]
};

describe('a layer set on the map', () => {
	test('goes beneath the given layer, bottom to top, with its source', () => {
		const { map, order, sources } = fakeMap(['land', 'labels']);
		addLayerSet(map, set, 'labels');
		expect(order).toEqual(['land', 'fill', 'line', 'labels']);
		expect([...sources.keys()]).toEqual(['s']);
	});

	test('goes on top when the layer to go beneath is not on the map', () => {
		const { map, order } = fakeMap(['land']);
		addLayerSet(map, set, 'labels');
		expect(order).toEqual(['land', 'fill', 'line']);
	});

	test('added twice (a restored GPU context) leaves one copy', () => {
		const { map, order, sources } = fakeMap(['land']);
		addLayerSet(map, set);
		addLayerSet(map, set);
		expect(order).toEqual(['land', 'fill', 'line']);
		expect(sources.size).toBe(1);
	});

	test('removed, takes its layers before its source and leaves the rest; removing again is harmless', () => {
		const { map, order, sources } = fakeMap(['land']);
		addLayerSet(map, set);
		removeLayerSet(map, set);
		removeLayerSet(map, set);
		expect(order).toEqual(['land']);
		expect(sources.size).toBe(0);
	});
});
