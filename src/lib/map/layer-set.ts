/**
 * A set of MapLibre sources and the layers drawn from them, added and removed as one: how a user's shapes, tables by
 * region and PMTiles archives reach the map. Written against the few map methods it calls, so a tiny fake map tests it.
 */
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';

export interface LayerSet {
	/** Sources the set owns, by id (none when it draws on the base map's own sources). */
	sources: Record<string, SourceSpecification>;
	/** Its layers, bottom to top. */
	layers: LayerSpecification[];
}

/** The part of a MapLibre map a layer set touches. */
export type LayerSetMap = Pick<
	MapLibreMap,
	'getLayer' | 'addLayer' | 'removeLayer' | 'getSource' | 'addSource' | 'removeSource'
>;

/** Removes the set's layers, then its sources (a source in use cannot go first); what is not on the map is skipped. */
export function removeLayerSet(map: LayerSetMap, set: LayerSet): void {
	for (const l of [...set.layers].reverse()) if (map.getLayer(l.id)) map.removeLayer(l.id);
	for (const id of Object.keys(set.sources)) if (map.getSource(id)) map.removeSource(id);
}

/**
 * Adds the set beneath `before` (on top when undefined or not on the map), replacing whatever of it is already there,
 * so adding twice — after a lost GPU context came back, say — leaves one copy.
 */
export function addLayerSet(map: LayerSetMap, set: LayerSet, before?: string): void {
	removeLayerSet(map, set);
	for (const [id, source] of Object.entries(set.sources)) map.addSource(id, source);
	const beneath = before && map.getLayer(before) ? before : undefined;
	for (const l of set.layers) map.addLayer(l, beneath);
}
