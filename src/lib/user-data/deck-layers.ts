/**
 * deck.gl layers for users' point layers: one ScatterplotLayer each, positions (and, when coloured or sized by a
 * column, colours and radii) as binary attributes — no object per point — drawn beneath the plan's labels. Below the
 * layer's hand-over zoom the points give way to their counts in screen cells (./binning.ts), drawn as a few thousand
 * squares shaded by count. Built from plain data; deck.gl loads with them.
 */
import { ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { cellLayerId, deckLayerId } from './layer-ids';
import type { Binned, Cell } from './binning';
import { cellAlpha, POINT_ALPHA, POINT_RADIUS_PX as RADIUS_PX, STYLED_POINT_OPACITY } from './user-marks';

export { pointDeckInput, NO_STYLE } from './point-view';

export interface PointDeckInput {
	id: string;
	positions: Float64Array;
	color: [number, number, number];
	/** RGB per point, when coloured by a column. */
	colors?: Uint8Array | null;
	/** Radius per point (px), when sized by a column. */
	radii?: Float32Array | null;
	/** The cells' counts, when the map shows the aggregation instead of the points. */
	cells?: Binned | null;
}

function cellLayer(input: PointDeckInput, cells: Binned, beforeId: string): Layer {
	return new SolidPolygonLayer<Cell>({
		id: cellLayerId(input.id),
		data: cells.cells,
		getPolygon: (c) => c.polygon,
		getFillColor: (c) => [...input.color, cellAlpha(c.count, cells.max)],
		updateTriggers: { getFillColor: [input.color.join(), cells.max] },
		pickable: true,
		...({ beforeId } as object)
	});
}

function pointLayer(input: PointDeckInput, beforeId: string): Layer {
	const length = input.positions.length / 2;
	const attributes: Record<
		string,
		{ value: Float64Array | Float32Array | Uint8Array; size: number; normalized?: boolean }
	> = {
		getPosition: { value: input.positions, size: 2 }
	};
	if (input.colors) attributes.getFillColor = { value: input.colors, size: 3, normalized: true };
	if (input.radii) attributes.getRadius = { value: input.radii, size: 1 };
	return new ScatterplotLayer({
		id: deckLayerId(input.id),
		data: { length, attributes },
		getFillColor: [...input.color, POINT_ALPHA],
		getLineColor: [255, 255, 255, 230],
		opacity: input.colors ? STYLED_POINT_OPACITY : 1,
		stroked: true,
		lineWidthUnits: 'pixels',
		getLineWidth: 1,
		radiusUnits: 'pixels',
		getRadius: RADIUS_PX,
		pickable: true,
		// deck.gl's types omit MapLibreOverlay's interleaving prop
		...({ beforeId } as object)
	});
}

/** The ids of the user layers in the last set of deck.gl layers built (the benchmark asks whether its layer is in). */
let built = new Set<string>();
export const builtUserLayer = (id: string) => built.has(id);

/** MapLibreOverlay (deck.gl 9.4, interleaved) draws its layers in one MapLibre custom layer per `beforeId`, named so;
 * `map.getLayer` never finds a deck.gl layer's own id. */
export const deckGroupId = (beforeId: string) => `deck-maplibre-layer-group-before:${beforeId}`;

export function userDeckLayers(inputs: PointDeckInput[], beforeId: string): Layer[] {
	built = new Set(inputs.map((i) => i.id));
	return inputs.map((input) => (input.cells ? cellLayer(input, input.cells, beforeId) : pointLayer(input, beforeId)));
}
