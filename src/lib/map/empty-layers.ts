/**
 * A layer with nothing to draw still costs the map draw calls in every frame (a clipping mask per tile of its source),
 * which in software WebGL is a real share of each frame. Layers that are usually empty (a highlight, a query's answer)
 * start hidden and are shown only while they have something to draw. Hidden or shown, the source keeps its data.
 */
import type { FeatureCollection } from 'geojson';
import { setLayout, type StyleMap } from './quiet-style';

type LayoutMap = Pick<StyleMap, 'getLayer' | 'getLayoutProperty' | 'setLayoutProperty'>;

/** Layout that starts a layer hidden (spread into a layer's `layout`). */
export const HIDDEN_UNTIL_DRAWN = { visibility: 'none' } as const;

/** Shows or hides the layers; one whose visibility is already that is left alone (no frame asked for). */
export function showLayers(map: LayoutMap, ids: readonly string[], shown: boolean): void {
	for (const id of ids) setLayout(map as StyleMap, id, 'visibility', shown ? 'visible' : 'none');
}

/** True when a collection has something to draw. */
export function hasFeatures(data: FeatureCollection | null | undefined): boolean {
	return !!data?.features.length;
}
