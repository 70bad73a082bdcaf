/**
 * Picking a user's shape on the map: the MapLibre ids of a layer of shapes, and the shape (layer id and row) under a
 * pixel. Users' points are picked by deck.gl first; shapes come after the plan's own points, which sit on top of them.
 */
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';

const PREFIX = 'user-data-';
/** The MapLibre source, fill and outline of a user's layer of shapes. */
export const shapeSourceId = (id: string) => `${PREFIX}${id}-shapes`;
export const shapeFillId = (id: string) => `${PREFIX}${id}-shape-fill`;
export const shapeLineId = (id: string) => `${PREFIX}${id}-shape-line`;

const SHAPE_LAYER = /^user-data-(.+)-shape-(fill|line)$/;

/** The user's shape under a pixel box: its layer id and row, or null. */
export function shapeAt(map: MapLibreMap, box: [PointLike, PointLike]): { id: string; index: number } | null {
	const layers = (map.getStyle()?.layers ?? []).map((l) => l.id).filter((id) => SHAPE_LAYER.test(id));
	if (!layers.length) return null;
	const hit = map.queryRenderedFeatures(box, { layers })[0];
	const id = hit?.layer?.id.match(SHAPE_LAYER)?.[1];
	const row = Number(hit?.properties?.row);
	return id && Number.isInteger(row) ? { id, index: row } : null;
}
