/**
 * What the map draws of one point layer at a zoom, with its style: the binary attributes (colours, radii) and the
 * cells' counts, each computed once per layer and style (or whole zoom) and kept while the layer lives — a million
 * points are not re-coloured on every pan. Pure apart from the caches.
 */
import { aggregatedAt, binPoints, handoverZoom, type Binned } from './binning';
import type { PointDeckInput } from './deck-layers';
import {
	colorByColumn,
	columnValues,
	sizeByColumn,
	type ColorEncoding,
	type PointStyle,
	type SizeEncoding
} from './point-style';
import type { PointLayer } from './user-layer';

export const NO_STYLE: PointStyle = { colorBy: null, sizeBy: null };

const colorCache = new WeakMap<PointLayer, Map<string, ColorEncoding>>();
const sizeCache = new WeakMap<PointLayer, Map<string, SizeEncoding>>();
const binCache = new WeakMap<PointLayer, { handover: number; byZoom: Map<number, Binned> }>();

function cached<T>(cache: WeakMap<PointLayer, Map<string, T>>, layer: PointLayer, key: string, make: () => T): T {
	let m = cache.get(layer);
	if (!m) cache.set(layer, (m = new Map()));
	let v = m.get(key);
	if (!v) m.set(key, (v = make()));
	return v;
}

const columnOf = (layer: PointLayer, name: string | null) => (name === null ? -1 : layer.columns.indexOf(name));

/** The colours of a layer by a column, or null (one colour). */
export function colorEncoding(layer: PointLayer, column: string | null): ColorEncoding | null {
	const i = columnOf(layer, column);
	if (i < 0) return null;
	return cached(colorCache, layer, column!, () => colorByColumn(columnValues(layer.rows, i), column!));
}

/** The radii of a layer by a numeric column, or null (one size). */
export function sizeEncoding(layer: PointLayer, column: string | null): SizeEncoding | null {
	const i = columnOf(layer, column);
	if (i < 0) return null;
	return cached(sizeCache, layer, column!, () => sizeByColumn(columnValues(layer.rows, i), column!));
}

/** The zoom from which the layer's points are drawn one by one. */
export function layerHandover(layer: PointLayer): number {
	let b = binCache.get(layer);
	if (!b) binCache.set(layer, (b = { handover: handoverZoom(layer.positions), byZoom: new Map() }));
	return b.handover;
}

/** The cells' counts at a zoom, or null when the points are drawn there. */
export function layerCells(layer: PointLayer, zoom: number): Binned | null {
	const handover = layerHandover(layer);
	if (!aggregatedAt(zoom, handover)) return null;
	const b = binCache.get(layer)!;
	const z = Math.floor(zoom);
	let binned = b.byZoom.get(z);
	if (!binned) b.byZoom.set(z, (binned = binPoints(layer.positions, z)));
	return binned;
}

/** The deck.gl input of a point layer at a zoom. */
export function pointDeckInput(
	layer: PointLayer,
	color: [number, number, number],
	style: PointStyle,
	zoom: number
): PointDeckInput {
	return {
		id: layer.id,
		positions: layer.positions,
		color,
		colors: colorEncoding(layer, style.colorBy)?.colors ?? null,
		radii: sizeEncoding(layer, style.sizeBy)?.radii ?? null,
		cells: layerCells(layer, zoom)
	};
}
