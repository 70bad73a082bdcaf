/**
 * deck.gl layers for users' point layers: one ScatterplotLayer each, positions as a binary attribute (the layer's
 * Float64Array, no object per point), drawn beneath the plan's labels. Built from plain data; deck.gl loads with them.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { deckLayerId } from './layer-ids';

/** Point radius, px: small enough that thousands of points stay apart at province zoom. */
const RADIUS_PX = 3.5;

export interface PointDeckInput {
	id: string;
	positions: Float64Array;
	color: [number, number, number];
}

export function userDeckLayers(inputs: PointDeckInput[], beforeId: string): Layer[] {
	return inputs.map(
		(input) =>
			new ScatterplotLayer({
				id: deckLayerId(input.id),
				data: { length: input.positions.length / 2, attributes: { getPosition: { value: input.positions, size: 2 } } },
				getFillColor: [...input.color, 220],
				getLineColor: [255, 255, 255, 230],
				stroked: true,
				lineWidthUnits: 'pixels',
				getLineWidth: 1,
				radiusUnits: 'pixels',
				getRadius: RADIUS_PX,
				pickable: true,
				// deck.gl's types omit MapLibreOverlay's interleaving prop
				...({ beforeId } as object)
			})
	);
}
