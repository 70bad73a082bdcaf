import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { renderMapSvg } from './render-svg';
import { lensShading, queryShown } from './answer-overlays';
import { twoCountyBase, fc, point, square } from './test-geometry';
import { lensClasses, LENS_FILL_OPACITY } from '$lib/atlas/lens/industry-where';
import { theme } from '$lib/style/theme';
import type { SvgView } from './web-mercator';

const base = twoCountyBase();
const view: SvgView = { center: [104, 30.8], zoom: 7, width: 800, height: 600 };
const row = (code: string, count: number) => ({ code, count, name_zh: code, name_en: code, ids: [] }) as never;
const rows = { county: [row('510101', 1), row('510102', 4)], prefecture: [row('510100', 5)] };

describe('the lens in the SVG renderer', () => {
	it('shades prefectures below the province zoom and counties from it, with the class colours', () => {
		const low = lensShading(rows, 6.5, 7)!;
		expect(low.level).toBe('prefecture');
		expect([...low.colors.keys()]).toEqual(['510100']);
		const high = lensShading(rows, 7, 7)!;
		expect(high.level).toBe('county');
		const classes = lensClasses(4);
		expect(high.colors.get('510101')).toBe(classes[0].colour);
		expect(high.colors.get('510102')).toBe(classes[3].colour);
		expect(high.opacity).toBe(LENS_FILL_OPACITY);
		expect(lensShading(null, 8, 7)).toBeNull();
	});

	it('draws the shading over the province fill and beneath the county lines', () => {
		const svg = renderMapSvg({ view, lang: 'zh', base, lens: lensShading(rows, 7, 7) });
		const group = svg.match(/<g data-lens=""[^]*?<\/g>/)![0];
		expect(group.match(/<path /g)).toHaveLength(2);
		expect(group).toContain(`fill-opacity="${LENS_FILL_OPACITY}"`);
		expect(svg.indexOf('data-lens')).toBeLessThan(svg.indexOf('id="layer-counties"'));
	});
});

describe('the spatial answer in the SVG renderer', () => {
	const drawn = square(103.2, 30.2, 0.5, {}).geometry;
	const hits: FeatureCollection = {
		type: 'FeatureCollection',
		features: [
			point(103.4, 30.4, { id: 'park-a' }),
			{
				type: 'Feature',
				properties: { id: 'axis' },
				geometry: {
					type: 'LineString',
					coordinates: [
						[103, 30.5],
						[104, 30.6]
					]
				}
			}
		]
	};
	const marker = fc([point(103.5, 30.5, {})]);
	const empty = fc([]);

	it('is nothing without an answer or a drawn shape', () => {
		expect(queryShown(null, null)).toBeNull();
		expect(queryShown(null, drawn)).toEqual({ drawn, buffer: empty, hits: empty, marker: empty });
	});

	it('draws the shape, the ringed features and the marker on top of everything, in the accent colour', () => {
		const svg = renderMapSvg({
			view,
			lang: 'en',
			base,
			query: queryShown({ buffer: fc([square(103.3, 30.3, 0.3, {})]), hits, marker }, drawn)
		});
		const layer = svg.slice(svg.indexOf('<g id="layer-query"'));
		expect(svg.indexOf('id="layer-query"')).toBeGreaterThan(svg.indexOf('id="layer-labels"'));
		expect(layer).toContain('data-query-hit="park-a"');
		expect(layer).toContain('data-query-marker=""');
		expect(layer).toContain('stroke-dasharray="4.5 3"');
		expect(layer).toContain('stroke-width="4" stroke-opacity="0.45"');
		expect(layer.match(/fill-opacity="0.06"/g)).toHaveLength(1);
		expect(layer).toContain(`stroke="${theme.accent}"`);
	});
});
