/**
 * MapLibre's stylesheet without the parts the atlas never shows (issue 12: first-view bytes). maplibre-gl.css is 70 KB
 * (10 KB gzip), most of it icons inlined as data URLs for controls the atlas does not add — geolocation, fullscreen,
 * terrain, globe, the attribution control (the atlas writes its own line), the logo — and the styles of popups,
 * markers and cooperative gestures it does not use. What is left (the map, canvas and interaction classes, control
 * corners and groups, zoom and compass buttons, the scale bar, their forced-colours variants) is ~8 KB.
 *
 * A denylist, not an allowlist: a class MapLibre adds in a later version is kept until we decide it is unused.
 * Applied at build time by `maplibreCss()` in vite.config.ts.
 */
import postcss from 'postcss';
import type { Plugin } from 'vite';

/** Selectors naming any of these are dropped (a rule left without selectors goes, then any empty at-rule). */
export const UNUSED_MAPLIBRE_CSS =
	/\.maplibregl-(ctrl-geolocate|ctrl-fullscreen|ctrl-shrink|ctrl-terrain|ctrl-globe|ctrl-attrib|ctrl-logo|attrib-empty|compact|popup|marker|user-location|cooperative-gesture|pseudo-fullscreen)|\.mapboxgl-/;

/** Animations only the dropped controls run (the geolocation dot's pulse, its button's spinner). */
export const UNUSED_MAPLIBRE_KEYFRAMES = /^maplibregl-(user-location-dot-pulse|spin)$/;

/** The stylesheet with the unused selectors (and animations) removed. */
export function keepUsedMapLibreCss(
	css: string,
	unused: RegExp = UNUSED_MAPLIBRE_CSS,
	unusedKeyframes: RegExp = UNUSED_MAPLIBRE_KEYFRAMES
): string {
	const root = postcss.parse(css);
	root.walkAtRules('keyframes', (at) => {
		if (unusedKeyframes.test(at.params.trim())) at.remove();
	});
	root.walkRules((rule) => {
		const kept = rule.selectors.filter((s) => !unused.test(s));
		if (kept.length === 0) rule.remove();
		else if (kept.length !== rule.selectors.length) rule.selectors = kept;
	});
	// innermost first: an at-rule emptied by the rules' removal goes, and then a parent it leaves empty
	let emptied = true;
	while (emptied) {
		emptied = false;
		root.walkAtRules((at) => {
			if (at.nodes && at.nodes.length === 0) {
				at.remove();
				emptied = true;
			}
		});
	}
	return root.toString();
}

/** Vite plugin: serves maplibre-gl/dist/maplibre-gl.css trimmed (dev and build alike). */
export function maplibreCss(): Plugin {
	return {
		name: 'atlas:maplibre-css',
		enforce: 'pre',
		transform(code, id) {
			if (!/maplibre-gl\/dist\/maplibre-gl\.css(\?|$)/.test(id)) return null;
			return { code: keepUsedMapLibreCss(code), map: null };
		}
	};
}
