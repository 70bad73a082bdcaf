import { describe, expect, it } from 'vitest';
import { hasFeatures, showLayers } from './empty-layers';

describe('showLayers', () => {
	it('sets the visibility of the layers the map has, and skips the others', () => {
		const calls: [string, string][] = [];
		const map = {
			getLayer: (id: string) => (id === 'missing' ? undefined : { id }),
			setLayoutProperty: (id: string, _name: 'visibility', value: string) => calls.push([id, value])
		};
		showLayers(map, ['a', 'missing', 'b'], false);
		showLayers(map, ['a'], true);
		expect(calls).toEqual([
			['a', 'none'],
			['b', 'none'],
			['a', 'visible']
		]);
	});
});

describe('hasFeatures', () => {
	it('is true only for a collection with features', () => {
		expect(hasFeatures({ type: 'FeatureCollection', features: [] })).toBe(false);
		expect(hasFeatures(null)).toBe(false);
		expect(
			hasFeatures({
				type: 'FeatureCollection',
				features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }]
			})
		).toBe(true);
	});
});
