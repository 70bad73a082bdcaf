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
import { getContext, setContext, untrack } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

const KEY = Symbol('atlas-map');

export class MapContext {
	map = $state.raw<MapLibreMap | null>(null);
	/** True once the style has loaded: sources and layers may be added. */
	styleReady = $state(false);
	/** True once the style itself is in (`style.load`), before its sources have loaded. */
	styleParsed = false;
	/** True from a WebGL context loss until the map has drawn again on the restored context. */
	glLost = $state(false);
	/** How many times the map came back from a lost WebGL context (with its style rebuilt and drawn). */
	restorations = $state(0);

	/**
	 * Runs fn now if the style is ready, else once it is (after the first load, or after a lost context is back).
	 * The map's state is read untracked: an effect that adds layers must not run again (removing and adding them, which
	 * makes the map tile their sources anew) because the style became ready meanwhile.
	 */
	whenStyleReady(fn: (map: MapLibreMap) => void): void {
		const map = this.map;
		if (!map) return;
		const { glLost, styleReady } = untrack(() => ({ glLost: this.glLost, styleReady: this.styleReady }));
		if (glLost) map.once('idle', () => fn(map));
		else if (styleReady || map.isStyleLoaded()) fn(map);
		else map.once('load', () => fn(map));
	}

	/**
	 * Like `whenStyleReady`, but as soon as the style itself is in, without waiting for its sources to load: what is
	 * added then loads together with the base (one batch of tiles and frames instead of two, one after the other).
	 */
	whenStyleParsed(fn: (map: MapLibreMap) => void): void {
		const map = this.map;
		if (!map) return;
		const { glLost, styleReady } = untrack(() => ({ glLost: this.glLost, styleReady: this.styleReady }));
		if (glLost) this.whenStyleReady(fn);
		else if (this.styleParsed || styleReady) fn(map);
		else map.once('style.load', () => fn(map));
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
