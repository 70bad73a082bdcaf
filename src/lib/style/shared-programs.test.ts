import { describe, expect, test } from 'vitest';
import { latest, validateStyleMin, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { perFeature, perFeatureAndZoom, shareProgram, SHARED_PAINT, variesByFeature } from './shared-programs';

describe('one program per layer type', () => {
	test("the defaults used for a missing property are the style spec's", () => {
		for (const [type, props] of Object.entries(SHARED_PAINT)) {
			for (const [key, fallback] of Object.entries(props)) {
				const spec = (latest as unknown as Record<string, Record<string, { default?: unknown }>>)[`paint_${type}`][key];
				expect(spec, `${type} ${key}`).toBeDefined();
				if (fallback === null) expect(spec.default, key).toBeUndefined();
				else if (typeof fallback === 'string') expect(spec.default, key).toBe('#000000');
				else expect(spec.default, key).toBe(fallback);
			}
		}
	});

	test('a constant, a zoom curve and a data expression all come out varying by feature, with the same values', () => {
		expect(variesByFeature(2)).toBe(false);
		expect(variesByFeature(['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1])).toBe(false);
		expect(variesByFeature(['get', 'fill'])).toBe(true);
		expect(variesByFeature(['literal', ['get', 'x']])).toBe(false);
		const constant = perFeature('#abcdef');
		expect(variesByFeature(constant)).toBe(true);
		expect(constant).toEqual(['case', ['has', 'atlas:same-for-every-feature'], '#abcdef', '#abcdef']);
		const curve = perFeature(['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1]) as unknown[];
		expect(curve.slice(0, 4)).toEqual(['interpolate', ['linear'], ['zoom'], 5]);
		expect(curve[4]).toEqual(perFeature(0.4));
		expect(curve[6]).toEqual(perFeature(1));
		const step = perFeature(['step', ['zoom'], 1, 8, 2]) as unknown[];
		expect(step).toEqual(['step', ['zoom'], perFeature(1), 8, perFeature(2)]);
		const data = ['get', 'fill'];
		expect(perFeature(data)).toBe(data);
	});

	test('every shared value is a zoom curve of per-feature values (one attribute layout, one program)', () => {
		const isCurve = (v: unknown) => Array.isArray(v) && v[0] === 'interpolate' && (v[2] as unknown[])[0] === 'zoom';
		expect(perFeatureAndZoom(2)).toEqual(['interpolate', ['linear'], ['zoom'], 0, perFeature(2), 24, perFeature(2)]);
		expect(isCurve(perFeatureAndZoom(['get', 'fill']))).toBe(true);
		const curve = ['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1];
		expect(perFeatureAndZoom(curve)).toEqual(perFeature(curve));
	});

	test('shared layers stay valid, and every shared property of a type varies by feature', () => {
		const layers: LayerSpecification[] = [
			{ id: 'f', type: 'fill', source: 's', paint: { 'fill-color': '#fff', 'fill-antialias': false } },
			{
				id: 'l',
				type: 'line',
				source: 's',
				paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 9, 2] }
			},
			{ id: 'c', type: 'circle', source: 's', paint: { 'circle-color': ['get', 'colour'] } },
			{ id: 't', type: 'symbol', source: 's', layout: { 'text-field': 'x' }, paint: { 'text-color': '#123456' } },
			{ id: 'b', type: 'background', paint: { 'background-color': '#fff' } }
		];
		const shared = layers.map(shareProgram);
		const style = {
			version: 8 as const,
			glyphs: '/glyphs/{fontstack}/{range}.pbf',
			sources: { s: { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } } },
			layers: shared
		};
		expect(validateStyleMin(style)).toEqual([]);
		for (const layer of shared) {
			const props = SHARED_PAINT[layer.type as keyof typeof SHARED_PAINT];
			if (!props) {
				expect(layer).toBe(layers.find((l) => l.id === layer.id));
				continue;
			}
			const paint = (layer as { paint: Record<string, unknown> }).paint;
			for (const key of Object.keys(props)) expect(variesByFeature(paint[key]), `${layer.id} ${key}`).toBe(true);
		}
		// values kept: the fill's outline is its fill colour (the spec's default), antialias untouched
		const fill = (shared[0] as { paint: Record<string, unknown> }).paint;
		expect(fill['fill-outline-color']).toEqual(perFeatureAndZoom('#fff'));
		expect(fill['fill-antialias']).toBe(false);
	});
});
