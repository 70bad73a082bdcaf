import { describe, expect, it } from 'vitest';
import { hasFeatures, showLayers } from './empty-layers';

describe('showLayers', () => {
	it('sets the visibility of the layers the map has, and skips the others and those already so', () => {
		const calls: [string, unknown][] = [];
		const visibility = new Map<string, unknown>();
		const map = {
			getLayer: (id: string) => (id === 'missing' ? undefined : { id }),
			getLayoutProperty: (id: string) => visibility.get(id),
			setLayoutProperty: (id: string, _name: string, value: unknown) => {
				calls.push([id, value]);
				visibility.set(id, value);
			}
		};
		showLayers(map, ['a', 'missing', 'b'], false);
		showLayers(map, ['a'], true);
		showLayers(map, ['a', 'b'], true);
		showLayers(map, ['c'], true);
		expect(calls).toEqual([
			['a', 'none'],
			['b', 'none'],
			['a', 'visible'],
			['b', 'visible']
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
