/**
 * One map context shared by the map root and the components that add sources, layers and controls to it.
 * The map lives in $state.raw (never deep-proxied). Components call `whenStyleReady` so their mutations wait for
 * the style to be in.
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
	/** True once the map has loaded its style and sources (`load`). */
	styleReady = $state(false);
	/** True once the style itself is in (`style.load`, before its sources have loaded): sources and layers may be added. */
	styleParsed = false;
	/** True from a WebGL context loss until the map has drawn again on the restored context. */
	glLost = $state(false);
	/** How many times the map came back from a lost WebGL context (with its style rebuilt and drawn). */
	restorations = $state(0);

	/**
	 * Runs fn as soon as sources and layers may be added: now if the style is in, else on `style.load` (not `load`,
	 * which waits for every source's tiles: what is added then loads and is drawn with the base, not in a batch of
	 * tiles and frames after it), or once the map has drawn again after a lost context.
	 * The map's state is read untracked: an effect that adds layers must not run again (removing and adding them, which
	 * makes the map tile their sources anew) because the style came in meanwhile.
	 */
	whenStyleReady(fn: (map: MapLibreMap) => void): void {
		const map = this.map;
		if (!map) return;
		const { glLost, styleReady } = untrack(() => ({ glLost: this.glLost, styleReady: this.styleReady }));
		if (glLost) map.once('idle', () => fn(map));
		else if (styleReady || this.styleParsed) fn(map);
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
