/**
 * One map context shared by the map root and the components that add sources, layers and controls to it.
 * The map lives in $state.raw (never deep-proxied). Components call `whenStyleReady` so their mutations wait for
 * the style to have loaded.
 */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

const KEY = Symbol('atlas-map');

export class MapContext {
	map = $state.raw<MapLibreMap | null>(null);
	/** True once the style has loaded: sources and layers may be added. */
	styleReady = $state(false);

	/** Runs fn now if the style is ready, else once it is. Returns a cleanup for effects. */
	whenStyleReady(fn: (map: MapLibreMap) => void): void {
		const map = this.map;
		if (!map) return;
		if (map.isStyleLoaded() || this.styleReady) fn(map);
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
