import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { keepUsedMapLibreCss } from './maplibre-css';

const css = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');
const kept = keepUsedMapLibreCss(css);

test('keeps what the atlas shows: the map, its canvas, interaction, control corners, zoom, compass, scale', () => {
	for (const cls of [
		'maplibregl-map',
		'maplibregl-canvas',
		'maplibregl-canvas-container',
		'maplibregl-interactive',
		'maplibregl-touch-drag-pan',
		'maplibregl-boxzoom',
		'maplibregl-ctrl-top-right',
		'maplibregl-ctrl-bottom-left',
		'maplibregl-ctrl-group',
		'maplibregl-ctrl-zoom-in',
		'maplibregl-ctrl-zoom-out',
		'maplibregl-ctrl-compass',
		'maplibregl-ctrl-scale'
	])
		expect(kept, cls).toContain(`.${cls}`);
	// the forced-colours (high contrast) icons of the kept buttons stay
	expect(kept).toMatch(/@media\s*\(forced-colors:\s*active\)[^@]*maplibregl-ctrl-zoom-in/);
});

test('drops controls, popups and markers the atlas does not use, and what they leave empty', () => {
	for (const cls of ['geolocate', 'fullscreen', 'terrain', 'globe', 'attrib', 'popup', 'marker', 'user-location'])
		expect(kept).not.toContain(`maplibregl-${cls}`);
	expect(kept).not.toMatch(/@media[^{]*\{\s*\}/);
	expect(kept.length).toBeLessThan(css.length / 5);
});

test('a selector list loses only its unused selectors', () => {
	expect(keepUsedMapLibreCss('.maplibregl-popup,.maplibregl-map{color:red}')).toBe('.maplibregl-map{color:red}');
	expect(keepUsedMapLibreCss('@media print{.maplibregl-marker{display:none}}')).toBe('');
});
