/**
 * Style changes that ask the map for a frame only when they change something. MapLibre's `map.setFilter` and
 * `map.setLayoutProperty` skip an equal value in the style but still mark the map dirty and request a new frame,
 * and a full-map frame costs 200–800 ms in software WebGL (issue 12): effects that run again with the same filter or
 * label field (the plan's full records arriving after the map file, the map's `load`) must not pay for one.
 * A changed filter or layout makes MapLibre re-tile the layer's source, as before.
 */
import type { FilterSpecification } from 'maplibre-gl';

/** The part of MapLibre's map these helpers use (a fake in unit tests). */
export interface StyleMap {
	getLayer(id: string): unknown;
	getFilter(id: string): FilterSpecification | void | null;
	setFilter(id: string, filter: FilterSpecification | null): unknown;
	getLayoutProperty(id: string, name: string): unknown;
	setLayoutProperty(id: string, name: string, value: unknown): unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Sets a layer's filter (null: none) unless it has that filter already, or the layer is not on the map. */
export function setFilter(map: StyleMap, id: string, filter: FilterSpecification | null | undefined): void {
	if (!map.getLayer(id) || same(map.getFilter(id), filter)) return;
	map.setFilter(id, filter ?? null);
}

/** Sets a layout property unless it has that value already (a layer without `visibility` is visible). */
export function setLayout(map: StyleMap, id: string, name: string, value: unknown): void {
	if (!map.getLayer(id)) return;
	const now = map.getLayoutProperty(id, name) ?? (name === 'visibility' ? 'visible' : undefined);
	if (same(now, value)) return;
	map.setLayoutProperty(id, name, value);
}
