/**
 * One map context shared by the map root and the components that add sources, layers and controls to it.
 * The map lives in $state.raw (never deep-proxied). Components call `whenStyleReady` so their mutations wait for
 * the style to have loaded.
 *
 * When the GPU drops the WebGL context, MapLibre rebuilds its style from a snapshot once the context is back; what the
 * style does not hold (feature-state, deck.gl's overlay) is lost with it. `glLost` says the map cannot draw now, and
 * `restorations` counts the times it came back and drew again: components holding such state read it in their effects
 * to apply that state anew.
 */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

const KEY = Symbol('atlas-map');

export class MapContext {
	map = $state.raw<MapLibreMap | null>(null);
	/** True once the style has loaded: sources and layers may be added. */
	styleReady = $state(false);
	/** True from a WebGL context loss until the map has drawn again on the restored context. */
	glLost = $state(false);
	/** How many times the map came back from a lost WebGL context (with its style rebuilt and drawn). */
	restorations = $state(0);

	/** Runs fn now if the style is ready, else once it is (after the first load, or after a lost context is back). */
	whenStyleReady(fn: (map: MapLibreMap) => void): void {
		const map = this.map;
		if (!map) return;
		if (this.glLost) map.once('idle', () => fn(map));
		else if (this.styleReady || map.isStyleLoaded()) fn(map);
		else map.once('load', () => fn(map));
	}
}

export function setMapContext(ctx: MapContext): MapContext {
	return setContext(KEY, ctx);
}

export function getMapContext(): MapContext {
	const ctx = getContext<MapContext | undefined>(KEY);
	if (!ctx) throw new Error('This component must be placed inside <MapLibre>: it adds itself to the map there.');
	return ctx;
}
